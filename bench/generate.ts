/**
 * 1. The synthetic population, through the ingest write path where it is measured:
 *    - the last date through writePage first (a first crawl: inserts every model);
 *    - the older dates by bulk SQL (INSERT … SELECT generate_series, the same closed formula);
 *    - the `sampleDays - 1` dates before the last through the write path again, on top of the full
 *      table, timed: the first third through `writeSnapshots` alone (the daily crawl, which meets
 *      each model once), the rest through the writer that wrote the last date (an import or a
 *      backfill, whose every date lists the same models again): the write-path figures;
 *    then refreshLineage and refreshRollups(null), timed.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { refreshRollups } from "../lib/analytics/rollups";
import type { BenchOptions } from "../lib/bench/args";
import {
  allTimeSql,
  type BenchModel,
  makePopulation,
  type Population,
  snapshotAt,
} from "../lib/bench/population";
import type { StepResult } from "../lib/bench/report";
import { errorLine, log, round, timed } from "../lib/bench/stats";
import type { Database } from "../lib/db";
import { CRAWL_WRITE_ROWS } from "../lib/ingest/crawl";
import { refreshLineage } from "../lib/origins/lineage";
import { loadRegistry } from "../lib/origins/sync";
import { ensureRegistrySynced } from "../lib/publish/registry";
import type { ModelRecord } from "../lib/store/model-record";
import { type BatchOptions, snapshotWriter, writeSnapshots } from "../lib/store/write-snapshots";

/** The crawl writes a batch of pages at once: the write path is timed at that size. */
const PAGE = CRAWL_WRITE_ROWS;
const BULK_CHUNK = 5000;

