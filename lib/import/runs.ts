import type { Database } from "../db";
import type { Prisma, SnapshotSource } from "../db/generated/client";

export const IMPORT_TRIGGER = "import";

export type RunOptions = {
  file: string;
  format: string;
  /** What the rows are: the study's subset, the Hub's weekly listing, an imported file. */
  source: SnapshotSource;
  /** False when the file has no all-time counts. */
  allTimeCounts: boolean;
  /** "import" (a local file) or "backfill" (the Hub's datasets) */
  trigger?: string;
  /** Anything else worth keeping with the run (the dataset, the repository…). */
  details?: Record<string, string | number>;
};

type DateRun = {
  id: number;
  /** Created by this import (true) or a succeeded import run of the date reused (false). */
  created: boolean;
  pages: number;
  rows: number;
  snapshots: number;
  /** Some rows of this date had no 30-day count. */
  estimate: boolean;
};

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * The ingest_run rows that publish imported dates. Rollups read only dates with a succeeded run,
 * so each imported date gets one with trigger "import": a date's existing succeeded import run is
 * reused (a re-import leaves the same rows), otherwise a new run is opened as "running" and only
 * marked succeeded once the whole file is in — an import that stops half-way publishes nothing new.
 * Snapshots carry their date's run id.
 */
export class ImportRuns {
  private readonly byDate = new Map<string, DateRun>();

  private readonly trigger: string;
  private readonly stored: Prisma.InputJsonValue;

  constructor(
    private readonly db: Database,
    private readonly options: RunOptions,
  ) {
    this.trigger = options.trigger ?? IMPORT_TRIGGER;
    this.stored = { file: options.file, format: options.format, ...options.details };
  }

  /** Call while holding the ingest lock: a run still "running" belongs to a process that died. */
  static async start(db: Database, options: RunOptions): Promise<ImportRuns> {
    await db.prisma.ingestRun.updateMany({
      where: { status: "running" },
      data: { status: "interrupted", finishedAt: new Date() },
    });
    return new ImportRuns(db, options);
  }

  async runFor(date: string): Promise<number> {
    const known = this.byDate.get(date);
    if (known) return known.id;
    const { prisma } = this.db;
    const existing = await prisma.ingestRun.findFirst({
      where: { asOf: day(date), status: "succeeded", trigger: this.trigger, source: this.options.source },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    const id =
      existing?.id ??
      (
        await prisma.ingestRun.create({
          data: {
            asOf: day(date),
            trigger: this.trigger,
            source: this.options.source,
            allTimeCounts: this.options.allTimeCounts,
            options: this.stored,
          },
          select: { id: true },
        })
      ).id;
    this.byDate.set(date, { id, created: !existing, pages: 0, rows: 0, snapshots: 0, estimate: false });
    return id;
  }

  record(date: string, rows: number, snapshots: number, estimate: boolean): void {
    const run = this.byDate.get(date);
    if (!run) throw new Error(`no import run for ${date}`);
    run.pages++;
    run.rows += rows;
    run.snapshots += snapshots;
    run.estimate ||= estimate;
  }

  dates(): string[] {
    return [...this.byDate.keys()].sort();
  }

  runIds(): number[] {
    return [...this.byDate.values()].map((r) => r.id);
  }

  /** Dates (with their run) whose 30-day counts are to be estimated. */
  toEstimate(): { date: string; runId: number }[] {
    return [...this.byDate.entries()]
      .filter(([, r]) => r.estimate)
      .map(([date, r]) => ({ date, runId: r.id }));
  }

  counts(): { created: number; reused: number; snapshots: number } {
    let created = 0;
    let snapshots = 0;
    for (const run of this.byDate.values()) {
      if (run.created) created++;
      snapshots += run.snapshots;
    }
    return { created, reused: this.byDate.size - created, snapshots };
  }

  /** Every date's run succeeds, with the population of snapshots now stored at that date. */
  async succeed(): Promise<void> {
    const { prisma } = this.db;
    const dates = this.dates();
    if (dates.length === 0) return;
    const rows = await prisma.$queryRaw<{ date: Date; n: number }[]>`
      SELECT date, count(*)::int AS n FROM model_snapshot
      WHERE date = ANY(${dates.map(day)}::date[]) GROUP BY date`;
    const population = new Map(rows.map((r) => [r.date.toISOString().slice(0, 10), r.n]));
    const now = new Date();
    await prisma.$transaction(
      [...this.byDate.entries()].map(([date, run]) =>
        prisma.ingestRun.update({
          where: { id: run.id },
          data: {
            status: "succeeded",
            finishedAt: now,
            heartbeatAt: now,
            population: population.get(date) ?? 0,
            pages: run.pages,
            modelsSeen: run.rows,
            snapshotsWritten: run.snapshots,
            allTimeCounts: this.options.allTimeCounts,
            options: this.stored,
          },
        }),
      ),
    );
  }

  /**
   * Runs this import opened are marked failed, or interrupted when stopped by a signal (never
   * published); reused ones stay as they were.
   */
  async fail(error: unknown): Promise<void> {
    const ids = [...this.byDate.values()].filter((r) => r.created).map((r) => r.id);
    if (ids.length === 0) return;
    const message = error instanceof Error ? error.message : String(error);
    const interrupted = error instanceof Error && error.name === "ImportInterruptedError";
    const errors = [{ at: new Date().toISOString(), message }] as Prisma.InputJsonValue;
    await this.db.prisma.ingestRun.updateMany({
      where: { id: { in: ids } },
      data: {
        status: interrupted ? "interrupted" : "failed",
        finishedAt: new Date(),
        population: null,
        errors,
      },
    });
  }
}
