/**
 * `npm run bench`: a fresh Postgres database with a synthetic population, then every figure of
 * The performance budgets (bench/README.md) against the production build; prints a table and writes
 * bench/results/<timestamp>.json and bench/results/latest.json. See bench/README.md.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import pg from "pg";
import { parseBenchArgs } from "../lib/bench/args";
import { createDatabase, databaseUrl, dropDatabase, serverVersion } from "../lib/bench/pg";
import {
  type Figure,
  machineInfo,
  renderTable,
  type StepResult,
  verdict,
  writeResults,
} from "../lib/bench/report";
import { log, round } from "../lib/bench/stats";
import { runMain } from "../lib/cli/run-main";
import { openDatabase } from "../lib/db";
import { migrateDatabase } from "../lib/db/migrate/run";
import { ensureRegistrySynced } from "../lib/publish/registry";
import { type AppServer, startApp } from "../tests/helpers/app-server";
import { backfillStep } from "./backfill";
import { compare } from "./compare";
import { crawl } from "./crawl";
import { exportStep } from "./export";
import { firstLoad } from "./first-load";
import { generate } from "./generate";
import { http } from "./http";
import { importStep } from "./import";

runMain(async () => {
  const options = parseBenchArgs(process.argv.slice(2));
  const startedAt = new Date();
  const name = options.database ?? `oms_bench_${startedAt.toISOString().replace(/\D/g, "").slice(0, 14)}`;
  const machine = machineInfo(await serverVersion(options.adminUrl));
  log(`${machine.cpus} CPUs, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.postgres}`);
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  const add = (step: string, result: StepResult) => {
    figures.push(...result.figures);
    details[step] = result.details;
  };
  const has = (step: (typeof options.steps)[number]) => options.steps.includes(step);

  if (has("generate") || has("http") || has("compare") || has("first-load")) {
    const url = databaseUrl(options.adminUrl, name);
    if (!options.database) await createDatabase(options.adminUrl, name);
    log(`database ${name}${options.database ? " (reused)" : ""}`);
    const db = await openDatabase({ kind: "postgres", url });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let app: AppServer | null = null;
    try {
      if (!options.database) {
        await migrateDatabase(db);
        await ensureRegistrySynced(db, { force: true });
        if (has("generate")) add("generate", await generate(db, client, options));
      }
      if (has("http") || has("first-load") || has("compare")) {
        if (options.build) details.buildSeconds = build();
        // Request budgets are per client: a load test from one address would only measure the 429s.
        app = await startApp({ DATABASE_URL: url, RATE_LIMIT: "0" });
        log(`production server at ${app.url} (pid ${app.child.pid})`);
        const range = (
          await client.query<{ from: string; to: string; recent: string }>(
            `SELECT min(as_of)::text AS from, max(as_of)::text AS to, (max(as_of) - 90)::text AS recent
             FROM ingest_run WHERE status = 'succeeded'`,
          )
        ).rows[0];
        if (!range?.to) throw new Error(`${name} has no published dates`);
        if (has("http")) add("http", await http(app.url, app.child.pid ?? 0, options, range));
        if (has("first-load")) add("firstLoad", await firstLoad());
        if (has("compare")) add("compare", await compare(db, client, url, app.url));
      }
    } catch (error) {
      if (app) process.stderr.write(`--- server output ---\n${app.logs().slice(-4000)}\n---\n`);
      throw error;
    } finally {
      await app?.stop();
      await client.end();
      await db.close();
      if (options.keep || options.database) log(`kept database ${name}`);
      else await dropDatabase(options.adminUrl, name);
    }
  }
  if (has("crawl")) add("crawl", await crawl(options, `${name}_crawl`));
  if (has("import")) add("import", await importStep(options, `${name}_import`));
  if (has("backfill")) add("backfill", await backfillStep(options, `${name}_backfill`));
  if (has("backfill-all"))
    add("backfillAllKept", await backfillStep(options, `${name}_backfill_all`, "backfill-all"));
  if (has("export")) add("export", await exportStep(options, `${name}_export`));

  const wallSeconds = (Date.now() - startedAt.getTime()) / 1000;
  figures.push({
    key: "wallTime",
    label: "whole bench, wall time",
    value: wallSeconds,
    unit: "s",
    // The default run: 18M rows with a full rollup rebuild, a 2M-model crawl and a 1M-model backfill.
    budget: { op: "<=", value: 1200 },
    note: options.build ? "including next build" : "",
  });
  const table = renderTable(figures);
  const failed = figures.filter((f) => verdict(f) === "FAIL").map((f) => f.key);
  const file = await writeResults("bench/results", startedAt, {
    startedAt: startedAt.toISOString(),
    wallSeconds: round(wallSeconds),
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((n) => round(n, 2)) },
    options: { ...options, adminUrl: undefined },
    failed,
    figures: figures.map((f) => ({ ...f, verdict: verdict(f) })),
    details,
  });
  console.log(`\nOpen Model Share bench, ${startedAt.toISOString()}`);
  console.log(
    `${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.postgres}`,
  );
  console.log(
    `${options.models.toLocaleString()} models × ${options.days} days, crawl ${options.crawlModels.toLocaleString()} models\n`,
  );
  console.log(table);
  console.log(
    `\n${failed.length === 0 ? "Every budget met." : `Missed: ${failed.join(", ")}`}  Results: ${file}`,
  );
  if (options.quick) console.log("(--quick is a smoke run: the budgets are set for the default size)");
});

/** `next build` of the working tree; its output goes to stderr. Returns seconds. */
function build(): number {
  log("next build…");
  const start = Date.now();
  const result = spawnSync("npm", ["run", "build"], { stdio: ["ignore", 2, 2] });
  if (result.status !== 0) {
    throw new Error(
      "next build failed (see above); fix the tree or run with --no-build against an existing build",
    );
  }
  const seconds = (Date.now() - start) / 1000;
  log(`  built in ${round(seconds)} s`);
  return round(seconds);
}
