/**
 * 2. Hot routes of the production build under autocannon on 127.0.0.1: latency percentiles over
 * a cycled list of varied queries after one warm-up pass, requests/s at a fixed concurrency,
 * then the public-API load test (200 connections) watching errors and the server's memory.
 */
import autocannon from "autocannon";
import type { BenchOptions } from "../lib/bench/args";
import { treeRss } from "../lib/bench/child";
import type { Figure, StepResult } from "../lib/bench/report";
import { log, median, percentile, round, timed } from "../lib/bench/stats";

/** Realistic share questions: metrics × intervals × cohorts × attribution × groupBy. */
export function shareQueries(from: string, to: string, recent: string): string[] {
  return [
    "metric=downloads30d&groupBy=region&interval=month",
    "metric=downloads&groupBy=region&interval=week",
    "metric=cumulative&groupBy=region&interval=month",
    "metric=downloads30d&groupBy=country&interval=month",
    "metric=downloads&groupBy=country&interval=month&attribution=lineage",
    "metric=downloads30d&groupBy=lab&interval=week",
    "metric=downloads30d&groupBy=lab&interval=month&top=5",
    "metric=downloads&groupBy=org&interval=month",
    "metric=downloads30d&groupBy=org&interval=week&attribution=lineage",
    "metric=downloads30d&groupBy=region&interval=day",
    "metric=downloads&groupBy=region&interval=day&cohort=new-12m",
    "metric=downloads30d&groupBy=region&interval=month&cohort=new-12m&attribution=lineage",
    "metric=downloads30d&groupBy=country&interval=week&cohort=created-2024",
    "metric=cumulative&groupBy=lab&interval=month&cohort=created-2025",
    "metric=downloads30d&groupBy=region&interval=month&derivatives=exclude",
    "metric=downloads30d&groupBy=region&interval=month&repacks=to-base",
    "metric=downloads&groupBy=country&interval=week&repacks=exclude",
    "metric=downloads&groupBy=lab&interval=week&derivatives=exclude&attribution=lineage",
    "metric=downloads30d&groupBy=lab&interval=month&labs=deepseek,qwen,meta,google",
    "metric=downloads30d&groupBy=country&interval=month&countries=CN,US,FR",
    `metric=downloads30d&groupBy=region&interval=month&from=${from}&to=${to}`,
    `metric=downloads&groupBy=region&interval=week&from=${recent}&to=${to}`,
  ].map((q) => `/api/v1/share?${q}`);
}

/** Share questions scoped to a task, a library or both (read from share_scope, not share_rollup). */
export function filteredShareQueries(from: string, to: string): string[] {
  return [
    "metric=downloads30d&groupBy=region&interval=month&task=text-generation",
    "metric=downloads&groupBy=country&interval=week&task=text-generation",
    "metric=downloads30d&groupBy=lab&interval=month&library=transformers",
    "metric=cumulative&groupBy=region&interval=month&library=gguf",
    "metric=downloads30d&groupBy=org&interval=week&task=text-generation&library=transformers",
    "metric=downloads&groupBy=region&interval=month&task=feature-extraction&cohort=new-12m",
    "metric=downloads30d&groupBy=country&interval=month&library=transformers&attribution=lineage",
    "metric=downloads30d&groupBy=lab&interval=week&task=text-generation&derivatives=exclude",
    "metric=downloads30d&groupBy=region&interval=month&task=text-generation&repacks=to-base",
    "metric=downloads&groupBy=country&interval=month&library=transformers&repacks=exclude",
    `metric=downloads30d&groupBy=region&interval=month&task=text-generation&from=${from}&to=${to}`,
    "metric=downloads30d&groupBy=region&interval=day&library=gguf&cohort=created-2025",
  ].map((q) => `/api/v1/share?${q}`);
}

/** The charts whose sensitivity tables readers open: the overview's views and a few switched ones. */
export function sensitivityQueries(from: string, to: string): string[] {
  return [
    "metric=downloads&cohort=new-12m",
    "metric=downloads30d",
    "metric=downloads&cohort=new-12m&repacks=to-base",
    "metric=downloads&cohort=all&attribution=lineage",
    "metric=downloads30d&task=text-generation&repacks=exclude",
    "metric=cumulative&interval=week&derivatives=exclude",
    `metric=downloads&cohort=new-12m&from=${from}&to=${to}`,
    "metric=downloads&groupBy=lab&cohort=new-12m",
  ].map((q) => `/api/v1/sensitivity?${q}`);
}

