import type { Database } from "../db";
import { bumpDataVersion } from "../db/data-version";
import { publicErrorText } from "../format/public-error";
import { MAX_PAGE_SIZE } from "../hf";
import { faultPoint } from "../process/fault-points";
import { heapGovernor } from "../process/heap";
import { claimDateForCrawl } from "../publish/dates";
import { markStored, publishStoredRuns } from "../publish/stored-runs";
import type { ModelRecord } from "../store/model-record";
import { acquireIngestLock } from "../store/write-lock";
import type { IngestOptions } from "./options";
import { type CrawlCursor, finishRun, type RunRow, recordPages, startRun } from "./runs";

/**
 * One page of the Hub's model listing, already normalised. Private models (listed when the token
 * owner has some) are left out by the source and only counted.
 */
export type HubListing = {
  url: string;
  models: ModelRecord[];
  nextUrl: string | null;
  privateSkipped?: number;
};

/** The Hub as the crawl sees it; lib/ingest/hub-source.ts adapts lib/hf to it, tests fake it. */
export type HubSource = {
  pages(query: { author?: string; startUrl?: string | null }): AsyncIterable<HubListing>;
};

export type CrawlProgress = {
  phase: "orgs" | "global";
  namespace?: string;
  orgIndex: number;
  orgCount: number;
  pages: number;
  models: number;
  privateSkipped: number;
};

export type IngestReporter = {
  progress(p: CrawlProgress): void;
  log(line: string): void;
};

export const silentReporter: IngestReporter = { progress: () => {}, log: () => {} };

export type IngestResult = {
  runId: number | null;
  /**
   * paused: the deadline came first; the next run of the same day resumes at the cursor.
   * up-to-date: a crawl of the day is published already (runId is its run); nothing was done.
   */
  status: "succeeded" | "paused" | "dry-run" | "up-to-date";
  /** A test run (`--orgs`, `--max-models`): stored, never published. */
  test: boolean;
  pages: number;
  models: number;
  /** Private models the listing showed (a token owner's) and the crawl left out */
  privateSkipped: number;
  population: number | null;
  resumedFrom: number | null;
};

export type IngestJob = {
  db: Database;
  hub: HubSource;
  options: IngestOptions;
  trigger?: string;
  reporter?: IngestReporter;
  /** Called with the run id once the run row exists (the API answers 202 with it). */
  onStarted?: (runId: number) => void;
  /**
   * Epoch ms after which the crawl stops at the next page boundary and the run pauses (a hosted
   * trigger whose requests are cut off after a minute continues it on its next call).
   */
  deadline?: number;
  /** The signal the Hub source was given: when it aborts a request in flight, the run pauses. */
  signal?: AbortSignal;
};

/** Thrown inside the crawl when the deadline passed; the run keeps its cursor. */
class DeadlineReached extends Error {}

export class IngestFailedError extends Error {
  constructor(
    readonly runId: number,
    message: string,
  ) {
    super(`Ingestion run #${runId} failed: ${message}`);
    this.name = "IngestFailedError";
  }
}

/**
 * The daily job: every model of every registry namespace, then the global list by downloads down
 * to --min-downloads, and its publish. Holds the ingest lock throughout; pages commit with the run's
 * cursor so a killed run resumes exactly where it stopped. Before anything else it publishes runs a
 * killed process stored but did not publish. A run limited by `--orgs` or `--max-models` is a test
 * run: a part of the listing, stored but never published (lib/publish/dates.ts).
 */
