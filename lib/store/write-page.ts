import { type Database, Prisma } from "../db";
import type { ModelRecord } from "./model-record";

/**
 * Writes one page of models and their snapshot for `date` in a single statement: new namespaces
 * become Organizations (unattributed until the registry knows them), models are upserted by Hub
 * id, snapshots by (model, date). Re-running a date updates, never duplicates.
 */
export function upsertPageStatement(records: ModelRecord[], date: string, runId: number | null): Prisma.Sql {
  const unique = dedupe(records);
  const col = <T>(pick: (r: ModelRecord) => T) => unique.map(pick);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const text = (v: bigint | null) => (v === null ? null : v.toString());
  return Prisma.sql`
    WITH input AS (
      SELECT * FROM unnest(
        ${col((r) => r.hubId)}::text[],
        ${col((r) => r.namespace)}::text[],
        ${col((r) => iso(r.createdAt))}::timestamptz[],
        ${col((r) => iso(r.lastModified))}::timestamptz[],
        ${col((r) => r.pipelineTag)}::text[],
        ${col((r) => r.libraryName)}::text[],
        ${col((r) => r.license)}::text[],
        ${col((r) => r.gated)}::boolean[],
        ${col((r) => text(r.parameters))}::bigint[],
        ${col((r) => r.baseModels.join("\n"))}::text[],
        ${col((r) => r.baseRelation)}::text[],
        ${col((r) => r.downloads.toString())}::bigint[],
        ${col((r) => r.downloadsAllTime.toString())}::bigint[],
        ${col((r) => r.likes)}::int[]
      ) AS t(hub_id, namespace, created_at, last_modified, pipeline_tag, library_name, license, gated,
             parameters, base_models, base_relation, downloads, downloads_all_time, likes)
    ),
    -- Most models have not changed since yesterday's crawl: one index probe finds each model's id
    -- and whether its metadata differs, and only new or changed models are written (rewriting
    -- every row and its index entries was most of the write path's time).
    known AS (
      SELECT input.hub_id, input.namespace, input.created_at, input.last_modified, input.pipeline_tag,
             input.library_name, input.license, input.gated, input.parameters,
             string_to_array(NULLIF(input.base_models, ''), E'\n') AS base_models,
             input.base_relation::base_relation AS base_relation,
             input.downloads, input.downloads_all_time, input.likes, m.id, m.changed
      FROM input
      LEFT JOIN LATERAL (
        SELECT model.id,
               model.demo
               OR (model.namespace, model.pipeline_tag, model.library_name, model.license, model.gated,
                   model.base_models, model.base_relation::text)
                  IS DISTINCT FROM
                  (input.namespace, input.pipeline_tag, input.library_name, input.license, input.gated,
                   string_to_array(NULLIF(input.base_models, ''), E'\n'), input.base_relation)
               OR (input.created_at IS NOT NULL AND input.created_at IS DISTINCT FROM model.created_at)
               OR (input.last_modified IS NOT NULL AND input.last_modified IS DISTINCT FROM model.last_modified)
               OR (input.parameters IS NOT NULL AND input.parameters IS DISTINCT FROM model.parameters)
               AS changed
        -- LIMIT keeps this a per-row index probe, not a join over the whole model table.
        FROM model WHERE model.hub_id = input.hub_id LIMIT 1
      ) m ON true
    ),
    orgs AS (
      INSERT INTO organization (namespace)
      SELECT DISTINCT namespace FROM known WHERE id IS NULL OR changed
      ON CONFLICT (namespace) DO NOTHING
    ),
    models AS (
      INSERT INTO model (hub_id, namespace, created_at, last_modified, pipeline_tag, library_name, license,
                         gated, parameters, base_models, base_relation, updated_at)
      SELECT hub_id, namespace, created_at, last_modified, pipeline_tag, library_name, license, gated,
             parameters, base_models, base_relation, now()
      FROM known WHERE id IS NULL OR changed
      ON CONFLICT (hub_id) DO UPDATE SET
        namespace = EXCLUDED.namespace,
        created_at = COALESCE(EXCLUDED.created_at, model.created_at),
        last_modified = COALESCE(EXCLUDED.last_modified, model.last_modified),
        pipeline_tag = EXCLUDED.pipeline_tag,
        library_name = EXCLUDED.library_name,
        license = EXCLUDED.license,
        gated = EXCLUDED.gated,
        parameters = COALESCE(EXCLUDED.parameters, model.parameters),
        base_models = EXCLUDED.base_models,
        base_relation = EXCLUDED.base_relation,
        demo = false,
        updated_at = now()
      RETURNING id, hub_id
    )
    INSERT INTO model_snapshot (model_id, date, downloads, downloads_all_time, likes, run_id)
    -- New models' ids come back from RETURNING (inside one statement the table still shows the
    -- rows as they were before it).
    SELECT COALESCE(known.id, models.id), ${date}::date, known.downloads, known.downloads_all_time,
           known.likes, ${runId}::int
    FROM known LEFT JOIN models USING (hub_id)
    ON CONFLICT (model_id, date) DO UPDATE SET
      downloads = EXCLUDED.downloads,
      downloads_all_time = EXCLUDED.downloads_all_time,
      likes = EXCLUDED.likes,
      run_id = EXCLUDED.run_id`;
}

/** ON CONFLICT cannot touch one row twice in a statement: keep the last record per Hub id. */
function dedupe(records: ModelRecord[]): ModelRecord[] {
  const byId = new Map<string, ModelRecord>();
  for (const record of records) byId.set(record.hubId, record);
  return [...byId.values()];
}

export async function writePage(
  db: Database,
  records: ModelRecord[],
  date: string,
  runId: number | null,
): Promise<number> {
  if (records.length === 0) return 0;
  return writePage.query(db, records, date, runId);
}

/** The same write as a Prisma promise, to batch in a transaction with the run's progress. */
writePage.query = (db: Database, records: ModelRecord[], date: string, runId: number | null) =>
  db.prisma.$executeRaw(upsertPageStatement(records, date, runId));
