import type { Database, Prisma } from "@/lib/db";

/**
 * Snapshots of the models matching `where` (and `snapshotWhere`), each with its model, ordered by
 * Hub id then date. Snapshots have no Prisma relation to their model (no foreign key: see the
 * schema), so tests join them here.
 */
export async function snapshotsWithModel(
  db: Database,
  where: Prisma.ModelWhereInput = {},
  snapshotWhere: Prisma.ModelSnapshotWhereInput = {},
) {
  const models = await db.prisma.model.findMany({ where, orderBy: { hubId: "asc" } });
  const rank = new Map(models.map((m, i) => [m.id, i]));
  const rows = await db.prisma.modelSnapshot.findMany({
    where: { ...snapshotWhere, modelId: { in: models.map((m) => m.id) } },
    orderBy: { date: "asc" },
  });
  return rows
    .map((s) => ({ ...s, model: models[rank.get(s.modelId) ?? -1] as (typeof models)[number] }))
    .sort((a, b) => (rank.get(a.modelId) ?? 0) - (rank.get(b.modelId) ?? 0));
}
