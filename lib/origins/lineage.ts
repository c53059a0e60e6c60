import type { Database } from "../db";

/** Longest base-model chain we follow; real chains are a handful of steps. */
export const MAX_LINEAGE_DEPTH = 32;

/**
 * Resolves every model's lineage root: follow the first base model through models we know until
 * one has no base. A base we have not crawled ends the chain and is the root (its namespace is
 * still known from its id); a cycle ends at the last model before it repeats.
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
 * Returns how many models' lineage changed, and the earliest snapshot date of those that had been
 * resolved before (null if none): the oldest published shares the change can move.
 */
export async function refreshLineage(
  db: Database,
): Promise<{ updated: number; earliestAffected: Date | null }> {
  const [row] = await db.prisma.$queryRaw<{ updated: number; earliest: Date | null }[]>`
    WITH RECURSIVE chain AS (
      SELECT m.id, m.hub_id AS root, m.base_models[1] AS next_base, 0 AS depth,
        ARRAY[lower(m.hub_id)] AS path
      FROM model m
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
      WHERE c.depth < ${MAX_LINEAGE_DEPTH} AND NOT (lower(b.hub_id) = ANY (c.path))
    ),
    deepest AS (
      SELECT DISTINCT ON (id) id, root, next_base, path
      FROM chain
      ORDER BY id, depth DESC
    ),
    rooted AS (
      SELECT id,
        CASE
          WHEN next_base IS NULL OR lower(next_base) = ANY (path) THEN root
          WHEN NOT EXISTS (SELECT 1 FROM model x WHERE lower(x.hub_id) = lower(next_base)) THEN next_base
          ELSE root
        END AS lineage_root
      FROM deepest
    ),
    resolved AS (
      SELECT r.id, r.lineage_root,
        COALESCE(
          (SELECT o.namespace FROM organization o
           WHERE lower(o.namespace) = lower(split_part(r.lineage_root, '/', 1))
           ORDER BY o.in_registry DESC, o.namespace = split_part(r.lineage_root, '/', 1) DESC
           LIMIT 1),
          split_part(r.lineage_root, '/', 1)
        ) AS lineage_namespace
      FROM rooted r
    ),
    updated AS (
      UPDATE model m
      SET lineage_root = r.lineage_root,
          lineage_namespace = r.lineage_namespace
      FROM resolved r
      WHERE m.id = r.id
        AND (m.lineage_root IS DISTINCT FROM r.lineage_root
          OR m.lineage_namespace IS DISTINCT FROM r.lineage_namespace)
      RETURNING m.id
    ),
    -- Models resolved before whose lineage moved. A model never resolved yet (new since the last
    -- publish, which resolves every model) has no snapshot at a published date before the ones
    -- being published now, so it cannot move older shares. The model table read here is as it
    -- was before this statement's UPDATE.
    moved AS (
      SELECT u.id FROM updated u JOIN model was ON was.id = u.id
      WHERE was.lineage_root IS NOT NULL
    )
    -- Counted in SQL: a first crawl changes the lineage of every model, far too many ids to ship.
    SELECT (SELECT count(*)::int FROM updated) AS updated,
      -- Snapshots are keyed by date first: walk them in date order and stop at the first hit;
      -- skipped outright when no resolved model moved (a daily crawl's usual case, where the
      -- walk would otherwise read every older date).
      (SELECT s.date FROM model_snapshot s
       WHERE EXISTS (SELECT 1 FROM moved) AND s.model_id IN (SELECT id FROM moved)
       ORDER BY s.date LIMIT 1) AS earliest`;
  return { updated: row?.updated ?? 0, earliestAffected: row?.earliest ?? null };
}
