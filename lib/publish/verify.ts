import { PUBLISHED_DATES, rollupFromScopeQuery, SCOPE_COLUMNS, scopeRowsQuery } from "../analytics/rollups";
import { VERIFICATION_KEY } from "../analytics/verification";
import { type Database, Prisma } from "../db";
import { inTransaction, type Tx } from "../db/transaction";
import type { Drift, Verification } from "../domain/answers";
import { dayDate, isoDay } from "../domain/days";
import { refreshLineageIn } from "../origins/lineage";
import { acquireIngestLock } from "../store/write-lock";

const DRIFTS_SHOWN = 50;
const DATES_PER_STATEMENT = 16;

class Rollback extends Error {
  constructor(readonly result: Verification) {
    super("verification rolls back");
  }
}

/**
 * Recomputes the rollups of the published dates (all, `dates`, or a random `sample` of them) from
 * the stored snapshots into scratch tables — lineage resolved again too — and compares them with
 * what is published, row by row. Nothing is changed: the work happens in a transaction that is
 * rolled back. Holds the ingest lock, so no publish lands during the comparison. The result is kept
 * in app_state for the status page.
 */
export async function verifyPublished(
  db: Database,
  options: { dates?: string[]; sample?: number } = {},
): Promise<Verification> {
  const started = performance.now();
  const release = await acquireIngestLock(db);
  let result: Verification;
  try {
    result = await inTransaction(db, async (tx) => {
      throw new Rollback(await compare(tx, options, started));
    }).catch((error: unknown) => {
      if (error instanceof Rollback) return error.result;
      throw error;
    });
  } finally {
    await release();
  }
  const value = JSON.stringify({ ...result, drifts: result.drifts.slice(0, 10) });
  await db.prisma.appState.upsert({
    where: { key: VERIFICATION_KEY },
    create: { key: VERIFICATION_KEY, value },
    update: { value },
  });
  return result;
}

