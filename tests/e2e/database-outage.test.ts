import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshRollups } from "@/lib/analytics/rollups";
import { openDatabase } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/migrate/run";
import { seedPopulation } from "../factories/population";
import { makeFakeModels } from "../fake-hub/server";
import { type AppServer, startApp } from "../helpers/app-server";
import {
  canRunPrivatePostgres,
  type PrivatePostgres,
  startPrivatePostgres,
} from "../helpers/private-postgres";
import { runIngestScript, runScript } from "../helpers/run-script";
import { dumpSnapshots } from "../helpers/snapshot-dump";
import { suiteFakeHub } from "../helpers/suite";

describe.runIf(canRunPrivatePostgres())("the database going away and coming back", () => {
  let pg: PrivatePostgres;
  beforeAll(async () => {
    pg = await startPrivatePostgres();
  }, 60_000);
  afterAll(() => pg?.destroy());

  describe("under the web app", () => {
    let app: AppServer;
    beforeAll(async () => {
      const db = await openDatabase({ kind: "postgres", url: pg.url });
      await migrateDatabase(db);
      await seedPopulation(db, 2, "out");
      await refreshRollups(db, null);
      await db.close();
      app = await startApp({ DATABASE_URL: pg.url });
    }, 120_000);
    afterAll(async () => {
      await app?.stop();
    });

    it("answers 503 JSON and a friendly page while it is down, and recovers without a restart", async () => {
      expect((await fetch(`${app.url}/api/v1/labs`)).status).toBe(200);
      pg.stop();
      const api = await fetch(`${app.url}/api/v1/models`);
      expect(api.status).toBe(503);
      expect((await api.json()).error.code).toBe("service_unavailable");
      // An answer computed before the outage is served, marked stale; a page that needs fresh
      // queries shows the friendly error.
      const cached = await fetch(`${app.url}/api/v1/labs`);
      expect(cached.status).toBe(200);
      expect(cached.headers.get("x-data-stale")).toBe("true");
      const page = await fetch(`${app.url}/models`);
      const html = await page.text();
      expect(page.status).toBeGreaterThanOrEqual(500);
      expect(html).toContain("The database is unavailable right now");
      pg.start();
      let status = 0;
      for (let i = 0; i < 40 && status !== 200; i++) {
        status = (await fetch(`${app.url}/api/v1/models`)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 250));
      }
      expect(status).toBe(200);
      expect((await fetch(`${app.url}/models`)).status).toBe(200);
      expect((await fetch(`${app.url}/api/v1/labs`)).headers.get("x-data-stale")).toBeNull();
    });
  });

  describe("under an ingestion run", () => {
    const hub = suiteFakeHub({ models: makeFakeModels(3000, 4) });

    it("a restart mid-run fails that run cleanly; the next run finishes it with nothing lost", {
      timeout: 240_000,
    }, async () => {
      const dir = path.join(mkdtempSync(path.join(tmpdir(), "oms-ref-")), "db");
      const reference = { DATABASE_URL: undefined, PGLITE_DIR: dir, HF_ENDPOINT: hub.url };
      expect((await runScript("scripts/db-migrate.ts", [], reference)).code).toBe(0);
      const uninterrupted = await runIngestScript(reference, "2025-10-01");
      expect(uninterrupted.code, uninterrupted.stderr).toBe(0);
      const refDb = await openDatabase({ kind: "pglite", dataDir: dir });
      const expected = await dumpSnapshots(refDb);
      await refDb.close();

      const admin = await openDatabase({ kind: "postgres", url: pg.url });
      await admin.prisma.$executeRawUnsafe("CREATE DATABASE ingest_outage");
      await admin.close();
      const url = pg.url.replace(/\/postgres$/, "/ingest_outage");
      const env = { DATABASE_URL: url, HF_ENDPOINT: hub.url };
      expect((await runScript("scripts/db-migrate.ts", [], env)).code).toBe(0);
      const start = hub.requests.length;
      const run = runIngestScript(env, "2025-10-01");
      while (hub.requests.length - start < 60) await new Promise((r) => setTimeout(r, 5));
      pg.restart();
      const failed = await run;
      expect(failed.code).toBe(1);
      expect(failed.stderr.trim().split("\n")).toHaveLength(1);
      expect(failed.stderr).toMatch(/^error: /);
      const next = await runIngestScript(env, "2025-10-01");
      expect(next.code, next.stderr).toBe(0);
      const db = await openDatabase({ kind: "postgres", url });
      expect(await dumpSnapshots(db)).toEqual(expected);
      const runs = await db.prisma.ingestRun.findMany({ orderBy: { id: "asc" } });
      expect(runs.at(-1)?.status).toBe("succeeded");
      expect(runs.at(-1)?.resumedFromId).toBe(runs[0]?.id);
      await db.close();
    });
  });
});
