import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startApp } from "../helpers/app-server";
import { launchBrowser, screenshotPath } from "../helpers/browser";
import { runScript } from "../helpers/run-script";

describe("a first start on an empty embedded database", () => {
  let browser: Browser;
  let app: AppServer;
  let prepared: Awaited<ReturnType<typeof runScript>>;
  beforeAll(async () => {
    const env = {
      DATABASE_URL: undefined,
      PGLITE_DIR: path.join(mkdtempSync(path.join(tmpdir(), "oms-first-")), "db"),
    };
    // What `npm start` runs before the server: migrate, sync the registry, load the demo data.
    prepared = await runScript("scripts/prepare-start.ts", [], env, 180_000);
    app = await startApp(env);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("serves an overview with 24+ months of demo history and the demo banner", async () => {
    expect(prepared.code, prepared.stderr).toBe(0);
    expect(prepared.stdout).toMatch(
      /Loaded demo data \(\d+ models, \d+ weekly snapshots 2024-07-07…2026-11-22\)/,
    );
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.url}/?from=2024-07-01&interval=month`);
    await page.getByTestId("demo-banner").waitFor();
    const chart = page.getByTestId("share-chart").first();
    // The server's drawing at this width (the 960 px one) is the first paint.
    await chart.locator(".static-l path.series-line").first().waitFor();
    const api = (await (await fetch(`${app.url}/api/v1/share?from=2024-07-01&interval=month`)).json()) as {
      demo: boolean;
      points: { asOf: string | null }[];
    };
    expect(api.demo).toBe(true);
    expect(api.points.filter((p) => p.asOf !== null).length).toBeGreaterThanOrEqual(24);
    for (const route of ["/labs", "/embed/share"]) {
      const other = await browser.newPage();
      await other.goto(`${app.url}${route}`);
      await expect(
        other
          .getByText(/demo data/i)
          .first()
          .isVisible(),
      ).resolves.toBe(true);
      await other.close();
    }
    await page.screenshot({ path: screenshotPath("first-start-demo"), fullPage: true });
    await page.close();
  });
});