export async function generate(db: Database, client: pg.Client, options: BenchOptions): Promise<StepResult> {
  const population = makePopulation(await loadRegistry(), options);
  const { dates, models } = population;
  const last = dates.length - 1;
  const sampleFrom = dates.length - options.sampleDays;
  log(
    `population: ${models.length.toLocaleString()} models, ${dates.length} dates (${population.startDate} … ${population.endDate}), ${population.rows.toLocaleString()} snapshot rows`,
  );
  const runIds = await createRuns(client, population);

  const writer = snapshotWriter(db, { keepKnown: false });
  const remembering: Write = (records, date, batch) => writer.write(records, date, batch);
  const alone: Write = (records, date, batch) => writeSnapshots(db, records, date, batch);

  log(`write path ${dates[last]} (first crawl: inserts every model)…`);
  const first = await writeDate(remembering, models, last, dates, runIds);
  log(`  ${first.rows.toLocaleString()} rows in ${round(first.ms / 1000)} s`);

  log(`bulk SQL for ${sampleFrom} dates (${dates[0]} … ${dates[sampleFrom - 1]})…`);
  const bulk = await timed(() => bulkFill(client, population, sampleFrom - 1));
  log(`  ${bulk.value.toLocaleString()} rows in ${round(bulk.ms / 1000)} s`);
  const vacuum = await timed(() => client.query("VACUUM (ANALYZE) model_snapshot, model, organization"));

  const crawlDays = Math.max(1, Math.floor((options.sampleDays - 1) / 3));
  const crawl = await sampleDates(
    alone,
    "writeSnapshots alone (the crawl)",
    sampleFrom,
    sampleFrom + crawlDays,
  );
  const history = await sampleDates(
    remembering,
    "one writer (import, backfill)",
    sampleFrom + crawlDays,
    last,
  );
  const writeRate = history.rate;

  async function sampleDates(write: Write, what: string, from: number, to: number) {
    log(`${what} for ${to - from} dates (${dates[from]} … ${dates[to - 1]}), timed…`);
    const perDate: { date: string; rows: number; ms: number }[] = [];
    for (let t = from; t < to; t++) {
      const r = await writeDate(write, models, t, dates, runIds);
      perDate.push({ date: dates[t] as string, rows: r.rows, ms: round(r.ms) });
      log(
        `  ${dates[t]}: ${r.rows.toLocaleString()} rows, ${Math.round((r.rows / r.ms) * 1000).toLocaleString()}/s`,
      );
    }
    const rows = perDate.reduce((n, s) => n + s.rows, 0);
    const ms = perDate.reduce((n, s) => n + s.ms, 0);
    return { rows, ms, perDate, rate: ms > 0 ? (rows / ms) * 1000 : Number.NaN };
  }

  const consistency = await checkConsistency(client, population, last - 1);
  const total = Number((await client.query("SELECT count(*) AS n FROM model_snapshot")).rows[0]?.n ?? 0);
  await client.query("DROP TABLE bench_param, bench_day");
  if (consistency.mismatched > 0 || total !== population.rows) {
    throw new Error(
      `generated data is inconsistent: ${consistency.mismatched} rows differ between writePage and the bulk formula; ${total} rows stored, ${population.rows} expected`,
    );
  }

  log("refreshLineage…");
  const lineage = await timed(() =>
    refreshLineage(db, "all").then(
      (r) => ({ updated: r.updated, error: null }),
      (error: unknown) => ({ updated: Number.NaN, error: errorLine(error).cause }),
    ),
  );
  if (lineage.value.error) {
    // Its UPDATE commits before the step that failed: a second call finds nothing left to do.
    log(`  refreshLineage FAILED: ${lineage.value.error}`);
    const again = await refreshLineage(db, "all");
    log(`  second call: ${again.updated} models left to update`);
  }
  log(
    `  ${lineage.value.updated.toLocaleString()} models in ${round(lineage.ms / 1000)} s; refreshRollups(null)…`,
  );
  // refreshRollups gives its one $transaction an hour: a full rebuild here takes minutes.
  const rollups = await timed(() => refreshRollups(db, null));
  log(`  ${round(rollups.ms / 1000)} s; refreshRollups([${dates[last]}]) (the daily publish)…`);
  const daily = await timed(() => refreshRollups(db, [new Date(`${dates[last]}T00:00:00Z`)]));
  const edit = await registryEdit(db);
  await client.query("VACUUM (ANALYZE) share_rollup, model");
  const rollupRows = Number((await client.query("SELECT count(*) AS n FROM share_rollup")).rows[0]?.n ?? 0);
  log(`  ${round(daily.ms / 1000)} s; ${rollupRows.toLocaleString()} rollup rows`);

  return {
    figures: [
      {
        key: "ingest.writeRate",
        label: `ingest write path, one writer's later dates (import, backfill; batches of ${PAGE.toLocaleString()})`,
        value: writeRate,
        unit: "snapshots/s",
        budget: { op: ">=", value: 150_000 },
        aim: { op: ">=", value: 250_000 },
        note: `${history.perDate.length} dates × ≈${Math.round(history.rows / history.perDate.length).toLocaleString()} models on a ${(total / 1e6).toFixed(1)}M-row table, models known from the writer's first date; other dates by bulk SQL`,
      },
      {
        key: "ingest.crawlWriteRate",
        label: `ingest write path, writeSnapshots alone (the daily crawl; batches of ${PAGE.toLocaleString()})`,
        value: crawl.rate,
        unit: "snapshots/s",
        note: `${crawl.perDate.length} dates: every model looked up by Hub id and compared in the database`,
      },
      {
        key: "ingest.firstCrawlRate",
        label: "writePage, first crawl (inserts models)",
        value: (first.rows / first.ms) * 1000,
        unit: "snapshots/s",
      },
      {
        key: "generate.bulkRate",
        label: "bulk SQL fill (generate_series, not the app)",
        value: (bulk.value / bulk.ms) * 1000,
        unit: "snapshots/s",
      },
      {
        key: "rollups.full",
        label: `refreshRollups(null) over ${(total / 1e6).toFixed(2)}M rows`,
        value: rollups.ms / 1000,
        unit: "s",
        note: "client with a 1 h transaction timeout (Prisma's default is 5 s)",
      },
      {
        key: "rollups.registryEdit",
        label: "re-attribution after editing one lab's namespaces (registry sync)",
        value: edit.ms / 1000,
        unit: "s",
        budget: { op: "<=", value: 30 },
        aim: { op: "<=", value: 5 },
        note: `${edit.lab}: ${edit.namespaces} namespaces to ${edit.country}; ${edit.models.toLocaleString()} models re-attributed; undoing it took ${round(edit.undoMs / 1000)} s`,
      },
      {
        key: "rollups.daily",
        label: "refreshRollups(one date), daily publish",
        value: daily.ms / 1000,
        unit: "s",
      },
      {
        key: "lineage",
        label: "refreshLineage (all models)",
        value: lineage.ms / 1000,
        unit: "s",
        note: lineage.value.error ? `FAILED: ${lineage.value.error}` : "",
      },
    ],
    details: {
      models: models.length,
      dates: dates.length,
      from: population.startDate,
      to: population.endDate,
      snapshotRows: total,
      rollupRows,
      firstCrawl: { date: dates[last], rows: first.rows, ms: round(first.ms) },
      bulk: { dates: sampleFrom, rows: bulk.value, ms: round(bulk.ms), vacuumMs: round(vacuum.ms) },
      writePath: {
        writer: { rows: history.rows, ms: round(history.ms), perDate: history.perDate },
        alone: { rows: crawl.rows, ms: round(crawl.ms), perDate: crawl.perDate },
      },
      consistency,
      lineage: { ...lineage.value, ms: round(lineage.ms) },
      rollups: { fullMs: round(rollups.ms), dailyMs: round(daily.ms) },
    },
  };
}

