import { applyPendingMigrations, runMain } from "../lib/cli/run-main";
import { describeTarget, openDatabase } from "../lib/db";
import { parseImportArgs } from "../lib/import/options";
import { formatSummary, lineImportReporter, terminalImportReporter } from "../lib/import/reporter";
import { importFile, planImport } from "../lib/import/run-import";
import { ensureRegistrySynced } from "../lib/publish/registry";

runMain(async () => {
  const options = parseImportArgs(process.argv.slice(2));
  // A bad file, a missing column or a missing --as-of fails before the database is opened.
  await planImport(options);
  const reporter = process.stdout.isTTY ? terminalImportReporter() : lineImportReporter();
  // Ctrl-C stops between batches: the current page commits, unpublished dates stay unpublished,
  // and the database is closed cleanly.
  const stop = new AbortController();
  process.once("SIGINT", () => stop.abort());
  process.once("SIGTERM", () => stop.abort());
  try {
    if (options.dryRun) {
      const summary = await importFile(null, options, reporter, stop.signal);
      reporter.stop();
      for (const line of formatSummary(summary)) console.log(line);
      return;
    }
    const db = await openDatabase();
    try {
      await applyPendingMigrations(db);
      await ensureRegistrySynced(db);
      console.log(`Database: ${describeTarget(db.target)}.`);
      const summary = await importFile(db, options, reporter, stop.signal);
      reporter.stop();
      for (const line of formatSummary(summary)) console.log(line);
    } finally {
      await db.close();
    }
  } finally {
    reporter.stop();
  }
});
