import path from "node:path";
import type { Database } from "../db";
import type { SnapshotSource } from "../db/generated/client";
import { isoDay, todayUtc } from "../domain/days";
import { type DatasetOptions, listDatasetTree, openDatasetFile, type RemoteFile } from "../hf/datasets";
import { faultPoint } from "../process/fault-points";
import { collectGarbage, heapGovernor } from "../process/heap";
import { publishStoredRuns } from "../publish/stored-runs";
import { acquireIngestLock } from "../store/write-lock";
import { type BackfillOptions, DEFAULT_MIN_DOWNLOADS } from "./backfill-options";
import { estimateDownloads30d } from "./estimate";
import {
  type ColumnMapping,
  detectFormat,
  type FormatName,
  ImportFormatError,
  resolveColumns,
} from "./formats";
import { localRepoDir, localWeekLabels, openLocalFile, readManifest } from "./local-repo";
import { DatePages } from "./pages";
import { type PopulationRule, populationRule } from "./population";
import { readRow } from "./rows";
import { CAPPED_COUNTS_FILE, ImportInterruptedError, thinTags } from "./run-import";
import { ImportRuns } from "./runs";
import { type ImportSource, openParquet } from "./source";
import { parseTimestamp } from "./values";
import { weekLabelOf, weeklySnapshotDate } from "./weekly";
import { databasePageWriter } from "./write";

/** The study's file of every snapshot; its sibling one_year_rolling.parquet caps counts at a model's first year. */
export const STUDY_FILE = "all_downloads_with_annotations.parquet";

/** Snapshots written per transaction: large pages keep the write path near its best rate. */
const BACKFILL_PAGE_ROWS = 20_000;

export type BackfillFile = {
  path: string;
  /** hub-weekly: the folder's date; null for the study's file */
  label: string | null;
  /**
   * hub-weekly: the snapshot date (lib/import/weekly.ts: the end of its week or earlier, dated
   * again once the file's own statistics are read); null where rows carry their own
   */
  date: string | null;
  /** hub-weekly: the day of the commit that last touched the week's folder, when the Hub says */
  committed?: string | null;
  /** An export's file (lib/import/export.ts): `date` is its snapshot date as it is, never moved */
  exact?: boolean;
  /** An export's file of the study's population (restored as the study's) */
  study?: boolean;
};

export type FileProgress = {
  file: BackfillFile;
  index: number;
  files: number;
  bytes: number;
  size: number;
  rows: number;
  totalRows: number;
  kept: number;
  snapshots: number;
};

export type BackfillReporter = {
  fileStart(p: FileProgress): void;
  progress(p: FileProgress): void;
  fileDone(p: FileProgress & { seconds: number }): void;
  log(line: string): void;
  stop(): void;
};

export type BackfillSummary = {
  dataset: BackfillOptions["dataset"];
  repo: string;
  dryRun: boolean;
  files: { planned: number; done: number; skipped: number; alreadyDone: number };
  rowsRead: number;
  rowsKept: number;
  snapshotsWritten: number;
  skipped: Record<string, number>;
  /** Files whose date another run holds (a crawl's above all): not written */
  skippedDates: { date: string; file: string; reason: string }[];
  dates: string[];
  bytesFetched: number;
  bytesInFiles: number;
  loadSeconds: number;
  publishSeconds: number;
  rowsPerSecond: number;
};

const SOURCE: Record<BackfillOptions["dataset"], SnapshotSource> = {
  "hub-weekly": "hub_weekly",
  study: "study",
};
const FORMAT: Record<BackfillOptions["dataset"], FormatName> = {
  "hub-weekly": "hub-stats",
  study: "open-model-evolution",
};

/** The files to read, oldest first, from the dataset's tree on the Hub (or in a local folder). */
export async function planBackfill(
  options: BackfillOptions,
  hub: DatasetOptions = {},
): Promise<BackfillFile[]> {
  const local = localRepoDir(options.repo);
  if (local) return planLocal(options, local);
  if (options.dataset === "study") {
    const files: string[] = [];
    for await (const entry of listDatasetTree(options.repo, "", hub))
      if (entry.type === "file") files.push(entry.path);
    const study = files.find((f) => path.posix.basename(f) === STUDY_FILE);
    if (!study)
      throw new Error(
        `${options.repo} has no ${STUDY_FILE} at its top level (it has ${files.slice(0, 12).join(", ") || "no files"}).`,
      );
    return [{ path: study, label: null, date: null }];
  }
  const weeks = new Map<string, BackfillFile>();
  const today = todayUtc();
  for await (const entry of listDatasetTree(options.repo, "models", hub, { lastCommit: true })) {
    const label =
      entry.type === "directory"
        ? (/^models\/(\d{4}-\d{2}-\d{2})$/.exec(entry.path)?.[1] ?? null)
        : weekLabelOf(entry.path);
    if (!label) continue;
    if (options.from && label < options.from) continue;
    if (options.to && label > options.to) continue;
    // A week that has not begun cannot have been listed.
    if (label > today) continue;
    const committed = commitDay(entry.lastCommit?.date);
    const date = weeklySnapshotDate(label, { committed, today });
    weeks.set(label, { path: `models/${label}/models.parquet`, label, date, committed });
  }
  if (weeks.size === 0)
    throw new Error(
      `${options.repo} lists no weekly files models/YYYY-MM-DD/models.parquet${
        options.from || options.to
          ? ` between ${options.from ?? "the first"} and ${options.to ?? "the last"}`
          : ""
      }.`,
    );
  return [...weeks.values()].sort((a, b) => ((a.label ?? "") < (b.label ?? "") ? -1 : 1));
}