/** One succeeded ingest run per date: rollups publish only dates a run finished. */
async function createRuns(client: pg.Client, population: Population): Promise<number[]> {
  const counts = population.dates.map((_, t) => population.models.filter((m) => m.createdDay <= t).length);
  const result = await client.query<{ id: number }>(
    `INSERT INTO ingest_run (status, as_of, started_at, finished_at, heartbeat_at, pages, models_seen,
       snapshots_written, population, trigger)
     SELECT 'succeeded', d, d::timestamptz + interval '6 hours', d::timestamptz + interval '6 hours 5 minutes',
       d::timestamptz + interval '6 hours 5 minutes', ceil(n / ${PAGE}.0)::int, n, n, n, 'bench'
     FROM unnest($1::date[], $2::int[]) WITH ORDINALITY AS u(d, n, i)
     ORDER BY i
     RETURNING id`,
    [population.dates, counts],
  );
  await client.query(
    `CREATE TABLE bench_day AS SELECT (i - 1)::int AS t, d AS as_of, r AS run_id
     FROM unnest($1::date[], $2::int[]) WITH ORDINALITY AS u(d, r, i)`,
    [population.dates, result.rows.map((r) => r.id)],
  );
  return result.rows.map((r) => r.id);
}

type Write = (records: readonly ModelRecord[], date: string, batch: BatchOptions) => Promise<number>;

/** Every model existing at day t, written through the ingest write path in the crawl's batches. */
async function writeDate(
  write: Write,
  models: BenchModel[],
  t: number,
  dates: string[],
  runIds: number[],
): Promise<{ rows: number; ms: number }> {
  const records = models.flatMap((m) => snapshotAt(m, t) ?? []);
  const date = dates[t] as string;
  const { ms } = await timed(async () => {
    for (let i = 0; i < records.length; i += PAGE) {
      await write(records.slice(i, i + PAGE), date, { runId: runIds[t] ?? null });
    }
  });
  return { rows: records.length, ms };
}

