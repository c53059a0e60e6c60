import type { Database } from "../db";
import type { ModelRecord } from "../store/model-record";
import { snapshotWriter } from "../store/write-snapshots";
import type { PageWrite } from "./pages";
import type { ImportedRow } from "./rows";
import type { ImportRuns } from "./runs";

/**
 * The write of one page of a history file: the date's run, then the write path every writer uses.
 * A file may leave fields empty that the database knows (a licence, the base models): those are
 * kept (`keepKnown`), never erased. One writer for the whole run: every date lists most models
 * again, and those it wrote before are written by id (lib/store/write-snapshots.ts).
 */
export function databasePageWriter(
  db: Database,
  runs: ImportRuns,
  options: { assertLockHeld?: () => void },
  onWritten?: (snapshots: number) => void,
): { write: PageWrite; finish: () => Promise<void> } {
  const writer = snapshotWriter(db, { keepKnown: true });
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

export function toRecord(row: ImportedRow): ModelRecord {
  return { ...row, downloads: row.downloads ?? 0n };
}
