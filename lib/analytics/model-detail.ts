import type { Database } from "../db";
import type { ModelDetail } from "../domain/answers";
import { getModelAttribution } from "../origins/attribution";
import { isoDay } from "./buckets";
import { PUBLISHED_DATES } from "./rollups";

/** One model: its snapshot history, bases, derivatives and why it counts where it does. */
export async function getModelDetail(db: Database, hubId: string): Promise<ModelDetail | null> {
  const { prisma } = db;
  const model = await prisma.model.findUnique({ where: { hubId } });
  if (!model) return null;
  const snapshots = await modelHistory(db, model.id);
  const attribution = await getModelAttribution(db, hubId);
  const derivativeCounts = await prisma.$queryRaw<{ relation: string | null; models: number }[]>`
    SELECT base_relation::text AS relation, count(*)::int AS models
    FROM model WHERE ${hubId} = ANY(base_models) GROUP BY 1 ORDER BY 2 DESC`;
  // Ids match as the Hub resolves them: ignoring case.
  const knownBases = await prisma.$queryRaw<{ hubId: string; asked: string }[]>`
    SELECT m.hub_id AS "hubId", b.asked FROM unnest(${model.baseModels}::text[]) AS b(asked)
    JOIN model m ON lower(m.hub_id) = lower(b.asked)`;
  return {
    hubId: model.hubId,
    namespace: model.namespace,
    hubUrl: `https://huggingface.co/${model.hubId}`,
    createdAt: model.createdAt?.toISOString() ?? null,
    lastModified: model.lastModified?.toISOString() ?? null,
    pipelineTag: model.pipelineTag,
    libraryName: model.libraryName,
    license: model.license,
    gated: model.gated,
    parameters: model.parameters,
    demo: model.demo,
    // Every base in the Hub's order; the Hub gives one relation for all of a model's bases.
    baseModels: model.baseModels.map((id) => {
      const known = knownBases.find((b) => b.asked === id);
      return { hubId: known?.hubId ?? id, relation: model.baseRelation, tracked: known !== undefined };
    }),
    baseRelation: model.baseRelation,
    attribution,
    derivatives: {
      total: derivativeCounts.reduce((n, r) => n + r.models, 0),
      byRelation: derivativeCounts.map((r) => ({ relation: r.relation ?? "unspecified", models: r.models })),
    },
    history: snapshots.map((s) => ({
      date: isoDay(s.date),
      downloads30d: s.downloads,
      downloadsAllTime: s.downloadsAllTime,
      likes: s.likes,
    })),
    listedAs: listedAs(snapshots),
  };
}

type Snapshot = Awaited<ReturnType<typeof modelHistory>>[number];

/** Runs of consecutive snapshots listed with the same attributes (a version), oldest first. */
function listedAs(snapshots: Snapshot[]): ModelDetail["listedAs"] {
  const runs: ModelDetail["listedAs"] = [];
  let last: number | null = null;
  for (const s of snapshots) {
    const day = isoDay(s.date);
    const current = runs.at(-1);
    if (current && s.versionId === last) {
      current.to = day;
      continue;
    }
    last = s.versionId;
    runs.push({
      from: day,
      to: day,
      pipelineTag: s.pipelineTag,
      libraryName: s.libraryName,
      baseModels: s.baseModels ?? [],
      createdAt: s.createdAt?.toISOString() ?? null,
    });
  }
  return runs;
}

/** Keeps a model page bounded: ten years of daily snapshots. */
const HISTORY_LIMIT = 3660;

/**
 * One model's snapshots, oldest first. The key is (date, model): the distinct dates come from a
 * loose scan of the key (one probe per date), then one key probe per date finds the model's row —
 * a few hundred probes instead of reading every snapshot of every model.
 */
function modelHistory(db: Database, modelId: number) {
  return db.prisma.$queryRaw<
    {
      date: Date;
      downloads: bigint;
      downloadsAllTime: bigint;
      likes: number;
      versionId: number | null;
      pipelineTag: string | null;
      libraryName: string | null;
      baseModels: string[] | null;
      createdAt: Date | null;
    }[]
  >`
    WITH RECURSIVE dates AS (
      (SELECT date FROM model_snapshot ORDER BY date LIMIT 1)
      UNION ALL
      SELECT (SELECT s.date FROM model_snapshot s WHERE s.date > d.date ORDER BY s.date LIMIT 1)
      FROM dates d WHERE d.date IS NOT NULL
    )
    SELECT s.date, s.downloads, s.downloads_all_time AS "downloadsAllTime", s.likes, v.id AS "versionId",
      v.pipeline_tag AS "pipelineTag", v.library_name AS "libraryName", v.base_models AS "baseModels",
      v.created_at AS "createdAt"
    FROM dates d JOIN model_snapshot s ON s.date = d.date AND s.model_id = ${modelId}::int
    LEFT JOIN model m ON m.id = s.model_id
    LEFT JOIN model_version v ON v.id = COALESCE(s.version_id, m.version_id)
    -- Only published dates: a failed or test run's rows are not part of the model's history.
    WHERE s.date IN (SELECT date FROM (${PUBLISHED_DATES}) p)
    ORDER BY s.date
    LIMIT ${HISTORY_LIMIT}::int`;
}
