import type { Database } from "../db";
import type { HubSource } from "./crawl";
import { runDailyIngest } from "./job";
import { type IngestOptions, ingestOptionsSchema, todayUtc } from "./options";

/**
 * Starts a run in the background and resolves with its id as soon as the run row exists (or
 * rejects at once when the lock is held). The crawl goes on after the HTTP answer.
 */
export function startIngestInBackground(
  db: Database,
  options: IngestOptions = ingestOptionsSchema.parse({ asOf: todayUtc() }),
  hub?: HubSource,
): Promise<{ runId: number; done: Promise<unknown> }> {
  return new Promise((resolve, reject) => {
    let started = false;
    const done = runDailyIngest({
      db,
      options,
      hub,
      trigger: "api",
      onStarted: (runId) => {
        started = true;
        resolve({ runId, done });
      },
    }).catch((error: unknown) => {
      if (!started) reject(error);
      else console.error(`Ingestion run failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
}
