import { type Database, Prisma } from "../db";
import { countryColor, countryLabel, NO_LAB, UNREGISTERED_NAMESPACES } from "../domain/colors";
import { OTHER_SERIES } from "../domain/dimensions";
import type { Population } from "../domain/populations";
import { REGION_KEYS, regionInfo } from "../domain/regions";
import { shareOf } from "../domain/share";
import type { ShareQuery } from "../domain/share-query";
import { addDays, bucketRange, bucketStart, isoDay } from "./buckets";
import { type Crossover, findCrossovers } from "./crossovers";
import { type Freshness, getVersionedFreshness } from "./freshness";
import { PUBLISHED_DATES, shareRowsQuery } from "./rollups";

export type ShareSeries = {
  key: string;
  label: string;
  color: string;
  downloads: string;
  share: number | null;
};
export type SharePoint = {
  /** First day of the bucket */
  date: string;
  /** Snapshot date the bucket's values come from (the last in the bucket); null when none */
  asOf: string | null;
  total: string | null;
  values: Record<string, { downloads: string; share: number | null }>;
};
export type ShareResult = {
  query: ShareQuery & { from: string; to: string; population: Population };
  freshness: Freshness;
  series: ShareSeries[];
  points: SharePoint[];
  crossover: { between: [string, string]; dates: Crossover[] } | null;
};

type Row = { date: Date; group_key: string; d30: bigint; total: bigint | null; period: bigint | null };

/**
 * Share of downloads over time, grouped by region, country, lab or namespace. Reads the rollup
 * rows; a task or library filter changes the scope below what rollups hold, so those queries run
 * the same aggregation over raw snapshots of the matching models.
 */
export async function getShareOverTime(db: Database, query: ShareQuery): Promise<ShareResult> {
  const { value: freshness } = await getVersionedFreshness(db);
  const to = query.to ?? freshness.dataAsOf ?? isoDay(new Date());
  const from = query.from ?? addDays(to, -365);
  const population = query.population ?? (await defaultPopulation(db));
  const rows = await loadRows(db, query, population, from, to);
  const metricValue = (r: Row) =>
    query.metric === "downloads30d" ? r.d30 : query.metric === "cumulative" ? r.total : r.period;

  // bucket → key → value; point metrics keep the last snapshot date of the bucket, the period
  // metric sums its dates. A date where the metric has no value (no all-time counts) leaves its
  // bucket without one.
  const perBucket = new Map<string, { asOf: string; values: Map<string, bigint> | null }>();
  const byDate = new Map<string, Row[]>();
  for (const row of rows) {
    const day = isoDay(row.date);
    const list = byDate.get(day);
    if (list) list.push(row);
    else byDate.set(day, [row]);
  }
  for (const day of [...byDate.keys()].sort()) {
    let dayValues: Map<string, bigint> | null = new Map<string, bigint>();
    for (const row of byDate.get(day) ?? []) {
      const v = metricValue(row);
      if (v === null) {
        dayValues = null;
        break;
      }
      dayValues.set(row.group_key, (dayValues.get(row.group_key) ?? 0n) + v);
    }
    const bucket = bucketStart(day, query.interval);
    const entry = perBucket.get(bucket);
    if (!entry || query.metric !== "downloads") {
      perBucket.set(bucket, { asOf: day, values: dayValues });
      continue;
    }
    entry.asOf = day;
    if (entry.values === null || dayValues === null) entry.values = null;
    else for (const [key, v] of dayValues) entry.values.set(key, (entry.values.get(key) ?? 0n) + v);
  }

  const totalsByKey = new Map<string, bigint>();
  for (const { values } of perBucket.values()) {
    for (const [key, v] of values ?? []) totalsByKey.set(key, (totalsByKey.get(key) ?? 0n) + v);
  }
  const meta = await seriesMeta(db, query);
  const shown = chooseSeries(query, [...totalsByKey.entries()], meta);
  const withOther = shown.other.length > 0;

  const points: SharePoint[] = bucketRange(from, to, query.interval).map((date) => {
    const entry = perBucket.get(date);
    if (!entry) return { date, asOf: null, total: null, values: {} };
    const bucketValues = entry.values;
    if (bucketValues === null) return { date, asOf: entry.asOf, total: null, values: {} };
    let total = 0n;
    for (const v of bucketValues.values()) total += v;
    const values: SharePoint["values"] = {};
    const put = (key: string, v: bigint) => {
      values[key] = { downloads: v.toString(), share: shareOf(v, total) };
    };
    for (const key of shown.keys) put(key, bucketValues.get(key) ?? 0n);
    if (withOther)
      put(
        OTHER_SERIES.key,
        shown.other.reduce((n, k) => n + (bucketValues.get(k) ?? 0n), 0n),
      );
    return { date, asOf: entry.asOf, total: total.toString(), values };
  });

  const grand = [...totalsByKey.values()].reduce((n, v) => n + v, 0n);
  const series: ShareSeries[] = shown.keys.map((key) => {
    const v = totalsByKey.get(key) ?? 0n;
    return {
      key,
      ...meta.style(key),
      downloads: v.toString(),
      share: shareOf(v, grand),
    };
  });
  if (withOther) {
    const v = shown.other.reduce((n, k) => n + (totalsByKey.get(k) ?? 0n), 0n);
    series.push({ ...OTHER_SERIES, downloads: v.toString(), share: shareOf(v, grand) });
  }

  return {
    query: { ...query, from, to, population },
    freshness,
    series,
    points,
    crossover: crossoverOf(query, series, points),
  };
}

