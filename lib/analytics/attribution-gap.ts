import { type Database, Prisma } from "../db";
import { shareOf } from "../domain/share";
import { isoDay } from "./buckets";
import { latestPublishedDate } from "./latest-date";
import { regionKeySql } from "./sql";

const unattributed = Prisma.sql`${regionKeySql(Prisma.sql`o.country`, Prisma.sql`o.international`)} = 'UNKNOWN'`;

import type { AttributionGap } from "../domain/answers";

export type { AttributionGap };

/** Unattributed namespaces ranked by trailing-30-day downloads: the registry's most valuable next entries. */
export async function getAttributionGap(db: Database, limit = 50): Promise<AttributionGap> {
  const date = await latestPublishedDate(db);
  if (!date) return { date: null, totalDownloads30d: 0n, unattributedShare: null, namespaces: [] };
  const [totals] = await db.prisma.$queryRaw<{ total: bigint | null; unknown: bigint | null }[]>`
    SELECT sum(s.downloads)::bigint AS total,
      sum(s.downloads) FILTER (WHERE ${unattributed})::bigint AS unknown
    FROM model_snapshot s JOIN model m ON m.id = s.model_id JOIN organization o ON o.namespace = m.namespace
    WHERE s.date = ${date}::date`;
  const total = totals?.total ?? 0n;
  const rows = await db.prisma.$queryRaw<{ namespace: string; models: number; downloads: bigint }[]>`
    SELECT m.namespace, count(*)::int AS models, sum(s.downloads)::bigint AS downloads
    FROM model_snapshot s JOIN model m ON m.id = s.model_id JOIN organization o ON o.namespace = m.namespace
    WHERE s.date = ${date}::date AND ${unattributed}
    GROUP BY m.namespace ORDER BY downloads DESC, m.namespace LIMIT ${limit}`;
  return {
    date: isoDay(date),
    totalDownloads30d: total,
    unattributedShare: shareOf(totals?.unknown ?? 0n, total),
    namespaces: rows.map((r) => ({
      namespace: r.namespace,
      models: r.models,
      downloads30d: r.downloads,
      share: shareOf(r.downloads, total) ?? 0,
    })),
  };
}
