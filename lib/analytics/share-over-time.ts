import { type Database, Prisma } from "../db";
import type { Freshness, SharePoint, ShareResult, ShareSeries } from "../domain/answers";
import { countryColor, countryLabel, NO_LAB, UNREGISTERED_NAMESPACES } from "../domain/colors";
import { type GroupBy, OTHER_SERIES } from "../domain/dimensions";
import type { Population } from "../domain/populations";
import { QueryError } from "../domain/query-error";
import { REGION_KEYS, regionInfo } from "../domain/regions";
import { shareOf } from "../domain/share";
import type { ShareQuery } from "../domain/share-query";
import { annotationsFor, loadAnnotations, type StoredAnnotation } from "./annotations";
import { addDays, bucketRange, bucketStart, isoDay } from "./buckets";
import { findCrossovers } from "./crossovers";
import { getVersionedFreshness } from "./freshness";
import { rowsAtVersion } from "./rollup-history";
import { cohortSql, groupKeySql, PUBLISHED_DATES, REPACK_BASE } from "./rollups";

export type { SharePoint, ShareResult, ShareSeries };

type Row = { date: Date; group_key: string; d30: bigint; total: bigint | null; period: bigint | null };

/**
 * What a share answer computes from the database: the rows of its scope and the series' labels.
 * Presentation (metric, interval, top, selected labs or countries, crossover, format) is applied
 * to it in memory, so those parameters never cost a query (lib/analytics/answers.ts caches it).
 */
export type ShareData = {
  freshness: Freshness;
  from: string;
  to: string;
  population: Population;
  rows: Row[];
  meta: Meta;
  annotations: StoredAnnotation[];
};

/** The parameters that decide which rows a share answer reads: its cache key. */
export type ShareScope = Pick<
  ShareQuery,
  | "groupBy"
  | "cohort"
  | "attribution"
  | "derivatives"
  | "repacks"
  | "task"
  | "library"
  | "population"
  | "from"
  | "to"
  | "version"
>;

export function shareScopeOf(q: ShareQuery): ShareScope {
  const { groupBy, cohort, attribution, derivatives, repacks, task, library, population, from, to, version } =
    q;
  return { groupBy, cohort, attribution, derivatives, repacks, task, library, population, from, to, version };
}

/**
 * Which attribution rows of the rollups a scope reads (table alias `x` for share_scope, none for
 * share_rollup). Every model has a developer and a lineage row; a repack also has a `repack-base`
 * row (lib/analytics/rollups.ts). `include` reads the rule's rows; `exclude` those of models that
 * are not repacks; `to-base` those, plus the repacks' `repack-base` rows under developer
 * attribution. Under lineage attribution a repack already counts for its root, which its base
 * leads to as well, so `to-base` reads what `include` reads (lib/domain/dimensions.ts, REPACKS).
 */
export function repackRowsSql(q: Pick<ShareScope, "attribution" | "repacks">, alias?: string): Prisma.Sql {
  const col = (name: string) => Prisma.raw(alias ? `${alias}.${name}` : name);
  const rule = Prisma.sql`${col("attribution")} = ${q.attribution}`;
  if (q.repacks === "exclude") return Prisma.sql`(${rule} AND NOT ${col("repack")})`;
  if (q.repacks === "to-base" && q.attribution === "developer")
    return Prisma.sql`((${rule} AND NOT ${col("repack")}) OR (${col("attribution")} = ${REPACK_BASE} AND ${col("repack")}))`;
  return rule;
}

export async function loadShareData(db: Database, scope: ShareScope): Promise<ShareData> {
  const { value: freshness } = await getVersionedFreshness(db, scope.version);
  const to = scope.to ?? freshness.dataAsOf ?? isoDay(new Date());
  const from = scope.from ?? addDays(to, -365);
  const population = scope.population ?? (await defaultPopulation(db));
  const rows = await loadRows(db, scope, population, from, to);
  const meta = await seriesMeta(db, scope.groupBy);
  return {
    freshness,
    from,
    to,
    population,
    rows,
    meta,
    annotations: await loadAnnotations(db, scope.version),
  };
}

/** Share of downloads over time, grouped by region, country, lab or namespace, from the rollups. */
export async function getShareOverTime(db: Database, query: ShareQuery): Promise<ShareResult> {
  return shareResultOf(query, await loadShareData(db, shareScopeOf(query)));
}

/** The answer to a query from its scope's data: bucketing, series choice, shares, crossovers. */
export function shareResultOf(query: ShareQuery, data: ShareData): ShareResult {
  const { freshness, from, to, population, rows, meta, annotations } = data;
  const unknown = (query.labs ?? []).filter((slug) => !meta.isLab(slug));
  if (unknown.length > 0)
    throw new QueryError(`No lab ${unknown.map((s) => `"${s}"`).join(", ")}: GET /api/v1/labs lists them.`, [
      { path: "labs", message: `has no lab ${unknown.join(", ")}` },
    ]);
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
    annotations: annotationsFor(annotations, { groupBy: query.groupBy, from, to, series }),
  };
}

