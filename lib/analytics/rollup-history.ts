import { Prisma } from "../db";
import type { Tx } from "../db/transaction";
import { PINNED_VERSION_DAYS } from "../domain/pinned-versions";

/**
 * Pinned charts: a chart may ask for the numbers of an earlier data version (`version=`). The
 * rollup tables hold the current rows; rows a later version replaces move to their history tables,
 * valid from the version that made them up to the one that replaced them. Which version made the
 * current rows is kept beside them, per unit of change: a date's share_rollup rows
 * (rollup_date_since) and a date's share_scope rows of one registry namespace, or of every
 * unregistered one (scope_group_since) — every publish and registry edit rewrites whole such
 * units. The rows of version v are then, per unit, the current ones when they were made at v or
 * before, else the history's valid at v. History is kept PINNED_VERSION_DAYS after the version that
 * replaced it was published: a version stays pinnable until then.
 */

const ROLLUP_FIELDS =
  Prisma.raw(`date, cohort, attribution, derivative, repack, group_type, group_key, models,
  downloads_30d, downloads_all_time, downloads_period`);
const SCOPE_FIELDS =
  Prisma.raw(`date, attribution, derivative, repack, year_cohort, young, task, library, country,
  international, lab, org, models, downloads_30d, downloads_all_time, downloads_period`);

/** Before `version` rewrites the share_rollup rows of `dates` (null: every date), the current ones go to the history. */
export async function archiveRollupDates(tx: Tx, dates: Date[] | null, version: number): Promise<void> {
  const which = dates === null ? Prisma.sql`true` : Prisma.sql`t.date = ANY(${dates}::date[])`;
  await tx.client.$executeRaw`
    INSERT INTO share_rollup_history (${ROLLUP_FIELDS}, valid_from, valid_to)
    SELECT ${Prisma.raw(prefixed("t", ROLLUP_FIELDS.text))}, COALESCE(s.since, 0), ${version}::int
    FROM share_rollup t LEFT JOIN rollup_date_since s ON s.date = t.date
    WHERE ${which} AND COALESCE(s.since, 0) < ${version}::int`;
}

/** After it: the rows of `dates` (null: every date that has rows) are as `version` made them. */
export async function markRollupDates(tx: Tx, dates: Date[] | null, version: number): Promise<void> {
  const marked =
    dates === null
      ? Prisma.sql`SELECT DISTINCT date FROM share_rollup`
      : Prisma.sql`SELECT unnest(${dates}::date[])`;
  await tx.client.$executeRaw`
    INSERT INTO rollup_date_since (date, since) SELECT d, ${version}::int FROM (${marked}) AS x(d)
    ON CONFLICT (date) DO UPDATE SET since = EXCLUDED.since`;
}

/**
 * Before `version` rewrites share_scope rows: the whole units (date, org) that `groups` (a query of
 * date and org; null: every row) name go to the history.
 */
export async function archiveScopeGroups(tx: Tx, groups: Prisma.Sql | null, version: number): Promise<void> {
  const which =
    groups === null ? Prisma.sql`true` : Prisma.sql`(t.date, t.org) IN (SELECT date, org FROM (${groups}) g)`;
  await tx.client.$executeRaw`
    INSERT INTO share_scope_history (${SCOPE_FIELDS}, valid_from, valid_to)
    SELECT ${Prisma.raw(prefixed("t", SCOPE_FIELDS.text))}, COALESCE(s.since, 0), ${version}::int
    FROM share_scope t LEFT JOIN scope_group_since s ON s.date = t.date AND s.org = t.org
    WHERE ${which} AND COALESCE(s.since, 0) < ${version}::int`;
}

/** After it: the units `groups` names (null: every unit that has rows) are as `version` made them. */
export async function markScopeGroups(tx: Tx, groups: Prisma.Sql | null, version: number): Promise<void> {
  const marked = groups ?? Prisma.sql`SELECT date, org FROM share_scope`;
  await tx.client.$executeRaw`
    INSERT INTO scope_group_since (date, org, since) SELECT DISTINCT date, org, ${version}::int FROM (${marked}) g
    ON CONFLICT (date, org) DO UPDATE SET since = EXCLUDED.since`;
}

const prefixed = (alias: string, fields: string) =>
  fields
    .split(",")
    .map((f) => `${alias}.${f.trim()}`)
    .join(", ");

/** History whose replacing version was published more than PINNED_VERSION_DAYS ago goes. */
export async function pruneHistory(tx: Tx): Promise<void> {
  for (const table of [Prisma.raw("share_rollup_history"), Prisma.raw("share_scope_history")])
    await tx.client.$executeRaw`
      DELETE FROM ${table} h USING data_version d
      WHERE h.valid_to = d.id AND d.published_at < now() - make_interval(days => ${PINNED_VERSION_DAYS})`;
}

/**
 * The rows of `table` (share_rollup or share_scope) as data version `version` had them: a subquery
 * with the table's columns, for the readers of pinned charts.
 */
export function rowsAtVersion(table: "share_rollup" | "share_scope", version: number): Prisma.Sql {
  if (table === "share_rollup")
    return Prisma.sql`(
      SELECT ${Prisma.raw(prefixed("t", ROLLUP_FIELDS.text))} FROM share_rollup t
      LEFT JOIN rollup_date_since s ON s.date = t.date
      WHERE COALESCE(s.since, 0) <= ${version}::int
      UNION ALL
      SELECT ${ROLLUP_FIELDS} FROM share_rollup_history WHERE valid_from <= ${version}::int AND valid_to > ${version}::int
    )`;
  return Prisma.sql`(
    SELECT ${Prisma.raw(prefixed("t", SCOPE_FIELDS.text))} FROM share_scope t
    LEFT JOIN scope_group_since s ON s.date = t.date AND s.org = t.org
    WHERE COALESCE(s.since, 0) <= ${version}::int
    UNION ALL
    SELECT ${SCOPE_FIELDS} FROM share_scope_history WHERE valid_from <= ${version}::int AND valid_to > ${version}::int
  )`;
}

/**
 * Whether data version `version` can still be shown: the current one, or one whose successor was
 * published less than PINNED_VERSION_DAYS ago (its rows are all still kept).
 */
export async function isVersionKept(
  client: Tx["client"] | { $queryRaw: Tx["client"]["$queryRaw"] },
  version: number,
  current: number,
): Promise<boolean> {
  if (version === current) return true;
  if (version > current || version < 1) return false;
  const [row] = await client.$queryRaw<{ kept: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM data_version WHERE id = ${version})
      AND COALESCE((
        SELECT published_at >= now() - make_interval(days => ${PINNED_VERSION_DAYS}) FROM data_version
        WHERE id > ${version} ORDER BY id LIMIT 1
      ), true) AS kept`;
  return row?.kept ?? false;
}
