import { type Database, Prisma } from "../db";
import { rowVersionDigestSql } from "../db/model-version";
import { inTransaction, type Tx } from "../db/transaction";
import { repackSql } from "../domain/repacks";

/** Longest base-model chain we follow; real chains are a handful of steps. */
export const MAX_LINEAGE_DEPTH = 32;

/**
 * Lineage at a date: a model's chain of first bases as listed that day. Each hop goes from a model
 * to the first base its listing names (merges follow their first base in the Hub's order — the
 * order of the card's `base_model` list, where merge tools write the base the others were merged
 * into first); the base is looked up ignoring case, as the Hub resolves ids, and then:
 * - listed that day: its own listing of that day names the next base;
 * - not listed that day, but every listing we have of it names the same first base (or none): that
 *   one (a chain's middle rarely changes; a fine-tune that fell under the download threshold keeps
 *   leading to its base);
 * - not listed that day, and its listings disagree: the chain ends at it (which base it had that day
 *   is not known);
 * - never listed: the chain ends at its id, whose namespace decides (an uncrawled root takes the
 *   registry's spelling of it).
 * A cycle ends at the last model before it repeats. A model without bases is its own root: it keeps
 * no lineage (null), which every reader takes as itself.
 *
 * Each version (a set of a model's attributes, lib/store) gets its root resolved once, here: where
 * no model in its chain ever changed its first base (the one it stops at included: a model whose
 * latest listing names no base may have named one before), the root is the same at every date the
 * version was listed. Otherwise the version is marked `lineage_varies` and the rollups walk its
 * chain date by date (`lineageAtDates`); its stored root follows each model's latest listing and
 * is what a model page shows.
 *
 * `pending` (what every publish does) resolves only what may have moved: the versions of the models
 * the writers queued (new, with a new version, or shown as of another one) and the versions whose
 * chain passes through one of them. `all` resolves everything; so does `pending` when most models
 * are queued (a first crawl or backfill), where one pass beats finding them.
 *
 * Returns how many versions' lineage changed, and the earliest snapshot date of those whose
 * attribution may have moved (null if none): the oldest published shares the change can move.
 */
export async function refreshLineage(
  db: Database,
  scope: "pending" | "all" = "pending",
): Promise<LineageRefresh> {
  return inTransaction(db, (tx) => refreshLineageIn(tx, scope));
}

export type LineageRefresh = { updated: number; earliestAffected: Date | null };

