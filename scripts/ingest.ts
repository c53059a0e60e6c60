import { applyPendingMigrations, runMain } from "../lib/cli/run-main";
import { describeTarget, openDatabase } from "../lib/db";
import { runDailyIngest } from "../lib/ingest/job";
import { parseIngestArgs } from "../lib/ingest/options";
import { lineReporter, terminalReporter } from "../lib/ingest/reporters";
import { finishUnfinishedWork } from "../lib/publish/unfinished";

runMain(async () => {
  const options = parseIngestArgs(process.argv.slice(2));
  const db = await openDatabase();
  const reporter = process.stdout.isTTY ? terminalReporter() : { ...lineReporter(), stop: () => {} };
  try {
    await applyPendingMigrations(db);
    for (const line of await finishUnfinishedWork(db)) reporter.log(line);
    reporter.log(
      `Ingesting as of ${options.asOf} into ${describeTarget(db.target)}${options.dryRun ? " (dry run)" : ""}…`,
    );
    const result = await runDailyIngest({ db, options, reporter, trigger: "cli" });
    reporter.stop();
    const skipped =
      result.privateSkipped > 0
        ? ` ${result.privateSkipped} private model(s) the token can see were left out (never stored).`
        : "";
    const resumed = result.resumedFrom ? ` (resumed run #${result.resumedFrom})` : "";
    console.log(
      result.status === "dry-run"
        ? `Dry run: ${result.pages} pages, ${result.models} models; nothing written.${skipped}`
        : result.status === "up-to-date"
          ? `${options.asOf} is published already (run #${result.runId}): nothing to do.`
          : result.test
            ? `Test run #${result.runId} finished${resumed}: ${result.pages} pages, ${result.models} models stored for ` +
              `${options.asOf}, not published (--orgs and --max-models list a part of the Hub; a published date ` +
              `needs the whole listing).${skipped}`
            : `Run #${result.runId} succeeded${resumed}: ${result.pages} pages, ${result.models} models; ` +
              `population ${result.population} models on ${options.asOf}, published.${skipped}`,
    );
  } finally {
    reporter.stop();
    await db.close();
  }
});
