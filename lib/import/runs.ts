import type { Database } from "../db";
import type { Prisma, SnapshotSource } from "../db/generated/client";
import { PUBLISH_TRANSACTION } from "../db/transaction";
import { historyDateState } from "../publish/dates";

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
  pages: number;
  rows: number;
  snapshots: number;
  /** Some rows of this date had no 30-day count. */
  estimate: boolean;
};

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * The ingest_run rows that publish imported dates, one per date, opened as "running" the first
 * time the date has rows and only marked stored once the whole file is in (then published with
 * every other stored run, lib/publish/stored-runs.ts) — an import that stops half-way publishes
 * nothing. A date another run holds is not written at all (`accepts`: the rules of
 * lib/publish/dates.ts), so that no import changes a published date. Snapshots carry their date's
 * run id.
 */
export class ImportRuns {
  private readonly byDate = new Map<string, DateRun>();
  /** Per date: true, or why its rows are skipped */
  private readonly verdicts = new Map<string, true | string>();

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

  /** Whether rows of `date` are written (true), or why they are skipped; decided once per date. */
  async accepts(date: string): Promise<true | string> {
    const known = this.verdicts.get(date);
    if (known !== undefined) return known;
    const state = await historyDateState(this.db, date, this.options.source, this.trigger);
    const verdict =
      state === "free"
        ? true
        : state === "done"
          ? "date imported already (a rerun writes nothing)"
          : state.skip;
    this.verdicts.set(date, verdict);
    return verdict;
  }

  /** The verdict on `date` when it was asked before (no database round trip per row). */
  verdictOf(date: string): true | string | undefined {
    return this.verdicts.get(date);
  }

  async runFor(date: string): Promise<number> {
    const known = this.byDate.get(date);
    if (known) return known.id;
    const { id } = await this.db.prisma.ingestRun.create({
      data: {
        asOf: day(date),
        trigger: this.trigger,
        source: this.options.source,
        allTimeCounts: this.options.allTimeCounts,
        options: this.stored,
      },
      select: { id: true },
    });
    this.byDate.set(date, { id, pages: 0, rows: 0, snapshots: 0, estimate: false });
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
    let snapshots = 0;
    for (const run of this.byDate.values()) snapshots += run.snapshots;
    return { created: this.byDate.size, reused: 0, snapshots };
  }

  /** Every date's run is stored whole: the next publish (this command's, or any later one's) takes it. */
  async store(): Promise<void> {
    const { prisma } = this.db;
    if (this.byDate.size === 0) return;
    const now = new Date();
    await prisma.$transaction(
      [...this.byDate.values()].map((run) =>
        prisma.ingestRun.update({
          where: { id: run.id },
          data: {
            status: "stored",
            heartbeatAt: now,
            pages: run.pages,
            modelsSeen: run.rows,
            snapshotsWritten: run.snapshots,
            allTimeCounts: this.options.allTimeCounts,
            options: this.stored,
          },
        }),
      ),
      // One update per date: the study's file has hundreds, more than Prisma's default 5 s on a busy
      // machine; the publish's limits, as this is its first step.
      PUBLISH_TRANSACTION,
    );
  }

  /** This import's runs are marked failed, or interrupted when stopped by a signal (never published). */
  async fail(error: unknown): Promise<void> {
    const ids = this.runIds();
    if (ids.length === 0) return;
    const message = error instanceof Error ? error.message : String(error);
    const interrupted = error instanceof Error && error.name === "ImportInterruptedError";
    const errors = [{ at: new Date().toISOString(), message }] as Prisma.InputJsonValue;
    await this.db.prisma.ingestRun.updateMany({
      where: { id: { in: ids }, status: "running" },
      data: {
        status: interrupted ? "interrupted" : "failed",
        finishedAt: new Date(),
        population: null,
        errors,
      },
    });
  }
}
