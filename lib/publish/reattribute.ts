import {
  type MovedModels,
  type OrganizationsBefore,
  rollupFromScopeQuery,
  SCOPE_COLUMNS,
  scopeDeltaQuery,
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
  const moved = await affectedModels(db, changed);
  const was: OrganizationsBefore = {
    namespaces: changed,
    inRegistry: changed.map((ns) => (before.get(ns) ?? UNATTRIBUTED).inRegistry),
    country: changed.map((ns) => (before.get(ns) ?? UNATTRIBUTED).country),
    international: changed.map((ns) => (before.get(ns) ?? UNATTRIBUTED).international),
    lab: changed.map((ns) => (before.get(ns) ?? UNATTRIBUTED).lab),
  };
  await db.prisma.$transaction(
    async (tx) => {
      if (moved.ids.length > 0) {
        // The signed change, kept for the transaction, then added to both tables: the rollup's
        // rows are sums of scope rows, so the change expands into the rollup's change exactly.
        await tx.$executeRaw`CREATE TEMP TABLE scope_change (LIKE share_scope) ON COMMIT DROP`;
        await tx.$executeRaw`INSERT INTO scope_change ${SCOPE_COLUMNS} ${scopeDeltaQuery(moved, was)}`;
        await tx.$executeRaw`
          INSERT INTO share_scope ${SCOPE_COLUMNS} SELECT * FROM scope_change
          ON CONFLICT (task, library, date, attribution, derivative, year_cohort, young, country, international, lab, org)
          DO UPDATE SET ${ADD_SUMS("share_scope")}`;
        await tx.$executeRaw`
          INSERT INTO share_rollup (date, cohort, attribution, derivative, group_type, group_key, models,
            downloads_30d, downloads_all_time, downloads_period)
          ${rollupFromScopeQuery(null, Prisma.sql`scope_change`)}
          ON CONFLICT (group_type, cohort, attribution, derivative, date, group_key)
          DO UPDATE SET ${ADD_SUMS("share_rollup")}`;
        await tx.$executeRaw`DELETE FROM share_scope WHERE models = 0`;
        await tx.$executeRaw`DELETE FROM share_rollup WHERE models = 0`;
      }
      // Labs' names and colours may have changed too: cached answers recompute either way.
      await bumpDataVersion(tx);
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  return {
    namespaces: changed.length,
    models: moved.ids.length,
    rollupsRebuilt: moved.ids.length > 0,
    lineageUpdated: lineage.updated,
  };
}

/**
 * The models a change of these namespaces' attribution touches: their own (developer), those whose
 * lineage leads to one of them (lineage), and every model whose lineage moved in the refresh, with
 * the lineage namespace each counted for before and counts for now.
 */
async function affectedModels(db: Database, changed: string[]): Promise<MovedModels> {
  const rows = await db.prisma.$queryRaw<{ id: number; before: string; after: string }[]>`
    SELECT m.id, COALESCE(lm.was, COALESCE(m.lineage_namespace, m.namespace)) AS before,
      COALESCE(m.lineage_namespace, m.namespace) AS after
    FROM model m LEFT JOIN lineage_moved lm ON lm.model_id = m.id
    WHERE m.namespace = ANY(${changed}::text[])
      OR m.lineage_namespace = ANY(${changed}::text[])
      OR lm.model_id IS NOT NULL`;
  return { ids: rows.map((r) => r.id), before: rows.map((r) => r.before), after: rows.map((r) => r.after) };
}
