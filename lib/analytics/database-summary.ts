import type { Database } from "../db";
import { describeTarget } from "../db";

export type DatabaseSummary = {
  database: string;
  labs: number;
  organizations: number;
  attributedOrganizations: number;
  models: number;
  snapshots: number;
  latestSnapshotDate: string | null;
  lastSucceededRun: { id: number; asOf: string; finishedAt: string | null } | null;
};

const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

/** Row counts and freshness: what the database holds, for the status line of every page. */
export async function getDatabaseSummary(db: Database): Promise<DatabaseSummary> {
  const { prisma } = db;
  const labs = await prisma.lab.count();
  const organizations = await prisma.organization.count();
  const attributedOrganizations = await prisma.organization.count({
    where: { OR: [{ country: { not: null } }, { international: true }] },
  });
  const models = await prisma.model.count();
  const snapshots = await prisma.modelSnapshot.count();
  const latest = await prisma.modelSnapshot.aggregate({ _max: { date: true } });
  const run = await prisma.ingestRun.findFirst({
    where: { status: "succeeded" },
    orderBy: [{ asOf: "desc" }, { id: "desc" }],
  });
  return {
    database: describeTarget(db.target),
    labs,
    organizations,
    attributedOrganizations,
    models,
    snapshots,
    latestSnapshotDate: latest._max.date ? isoDate(latest._max.date) : null,
    lastSucceededRun: run
      ? { id: run.id, asOf: isoDate(run.asOf), finishedAt: run.finishedAt?.toISOString() ?? null }
      : null,
  };
}
