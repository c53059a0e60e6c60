import type { Database } from "../db";
import { Prisma } from "../db";
import { bumpDataVersion, versionInTheMaking } from "../db/data-version";
import { inTransaction, type Tx } from "../db/transaction";
import { buildTwin, mayBuildTwins } from "../db/twin-table";
import { HUB_PLACEHOLDER_CREATED_AT, NEW_COHORT, NEW_MODEL_MONTHS } from "../domain/cohorts";
import type { GroupBy } from "../domain/dimensions";
import { adoptUnversionedModels, lineageAtDates } from "../origins/lineage";
import {
  archiveRollupDates,
  archiveScopeGroups,
  markRollupDates,
  markScopeGroups,
  pruneHistory,
} from "./rollup-history";
import { countryKeySql, regionKeySql } from "./sql";

/** The attribution rows of a repack credited to its base model's developer (repacks=to-base). */
export const REPACK_BASE = "repack-base";

/**
 * Only days that a run finished are published: a crawl that failed half-way (or is still going)
 * leaves snapshots that no rollup, full rebuild included, ever reads. Every writer records a
 * succeeded run per day it loads. Each date says which population it describes (`study`: the
 * study's curated subset; otherwise the Hub's whole listing) and whether it has all-time counts.
 */
export const PUBLISHED_DATES = Prisma.sql`
  SELECT as_of AS date, bool_or(source = 'study') AS study, bool_and(all_time_counts) AS all_time
  FROM ingest_run WHERE status = 'succeeded' AND NOT partial GROUP BY as_of`;

/**
 * The rollups' shape: a new table or dimension changes it, and rollups built before are rebuilt
 * at the next command or start (lib/publish/registry.ts), lineage resolved again with them. So
 * does a change of how lineage is resolved: versions resolved before it are resolved again.
 */
export const ROLLUP_LAYOUT =
  "6: lineage through a chain's last model; repacks without a base keep their namespace";

/**
 * The namespace a repack's downloads are credited to with repacks=to-base: its first base model's
 * (one hop, resolved by lib/origins/lineage.ts), or, when it names no base, its own — a GGUF upload
 * that says nothing of its origin stays with its uploader rather than joining the unattributed.
 */
const REPACK_BASE_NAMESPACE = Prisma.sql`COALESCE(v.base_namespace, m.namespace)`;

/** Every published snapshot date with the previous date of its population (period downloads). */
const SNAPSHOT_DATES = Prisma.sql`
  SELECT date, all_time,
    lag(date) OVER population AS prev_date, lag(all_time) OVER population AS prev_all_time
  FROM (${PUBLISHED_DATES}) all_dates
  WINDOW population AS (PARTITION BY study ORDER BY date)`;

/**
 * What a model brings to a date's sums (w: the date, s: its snapshot, v: the model's version listed
 * with it — its task, library, base models and creation date as of that date —, p: its snapshot at
 * the previous date). Period downloads of a model at date d are its all-time count
 * minus its count at the previous snapshot date p of the same population (never negative); a
 * model without a snapshot at p counts from zero if it was created on or after p, otherwise 0
 * (its downloads before it entered the crawl are unknown). Where d or p has no all-time counts,
 * all-time based sums are null.
 */
const MODEL_FACTS = Prisma.sql`
  cardinality(COALESCE(v.base_models, '{}')) > 0 AS derivative, v.repack,
  COALESCE(v.pipeline_tag, '') AS task, COALESCE(v.library_name, '') AS library,
  CASE WHEN v.created_at IS NULL OR v.created_at = ${HUB_PLACEHOLDER_CREATED_AT}::timestamptz THEN ''
       ELSE 'created-' || extract(year FROM v.created_at AT TIME ZONE 'UTC')::int END AS year_cohort,
  (v.created_at IS NOT NULL AND v.created_at <> ${HUB_PLACEHOLDER_CREATED_AT}::timestamptz
    AND v.created_at > (w.date::timestamp AT TIME ZONE 'UTC') - make_interval(months => ${NEW_MODEL_MONTHS})) AS young,
  s.downloads, s.downloads_all_time,
  CASE
    WHEN w.prev_date IS NULL THEN 0
    WHEN NOT w.all_time OR NOT w.prev_all_time THEN NULL
    WHEN p.model_id IS NOT NULL THEN GREATEST(s.downloads_all_time - p.downloads_all_time, 0)
    WHEN v.created_at >= (w.prev_date::timestamp AT TIME ZONE 'UTC') THEN s.downloads_all_time
    ELSE 0
  END AS delta`;

