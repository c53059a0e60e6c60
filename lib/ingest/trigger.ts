import type { Database } from "../db";
import type { HubSource, IngestResult } from "./crawl";
import { hubSource } from "./hub-source";
import { runDailyIngest } from "./job";
import { type IngestOptions, ingestOptionsSchema, todayUtc } from "./options";

const defaultOptions = () => ingestOptionsSchema.parse({ asOf: todayUtc() });

/**
 * Starts a run in the background and resolves with its id as soon as the run row exists (or
 * rejects at once when the lock is held). The crawl goes on after the HTTP answer: right for a
 * long-lived server (`next start`), cut off on hosts that end a request's work with its answer.
 */
export function startIngestInBackground(
  db: Database,
  options: IngestOptions = defaultOptions(),
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

export type IngestStep =
  | (IngestResult & { status: "succeeded" | "paused" })
  | { status: "up-to-date"; runId: number };

/**
 * One bounded slice of today's crawl, inside one request, for hosts that cut requests off (a cron
 * calling every few minutes finishes the day): continue today's run from its cursor, stop at the
 * first page boundary after 70 % of `maxSeconds` (an answer still in flight is abandoned at 90 %),
 * publish when the crawl is done. Once the day is published, a call does nothing (a run a host
 * stopped between its last page and its publish is published first).
 */
export async function runIngestStep(
  db: Database,
  maxSeconds: number,
  options: IngestOptions = defaultOptions(),
  hub?: HubSource,
): Promise<IngestStep> {
  const started = Date.now();
  const signal = AbortSignal.timeout(maxSeconds * 900);
  const result = await runDailyIngest({
    db,
    options,
    hub: hub ?? hubSource({ signal }),
    trigger: "api",
    deadline: started + maxSeconds * 700,
    signal,
  });
  if (result.status === "dry-run") throw new Error("a step never runs dry");
  if (result.status === "up-to-date") return { status: "up-to-date", runId: result.runId ?? 0 };
  return result as IngestStep;
}
