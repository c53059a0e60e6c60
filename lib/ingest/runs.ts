import type { Database } from "../db";
import type { Prisma } from "../db/generated/client";
import type { ModelRecord } from "../store/model-record";
import { writeSnapshots } from "../store/write-snapshots";
import { type IngestOptions, ingestOptionsSchema } from "./options";

/** Where a run stands: resuming from it neither skips nor repeats a page. */
export type CrawlCursor =
  | { phase: "orgs"; orgIndex: number; nextUrl: string | null }
  | { phase: "global"; nextUrl: string | null; globalModels: number }
  | { phase: "done" };

export type RunRow = Awaited<ReturnType<Database["prisma"]["ingestRun"]["create"]>>;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * jsonb reorders keys, so compare the fields that shape a crawl, not serialisations: its options
 * and the namespaces it lists one by one (a cursor counts through them: after a registry edit it
 * would point elsewhere).
 */
function sameCrawl(stored: unknown, options: IngestOptions, namespaces: string[]): boolean {
  const parsed = ingestOptionsSchema.safeParse(stored);
  if (!parsed.success) return false;
  const listed = (stored as { namespaces?: unknown }).namespaces;
  const shape = (o: IngestOptions, ns: unknown) => [
    o.asOf,
    o.orgs?.join(",") ?? null,
    o.maxModels ?? null,
    o.minDownloads,
    Array.isArray(ns) ? ns.join(",") : null,
  ];
  return JSON.stringify(shape(parsed.data, listed)) === JSON.stringify(shape(options, namespaces));
}

/**
 * Opens a run while holding the ingest lock: any run still marked running is dead (it would hold
 * the lock otherwise) and becomes interrupted; the newest unfinished run of the same day and options
 * is resumed from its cursor.
 */
export async function startRun(
  db: Database,
  options: IngestOptions,
  trigger: string,
  partial = false,
  namespaces: string[] = options.orgs ?? [],
): Promise<{ run: RunRow; cursor: CrawlCursor }> {
  const { prisma } = db;
  await prisma.ingestRun.updateMany({
    where: { status: "running" },
    data: { status: "interrupted", finishedAt: new Date() },
  });
  const lastSuccess = await prisma.ingestRun.findFirst({
    where: { asOf: day(options.asOf), status: "succeeded" },
    orderBy: { id: "desc" },
  });
  const candidates = await prisma.ingestRun.findMany({
    where: {
      asOf: day(options.asOf),
      status: { in: ["interrupted", "failed"] },
      id: { gt: lastSuccess?.id ?? 0 },
    },
    orderBy: { id: "desc" },
    take: 5,
  });
  const previous = candidates.find((r) => r.cursor !== null && sameCrawl(r.options, options, namespaces));
  const storedOptions = { ...options, dryRun: false, namespaces } as Prisma.InputJsonValue;
  const run = await prisma.ingestRun.create({
    data: {
      asOf: day(options.asOf),
      options: storedOptions,
      trigger,
      partial,
      resumedFromId: previous?.id ?? null,
      pages: previous?.pages ?? 0,
      modelsSeen: previous?.modelsSeen ?? 0,
      snapshotsWritten: previous?.snapshotsWritten ?? 0,
      privateSkipped: previous?.privateSkipped ?? 0,
      cursor: (previous?.cursor ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
  const cursor = (previous?.cursor as CrawlCursor | undefined) ?? {
    phase: "orgs",
    orgIndex: 0,
    nextUrl: null,
  };
  return { run, cursor };
}

/**
 * A batch of pages and the run's progress commit together (one transaction), so a kill between
 * batches loses nothing and the cursor never points past a page that is not stored. The last batch
 * of a full run marks it stored too: from then on any command publishes it.
 */
export async function recordPages(
  db: Database,
  run: RunRow,
  batch: { records: ModelRecord[]; pages: number; privateSkipped: number; cursor: CrawlCursor },
): Promise<number> {
  return writeSnapshots(db, batch.records, run.asOf.toISOString().slice(0, 10), {
    runId: run.id,
    alsoInTransaction: async (tx) => {
      await tx.query(
        `UPDATE ingest_run SET pages = pages + $2, models_seen = models_seen + $3,
           snapshots_written = snapshots_written + $4, private_skipped = private_skipped + $5,
           cursor = $6::jsonb, heartbeat_at = now(),
           status = CASE WHEN $7 AND NOT partial THEN 'stored'::ingest_status ELSE status END
         WHERE id = $1`,
        [
          run.id,
          batch.pages,
          batch.records.length,
          new Set(batch.records.map((r) => r.hubId)).size,
          batch.privateSkipped,
          JSON.stringify(batch.cursor),
          batch.cursor.phase === "done",
        ],
      );
    },
  });
}

export async function finishRun(
  db: Database,
  runId: number,
  outcome:
    | { status: "succeeded"; population: number }
    | { status: "interrupted" }
    | { status: "failed"; error: string },
): Promise<void> {
  const { prisma } = db;
  if (outcome.status === "succeeded") {
    await prisma.ingestRun.update({
      where: { id: runId },
      data: { status: "succeeded", finishedAt: new Date(), population: outcome.population },
    });
    return;
  }
  if (outcome.status === "interrupted") {
    await prisma.ingestRun.update({
      where: { id: runId },
      data: { status: "interrupted", finishedAt: new Date() },
    });
    return;
  }
  const run = await prisma.ingestRun.findUnique({ where: { id: runId } });
  const errors = Array.isArray(run?.errors) ? run.errors : [];
  await prisma.ingestRun.update({
    where: { id: runId },
    data: {
      status: "failed",
      population: null,
      finishedAt: new Date(),
      errors: [...errors, { at: new Date().toISOString(), message: outcome.error }] as Prisma.InputJsonValue,
    },
  });
}
