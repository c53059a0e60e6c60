/**
 * 8. The export (`npm run export -- --out DIR`) of a database of `exportRows` snapshots (models ×
 * dates, a third with a base model), written by bulk SQL into Postgres: rows/s over the whole
 * process (start, reads in pages, Parquet encoding, files) and its peak RSS (VmHWM).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { BenchOptions } from "../lib/bench/args";
import { runMeasured as run } from "../lib/bench/child";
import { createDatabase, databaseUrl, dropDatabase } from "../lib/bench/pg";
import type { StepResult } from "../lib/bench/report";
import { log, round } from "../lib/bench/stats";

const MB = 1024 * 1024;
const DATES = 5;

export async function exportStep(options: BenchOptions, name: string): Promise<StepResult> {
  const rows = options.exportRows;
  const models = Math.ceil(rows / DATES);
  const dir = mkdtempSync(path.join(os.tmpdir(), "oms-bench-export-"));
  const url = databaseUrl(options.adminUrl, name);
  await createDatabase(options.adminUrl, name);
  try {
    const env = { DATABASE_URL: url };
    const migrate = await run(["--import", "tsx", "scripts/db-migrate.ts"], env);
    if (migrate.code !== 0) throw new Error(`db:migrate failed:\n${migrate.output}`);
    log(`writing ${models.toLocaleString()} models × ${DATES} dates into ${name}…`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`
        INSERT INTO organization (namespace) SELECT 'ns' || i FROM generate_series(1, 5000) i;
        INSERT INTO model (hub_id, namespace, created_at, pipeline_tag, library_name, base_models)
          SELECT 'ns' || (i % 5000 + 1) || '/model-' || i, 'ns' || (i % 5000 + 1),
            timestamptz '2023-01-01' + i * interval '1 minute',
            (ARRAY['text-generation', 'feature-extraction', NULL])[i % 3 + 1],
            (ARRAY['transformers', 'gguf', NULL])[i % 3 + 1],
            CASE WHEN i % 3 = 0 THEN ARRAY['ns1/model-' || (i / 3)] ELSE '{}'::text[] END
          FROM generate_series(1, ${models}) i;
        INSERT INTO model_version (model_id, digest, created_at, pipeline_tag, library_name, gated,
            base_models, base_relation, repack)
          SELECT id, md5(id::text)::uuid, created_at, pipeline_tag, library_name, id % 7 = 0, base_models,
            CASE WHEN cardinality(base_models) > 0 THEN 'finetune'::base_relation END,
            COALESCE(library_name = 'gguf', false)
          FROM model;
        INSERT INTO model_snapshot (model_id, date, downloads, downloads_all_time, likes, version_id)
          SELECT m.id, d::date, (m.id::bigint * 7919) % 10000000, (m.id::bigint * 104729) % 100000000000,
            m.id % 1000, v.id
          FROM model m JOIN model_version v ON v.model_id = m.id
          CROSS JOIN generate_series(date '2025-06-01', date '2025-06-01' + ${DATES - 1}, interval '1 day') d;
        INSERT INTO ingest_run (as_of, status, trigger, finished_at)
          SELECT d::date, 'succeeded', 'bench', now()
          FROM generate_series(date '2025-06-01', date '2025-06-01' + ${DATES - 1}, interval '1 day') d;
        ANALYZE;`);
    } finally {
      await client.end();
    }
    log("exporting it (the whole process, bundled as npm run export runs it)…");
    const out = path.join(dir, "export");
    const result = await run(
      ["--expose-gc", "scripts/run-bundled.mjs", "scripts/export.ts", "--out", out],
      env,
    );
    if (result.code !== 0) throw new Error(`the export failed:\n${result.output.slice(-3000)}`);
    const written = Number(
      /Wrote ([\d,]+) snapshots/.exec(result.output)?.[1]?.replace(/,/g, "") ?? Number.NaN,
    );
    if (written !== models * DATES)
      throw new Error(`the export wrote ${written} snapshots, not ${models * DATES}`);
    const rate = written / (result.ms / 1000);
    log(`  ${Math.round(rate).toLocaleString()} rows/s, peak RSS ${round(result.peak / MB)} MB`);
    return {
      figures: [
        {
          key: "export.rate",
          label: `export of ${(written / 1e6).toLocaleString()}M snapshots (${DATES} dates) from Postgres, rows/s`,
          value: rate,
          unit: "rows/s",
          budget: { op: ">=", value: 200_000 },
          note: "whole process: start, paged reads, Parquet encoding, files, registry and manifest",
        },
        {
          key: "export.peakRss",
          label: "export, peak RSS of the process",
          value: result.peak / MB,
          unit: "MB",
          budget: { op: "<=", value: 500 },
        },
      ],
      details: { seconds: round(result.ms / 1000), summary: result.output.split("\n").slice(-4) },
    };
  } finally {
    if (!options.keep) await dropDatabase(options.adminUrl, name);
    rmSync(dir, { recursive: true, force: true });
  }
}
