import type { Database } from "../db";
import { bumpDataVersion } from "../db/data-version";
import { inTransaction } from "../db/transaction";
import { publish, publishIn } from "../publish/publish";
import { ensureRegistrySynced } from "../publish/registry";
import { DEMO_STATE_KEY, DEMO_TRIGGER, type DemoRowsRemoved, deleteDemoRows } from "../store/demo-rows";
import type { ModelRecord } from "../store/model-record";
import { acquireIngestLock, IngestBusyError } from "../store/write-lock";
import { snapshotWriter } from "../store/write-snapshots";
import type { DemoModel, DemoSnapshot } from "./format";
import { type DemoHeader, demoDataPath, readDemoFile } from "./format";

/**
 * Loading the bundled demo data. Only days with a succeeded run are published, so the loader
 * records one run per demo date (trigger "demo", lib/store/demo-rows.ts) and writes that date's
 * snapshots under it. A real run that re-crawls a model also in the demo rewrites it with
 * demo = false, yet its demo-dated snapshots still belong to demo runs, so they go with the demo
 * data when the first real data is published. The app_state row `demo_data` records the load's
 * progress, so an interrupted load is detected and redone.
 */

export type DemoLoadResult =
  | {
      status: "loaded";
      models: number;
      snapshots: number;
      dates: number;
      firstDate: string;
      lastDate: string;
      generator: string;
      seed: number;
      ms: number;
    }
  | { status: "skipped"; reason: string };

export type DemoRemoveResult = DemoRowsRemoved & { ms: number };

type DemoState = {
  status: "loading" | "loaded";
  generator: string;
  seed: number;
  models?: number;
  snapshots?: number;
  firstDate?: string;
  lastDate?: string;
};

export type DemoLoadOptions = {
  /** Called after each snapshot date is written */
  onProgress?: (p: { date: string; dateIndex: number; dates: number; snapshots: number }) => void;
};

/**
 * Loads the bundled demo file into an EMPTY database (no models at all); returns "skipped" with
 * the reason otherwise. Streams the file date by date, each date under its own demo run and in one
 * transaction through the write path every writer uses, its models marked demo in it. Then
 * publishes. Holds the write lock, so it never runs beside an ingestion.
 */
export async function loadDemoData(
  db: Database,
  file: string = demoDataPath(),
  options: DemoLoadOptions = {},
): Promise<DemoLoadResult> {
  const started = performance.now();
  let release: () => Promise<void>;
  try {
    release = await acquireIngestLock(db);
  } catch (error) {
    if (error instanceof IngestBusyError)
      return { status: "skipped", reason: "an ingestion run is in progress" };
    throw error;
  }
  try {
    const existing = await db.prisma.model.count();
    if (existing > 0) {
      const state = await readState(db);
      const real = await db.prisma.model.count({ where: { demo: false } });
      if (!(state?.status === "loading" && real === 0)) {
        return {
          status: "skipped",
          reason:
            real === 0
              ? "demo data is already loaded"
              : `the database already holds ${real} models (not empty)`,
        };
      }
      // A previous load stopped half-way: start again from nothing.
      await inTransaction(db, (tx) => deleteDemoRows(tx.client));
    }
    await ensureRegistrySynced(db);

    let header: DemoHeader | null = null;
    const writer = snapshotWriter(db, { keepKnown: false });
    const models: DemoModel[] = [];
    let snapshots = 0;
    let dateIndex = 0;
    for await (const event of readDemoFile(file)) {
      if (event.kind === "header") {
        header = event.header;
        await writeState(db, { status: "loading", generator: header.generator, seed: header.seed });
      } else if (event.kind === "model") {
        models.push(event.model);
      } else {
        const run = await db.prisma.ingestRun.create({
          data: {
            asOf: new Date(`${event.date}T00:00:00Z`),
            trigger: DEMO_TRIGGER,
            source: "demo",
            options: { demo: true },
          },
        });
        // Every writer's path (the one a backfill takes: later dates write known models by id);
        // the date's new models are marked demo in the same transaction.
        const records = event.rows.map((row) => toRecord(models[row.model] as DemoModel, row));
        await writer.write(records, event.date, {
          runId: run.id,
          alsoInTransaction: async (tx) => {
            await tx.query(
              `UPDATE model SET demo = true WHERE NOT demo
                 AND id IN (SELECT model_id FROM model_snapshot WHERE date = $1::date AND run_id = $2)`,
              [event.date, run.id],
            );
          },
        });
        const pages = 1;
        const population = event.rows.length;
        await db.prisma.ingestRun.update({
          where: { id: run.id },
          data: {
            status: "succeeded",
            finishedAt: new Date(),
            pages,
            modelsSeen: population,
            snapshotsWritten: population,
            population,
            cursor: { phase: "done" },
          },
        });
        snapshots += population;
        options.onProgress?.({ date: event.date, dateIndex, dates: header?.dates.length ?? 0, snapshots });
        dateIndex++;
      }
    }
    if (!header) throw new Error(`${file} has no header`);
    await writer.finish();
    await publish(db, "all", { realData: false });
    const firstDate = header.dates[0] ?? "";
    const lastDate = header.dates[header.dates.length - 1] ?? "";
    await writeState(db, {
      status: "loaded",
      generator: header.generator,
      seed: header.seed,
      models: models.length,
      snapshots,
      firstDate,
      lastDate,
    });
    return {
      status: "loaded",
      models: models.length,
      snapshots,
      dates: dateIndex,
      firstDate,
      lastDate,
      generator: header.generator,
      seed: header.seed,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    await release();
  }
}

/**
 * Removes every demo row and publishes what is left (the lock is the caller's: the first real
 * publish does this itself, lib/publish).
 */
export async function removeDemoData(db: Database): Promise<DemoRemoveResult> {
  const started = performance.now();
  const removed = await inTransaction(db, async (tx) => {
    const rows = await deleteDemoRows(tx.client);
    if (rows.models + rows.snapshots + rows.runs > 0) {
      await publishIn(tx, "all", { realData: false });
      await bumpDataVersion(tx.client);
    }
    return rows;
  });
  return { ...removed, ms: Math.round(performance.now() - started) };
}

function toRecord(m: DemoModel, row: DemoSnapshot): ModelRecord {
  const created = m.createdAt === null ? null : new Date(m.createdAt);
  return {
    hubId: m.hubId,
    namespace: m.hubId.slice(0, m.hubId.indexOf("/")),
    createdAt: created,
    lastModified: created,
    pipelineTag: m.pipelineTag,
    libraryName: m.libraryName,
    license: m.license,
    gated: m.gated,
    parameters: m.parameters === null ? null : BigInt(m.parameters),
    baseModels: m.baseModels,
    baseRelation: m.baseRelation,
    downloads: BigInt(row.downloads),
    downloadsAllTime: BigInt(row.downloadsAllTime),
    likes: row.likes,
  };
}

async function readState(db: Database): Promise<DemoState | null> {
  const row = await db.prisma.appState.findUnique({ where: { key: DEMO_STATE_KEY } });
  if (!row) return null;
  try {
    return JSON.parse(row.value) as DemoState;
  } catch {
    return null;
  }
}

async function writeState(db: Database, state: DemoState): Promise<void> {
  const value = JSON.stringify(state);
  await db.prisma.appState.upsert({
    where: { key: DEMO_STATE_KEY },
    create: { key: DEMO_STATE_KEY, value },
    update: { value },
  });
}