/** What each route's warm p95 must stay under, and aims for (DESIGN.md's table), in ms. */
const P95_BUDGETS: Record<string, { budget: number; aim?: number }> = {
  share: { budget: 50, aim: 20 },
  shareFiltered: { budget: 50, aim: 20 },
  sensitivity: { budget: 100 },
};

const MODEL_QUERIES = [
  "limit=25",
  "limit=25&sort=downloadsAllTime",
  "limit=25&page=3",
  "limit=25&country=CN",
  "limit=25&lab=qwen",
  "limit=25&derivatives=exclude",
  "limit=25&task=text-generation",
  "limit=25&q=coder",
].map((q) => `/api/v1/models?${q}`);

type Run = {
  latencies: number[];
  rps: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: number;
  /** Distinct request error messages, with counts */
  errorKinds: Record<string, number>;
};

async function cannon(url: string, paths: string[], connections: number, seconds: number): Promise<Run> {
  const latencies: number[] = [];
  const errorKinds: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, requests: paths.map((path) => ({ method: "GET", path })) },
      (error: Error | null, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
    instance.on("reqError", (error: unknown) => {
      const kind = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    });
  });
  return {
    latencies,
    rps: result.requests.total / result.duration,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
    errorKinds,
  };
}

/** One request per path, in order: status check, and the first (uncached) latency of each. */
async function warmUp(url: string, paths: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const path of paths) {
    const { ms, value: response } = await timed(() => fetch(url + path));
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    times.push(ms);
  }
  return times;
}

export async function http(
  url: string,
  serverPid: number,
  options: BenchOptions,
  range: { from: string; to: string; recent: string },
): Promise<StepResult> {
  const routes = [
    { key: "share", label: "/api/v1/share", paths: shareQueries(range.from, range.to, range.recent) },
    {
      key: "shareFiltered",
      label: "/api/v1/share with task= or library=",
      paths: filteredShareQueries(range.from, range.to),
    },
    {
      key: "sensitivity",
      label: "/api/v1/sensitivity",
      paths: sensitivityQueries(range.from, range.to),
    },
    { key: "labs", label: "/api/v1/labs", paths: ["/api/v1/labs"] },
    { key: "models", label: "/api/v1/models", paths: MODEL_QUERIES },
  ];
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  for (const route of routes) {
    const cold = await warmUp(url, route.paths);
    log(
      `${route.label}: ${route.paths.length} queries warmed (first request median ${round(median(cold))} ms)`,
    );
    // Latency as one client sees it (requests one after another), then throughput under load.
    const single = await cannon(url, route.paths, 1, options.latencySeconds);
    const loaded = await cannon(url, route.paths, options.connections, options.duration);
    const p = (run: Run, q: number) => round(percentile(run.latencies, q));
    const summary = (run: Run) => `p50 ${p(run, 50)} ms, p95 ${p(run, 95)} ms, p99 ${p(run, 99)} ms`;
    log(
      `  1 connection: ${summary(single)}; ${options.connections} connections: ${summary(loaded)}, ${Math.round(loaded.rps)} req/s`,
    );
    const limit = P95_BUDGETS[route.key];
    const failures = (run: Run) =>
      run.errors + run.non2xx > 0
        ? `; ${run.errors} errors (${run.timeouts} timeouts), ${run.non2xx} non-2xx`
        : "";
    figures.push(
      {
        key: `http.${route.key}.p95`,
        label: `${route.label} p95, warm, 1 connection`,
        value: p(single, 95),
        unit: "ms",
        ...(limit ? { budget: { op: "<=", value: limit.budget } } : {}),
        ...(limit?.aim ? { aim: { op: "<=", value: limit.aim } } : {}),
        note: `${route.paths.length} queries cycled; p50 ${p(single, 50)}, p99 ${p(single, 99)} ms${failures(single)}`,
      },
      {
        key: `http.${route.key}.p95Loaded`,
        label: `${route.label} p95, warm, ${options.connections} connections`,
        value: p(loaded, 95),
        unit: "ms",
        note: `p50 ${p(loaded, 50)}, p99 ${p(loaded, 99)} ms${failures(loaded)}`,
      },
      {
        key: `http.${route.key}.rps`,
        label: `${route.label} throughput, ${options.connections} connections`,
        value: loaded.rps,
        unit: "req/s",
      },
    );
    if (route.key === "share") {
      figures.push({
        key: "http.share.firstRequest",
        label: "/api/v1/share first request per query (uncached)",
        value: median(cold),
        unit: "ms",
        note: `median of ${cold.length}; max ${Math.round(Math.max(...cold))} ms`,
      });
    }
    const stats = (run: Run) => ({
      p50: p(run, 50),
      p95: p(run, 95),
      p99: p(run, 99),
      rps: round(run.rps),
      requests: run.requests,
      errors: run.errors,
      non2xx: run.non2xx,
    });
    details[route.key] = {
      queries: route.paths,
      firstRequestMs: cold.map((t) => round(t)),
      oneConnection: stats(single),
      loaded: { connections: options.connections, ...stats(loaded) },
    };
  }
  if (options.loadSeconds > 0) {
    const load = await loadTest(
      url,
      serverPid,
      routes.flatMap((r) => r.paths),
      options,
    );
    figures.push(...load.figures);
    details.load = load.details;
  }
  return { figures, details };
}