/**
 * A local folder: an export's files at the exact dates its manifest gives (the study's dates
 * too, restored as the study's), or a copy of the Hub's weekly layout dated as the Hub's is.
 */
async function planLocal(options: BackfillOptions, dir: string): Promise<BackfillFile[]> {
  const inRange = (d: string) => (!options.from || d >= options.from) && (!options.to || d <= options.to);
  const manifest = await readManifest(dir);
  if (manifest) {
    if (options.dataset !== "hub-weekly")
      throw new Error(
        `${dir} is an export: restore it with --dataset hub-weekly (its study dates included).`,
      );
    return manifest.dates
      .filter((d) => inRange(d.date))
      .map((d) => ({
        path: d.path,
        label: d.date,
        date: d.date,
        exact: true,
        study: d.population === "study",
      }));
  }
  if (options.dataset === "study") return [{ path: STUDY_FILE, label: null, date: null }];
  const today = todayUtc();
  const files = (await localWeekLabels(dir))
    .filter((label) => inRange(label) && label <= today)
    .map((label) => ({
      path: `models/${label}/models.parquet`,
      label,
      date: weeklySnapshotDate(label, { today }),
    }));
  if (files.length === 0)
    throw new Error(`${dir} holds no weekly files models/YYYY-MM-DD/models.parquet in range.`);
  return files;
}

/** The UTC day of a commit time the Hub gives, or null when it gives none or an unreadable one. */
function commitDay(date: string | undefined): string | null {
  if (!date) return null;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? null : isoDay(new Date(ms));
}

/**
 * Reads the public history straight from the Hub, file after file, and publishes once at the end.
 * - hub-weekly: each week's listing, read by HTTP ranges and only the columns we store, with the
 *   crawl's population rule (every registry namespace; other models from `minDownloads` 30-day
 *   downloads on); its snapshot dated within its week (lib/import/weekly.ts).
 * - study: the study's file, each row at its own time; its dates form their own population.
 * Resumable and idempotent per file: a week whose file is stored whole is done, a rerun skips it;
 * a date another run holds (a crawl's above all) is left alone and named (lib/publish/dates.ts).
 * Runs a killed process stored but did not publish are published first. Private models are never
 * stored. Without a database (dry run) everything is read and nothing written.
 */
export async function runBackfill(
  db: Database | null,
  options: BackfillOptions,
  reporter: BackfillReporter,
  hub: DatasetOptions = {},
  signal?: AbortSignal,
): Promise<BackfillSummary> {
  if (!options.dryRun && db === null) throw new Error("runBackfill needs a database unless it is a dry run");
  const started = performance.now();
  const files = await planBackfill(options, hub);
  const summary: BackfillSummary = {
    dataset: options.dataset,
    repo: options.repo,
    dryRun: options.dryRun,
    files: { planned: files.length, done: 0, skipped: 0, alreadyDone: 0 },
    rowsRead: 0,
    rowsKept: 0,
    snapshotsWritten: 0,
    skipped: {},
    skippedDates: [],
    dates: [],
    bytesFetched: 0,
    bytesInFiles: 0,
    loadSeconds: 0,
    publishSeconds: 0,
    rowsPerSecond: 0,
  };
  const writing = db && !options.dryRun ? db : null;
  const lock = writing ? await acquireIngestLock(writing) : null;
  try {
    if (writing) await publishStoredRuns(writing);
    const local = localRepoDir(options.repo);
    const minDownloads =
      options.minDownloads ?? (local && (await readManifest(local)) ? 0 : DEFAULT_MIN_DOWNLOADS);
    const population = options.dataset === "study" ? null : await populationRule(db, minDownloads);
    const written = new Set<string>();
    for (const [index, file] of files.entries()) {
      if (signal?.aborted) throw new ImportInterruptedError();
      if (writing && file.label && (await weekDone(writing, file.label))) {
        summary.files.alreadyDone++;
        continue;
      }
      const outcome = await backfillFile(
        writing,
        options,
        file,
        { index, files: files.length },
        file.study ? null : population,
        reporter,
        summary,
        hub,
        signal,
        lock?.assertHeld,
      );
      if (outcome.kind === "done") summary.files.alreadyDone++;
      else if (outcome.kind === "skipped") {
        summary.files.skipped++;
        summary.skippedDates.push({ date: outcome.date, file: file.path, reason: outcome.reason });
        reporter.log(`${file.path}: ${outcome.date} skipped: ${outcome.reason}.`);
      } else {
        for (const d of outcome.dates) written.add(d);
        summary.files.done++;
      }
    }
    summary.loadSeconds = (performance.now() - started) / 1000;
    summary.rowsPerSecond = Math.round(summary.rowsRead / Math.max(0.001, summary.loadSeconds));
    summary.dates = [...written].sort();
    const publishStarted = performance.now();
    if (writing) {
      reporter.log("Publishing: lineage and share rollups…");
      collectGarbage();
      await publishStoredRuns(writing);
    }
    summary.publishSeconds = (performance.now() - publishStarted) / 1000;
    return summary;
  } finally {
    await lock?.();
  }
}

