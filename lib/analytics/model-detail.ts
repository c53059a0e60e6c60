import type { Database } from "../db";
import { getModelAttribution } from "../origins/attribution";
import { isoDay } from "./buckets";

/** One model: its snapshot history, bases, derivatives and why it counts where it does. */
export async function getModelDetail(db: Database, hubId: string) {
  const { prisma } = db;
  const model = await prisma.model.findUnique({
    where: { hubId },
    include: { snapshots: { orderBy: { date: "asc" }, take: 3660 } },
  });
  if (!model) return null;
  const attribution = await getModelAttribution(db, hubId);
  const derivativeCounts = await prisma.$queryRaw<{ relation: string | null; models: number }[]>`
    SELECT base_relation::text AS relation, count(*)::int AS models
    FROM model WHERE ${hubId} = ANY(base_models) GROUP BY 1 ORDER BY 2 DESC`;
  const knownBases = await prisma.model.findMany({
    where: { hubId: { in: model.baseModels } },
    select: { hubId: true },
  });
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
    baseModels: model.baseModels.map((id) => ({
      hubId: id,
      tracked: knownBases.some((b) => b.hubId === id),
    })),
    baseRelation: model.baseRelation,
    attribution,
    derivatives: {
      total: derivativeCounts.reduce((n, r) => n + r.models, 0),
      byRelation: derivativeCounts.map((r) => ({ relation: r.relation ?? "unspecified", models: r.models })),
    },
    history: model.snapshots.map((s) => ({
      date: isoDay(s.date),
      downloads30d: s.downloads,
      downloadsAllTime: s.downloadsAllTime,
      likes: s.likes,
    })),
  };
}