/** The public API at 200 connections: no errors, and the server's memory stays flat. */
async function loadTest(
  url: string,
  pid: number,
  paths: string[],
  options: BenchOptions,
): Promise<StepResult> {
  const MB = 1024 * 1024;
  const samples: [number, number][] = [];
  const started = performance.now();
  const sample = () => samples.push([Math.round(performance.now() - started), treeRss(pid)]);
  sample();
  const timer = setInterval(sample, 1000);
  log(
    `load test: ${options.loadConnections} connections × ${options.loadSeconds} s over ${paths.length} paths…`,
  );
  const run = await cannon(url, paths, options.loadConnections, options.loadSeconds);
  clearInterval(timer);
  sample();
  const rss = samples.map(([, b]) => b / MB);
  const half = samples.filter(([ms]) => ms >= (options.loadSeconds * 1000) / 2).map(([, b]) => b / MB);
  const firstHalfPeak = Math.max(...rss.slice(0, rss.length - half.length));
  const growth = Math.max(...half) - firstHalfPeak;
  log(
    `  ${Math.round(run.rps)} req/s, ${run.errors} errors (${run.timeouts} timeouts), ${run.non2xx} non-2xx, p99 ${round(percentile(run.latencies, 99))} ms; server RSS ${round(rss[0] ?? 0)} → ${round(rss.at(-1) ?? 0)} MB`,
  );
  return {
    figures: [
      {
        key: "load.errors",
        label: `load test ${options.loadConnections} conn × ${options.loadSeconds} s: errors + non-2xx`,
        value: run.errors + run.non2xx,
        unit: "",
        budget: { op: "<=", value: 0 },
        note: `${run.requests.toLocaleString()} requests, ${Math.round(run.rps)} req/s, p99 ${round(percentile(run.latencies, 99))} ms; ${run.timeouts} timeouts (10 s)`,
      },
      {
        key: "load.rssGrowth",
        label: "load test server RSS growth, 2nd half vs 1st half",
        value: growth,
        unit: "MB",
        budget: { op: "<=", value: 50 },
        note: `RSS ${Math.round(rss[0] ?? 0)} MB before, peak ${Math.round(Math.max(...rss))} MB`,
      },
    ],
    details: {
      requests: run.requests,
      rps: round(run.rps),
      errors: run.errors,
      timeouts: run.timeouts,
      errorKinds: run.errorKinds,
      non2xx: run.non2xx,
      p50: round(percentile(run.latencies, 50)),
      p95: round(percentile(run.latencies, 95)),
      p99: round(percentile(run.latencies, 99)),
      rssMB: samples.map(([ms, b]) => [ms, round(b / MB)]),
    },
  };
}
