import path from "node:path";
import type { Database } from "../db";
import { todayUtc } from "../domain/days";
import { taggedRepack } from "../domain/repacks";
import { collectGarbage, heapGovernor } from "../process/heap";
import { publishStoredRuns } from "../publish/stored-runs";
import { acquireIngestLock } from "../store/write-lock";
import { estimateDownloads30d } from "./estimate";
import {
  type ColumnMapping,
  detectFormat,
  FORMAT_SPECS,
  type FormatName,
  ImportFormatError,
  resolveColumns,
} from "./formats";
import type { ImportOptions } from "./options";
import { DatePages } from "./pages";
import { type ImportedRow, ImportValueError, readRow } from "./rows";
import { ImportRuns } from "./runs";
import { dateFromPath, type ImportSource, openSource } from "./source";
import {
  type ImportProgress,
  type ImportReporter,
  type ImportStart,
  type ImportSummary,
  silentImportReporter,
} from "./types";
import { weekLabelOf, weeklySnapshotDate } from "./weekly";
import { databasePageWriter } from "./write";

/**
 * Imports a history file: detect or take the format, stream its rows (Parquet one row group at a
 * time, CSV line by line), write snapshots through the ingest upsert in pages of ≤ 1,000 per date,
 * then publish every imported date (an import ingest_run each, lineage, rollups). Holds the ingest
 * lock; removes the demo data first (imported history is real data). A dry run reads and checks
 * the whole file and writes nothing (`db` may be null).
 */
export class ImportInterruptedError extends Error {
  constructor() {
    super("Import interrupted: dates not yet published stay unpublished; run the import again to finish.");
    this.name = "ImportInterruptedError";
  }
}

export async function importFile(
  db: Database | null,
  options: ImportOptions,
  reporter: ImportReporter = silentImportReporter,
  signal?: AbortSignal,
): Promise<ImportSummary> {
  if (!options.dryRun && db === null) throw new Error("importFile needs a database unless it is a dry run");
  const source = await openSource(options.file);
  try {
    const plan = planFor(source, options);
    reporter.start(plan);
    if (db === null || options.dryRun) return await load(source, plan, options, reporter, null, signal);
    const lock = await acquireIngestLock(db);
    try {
      // What a killed process stored but did not publish goes first.
      await publishStoredRuns(db);
      return await load(source, plan, options, reporter, db, signal, lock.assertHeld);
    } finally {
      await lock();
    }
  } finally {
    await source.close();
  }
}

/**
 * Reads only the file's header: its kind, format, column mapping and snapshot date, or the error
 * a bad file, a missing column or a missing --as-of gives (before any database is opened).
 */
export async function planImport(options: ImportOptions): Promise<ImportStart> {
  const source = await openSource(options.file);
  try {
    return planFor(source, options);
  } finally {
    await source.close();
  }
}

/** The study's one_year_rolling.parquet caps each model's counts at its first year. */
export const CAPPED_COUNTS_FILE = /one_year_rolling/i;

function planFor(source: ImportSource, options: ImportOptions): ImportStart {
  if (CAPPED_COUNTS_FILE.test(path.basename(source.file)))
    throw new ImportFormatError(
      `${source.file} holds downloads capped at each model's first year: storing them as all-time counts would be wrong. ` +
        "Import the study's all_downloads_with_annotations.parquet instead.",
    );
  const format =
    options.format === "auto" ? detectFormat(source.columns, source.kind, source.file) : options.format;
  const mapping = resolveColumns(format, source.columns, source.file);
  const { fixedDate, dateSource } = snapshotDate(source, format, mapping, options);
  return {
    file: source.file,
    kind: source.kind,
    format,
    detected: options.format === "auto",
    mapping,
    fixedDate,
    dateSource,
    totalRows: source.totalRows,
    total: source.total,
    rowGroups: source.rowGroups,
    dryRun: options.dryRun,
  };
}

function snapshotDate(
  source: ImportSource,
  format: FormatName,
  mapping: ColumnMapping,
  options: ImportOptions,
): { fixedDate: string | null; dateSource: ImportStart["dateSource"] } {
  if (!FORMAT_SPECS[format].singleSnapshot) {
    if (options.asOf)
      throw new ImportFormatError(
        `--as-of is for single-snapshot files; ${source.file} (format ${format}) takes each row's date ` +
          `from its "${mapping.date}" column.`,
      );
    return { fixedDate: null, dateSource: null };
  }
  if (options.asOf) return { fixedDate: options.asOf, dateSource: "as-of" };
  const week = weekLabelOf(source.file);
  if (week) return { fixedDate: weeklySnapshotDate(week), dateSource: "week" };
  const fromPath = dateFromPath(source.file);
  if (fromPath) return { fixedDate: fromPath, dateSource: "path" };
  throw new ImportFormatError(
    `${source.file} (format ${format}) is a single snapshot with no date column: ` +
      "pass --as-of YYYY-MM-DD (the day the file was taken).",
  );
}

const MAX_EXAMPLES = 5;

/** Of a file's tags only the licence, base models and repack formats are read: the rest need not be held. */
export function thinTags(mapping: ColumnMapping): Record<string, (tag: string) => boolean> {
  return mapping.tags
    ? {
        [mapping.tags]: (tag) =>
          tag.startsWith("license:") || tag.startsWith("base_model:") || taggedRepack([tag]),
      }
    : {};
}

