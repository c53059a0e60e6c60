import type { Database } from "../db";

/** The pipeline tags with the most models, for the task filter. */
export async function listTasks(db: Database, limit = 20): Promise<string[]> {
  const rows = await db.prisma.model.groupBy({
    by: ["pipelineTag"],
    where: { pipelineTag: { not: null } },
    _count: { _all: true },
    orderBy: { _count: { pipelineTag: "desc" } },
    take: limit,
  });
  return rows.map((r) => r.pipelineTag).filter((t): t is string => t !== null);
}
