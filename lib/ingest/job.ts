import type { Database } from "../db";
import { type HubSource, type IngestReporter, type IngestResult, runIngest } from "./crawl";
import { hubSource } from "./hub-source";
import type { IngestOptions } from "./options";

export type DailyIngest = {
  db: Database;
  options: IngestOptions;
  trigger?: string;
  reporter?: IngestReporter;
  hub?: HubSource;
  onStarted?: (runId: number) => void;
  /** See IngestJob: a bounded slice of the crawl that pauses at the first page boundary after it. */
  deadline?: number;
  /** Aborts a Hub answer still in flight; the run then pauses too. */
  signal?: AbortSignal;
};

/** The daily job as the CLI, the scheduler and the API run it: crawl, then publish the day. */
export function runDailyIngest(job: DailyIngest): Promise<IngestResult> {
  return runIngest({
    db: job.db,
    hub: job.hub ?? hubSource(),
    options: job.options,
    trigger: job.trigger,
    reporter: job.reporter,
    onStarted: job.onStarted,
    deadline: job.deadline,
    signal: job.signal,
  });
}
