import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/migrate/run";
import { loadDemoData } from "@/lib/demo/load";
import { finishUnfinishedWork } from "@/lib/publish/unfinished";
import { type AppServer, startApp } from "../helpers/app-server";
import { launchBrowser, screenshotPath } from "../helpers/browser";

/**
 * The bundled demo data (real labs, two years of weeks) with the project's annotations: the
 * overview's chart at a phone's and a desktop's width, still and interactive, read for markers
 * whose labels touch other text. Screenshots: tests/e2e/screenshots/annotations-*.png.
 */
let browser: Browser;
let app: AppServer;

beforeAll(async () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "oms-annotations-")), "db");
  const db = await openDatabase({ kind: "pglite", dataDir: dir });
  await migrateDatabase(db);
  await finishUnfinishedWork(db);
  await loadDemoData(db);
  await db.close();
  app = await startApp({ DATABASE_URL: undefined, PGLITE_DIR: dir });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

type Box = { x: number; y: number; width: number; height: number; text: string; kind: string };

/** The boxes of the chart's texts that markers' labels could run into, as the browser laid them out. */
function textBoxes(page: Page, scope: string): Promise<Box[]> {
  return page.evaluate((scope) => {
    const root = document.querySelector(scope);
    const kinds = ["annotation-label", "crossover-label", "x-tick", "y-tick", "end-label", "reference-label"];
    return [...(root?.querySelectorAll("text") ?? [])].flatMap((t) => {
      const kind = kinds.find((k) => t.classList.contains(k) || t.getAttribute("class") === k);
      const r = t.getBoundingClientRect();
      if (!kind || r.width === 0) return [];
      return [{ x: r.x, y: r.y, width: r.width, height: r.height, text: t.textContent ?? "", kind }];
    });
  }, scope);
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

/** Each marker's label that touches another text of the chart. */
function collisions(boxes: Box[]): string[] {
  const out: string[] = [];
  boxes.forEach((a, i) => {
    if (a.kind !== "annotation-label") return;
    boxes.forEach((b, j) => {
      // A pair of labels is reported once.
      if (j === i || (b.kind === "annotation-label" && j < i)) return;
      if (overlaps(a, b)) out.push(`"${a.text}" on ${b.kind} "${b.text}"`);
    });
  });
  return out;
}

const QUERY = "/?v=2&groupBy=region&metric=downloads30d&cohort=all&from=2024-01-01";

describe.each([
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 900 },
])("marked events at $width px", ({ name, width, height }) => {
  it("are drawn, labelled where they fit, and their labels touch no other text, still and interactive", async () => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${app.url}${QUERY}`);
    const figure = page.getByTestId("share-chart");
    await figure.waitFor();
    const still = await textBoxes(page, ".plot-box");
    const shown = still.filter((b) => b.kind === "annotation-label");
    expect(shown.length).toBeGreaterThan(0);
    expect(collisions(still)).toEqual([]);
    await figure.screenshot({ path: screenshotPath(`annotations-${name}-still`) });

    await page.locator(".plot-box").hover();
    await page.waitForSelector("[data-testid=share-chart][data-live=true] .recharts-surface");
    await page.waitForSelector(".chart-overlay .annotation-label");
    const live = await textBoxes(page, ".plot-box");
    expect(live.filter((b) => b.kind === "annotation-label").length).toBeGreaterThan(0);
    expect(collisions(live)).toEqual([]);
    expect(
      await page.locator(".recharts-reference-line.annotation, .annotation line").count(),
    ).toBeGreaterThan(0);
    await page.mouse.move(0, 0);
    await figure.screenshot({ path: screenshotPath(`annotations-${name}-live`) });

    // Described for screen readers: the interactive chart points at its description.
    const describedBy = await page
      .locator(".recharts-surface[aria-describedby], .recharts-wrapper [aria-describedby]")
      .first()
      .getAttribute("aria-describedby");
    expect(describedBy).toBeTruthy();
    const description = await page.locator(`[id="${describedBy}"]`).textContent();
    expect(description).toMatch(/^Line chart: .+ Leader at the end \(/);
    await page.close();
  });

  it("are gone with annotations=off", async () => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${app.url}${QUERY}&annotations=off`);
    await page.getByTestId("share-chart").waitFor();
    expect(await page.locator(".plot-box .annotation, .plot-box .annotation-label").count()).toBe(0);
    await page.close();
  });
});

it("the embed and the PNG show the markers too", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 700 } });
  await page.goto(`${app.url}/embed/share?groupBy=region&from=2024-01-01`);
  await page.locator(".w360 .annotation-label").first().waitFor();
  expect(collisions(await textBoxes(page, ".w360 svg"))).toEqual([]);
  await page.screenshot({ path: screenshotPath("annotations-embed-390"), fullPage: true });
  await page.goto(`${app.url}/api/v1/share.png?groupBy=region&from=2024-01-01&width=1200&height=630`);
  await page.screenshot({ path: screenshotPath("annotations-png-1200") });
  await page.close();
});
