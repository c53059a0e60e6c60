import type { Database } from "../db";
import { Prisma } from "../db";
import { bumpDataVersion } from "../db/data-version";
import { HUB_PLACEHOLDER_CREATED_AT, NEW_COHORT, NEW_MODEL_MONTHS } from "../domain/cohorts";
import type { GroupBy } from "../domain/dimensions";
import { countryKeySql, regionKeySql } from "./sql";

/**
 * Only days that a run finished are published: a crawl that failed half-way (or is still going)
 * leaves snapshots that no rollup, full rebuild included, ever reads. Every writer records a
 * succeeded run per day it loads. Each date says which population it describes (`study`: the
 * study's curated subset; otherwise the Hub's whole listing) and whether it has all-time counts.
 */
export const PUBLISHED_DATES = Prisma.sql`
  SELECT as_of AS date, bool_or(source = 'study') AS study, bool_and(all_time_counts) AS all_time
  FROM ingest_run WHERE status = 'succeeded' GROUP BY as_of`;

/**
 * The rollups' shape: a new table or dimension changes it, and rollups built before are rebuilt
 * at the next command or start (lib/publish/registry.ts).
 */
export const ROLLUP_LAYOUT = "2: share_scope";

/**
 * share_scope rows for the given snapshot dates: per date × attribution rule (developer, lineage)
 * × derivative × creation year × "new" flag × task × library × attributed country, lab and
 * registry namespace, the models and their download sums. Period downloads of a model at date d
 * are its all-time count minus its count at the previous snapshot date p of the same population
 * (never negative); a model without a snapshot at p counts from zero if it was created on or
 * after p, otherwise 0 (its downloads before it entered the crawl are unknown). Where d or p has
 * no all-time counts, all-time based sums are null.
 */
export function scopeRowsQuery(dates: Date[], source: Prisma.Sql = Prisma.sql`model`): Prisma.Sql {
  return Prisma.sql`
    WITH snapshot_dates AS (
      SELECT date, all_time,
        lag(date) OVER population AS prev_date, lag(all_time) OVER population AS prev_all_time
      FROM (${PUBLISHED_DATES}) all_dates
      WINDOW population AS (PARTITION BY study ORDER BY date)
    ),
    wanted AS (SELECT d.* FROM snapshot_dates d WHERE d.date = ANY(${dates}::date[])),
    per_model AS (
      SELECT w.date, m.namespace, COALESCE(m.lineage_namespace, m.namespace) AS lineage_namespace,
        cardinality(COALESCE(m.base_models, '{}')) > 0 AS derivative,
        COALESCE(m.pipeline_tag, '') AS task, COALESCE(m.library_name, '') AS library,
        CASE WHEN m.created_at IS NULL OR m.created_at = ${HUB_PLACEHOLDER_CREATED_AT}::timestamptz THEN ''
             ELSE 'created-' || extract(year FROM m.created_at AT TIME ZONE 'UTC')::int END AS year_cohort,
        (m.created_at IS NOT NULL AND m.created_at <> ${HUB_PLACEHOLDER_CREATED_AT}::timestamptz
          AND m.created_at > (w.date::timestamp AT TIME ZONE 'UTC') - make_interval(months => ${NEW_MODEL_MONTHS})) AS young,
        s.downloads, s.downloads_all_time,
        CASE
          WHEN w.prev_date IS NULL THEN 0
          WHEN NOT w.all_time OR NOT w.prev_all_time THEN NULL
          WHEN p.model_id IS NOT NULL THEN GREATEST(s.downloads_all_time - p.downloads_all_time, 0)
          WHEN m.created_at >= (w.prev_date::timestamp AT TIME ZONE 'UTC') THEN s.downloads_all_time
          ELSE 0
        END AS delta
      FROM wanted w
      JOIN model_snapshot s ON s.date = w.date
      JOIN ${source} m ON m.id = s.model_id
      -- Only the previous dates' rows: the key (date, model_id) reads them as a few ranges, where
      -- the join alone made the planner hash the whole table per statement.
      LEFT JOIN (
        SELECT model_id, date, downloads_all_time FROM model_snapshot
        WHERE date IN (SELECT prev_date FROM wanted)
      ) p ON p.model_id = s.model_id AND p.date = w.prev_date
    ),
    compact AS (
      SELECT date, namespace, lineage_namespace, derivative, year_cohort, young, task, library,
        count(*)::int AS models, sum(downloads) AS d30, sum(downloads_all_time) AS total, sum(delta) AS period
      FROM per_model
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ),
    keyed AS (
      SELECT c.*,
        dev.country AS dev_country, dev.international AS dev_intl, dev.lab_slug AS dev_lab,
        CASE WHEN dev.in_registry THEN dev.namespace ELSE '' END AS dev_org,
        lin.country AS lin_country, lin.international AS lin_intl, lin.lab_slug AS lin_lab,
        CASE WHEN lin.in_registry THEN lin.namespace ELSE '' END AS lin_org
      FROM compact c
      LEFT JOIN organization dev ON dev.namespace = c.namespace
      LEFT JOIN organization lin ON lin.namespace = c.lineage_namespace
    )
    -- Unregistered namespaces share one attribution (no country, no lab, no org): collapsed here.
    SELECT k.date, a.attribution, k.derivative, k.year_cohort, k.young, k.task, k.library,
      COALESCE(a.country, '') AS country, COALESCE(a.intl, false) AS international, COALESCE(a.lab, '') AS lab,
      a.org, sum(k.models)::int AS models, sum(k.d30)::bigint AS downloads_30d,
      sum(k.total)::bigint AS downloads_all_time, sum(k.period)::bigint AS downloads_period
    FROM keyed k
    CROSS JOIN LATERAL (VALUES
      ('developer', k.dev_country, k.dev_intl, k.dev_lab, k.dev_org),
      ('lineage', k.lin_country, k.lin_intl, k.lin_lab, k.lin_org)
    ) AS a(attribution, country, intl, lab, org)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`;
}