/** The Hub's listing when it has published dates, else the study's subset: never both at once. */
async function defaultPopulation(db: Database): Promise<Population> {
  const [row] = await db.prisma.$queryRaw<{ hub: boolean | null; study: boolean | null }[]>`
    SELECT bool_or(NOT study) AS hub, bool_or(study) AS study FROM (${PUBLISHED_DATES}) p`;
  return row?.hub !== true && row?.study === true ? "study" : "hub";
}

async function loadRows(
  db: Database,
  q: ShareQuery,
  population: Population,
  from: string,
  to: string,
): Promise<Row[]> {
  const derivative = q.derivatives === "exclude" ? [false] : [false, true];
  const where = Prisma.sql`group_type = ${q.groupBy} AND cohort = ${q.cohort} AND attribution = ${q.attribution}
    AND derivative = ANY(${derivative}::boolean[]) AND date BETWEEN ${from}::date AND ${to}::date
    AND date IN (SELECT date FROM (${PUBLISHED_DATES}) p WHERE p.study = ${population === "study"})`;
  if (!q.task && !q.library) {
    return db.prisma.$queryRaw<Row[]>`
      SELECT date, group_key, sum(downloads_30d)::bigint AS d30, sum(downloads_all_time)::bigint AS total,
        sum(downloads_period)::bigint AS period
      FROM share_rollup WHERE ${where}
      GROUP BY date, group_key`;
  }
  const scoped = Prisma.sql`(SELECT * FROM model WHERE (${q.task ?? null}::text IS NULL OR pipeline_tag = ${q.task ?? null})
    AND (${q.library ?? null}::text IS NULL OR library_name = ${q.library ?? null}))`;
  const dates = await db.prisma.$queryRaw<{ date: Date }[]>`
    SELECT date FROM (${PUBLISHED_DATES}) p WHERE date BETWEEN ${from}::date AND ${to}::date
      AND p.study = ${population === "study"}`;
  if (dates.length === 0) return [];
  return db.prisma.$queryRaw<Row[]>`
    SELECT date, group_key, sum(downloads_30d)::bigint AS d30, sum(downloads_all_time)::bigint AS total,
      sum(downloads_period)::bigint AS period
    FROM (${shareRowsQuery(
      dates.map((d) => d.date),
      scoped,
    )}) r
    WHERE ${where}
    GROUP BY date, group_key`;
}

type Meta = {
  style: (key: string) => { label: string; color: string };
  labOf: (key: string) => string | null;
  countryOf: (key: string) => string | null;
};

async function seriesMeta(db: Database, q: ShareQuery): Promise<Meta> {
  if (q.groupBy === "region")
    return {
      style: (key) => ({
        label: regionInfo(key)?.label ?? key,
        color: regionInfo(key)?.color ?? NO_LAB.color,
      }),
      labOf: () => null,
      countryOf: () => null,
    };
  if (q.groupBy === "country")
    return {
      style: (key) => ({ label: countryLabel(key), color: countryColor(key) }),
      labOf: () => null,
      countryOf: (k) => k,
    };
  const labs = await db.prisma.lab.findMany();
  const lab = new Map(labs.map((l) => [l.slug, l]));
  if (q.groupBy === "lab") {
    return {
      style: (key) =>
        key === ""
          ? NO_LAB
          : { label: lab.get(key)?.name ?? key, color: lab.get(key)?.color ?? NO_LAB.color },
      labOf: (key) => key || null,
      countryOf: (key) => lab.get(key)?.country ?? null,
    };
  }
  const orgs = await db.prisma.organization.findMany({
    where: { inRegistry: true },
    select: { namespace: true, labSlug: true, country: true },
  });
  const org = new Map(orgs.map((o) => [o.namespace, o]));
  return {
    style: (key) =>
      key === ""
        ? UNREGISTERED_NAMESPACES
        : {
            label: key,
            color:
              lab.get(org.get(key)?.labSlug ?? "")?.color ?? countryColor(org.get(key)?.country ?? "UNKNOWN"),
          },
    labOf: (key) => org.get(key)?.labSlug ?? null,
    countryOf: (key) => org.get(key)?.country ?? null,
  };
}

/**
 * Which series to draw: every region; otherwise the ones selected by labs/countries (the rest
 * stays in the denominator, not drawn), or the top N by downloads with the rest as "Other".
 */
function chooseSeries(
  q: ShareQuery,
  totals: [string, bigint][],
  meta: Meta,
): { keys: string[]; other: string[] } {
  const ranked = totals
    .sort((a, b) => (a[1] === b[1] ? a[0].localeCompare(b[0]) : a[1] > b[1] ? -1 : 1))
    .map(([k]) => k);
  if (q.groupBy === "region") return { keys: [...REGION_KEYS], other: [] };
  if (q.labs || q.countries) {
    const keys = ranked.filter((key) => {
      const labOk = !q.labs || q.labs.includes(meta.labOf(key) ?? "");
      const countryOk = !q.countries || q.countries.includes(meta.countryOf(key) ?? "UNKNOWN");
      return labOk && countryOk;
    });
    if (q.groupBy === "lab" && q.labs) {
      for (const slug of q.labs) if (!keys.includes(slug)) keys.push(slug);
    }
    return { keys, other: [] };
  }
  return { keys: ranked.slice(0, q.top), other: ranked.slice(q.top) };
}

function crossoverOf(q: ShareQuery, series: ShareSeries[], points: SharePoint[]): ShareResult["crossover"] {
  const pair =
    q.crossover ??
    (q.groupBy === "region" || q.groupBy === "country" ? ["CN", "US"] : series.slice(0, 2).map((s) => s.key));
  const [a, b] = pair;
  if (!a || !b) return null;
  const dates = findCrossovers(
    points.map((p) => ({ date: p.date, a: p.values[a]?.share ?? null, b: p.values[b]?.share ?? null })),
    a,
    b,
  );
  return { between: [a, b], dates };
}
