import {
  archiveRollupDates,
  archiveScopeGroups,
  markRollupDates,
  markScopeGroups,
} from "../analytics/rollup-history";
import {
  ROLLUP_COLUMNS,
  rollupFromScopeQuery,
  SCOPE_COLUMNS,
  scopeDeltaQuery,
  scopeRelabelInPlace,
  scopeRelabelQuery,
} from "../analytics/rollups";
import { type Database, Prisma } from "../db";
import { bumpDataVersion, versionInTheMaking } from "../db/data-version";
import { inTransaction, type Tx } from "../db/transaction";

/** Adds the incoming sums to the stored row's (an ON CONFLICT update of a sums table). */
const ADD_SUMS = (table: "share_scope" | "share_rollup") =>
  Prisma.raw(
    ["models", "downloads_30d", "downloads_all_time", "downloads_period"]
      .map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`)
      .join(", "),
  );

type OrgState = { inRegistry: boolean; country: string | null; international: boolean; lab: string | null };

/** Organizations that attribute anything: every registry namespace (the rest are unattributed). */
async function attributingOrganizations(
  client: Database["prisma"] | Tx["client"],
): Promise<Map<string, OrgState>> {
  const rows = await client.organization.findMany({
    where: { inRegistry: true },
    select: { namespace: true, inRegistry: true, country: true, international: true, labSlug: true },
  });
  return new Map(
    rows.map((o) => [
      o.namespace,
      { inRegistry: o.inRegistry, country: o.country, international: o.international, lab: o.labSlug },
    ]),
  );
}

const UNATTRIBUTED: OrgState = { inRegistry: false, country: null, international: false, lab: null };
const same = (a: OrgState, b: OrgState) =>
  a.inRegistry === b.inRegistry &&
  a.country === b.country &&
  a.international === b.international &&
  a.lab === b.lab;

export type Reattribution = {
  namespaces: number;
  models: number;
  rollupsRebuilt: boolean;
};

/**
 * A registry edit, re-attributed without recomputing every date, inside the caller's transaction
 * (with the edit itself, so that readers see the old shares or the new ones): `edit` changes the
 * organizations (lib/origins/sync.ts); the namespaces whose attribution it changed are found, and
 * only what they touch moves, in share_scope and, expanded the same way, in share_rollup:
 * - a namespace that was in the registry has scope rows of its own (org = namespace): they move to
 *   its new attribution as they are, without reading a snapshot (in place when it stays in the
 *   registry);
 * - one that was not is summed with every other unregistered namespace (org = ''): the snapshots of
 *   its models (by developer), and of the models whose lineage may end in it, are read again — each
 *   with its own version and its lineage at its date, as the rollups summed it — subtracted as
 *   they were attributed and added as they are now.
 * A registry edit moves no lineage: roots are matched to the registry ignoring case at read time.
 */
export async function reattributeIn(tx: Tx, edit: () => Promise<void>): Promise<Reattribution> {
  const before = await attributingOrganizations(tx.client);
  await edit();
  return reattributeSince(tx, before);
}

/**
 * `reattributeIn` for an edit made outside the transaction (committed on its own): the shares are
 * stale from the edit's commit to the re-attribution's.
 */
export async function reattribute(db: Database, edit: () => Promise<void>): Promise<Reattribution> {
  const before = await attributingOrganizations(db.prisma);
  await edit();
  return inTransaction(db, async (tx) => {
    const result = await reattributeSince(tx, before);
    await bumpDataVersion(tx.client);
    return result;
  });
}

async function reattributeSince(tx: Tx, before: Map<string, OrgState>): Promise<Reattribution> {
  const { client } = tx;
  const after = await attributingOrganizations(client);
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
    (ns) => !same(before.get(ns) ?? UNATTRIBUTED, after.get(ns) ?? UNATTRIBUTED),
  );
  // (Both maps hold the registry's namespaces only.)
  const relabelled = changed.filter((ns) => before.has(ns));
  const stays = relabelled.filter((ns) => after.has(ns));
  const leaves = relabelled.filter((ns) => !after.has(ns));
  const newlyRegistered = changed.filter((ns) => !before.has(ns));
  const rescanned = newlyRegistered.length > 0 ? await modelsCountingFor(tx, newlyRegistered) : [];
  const rebuilt = relabelled.length > 0 || rescanned.length > 0;
  if (rebuilt) {
    // The rows this edit changes are kept in the history first (pinned charts), each as it was.
    const version = await versionInTheMaking(client);
    // Signed changes, kept for the transaction: scope_change is added to share_scope, and with
    // rollup_change (rows already moved in place) to share_rollup. The rollup's rows are sums of
    // scope rows, so the change expands into the rollup's change exactly.
    await client.$executeRaw`CREATE TEMP TABLE scope_change (LIKE share_scope) ON COMMIT DROP`;
    await client.$executeRaw`CREATE TEMP TABLE rollup_change (LIKE share_scope) ON COMMIT DROP`;
    if (stays.length > 0)
      await client.$executeRaw`INSERT INTO rollup_change ${SCOPE_COLUMNS} ${scopeRelabelQuery(stays, true)}`;
    if (leaves.length > 0)
      await client.$executeRaw`INSERT INTO scope_change ${SCOPE_COLUMNS} ${scopeRelabelQuery(leaves)}`;
    if (rescanned.length > 0)
      await client.$executeRaw`INSERT INTO scope_change ${SCOPE_COLUMNS} ${scopeDeltaQuery(rescanned, newlyRegistered)}`;
    // The units of share_scope (date, namespace) and the dates of share_rollup this edit changes.
    const units = Prisma.sql`
      SELECT date, org FROM scope_change
      UNION SELECT date, org FROM share_scope WHERE org = ANY(${stays}::text[])`;
    const dates = (
      await client.$queryRaw<{ date: Date }[]>`
        SELECT DISTINCT date FROM (SELECT date FROM scope_change UNION SELECT date FROM rollup_change) d`
    ).map((r) => r.date);
    await archiveScopeGroups(tx, units, version);
    await archiveRollupDates(tx, dates, version);
    if (stays.length > 0) await client.$executeRaw`${scopeRelabelInPlace(stays)}`;
    await client.$executeRaw`
      INSERT INTO share_scope ${SCOPE_COLUMNS}
      SELECT date, attribution, derivative, repack, year_cohort, young, task, library, country, international, lab,
        org, sum(models)::int, sum(downloads_30d)::bigint, sum(downloads_all_time)::bigint,
        sum(downloads_period)::bigint
      FROM scope_change GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
      ON CONFLICT (task, library, date, attribution, derivative, repack, year_cohort, young, org)
      DO UPDATE SET ${ADD_SUMS("share_scope")}`;
    // Only rows the change touched can have reached zero: found by key, not by reading the table.
    await client.$executeRaw`
      DELETE FROM share_scope x USING scope_change c
      WHERE x.task = c.task AND x.library = c.library AND x.date = c.date AND x.attribution = c.attribution
        AND x.derivative = c.derivative AND x.repack = c.repack AND x.year_cohort = c.year_cohort
        AND x.young = c.young
        AND x.org = c.org AND x.models = 0`;
    await client.$executeRaw`
      INSERT INTO share_rollup ${ROLLUP_COLUMNS}
      ${rollupFromScopeQuery(null, Prisma.sql`(SELECT * FROM scope_change UNION ALL SELECT * FROM rollup_change) changes`)}
      ON CONFLICT (group_type, cohort, attribution, derivative, repack, date, group_key)
      DO UPDATE SET ${ADD_SUMS("share_rollup")}`;
    await client.$executeRaw`DELETE FROM share_rollup WHERE models = 0`;
    await markScopeGroups(tx, units, version);
    await markRollupDates(tx, dates, version);
  }
  return { namespaces: changed.length, models: await modelsOf(tx, changed), rollupsRebuilt: rebuilt };
}

/** How many models count for the namespaces, by developer or by lineage. */
async function modelsOf(tx: Tx, namespaces: string[]): Promise<number> {
  if (namespaces.length === 0) return 0;
  const keys = namespaces.map((n) => n.toLowerCase());
  const [row] = await tx.client.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT m.id FROM model m WHERE m.namespace = ANY(${namespaces}::text[])
      UNION
      SELECT v.model_id FROM model_version v WHERE lower(v.lineage_namespace) = ANY(${keys}::text[])
    ) x`;
  return row?.n ?? 0;
}

/**
 * The models that may count for one of `namespaces`: their own (developer), those whose lineage
 * root is in one of them, and those whose lineage is resolved date by date (it may lead there on
 * some date).
 */
async function modelsCountingFor(tx: Tx, namespaces: string[]): Promise<number[]> {
  const keys = namespaces.map((n) => n.toLowerCase());
  const rows = await tx.client.$queryRaw<{ id: number }[]>`
    SELECT m.id FROM model m WHERE m.namespace = ANY(${namespaces}::text[])
    UNION
    SELECT v.model_id FROM model_version v
    WHERE lower(v.lineage_namespace) = ANY(${keys}::text[]) OR lower(v.base_namespace) = ANY(${keys}::text[])
      OR v.lineage_varies`;
  return rows.map((r) => r.id);
}
