import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { refreshRollups } from "@/lib/analytics/rollups";
import { openDatabase } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/migrate/run";
import { refreshLineage } from "@/lib/origins/lineage";
import { seedPopulation } from "../factories/population";
import { type AppServer, startApp } from "./app-server";
import { createTestDatabase, type TestDatabase } from "./test-db";

export type SeededApp = { app: AppServer; stop: () => Promise<void> };

/**
 * The production build serving a seeded population (tests/factories/population.ts) from its own
 * database on `backend`: a throwaway Postgres database, or a PGlite directory the server owns.
 */
export async function startSeededApp(
  backend: "pglite" | "postgres",
  seed: number,
  prefix: string,
): Promise<SeededApp> {
  const fill = async (db: Awaited<ReturnType<typeof openDatabase>>) => {
    await seedPopulation(db, seed, prefix);
    await refreshLineage(db);
    await refreshRollups(db, null);
  };
  let pg: TestDatabase | undefined;
  let env: Record<string, string | undefined>;
  if (backend === "postgres") {
    pg = await createTestDatabase("postgres");
    await fill(pg);
    await pg.close();
    env = { DATABASE_URL: pg.url };
  } else {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "oms-e2e-")), "db");
    const db = await openDatabase({ kind: "pglite", dataDir: dir });
    await migrateDatabase(db);
    await fill(db);
    await db.close();
    env = { DATABASE_URL: undefined, PGLITE_DIR: dir };
  }
  const app = await startApp(env);
  return {
    app,
    stop: async () => {
      await app.stop();
      if (pg) await pg.drop();
    },
  };
}
