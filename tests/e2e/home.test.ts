import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startApp } from "../helpers/app-server";
import { launchBrowser, screenshotPath } from "../helpers/browser";
import { runScript } from "../helpers/run-script";
import { createTestDatabase, type TestDatabase, testBackends } from "../helpers/test-db";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(testBackends())("the production build on %s", (backend) => {
  let app: AppServer;
  let pg: TestDatabase | undefined;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    if (backend === "postgres") {
      pg = await createTestDatabase("postgres");
      await pg.prisma.lab.create({
        data: { slug: "e2e-lab", name: "E2E Lab", country: "CN", color: "#000" },
      });
      await pg.close();
      env = { DATABASE_URL: pg.url };
    } else {
      const dir = path.join(mkdtempSync(path.join(tmpdir(), "oms-e2e-")), "db");
      env = { DATABASE_URL: undefined, PGLITE_DIR: dir };
      const migrated = await runScript("scripts/db-migrate.ts", [], env);
      expect(migrated.code, migrated.stderr).toBe(0);
    }
    app = await startApp(env);
  });

  afterAll(async () => {
    await app?.stop();
    if (pg) await pg.drop();
  });

  it("serves the home page with counts read from the database", async () => {
    const page = await browser.newPage();
    const response = await page.goto(app.url);
    expect(response?.status()).toBe(200);
    const summary = page.getByTestId("database-summary");
    await expect(summary.textContent()).resolves.toContain("Labs");
    const expectedDb =
      backend === "postgres" ? /Served from Postgres at 127\.0\.0\.1/ : /Served from embedded PGlite/;
    await expect(page.locator("main").textContent()).resolves.toMatch(expectedDb);
    if (backend === "postgres") {
      await expect(summary.textContent()).resolves.toMatch(/Labs\s*1/);
    }
    await page.screenshot({ path: screenshotPath(`home-${backend}`), fullPage: true });
    await page.close();
  });
});
