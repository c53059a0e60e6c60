import { Cron } from "croner";
import { applyPendingMigrations, runMain } from "../lib/cli/run-main";
import { openDatabase } from "../lib/db";
import { runDailyIngest } from "../lib/ingest/job";
import { ingestOptionsSchema, todayUtc } from "../lib/ingest/options";
import { lineReporter } from "../lib/ingest/reporters";
import { finishUnfinishedWork } from "../lib/publish/unfinished";
import { IngestBusyError } from "../lib/store/write-lock";
import { deliverLoop } from "../lib/webhooks/deliver";

const DEFAULT_CRON = "0 6 * * *";

runMain(async () => {
  const pattern = process.env.INGEST_CRON?.trim() || DEFAULT_CRON;
  try {
    new Cron(pattern, { paused: true }).stop();
  } catch (error) {
    throw new Error(`INGEST_CRON "${pattern}" is not a valid cron expression: ${(error as Error).message}`);
  }
  const db = await openDatabase();
  await applyPendingMigrations(db);
  for (const line of await finishUnfinishedWork(db)) console.log(line);
  const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);
  const job: Cron = new Cron(pattern, { timezone: "UTC", protect: true }, async () => {
    const options = ingestOptionsSchema.parse({ asOf: todayUtc() });
    log(`scheduled run for ${options.asOf} starting`);
    try {
      const result = await runDailyIngest({
        db,
        options,
        trigger: "scheduler",
        reporter: lineReporter(50, log),
      });
      log(
        result.status === "up-to-date"
          ? `${options.asOf} is published already (run #${result.runId})`
          : `run #${result.runId} succeeded: ${result.pages} pages, ${result.models} models, population ${result.population}`,
      );
    } catch (error) {
      if (error instanceof IngestBusyError) log("skipped: another run is in progress");
      else log(`run failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    log(`next run at ${job.nextRun()?.toISOString() ?? "never"}`);
  });
  log(`scheduler started (INGEST_CRON="${pattern}", UTC); next run at ${job.nextRun()?.toISOString()}`);
  // The events each run records go to their webhooks from here too (the publish never waits on it).
  const stopDeliveries = new AbortController();
  const deliveries = deliverLoop(db, { signal: stopDeliveries.signal, pollMs: 30_000, log }).catch(
    (error: Error) => log(`webhook deliveries stopped: ${error.message}`),
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      job.stop();
      stopDeliveries.abort();
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await deliveries;
  log("scheduler stopping");
  await db.close();
});