/** `refreshLineage` inside the caller's transaction (a publish). */
export async function refreshLineageIn(
  tx: Tx,
  scope: "pending" | "all" = "pending",
): Promise<LineageRefresh> {
  const { client } = tx;
  // Without JIT: the recursive chain's estimate is far above jit_above_cost, and compiling the plan
  // took ≈ 0.9 s of a 3.3 s refresh after a 130k-model backfill (bench/README.md).
  if (tx.postgres) await client.$executeRaw`SET LOCAL jit = off`;
  await adoptUnversionedModels(tx);
  const resolveAll = scope === "all" || (await mostArePending(tx));
  const queued = resolveAll
    ? Prisma.sql`SELECT id FROM model`
    : Prisma.sql`SELECT model_id AS id FROM lineage_pending`;
  await client.$executeRaw`
    WITH nodes AS (
      -- The first base as the newest version spells it (an uncrawled root keeps its spelling).
      SELECT v.model_id, (array_agg(v.base_models[1] ORDER BY v.id DESC))[1] AS base,
        count(DISTINCT COALESCE(lower(v.base_models[1]), '')) > 1 AS varies
      FROM model_version v WHERE v.model_id IN (${queued})
      GROUP BY v.model_id
    )
    UPDATE model m SET lineage_base = n.base, base_varies = n.varies
    FROM nodes n
    WHERE m.id = n.model_id AND (m.lineage_base, m.base_varies) IS DISTINCT FROM (n.base, n.varies)`;
  const targets = resolveAll
    ? Prisma.sql`SELECT v.* FROM model_version v`
    : Prisma.sql`
        SELECT v.* FROM model_version v WHERE v.model_id IN (
          WITH RECURSIVE down AS (
            SELECT m.id, lower(m.hub_id) AS key, 0 AS depth FROM model m
            WHERE m.id IN (SELECT model_id FROM lineage_pending)
            UNION
            SELECT c.id, lower(c.hub_id), d.depth + 1
            FROM down d
            JOIN model_version x ON lower(x.base_models[1]) = d.key
            JOIN model c ON c.id = x.model_id
            WHERE d.depth < ${MAX_LINEAGE_DEPTH}
          )
          SELECT id FROM down
        )`;
  const [row] = await client.$queryRaw<{ updated: number; earliest: Date | null }[]>`
    WITH RECURSIVE targets AS MATERIALIZED (${targets}),
    chain AS (
      SELECT t.id, t.base_models[1] AS cur, 0 AS depth, ARRAY[lower(m.hub_id)] AS path, false AS varies
      FROM targets t JOIN model m ON m.id = t.model_id
      WHERE cardinality(t.base_models) > 0
      UNION ALL
      SELECT c.id, n.next, c.depth + 1, c.path || lower(b.hub_id), c.varies OR b.base_varies
      FROM chain c
      CROSS JOIN LATERAL (${baseOf(Prisma.sql`c.cur`)}) b
      -- An ancestor whose listings disagree on its first base: its latest listing continues the
      -- chain shown, and the version is resolved date by date.
      CROSS JOIN LATERAL (SELECT CASE WHEN b.base_varies THEN b.base_models[1] ELSE b.lineage_base END AS next) n
      WHERE n.next IS NOT NULL AND c.depth < ${MAX_LINEAGE_DEPTH}
        AND NOT (lower(n.next) = ANY (c.path || lower(b.hub_id)))
    ),
    deepest AS (
      SELECT DISTINCT ON (id) id, cur, varies FROM chain ORDER BY id, depth DESC
    ),
    resolved AS (
      SELECT t.id, t.model_id, r.root, r.namespace,
        -- Where the chain stops counts too: a model whose latest listing names no base (or one
        -- already on the path) may name another at other dates, where the chain goes on.
        COALESCE(d.varies, false) OR COALESCE(e.base_varies, false) AS varies, h.namespace AS base_namespace,
        t.lineage_root AS was_root, t.lineage_namespace AS was_namespace, t.lineage_varies AS was_varies,
        t.base_namespace AS was_base_namespace
      FROM targets t
      LEFT JOIN deepest d ON d.id = t.id
      LEFT JOIN LATERAL (${baseOf(Prisma.sql`d.cur`)}) e ON d.id IS NOT NULL
      LEFT JOIN LATERAL (${rootOf(Prisma.sql`d.cur`)}) r ON d.id IS NOT NULL
      -- A repack counts for its first base's developer with repacks=to-base: one hop, not the root.
      LEFT JOIN LATERAL (${rootOf(Prisma.sql`t.base_models[1]`)}) h ON t.repack AND cardinality(t.base_models) > 0
    ),
    updated AS (
      UPDATE model_version v SET lineage_root = r.root, lineage_namespace = r.namespace, lineage_varies = r.varies,
        base_namespace = r.base_namespace
      FROM resolved r
      WHERE v.id = r.id
        AND (v.lineage_root, v.lineage_namespace, v.lineage_varies, v.base_namespace)
          IS DISTINCT FROM (r.root, r.namespace, r.varies, r.base_namespace)
      RETURNING v.id
    ),
    -- Whose attribution may have moved: a version whose root's (or repacked base's) namespace
    -- changed, and every version resolved date by date (its ancestors' listings are what changed).
    moved AS (
      SELECT r.id FROM resolved r
      WHERE r.varies OR r.was_varies OR lower(r.was_namespace) IS DISTINCT FROM lower(r.namespace)
        OR lower(r.was_base_namespace) IS DISTINCT FROM lower(r.base_namespace)
    ),
    shown AS (
      UPDATE model m SET lineage_root = r.root, lineage_namespace = r.namespace
      FROM resolved r
      WHERE m.version_id = r.id
        AND (m.lineage_root, m.lineage_namespace) IS DISTINCT FROM (r.root, r.namespace)
    ),
    -- Every queued model is resolved: the statement's snapshot sees exactly the rows of pending.
    done AS (DELETE FROM lineage_pending)
    SELECT (SELECT count(*)::int FROM updated) AS updated,
      -- Snapshots are keyed by date first: walk them in date order and stop at the first hit;
      -- skipped outright when nothing moved (a daily crawl's usual case). IS TRUE keeps the IN a
      -- hashed subplan (a set probed per snapshot): as a join, the LIMIT made the planner scan
      -- every moved id for every snapshot it walked.
      (SELECT s.date FROM model_snapshot s
       WHERE EXISTS (SELECT 1 FROM moved) AND (s.version_id IN (SELECT id FROM moved)) IS TRUE
       ORDER BY s.date LIMIT 1) AS earliest`;
  return { updated: row?.updated ?? 0, earliestAffected: row?.earliest ?? null };
}

