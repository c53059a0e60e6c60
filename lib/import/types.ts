import type { ColumnMapping, FormatName } from "./formats";

/** What an import is about to read: the plan printed before the rows stream. */
export type ImportStart = {
  file: string;
  kind: "parquet" | "csv";
  format: FormatName;
  detected: boolean;
  mapping: ColumnMapping;
  fixedDate: string | null;
  /** Where fixedDate came from ("week": a weekly snapshot's label + 7 days, lib/import/weekly.ts) */
  dateSource: "as-of" | "path" | "week" | null;
  totalRows: number | null;
  total: number;
  rowGroups: number | null;
  dryRun: boolean;
};

export type ImportProgress = {
  rows: number;
  /** Rows (Parquet) or bytes (CSV) read, out of `total` */
  position: number;
  total: number;
  snapshots: number;
  skipped: number;
};

export type ImportReporter = {
  start(info: ImportStart): void;
  progress(p: ImportProgress): void;
  log(line: string): void;
  stop(): void;
};

export const silentImportReporter: ImportReporter = {
  start: () => {},
  progress: () => {},
  log: () => {},
  stop: () => {},
};

export type ImportSummary = {
  file: string;
  kind: "parquet" | "csv";
  format: FormatName;
  dryRun: boolean;
  rowsRead: number;
  /** Rows that became snapshots (dry run: that would) */
  rowsImported: number;
  /** Snapshot rows written (after de-duplicating a model listed twice for one date in a page) */
  snapshotsWritten: number;
  /** Distinct models with imported snapshots */
  models: number;
  /** Models the database did not hold before (null in a dry run) */
  newModels: number | null;
  dates: string[];
  skipped: Record<string, number>;
  /** First few unreadable values skipped with --skip-invalid */
  invalidExamples: string[];
  /** 30-day counts estimated from downloadsAllTime */
  estimated: number;
  runs: { created: number; reused: number };
  demoRemoved: number;
  /** Reading and writing the rows */
  loadSeconds: number;
  /** Estimates, lineage and rollups */
  publishSeconds: number;
  rowsPerSecond: number;
};
