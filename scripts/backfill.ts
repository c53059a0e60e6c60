import { runHistoryCommand } from "../lib/cli/history-command";
import { runMain } from "../lib/cli/run-main";
import { runBackfill } from "../lib/import/backfill";
import { BACKFILL_DATASETS, parseBackfillArgs } from "../lib/import/backfill-options";
import {
  formatBackfillSummary,
  lineBackfillReporter,
  terminalBackfillReporter,
} from "../lib/import/backfill-reporter";

runMain(async () => {
  const options = parseBackfillArgs(process.argv.slice(2));
  const reporter = process.stdout.isTTY ? terminalBackfillReporter() : lineBackfillReporter();
  console.log(`Reading ${BACKFILL_DATASETS[options.dataset].describe} from ${options.repo}…`);
  await runHistoryCommand({
    dryRun: options.dryRun,
    reporter,
    run: (db, signal) => runBackfill(db, options, reporter, {}, signal),
    summary: formatBackfillSummary,
  });
});