/** The model an id names, as the Hub resolves it: ignoring case, the exact spelling first. */
function baseOf(id: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT x.id, x.hub_id, x.namespace, x.base_models, x.lineage_base, x.base_varies, x.version_id FROM model x
    WHERE lower(x.hub_id) = lower(${id})
    -- Two stored spellings of one id (files of mixed origin): the exact one first.
    ORDER BY x.hub_id = ${id} DESC, x.id
    LIMIT 1`;
}

/**
 * Where a chain that stopped at `id` ends: the model it names (whatever stopped it there), or, never
 * listed, the id itself, its namespace spelled as the registry (or any organization) spells it.
 */
function rootOf(id: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT COALESCE(b.hub_id, ${id}) AS root,
      COALESCE(b.namespace, (
        SELECT o.namespace FROM organization o WHERE lower(o.namespace) = lower(split_part(${id}, '/', 1))
        ORDER BY o.in_registry DESC, o.namespace LIMIT 1
      ), split_part(${id}, '/', 1)) AS namespace
    FROM (SELECT 1) one LEFT JOIN LATERAL (${baseOf(id)}) b ON true`;
}

/**
 * The lineage namespace of each snapshot at `dates` whose version is resolved date by date
 * (`lineage_varies`), optionally of some models only: rows (date, model_id, namespace).
 */
export function lineageAtDates(dates: Prisma.Sql, models?: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH RECURSIVE varying AS MATERIALIZED (
      -- Few models: their snapshots are found by the key (date, model_id), not by reading the dates'.
      SELECT DISTINCT model_id FROM model_version WHERE lineage_varies
        ${models ? Prisma.sql`AND model_id IN (${models})` : Prisma.empty}
    ),
    walk AS (
      SELECT s.date, s.model_id, v.base_models[1] AS cur, 0 AS depth, ARRAY[lower(m.hub_id)] AS path
      FROM varying x
      JOIN model_snapshot s ON s.model_id = x.model_id AND s.date IN (${dates})
      JOIN model m ON m.id = s.model_id
      JOIN model_version v ON v.id = COALESCE(s.version_id, m.version_id)
      WHERE v.lineage_varies
      UNION ALL
      SELECT w.date, w.model_id, n.next, w.depth + 1, w.path || lower(b.hub_id)
      FROM walk w
      CROSS JOIN LATERAL (${baseOf(Prisma.sql`w.cur`)}) b
      LEFT JOIN model_snapshot bs ON bs.date = w.date AND bs.model_id = b.id
      LEFT JOIN model_version bv ON bv.id = COALESCE(bs.version_id, b.version_id)
      CROSS JOIN LATERAL (SELECT CASE
        WHEN bs.model_id IS NOT NULL THEN bv.base_models[1]
        WHEN NOT b.base_varies THEN b.lineage_base
      END AS next) n
      WHERE n.next IS NOT NULL AND w.depth < ${MAX_LINEAGE_DEPTH}
        AND NOT (lower(n.next) = ANY (w.path || lower(b.hub_id)))
    ),
    deepest AS (
      SELECT DISTINCT ON (date, model_id) date, model_id, cur FROM walk ORDER BY date, model_id, depth DESC
    )
    SELECT d.date, d.model_id, r.namespace
    FROM deepest d CROSS JOIN LATERAL (${rootOf(Prisma.sql`d.cur`)}) r`;
}

/**
 * Models stored outside the write path (a row without versions) get their row as their version,
 * so that every reader of a date's attributes finds one.
 */
export async function adoptUnversionedModels(tx: Tx): Promise<void> {
  await tx.client.$executeRawUnsafe(`
    WITH unversioned AS (SELECT * FROM model m WHERE m.version_id IS NULL),
    adopted AS (
      INSERT INTO model_version (model_id, digest, created_at, pipeline_tag, library_name, gated, base_models,
                                 base_relation, repack)
      SELECT u.id, ${rowVersionDigestSql("u")}, u.created_at, u.pipeline_tag, u.library_name, u.gated,
        COALESCE(u.base_models, '{}'), u.base_relation, ${repackSql("u", "NULL::boolean")}
      FROM unversioned u
      ON CONFLICT (model_id, digest) DO UPDATE SET model_id = EXCLUDED.model_id
      RETURNING id, model_id
    ),
    pointed AS (
      UPDATE model m SET version_id = a.id FROM adopted a WHERE m.id = a.model_id RETURNING m.id
    )
    INSERT INTO lineage_pending (model_id) SELECT id FROM pointed ON CONFLICT DO NOTHING`);
}

/** A quarter of the models queued: walking them all is cheaper than finding the affected ones. */
async function mostArePending(tx: Tx): Promise<boolean> {
  const [row] = await tx.client.$queryRaw<{ pending: bigint; models: bigint }[]>`
    SELECT (SELECT count(*) FROM lineage_pending) AS pending, (SELECT count(*) FROM model) AS models`;
  return row !== undefined && row.pending * 4n > row.models;
}
