import type { Database } from "../db";
import { regionOf } from "../domain/regions";

/** The registry as stored, for the methodology page. */
export async function listRegistry(db: Database) {
  const orgs = await db.prisma.organization.findMany({
    where: { inRegistry: true },
    orderBy: { namespace: "asc" },
  });
  return orgs.map((o) => ({
    namespace: o.namespace,
    lab: o.labSlug,
    country: o.country,
    region: regionOf(o.country, o.international),
    kind: o.kind === "re_publisher" ? "re-publisher" : o.kind,
    source: o.source,
    note: o.note,
  }));
}
