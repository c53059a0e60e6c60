import { runHistoryCommand } from "../lib/cli/history-command";
import { runMain } from "../lib/cli/run-main";
import { parseImportArgs } from "../lib/import/options";
import { formatSummary, lineImportReporter, terminalImportReporter } from "../lib/import/reporter";
import { importFile, planImport } from "../lib/import/run-import";

runMain(async () => {
  const options = parseImportArgs(process.argv.slice(2));
  // A bad file, a missing column or a missing --as-of fails before the database is opened.
  await planImport(options);
  const reporter = process.stdout.isTTY ? terminalImportReporter() : lineImportReporter();
  await runHistoryCommand({
    dryRun: options.dryRun,
    reporter,
    run: (db, signal) => importFile(db, options, reporter, signal),
    summary: formatSummary,
  });
});
