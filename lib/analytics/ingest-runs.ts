import type { Database } from "../db";
import { isoDay } from "./buckets";

/** Recent ingestion runs, newest first, for the status page and the API. */
export async function listIngestRuns(db: Database, limit = 50) {
  const runs = await db.prisma.ingestRun.findMany({ orderBy: { id: "desc" }, take: limit });
  return runs.map((r) => ({
    id: r.id,
    status: r.status,
    asOf: isoDay(r.asOf),
    trigger: r.trigger,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    heartbeatAt: r.heartbeatAt.toISOString(),
    pages: r.pages,
    modelsSeen: r.modelsSeen,
    snapshotsWritten: r.snapshotsWritten,
    population: r.population,
    resumedFromId: r.resumedFromId,
    errors: Array.isArray(r.errors) ? (r.errors as { at: string; message: string }[]) : [],
  }));
}