/**
 * The snapshots of a set of dates (`wanted`: date, prev_date, …) with what each needs: its model
 * m, version v, lineage namespace (`lineage_ns`: the root's namespace at that date; the model's own
 * without bases) and its snapshot p at the previous date; `models` narrows them to some models.
 */
function snapshotsOf(wanted: Prisma.Sql, models?: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    ${wanted} w
    JOIN model_snapshot s ON s.date = w.date ${models ? Prisma.sql`AND s.model_id IN (${models})` : Prisma.empty}
    JOIN model m ON m.id = s.model_id
    JOIN model_version v ON v.id = COALESCE(s.version_id, m.version_id)
    LEFT JOIN (${lineageAtDates(Prisma.sql`SELECT date FROM ${wanted} x`, models)}) la
      ON v.lineage_varies AND la.date = s.date AND la.model_id = s.model_id
    CROSS JOIN LATERAL (SELECT CASE WHEN v.lineage_varies THEN la.namespace
                                    ELSE COALESCE(v.lineage_namespace, m.namespace) END AS lineage_ns) l
    -- Only the previous dates' rows: the key (date, model_id) reads them as a few ranges, where
    -- the join alone made the planner hash the whole table per statement.
    LEFT JOIN (
      SELECT model_id, date, downloads_all_time FROM model_snapshot
      WHERE date IN (SELECT prev_date FROM ${wanted} x)
    ) p ON p.model_id = s.model_id AND p.date = w.prev_date`;
}

/** The columns share_scope rows are inserted with, in scopeRowsQuery's order. */
export const SCOPE_COLUMNS = Prisma.sql`(date, attribution, derivative, repack, year_cohort, young, task, library,
  country, international, lab, org, models, downloads_30d, downloads_all_time, downloads_period)`;

/**
 * Scope rows from rows of k (the facts grouped with a developer namespace, a lineage namespace, a
 * repack's base namespace and a sign) attributed through the registry's organizations in orgs:
 * unregistered namespaces share one attribution (no country, no lab, no org), so country and lab
 * follow from org (the scope key's premise). A repack has a third row, `repack-base`: its downloads
 * credited to its base model's developer (repacks=to-base), one hop.
 */
function attributed(k: Prisma.Sql, orgs: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT k.date, a.attribution, k.derivative, k.repack, k.year_cohort, k.young, k.task, k.library,
      COALESCE(a.country, '') AS country, COALESCE(a.intl, false) AS international, COALESCE(a.lab, '') AS lab,
      a.org, k.sign * k.models AS models, k.sign * k.d30 AS d30, k.sign * k.total AS total, k.sign * k.period AS period
    FROM ${k} k
    LEFT JOIN ${orgs} dev ON dev.namespace = k.namespace AND dev.in_registry
    -- A root's (or a repacked base's) namespace matches ignoring case, as the Hub resolves ids.
    LEFT JOIN ${orgs} lin ON lower(lin.namespace) = lower(k.lineage_namespace) AND lin.in_registry
    LEFT JOIN ${orgs} rb ON k.repack AND lower(rb.namespace) = lower(k.base_namespace) AND rb.in_registry
    CROSS JOIN LATERAL (VALUES
      ('developer', dev.country, dev.international, dev.lab_slug, COALESCE(dev.namespace, '')),
      ('lineage', lin.country, lin.international, lin.lab_slug, COALESCE(lin.namespace, '')),
      (${REPACK_BASE}, rb.country, rb.international, rb.lab_slug, COALESCE(rb.namespace, ''))
    ) AS a(attribution, country, intl, lab, org)
    WHERE a.attribution <> ${REPACK_BASE} OR k.repack`;
}