async function load(
  source: ImportSource,
  plan: ImportStart,
  options: ImportOptions,
  reporter: ImportReporter,
  db: Database | null,
  signal: AbortSignal | undefined,
  assertLockHeld: () => void = () => {},
): Promise<ImportSummary> {
  const { format, mapping, fixedDate } = plan;
  const started = performance.now();
  const file = path.basename(source.file);
  let runs: ImportRuns | null = null;
  let demoRemoved = 0;
  let modelsBefore = 0;
  if (db) {
    runs = await ImportRuns.start(db, {
      file,
      format,
      source: format === "open-model-evolution" ? "study" : "import",
      allTimeCounts: mapping.downloadsAllTime !== undefined,
    });
    modelsBefore = await db.prisma.model.count({ where: { demo: false } });
  }

  const progress: ImportProgress = { rows: 0, position: 0, total: source.total, snapshots: 0, skipped: 0 };
  const skipped: Record<string, number> = {};
  const invalidExamples: string[] = [];
  const dryModels = new Set<string>();
  const dryDates = new Set<string>();
  let rowsImported = 0;

  const writer = runs && db ? databasePageWriter(db, runs, { assertLockHeld, mapping }) : null;
  const pages = writer
    ? new DatePages(async (date, rows) => {
        await writer.write(date, rows);
        progress.snapshots = runs?.counts().snapshots ?? 0;
      })
    : null;
  const today = todayUtc();

  const ctx = { file: source.file, mapping, fixedDate };
  const columns = [...new Set(Object.values(mapping))];
  const collectIfNeeded = heapGovernor();
  try {
    for await (const batch of source.batches(columns, {
      betweenSteps: collectIfNeeded,
      thin: thinTags(mapping),
    })) {
      if (signal?.aborted) throw new ImportInterruptedError();
      collectIfNeeded();
      for (let k = 0; k < batch.rows.length; k++) {
        const rowNumber = batch.firstRow + k;
        progress.rows++;
        let row: ImportedRow | { skip: string };
        try {
          row = readRow(batch.rows[k] ?? {}, ctx, rowNumber, batch.lines?.[k]);
        } catch (error) {
          if (!(options.skipInvalid && error instanceof ImportValueError)) throw error;
          row = { skip: `unreadable ${error.column}` };
          if (invalidExamples.length < MAX_EXAMPLES) invalidExamples.push(error.message);
        }
        if (!("skip" in row) && row.date > today) row = { skip: "date after today" };
        if (!("skip" in row) && runs) {
          // One population per date: a date another run holds is not written (lib/publish/dates.ts).
          const verdict = runs.verdictOf(row.date) ?? (await runs.accepts(row.date));
          if (verdict !== true) row = { skip: verdict };
        }
        if ("skip" in row) {
          skipped[row.skip] = (skipped[row.skip] ?? 0) + 1;
          progress.skipped++;
          continue;
        }
        rowsImported++;
        if (pages) {
          const writing = pages.add(row);
          if (writing) await writing;
        } else {
          dryModels.add(row.hubId);
          dryDates.add(row.date);
        }
      }
      progress.position = batch.position;
      if (!pages) progress.snapshots = rowsImported;
      reporter.progress(progress);
    }
    await pages?.flush();
  } catch (error) {
    await pages?.settle().catch(() => {});
    await runs?.fail(error).catch(() => {});
    throw error;
  }
  progress.position = source.total;
  reporter.progress(progress);
  const loadSeconds = (performance.now() - started) / 1000;

  let estimated = 0;
  let models = dryModels.size;
  let newModels: number | null = null;
  collectGarbage();
  const publishStarted = performance.now();
  if (db && runs && runs.dates().length > 0) {
    try {
      const targets = options.estimate ? runs.toEstimate() : [];
      if (targets.length > 0) {
        reporter.log(`Estimating 30-day downloads from downloadsAllTime for ${targets.length} date(s)…`);
        estimated = await estimateDownloads30d(db, targets);
      }
      await writer?.finish();
      await runs.store();
      reporter.log("Publishing: lineage and share rollups…");
      const published = await publishStoredRuns(db);
      demoRemoved = published?.demoRemoved?.models ?? 0;
      if (demoRemoved > 0)
        reporter.log(`Removed the demo data (${demoRemoved} models): real history replaces it.`);
    } catch (error) {
      // Runs stored whole stay so: the next command publishes them.
      await runs.fail(error).catch(() => {});
      throw error;
    }
    const ids = runs.runIds();
    const [counted] = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT model_id)::int AS n FROM model_snapshot WHERE run_id = ANY(${ids}::int[])`;
    models = counted?.n ?? 0;
    newModels = (await db.prisma.model.count()) - modelsBefore;
  }
  const counts = runs?.counts() ?? { created: 0, reused: 0, snapshots: 0 };
  return {
    file: source.file,
    kind: source.kind,
    format,
    dryRun: options.dryRun,
    rowsRead: progress.rows,
    rowsImported,
    snapshotsWritten: counts.snapshots,
    models,
    newModels,
    dates: runs ? runs.dates() : [...dryDates].sort(),
    skipped,
    invalidExamples,
    estimated,
    runs: { created: counts.created, reused: counts.reused },
    demoRemoved,
    loadSeconds,
    publishSeconds: (performance.now() - publishStarted) / 1000,
    rowsPerSecond: loadSeconds > 0 ? Math.round(progress.rows / loadSeconds) : progress.rows,
  };
}
