import { type Database, Prisma } from "../db";
import { bumpDataVersion } from "../db/data-version";
import { inTransaction } from "../db/transaction";
import { dayDate, todayUtc } from "../domain/days";
import { publishIn } from "./publish";

/**
 * One population per date. A published date holds exactly one run's snapshots (its listing, whole),
 * and the writers keep to these rules so that no run ever writes into a date another run published:
 * - no date after today (UTC): a snapshot is of a day that has begun;
 * - the daily crawl's listing wins: a crawl takes a date from a history file's run (the history run
 *   is superseded and its rows go, before the crawl writes), and history writers skip every date a
 *   crawl holds (published, stored, or started and resumable);
 * - history writers (backfill, import) skip a date another history run published or stored, and a
 *   date they did themselves (a rerun writes nothing);
 * - a test run (`--orgs`, `--max-models`: a part of the listing) never publishes, and only writes a
 *   date no full run holds; the run that publishes that date later deletes its rows.
 */
export class DateRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DateRefusedError";
  }
}

/** Throws when `date` (YYYY-MM-DD) is after today, UTC. */
export function assertNotFuture(date: string, what: string, now = new Date()): void {
  if (date > todayUtc(now))
    throw new DateRefusedError(
      `${what} ${date} is after today (${todayUtc(now)} UTC): a snapshot is of a day that has begun.`,
    );
}

type Holder = {
  id: number;
  status: string;
  source: string;
  trigger: string;
  partial: boolean;
  resumable: boolean;
};

/**
 * The runs that hold a date: published or stored, or unfinished with a cursor to resume (a run
 * still marked running belongs to a dead process: every writer holds the ingest lock).
 */
async function holders(db: Database, date: string): Promise<Holder[]> {
  const runs = await db.prisma.ingestRun.findMany({
    where: {
      asOf: dayDate(date),
      source: { not: "demo" },
      OR: [
        { status: { in: ["succeeded", "stored"] } },
        { status: { in: ["running", "interrupted", "failed"] }, cursor: { not: Prisma.DbNull } },
      ],
    },
    select: { id: true, status: true, source: true, trigger: true, partial: true, cursor: true },
    orderBy: { id: "desc" },
  });
  return runs.map((r) => ({ ...r, resumable: r.cursor !== null }));
}

const describe = (run: Holder) =>
  `run #${run.id} (${run.source === "crawl" ? "the daily crawl" : run.source}, ${run.status})`;

export type CrawlClaim = { kind: "free" } | { kind: "published"; runId: number };

/**
 * Whether a crawl of `date` may write it. A full crawl takes it from history runs (superseded at once,
 * in one transaction with the date's rollups: the date is unpublished until the crawl publishes it)
 * and finds a date its own kind already published. A test run refuses a date any full run holds.
 * Call while holding the ingest lock.
 */
export async function claimDateForCrawl(db: Database, date: string, partial: boolean): Promise<CrawlClaim> {
  assertNotFuture(date, "--as-of", new Date());
  const held = (await holders(db, date)).filter((r) => !r.partial);
  if (partial) {
    const full = held[0];
    if (full)
      throw new DateRefusedError(
        `--orgs and --max-models make a test run, which is never published; ${date} is held by ${describe(full)}, ` +
          "whose snapshots a test run would change. Use another --as-of, or --dry-run.",
      );
    return { kind: "free" };
  }
  const crawl = held.find((r) => r.source === "crawl" && r.status === "succeeded");
  if (crawl) return { kind: "published", runId: crawl.id };
  const history = held.filter(
    (r) => r.source !== "crawl" && (r.status === "succeeded" || r.status === "stored"),
  );
  if (history.length > 0)
    await supersede(
      db,
      date,
      history.map((r) => r.id),
    );
  return { kind: "free" };
}

/** Takes a date from runs: their rows go, they are superseded, the date's shares are unpublished. */
async function supersede(db: Database, date: string, runIds: number[]): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.client.$executeRaw`
      DELETE FROM model_snapshot WHERE date = ${date}::date AND run_id = ANY(${runIds}::int[])`;
    await tx.client.$executeRaw`
      UPDATE ingest_run SET status = 'superseded', population = NULL, cursor = NULL,
        finished_at = COALESCE(finished_at, now())
      WHERE id = ANY(${runIds}::int[])`;
    await publishIn(tx, { dates: [dayDate(date)] }, { realData: true });
    await bumpDataVersion(tx.client);
  });
}

/**
 * Whether a history writer (`source`, `trigger`) may write `date`: "free", "done" (it did, or
 * stored it), or why not (a crawl's, another history run's, a date after today).
 */
export async function historyDateState(
  db: Database,
  date: string,
  source: string,
  trigger: string,
  now = new Date(),
): Promise<"free" | "done" | { skip: string }> {
  if (date > todayUtc(now)) return { skip: "date after today" };
  const held = (await holders(db, date)).filter((r) => !r.partial);
  if (
    held.some(
      (r) => r.source === source && r.trigger === trigger && ["succeeded", "stored"].includes(r.status),
    )
  )
    return "done";
  const crawl = held.find((r) => r.source === "crawl");
  if (crawl) return { skip: "date holds the daily crawl's listing" };
  const other = held.find((r) => r.status === "succeeded" || r.status === "stored");
  if (other) return { skip: `date holds ${other.source}'s snapshots` };
  return "free";
}
