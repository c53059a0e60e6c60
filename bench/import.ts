/**
 * 6. History import (`npm run import`) of a generated 1,000,000-row Parquet file in the shape of
 * weekly Hub snapshots (nested tags and baseModels columns included): peak RSS of the import
 * process (the kernel's high-water mark, VmHWM) and rows/s, into Postgres and into the embedded
 * PGlite. The file is written by hyparquet-writer in row groups of 100,000 rows.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchOptions } from "../lib/bench/args";
import { runMeasured } from "../lib/bench/child";
import { createDatabase, databaseUrl, dropDatabase } from "../lib/bench/pg";
import type { Figure, StepResult } from "../lib/bench/report";
import { log, round } from "../lib/bench/stats";
import { type HubRow, writeHubStats } from "../tests/fixtures/import/make-files";

const MB = 1024 * 1024;
const MODELS = 50_000;

export async function importStep(options: BenchOptions, name: string): Promise<StepResult> {
  const rows = options.importRows;
  const dir = mkdtempSync(path.join(os.tmpdir(), "oms-bench-import-"));
  try {
    const file = generate(dir, rows);
    const figures: Figure[] = [];
    const details: Record<string, unknown> = {};
    const url = databaseUrl(options.adminUrl, name);
    await createDatabase(options.adminUrl, name);
    try {
      const pg = await measure("postgres", file, rows, { DATABASE_URL: url });
      figures.push(...pg.figures);
      details.postgres = pg.details;
    } finally {
      if (!options.keep) await dropDatabase(options.adminUrl, name);
    }
    const pgliteDir = path.join(dir, "pglite");
    // As \`npm run import\` runs it: the embedded database with a 32MB buffer cache.
    const lite = await measure("pglite", file, rows, {
      DATABASE_URL: "",
      PGLITE_DIR: pgliteDir,
      PGLITE_SHARED_BUFFERS: "32MB",
    });
    figures.push(...lite.figures);
    details.pglite = lite.details;
    return { figures, details };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function generate(dir: string, rows: number): string {
  log(
    `writing a ${rows.toLocaleString()}-row Parquet file (weekly snapshots of ${MODELS.toLocaleString()} models)…`,
  );
  const weeks = Math.ceil(rows / MODELS);
  const data: HubRow[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const model = i % MODELS;
    const week = Math.floor(i / MODELS);
    data[i] = {
      id: `bench-import-${model % 500}/model-${model}`,
      downloads: BigInt(100 + model),
      downloadsAllTime: BigInt((model + 1) * (week + 1) * 10),
      likes: model % 1000,
      tags: ["transformers", "text-generation", `license:mit`],
      base:
        model % 4 === 0
          ? { relation: "finetune", models: [{ id: `bench-import-base/model-${model % 97}` }] }
          : null,
      date: new Date(Date.UTC(2024, 0, 7 + 7 * week)).toISOString().slice(0, 10),
    };
  }
  const file = writeHubStats(dir, "weekly.parquet", data, "snapshot_date");
  log(`  ${file}: ${weeks} weekly dates`);
  return file;
}

async function measure(kind: "postgres" | "pglite", file: string, rows: number, env: Record<string, string>) {
  const migrate = await run("scripts/db-migrate.ts", [], env);
  if (migrate.code !== 0) throw new Error(`db:migrate for the ${kind} import failed:\n${migrate.output}`);
  log(`importing into ${kind}…`);
  const result = await run("scripts/import.ts", [file], env);
  if (result.code !== 0) throw new Error(`the ${kind} import failed:\n${result.output.slice(-3000)}`);
  const rate = rows / (result.ms / 1000);
  log(`  ${kind}: peak RSS ${round(result.peak / MB)} MB, ${Math.round(rate).toLocaleString()} rows/s`);
  const figures: Figure[] = [
    {
      key: `import.${kind}.peakRss`,
      label: `import of ${(rows / 1e6).toLocaleString()}M Parquet rows into ${kind === "postgres" ? "Postgres" : "PGlite"}, peak RSS`,
      value: result.peak / MB,
      unit: "MB",
      budget: { op: "<=", value: 500 },
      note:
        kind === "pglite"
          ? "the embedded database runs inside the import process (its own baseline included)"
          : "the import process; Postgres is a separate server",
    },
    {
      key: `import.${kind}.rate`,
      label: `import into ${kind === "postgres" ? "Postgres" : "PGlite"}, rows/s`,
      value: rate,
      unit: "rows/s",
      note: "whole process: start, registry check, read, write, publish",
    },
  ];
  return {
    figures,
    details: {
      peakMB: round(result.peak / MB),
      seconds: round(result.ms / 1000),
      summary: result.output.split("\n").slice(-12),
    },
  };
}

/** Runs a script in its own process the way the npm scripts do: db:migrate through tsx, the import bundled. */
function run(script: string, args: string[], env: Record<string, string>) {
  const argv =
    script === "scripts/import.ts"
      ? ["--expose-gc", "scripts/run-bundled.mjs", script, ...args]
      : ["--import", "tsx", script, ...args];
  return runMeasured(argv, env);
}
