/**
 * 7. The backfill (`npm run backfill -- --dataset hub-weekly`) of one weekly listing of 1,000,000
 * models in a single row group — the worst case for a streaming reader — in the real layout
 * (`_id` first, cards and file lists it never fetches), served by the fake Hub and its CDN on
 * 127.0.0.1 in a process of their own: rows/s over the whole process, its peak RSS (VmHWM), and
 * the share of the file's bytes fetched.
 * - `backfill`: the crawl's population rule keeps one model in eight; into Postgres.
 * - `backfill-all`: a listing shaped like the real ones (≈ 90k namespaces, 7 tags, safetensors,
 *   base models on a third) with `--min-downloads 0`: every model kept, all of them new to the
 *   database; into Postgres (the budgets), then into PGlite (reported).
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchOptions } from "../lib/bench/args";
import { firstJsonLine, runMeasured as run, spawnTs, stopChild } from "../lib/bench/child";
import { createDatabase, databaseUrl, dropDatabase } from "../lib/bench/pg";
import type { Figure, StepResult } from "../lib/bench/report";
import { fittedGrowth, log, round } from "../lib/bench/stats";

const MB = 1024 * 1024;

type Variant = {
  /** The listing bench/backfill-file-child.ts writes */
  shape: "kept-few" | "real";
  /** --min-downloads, when not the command's default */
  minDownloads?: number;
  /** Figures' keys start with it */
  key: string;
  /** What the label says of the run */
  describe: string;
  budgets: { rate: number; aim?: number; peakRss: number };
  /** Also into PGlite (figures without budgets) */
  pglite: boolean;
};

const VARIANTS: Record<"backfill" | "backfill-all", Variant> = {
  backfill: {
    shape: "kept-few",
    key: "backfill",
    describe: "(one row group, one model in eight kept)",
    budgets: { rate: 100_000, aim: 250_000, peakRss: 500 },
    pglite: false,
  },
  "backfill-all": {
    shape: "real",
    minDownloads: 0,
    key: "backfill.allKept",
    describe: "shaped like the real ones, --min-downloads 0 (every model kept, all new)",
    budgets: { rate: 100_000, peakRss: 500 },
    pglite: true,
  },
};