/** A scope row's group key for each grouping: the one definition the rollups and filtered reads share. */
export function groupKeySql(groupBy: GroupBy, row: Prisma.Sql = Prisma.sql`x`): Prisma.Sql {
  const country = Prisma.sql`NULLIF(${row}.country, '')`;
  const intl = Prisma.sql`${row}.international`;
  switch (groupBy) {
    case "region":
      return regionKeySql(country, intl);
    case "country":
      return countryKeySql(country, intl);
    case "lab":
      return Prisma.sql`${row}.lab`;
    case "org":
      return Prisma.sql`${row}.org`;
  }
}

/** Whether a scope row belongs to a cohort (all, new-12m, created-YYYY). */
export function cohortSql(cohort: string, row: Prisma.Sql = Prisma.sql`x`): Prisma.Sql {
  if (cohort === "all") return Prisma.sql`true`;
  if (cohort === NEW_COHORT) return Prisma.sql`${row}.young`;
  return Prisma.sql`${row}.year_cohort = ${cohort}`;
}

/**
 * share_rollup rows for the given dates, expanded from share_scope: every cohort × grouping,
 * summed over tasks and libraries (the unfiltered charts read these directly).
 */
function rollupFromScopeQuery(dates: Date[]): Prisma.Sql {
  return Prisma.sql`
    SELECT x.date, c.cohort, x.attribution, x.derivative, g.group_type, g.group_key,
      sum(x.models)::int AS models, sum(x.downloads_30d)::bigint AS downloads_30d,
      sum(x.downloads_all_time)::bigint AS downloads_all_time, sum(x.downloads_period)::bigint AS downloads_period
    FROM share_scope x
    CROSS JOIN LATERAL (VALUES ('all'), (NULLIF(x.year_cohort, '')), (CASE WHEN x.young THEN ${NEW_COHORT} END)) AS c(cohort)
    CROSS JOIN LATERAL (VALUES
      ('region', ${groupKeySql("region")}),
      ('country', ${groupKeySql("country")}),
      ('lab', ${groupKeySql("lab")}),
      ('org', ${groupKeySql("org")})
    ) AS g(group_type, group_key)
    WHERE x.date = ANY(${dates}::date[]) AND c.cohort IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6`;
}

