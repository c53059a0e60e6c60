import type { Database, Prisma } from "../db";
import { bumpDataVersion } from "../db/data-version";
import { inTransaction, type Tx } from "../db/transaction";
import { faultPoint } from "../process/fault-points";
import type { DemoRowsRemoved } from "../store/demo-rows";
import { publishIn } from "./publish";

type RunRow = { id: number; asOf: Date; source: string; status: string };

export type StoredRunsPublished = {
  /** The runs published, and the date of each */
  runs: { id: number; date: string; population: number }[];
  /** Runs whose date another run took */
  superseded: number[];
  /** What of the demo data went (real data replaces it) */
  demoRemoved: DemoRowsRemoved | null;
};

/**
 * Publishes every run whose snapshots are all stored (status `stored`): the last step of a crawl,
 * a backfill or an import, and what every command does first with runs a killed process stored but
 * did not publish. One transaction with the rollups and the data version: a date's run is marked
 * succeeded exactly when its shares are published.
 *
 * A published date has exactly one population, its run's: rows of any other run at that date (a
 * failed run, a test run, a run whose date this one took) are deleted, the runs that held it are
 * marked superseded, and unfinished runs of the date can no longer resume into it. The daily
 * crawl's listing wins over a history file's for the same date (lib/publish/dates.ts keeps history
 * writers off a crawl's dates; this is the rule when both are stored at once).
 *
 * Call while holding the ingest lock.
 */
export async function publishStoredRuns(db: Database): Promise<StoredRunsPublished | null> {
  return inTransaction(db, async (tx) => {
    const stored = await tx.client.$queryRaw<RunRow[]>`
      SELECT id, as_of AS "asOf", source::text AS source, status::text AS status FROM ingest_run
      WHERE status = 'stored' ORDER BY id`;
    if (stored.length === 0) return null;
    const winners = new Map<string, RunRow>();
    for (const run of stored) {
      const day = isoDay(run.asOf);
      const held = winners.get(day);
      if (!held || rank(run) >= rank(held)) winners.set(day, run);
    }
    const result: StoredRunsPublished = { runs: [], superseded: [], demoRemoved: null };
    for (const [date, run] of winners) {
      const taken = await takeDate(tx, run);
      result.superseded.push(...taken.superseded);
      result.runs.push({ id: run.id, date, population: taken.population });
    }
    faultPoint("publish:taken");
    const published = await publishIn(
      tx,
      { dates: [...winners.values()].map((r) => r.asOf) },
      { realData: [...winners.values()].some((r) => r.source !== "demo") },
    );
    result.demoRemoved = published.demoRemoved;
    await bumpDataVersion(tx.client);
    faultPoint("publish:commit");
    return result;
  });
}

/** The crawl's listing first, then the newest run. */
const rank = (run: RunRow): number => (run.source === "crawl" ? 2 ** 40 : 0) + run.id;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * `run` becomes its date's one population: other runs' rows at the date go, the runs that held it
 * are superseded, unfinished ones lose their cursor; `run` succeeds with the population left.
 */
async function takeDate(tx: Tx, run: RunRow): Promise<{ population: number; superseded: number[] }> {
  const { client } = tx;
  const chain = await client.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE chain AS (
      SELECT id, resumed_from_id FROM ingest_run WHERE id = ${run.id}
      UNION
      SELECT r.id, r.resumed_from_id FROM ingest_run r JOIN chain c ON r.id = c.resumed_from_id
    )
    SELECT id FROM chain`;
  const ids = chain.map((r) => r.id);
  await client.$executeRaw`
    DELETE FROM model_snapshot
    WHERE date = ${run.asOf}::date AND (run_id IS NULL OR NOT (run_id = ANY(${ids}::int[])))`;
  const superseded = await client.$queryRaw<{ id: number }[]>`
    UPDATE ingest_run SET status = 'superseded', finished_at = COALESCE(finished_at, now()), population = NULL,
      cursor = NULL
    WHERE as_of = ${run.asOf}::date AND status IN ('succeeded', 'stored') AND NOT (id = ANY(${ids}::int[]))
    RETURNING id`;
  await client.$executeRaw`
    UPDATE ingest_run SET cursor = NULL
    WHERE as_of = ${run.asOf}::date AND status IN ('running', 'interrupted', 'failed') AND cursor IS NOT NULL
      AND NOT (id = ANY(${ids}::int[]))`;
  const [count] = await client.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM model_snapshot WHERE date = ${run.asOf}::date`;
  const population = count?.n ?? 0;
  await client.$executeRaw`
    UPDATE ingest_run SET status = 'succeeded', population = ${population}, finished_at = now(), heartbeat_at = now()
    WHERE id = ${run.id}`;
  return { population, superseded: superseded.map((r) => r.id) };
}

/** Marks a run stored: every snapshot of it is written, its publish is next. */
export async function markStored(
  client: Database["prisma"] | Prisma.TransactionClient,
  runIds: number[],
): Promise<void> {
  if (runIds.length === 0) return;
  await client.$executeRaw`
    UPDATE ingest_run SET status = 'stored', heartbeat_at = now()
    WHERE id = ANY(${runIds}::int[]) AND status IN ('running', 'interrupted')`;
}
