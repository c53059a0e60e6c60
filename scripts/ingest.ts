import { applyPendingMigrations, runMain } from "../lib/cli/run-main";
import { describeTarget, openDatabase } from "../lib/db";
import { runDailyIngest } from "../lib/ingest/job";
import { parseIngestArgs } from "../lib/ingest/options";
import { lineReporter, terminalReporter } from "../lib/ingest/reporters";
import { ensureRegistrySynced } from "../lib/publish/registry";

runMain(async () => {
  const options = parseIngestArgs(process.argv.slice(2));
  const db = await openDatabase();
  const reporter = process.stdout.isTTY ? terminalReporter() : { ...lineReporter(), stop: () => {} };
  try {
    await applyPendingMigrations(db);
    await ensureRegistrySynced(db);
    reporter.log(
      `Ingesting as of ${options.asOf} into ${describeTarget(db.target)}${options.dryRun ? " (dry run)" : ""}…`,
    );
    const result = await runDailyIngest({ db, options, reporter, trigger: "cli" });
    reporter.stop();
    const skipped =
      result.privateSkipped > 0
        ? ` ${result.privateSkipped} private model(s) the token can see were left out (never stored).`
        : "";
    console.log(
      result.status === "dry-run"
        ? `Dry run: ${result.pages} pages, ${result.models} models; nothing written.${skipped}`
        : `Run #${result.runId} succeeded${result.resumedFrom ? ` (resumed run #${result.resumedFrom})` : ""}: ` +
            `${result.pages} pages, ${result.models} models; population ${result.population} models on ${options.asOf}.${skipped}`,
    );
  } finally {
    reporter.stop();
    await db.close();
  }
});