/** Whether a backfill stored a week's file whole already (whatever date it gave it). */
async function weekDone(db: Database, label: string): Promise<boolean> {
  const rows = await db.prisma.$queryRaw<{ file: string | null }[]>`
    SELECT options->>'file' AS file FROM ingest_run
    WHERE trigger = 'backfill' AND source = 'hub-weekly' AND status IN ('succeeded', 'stored')`;
  return rows.some((r) => r.file !== null && weekLabelOf(r.file) === label);
}

type FileOutcome =
  | { kind: "written"; dates: string[] }
  | { kind: "done" }
  | { kind: "skipped"; date: string; reason: string };

async function backfillFile(
  db: Database | null,
  options: BackfillOptions,
  file: BackfillFile,
  at: { index: number; files: number },
  population: PopulationRule | null,
  reporter: BackfillReporter,
  summary: BackfillSummary,
  hub: DatasetOptions,
  signal: AbortSignal | undefined,
  assertLockHeld?: () => void,
): Promise<FileOutcome> {
  if (CAPPED_COUNTS_FILE.test(file.path))
    throw new ImportFormatError(
      `${file.path} holds downloads capped at each model's first year: storing them as all-time counts would be wrong. Read ${STUDY_FILE} instead.`,
    );
  const fileStarted = performance.now();
  const local = localRepoDir(options.repo);
  const opened = local ? await openLocalFile(local, file.path) : null;
  const remote: RemoteFile = opened ?? (await openDatasetFile(options.repo, file.path, { ...hub, signal }));
  const name = `${options.repo}/${file.path}`;
  // The footer is read first: 64 kB holds the metadata of most files in one request (a larger one
  // takes a second), where a local file's default 512 kB would be a needless download.
  const source = await openParquet(
    name,
    remote,
    Number.POSITIVE_INFINITY,
    async () => opened?.close(),
    64 * 1024,
  ).catch(async (error: unknown) => {
    await opened?.close();
    throw error;
  });
  try {
    return await backfillSource(
      db,
      options,
      file,
      at,
      population,
      reporter,
      summary,
      signal,
      assertLockHeld,
      {
        remote,
        source,
        name,
        fileStarted,
      },
    );
  } finally {
    await source.close();
  }
}

