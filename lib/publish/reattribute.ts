import {
  type MovedModels,
  rollupFromScopeQuery,
  SCOPE_COLUMNS,
  scopeDeltaQuery,
  scopeRelabelInPlace,
  scopeRelabelQuery,
} from "../analytics/rollups";
import { type Database, Prisma } from "../db";
import { bumpDataVersion } from "../db/data-version";
import { refreshLineage } from "../origins/lineage";

/** Adds the incoming sums to the stored row's (an ON CONFLICT update of a sums table). */
const ADD_SUMS = (table: "share_scope" | "share_rollup") =>
  Prisma.raw(
    ["models", "downloads_30d", "downloads_all_time", "downloads_period"]
      .map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`)
      .join(", "),
  );

type OrgState = { inRegistry: boolean; country: string | null; international: boolean; lab: string | null };

/** Organizations that attribute anything: every registry namespace (the rest are unattributed). */
async function attributingOrganizations(db: Database): Promise<Map<string, OrgState>> {
  const rows = await db.prisma.organization.findMany({
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
  lineageUpdated: number;
};

/**
 * A registry edit, re-attributed without recomputing every date: `edit` changes the organizations
 * (lib/origins/sync.ts); the namespaces whose attribution it changed, and the models whose lineage
 * moved with it, are found; only those models' contributions are subtracted as they were and added
 * as they are (one pass over their snapshots by key), in share_scope and, expanded the same way,
 * in share_rollup. One transaction: readers see the old shares or the new ones.
 */
export async function reattribute(db: Database, edit: () => Promise<void>): Promise<Reattribution> {
  const before = await attributingOrganizations(db);
  await edit();
  const lineage = await refreshLineage(db, "all");
  const after = await attributingOrganizations(db);
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
    (ns) => !same(before.get(ns) ?? UNATTRIBUTED, after.get(ns) ?? UNATTRIBUTED),
  );
  // A namespace that was in the registry has scope rows of its own (org = namespace): they move to
  // its new attribution as they are, without reading a snapshot (in place when it stays in the
  // registry). One that was not is summed with every other unregistered namespace (org = ''):
  // its models' snapshots are read again.
  // (Both maps hold the registry's namespaces only.)
  const relabelled = changed.filter((ns) => before.has(ns));
  const stays = relabelled.filter((ns) => after.has(ns));
  const leaves = relabelled.filter((ns) => !after.has(ns));
  const newlyRegistered = new Set(changed.filter((ns) => !before.has(ns)));
  const affected = await affectedModels(db, changed);
  const rescanned = affected.filter(
    (m) =>
      m.lineageMoved ||
      newlyRegistered.has(m.namespace) ||
      newlyRegistered.has(m.before) ||
      newlyRegistered.has(m.after),
  );
  const moved: MovedModels = {
    ids: rescanned.map((m) => m.id),
    before: rescanned.map((m) => m.before),
    after: rescanned.map((m) => m.after),
  };
  const rebuilt = relabelled.length > 0 || moved.ids.length > 0;
  await db.prisma.$transaction(
    async (tx) => {
      if (rebuilt) {
        // Signed changes, kept for the transaction: scope_change is added to share_scope, and with
        // rollup_change (rows already moved in place) to share_rollup. The rollup's rows are sums of
        // scope rows, so the change expands into the rollup's change exactly.
        await tx.$executeRaw`CREATE TEMP TABLE scope_change (LIKE share_scope) ON COMMIT DROP`;
        await tx.$executeRaw`CREATE TEMP TABLE rollup_change (LIKE share_scope) ON COMMIT DROP`;
        if (stays.length > 0) {
          await tx.$executeRaw`INSERT INTO rollup_change ${SCOPE_COLUMNS} ${scopeRelabelQuery(stays, true)}`;
          await tx.$executeRaw`${scopeRelabelInPlace(stays)}`;
        }
        if (leaves.length > 0)
          await tx.$executeRaw`INSERT INTO scope_change ${SCOPE_COLUMNS} ${scopeRelabelQuery(leaves)}`;
        if (moved.ids.length > 0)
          await tx.$executeRaw`INSERT INTO scope_change ${SCOPE_COLUMNS} ${scopeDeltaQuery(moved, [...newlyRegistered])}`;
        await tx.$executeRaw`
          INSERT INTO share_scope ${SCOPE_COLUMNS}
          SELECT date, attribution, derivative, year_cohort, young, task, library, country, international, lab, org,
            sum(models)::int, sum(downloads_30d)::bigint, sum(downloads_all_time)::bigint, sum(downloads_period)::bigint
          FROM scope_change GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
          ON CONFLICT (task, library, date, attribution, derivative, year_cohort, young, org)
          DO UPDATE SET ${ADD_SUMS("share_scope")}`;
        // Only rows the change touched can have reached zero: found by key, not by reading the table.
        await tx.$executeRaw`
          DELETE FROM share_scope x USING scope_change c
          WHERE x.task = c.task AND x.library = c.library AND x.date = c.date AND x.attribution = c.attribution
            AND x.derivative = c.derivative AND x.year_cohort = c.year_cohort AND x.young = c.young
            AND x.org = c.org AND x.models = 0`;
        await tx.$executeRaw`
          INSERT INTO share_rollup (date, cohort, attribution, derivative, group_type, group_key, models,
            downloads_30d, downloads_all_time, downloads_period)
          ${rollupFromScopeQuery(null, Prisma.sql`(SELECT * FROM scope_change UNION ALL SELECT * FROM rollup_change) changes`)}
          ON CONFLICT (group_type, cohort, attribution, derivative, date, group_key)
          DO UPDATE SET ${ADD_SUMS("share_rollup")}`;
        await tx.$executeRaw`DELETE FROM share_rollup WHERE models = 0`;
      }
      // Labs' names and colours may have changed too: cached answers recompute either way.
      await bumpDataVersion(tx);
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  return {
    namespaces: changed.length,
    models: affected.length,
    rollupsRebuilt: rebuilt,
    lineageUpdated: lineage.updated,
  };
}

/**
 * The models a change of these namespaces' attribution touches: their own (developer), those whose
 * lineage leads to one of them (lineage), and every model whose lineage moved in the refresh, with
 * the lineage namespace each counted for before and counts for now.
 */
async function affectedModels(db: Database, changed: string[]): Promise<AffectedModel[]> {
  return db.prisma.$queryRaw<AffectedModel[]>`
    SELECT m.id, m.namespace, COALESCE(lm.was, COALESCE(m.lineage_namespace, m.namespace)) AS before,
      COALESCE(m.lineage_namespace, m.namespace) AS after, lm.model_id IS NOT NULL AS "lineageMoved"
    FROM model m LEFT JOIN lineage_moved lm ON lm.model_id = m.id
    WHERE m.namespace = ANY(${changed}::text[])
      OR m.lineage_namespace = ANY(${changed}::text[])
      OR lm.model_id IS NOT NULL`;
}

type AffectedModel = { id: number; namespace: string; before: string; after: string; lineageMoved: boolean };