/** Per rebuild transaction on Postgres (measured: a 16-date statement at 18M rows 5.7 → 3.5 s). */
const ROLLUP_WORK_MEM = "64MB";

/** Dates per INSERT: bounds the memory of one aggregation on large histories. */
const DATES_PER_STATEMENT = 16;

/**
 * Rewrites the scope and rollup rows of `dates` (and of each following snapshot date, whose
 * period downloads are measured from them); `null` rebuilds every published date. One
 * transaction, so readers see the old rollups or the new ones, never a mix; statements go a few
 * dates at a time.
 */
export async function refreshRollups(db: Database, dates: Date[] | null): Promise<void> {
  const { prisma } = db;
  const targets =
    dates === null
      ? (await prisma.$queryRaw<{ date: Date }[]>`${PUBLISHED_DATES} ORDER BY 1`).map((r) => r.date)
      : await withFollowingDates(db, dates);
  await prisma.$transaction(
    async (tx) => {
      // The final aggregation (≈ 100k groups per statement) spills to disk in batches at the
      // default 4MB. Postgres only: the memory is the server's, and PGlite, inside our own
      // process, never gives its memory back.
      if (db.target.kind === "postgres")
        await tx.$executeRawUnsafe(`SET LOCAL work_mem = '${ROLLUP_WORK_MEM}'`);
      if (dates === null) {
        await tx.$executeRaw`DELETE FROM share_scope`;
        await tx.$executeRaw`DELETE FROM share_rollup`;
      } else {
        await tx.$executeRaw`DELETE FROM share_scope WHERE date = ANY(${targets}::date[])`;
        await tx.$executeRaw`DELETE FROM share_rollup WHERE date = ANY(${targets}::date[])`;
      }
      for (let i = 0; i < targets.length; i += DATES_PER_STATEMENT) {
        const batch = targets.slice(i, i + DATES_PER_STATEMENT);
        await tx.$executeRaw`
          INSERT INTO share_scope (date, attribution, derivative, year_cohort, young, task, library, country,
            international, lab, org, models, downloads_30d, downloads_all_time, downloads_period)
          ${scopeRowsQuery(batch)}`;
        await tx.$executeRaw`
          INSERT INTO share_rollup (date, cohort, attribution, derivative, group_type, group_key, models,
            downloads_30d, downloads_all_time, downloads_period)
          ${rollupFromScopeQuery(batch)}`;
      }
      await bumpDataVersion(tx);
    },
    // A full rebuild over years of snapshots takes minutes, not Prisma's default 5 seconds.
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
}

/** Published snapshot dates from `date` on. */
export async function publishedDatesSince(db: Database, date: Date): Promise<Date[]> {
  const rows = await db.prisma.$queryRaw<{ date: Date }[]>`
    SELECT date FROM (${PUBLISHED_DATES}) p WHERE date >= ${date}::date ORDER BY date`;
  return rows.map((r) => r.date);
}

async function withFollowingDates(db: Database, dates: Date[]): Promise<Date[]> {
  const rows = await db.prisma.$queryRaw<{ date: Date }[]>`
    SELECT next_date AS date FROM (
      SELECT (SELECT min(p.date) FROM (${PUBLISHED_DATES}) p WHERE p.date > d.date) AS next_date
      FROM unnest(${dates}::date[]) AS d(date)
    ) n
    WHERE next_date IS NOT NULL`;
  const all = new Map<string, Date>();
  for (const d of [...dates, ...rows.map((r) => r.date)]) all.set(d.toISOString().slice(0, 10), d);
  return [...all.values()];
}