const SCOPE_SUMS = Prisma.sql`
  date, attribution, derivative, repack, year_cohort, young, task, library, country, international, lab, org,
  sum(models)::int AS models, sum(d30)::bigint AS downloads_30d, sum(total)::bigint AS downloads_all_time,
  sum(period)::bigint AS downloads_period`;

/**
 * share_scope rows for the given snapshot dates: per date × attribution rule (developer, lineage)
 * × derivative × creation year × "new" flag × task × library × attributed country, lab and
 * registry namespace, the models and their download sums (MODEL_FACTS says how they count).
 */
export function scopeRowsQuery(dates: Date[]): Prisma.Sql {
  return Prisma.sql`
    WITH wanted AS (SELECT d.* FROM (${SNAPSHOT_DATES}) d WHERE d.date = ANY(${dates}::date[])),
    -- Namespaces outside the registry all count alike (no country, lab or org): they are told
    -- apart no further than as '', so that the models of a date fall into a few thousand groups
    -- rather than about one per namespace.
    registry AS (SELECT namespace, lower(namespace) AS key FROM organization WHERE in_registry),
    per_model AS (
      SELECT w.date, COALESCE(dev.namespace, '') AS namespace, COALESCE(lin.namespace, '') AS lineage_namespace,
        CASE WHEN v.repack THEN COALESCE(rb.namespace, '') END AS base_namespace, ${MODEL_FACTS}
      FROM ${snapshotsOf(Prisma.sql`wanted`)}
      LEFT JOIN registry dev ON dev.namespace = m.namespace
      -- A root's (or a repacked base's) namespace matches ignoring case, as the Hub resolves ids.
      LEFT JOIN registry lin ON lin.key = lower(l.lineage_ns)
      LEFT JOIN registry rb ON v.repack AND rb.key = lower(${REPACK_BASE_NAMESPACE})
    ),
    compact AS (
      SELECT date, namespace, lineage_namespace, base_namespace, derivative, repack, year_cohort, young, task,
        library, 1 AS sign, count(*)::int AS models, sum(downloads) AS d30, sum(downloads_all_time) AS total,
        sum(delta) AS period
      FROM per_model
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    )
    SELECT ${SCOPE_SUMS} FROM (${attributed(Prisma.sql`compact`, Prisma.sql`organization`)}) x
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12`;
}

/**
 * The change a registry edit makes to share_scope, as signed rows to add: the given models'
 * contributions over every published date, attributed as share_scope holds them (subtracted:
 * the organizations as they are, but the namespaces `newlyRegistered` still unregistered) and as
 * they are now (added). One pass over their snapshots, found by the key (date, model_id); each
 * snapshot counts with its own version and lineage at its date, exactly as the rollups summed it.
 */
export function scopeDeltaQuery(modelIds: number[], newlyRegistered: string[]): Prisma.Sql {
  const oldOrgs = Prisma.sql`(
    SELECT namespace, in_registry, country, international, lab_slug FROM organization
    WHERE NOT (namespace = ANY(${newlyRegistered}::text[]))
    UNION ALL
    SELECT n, false, NULL::text, false, NULL::text FROM unnest(${newlyRegistered}::text[]) AS n
  )`;
  return Prisma.sql`
    WITH wanted AS (${SNAPSHOT_DATES}),
    per_model AS (
      SELECT w.date, m.namespace, l.lineage_ns AS lineage_namespace,
        CASE WHEN v.repack THEN ${REPACK_BASE_NAMESPACE} END AS base_namespace, ${MODEL_FACTS}
      FROM ${snapshotsOf(Prisma.sql`wanted`, Prisma.sql`SELECT unnest(${modelIds}::int[])`)}
    ),
    compact AS (
      SELECT date, namespace, lineage_namespace, base_namespace, derivative, repack, year_cohort, young, task,
        library, count(*)::int AS models, sum(downloads) AS d30, sum(downloads_all_time) AS total,
        sum(delta) AS period
      FROM per_model
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ),
    sides AS (
      SELECT * FROM (${attributed(Prisma.sql`(SELECT c.*, -1 AS sign FROM compact c)`, oldOrgs)}) was
      UNION ALL
      SELECT * FROM (${attributed(Prisma.sql`(SELECT c.*, 1 AS sign FROM compact c)`, Prisma.sql`organization`)}) now
    )
    SELECT ${SCOPE_SUMS} FROM sides
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    HAVING sum(models) <> 0 OR sum(d30) <> 0 OR sum(total) <> 0 OR sum(period) <> 0`;
}

