import { type Database, Prisma } from "../db";
import type { ModelRecord } from "./types";

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
    orgs AS (
      INSERT INTO organization (namespace)
      SELECT DISTINCT namespace FROM input
      ON CONFLICT (namespace) DO NOTHING
    ),
    models AS (
      INSERT INTO model (hub_id, namespace, created_at, last_modified, pipeline_tag, library_name, license,
                         gated, parameters, base_models, base_relation, updated_at)
      SELECT hub_id, namespace, created_at, last_modified, pipeline_tag, library_name, license, gated,
             parameters, string_to_array(NULLIF(base_models, ''), E'\n'), base_relation::base_relation, now()
      FROM input
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
    SELECT models.id, ${date}::date, input.downloads, input.downloads_all_time, input.likes, ${runId}::int
    FROM input JOIN models USING (hub_id)
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
