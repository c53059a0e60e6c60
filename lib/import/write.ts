import type { Database } from "../db";
import type { ModelRecord } from "../store/model-record";
import { KEEPABLE, snapshotWriter } from "../store/write-snapshots";
import type { ColumnMapping } from "./formats";
import type { PageWrite } from "./pages";
import type { ImportedRow } from "./rows";
import type { ImportRuns } from "./runs";

/**
 * The write of one page of a history file: the date's run, then the write path every writer uses.
 * A file may not have a column the database knows (a CSV without tasks): those fields are kept
 * (`keepKnown`), never erased. One writer for the whole run: every date lists most models
 * again, and those it wrote before are written by id (lib/store/write-snapshots.ts).
 */
export function databasePageWriter(
  db: Database,
  runs: ImportRuns,
  options: { assertLockHeld?: () => void; mapping: ColumnMapping },
  onWritten?: (snapshots: number) => void,
): { write: PageWrite; finish: () => Promise<void> } {
  const writer = snapshotWriter(db, { keepKnown: notGiven(options.mapping) });
  const write: PageWrite = async (date, rows) => {
    // The write lock's connection may drop (a database restart): then stop, never write unlocked.
    options.assertLockHeld?.();
    const runId = await runs.runFor(date);
    const snapshots = await writer.write(rows.map(toRecord), date, { runId });
    runs.record(
      date,
      rows.length,
      snapshots,
      rows.some((r) => r.downloads === null),
    );
    onWritten?.(snapshots);
  };
  // The model rows of models written by id at later dates learn of them once every date is in.
  return { write, finish: () => writer.finish() };
}

/**
 * The model row's fields a file leaves to what is stored: those it has no column for. Where it has
 * the column, an empty value is its word for its date (no task, no base), as in the crawl.
 */
export function notGiven(mapping: ColumnMapping): (typeof KEEPABLE)[number][] {
  const given: Record<(typeof KEEPABLE)[number], boolean> = {
    pipeline_tag: mapping.pipelineTag !== undefined,
    library_name: mapping.libraryName !== undefined,
    gated: mapping.gated !== undefined,
    base_models: mapping.baseModels !== undefined || mapping.tags !== undefined,
  };
  return KEEPABLE.filter((field) => !given[field]);
}

export function toRecord(row: ImportedRow): ModelRecord {
  return { ...row, downloads: row.downloads ?? 0n };
}
