/**
 * `npx tsx bench/rate-limit-store.ts [--spends N] [--clients N] [--concurrency N]`: what one
 * request's budget costs in each store (lib/api/budget-store.ts), in a fresh Postgres database
 * (BENCH_DATABASE_URL, default the local server): the in-process map, then the shared table
 * (RATE_LIMIT_STORE=postgres), one upsert per request, spent by N clients at once from one
 * process's pool as concurrent requests would. Prints latency percentiles and spends per second.
 */
import { parseArgs } from "node:util";
import { MemoryBudgetStore, PostgresBudgetStore } from "../lib/api/budget-store";
import { createDatabase, databaseUrl, dropDatabase } from "../lib/bench/pg";
import { log, percentile, round } from "../lib/bench/stats";
import { runMain } from "../lib/cli/run-main";
import { openDatabase } from "../lib/db";
import { migrateDatabase } from "../lib/db/migrate/run";

type Store = { spend: (key: string, budget: { perMinute: number; burst: number }) => Promise<unknown> };

async function measure(store: Store, spends: number, clients: number, concurrency: number) {
  const budget = { perMinute: 120, burst: 120 };
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < spends) {
        const i = next++;
        const t = performance.now();
        await store.spend(`198.51.${(i % clients) >> 8}.${(i % clients) & 255}`, budget);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    perSecond: Math.round(spends / seconds),
    p50: round(percentile(latencies, 50), 2),
    p95: round(percentile(latencies, 95), 2),
    p99: round(percentile(latencies, 99), 2),
  };
}

runMain(async () => {
  const { values } = parseArgs({
    options: {
      spends: { type: "string", default: "20000" },
      clients: { type: "string", default: "2000" },
      concurrency: { type: "string", default: "10" },
    },
  });
  const [spends, clients, concurrency] = [values.spends, values.clients, values.concurrency].map(Number) as [
    number,
    number,
    number,
  ];
  const admin = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `oms_bench_ratelimit_${Date.now()}`;
  await createDatabase(admin, name);
  const db = await openDatabase({ kind: "postgres", url: databaseUrl(admin, name) });
  try {
    await migrateDatabase(db);
    log(`${spends} spends by ${clients} clients, ${concurrency} at once`);
    for (const [label, store] of [
      ["memory", new MemoryBudgetStore()],
      ["postgres (warm-up)", new PostgresBudgetStore(async () => db)],
      ["postgres", new PostgresBudgetStore(async () => db)],
    ] as const) {
      const r = await measure(
        store,
        label.includes("warm") ? Math.min(2000, spends) : spends,
        clients,
        concurrency,
      );
      log(`${label}: ${r.perSecond} spends/s, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms`);
    }
  } finally {
    await db.close();
    await dropDatabase(admin, name);
  }
});
