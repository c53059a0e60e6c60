import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "../helpers/app-server";
import { launchBrowser, screenshotPath } from "../helpers/browser";
import { type SeededApp, startSeededApp } from "../helpers/seeded-app";
import { testBackends } from "../helpers/test-db";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Loads a page and fails on any console error or failed request. */
async function visit(page: Page, url: string): Promise<string[]> {
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => {
    // "Failed to load resource" does not say which: its location does.
    if (m.type() === "error") problems.push(`${m.text()} ${m.location().url}`.trim());
  });
  // Console errors do not say which resource failed; the response does.
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  const response = await page.goto(url, { waitUntil: "load" });
  expect(response?.status(), url).toBe(200);
  return problems;
}

describe.each(testBackends())("dashboard pages on %s", (backend) => {
  let seeded: SeededApp;
  let app: AppServer;

  beforeAll(async () => {
    seeded = await startSeededApp(backend, 21, "e2e");
    app = seeded.app;
  });

  afterAll(async () => {
    await seeded?.stop();
  });

  it("overview: the finding and the chart first; presets, views, modes and the lab picker are permalinks", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = await visit(page, `${app.url}/?from=2024-10-01&interval=week`);
    const chart = page.getByTestId("share-chart").first();
    // The first paint is the server's drawing (the 960 px one at this width) …
    await chart.locator(".static-l path.series-line").first().waitFor();
    expect(await chart.locator(".static-l path.series-line").count()).toBe(5);
    // The study's framing on a first visit, said in words.
    await expect(page.locator(".finding").textContent()).resolves.toMatch(
      /New models \(first 12 months\): .*%/,
    );
    expect(await page.getByTestId("models-table").locator("tbody tr").count()).toBe(10);
    // … and every change is drawn by recharts in its place, without a navigation.
    await page.getByRole("link", { name: "Stacked", exact: true }).click();
    await page.waitForURL(/mode=stacked/);
    await chart.locator(".recharts-area").first().waitFor();
    expect(await chart.locator(".recharts-area").count()).toBe(5);
    await page.getByRole("button", { name: "Past year, all models", exact: true }).click();
    await page.waitForURL(/cohort=all/);
    await expect
      .poll(
        () =>
          page
            .getByRole("button", { name: "Past year, all models", exact: true })
            .getAttribute("aria-pressed"),
        {
          timeout: 15_000,
        },
      )
      .toBe("true");
    await page.screenshot({ path: screenshotPath(`overview-stacked-${backend}`), fullPage: true });
    // Two labs from the picker: the chart switches to labs.
    await page.getByRole("searchbox", { name: "Find a lab" }).fill("Qw");
    await page.getByRole("button", { name: "Qw", exact: true }).click();
    await page.waitForURL(/groupBy=lab.*labs=e2e-qw|labs=e2e-qw.*groupBy=lab/);
    await page.getByRole("searchbox", { name: "Find a lab" }).fill("Me");
    await page.getByRole("button", { name: "Me", exact: true }).click();
    await page.waitForURL(/labs=e2e-qw,e2e-me/);
    // The URL changes first; the chart of both labs follows from the API.
    await expect.poll(() => chart.locator(".recharts-area").count(), { timeout: 15_000 }).toBe(2);
    await page.screenshot({ path: screenshotPath(`overview-labs-${backend}`), fullPage: true });
    // The map: one path per country, a slider to walk the range.
    await page.getByRole("link", { name: "Map", exact: true }).click();
    await page.waitForURL(/view=map/);
    const map = page.getByTestId("share-map");
    await map.locator("path").first().waitFor();
    expect(await map.locator("path").count()).toBeGreaterThan(150);
    await map.getByRole("slider", { name: "Period" }).fill("0");
    await page.screenshot({ path: screenshotPath(`overview-map-${backend}`), fullPage: true });
    await page.getByRole("link", { name: "Table", exact: true }).click();
    await page.waitForURL(/view=table/);
    await page.getByRole("columnheader", { name: /Change/ }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it("on a phone the finding and the chart are on the first screen", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await visit(page, `${app.url}/`);
    const box = await page.getByTestId("share-chart").first().boundingBox();
    expect(box?.y ?? 9999).toBeLessThan(844);
    const finding = await page.locator(".finding").boundingBox();
    expect((finding?.y ?? 9999) + (finding?.height ?? 0)).toBeLessThan(844);
    await page.screenshot({ path: screenshotPath(`overview-phone-${backend}`) });
    await page.close();
  });

  it("a link naming a lab that does not exist says so", async () => {
    const page = await browser.newPage();
    await visit(page, `${app.url}/?groupBy=lab&labs=no-such-lab`);
    await expect(page.locator(".card[role=alert]").textContent()).resolves.toMatch(/no-such-lab/);
    await page.close();
  });

  it("every page renders without errors at 1280 px (light), 390 px (dark) and 360 px, with screenshots", async () => {
    const top = (await (await fetch(`${app.url}/api/v1/models?limit=1`)).json()) as {
      models: { hubId: string }[];
    };
    const modelRoute = `/models/${top.models[0]?.hubId}`;
    for (const [viewport, scheme] of [
      [{ width: 1280, height: 900 }, "light"],
      [{ width: 390, height: 844 }, "dark"],
      [{ width: 360, height: 740 }, "light"],
    ] as const) {
      const context = await browser.newContext({ viewport, colorScheme: scheme });
      for (const route of [
        "/",
        "/labs",
        "/labs/e2e-qw",
        "/models?q=m1",
        modelRoute,
        "/methodology",
        "/docs/api",
        "/status",
      ]) {
        const page = await context.newPage();
        const problems = await visit(page, `${app.url}${route}`);
        await page.locator("h1").first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${route} overflows at ${viewport.width}px`).toBeLessThanOrEqual(1);
        if (viewport.width !== 360) {
          const name =
            route === "/"
              ? "overview"
              : route
                  .slice(1)
                  .replace(/[/?=]/g, "_")
                  .replace(/^models_[^_]+_.+$/, "model");
          await page.screenshot({
            path: screenshotPath(`${name}-${viewport.width}-${backend}`),
            fullPage: true,
          });
        }
        expect(problems, route).toEqual([]);
        await page.close();
      }
      await context.close();
    }
  });

  it("the icons browsers and readers ask for without a link are served", async () => {
    // Chromium falls back to /favicon.ico when it looks for an icon before the page's links are in.
    for (const [file, type] of [
      ["/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)$/],
      ["/icon.svg", /^image\/svg\+xml/],
      ["/apple-touch-icon.png", /^image\/png$/],
    ] as const) {
      const response = await fetch(`${app.url}${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get("content-type"), file).toMatch(type);
      expect((await response.arrayBuffer()).byteLength, file).toBeGreaterThan(100);
    }
  });

  it("an unknown lab or model is a 404 page", async () => {
    const page = await browser.newPage();
    expect((await page.goto(`${app.url}/labs/no-such-lab`))?.status()).toBe(404);
    expect((await page.goto(`${app.url}/models/nobody/nothing`))?.status()).toBe(404);
    await page.close();
  });
});