async function backfillSource(
  db: Database | null,
  options: BackfillOptions,
  file: BackfillFile,
  at: { index: number; files: number },
  population: PopulationRule | null,
  reporter: BackfillReporter,
  summary: BackfillSummary,
  signal: AbortSignal | undefined,
  assertLockHeld: (() => void) | undefined,
  {
    remote,
    source,
    name,
    fileStarted,
  }: { remote: RemoteFile; source: ImportSource; name: string; fileStarted: number },
): Promise<FileOutcome> {
  const format = detectFormat(source.columns, "parquet", name);
  if (format !== FORMAT[options.dataset])
    throw new ImportFormatError(
      `${name} is not in the layout of ${options.dataset} (its columns read as ${format}: ${source.columns.slice(0, 20).join(", ")}).`,
    );
  const mapping = backfillColumns(resolveColumns(format, source.columns, name));
  const date = file.exact
    ? file.date
    : file.label
      ? weekDate(file, source.maxOf?.(mapping.createdAt ?? ""))
      : null;
  const runs =
    db && !options.dryRun
      ? await ImportRuns.start(db, {
          file: file.path,
          format,
          source: file.study ? "study" : SOURCE[options.dataset],
          allTimeCounts: mapping.downloadsAllTime !== undefined,
          trigger: "backfill",
          details: {
            dataset: options.dataset,
            repo: options.repo,
            ...(options.minDownloads !== undefined ? { minDownloads: options.minDownloads } : {}),
          },
        })
      : null;
  if (runs && date) {
    const verdict = await runs.accepts(date);
    if (verdict !== true)
      return verdict.startsWith("date imported already")
        ? { kind: "done" }
        : { kind: "skipped", date, reason: verdict };
  }
  const progress: FileProgress = {
    file: { ...file, date },
    ...at,
    bytes: 0,
    size: remote.byteLength,
    rows: 0,
    totalRows: source.totalRows ?? 0,
    kept: 0,
    snapshots: 0,
  };
  reporter.fileStart(progress);
  summary.bytesInFiles += remote.byteLength;

  const writer = runs && db ? databasePageWriter(db, runs, { assertLockHeld, mapping }) : null;
  const pages = writer
    ? new DatePages(
        async (day, rows) => {
          await writer.write(day, rows);
          progress.snapshots = runs?.counts().snapshots ?? 0;
        },
        BACKFILL_PAGE_ROWS,
        BACKFILL_PAGE_ROWS * 5,
      )
    : null;
  const ctx = { file: name, mapping, fixedDate: date };
  const columns = [...new Set(Object.values(mapping))];
  const skip = (reason: string) => {
    summary.skipped[reason] = (summary.skipped[reason] ?? 0) + 1;
  };
  const today = todayUtc();
  const collectIfNeeded = heapGovernor();
  try {
    for await (const batch of source.batches(columns, {
      betweenSteps: collectIfNeeded,
      thin: thinTags(mapping),
      filter: population?.(mapping),
    })) {
      if (signal?.aborted) throw new ImportInterruptedError();
      collectIfNeeded();
      progress.rows += batch.rows.length + (batch.filtered ?? 0);
      if (batch.filtered)
        summary.skipped["below the download threshold"] =
          (summary.skipped["below the download threshold"] ?? 0) + batch.filtered;
      for (const [k, raw] of batch.rows.entries()) {
        const row = readRow(raw, ctx, batch.firstRow + k);
        if ("skip" in row) {
          skip(row.skip);
          continue;
        }
        if (row.date > today) {
          skip("date after today");
          continue;
        }
        // The study's rows carry their own dates: one population per date (lib/publish/dates.ts).
        const verdict = runs ? (runs.verdictOf(row.date) ?? (await runs.accepts(row.date))) : true;
        if (verdict !== true) {
          skip(verdict);
          continue;
        }
        progress.kept++;
        const pending = pages?.add(row);
        if (pending) await pending;
      }
      // What a row group kept is written before the next group is read: memory holds one group.
      if (batch.endOfGroup) await pages?.flush();
      progress.bytes = remote.bytesFetched();
      reporter.progress(progress);
    }
    await pages?.flush();
    if (runs && db) {
      const estimate = runs.toEstimate();
      if (estimate.length > 0) {
        reporter.log(`Estimating 30-day downloads from downloadsAllTime for ${estimate.length} date(s)…`);
        await estimateDownloads30d(db, estimate);
      }
      await writer?.finish();
      await runs.store();
      faultPoint("backfill:file-stored");
    }
  } catch (error) {
    await pages?.settle().catch(() => {});
    await runs?.fail(error).catch(() => {});
    throw error;
  }
  progress.bytes = remote.bytesFetched();
  summary.rowsRead += progress.rows;
  summary.rowsKept += progress.kept;
  summary.snapshotsWritten += progress.snapshots;
  summary.bytesFetched += progress.bytes;
  reporter.fileDone({ ...progress, seconds: (performance.now() - fileStarted) / 1000 });
  return { kind: "written", dates: runs ? runs.dates() : date ? [date] : [] };
}

/** A week's snapshot date, its newest model's creation (the file's statistics) taken into account. */
function weekDate(file: BackfillFile, newest: unknown): string {
  let newestCreated: string | null = null;
  try {
    const created = parseTimestamp(newest instanceof Uint8Array ? new TextDecoder().decode(newest) : newest);
    newestCreated = created ? isoDay(created) : null;
  } catch {
    // Statistics that do not read as a time say nothing.
  }
  return weeklySnapshotDate(file.label ?? "", { committed: file.committed, newestCreated });
}

/**
 * Of a listing's columns the backfill fetches what shares need: the counts, the dates, the task,
 * library, base models and tags (a repack's `gguf` or `mlx`, the licence; base models where a file
 * has no `baseModels`). The parameter count (`safetensors`) and `lastModified` are the daily crawl's
 * to fill; leaving them out spares most of the bytes.
 */
function backfillColumns(mapping: ColumnMapping): ColumnMapping {
  const { parameters: _parameters, lastModified: _lastModified, ...needed } = mapping;
  return needed;
}
