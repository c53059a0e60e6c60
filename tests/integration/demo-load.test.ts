import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getFreshness } from "@/lib/analytics/freshness";
import type { Database } from "@/lib/db";
import { DEMO_MANIFEST_FILE, demoDataDir } from "@/lib/demo/format";
import { loadDemoData, removeDemoData } from "@/lib/demo/load";
import { hubSource } from "@/lib/ingest/hub-source";
import { runDailyIngest } from "@/lib/ingest/job";
import { ingestOptionsSchema } from "@/lib/ingest/options";
import { publish } from "@/lib/publish/publish";
import { DEMO_STATE_KEY, DEMO_TRIGGER, hasDemoData } from "@/lib/store/demo-rows";
import { writeSnapshots } from "@/lib/store/write-snapshots";
import { CALIBRATION_WINDOW, calibrationOf, type DemoManifest, demoFileContent } from "@/tools/demo/bundle";
import { type DemoDataset, generateDemoDataset } from "@/tools/demo/generate";
import { modelRecord } from "../factories/model-record";
import { makeFakeModels } from "../fake-hub/server";
import { snapshotsWithModel } from "../helpers/snapshots";
import { suiteDatabase, suiteFakeHub } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

/** A small demo file: every 25th model alive on 2025-08-31 (and their bases), 6 dates. */
function smallDataset(ds: DemoDataset): DemoDataset {
  const dateIdx = ds.dates
    .map((d, i) => [d, i] as const)
    .filter(([d]) => d >= "2025-07-27" && d <= "2025-08-31");
  const last = dateIdx.at(-1)?.[1] ?? 0;
  const keep = new Set<number>();
  (ds.snapshots[last] ?? []).forEach((r, k) => {
    if (k % 25 === 0) keep.add(r.model);
  });
  const byId = new Map(ds.models.map((m, i) => [m.hubId, i]));
  for (const i of [...keep]) {
    const base = byId.get(ds.models[i]?.baseModels[0] ?? "");
    if (base !== undefined && (ds.snapshots[last] ?? []).some((r) => r.model === base)) keep.add(base);
  }
  const order = [...keep].sort((a, b) => a - b);
  const remap = new Map(order.map((old, i) => [old, i]));
  return {
    ...ds,
    models: order.map((i) => ds.models[i] as DemoDataset["models"][number]),
    dates: dateIdx.map(([d]) => d),
    snapshots: dateIdx.map(([, i]) =>
      (ds.snapshots[i] ?? [])
        .filter((r) => remap.has(r.model))
        .map((r) => ({ ...r, model: remap.get(r.model) ?? 0 })),
    ),
  };
}

async function counts(db: Database) {
  const [row] = await db.prisma.$queryRaw<
    { models: number; demo: number; snapshots: number; runs: number; rollups: number; unregistered: number }[]
  >`SELECT (SELECT count(*) FROM model)::int AS models,
      (SELECT count(*) FROM model WHERE demo)::int AS demo,
      (SELECT count(*) FROM model_snapshot)::int AS snapshots,
      (SELECT count(*) FROM ingest_run WHERE trigger = ${DEMO_TRIGGER})::int AS runs,
      (SELECT count(*) FROM share_rollup)::int AS rollups,
      (SELECT count(*) FROM organization WHERE NOT in_registry)::int AS unregistered`;
  return row;
}

let dir: string;
let smallFile: string;
let small: DemoDataset;
let full: DemoDataset;
let manifest: DemoManifest;

