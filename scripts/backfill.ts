import { applyPendingMigrations, runMain } from "../lib/cli/run-main";
import { describeTarget, openDatabase } from "../lib/db";
import { runBackfill } from "../lib/import/backfill";
import { BACKFILL_DATASETS, parseBackfillArgs } from "../lib/import/backfill-options";
import {
  formatBackfillSummary,
  lineBackfillReporter,
  terminalBackfillReporter,
} from "../lib/import/backfill-reporter";
import { ensureRegistrySynced } from "../lib/publish/registry";

runMain(async () => {
  const options = parseBackfillArgs(process.argv.slice(2));
  const reporter = process.stdout.isTTY ? terminalBackfillReporter() : lineBackfillReporter();
  // Ctrl-C stops between batches: finished files stay done, the current one is redone next time.
  const stop = new AbortController();
  process.once("SIGINT", () => stop.abort());
  process.once("SIGTERM", () => stop.abort());
  console.log(`Reading ${BACKFILL_DATASETS[options.dataset].describe} from ${options.repo}…`);
  try {
    if (options.dryRun) {
      const summary = await runBackfill(null, options, reporter, {}, stop.signal);
      for (const line of formatBackfillSummary(summary)) console.log(line);
      return;
    }
    const db = await openDatabase();
    try {
      await applyPendingMigrations(db);
      await ensureRegistrySynced(db);
      console.log(`Database: ${describeTarget(db.target)}.`);
      const summary = await runBackfill(db, options, reporter, {}, stop.signal);
      reporter.stop();
      for (const line of formatBackfillSummary(summary)) console.log(line);
    } finally {
      await db.close();
    }
  } finally {
    reporter.stop();
  }
});