export async function runIngest(job: IngestJob): Promise<IngestResult> {
  const { db, options } = job;
  const reporter = job.reporter ?? silentReporter;
  const lock = await acquireIngestLock(db);
  try {
    const namespaces = options.orgs ?? (await registryNamespaces(db));
    if (options.dryRun) return await dryRun(job, namespaces, reporter);
    await finishStoredRuns(db, reporter);
    const test = isTestRun(options);
    const claim = await claimDateForCrawl(db, options.asOf, test);
    if (claim.kind === "published") {
      reporter.log(`${options.asOf} is published already (run #${claim.runId}): nothing to do.`);
      return { ...NOTHING, runId: claim.runId, status: "up-to-date" };
    }
    const { run, cursor } = await startRun(db, options, job.trigger ?? "cli", test, namespaces);
    job.onStarted?.(run.id);
    if (run.resumedFromId) reporter.log(`Resuming run #${run.resumedFromId} as run #${run.id}.`);
    const counters = { pages: run.pages, models: run.modelsSeen, privateSkipped: run.privateSkipped };
    const summary = { runId: run.id, ...counters, resumedFrom: run.resumedFromId, test };
    let stored = false;
    try {
      await crawl(job, run, cursor, namespaces, counters, reporter, lock.assertHeld);
      lock.assertHeld();
      if (test) {
        const population = await db.prisma.modelSnapshot.count({ where: { date: run.asOf } });
        await finishRun(db, run.id, { status: "succeeded", population });
        return { ...summary, ...counters, status: "succeeded", population };
      }
      await markStored(db.prisma, [run.id]);
      stored = true;
      faultPoint("crawl:stored");
      const published = await publishStoredRuns(db);
      const population = published?.runs.find((r) => r.id === run.id)?.population ?? null;
      return { ...summary, ...counters, status: "succeeded", population };
    } catch (error) {
      if (stored) {
        // Every page is stored: the run stays so, and the next command publishes it.
        const message = error instanceof Error ? error.message : String(error);
        throw new IngestFailedError(
          run.id,
          `its listing is stored whole, but publishing it failed (the next command publishes it): ${message}`,
        );
      }
      if (error instanceof DeadlineReached || job.signal?.aborted) {
        await finishRun(db, run.id, { status: "interrupted" });
        return { ...summary, ...counters, status: "paused", population: null };
      }
      // The run's errors are public (status page, API): no Hub URL or host, no stack. The full
      // text goes to the server's log.
      const message = error instanceof Error ? error.message : String(error);
      const publicMessage = publicErrorText(error);
      if (publicMessage !== message) console.error(`Ingestion run #${run.id} failed: ${message}`);
      await finishRun(db, run.id, { status: "failed", error: publicMessage }).catch(() => {});
      await bumpDataVersion(db.prisma).catch(() => {});
      throw new IngestFailedError(run.id, message);
    }
  } finally {
    await lock();
  }
}

const NOTHING: Omit<IngestResult, "runId" | "status"> = {
  test: false,
  pages: 0,
  models: 0,
  privateSkipped: 0,
  population: null,
  resumedFrom: null,
};

/** A run limited to some namespaces or a number of models lists a part of the Hub: a test. */
export const isTestRun = (options: IngestOptions): boolean =>
  options.orgs !== undefined || options.maxModels !== undefined;

/** Publishes what a killed process stored but did not publish, and says so. */
async function finishStoredRuns(db: Database, reporter: IngestReporter): Promise<void> {
  const done = await publishStoredRuns(db);
  if (done)
    reporter.log(
      `Published ${done.runs.length} run(s) an earlier process stored: ${done.runs.map((r) => `#${r.id} (${r.date})`).join(", ")}.`,
    );
}

async function registryNamespaces(db: Database): Promise<string[]> {
  const rows = await db.prisma.organization.findMany({
    where: { inRegistry: true },
    select: { namespace: true },
    orderBy: { namespace: "asc" },
  });
  return rows.map((r) => r.namespace);
}