beforeAll(async () => {
  manifest = JSON.parse(await readFile(path.join(demoDataDir(), DEMO_MANIFEST_FILE), "utf8")) as DemoManifest;
  full = generateDemoDataset();
  small = smallDataset(full);
  dir = await mkdtemp(path.join(tmpdir(), "oms-demo-load-"));
  smallFile = path.join(dir, "small.jsonl.gz");
  await writeFile(smallFile, gzipSync(demoFileContent(small).text));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each(testBackends())("demo data on %s", (backend) => {
  const db = suiteDatabase(backend);

  it("loads the bundled file into an empty database: demo rows, one run per date, rollups", async () => {
    const result = await loadDemoData(db);
    console.info(`[demo-load ${backend}] ${JSON.stringify(result)}`);
    expect(result).toMatchObject({
      status: "loaded",
      models: manifest.models,
      snapshots: manifest.snapshots,
      dates: manifest.dates.count,
      lastDate: "2026-11-22",
    });
    const c = await counts(db);
    expect(c).toMatchObject({
      models: manifest.models,
      demo: manifest.models,
      snapshots: manifest.snapshots,
    });
    expect(c?.runs).toBe(manifest.dates.count);
    expect(await db.prisma.ingestRun.count({ where: { NOT: { status: "succeeded" } } })).toBe(0);
    const dates = await db.prisma.$queryRaw<
      { n: number }[]
    >`SELECT count(DISTINCT date)::int AS n FROM share_rollup`;
    expect(dates[0]?.n).toBe(manifest.dates.count);
    expect((await getFreshness(db)).demo).toBe(true);
    expect(await hasDemoData(db)).toBe(true);

    // The manifest's figures are what the site's own queries answer on the bundled file.
    const measured = await calibrationOf(db, manifest.dates);
    expect(measured).toEqual(manifest.calibration);
    // Calibrated near the study: new models' shares to Aug 2025, China ahead of the US.
    const { developer, lineage } = measured;
    expect(developer.CN).toBeGreaterThan(0.14);
    expect(developer.CN).toBeLessThan(0.21);
    expect(developer.US).toBeGreaterThan(0.13);
    expect(developer.US).toBeLessThan(0.2);
    expect(developer.CN).toBeGreaterThan(developer.US);
    expect(developer.INTL).toBeGreaterThan(0.18);
    expect(developer.INTL).toBeLessThan(0.28);
    expect(developer.UNKNOWN).toBeGreaterThan(0.05);
    // Lineage attribution moves the tail's fine-tunes to their bases' countries.
    expect(lineage.CN).toBeGreaterThan(developer.CN + 0.1);
    expect(lineage.UNKNOWN).toBeLessThan(developer.UNKNOWN);
    // The US leads new-model downloads in 2024; China overtakes in 2025 and stays ahead.
    const crossings = measured.crossovers;
    expect(crossings.length).toBeGreaterThan(0);
    expect(crossings[0]?.leader).toBe("CN");
    expect(crossings[0]?.date.slice(0, 4)).toBe("2025");
    expect(crossings.at(-1)?.leader).toBe("CN");
    expect(crossings.at(-1)?.date.slice(0, 4)).toBe("2025");
    expect(CALIBRATION_WINDOW.from < CALIBRATION_WINDOW.to).toBe(true);
    const big = await db.prisma.modelSnapshot.count({ where: { downloadsAllTime: { gt: 2n ** 31n } } });
    expect(big).toBeGreaterThan(0);
  }, 240_000);

  it("refuses to load twice", async () => {
    expect(await loadDemoData(db)).toEqual({ status: "skipped", reason: "demo data is already loaded" });
  });

  it("removeDemoData leaves no demo rows, runs, namespaces or rollups", async () => {
    const removed = await removeDemoData(db);
    expect(removed).toMatchObject({
      models: manifest.models,
      snapshots: manifest.snapshots,
      runs: manifest.dates.count,
    });
    expect(await counts(db)).toEqual({
      models: 0,
      demo: 0,
      snapshots: 0,
      runs: 0,
      rollups: 0,
      unregistered: 0,
    });
    expect(await db.prisma.appState.findUnique({ where: { key: DEMO_STATE_KEY } })).toBeNull();
    expect((await getFreshness(db)).demo).toBe(false);
    expect(await removeDemoData(db)).toMatchObject({ models: 0, snapshots: 0, runs: 0 });
  });

  it("refuses a database that already holds real models", async () => {
    await writeSnapshots(db, [modelRecord({ hubId: "real-org/real-model" })], "2026-11-29", { runId: null });
    const result = await loadDemoData(db, smallFile);
    expect(result).toEqual({ status: "skipped", reason: "the database already holds 1 models (not empty)" });
    expect((await counts(db))?.models).toBe(1);
    await db.prisma.modelSnapshot.deleteMany({});
    await db.prisma.model.deleteMany({});
    await db.prisma.organization.deleteMany({ where: { inRegistry: false } });
  });

  it("redoes a load that was interrupted", async () => {
    expect((await loadDemoData(db, smallFile)).status).toBe("loaded");
    const once = await counts(db);
    await db.prisma.appState.update({
      where: { key: DEMO_STATE_KEY },
      data: { value: JSON.stringify({ status: "loading", generator: "x", seed: 1 }) },
    });
    expect((await loadDemoData(db, smallFile)).status).toBe("loaded");
    expect(await counts(db)).toEqual(once);
    expect(once?.models).toBe(small.models.length);
  });

  it("after a real run re-crawls a demo model, removal keeps only the real rows", async () => {
    const taken = small.models[0]?.hubId as string;
    const run = await db.prisma.ingestRun.create({
      data: { asOf: new Date("2026-11-29T00:00:00Z"), status: "succeeded", trigger: "cli" },
    });
    await writeSnapshots(
      db,
      [
        modelRecord({ hubId: taken, downloads: 10n, downloadsAllTime: 999_999_999n }),
        modelRecord({ hubId: "real-org/new-model", downloads: 5n, downloadsAllTime: 50n }),
      ],
      "2026-11-29",
      { runId: run.id },
    );
    // Published as a writer that is not real data (so the demo stays until removed below).
    await publish(db, { dates: [run.asOf] }, { realData: false });
    expect(await hasDemoData(db)).toBe(true);
    expect((await db.prisma.model.findUniqueOrThrow({ where: { hubId: taken } })).demo).toBe(false);

    await removeDemoData(db);
    const left = await db.prisma.model.findMany({ orderBy: { hubId: "asc" } });
    expect(left.map((m) => m.hubId).sort()).toEqual([taken, "real-org/new-model"].sort());
    // No snapshot of a removed model is left behind (snapshots have no foreign key).
    expect(
      await db.prisma.modelSnapshot.count({ where: { modelId: { notIn: left.map((m) => m.id) } } }),
    ).toBe(0);
    for (const m of left) {
      expect(m.demo).toBe(false);
      const snapshots = await snapshotsWithModel(db, { id: m.id });
      expect(snapshots.map((s) => [s.date.toISOString().slice(0, 10), s.runId])).toEqual([
        ["2026-11-29", run.id],
      ]);
    }
    const rollupDates = await db.prisma.$queryRaw<{ d: string }[]>`
      SELECT DISTINCT to_char(date, 'YYYY-MM-DD') AS d FROM share_rollup`;
    expect(rollupDates.map((r) => r.d)).toEqual(["2026-11-29"]);
    expect((await counts(db))?.runs).toBe(0);
    expect(await hasDemoData(db)).toBe(false);
  });
});

describe.each(testBackends())("the first real ingestion run on %s", (backend) => {
  const db = suiteDatabase(backend);
  const hub = suiteFakeHub({ models: makeFakeModels(200, 8) });

  it("replaces the demo data: nothing demo is left, the shares come from the real snapshot", async () => {
    expect((await loadDemoData(db, smallFile)).status).toBe("loaded");
    expect((await getFreshness(db)).demo).toBe(true);
    const options = ingestOptionsSchema.parse({ asOf: "2026-11-29", minDownloads: 0 });
    const result = await runDailyIngest({ db, options, hub: hubSource({ endpoint: hub.url, token: null }) });
    expect(result.status).toBe("succeeded");
    expect(await hasDemoData(db)).toBe(false);
    expect(await db.prisma.model.count({ where: { demo: true } })).toBe(0);
    expect(await db.prisma.ingestRun.count({ where: { trigger: DEMO_TRIGGER } })).toBe(0);
    const freshness = await getFreshness(db);
    expect(freshness).toMatchObject({ demo: false, dataAsOf: "2026-11-29", modelsTracked: 200 });
  });
});
