import type { Database } from "../db";
import type { LabDetail, LabModel } from "../domain/answers";
import { isoDay } from "./buckets";
import { latestPublishedDate } from "./latest-date";

export type { LabDetail, LabModel };

export async function getLabDetail(db: Database, slug: string): Promise<LabDetail | null> {
  const { prisma } = db;
  const lab = await prisma.lab.findUnique({ where: { slug }, include: { organizations: true } });
  if (!lab) return null;
  const namespaces = lab.organizations.map((o) => o.namespace);
  const date = await latestPublishedDate(db);
  const counts = await prisma.model.groupBy({
    by: ["namespace"],
    where: { namespace: { in: namespaces } },
    _count: true,
  });
  const top = date
    ? await prisma.$queryRaw<(LabModel & { createdAt: Date | null })[]>`
        SELECT m.hub_id AS "hubId", m.pipeline_tag AS "pipelineTag", m.created_at AS "createdAt",
          s.downloads AS "downloads30d", s.downloads_all_time AS "downloadsAllTime"
        FROM model m JOIN model_snapshot s ON s.model_id = m.id AND s.date = ${date}::date
        WHERE m.namespace = ANY(${namespaces}::text[])
        ORDER BY s.downloads DESC, m.hub_id LIMIT 50`
    : [];
  const derivativeRows = date
    ? await prisma.$queryRaw<
        (LabModel & { namespace: string; createdAt: Date | null; total_models: number; total: bigint })[]
      >`
        WITH d AS (
          SELECT m.hub_id, m.namespace, m.pipeline_tag, m.created_at, s.downloads, s.downloads_all_time
          FROM model m JOIN model_snapshot s ON s.model_id = m.id AND s.date = ${date}::date
          WHERE m.lineage_namespace = ANY(${namespaces}::text[]) AND NOT (m.namespace = ANY(${namespaces}::text[]))
        )
        SELECT hub_id AS "hubId", namespace, pipeline_tag AS "pipelineTag", created_at AS "createdAt",
          downloads AS "downloads30d", downloads_all_time AS "downloadsAllTime",
          (SELECT count(*)::int FROM d) AS total_models, (SELECT COALESCE(sum(downloads), 0)::bigint FROM d) AS total
        FROM d ORDER BY downloads DESC, hub_id LIMIT 20`
    : [];
  const asModel = <T extends { createdAt: Date | null }>(m: T) => ({
    ...m,
    createdAt: m.createdAt ? m.createdAt.toISOString() : null,
  });
  return {
    lab: { slug: lab.slug, name: lab.name, parent: lab.parent, country: lab.country, color: lab.color },
    namespaces: lab.organizations.map((o) => ({
      namespace: o.namespace,
      kind: o.kind === "re_publisher" ? "re-publisher" : o.kind,
      source: o.source,
      models: counts.find((c) => c.namespace === o.namespace)?._count ?? 0,
    })),
    date: date ? isoDay(date) : null,
    topModels: top.map(asModel),
    derivatives: {
      models: derivativeRows[0]?.total_models ?? 0,
      downloads30d: derivativeRows[0]?.total ?? 0n,
      top: derivativeRows.map(({ total_models: _, total: __, ...m }) => asModel(m)),
    },
  };
}
