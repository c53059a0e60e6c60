import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUESTION_KEYS, readChartState, resolveChartState } from "@/lib/domain/chart-state";
import { PRESETS, presetValues } from "@/lib/domain/presets";
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

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } as const;
const DESKTOP = { viewport: { width: 1280, height: 900 } } as const;

/** The question the page's URL asks, as the overview reads it. */
const questionOf = (page: Page) => {
  const values = resolveChartState("page", readChartState(new URL(page.url()).searchParams));
  return Object.fromEntries(QUESTION_KEYS.map((k) => [k, values[k as keyof typeof values] ?? null]));
};
const wanted = (preset: (typeof PRESETS)[number]) => {
  const values = presetValues(preset);
  return Object.fromEntries(QUESTION_KEYS.map((k) => [k, values[k as keyof typeof values] ?? null]));
};

/** Fails the test on a script error or a failed request of the page. */
function watchProblems(page: Page) {
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  return problems;
}

describe.each(testBackends())("presets on the overview on %s", (backend) => {
  let seeded: SeededApp;
  beforeAll(async () => {
    seeded = await startSeededApp(backend, 23, "pre");
  });
  afterAll(async () => {
    await seeded?.stop();
  });

  it("each preset's button switches to its link's question, and its link opens with its switches", async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${seeded.app.url}/?groupBy=lab`);
    for (const preset of PRESETS) {
      const button = page.getByRole("button", { name: preset.label, exact: true });
      await button.click();
      await expect.poll(() => button.getAttribute("aria-pressed")).toBe("true");
      expect(questionOf(page), preset.id).toEqual(wanted(preset));
    }
    for (const preset of PRESETS) {
      await page.goto(`${seeded.app.url}/?${preset.query}`);
      // No redirect: a preset is a link in the current format.
      expect(new URL(page.url()).search.slice(1)).toBe(preset.query);
      expect(questionOf(page), preset.id).toEqual(wanted(preset));
      const button = page.getByRole("button", { name: preset.label, exact: true });
      await expect(button.getAttribute("aria-pressed")).resolves.toBe("true");
      // The controls show the switches.
      await page.locator("details.more summary").click();
      const values = presetValues(preset);
      await expect(page.getByLabel(/^Measure/).inputValue()).resolves.toBe(values.metric);
      await expect(page.getByLabel(/^Models/).inputValue()).resolves.toBe(values.cohort);
      await expect(page.getByLabel(/^Attribution/).inputValue()).resolves.toBe(values.attribution);
      await expect(page.getByLabel(/^Repacks/).inputValue()).resolves.toBe(values.repacks);
      await expect(page.getByLabel(/^Task/).inputValue()).resolves.toBe(values.task ?? "");
      // The published figure beside ours, with its source.
      const figure = page.getByTestId("preset-figure");
      await expect(figure.textContent()).resolves.toContain(preset.label);
      for (const f of preset.figures) await expect(figure.textContent()).resolves.toContain(f.label);
      await expect(figure.locator(`a[href="${preset.source.url}"]`).count()).resolves.toBe(1);
      await page.screenshot({ path: screenshotPath(`preset-${preset.id}-1280-${backend}`) });
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each([
    ["1280", DESKTOP],
    ["390", PHONE],
  ] as const)(
    "at %s px: the repacks control and the sensitivity table fit the page",
    async (width, options) => {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(
        `${seeded.app.url}/?${PRESETS[0]?.query.replace(/&population=study/, "")}&repacks=to-base`,
      );
      await page.locator("details.more summary").click();
      await expect(page.getByLabel(/^Repacks/).inputValue()).resolves.toBe("to-base");
      const table = page.getByTestId("sensitivity");
      // Rendered with the page: the server's table seeds the browser's.
      expect(await table.locator("tbody tr").count()).toBeGreaterThanOrEqual(12);
      await expect(table.locator('tr[aria-current="true"]').count()).resolves.toBe(6);
      // Switching repacks asks the API again and the table follows.
      await page.getByLabel(/^Repacks/).selectOption("exclude");
      await expect
        .poll(
          () => table.locator('tr[aria-current="true"]').filter({ hasText: "Repacks excluded" }).count(),
          {
            // A new question's table is a dozen share answers, cold on the embedded database.
            timeout: 30_000,
          },
        )
        .toBe(1);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(1);
      await page.screenshot({ path: screenshotPath(`switchboard-${width}-${backend}`), fullPage: true });
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});
