import type { Database } from "../db";
import type { ModelRecord } from "../store/model-record";
import { writePage } from "../store/write-page";
import type { PageWrite } from "./pages";
import type { ImportedRow } from "./rows";
import type { ImportRuns } from "./runs";

type Known = Pick<
  ModelRecord,
  | "createdAt"
  | "lastModified"
  | "pipelineTag"
  | "libraryName"
  | "license"
  | "gated"
  | "parameters"
  | "baseModels"
  | "baseRelation"
>;

/**
 * The write of one page: the date's run, then writePage (the ingest upsert). writePage replaces a
 * model's metadata with the page's, so when the database may already know a model (it held models
 * before this import) the fields this file leaves empty are first filled from the stored model.
 */
export function databasePageWriter(
  db: Database,
  runs: ImportRuns,
  options: { mergeExisting: boolean; assertLockHeld?: () => void },
  onWritten?: (snapshots: number) => void,
): PageWrite {
  return async (date, rows) => {
    // The ingest lock's connection may drop (a database restart): then stop, never write unlocked.
    options.assertLockHeld?.();
    const runId = await runs.runFor(date);
    const known = options.mergeExisting ? await knownModels(db, rows) : new Map<string, Known>();
    const records = rows.map((row) => toRecord(row, known.get(row.hubId)));
    const snapshots = await writePage(db, records, date, runId);
    runs.record(
      date,
      rows.length,
      snapshots,
      rows.some((r) => r.downloads === null),
    );
    onWritten?.(snapshots);
  };
}

export function toRecord(row: ImportedRow, known?: Known): ModelRecord {
  const bases = row.baseModels.length > 0;
  return {
    hubId: row.hubId,
    namespace: row.namespace,
    createdAt: row.createdAt ?? known?.createdAt ?? null,
    lastModified: row.lastModified ?? known?.lastModified ?? null,
    pipelineTag: row.pipelineTag ?? known?.pipelineTag ?? null,
    libraryName: row.libraryName ?? known?.libraryName ?? null,
    license: row.license ?? known?.license ?? null,
    gated: row.gated ?? known?.gated ?? false,
    parameters: row.parameters ?? known?.parameters ?? null,
    baseModels: bases ? row.baseModels : (known?.baseModels ?? []),
    baseRelation: bases ? row.baseRelation : (known?.baseRelation ?? null),
    downloads: row.downloads ?? 0n,
    downloadsAllTime: row.downloadsAllTime,
    likes: row.likes,
  };
}

async function knownModels(db: Database, rows: ImportedRow[]): Promise<Map<string, Known>> {
  const ids = [...new Set(rows.map((r) => r.hubId))];
  const found = await db.prisma.$queryRaw<(Known & { hubId: string })[]>`
    SELECT hub_id AS "hubId", created_at AS "createdAt", last_modified AS "lastModified",
      pipeline_tag AS "pipelineTag", library_name AS "libraryName", license, gated, parameters,
      COALESCE(base_models, '{}') AS "baseModels", base_relation::text AS "baseRelation"
    FROM model WHERE hub_id = ANY(${ids}::text[]) AND NOT demo`;
  return new Map(found.map((m) => [m.hubId, m]));
}