/**
 * A scope row's attributed columns from its organization `o`, joined (as in `attributed`) only
 * while it is in the registry.
 */
const ORG_COUNTRY = Prisma.sql`COALESCE(o.country, '')`;
const ORG_INTERNATIONAL = Prisma.sql`COALESCE(o.international, false)`;
const ORG_LAB = Prisma.sql`COALESCE(o.lab_slug, '')`;
const ORG_KEY = Prisma.sql`COALESCE(o.namespace, '')`;

/**
 * The change that moves the scope rows of registry namespaces (org = namespace, under either
 * attribution rule) to the attribution their organization has now: each row subtracted as it is
 * and added again as `attributed` makes it (a namespace that left the registry joins org '').
 * With `forRollups`, tasks and libraries are summed away first (as the rollups sum them): a
 * change only the rollups take, a fraction of the rows.
 */
export function scopeRelabelQuery(namespaces: string[], forRollups = false): Prisma.Sql {
  const detail = forRollups ? Prisma.sql`'' AS task, '' AS library` : Prisma.sql`task, library`;
  return Prisma.sql`
    WITH moved AS (
      SELECT date, attribution, derivative, repack, year_cohort, young, ${detail}, country, international, lab,
        org, sum(models)::int AS models, sum(downloads_30d)::bigint AS d30,
        sum(downloads_all_time)::bigint AS total, sum(downloads_period)::bigint AS period
      FROM share_scope WHERE org = ANY(${namespaces}::text[])
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    )
    SELECT date, attribution, derivative, repack, year_cohort, young, task, library, country, international, lab,
      org, -models, -d30, -total, -period
    FROM moved
    UNION ALL
    SELECT x.date, x.attribution, x.derivative, x.repack, x.year_cohort, x.young, x.task, x.library,
      ${ORG_COUNTRY}, ${ORG_INTERNATIONAL}, ${ORG_LAB}, ${ORG_KEY},
      x.models, x.d30, x.total, x.period
    FROM moved x LEFT JOIN organization o ON o.namespace = x.org AND o.in_registry`;
}

/**
 * Moves the scope rows of namespaces that stay in the registry to their organization's new
 * country, lab and international flag in place. No row can meet another: the key holds the
 * namespace, whose rows all carried its old attribution.
 */
