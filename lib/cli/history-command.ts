import { type Database, describeTarget, openDatabase } from "../db";
import { finishUnfinishedWork } from "../publish/unfinished";
import { applyPendingMigrations } from "./run-main";

/**
 * The shape of a history command (import, backfill): Ctrl-C stops it between batches (what was
 * finished stays, the rest is done again next time); a dry run reads everything and opens no
 * database; otherwise the database is migrated and the registry synced first.
 */
export async function runHistoryCommand<S>(options: {
  dryRun: boolean;
  reporter: { stop(): void };
  run: (db: Database | null, signal: AbortSignal) => Promise<S>;
  summary: (result: S) => string[];
}): Promise<void> {
  const stop = new AbortController();
  process.once("SIGINT", () => stop.abort());
  process.once("SIGTERM", () => stop.abort());
  const finish = (result: S) => {
    options.reporter.stop();
    for (const line of options.summary(result)) console.log(line);
  };
  try {
    if (options.dryRun) return finish(await options.run(null, stop.signal));
    const db = await openDatabase();
    try {
      await applyPendingMigrations(db);
      for (const line of await finishUnfinishedWork(db)) console.log(line);
      console.log(`Database: ${describeTarget(db.target)}.`);
      finish(await options.run(db, stop.signal));
    } finally {
      await db.close();
    }
  } finally {
    options.reporter.stop();
  }
}
