import { type Database, Prisma } from "../db";

/** Longest base-model chain we follow; real chains are a handful of steps. */
export const MAX_LINEAGE_DEPTH = 32;

/**
 * Resolves models' lineage roots: follow the first base model through models we know until one
 * has no base. A base we have not crawled ends the chain and is the root (its namespace is still
 * known from its id); a cycle ends at the last model before it repeats. A model without bases is
 * its own root: it keeps no lineage (null), which every reader takes as itself.
 *
 * Merges (several bases) follow their first base in the Hub's order — the order of the card's
 * `base_model` list, which the Hub keeps in the tags and in `baseModels`, and where merge tools
 * write the base the others were merged into first. Splitting a merge's downloads between its
 * bases would turn exact integer counts into fractions and make a model's weight depend on how
 * many bases its card lists; every base stays stored (model.base_models) and is shown.
 *
 * Ids match as the Hub resolves them, ignoring case: a tag `base_model:qwen/qwen2.5-7b` is the
 * model `Qwen/Qwen2.5-7B`, and an uncrawled root takes the registry's spelling of its namespace.
 *
 * `pending` (what every publish does) resolves only what may have moved: the models the writers
 * queued (new, or with changed metadata) and the models whose chain ends at one of them or at the
 * same root. `all` resolves every model (the registry changed its spellings); so does `pending`
 * when most models are queued (a first crawl or backfill), where one pass beats finding them.
 *
 * Returns how many models' lineage changed, and the earliest snapshot date of those whose
 * attribution moved (null if none): the oldest published shares the change can move. The moved
 * models and where they counted before are left in lineage_moved.
 */
