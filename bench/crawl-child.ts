/**
 * The daily ingest job as production runs it (runDailyIngest over hubSource), in a process of its
 * own that samples its RSS every 250 ms. Env: DATABASE_URL, BENCH_HUB_URL, BENCH_AS_OF.
 * Prints one JSON line: timings and the RSS samples.
 */
import { errorLine } from "../lib/bench/stats";
import { openDatabase } from "../lib/db";
import { RequestPacer } from "../lib/hf/rate-limit";
import { hubSource } from "../lib/ingest/hub-source";
import { runDailyIngest } from "../lib/ingest/job";
import { ingestOptionsSchema } from "../lib/ingest/options";

export type CrawlChildResult = {
  status: string;
  /** Why the run failed, if it did (RSS figures stay valid) */
  error: string | null;
  models: number;
  pages: number;
  crawlMs: number;
  publishMs: number;
  /** [ms since start, RSS bytes, models written so far, V8 heap used bytes] */
  samples: [number, number, number, number][];
};

const endpoint = process.env.BENCH_HUB_URL;
const url = process.env.DATABASE_URL;
if (!endpoint || !url) throw new Error("crawl-child needs BENCH_HUB_URL and DATABASE_URL");

const start = performance.now();
const samples: [number, number, number, number][] = [];
let models = 0;
let pages = 0;
let crawlEnd = 0;
const sample = () => {
  const { rss, heapUsed } = process.memoryUsage();
  samples.push([Math.round(performance.now() - start), rss, models, heapUsed]);
};
sample();
const timer = setInterval(sample, 250);

const db = await openDatabase({ kind: "postgres", url });
try {
  const result = await runDailyIngest({
    db,
    options: ingestOptionsSchema.parse({ asOf: process.env.BENCH_AS_OF ?? "2025-11-01", minDownloads: 0 }),
    trigger: "bench",
    // A local fake Hub: no quota to respect, so a pacer that never waits.
    hub: hubSource({ endpoint, token: null, limit: 1000, pacer: new RequestPacer({ limit: 1e9 }) }),
    reporter: {
      progress: (p) => {
        models = p.models;
        pages = p.pages;
        crawlEnd = performance.now();
        if (p.pages % 100 === 0) process.stderr.write(`  crawl: ${p.models.toLocaleString()} models\n`);
      },
      log: (line) => process.stderr.write(`  ${line}\n`),
    },
  }).catch((error: unknown) => ({
    status: "failed",
    models,
    pages,
    error: errorLine(error).cause,
  }));
  clearInterval(timer);
  sample();
  const end = performance.now();
  const output: CrawlChildResult = {
    status: result.status,
    error: "error" in result && result.error ? result.error : null,
    models: result.models,
    pages: result.pages,
    crawlMs: Math.round(crawlEnd - start),
    publishMs: Math.round(end - crawlEnd),
    samples,
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
} finally {
  clearInterval(timer);
  await db.close();
}
