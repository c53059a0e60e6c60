import type { Database } from "../db";
import type { IngestRun } from "../domain/answers";
import { publicErrorText } from "../format/public-error";
import { isoDay } from "./buckets";

/** Recent ingestion runs, newest first, for the status page and the API. */
export async function listIngestRuns(db: Database, limit = 50): Promise<IngestRun[]> {
  const runs = await db.prisma.ingestRun.findMany({ orderBy: { id: "desc" }, take: limit });
  return runs.map((r) => ({
    id: r.id,
    status: r.status,
    asOf: isoDay(r.asOf),
    test: r.partial,
    trigger: r.trigger,
    source: r.source,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    heartbeatAt: r.heartbeatAt.toISOString(),
    pages: r.pages,
    privateSkipped: r.privateSkipped,
    modelsSeen: r.modelsSeen,
    snapshotsWritten: r.snapshotsWritten,
    population: r.population,
    resumedFromId: r.resumedFromId,
    // Runs recorded before errors were stored public may still hold a Hub URL.
    errors: (Array.isArray(r.errors) ? (r.errors as { at: string; message: string }[]) : []).map((e) => ({
      at: e.at,
      message: publicErrorText(e.message),
    })),
  }));
}