export async function refreshLineage(
  db: Database,
  scope: "pending" | "all" = "pending",
): Promise<{ updated: number; earliestAffected: Date | null }> {
  const resolveAll = scope === "all" || (await mostArePending(db));
  const targets = resolveAll
    ? Prisma.sql`SELECT m.id, m.hub_id, m.namespace, m.base_models, m.lineage_namespace FROM model m`
    : Prisma.sql`
        SELECT m.id, m.hub_id, m.namespace, m.base_models, m.lineage_namespace FROM model m
        WHERE m.id IN (SELECT id FROM pending)
        UNION ALL
        SELECT m.id, m.hub_id, m.namespace, m.base_models, m.lineage_namespace FROM model m
        WHERE m.lineage_root IS NOT NULL AND lower(m.lineage_root) IN (SELECT key FROM affected)
          AND m.id NOT IN (SELECT id FROM pending)`;
  // One transaction: the moves recorded are this refresh's alone. Without JIT: the recursive
  // chain's estimate is far above jit_above_cost, and compiling the plan took ≈ 0.9 s of a 3.3 s
  // refresh after a 130k-model backfill (bench/README.md). On Postgres the sorts and hashes of a
  // full pass fit in 32 MB instead of spilling to disk (PGlite's memory is this process's, and
  // never given back: it keeps the default).
  const [row] = await db.prisma.$transaction(
    async (tx) => {
      if (db.target.kind === "postgres") {
        await tx.$executeRaw`SET LOCAL jit = off`;
        await tx.$executeRaw`SET LOCAL work_mem = '32MB'`;
      }
      await tx.$executeRaw`DELETE FROM lineage_moved`;
      return tx.$queryRaw<{ updated: number; earliest: Date | null }[]>`
    WITH RECURSIVE pending AS (SELECT model_id AS id FROM lineage_pending),
    -- A queued model may be the uncrawled root of others' chains, or sit in their chain.
    affected AS (
      SELECT lower(m.hub_id) AS key FROM model m WHERE m.id IN (SELECT id FROM pending)
      UNION
      SELECT lower(m.lineage_root) FROM model m WHERE m.id IN (SELECT id FROM pending) AND m.lineage_root IS NOT NULL
    ),
    targets AS (${targets}),
    chain AS (
      SELECT t.id, t.hub_id AS root, t.base_models[1] AS next_base, 0 AS depth, ARRAY[lower(t.hub_id)] AS path
      FROM targets t WHERE cardinality(t.base_models) > 0
      UNION ALL
      SELECT c.id, b.hub_id, b.base_models[1], c.depth + 1, c.path || lower(b.hub_id)
      FROM chain c
      CROSS JOIN LATERAL (
        SELECT x.hub_id, x.base_models FROM model x
        WHERE lower(x.hub_id) = lower(c.next_base)
        -- Two stored spellings of one id (files of mixed origin): the exact one first.
        ORDER BY x.hub_id = c.next_base DESC, x.id
        LIMIT 1
      ) b
      WHERE c.next_base IS NOT NULL AND c.depth < ${MAX_LINEAGE_DEPTH} AND NOT (lower(b.hub_id) = ANY (c.path))
    ),
    deepest AS (
      SELECT DISTINCT ON (id) id, root, next_base, path FROM chain ORDER BY id, depth DESC
    ),
    rooted AS (
      SELECT d.id,
        CASE
          WHEN d.next_base IS NULL OR lower(d.next_base) = ANY (d.path) THEN d.root
          WHEN NOT EXISTS (SELECT 1 FROM model x WHERE lower(x.hub_id) = lower(d.next_base)) THEN d.next_base
          ELSE d.root
        END AS root
      FROM deepest d
    ),
    canonical AS (
      SELECT DISTINCT ON (lower(namespace)) lower(namespace) AS key, namespace FROM organization
      ORDER BY lower(namespace), in_registry DESC, namespace
    ),
    resolved AS (
      SELECT t.id, t.namespace, r.root,
        CASE WHEN r.root IS NULL THEN NULL ELSE COALESCE(c.namespace, split_part(r.root, '/', 1)) END AS lineage_namespace,
        COALESCE(t.lineage_namespace, t.namespace) AS was
      FROM targets t
      LEFT JOIN rooted r ON r.id = t.id
      LEFT JOIN canonical c ON c.key = lower(split_part(r.root, '/', 1))
    ),
    updated AS (
      UPDATE model m SET lineage_root = r.root, lineage_namespace = r.lineage_namespace
      FROM resolved r
      WHERE m.id = r.id
        AND (m.lineage_root IS DISTINCT FROM r.root OR m.lineage_namespace IS DISTINCT FROM r.lineage_namespace)
      RETURNING m.id
    ),
    -- Whose attribution by lineage moved (a model without bases counts for its own namespace).
    moved AS (
      SELECT r.id FROM resolved r
      WHERE r.was IS DISTINCT FROM COALESCE(r.lineage_namespace, r.namespace)
    ),
    -- Every queued model is resolved: the statement's snapshot sees exactly the rows of pending.
    done AS (DELETE FROM lineage_pending),
    -- What moved, and where it counted before, for a registry edit to re-attribute (lineage_moved
    -- is emptied first by the caller's statement below: only this refresh's moves are kept).
    recorded AS (
      INSERT INTO lineage_moved (model_id, was)
      SELECT r.id, r.was FROM resolved r
      WHERE r.was IS DISTINCT FROM COALESCE(r.lineage_namespace, r.namespace)
    )
    -- Counted in SQL: a first crawl changes the lineage of every model, far too many ids to ship.
    SELECT (SELECT count(*)::int FROM updated) AS updated,
      -- Snapshots are keyed by date first: walk them in date order and stop at the first hit;
      -- skipped outright when nothing moved (a daily crawl's usual case). IS TRUE keeps the IN a
      -- hashed subplan (a set probed per snapshot): as a join, the LIMIT made the planner scan
      -- every moved id for every snapshot it walked (0.75 s of a backfill's 1.4 s refresh).
      (SELECT s.date FROM model_snapshot s
       WHERE EXISTS (SELECT 1 FROM moved) AND (s.model_id IN (SELECT id FROM moved)) IS TRUE
       ORDER BY s.date LIMIT 1) AS earliest`;
    },
    // A first crawl of millions of models resolves them all: minutes, not Prisma's default 5 s.
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
  return { updated: row?.updated ?? 0, earliestAffected: row?.earliest ?? null };
}

/** A quarter of the models queued: walking them all is cheaper than finding the affected ones. */
async function mostArePending(db: Database): Promise<boolean> {
  const [row] = await db.prisma.$queryRaw<{ pending: bigint; models: bigint }[]>`
    SELECT (SELECT count(*) FROM lineage_pending) AS pending, (SELECT count(*) FROM model) AS models`;
  return row !== undefined && row.pending * 4n > row.models;
}