async function compare(
  tx: Tx,
  options: { dates?: string[]; sample?: number },
  started: number,
): Promise<Verification> {
  const { client } = tx;
  const published = (await client.$queryRaw<{ date: Date }[]>`${PUBLISHED_DATES} ORDER BY 1`).map((r) =>
    isoDay(r.date),
  );
  const unknown = (options.dates ?? []).filter((d) => !published.includes(d));
  if (unknown.length > 0)
    throw new Error(`--dates names dates that are not published: ${unknown.slice(0, 10).join(", ")}`);
  const all = options.dates === undefined && options.sample === undefined;
  const chosen =
    options.dates ?? (options.sample !== undefined ? sample(published, options.sample) : published);
  const dates = chosen.map(dayDate);
  // What a publish would resolve first (listings not yet published), then everything again: what the
  // second changes, the incremental resolution missed.
  await refreshLineageIn(tx, "pending");
  const lineage = await refreshLineageIn(tx, "all");
  await client.$executeRaw`CREATE TEMP TABLE verify_scope (LIKE share_scope) ON COMMIT DROP`;
  await client.$executeRaw`CREATE TEMP TABLE verify_rollup (LIKE share_rollup) ON COMMIT DROP`;
  if (tx.postgres) await client.$executeRawUnsafe("SET LOCAL work_mem = '64MB'");
  for (let i = 0; i < dates.length; i += DATES_PER_STATEMENT) {
    const batch = dates.slice(i, i + DATES_PER_STATEMENT);
    await client.$executeRaw`INSERT INTO verify_scope ${SCOPE_COLUMNS} ${scopeRowsQuery(batch)}`;
  }
  await client.$executeRaw`
    INSERT INTO verify_rollup (date, cohort, attribution, derivative, repack, group_type, group_key, models,
      downloads_30d, downloads_all_time, downloads_period)
    ${rollupFromScopeQuery(null, Prisma.sql`verify_scope`)}`;
  // Published rows of the dates checked (with every date checked: of any date, published or not).
  const inScope = (table: Prisma.Sql) =>
    all
      ? Prisma.sql`SELECT * FROM ${table}`
      : Prisma.sql`SELECT * FROM ${table} WHERE date = ANY(${dates}::date[])`;
  const rollupDrift = await client.$queryRaw<DriftRow[]>`
    SELECT COALESCE(p.date, r.date) AS date,
      concat_ws(' ', COALESCE(p.group_type, r.group_type) || '=' || COALESCE(p.group_key, r.group_key),
        'cohort=' || COALESCE(p.cohort, r.cohort), 'attribution=' || COALESCE(p.attribution, r.attribution),
        CASE WHEN COALESCE(p.derivative, r.derivative) THEN 'derivatives' ELSE 'originals' END,
        CASE WHEN COALESCE(p.repack, r.repack) THEN 'repacks' END) AS cut,
      CASE WHEN p.date IS NULL THEN NULL ELSE concat_ws(' ', p.models, p.downloads_30d, p.downloads_all_time, p.downloads_period) END AS published,
      CASE WHEN r.date IS NULL THEN NULL ELSE concat_ws(' ', r.models, r.downloads_30d, r.downloads_all_time, r.downloads_period) END AS recomputed
    FROM (${inScope(Prisma.sql`share_rollup`)}) p
    FULL JOIN verify_rollup r USING (date, cohort, attribution, derivative, repack, group_type, group_key)
    WHERE (p.models, p.downloads_30d, p.downloads_all_time, p.downloads_period)
      IS DISTINCT FROM (r.models, r.downloads_30d, r.downloads_all_time, r.downloads_period)
    ORDER BY 1, 2`;
  const scopeDrift = await client.$queryRaw<DriftRow[]>`
    SELECT COALESCE(p.date, r.date) AS date,
      concat_ws(' ', 'org=' || COALESCE(p.org, r.org), 'attribution=' || COALESCE(p.attribution, r.attribution),
        'task=' || COALESCE(p.task, r.task), 'library=' || COALESCE(p.library, r.library),
        'year=' || COALESCE(p.year_cohort, r.year_cohort), CASE WHEN COALESCE(p.young, r.young) THEN 'new' END,
        CASE WHEN COALESCE(p.derivative, r.derivative) THEN 'derivatives' ELSE 'originals' END,
        CASE WHEN COALESCE(p.repack, r.repack) THEN 'repacks' END) AS cut,
      CASE WHEN p.date IS NULL THEN NULL ELSE concat_ws(' ', p.country, p.international, p.lab, p.models, p.downloads_30d, p.downloads_all_time, p.downloads_period) END AS published,
      CASE WHEN r.date IS NULL THEN NULL ELSE concat_ws(' ', r.country, r.international, r.lab, r.models, r.downloads_30d, r.downloads_all_time, r.downloads_period) END AS recomputed
    FROM (${inScope(Prisma.sql`share_scope`)}) p
    FULL JOIN verify_scope r USING (task, library, date, attribution, derivative, repack, year_cohort, young, org)
    WHERE (p.country, p.international, p.lab, p.models, p.downloads_30d, p.downloads_all_time, p.downloads_period)
      IS DISTINCT FROM (r.country, r.international, r.lab, r.models, r.downloads_30d, r.downloads_all_time, r.downloads_period)
    ORDER BY 1, 2`;
  const [counts] = await client.$queryRaw<{ rollup: number; scope: number }[]>`
    SELECT (SELECT count(*)::int FROM verify_rollup) AS rollup, (SELECT count(*)::int FROM verify_scope) AS scope`;
  const drifts: Drift[] = [
    ...rollupDrift.map((d) => ({ table: "share_rollup" as const, ...d, date: isoDay(d.date) })),
    ...scopeDrift.map((d) => ({ table: "share_scope" as const, ...d, date: isoDay(d.date) })),
  ];
  const driftCount = drifts.length + lineage.updated;
  return {
    at: new Date().toISOString(),
    dates: chosen.length,
    publishedDates: published.length,
    rows: { rollup: counts?.rollup ?? 0, scope: counts?.scope ?? 0 },
    lineageDrift: lineage.updated,
    driftCount,
    drifts: drifts.slice(0, DRIFTS_SHOWN),
    ok: driftCount === 0,
    seconds: (performance.now() - started) / 1000,
  };
}

type DriftRow = { date: Date; cut: string; published: string | null; recomputed: string | null };

/** `n` of the dates, drawn at random, in date order. */
function sample(dates: string[], n: number): string[] {
  const pool = [...dates];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  return pool.slice(0, n).sort();
}