export async function backfillStep(
  options: BenchOptions,
  name: string,
  step: keyof typeof VARIANTS = "backfill",
): Promise<StepResult> {
  const variant = VARIANTS[step];
  const models = options.backfillModels;
  const dir = mkdtempSync(path.join(os.tmpdir(), "oms-bench-backfill-"));
  let server: ChildProcess | null = null;
  try {
    const file = path.join(dir, "models.parquet");
    const generated = await run(
      ["--import", "tsx", "bench/backfill-file-child.ts", file, String(models), variant.shape],
      {},
    );
    if (generated.code !== 0)
      throw new Error(`writing the weekly listing failed:\n${generated.output.slice(-3000)}`);
    process.stderr.write(generated.output);
    const size = statSync(file).size;
    server = spawnTs("bench/fake-datasets-child.ts", [file]);
    const { url } = await firstJsonLine<{ url: string }>(server, "the fake dataset server");
    const hub = { HF_ENDPOINT: url, HF_TOKEN: "" };
    const figures: Figure[] = [];
    const details: Record<string, unknown> = { fileMB: round(size / MB) };
    const dbUrl = databaseUrl(options.adminUrl, name);
    await createDatabase(options.adminUrl, name);
    try {
      const pg = await measure(variant, "postgres", models, size, { DATABASE_URL: dbUrl, ...hub });
      figures.push(...pg.figures);
      details.postgres = pg.details;
    } finally {
      if (!options.keep) await dropDatabase(options.adminUrl, name);
    }
    if (variant.pglite) {
      // As `npm run backfill` runs it without DATABASE_URL: the embedded database, 32MB of buffers.
      const lite = await measure(variant, "pglite", models, size, {
        DATABASE_URL: "",
        PGLITE_DIR: path.join(dir, "pglite"),
        PGLITE_SHARED_BUFFERS: "32MB",
        ...hub,
      });
      figures.push(...lite.figures);
      details.pglite = lite.details;
    }
    return { figures, details };
  } finally {
    if (server) await stopChild(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(
  variant: Variant,
  kind: "postgres" | "pglite",
  models: number,
  size: number,
  env: Record<string, string>,
): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const migrate = await run(["--import", "tsx", "scripts/db-migrate.ts"], env);
  if (migrate.code !== 0) throw new Error(`db:migrate (${kind}) failed:\n${migrate.output}`);
  log(`backfilling it into ${kind} (the whole process, bundled as npm run backfill runs it)…`);
  const args = ["--dataset", "hub-weekly"];
  if (variant.minDownloads !== undefined) args.push("--min-downloads", String(variant.minDownloads));
  const result = await run(["--expose-gc", "scripts/run-bundled.mjs", "scripts/backfill.ts", ...args], env);
  if (result.code !== 0) throw new Error(`the backfill (${kind}) failed:\n${result.output.slice(-3000)}`);
  const fetched = Number(/Fetched ([\d.]+) MB/.exec(result.output)?.[1] ?? Number.NaN) * MB;
  const rate = models / (result.ms / 1000);
  const memory = memoryOverRows(result);
  const trend = variant.shape === "real" ? `, RSS trend over the rows ${round(memory.growth / MB)} MB` : "";
  log(
    `  ${kind}: ${Math.round(rate).toLocaleString()} rows/s, peak RSS ${round(result.peak / MB)} MB${trend}, ` +
      `${round(fetched / MB)} of ${round(size / MB)} MB fetched`,
  );
  const key = kind === "postgres" ? variant.key : `${variant.key}.pglite`;
  const where = kind === "postgres" ? "Postgres" : "PGlite";
  const budgeted = kind === "postgres";
  const figures: Figure[] = [
    {
      key: `${key}.rate`,
      label: `backfill of a ${(models / 1e6).toLocaleString()}M-model week ${variant.describe} into ${where}, rows/s`,
      value: rate,
      unit: "rows/s",
      ...(budgeted ? { budget: { op: ">=" as const, value: variant.budgets.rate } } : {}),
      ...(budgeted && variant.budgets.aim ? { aim: { op: ">=" as const, value: variant.budgets.aim } } : {}),
      note: "whole process: start, tree listing, ranges from the CDN, decode, population rule, write, publish",
    },
    {
      key: `${key}.peakRss`,
      label: `backfill into ${where}, peak RSS of the process`,
      value: result.peak / MB,
      unit: "MB",
      ...(budgeted ? { budget: { op: "<=" as const, value: variant.budgets.peakRss } } : {}),
      ...(kind === "pglite" ? { note: "the embedded database runs inside the backfill's process" } : {}),
    },
  ];
  if (variant.shape === "real")
    figures.push({
      key: `${key}.rssGrowth`,
      label: `backfill into ${where}, RSS trend from 25% to 100% of the rows written`,
      value: memory.growth / MB,
      unit: "MB",
      note: "least-squares fit of RSS vs rows read while the file is written: flat = nothing kept per row",
    });
  if (kind === "postgres" && variant.shape === "kept-few")
    figures.push({
      key: "backfill.fetchedShare",
      label: "backfill, bytes fetched / file size",
      value: fetched / size,
      unit: "ratio",
      budget: { op: "<=", value: 0.5 },
      note: "only the columns stored are read",
    });
  return {
    figures,
    details: {
      fetchedMB: round(fetched / MB),
      seconds: round(result.ms / 1000),
      publishSeconds: Number(/publishing took ([\d.]+) s/.exec(result.output)?.[1] ?? Number.NaN),
      ...(variant.shape === "real" ? { rssMB: memory.at } : {}),
      summary: result.output.split("\n").slice(-8),
    },
  };
}

/**
 * RSS against the rows read, from the reporter's progress lines (a line at each quarter of the
 * file: "…: 250,000 rows, 250,000 kept") and the RSS sampled meanwhile, until publishing starts.
 */
function memoryOverRows(result: Awaited<ReturnType<typeof run>>) {
  const marks: [number, number][] = [[0, 0]];
  let publishAt = result.ms;
  for (const [ms, text] of result.chunks) {
    for (const m of text.matchAll(/: ([\d,]+) rows(?:, | read)/g))
      marks.push([ms, Number(m[1]?.replace(/,/g, ""))]);
    if (/Publishing:/.test(text)) publishAt = Math.min(publishAt, ms);
  }
  const rows = marks.at(-1)?.[1] ?? 0;
  /** Rows read by `ms`, between the marks around it. */
  const rowsAt = (ms: number): number => {
    const after = marks.findIndex(([t]) => t >= ms);
    if (after <= 0) return after === 0 ? 0 : rows;
    const [t0, r0] = marks[after - 1] as [number, number];
    const [t1, r1] = marks[after] as [number, number];
    return r0 + ((r1 - r0) * (ms - t0)) / Math.max(1, t1 - t0);
  };
  const points = result.samples
    .filter(([ms]) => ms < publishAt)
    .map(([ms, rss]) => [rowsAt(ms), rss] as [number, number])
    .filter(([r]) => r >= 0.25 * rows);
  const at = (fraction: number) =>
    round((points.find(([r]) => r >= fraction * rows)?.[1] ?? Number.NaN) / MB);
  return {
    growth: fittedGrowth(points),
    at: { at25: at(0.25), at50: at(0.5), at75: at(0.75), at100: at(1), peak: round(result.peak / MB) },
  };
}
