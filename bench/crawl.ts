/**
 * 4. Peak RSS of the daily ingest job crawling `crawlModels` models from the fake Hub: the Hub and
 * the job each run in a child process of their own, the job samples its own RSS every 250 ms.
 * The scratch database has no registry, so the crawl is the global listing (the registry's
 * per-namespace listings would make the fake Hub scan its whole lazy population per namespace).
 */
import type { BenchOptions } from "../lib/bench/args";
import { firstJsonLine, spawnBundled, spawnTs, stopChild } from "../lib/bench/child";
import { createDatabase, databaseUrl, dropDatabase } from "../lib/bench/pg";
import type { StepResult } from "../lib/bench/report";
import { fittedGrowth, log, round } from "../lib/bench/stats";
import { openDatabase } from "../lib/db";
import { migrateDatabase } from "../lib/db/migrate/run";
import type { CrawlChildResult } from "./crawl-child";

const MB = 1024 * 1024;

export async function crawl(options: BenchOptions, name: string): Promise<StepResult> {
  const n = options.crawlModels;
  const url = databaseUrl(options.adminUrl, name);
  await createDatabase(options.adminUrl, name);
  const hub = spawnTs("bench/fake-hub-child.ts", [String(n)]);
  try {
    const db = await openDatabase({ kind: "postgres", url });
    await migrateDatabase(db);
    await db.close();
    const { url: hubUrl } = await firstJsonLine<{ url: string }>(hub, "fake Hub");
    log(`crawling ${n.toLocaleString()} models from the fake Hub at ${hubUrl}…`);
    const job = spawnBundled("bench/crawl-child.ts", [], {
      DATABASE_URL: url,
      BENCH_HUB_URL: hubUrl,
      ...(options.crawlNodeOptions ? { NODE_OPTIONS: options.crawlNodeOptions } : {}),
    });
    const result = await firstJsonLine<CrawlChildResult>(job, "crawl");
    await stopChild(job);
    if (result.models !== n) throw new Error(`crawl ${result.status} with ${result.models} of ${n} models`);
    if (result.error) log(`  the run failed after crawling every model: ${result.error}`);
    return summarize(result, n, options.crawlModels < 2_000_000);
  } finally {
    await stopChild(hub);
    if (!options.keep) await dropDatabase(options.adminUrl, name);
  }
}

function summarize(r: CrawlChildResult, n: number, partial: boolean): StepResult {
  const rss = r.samples.map(([, bytes]) => bytes);
  const peak = Math.max(...rss);
  // Flatness: the least-squares trend of RSS against models written, from 10% to the end.
  const growth = fittedGrowth(r.samples.filter(([, , m]) => m >= 0.1 * n).map(([, bytes, m]) => [m, bytes]));
  const per100k = r.crawlMs / (n / 100_000) / 1000;
  const at = (fraction: number) => r.samples.find(([, , m]) => m >= fraction * n)?.[1] ?? null;
  const heapPeak = Math.max(...r.samples.map(([, , , heap]) => heap));
  log(
    `  peak RSS ${round(peak / MB)} MB; ${round(per100k)} s per 100k models; publish ${round(r.publishMs / 1000)} s`,
  );
  return {
    figures: [
      {
        key: "crawl.peakRss",
        label: `crawl peak RSS, ${(n / 1e6).toLocaleString()}M models`,
        value: peak / MB,
        unit: "MB",
        budget: { op: "<=", value: 300 },
        note: `V8 heap used peaks at ${Math.round(heapPeak / MB)} MB${partial ? "; part of the 2M crawl: --crawl-models 2000000 for the full size" : ""}`,
      },
      {
        key: "crawl.rssGrowth",
        label: "crawl RSS trend from 10% to 100% of the models",
        value: growth / MB,
        unit: "MB",
        budget: { op: "<=", value: 50 },
        note: "least-squares fit of RSS vs models written: flat = streamed pages",
      },
      { key: "crawl.per100k", label: "crawl time per 100k models", value: per100k, unit: "s" },
      {
        key: "crawl.publish",
        label: "publish after the crawl (lineage + rollups)",
        value: r.error ? null : r.publishMs / 1000,
        unit: "s",
        note: r.error ? `the run FAILED after the crawl: ${r.error}` : "",
      },
    ],
    details: {
      status: r.status,
      error: r.error,
      models: r.models,
      pages: r.pages,
      crawlMs: r.crawlMs,
      publishMs: r.publishMs,
      rssMB: {
        start: round((rss[0] ?? 0) / MB),
        at10: round((at(0.1) ?? 0) / MB),
        at50: round((at(0.5) ?? 0) / MB),
        at100: round((at(1) ?? 0) / MB),
        peak: round(peak / MB),
        heapUsedPeak: round(heapPeak / MB),
      },
      /** [ms, RSS MB, models, heap used MB] every second */
      samples: r.samples
        .filter((_, i) => i % 4 === 0)
        .map(([ms, bytes, m, heap]) => [ms, round(bytes / MB), m, round(heap / MB)]),
    },
  };
}
