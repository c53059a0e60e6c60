/**
 * 3. One typical share series (downloads30d by region, month buckets, one year, developer
 * attribution) computed four ways, warm: a plain GROUP BY over raw snapshots in Postgres, the
 * same SQL in DuckDB over the data exported to Parquet, the app's rollup path (getShareOverTime)
 * and /api/v1/share over HTTP. Checks that all of them give the same numbers.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type pg from "pg";
import { bucketStart } from "../lib/analytics/buckets";
import { getShareOverTime, type ShareResult } from "../lib/analytics/share-over-time";
import type { Figure, StepResult } from "../lib/bench/report";
import { log, median, repeat, round, timed } from "../lib/bench/stats";
import type { Database } from "../lib/db";
import { shareQuerySchema } from "../lib/domain/share-query";

const REGIONS = ["CN", "US", "OTHER", "INTL", "UNKNOWN"];

/** The obvious query: join snapshots to their publisher, group by date and region. */
const RAW_SQL = `
  SELECT date::text AS date, region, downloads::text AS downloads FROM (
    SELECT s.date,
      CASE WHEN o.country = 'CN' THEN 'CN' WHEN o.country = 'US' THEN 'US'
           WHEN o.country IS NOT NULL THEN 'OTHER' WHEN o.international THEN 'INTL' ELSE 'UNKNOWN' END AS region,
      sum(s.downloads) AS downloads
    FROM model_snapshot s
    JOIN model m ON m.id = s.model_id
    JOIN organization o ON o.namespace = m.namespace
    WHERE s.date BETWEEN $1::date AND $2::date
      AND s.date IN (SELECT as_of FROM ingest_run WHERE status = 'succeeded')
    GROUP BY 1, 2
  ) t`;

/** What gets exported to Parquet: the tables the query reads, with the columns the app has. */
const EXPORTS: Record<string, string> = {
  model_snapshot: "SELECT model_id, date, downloads, downloads_all_time, likes, run_id FROM model_snapshot",
  model: "SELECT id, hub_id, namespace, lineage_namespace, created_at, pipeline_tag, library_name FROM model",
  organization: "SELECT namespace, lab_slug, country, international, in_registry FROM organization",
  ingest_run: "SELECT id, as_of, status::text AS status FROM ingest_run",
};

/** How many times faster the rollups answer than another way of computing the series. */
const speedup = (
  key: string,
  versus: string,
  value: number,
  rules: Pick<Figure, "budget" | "aim">,
): Figure => ({
  key,
  label: `rollups vs ${versus}`,
  value,
  unit: "× faster",
  ...rules,
});

type Row = { date: string; region: string; downloads: string };
/** bucket → region → downloads, for downloads30d (the last snapshot date of each month) */
type Series = Map<string, Map<string, string>>;

export async function compare(
  db: Database,
  client: pg.Client,
  dbUrl: string,
  appUrl: string | null,
): Promise<StepResult> {
  const range = (
    await client.query<{ from: string; to: string }>(
      "SELECT (max(as_of) - 365)::text AS from, max(as_of)::text AS to FROM ingest_run WHERE status = 'succeeded'",
    )
  ).rows[0];
  if (!range) throw new Error("no published dates");
  const { from, to } = range;
  const params = { metric: "downloads30d", groupBy: "region", interval: "month", from, to } as const;
  const query = shareQuerySchema.parse(params);

  log(`compare: ${new URLSearchParams(params).toString()}`);
  let appResult: ShareResult | null = null;
  const rollupTimes = await repeat(async () => {
    appResult = await getShareOverTime(db, query);
  }, 20);
  const rollupMs = median(rollupTimes);
  log(`  rollups (getShareOverTime): ${round(rollupMs)} ms`);

  let rawRows: Row[] = [];
  const rawTimes = await repeat(async () => {
    rawRows = (await client.query<Row>(RAW_SQL, [from, to])).rows;
  }, 3);
  const rawMs = median(rawTimes);
  log(`  raw GROUP BY in Postgres: ${round(rawMs)} ms`);

  const duck = await duckdb(dbUrl, from, to);
  log(`  DuckDB over Parquet: ${round(duck.ms)} ms (export ${round(duck.exportMs / 1000)} s)`);

  let http: { warmMs: number; uncachedMs: number; series: Series } | null = null;
  if (appUrl) {
    const qs = new URLSearchParams(params).toString();
    const get = async (extra = "") => {
      const response = await fetchRetry(`${appUrl}/api/v1/share?${qs}${extra}`);
      if (!response.ok) throw new Error(`/api/v1/share answered ${response.status}`);
      return (await response.json()) as ShareResult;
    };
    const body = await get();
    const warmMs = median(await repeat(() => get(), 20));
    // A different `top` is a new cache key with the same region series: computed every time.
    let top = 30;
    const uncachedMs = median(await repeat(() => get(`&top=${++top}`), 10, 0));
    http = { warmMs, uncachedMs, series: fromApp(body) };
    log(`  over HTTP: ${round(warmMs)} ms cached, ${round(uncachedMs)} ms uncached`);
  }

  const reference = fromApp(appResult ?? (await getShareOverTime(db, query)));
  const raw = fromRows(rawRows);
  const differences = {
    raw: diff(reference, raw),
    duckdb: diff(reference, fromRows(duck.rows)),
    http: http ? diff(reference, http.series) : 0,
  };
  const identical = differences.raw + differences.duckdb + differences.http === 0 && reference.size > 0;
  const ratio = rawMs / rollupMs;
  const duckRatio = duck.ms / rollupMs;

  return {
    figures: [
      {
        key: "compare.rollupMs",
        label: "share series via rollups (getShareOverTime)",
        value: rollupMs,
        unit: "ms",
      },
      { key: "compare.rawMs", label: "same series, plain GROUP BY in Postgres", value: rawMs, unit: "ms" },
      { key: "compare.duckdbMs", label: "same series, DuckDB over Parquet", value: duck.ms, unit: "ms" },
      ...(http
        ? [
            {
              key: "compare.httpMs",
              label: "same series over HTTP (cached answer)",
              value: http.warmMs,
              unit: "ms",
            },
            {
              key: "compare.httpUncachedMs",
              label: "same series over HTTP (new cache key)",
              value: http.uncachedMs,
              unit: "ms",
            },
          ]
        : []),
      speedup("compare.rawRatio", "raw GROUP BY", ratio, {
        budget: { op: ">=", value: 20 },
        aim: { op: ">=", value: 100 },
      }),
      speedup("compare.duckdbRatio", "DuckDB over Parquet", duckRatio, { aim: { op: ">=", value: 10 } }),
      {
        key: "compare.identical",
        label: "same numbers: raw = DuckDB = rollups = HTTP",
        value: identical ? 1 : 0,
        unit: "",
        budget: { op: ">=", value: 1 },
        note: `${reference.size} buckets × ${REGIONS.length} regions; differing cells ${JSON.stringify(differences)}`,
      },
    ],
    details: {
      query: params,
      rollupMs: rollupTimes.map((t) => round(t)),
      rawMs: rawTimes.map((t) => round(t)),
      duckdb: {
        ms: duck.times.map((t) => round(t)),
        exportMs: round(duck.exportMs),
        parquetBytes: duck.bytes,
      },
      http: http ? { warmMs: round(http.warmMs), uncachedMs: round(http.uncachedMs) } : null,
      differences,
      series: Object.fromEntries([...reference].map(([b, v]) => [b, Object.fromEntries(v)])),
    },
  };
}