export function scopeRelabelInPlace(namespaces: string[]): Prisma.Sql {
  return Prisma.sql`
    UPDATE share_scope x SET country = ${ORG_COUNTRY}, international = ${ORG_INTERNATIONAL}, lab = ${ORG_LAB}
    FROM organization o
    WHERE x.org = ANY(${namespaces}::text[]) AND o.namespace = x.org AND o.in_registry`;
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
export function rollupFromScopeQuery(
  dates: Date[] | null,
  scope: Prisma.Sql = Prisma.sql`share_scope`,
): Prisma.Sql {
  return Prisma.sql`
    WITH attributions AS (
      -- Tasks and libraries summed away first: the expansion below multiplies every row by twelve.
      SELECT date, attribution, derivative, repack, year_cohort, young, country, international, lab, org,
        sum(models) AS models, sum(downloads_30d) AS downloads_30d,
        sum(downloads_all_time) AS downloads_all_time, sum(downloads_period) AS downloads_period
      FROM ${scope}
      WHERE ${dates ? Prisma.sql`date = ANY(${dates}::date[])` : Prisma.sql`true`}
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    )
    SELECT x.date, c.cohort, x.attribution, x.derivative, x.repack, g.group_type, g.group_key,
      sum(x.models)::int AS models, sum(x.downloads_30d)::bigint AS downloads_30d,
      sum(x.downloads_all_time)::bigint AS downloads_all_time, sum(x.downloads_period)::bigint AS downloads_period
    FROM attributions x
    CROSS JOIN LATERAL (VALUES ('all'), (NULLIF(x.year_cohort, '')), (CASE WHEN x.young THEN ${NEW_COHORT} END)) AS c(cohort)
    CROSS JOIN LATERAL (VALUES
      ('region', ${groupKeySql("region")}),
      ('country', ${groupKeySql("country")}),
      ('lab', ${groupKeySql("lab")}),
      ('org', ${groupKeySql("org")})
    ) AS g(group_type, group_key)
    WHERE c.cohort IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7`;
}

/** Per rebuild transaction on Postgres (measured: a 16-date statement at 18M rows 5.7 → 3.5 s). */
const ROLLUP_WORK_MEM = "64MB";
/** Per index a full rebuild sorts on Postgres (14M scope rows at 18M snapshots). */
const ROLLUP_INDEX_MEM = "256MB";

/** Dates per INSERT: bounds the memory of one aggregation on large histories. */
const DATES_PER_STATEMENT = 16;

/**
 * Rewrites the scope and rollup rows of `dates` (and of each following snapshot date, whose
 * period downloads are measured from them); `null` rebuilds every published date. One
 * transaction, so readers see the old rollups or the new ones, never a mix; statements go a few
 * dates at a time.
 */
export async function refreshRollups(db: Database, dates: Date[] | null): Promise<void> {
  await inTransaction(db, async (tx) => {
    await refreshRollupsIn(tx, dates);
    await bumpDataVersion(tx.client);
  });
}

/** `refreshRollups` inside the caller's transaction (a publish, which changes the data version). */
export async function refreshRollupsIn(tx: Tx, dates: Date[] | null): Promise<void> {
  const { client } = tx;
  const targets =
    dates === null
      ? (await client.$queryRaw<{ date: Date }[]>`${PUBLISHED_DATES} ORDER BY 1`).map((r) => r.date)
      : await withFollowingDates(tx, dates);
  // The final aggregation (≈ 100k groups per statement) spills to disk in batches at the default
  // 4MB. Postgres only: the memory is the server's, and PGlite, inside our own process, never gives
  // its memory back. Without JIT: compiling a statement's plan took 0.8 s of its 5.3 s at 18M rows
  // (its estimate is far above jit_above_cost).
  if (tx.postgres) {
    await client.$executeRawUnsafe(`SET LOCAL work_mem = '${ROLLUP_WORK_MEM}'`);
    await client.$executeRawUnsafe("SET LOCAL jit = off");
  }
  await adoptUnversionedModels(tx);
  const version = await versionInTheMaking(client);
  if (dates === null && tx.postgres && (await mayBuildTwins(client, ROLLUP_TABLES)))
    await rebuildIntoTwins(tx, targets, version);
  else await replaceDates(tx, targets, dates === null, version);
  await pruneHistory(tx);
}

/**
 * The rows of `dates` (with `all`, every row) kept in the history and deleted, and those of
 * `dates` built again in place, made by `version`.
 */
async function replaceDates(tx: Tx, dates: Date[], all: boolean, version: number): Promise<void> {
  const { client } = tx;
  const which = all ? Prisma.sql`true` : Prisma.sql`t.date = ANY(${dates}::date[])`;
  const units = all ? null : Prisma.sql`SELECT date, org FROM share_scope WHERE date = ANY(${dates}::date[])`;
  await archiveScopeGroups(tx, units, version);
  await archiveRollupDates(tx, all ? null : dates, version);
  await client.$executeRaw`DELETE FROM share_scope t WHERE ${which}`;
  await client.$executeRaw`DELETE FROM share_rollup t WHERE ${which}`;
  for (const batch of inBatches(dates)) {
    await client.$executeRaw`INSERT INTO share_scope ${SCOPE_COLUMNS} ${scopeRowsQuery(batch)}`;
    await client.$executeRaw`INSERT INTO share_rollup ${ROLLUP_COLUMNS} ${rollupFromScopeQuery(batch)}`;
  }
  await markScopeGroups(tx, units, version);
  await markRollupDates(tx, all ? null : dates, version);
}

/**
 * A full rebuild on Postgres: both tables filled afresh into twins without indexes, whose indexes
 * are then built in one sort each (lib/db/twin-table.ts), the rollups from the scope twin once its
 * indexes are built; both swapped in at the end. Groups are hashed, not sorted: the planner
 * expects a tenth of the scope groups there are and sorted 1.6M rows of eleven text keys on disk
 * per statement (and the rollups' nine keys, date by date). Hashing alone halved the query but
 * doubled the insert (rows reached the table's key in random order); filling an unindexed twin
 * alone saved little. Measured in bench/README.md.
 */
async function rebuildIntoTwins(tx: Tx, dates: Date[], version: number): Promise<void> {
  const { client } = tx;
  // Every row of the tables is replaced: the history keeps them all first.
  await archiveScopeGroups(tx, null, version);
  await archiveRollupDates(tx, null, version);
  await client.$executeRawUnsafe("SET LOCAL enable_sort = off");
  // An incremental sort is a sort too: the rollups' groups were sorted on nine keys within each date.
  await client.$executeRawUnsafe("SET LOCAL enable_incremental_sort = off");
  await client.$executeRawUnsafe(`SET LOCAL maintenance_work_mem = '${ROLLUP_INDEX_MEM}'`);
  const [scopeTable, rollupTable] = ROLLUP_TABLES;
  const scope = await buildTwin(client, scopeTable, async (twin) => {
    for (const batch of inBatches(dates))
      await client.$executeRaw`INSERT INTO ${twin} ${SCOPE_COLUMNS} ${scopeRowsQuery(batch)}`;
  });
  const rollup = await buildTwin(client, rollupTable, async (twin) => {
    for (const batch of inBatches(dates))
      await client.$executeRaw`INSERT INTO ${twin} ${ROLLUP_COLUMNS} ${rollupFromScopeQuery(batch, scope.name)}`;
  });
  await scope.swapIn();
  await rollup.swapIn();
  await markScopeGroups(tx, null, version);
  await markRollupDates(tx, null, version);
}

function inBatches(dates: Date[]): Date[][] {
  return Array.from({ length: Math.ceil(dates.length / DATES_PER_STATEMENT) }, (_, i) =>
    dates.slice(i * DATES_PER_STATEMENT, (i + 1) * DATES_PER_STATEMENT),
  );
}

const ROLLUP_TABLES: [string, string] = ["share_scope", "share_rollup"];
const ROLLUP_FIELDS = `date, cohort, attribution, derivative, repack, group_type, group_key, models,
  downloads_30d, downloads_all_time, downloads_period`;
export const ROLLUP_COLUMNS = Prisma.raw(`(${ROLLUP_FIELDS})`);

/** The first published snapshot date (null: none). */
export async function firstPublishedDate(tx: Tx): Promise<Date | null> {
  const [row] = await tx.client.$queryRaw<
    { date: Date }[]
  >`SELECT min(date) AS date FROM (${PUBLISHED_DATES}) p`;
  return row?.date ?? null;
}

/** Published snapshot dates from `date` on. */
export async function publishedDatesSince(tx: Tx, date: Date): Promise<Date[]> {
  const rows = await tx.client.$queryRaw<{ date: Date }[]>`
    SELECT date FROM (${PUBLISHED_DATES}) p WHERE date >= ${date}::date ORDER BY date`;
  return rows.map((r) => r.date);
}

async function withFollowingDates(tx: Tx, dates: Date[]): Promise<Date[]> {
  const rows = await tx.client.$queryRaw<{ date: Date }[]>`
    SELECT next_date AS date FROM (
      SELECT (SELECT min(p.date) FROM (${PUBLISHED_DATES}) p WHERE p.date > d.date) AS next_date
      FROM unnest(${dates}::date[]) AS d(date)
    ) n
    WHERE next_date IS NOT NULL`;
  const all = new Map<string, Date>();
  for (const d of [...dates, ...rows.map((r) => r.date)]) all.set(d.toISOString().slice(0, 10), d);
  return [...all.values()];
}
