/**
 * 7. The backfill (`npm run backfill -- --dataset hub-weekly`) of one weekly listing of 1,000,000
 * models in a single row group — the worst case for a streaming reader — in the real layout
 * (`_id` first, cards and file lists it never fetches), served by the fake Hub and its CDN on
 * 127.0.0.1 in a process of their own, into Postgres: rows/s over the whole process, its peak RSS
 * (VmHWM), and the share of the file's bytes fetched.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchOptions } from "../lib/bench/args";
import { firstJsonLine, runMeasured as run, spawnTs, stopChild } from "../lib/bench/child";
import { createDatabase, databaseUrl, dropDatabase } from "../lib/bench/pg";
import type { Figure, StepResult } from "../lib/bench/report";
import { log, round } from "../lib/bench/stats";

const MB = 1024 * 1024;

export async function backfillStep(options: BenchOptions, name: string): Promise<StepResult> {
  const models = options.backfillModels;
  const dir = mkdtempSync(path.join(os.tmpdir(), "oms-bench-backfill-"));
  let server: ChildProcess | null = null;
  try {
    const file = path.join(dir, "models.parquet");
    const generated = await run(
      ["--import", "tsx", "bench/backfill-file-child.ts", file, String(models)],
      {},
    );
    if (generated.code !== 0)
      throw new Error(`writing the weekly listing failed:\n${generated.output.slice(-3000)}`);
    process.stderr.write(generated.output);
    const size = statSync(file).size;
    server = spawnTs("bench/fake-datasets-child.ts", [file]);
    const { url } = await firstJsonLine<{ url: string }>(server, "the fake dataset server");
    const dbUrl = databaseUrl(options.adminUrl, name);
    await createDatabase(options.adminUrl, name);
    try {
      const env = { DATABASE_URL: dbUrl, HF_ENDPOINT: url, HF_TOKEN: "" };
      const migrate = await run(["--import", "tsx", "scripts/db-migrate.ts"], env);
      if (migrate.code !== 0) throw new Error(`db:migrate failed:\n${migrate.output}`);
      log("backfilling it into Postgres (the whole process, bundled as npm run backfill runs it)…");
      const result = await run(
        ["--expose-gc", "scripts/run-bundled.mjs", "scripts/backfill.ts", "--dataset", "hub-weekly"],
        env,
      );
      if (result.code !== 0) throw new Error(`the backfill failed:\n${result.output.slice(-3000)}`);
      const fetched = Number(/Fetched ([\d.]+) MB/.exec(result.output)?.[1] ?? Number.NaN) * MB;
      const rate = models / (result.ms / 1000);
      log(
        `  ${Math.round(rate).toLocaleString()} rows/s, peak RSS ${round(result.peak / MB)} MB, ` +
          `${round(fetched / MB)} of ${round(size / MB)} MB fetched`,
      );
      const figures: Figure[] = [
        {
          key: "backfill.rate",
          label: `backfill of a ${(models / 1e6).toLocaleString()}M-model week (one row group) into Postgres, rows/s`,
          value: rate,
          unit: "rows/s",
          budget: { op: ">=", value: 100_000 },
          aim: { op: ">=", value: 250_000 },
          note: "whole process: start, tree listing, ranges from the CDN, decode, population rule, write, publish",
        },
        {
          key: "backfill.peakRss",
          label: "backfill, peak RSS of the process",
          value: result.peak / MB,
          unit: "MB",
          budget: { op: "<=", value: 500 },
        },
        {
          key: "backfill.fetchedShare",
          label: "backfill, bytes fetched / file size",
          value: fetched / size,
          unit: "ratio",
          budget: { op: "<=", value: 0.5 },
          note: "only the columns stored are read",
        },
      ];
      return {
        figures,
        details: {
          fileMB: round(size / MB),
          fetchedMB: round(fetched / MB),
          seconds: round(result.ms / 1000),
          summary: result.output.split("\n").slice(-8),
        },
      };
    } finally {
      if (!options.keep) await dropDatabase(options.adminUrl, name);
    }
  } finally {
    if (server) await stopChild(server);
    rmSync(dir, { recursive: true, force: true });
  }
}
