import type { Database } from "../db";

/** The newest snapshot date with published rollups: what "latest" means on every page. */
export async function latestPublishedDate(db: Database): Promise<Date | null> {
  const row = await db.prisma.shareRollup.aggregate({ _max: { date: true } });
  return row._max.date ?? null;
}
