import type { Database } from "../db";

/**
 * The newest published snapshot date: the latest day a run succeeded. Read from the small
 * ingest_run table, not by scanning millions of rollup rows.
 */
export async function latestPublishedDate(db: Database): Promise<Date | null> {
  const row = await db.prisma.ingestRun.aggregate({ where: { status: "succeeded" }, _max: { asOf: true } });
  return row._max.asOf ?? null;
}

/** The oldest published snapshot date (YYYY-MM-DD): where "the whole history" starts. */
export async function firstPublishedDate(db: Database): Promise<string | null> {
  const row = await db.prisma.ingestRun.aggregate({ where: { status: "succeeded" }, _min: { asOf: true } });
  return row._min.asOf ? row._min.asOf.toISOString().slice(0, 10) : null;
}
