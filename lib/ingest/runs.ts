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

/** jsonb reorders keys, so compare the fields that shape a crawl, not serialisations. */
function sameOptions(stored: unknown, options: IngestOptions): boolean {
  const parsed = ingestOptionsSchema.safeParse(stored);
  if (!parsed.success) return false;
  const shape = (o: IngestOptions) => [
    o.asOf,
    o.orgs?.join(",") ?? null,
    o.maxModels ?? null,
    o.minDownloads,
  ];
  return JSON.stringify(shape(parsed.data)) === JSON.stringify(shape(options));
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
  const previous = candidates.find((r) => r.cursor !== null && sameOptions(r.options, options));
  const storedOptions = { ...options, dryRun: false } as Prisma.InputJsonValue;
  const run = await prisma.ingestRun.create({
    data: {
      asOf: day(options.asOf),
      options: storedOptions,
      trigger,
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
 * batches loses nothing and the cursor never points past a page that is not stored.
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
           cursor = $6::jsonb, heartbeat_at = now()
         WHERE id = $1`,
        [
          run.id,
          batch.pages,
          batch.records.length,
          new Set(batch.records.map((r) => r.hubId)).size,
          batch.privateSkipped,
          JSON.stringify(batch.cursor),
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