/** The Hub's listing when it has published dates, else the study's subset: never both at once. */
async function defaultPopulation(db: Database): Promise<Population> {
  const [row] = await db.prisma.$queryRaw<{ hub: boolean | null; study: boolean | null }[]>`
    SELECT bool_or(NOT study) AS hub, bool_or(study) AS study FROM (${PUBLISHED_DATES}) p`;
  return row?.hub !== true && row?.study === true ? "study" : "hub";
}

/**
 * The query's rows per date and group: from share_rollup, or, with a task or library filter,
 * summed from share_scope (a few hundred rows a date) with the rollups' own group keys.
 */
async function loadRows(
  db: Database,
  q: ShareScope,
  population: Population,
  from: string,
  to: string,
): Promise<Row[]> {
  const derivative = q.derivatives === "exclude" ? [false] : [false, true];
  // A pinned chart reads the rows its version had (the current ones, or the history's).
  const rollups =
    q.version === undefined ? Prisma.sql`share_rollup` : rowsAtVersion("share_rollup", q.version);
  const scopes = q.version === undefined ? Prisma.sql`share_scope` : rowsAtVersion("share_scope", q.version);
  const published = await db.prisma.$queryRaw<{ date: Date }[]>`
    SELECT date FROM (${PUBLISHED_DATES}) p
    WHERE p.study = ${population === "study"} AND date BETWEEN ${from}::date AND ${to}::date`;
  if (published.length === 0) return [];
  // A list, not a subquery: the planner took the subquery for one date and walked a filter's
  // scope rows date by date through the date index (6 s for a task over a year at 18M snapshots,
  // 1.8 s with the list; an unfiltered read 98 → 8 ms).
  const dates = Prisma.sql`date = ANY(${published.map((r) => r.date)}::date[])`;
  if (!q.task && !q.library) {
    return db.prisma.$queryRaw<Row[]>`
      SELECT date, group_key, sum(downloads_30d)::bigint AS d30, sum(downloads_all_time)::bigint AS total,
        sum(downloads_period)::bigint AS period
      FROM ${rollups} r
      WHERE group_type = ${q.groupBy} AND cohort = ${q.cohort} AND ${repackRowsSql(q)}
        AND derivative = ANY(${derivative}::boolean[]) AND ${dates}
      GROUP BY date, group_key`;
  }
  return db.prisma.$queryRaw<Row[]>`
    SELECT x.date, ${groupKeySql(q.groupBy)} AS group_key, sum(x.downloads_30d)::bigint AS d30,
      sum(x.downloads_all_time)::bigint AS total, sum(x.downloads_period)::bigint AS period
    FROM ${scopes} x
    WHERE ${q.task ? Prisma.sql`x.task = ${q.task}` : Prisma.sql`true`}
      AND ${q.library ? Prisma.sql`x.library = ${q.library}` : Prisma.sql`true`}
      AND ${repackRowsSql(q, "x")} AND x.derivative = ANY(${derivative}::boolean[])
      AND ${cohortSql(q.cohort)} AND ${dates}
    GROUP BY 1, 2`;
}

type Meta = {
  style: (key: string) => { label: string; color: string };
  /** A lab slug the registry knows (labs= selects among them) */
  isLab: (slug: string) => boolean;
  labOf: (key: string) => string | null;
  countryOf: (key: string) => string | null;
};

async function seriesMeta(db: Database, groupBy: GroupBy): Promise<Meta> {
  if (groupBy === "region")
    return {
      style: (key) => ({
        label: regionInfo(key)?.label ?? key,
        color: regionInfo(key)?.color ?? NO_LAB.color,
      }),
      labOf: () => null,
      countryOf: () => null,
      isLab: () => true,
    };
  if (groupBy === "country")
    return {
      style: (key) => ({ label: countryLabel(key), color: countryColor(key) }),
      labOf: () => null,
      countryOf: (k) => k,
      isLab: () => true,
    };
  const labs = await db.prisma.lab.findMany();
  const lab = new Map(labs.map((l) => [l.slug, l]));
  if (groupBy === "lab") {
    return {
      style: (key) =>
        key === ""
          ? NO_LAB
          : { label: lab.get(key)?.name ?? key, color: lab.get(key)?.color ?? NO_LAB.color },
      labOf: (key) => key || null,
      countryOf: (key) => lab.get(key)?.country ?? null,
      isLab: (slug) => lab.has(slug),
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
    isLab: (slug) => lab.has(slug),
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
