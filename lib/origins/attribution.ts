import type { Database } from "../db";
import type { ModelAttribution, Origin } from "../domain/answers";
import { regionOf } from "../domain/regions";

export type { ModelAttribution, Origin };

/** Why a model counts where it does, under both attribution rules. */
export async function getModelAttribution(db: Database, hubId: string): Promise<ModelAttribution | null> {
  const model = await db.prisma.model.findUnique({
    where: { hubId },
    select: { hubId: true, namespace: true, lineageRoot: true, lineageNamespace: true },
  });
  if (!model) return null;
  const lineageNamespace = model.lineageNamespace ?? model.namespace;
  const orgs = await db.prisma.organization.findMany({
    where: { namespace: { in: [model.namespace, lineageNamespace] } },
  });
  const origin = (namespace: string): Origin => {
    const org = orgs.find((o) => o.namespace === namespace);
    return {
      namespace,
      country: org?.country ?? null,
      region: regionOf(org?.country, org?.international),
      lab: org?.labSlug ?? null,
      inRegistry: org?.inRegistry ?? false,
    };
  };
  return {
    hubId: model.hubId,
    developer: origin(model.namespace),
    lineageRoot: model.lineageRoot ?? model.hubId,
    lineage: origin(lineageNamespace),
  };
}