async function crawl(
  job: IngestJob,
  run: RunRow,
  start: CrawlCursor,
  namespaces: string[],
  counters: { pages: number; models: number; privateSkipped: number },
  reporter: IngestReporter,
  assertLockHeld: () => void,
): Promise<void> {
  const { db, hub, options } = job;
  // Pages commit together with the run's cursor, a batch at a time: at the end of each listing,
  // every PAGES_PER_WRITE pages of a long one, and before a pause. A crash loses only pages whose
  // batch had not committed, and the cursor makes the next run fetch those again.
  let batch: PageBatch = emptyBatch();
  // A batch's records and JSON are garbage once written: collected then, the heap stays near
  // what is live instead of growing to V8's limit (with --expose-gc, as npm run ingest runs).
  // The cap as measured by the bench's 2M-model crawl: at 96 MB its peak RSS was 300 MB, at 64 MB
  // 255 MB, at the same pace (a full collection per batch costs far less than its fetches).
  const collectIfNeeded = heapGovernor(64);
  const flush = async () => {
    if (batch.cursor === null) return;
    assertLockHeld();
    await recordPages(db, run, batch as PageBatch & { cursor: CrawlCursor });
    batch = emptyBatch();
    collectIfNeeded();
  };
  const record = async (page: HubListing, models: ModelRecord[], next: CrawlCursor, listingEnds: boolean) => {
    batch.records.push(...models);
    batch.pages++;
    batch.privateSkipped += page.privateSkipped ?? 0;
    batch.cursor = next;
    counters.pages++;
    counters.models += models.length;
    counters.privateSkipped += page.privateSkipped ?? 0;
    const late = job.deadline !== undefined && Date.now() >= job.deadline;
    if (listingEnds || late || batch.pages >= PAGES_PER_WRITE) await flush();
    // After the flush the cursor points past this page, so a paused run loses nothing.
    if (late && next.phase !== "done") throw new DeadlineReached();
  };
  const withGlobal = options.orgs === undefined;
  let cursor = start;
  if (cursor.phase === "orgs") {
    for (let orgIndex = cursor.orgIndex; orgIndex < namespaces.length; orgIndex++) {
      const namespace = namespaces[orgIndex] as string;
      const startUrl = orgIndex === cursor.orgIndex ? cursor.nextUrl : null;
      for await (const page of hub.pages({ author: namespace, startUrl })) {
        const next: CrawlCursor = page.nextUrl
          ? { phase: "orgs", orgIndex, nextUrl: page.nextUrl }
          : afterOrg(orgIndex + 1, namespaces.length, withGlobal);
        await record(page, page.models, next, page.nextUrl === null);
        reporter.progress({ phase: "orgs", namespace, orgIndex, orgCount: namespaces.length, ...counters });
      }
    }
    cursor = afterOrg(namespaces.length, namespaces.length, withGlobal);
  }
  if (cursor.phase !== "global") return;
  let globalModels = cursor.globalModels;
  const limit = options.maxModels ?? Number.POSITIVE_INFINITY;
  if (globalModels >= limit) return;
  for await (const page of hub.pages({ startUrl: cursor.nextUrl })) {
    const kept: ModelRecord[] = [];
    let exhausted = false;
    for (const model of page.models) {
      if (model.downloads < BigInt(options.minDownloads) || globalModels + kept.length >= limit) {
        exhausted = true;
        break;
      }
      kept.push(model);
    }
    globalModels += kept.length;
    const next: CrawlCursor =
      exhausted || !page.nextUrl
        ? { phase: "done" }
        : { phase: "global", nextUrl: page.nextUrl, globalModels };
    await record(page, kept, next, next.phase === "done");
    reporter.progress({
      phase: "global",
      orgIndex: namespaces.length,
      orgCount: namespaces.length,
      ...counters,
    });
    if (next.phase === "done") return;
  }
  // A listing that ended without a last page's Link (or an empty one) still commits its batch.
  await flush();
}

/** Pages of a listing written per transaction: ≈ 10,000 snapshots at the Hub's 1,000 per page. */
const PAGES_PER_WRITE = 10;

/** Snapshots per write of a crawl's batch at full pages (what the bench times the write path with). */
export const CRAWL_WRITE_ROWS = PAGES_PER_WRITE * MAX_PAGE_SIZE;

type PageBatch = {
  records: ModelRecord[];
  pages: number;
  privateSkipped: number;
  cursor: CrawlCursor | null;
};
const emptyBatch = (): PageBatch => ({ records: [], pages: 0, privateSkipped: 0, cursor: null });

function afterOrg(orgIndex: number, orgCount: number, withGlobal: boolean): CrawlCursor {
  if (orgIndex < orgCount) return { phase: "orgs", orgIndex, nextUrl: null };
  return withGlobal ? { phase: "global", nextUrl: null, globalModels: 0 } : { phase: "done" };
}

async function dryRun(job: IngestJob, namespaces: string[], reporter: IngestReporter): Promise<IngestResult> {
  const counters = { pages: 0, models: 0, privateSkipped: 0 };
  for (const [orgIndex, namespace] of namespaces.entries()) {
    for await (const page of job.hub.pages({ author: namespace })) {
      counters.pages++;
      counters.models += page.models.length;
      counters.privateSkipped += page.privateSkipped ?? 0;
      reporter.progress({ phase: "orgs", namespace, orgIndex, orgCount: namespaces.length, ...counters });
    }
  }
  if (job.options.orgs === undefined) {
    const limit = job.options.maxModels ?? Number.POSITIVE_INFINITY;
    let global = 0;
    for await (const page of job.hub.pages({})) {
      const kept = page.models.filter((m) => m.downloads >= BigInt(job.options.minDownloads));
      const take = Math.min(kept.length, limit - global);
      global += take;
      counters.pages++;
      counters.models += take;
      counters.privateSkipped += page.privateSkipped ?? 0;
      reporter.progress({
        phase: "global",
        orgIndex: namespaces.length,
        orgCount: namespaces.length,
        ...counters,
      });
      if (take < page.models.length || global >= limit) break;
    }
  }
  reporter.log(`Dry run: ${counters.pages} pages, ${counters.models} models; nothing written.`);
  return { ...NOTHING, runId: null, status: "dry-run", ...counters, test: isTestRun(job.options) };
}