async function duckdb(
  dbUrl: string,
  from: string,
  to: string,
): Promise<{ ms: number; times: number[]; exportMs: number; rows: Row[]; bytes: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), "oms-bench-parquet-"));
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    let bytes = 0;
    const exported = await timed(async () => {
      for (const [table, select] of Object.entries(EXPORTS)) {
        const csv = path.join(dir, `${table}.csv`);
        const parquet = path.join(dir, `${table}.parquet`);
        const psql = spawnSync(
          "psql",
          [dbUrl, "-qc", `\\copy (${select}) TO '${csv}' WITH (FORMAT csv, HEADER)`],
          {
            encoding: "utf8",
          },
        );
        if (psql.status !== 0) throw new Error(`psql \\copy ${table} failed: ${psql.stderr || psql.error}`);
        await connection.run(
          `COPY (SELECT * FROM read_csv('${csv}', header = true)) TO '${parquet}' (FORMAT parquet)`,
        );
        rmSync(csv);
        bytes += statSync(parquet).size;
        await connection.run(`CREATE VIEW ${table} AS SELECT * FROM '${parquet}'`);
      }
    });
    let rows: Row[] = [];
    const run = async () => {
      const reader = await connection.runAndReadAll(RAW_SQL, [from, to]);
      rows = reader.getRowObjectsJS().map((r) => ({
        date: String(r.date),
        region: String(r.region),
        downloads: String(r.downloads),
      }));
    };
    const times = await repeat(run, 5);
    return { ms: median(times), times, exportMs: exported.ms, rows, bytes };
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

function fromRows(rows: Row[]): Series {
  const byDate = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const day = byDate.get(r.date) ?? new Map<string, string>();
    day.set(r.region, r.downloads);
    byDate.set(r.date, day);
  }
  // downloads30d is a point metric: a month shows its last snapshot date.
  const series: Series = new Map();
  for (const date of [...byDate.keys()].sort()) {
    series.set(bucketStart(date, "month"), byDate.get(date) ?? new Map());
  }
  return series;
}

function fromApp(result: ShareResult): Series {
  const series: Series = new Map();
  for (const point of result.points) {
    if (point.asOf === null) continue;
    series.set(point.date, new Map(Object.entries(point.values).map(([k, v]) => [k, v.downloads])));
  }
  return series;
}

/** Cells (bucket × region) that differ; a missing region counts as 0. */
function diff(a: Series, b: Series): number {
  let differing = 0;
  for (const bucket of new Set([...a.keys(), ...b.keys()])) {
    for (const region of REGIONS) {
      if ((a.get(bucket)?.get(region) ?? "0") !== (b.get(bucket)?.get(region) ?? "0")) differing++;
    }
  }
  return differing;
}

/** fetch, retried once on a network error (a kept-alive socket the server closed meanwhile). */
async function fetchRetry(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch {
    return fetch(url);
  }
}
