import type { Tx } from "../db/transaction";
import { TOP_MODELS } from "../domain/event-kinds";
import { countryKeyOf } from "../domain/regions";
import {
  type DateSource,
  type Groups,
  LAB_VIEWS,
  REGION_VIEWS,
  type Standing,
  type TopModel,
  type ViewStanding,
  viewKey,
} from "./standing";

/** A published date, its population and the run that made it. */
export type PublishedDate = { date: string; study: boolean; source: DateSource };

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Every published date in order, with its run (one run holds a published date). Demo dates are left out. */
export async function publishedDates(tx: Tx): Promise<PublishedDate[]> {
  const rows = await tx.client.$queryRaw<
    { date: Date; source: string; all_time: boolean; models: number | null }[]
  >`
    SELECT DISTINCT ON (as_of) as_of AS date, source::text AS source, all_time_counts AS all_time,
      population AS models
    FROM ingest_run WHERE status = 'succeeded' AND NOT partial
    ORDER BY as_of, id DESC`;
  return rows
    .filter((r) => r.source !== "demo")
    .map((r) => ({
      date: iso(r.date),
      study: r.source === "study",
      source: { source: r.source, allTimeCounts: r.all_time, models: r.models ?? 0 },
    }));
}

/** What the rules compare on one date, read from the rollups the publish has just written. */
export async function readStanding(tx: Tx, d: PublishedDate): Promise<Standing> {
  const cohorts = [...new Set(REGION_VIEWS.map((v) => v.cohort))];
  const rows = await tx.client.$queryRaw<
    { cohort: string; attribution: string; group_type: string; group_key: string; d30: bigint }[]
  >`
    SELECT cohort, attribution, group_type, group_key, sum(downloads_30d)::bigint AS d30
    FROM share_rollup
    WHERE date = ${d.date}::date AND cohort = ANY(${cohorts}::text[])
      AND group_type IN ('region', 'country', 'lab')
    GROUP BY 1, 2, 3, 4`;
  const views = new Map<string, ViewStanding>();
  for (const v of [...REGION_VIEWS, ...LAB_VIEWS])
    views.set(viewKey(v), { region: new Map(), country: new Map(), lab: new Map() });
  for (const r of rows) {
    const view = views.get(`${r.cohort}/${r.attribution}`);
    if (!view || !(r.group_type === "region" || r.group_type === "country" || r.group_type === "lab"))
      continue;
    const groups: Groups = view[r.group_type];
    groups.set(r.group_key, (groups.get(r.group_key) ?? 0n) + r.d30);
  }
  const top = await tx.client.$queryRaw<
    {
      hub_id: string;
      downloads: bigint;
      lab: string | null;
      country: string | null;
      international: boolean | null;
    }[]
  >`
    SELECT m.hub_id, s.downloads, o.lab_slug AS lab, o.country, o.international
    FROM model_snapshot s
    JOIN model m ON m.id = s.model_id
    LEFT JOIN organization o ON o.namespace = m.namespace AND o.in_registry
    WHERE s.date = ${d.date}::date
    ORDER BY s.downloads DESC, m.hub_id
    LIMIT ${TOP_MODELS}`;
  const topModels: TopModel[] = top.map((m) => ({
    hubId: m.hub_id,
    downloads: m.downloads,
    lab: m.lab,
    country: countryKeyOf(m.country, m.international ?? false),
  }));
  return { date: d.date, population: d.study ? "study" : "hub", views, topModels, source: d.source };
}
