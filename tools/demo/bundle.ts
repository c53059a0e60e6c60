import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { getShareOverTime } from "../../lib/analytics/share-over-time";
import { type Database, openDatabase } from "../../lib/db";
import { migrateDatabase } from "../../lib/db/migrate/run";
import { DEMO_DATA_FILE, DEMO_FORMAT, DEMO_FORMAT_VERSION, DEMO_MANIFEST_FILE } from "../../lib/demo/format";
import { loadDemoData } from "../../lib/demo/load";
import type { Region } from "../../lib/domain/regions";
import { shareQuerySchema } from "../../lib/domain/share-query";
import { type DemoDataset, generateDemoDataset } from "./generate";
import { demoFileLines } from "./write-file";

/** The study window the generator is calibrated on (snapshot dates, inclusive). */
export const CALIBRATION_WINDOW = { from: "2024-09-01", to: "2025-08-31" } as const;

export type RegionTotals = Record<Region, number>;

export type DemoCalibration = {
  window: { from: string; to: string };
  cohort: "new-12m";
  metric: "downloads";
  developer: RegionTotals;
  lineage: RegionTotals;
  /** Weekly new-12m developer shares: dates where the leader between CN and US changes */
  crossovers: { date: string; leader: string; previousLeader: string }[];
};

export type DemoManifest = {
  format: typeof DEMO_FORMAT;
  version: number;
  generator: string;
  seed: number;
  file: string;
  /** Size of the gzipped file; its bytes may differ across zlib builds, the content does not */
  bytes: number;
  /** SHA-256 of the uncompressed content: the determinism check */
  sha256: string;
  models: number;
  snapshots: number;
  dates: { first: string; last: string; count: number; interval: "week" };
  calibration: DemoCalibration;
  notes: string;
};

/** The uncompressed file content and its SHA-256. */
export function demoFileContent(ds: DemoDataset): { text: string; sha256: string } {
  const text = `${[...demoFileLines(ds)].join("\n")}\n`;
  return { text, sha256: createHash("sha256").update(text).digest("hex") };
}

const round = (shares: Record<string, number | null>): RegionTotals =>
  Object.fromEntries(
    Object.entries(shares).map(([k, v]) => [k, Math.round((v ?? 0) * 10_000) / 10_000]),
  ) as RegionTotals;

/**
 * What the site shows for the study's question on a database holding the demo data: computed by
 * the same queries every page uses (the rollups and getShareOverTime), never a second
 * implementation of the share rules.
 */
export async function calibrationOf(
  db: Database,
  dates: { first: string; last: string },
): Promise<DemoCalibration> {
  const regionShares = async (attribution: "developer" | "lineage") => {
    const result = await getShareOverTime(
      db,
      shareQuerySchema.parse({
        metric: "downloads",
        cohort: "new-12m",
        attribution,
        from: CALIBRATION_WINDOW.from,
        to: CALIBRATION_WINDOW.to,
      }),
    );
    return round(Object.fromEntries(result.series.map((s) => [s.key, s.share])));
  };
  const weekly = await getShareOverTime(
    db,
    shareQuerySchema.parse({
      metric: "downloads",
      cohort: "new-12m",
      interval: "week",
      from: dates.first,
      to: dates.last,
    }),
  );
  return {
    window: { ...CALIBRATION_WINDOW },
    cohort: "new-12m",
    metric: "downloads",
    developer: await regionShares("developer"),
    lineage: await regionShares("lineage"),
    crossovers: weekly.crossover?.dates ?? [],
  };
}

/** Loads a demo file into a new in-memory database and measures it as the site would. */
async function calibrate(file: string, dates: { first: string; last: string }): Promise<DemoCalibration> {
  const db = await openDatabase({ kind: "pglite-memory" });
  try {
    await migrateDatabase(db);
    const loaded = await loadDemoData(db, file);
    if (loaded.status !== "loaded") throw new Error(`the demo file did not load: ${loaded.reason}`);
    return await calibrationOf(db, dates);
  } finally {
    await db.close();
  }
}

/** Generates the dataset and writes the gzipped file and its manifest into `dir`. */
export async function writeDemoBundle(
  dir: string,
  seed?: number,
): Promise<{ manifest: DemoManifest; file: string }> {
  const ds = generateDemoDataset(seed);
  const { text, sha256 } = demoFileContent(ds);
  const gz = gzipSync(text, { level: 9 });
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, DEMO_DATA_FILE);
  await writeFile(file, gz);
  const dates = { first: ds.dates[0] ?? "", last: ds.dates[ds.dates.length - 1] ?? "" };
  const manifest: DemoManifest = {
    format: DEMO_FORMAT,
    version: DEMO_FORMAT_VERSION,
    generator: ds.generator,
    seed: ds.seed,
    file: DEMO_DATA_FILE,
    bytes: gz.length,
    sha256,
    models: ds.models.length,
    snapshots: ds.snapshots.reduce((n, rows) => n + rows.length, 0),
    dates: { ...dates, count: ds.dates.length, interval: "week" },
    calibration: await calibrate(file, dates),
    notes:
      "DEMO DATA, not measurements: generated by npm run demo:generate (tools/demo/generate.ts documents every assumption). Model names from the ATOM Project's tracked-models list (Interconnects-AI/tracked-models, Apache-2.0).",
  };
  await writeFile(path.join(dir, DEMO_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, file };
}