/** Snapshots of days 0..lastDay from each model's growth parameters, a range of models at a time. */
async function bulkFill(client: pg.Client, population: Population, lastDay: number): Promise<number> {
  if (lastDay < 0) return 0;
  const ms = population.models;
  await client.query(
    `CREATE TABLE bench_param AS SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::bigint[],
       $5::bigint[], $6::bigint[], $7::int[]) AS p(hub_id, c, s, a, b, a0, like_div)`,
    [
      ms.map((m) => m.record.hubId),
      ms.map((m) => m.createdDay),
      ms.map((m) => m.trendStart),
      ms.map((m) => m.rate),
      ms.map((m) => m.accel),
      ms.map((m) => m.base),
      ms.map((m) => m.likeDivisor),
    ],
  );
  await client.query("SET maintenance_work_mem = '256MB'");
  const maxId = Number((await client.query("SELECT max(id) AS n FROM model")).rows[0]?.n ?? 0);
  let rows = 0;
  for (let from = 1; from <= maxId; from += BULK_CHUNK) {
    const result = await client.query(
      // Each row points at its model's one attribute version, as the write path's rows do.
      `INSERT INTO model_snapshot (model_id, date, downloads, downloads_all_time, likes, run_id, version_id)
       SELECT p.id, d.as_of, v.total - v.before, v.total, (v.total / p.like_div)::int, d.run_id, p.version_id
       FROM (SELECT m.id, m.version_id, p.* FROM bench_param p JOIN model m ON m.hub_id = p.hub_id
             WHERE m.id BETWEEN $1 AND $2 ORDER BY m.id) p
       CROSS JOIN LATERAL generate_series(GREATEST(p.c, 0), $3) AS g(t)
       CROSS JOIN LATERAL (SELECT ${allTimeSql("g.t")} AS total, ${allTimeSql("(g.t - 30)")} AS before) v
       JOIN bench_day d ON d.t = g.t`,
      [from, from + BULK_CHUNK - 1, lastDay],
    );
    rows += result.rowCount ?? 0;
    log(
      `  models ${from.toLocaleString()}–${Math.min(from + BULK_CHUNK - 1, maxId).toLocaleString()}: ${rows.toLocaleString()} rows`,
    );
  }
  return rows;
}

/** The rows writePage stored for day t must equal the bulk formula for the same day. */
async function checkConsistency(
  client: pg.Client,
  population: Population,
  t: number,
): Promise<{ date: string; checked: number; expected: number; mismatched: number }> {
  const date = population.dates[t] as string;
  const row = (
    await client.query<{ checked: string; mismatched: string }>(
      `SELECT count(*) AS checked,
         count(*) FILTER (WHERE s.downloads_all_time <> v.total OR s.downloads <> v.total - v.before
                            OR s.likes <> (v.total / p.like_div)::int) AS mismatched
       FROM bench_param p JOIN model m ON m.hub_id = p.hub_id
       JOIN model_snapshot s ON s.model_id = m.id AND s.date = $1::date
       CROSS JOIN LATERAL (SELECT ${allTimeSql("$2::int")} AS total, ${allTimeSql("($2::int - 30)")} AS before) v`,
      [date, t],
    )
  ).rows[0];
  const expected = population.models.filter((m) => m.createdDay <= t).length;
  const checked = Number(row?.checked ?? 0);
  return { date, checked, expected, mismatched: Number(row?.mismatched ?? 0) + Math.abs(expected - checked) };
}

/**
 * A registry edit as a maintainer makes one: every namespace of the lab with the most models moves
 * to another country. Timed through the registry sync every command runs at start (it re-attributes
 * what the edit touches), then undone the same way.
 */
async function registryEdit(db: Database) {
  const registry = await loadRegistry();
  const [top] = await db.prisma.$queryRaw<{ lab: string }[]>`
    SELECT o.lab_slug AS lab FROM model m JOIN organization o ON o.namespace = m.namespace
    WHERE o.lab_slug IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
  if (!top) throw new Error("no lab has models");
  const country = "SG";
  const edited = structuredClone(registry);
  const namespaces = edited.organizations.filter((o) => o.lab === top.lab);
  for (const org of namespaces) Object.assign(org, { country, international: false });
  const dir = mkdtempSync(path.join(os.tmpdir(), "oms-bench-registry-"));
  try {
    const file = path.join(dir, "registry.json");
    writeFileSync(file, JSON.stringify(edited));
    log(`registry edit: ${namespaces.length} namespaces of ${top.lab} → ${country}…`);
    const applied = await timed(() => ensureRegistrySynced(db, { file }));
    const [moved] = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM model m JOIN organization o ON o.namespace = m.namespace WHERE o.lab_slug = ${top.lab}`;
    log(`  ${round(applied.ms / 1000)} s; undoing it…`);
    const undo = await timed(() => ensureRegistrySynced(db));
    log(`  ${round(undo.ms / 1000)} s`);
    return {
      lab: top.lab,
      namespaces: namespaces.length,
      country,
      models: moved?.n ?? 0,
      ms: applied.ms,
      undoMs: undo.ms,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
