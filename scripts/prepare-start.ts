import { budgetFromEnv, storeFromEnv } from "../lib/api/rate-limit";
import { runMain } from "../lib/cli/run-main";
import { describeTarget, openDatabase } from "../lib/db";
import { migrateDatabase } from "../lib/db/migrate/run";
import { loadDemoData } from "../lib/demo/load";
import { trustedProxies } from "../lib/http/client";
import { finishUnfinishedWork } from "../lib/publish/unfinished";

/**
 * What `npm start` does before the server opens the database: migrate, sync the origin registry,
 * and fill an empty database with the bundled demo data. It finishes (and frees an embedded
 * database) before the server (scripts/serve.ts) starts.
 */
runMain(async () => {
  // The server reads these on its first request: a wrong value stops `npm start` here instead.
  budgetFromEnv();
  trustedProxies();
  if (storeFromEnv() === "postgres" && !process.env.DATABASE_URL)
    console.warn(
      "RATE_LIMIT_STORE=postgres without DATABASE_URL: the embedded database serves one process, so the budget is that server's alone.",
    );
  const db = await openDatabase();
  try {
    const applied = await migrateDatabase(db);
    const where = describeTarget(db.target);
    console.log(
      applied.length ? `Applied ${applied.length} migration(s) to ${where}.` : `${where} is up to date.`,
    );
    for (const line of await finishUnfinishedWork(db)) console.log(line);
    if (process.env.DEMO_DATA === "off") return;
    let last = 0;
    const demo = await loadDemoData(db, undefined, {
      onProgress: (p) => {
        const pct = Math.floor((p.dateIndex / p.dates) * 10);
        if (pct > last) {
          last = pct;
          console.log(`  loading demo data: ${pct * 10} %`);
        }
      },
    });
    if (demo.status === "loaded") {
      console.log(
        `Loaded demo data (${demo.models} models, ${demo.dates} weekly snapshots ${demo.firstDate}…${demo.lastDate}) in ${(demo.ms / 1000).toFixed(0)} s. The first real ingestion run replaces it.`,
      );
    }
  } finally {
    await db.close();
  }
});
