import type { Database } from "../db";
import type { LabSummary, Labs } from "../domain/answers";
import { regionOf } from "../domain/regions";
import { shareOf } from "../domain/share";
import { isoDay } from "./buckets";
import { latestPublishedDate } from "./latest-date";

export type { LabSummary };

/** Every lab with its latest share and a 12-month trend, from the rollups. */
export async function listLabs(db: Database): Promise<Labs> {
  const { prisma } = db;
  const date = await latestPublishedDate(db);
  const labs = await prisma.lab.findMany({
    include: { organizations: { select: { namespace: true } } },
    orderBy: { name: "asc" },
  });
  const rows = date
    ? await prisma.$queryRaw<{ date: Date; group_key: string; models: number; d30: bigint }[]>`
        WITH month_ends AS (
          SELECT max(date) AS date FROM share_rollup
          WHERE date > ${date}::date - interval '12 months' AND group_type = 'lab'
          GROUP BY date_trunc('month', date)
        )
        SELECT r.date, r.group_key, sum(r.models)::int AS models, sum(r.downloads_30d)::bigint AS d30
        FROM share_rollup r JOIN month_ends e ON e.date = r.date
        WHERE r.group_type = 'lab' AND r.cohort = 'all' AND r.attribution = 'developer'
        GROUP BY r.date, r.group_key`
    : [];
  const totals = new Map<string, bigint>();
  for (const r of rows) totals.set(isoDay(r.date), (totals.get(isoDay(r.date)) ?? 0n) + r.d30);
  const dates = [...totals.keys()].sort();
  const latest = date ? isoDay(date) : null;
  const share = (v: bigint, d: string) => shareOf(v, totals.get(d) ?? 0n);
  const summaries = labs.map((lab) => {
    const mine = rows.filter((r) => r.group_key === lab.slug);
    const at = (d: string) => mine.find((r) => isoDay(r.date) === d);
    const now = latest ? at(latest) : undefined;
    return {
      slug: lab.slug,
      name: lab.name,
      parent: lab.parent,
      country: lab.country,
      region: regionOf(lab.country),
      color: lab.color,
      namespaces: lab.organizations.map((o) => o.namespace).sort(),
      models: now?.models ?? 0,
      downloads30d: now?.d30 ?? 0n,
      share: latest && now ? share(now.d30, latest) : latest ? 0 : null,
      trend: dates.map((d) => ({ date: d, share: share(at(d)?.d30 ?? 0n, d) })),
    };
  });
  summaries.sort((a, b) =>
    a.downloads30d === b.downloads30d
      ? a.name.localeCompare(b.name)
      : a.downloads30d > b.downloads30d
        ? -1
        : 1,
  );
  return { date: latest, labs: summaries };
}
