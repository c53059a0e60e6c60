import { writeFileSync } from "node:fs";
import type { Browser, BrowserContext, Locator, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textWidth } from "@/lib/charts/text-metrics";
import { permalinks } from "../fixtures/permalinks";
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

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } as const;
const DESKTOP = { viewport: { width: 1280, height: 900 } } as const;

/** Requests a page makes to our API, by kind (fetch, document…), from the moment it is called. */
function watchRequests(page: Page) {
  const seen: Request[] = [];
  page.on("request", (r) => seen.push(r));
  return {
    api: () => seen.filter((r) => new URL(r.url()).pathname.startsWith("/api/")),
    documents: () => seen.filter((r) => r.resourceType() === "document"),
    clear: () => {
      seen.length = 0;
    },
  };
}

/** Fails the test on a script error or a failed request of the page. */
function watchProblems(page: Page) {
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`${m.text()} ${m.location().url}`.trim());
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  return problems;
}

/** The interactive chart takes over once a reader points at (or touches) the still one. */
async function goLive(page: Page, chart: Locator, touch = false) {
  const box = await chart.locator(".plot-box").boundingBox();
  if (!box) throw new Error("no chart box");
  if (touch) await page.touchscreen.tap(box.x + box.width * 0.5, box.y + box.height * 0.5);
  else await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await chart.locator(".plot-box .recharts-surface").waitFor();
  await expect.poll(() => chart.getAttribute("data-live")).toBe("true");
  return box;
}

/** A finger dragged along the plot (recharts follows touchmove), through the DevTools protocol. */
async function dragFinger(context: BrowserContext, page: Page, from: { x: number; y: number }, dx: number) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [from] });
  for (let k = 1; k <= 6; k++) {
    await cdp.send("Input.dispatchTouchEvent", {
      type: "touchMove",
      touchPoints: [{ x: from.x + (dx * k) / 6, y: from.y }],
    });
    await page.waitForTimeout(40);
  }
  return async () => cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

const rgb = (hex: string) => {
  const h = hex.replace("#", "");
  return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
};
const rgbText = (hex: string) => `rgb(${rgb(hex).join(", ")})`;

describe.each(testBackends())("interactive charts on %s", (backend) => {
  let seeded: SeededApp;
  let app: AppServer;

  beforeAll(async () => {
    seeded = await startSeededApp(backend, 21, "e2e");
    app = seeded.app;
  });

  afterAll(async () => {
    await seeded?.stop();
  });

  it.each([
    ["1280", DESKTOP, "light"],
    ["390", PHONE, "dark"],
  ] as const)(
    "at %s px: the first paint is drawn; hover or touch shows a date's values; the legend hides a series; arrow keys move the tooltip",
    async (width, options, scheme) => {
      const context = await browser.newContext({ ...options, colorScheme: scheme });
      const page = await context.newPage();
      const problems = watchProblems(page);
      const requests = watchRequests(page);
      await page.goto(`${app.url}/?from=2024-10-01&interval=week`);
      const chart = page.getByTestId("share-chart");
      // Drawn in the first HTML, before any script: no blank box.
      const still = chart.locator(`.static-${width === "1280" ? "l" : "s"} path.series-line`);
      expect(await still.count()).toBe(5);
      await page.waitForLoadState("networkidle");
      // The server's answers seed the query cache: nothing is asked again on load.
      expect(requests.api().map((r) => r.url())).toEqual([]);
      const box = await goLive(page, chart, width === "390");
      if (width === "390") {
        const end = await dragFinger(
          context,
          page,
          { x: box.x + box.width * 0.7, y: box.y + box.height * 0.4 },
          -60,
        );
        await page.locator(".chart-tooltip").waitFor();
        await page.screenshot({ path: screenshotPath(`chart-touch-${width}-${backend}`) });
        await end();
      } else {
        await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
        await page.locator(".chart-tooltip").waitFor();
        await page.screenshot({ path: screenshotPath(`chart-hover-${width}-${backend}`) });
      }
      const tooltip = page.locator(".chart-tooltip");
      await expect(tooltip.locator("strong").textContent()).resolves.toMatch(/^\d{1,2} [A-Z][a-z]{2} 20\d\d/);
      expect(await tooltip.locator("tbody tr").count()).toBe(5);
      await expect(tooltip.textContent()).resolves.toMatch(
        /New models \(first 12 months\) · developer attribution/,
      );
      await expect(tooltip.textContent()).resolves.toMatch(/China\s*\d+\.\d %/);
      // No part of the page is pushed sideways by the tooltip.
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(1);
      // The legend hides and shows a series.
      const china = chart.getByRole("button", { name: /^China/ });
      await china.click();
      await expect(china.getAttribute("aria-pressed")).resolves.toBe("false");
      await expect.poll(() => chart.locator(".recharts-line").count()).toBe(4);
      await china.click();
      await expect.poll(() => chart.locator(".recharts-line").count()).toBe(5);
      // Arrow keys move the tooltip from period to period (recharts' accessibility layer).
      if (width === "1280") {
        await page.mouse.move(0, 0);
        await chart.locator(".recharts-surface").focus();
        await page.keyboard.press("ArrowRight");
        await tooltip.waitFor();
        const first = await tooltip.locator("strong").textContent();
        await page.keyboard.press("ArrowRight");
        await expect.poll(() => tooltip.locator("strong").textContent()).not.toBe(first);
        await page.screenshot({ path: screenshotPath(`chart-keyboard-${width}-${scheme}-${backend}`) });
      }
      // Labels at line ends never overlap (desktop: the phone has no room for them).
      const ends = await chart
        .locator(".end-label")
        .evaluateAll((els) =>
          els.map((e) => (e as SVGGraphicsElement).getBBox()).map((b) => [b.x, b.y, b.width, b.height]),
        );
      for (let i = 0; i < ends.length; i++)
        for (let j = i + 1; j < ends.length; j++) {
          const [a, b] = [ends[i] ?? [], ends[j] ?? []];
          const overlap =
            (a[0] ?? 0) < (b[0] ?? 0) + (b[2] ?? 0) &&
            (b[0] ?? 0) < (a[0] ?? 0) + (a[2] ?? 0) &&
            (a[1] ?? 0) < (b[1] ?? 0) + (b[3] ?? 0) &&
            (b[1] ?? 0) < (a[1] ?? 0) + (a[3] ?? 0);
          expect(overlap, `end labels ${i} and ${j}`).toBe(false);
        }
      expect(problems).toEqual([]);
      await context.close();
    },
  );

  it("a brush sets the range and the URL; a new measure is fetched as JSON, not a document; the previous chart stays while it loads; errors show in place with a retry", async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${app.url}/?interval=week`);
    const requests = watchRequests(page);
    const chart = page.getByTestId("share-chart");
    await goLive(page, chart);
    // Drag the brush's left handle a third of the way in.
    const handle = chart.locator(".recharts-brush-traveller").first();
    const track = await chart.locator(".recharts-brush").boundingBox();
    const grip = await handle.boundingBox();
    if (!track || !grip) throw new Error("no brush");
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(grip.x + track.width / 3, grip.y + grip.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForURL(/[?&]from=\d{4}-\d{2}-\d{2}.*&to=\d{4}-\d{2}-\d{2}/);
    const from = new URL(page.url()).searchParams.get("from");
    await expect.poll(() => requests.api().some((r) => r.url().includes(`from=${from}`))).toBe(true);
    await expect.poll(() => chart.locator(".plot-box .x-tick").count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath(`chart-brushed-${backend}`) });
    // A new measure: JSON from the API, no document.
    requests.clear();
    await page.getByLabel("Measure").selectOption("cumulative");
    await expect
      .poll(() => page.locator(".chart-panel h2").textContent())
      .toBe("Share of all-time downloads by country of origin");
    expect(requests.documents()).toEqual([]);
    const fetched = requests.api().filter((r) => r.url().includes("/api/v1/share?"));
    expect(fetched.length).toBeGreaterThan(0);
    for (const r of fetched) expect(r.resourceType()).toBe("fetch");
    expect(new URL(page.url()).searchParams.get("metric")).toBe("cumulative");
    // A slow answer: the previous chart stays, marked as updating.
    await page.route("**/api/v1/share?**", async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.getByLabel("Measure").selectOption("downloads30d");
    await page.locator(".plot-box.is-pending").waitFor();
    await expect(page.locator(".chart-status").textContent()).resolves.toMatch(/Updating/);
    expect(await chart.locator(".recharts-line").count()).toBe(5);
    await page.screenshot({ path: screenshotPath(`chart-pending-${backend}`) });
    await page.locator(".plot-box.is-pending").waitFor({ state: "detached" });
    await page.unroute("**/api/v1/share?**");
    // A failing answer: the error in place of the chart, and a retry that works.
    let fail = true;
    await page.route("**/api/v1/share?**", async (route) => {
      if (!fail) return route.continue();
      await route.fulfill({
        status: 503,
        contentType: "application/json",
        body: JSON.stringify({
          error: {
            code: "service_unavailable",
            message: "The database is unavailable right now",
            issues: [],
          },
        }),
      });
    });
    await page.getByLabel("Group by").selectOption("country");
    const alert = chart.locator(".plot-error[role=alert]");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/database is unavailable/);
    await page.screenshot({ path: screenshotPath(`chart-error-${backend}`) });
    fail = false;
    await alert.getByRole("button", { name: "Try again" }).click();
    await alert.waitFor({ state: "detached" });
    await expect.poll(() => page.locator(".chart-panel h2").textContent()).toMatch(/by country$/);
    await page.unroute("**/api/v1/share?**");
    expect(problems.filter((p) => !p.includes("503"))).toEqual([]);
    await context.close();
  });

  it("a control change whose answer is cached reaches the screen quickly (User Timing, recorded)", async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(`${app.url}/?interval=week`);
    const chart = page.getByTestId("share-chart");
    await goLive(page, chart);
    const measure = page.getByLabel("Measure");
    // Both answers fetched once; every later switch is served from the query cache.
    await measure.selectOption("cumulative");
    await expect.poll(() => page.locator(".chart-panel h2").textContent()).toMatch(/all-time/);
    const durations: number[] = [];
    for (let i = 0; i < 6; i++) {
      const next = i % 2 === 0 ? "downloads" : "cumulative";
      await page.evaluate(() => performance.clearMeasures("oms:chart-update"));
      await measure.selectOption(next);
      await expect
        .poll(() => page.evaluate(() => performance.getEntriesByName("oms:chart-update").length))
        .toBe(1);
      durations.push(
        await page.evaluate(() => performance.getEntriesByName("oms:chart-update")[0]?.duration ?? -1),
      );
    }
    durations.sort((a, b) => a - b);
    const median = durations[Math.floor(durations.length / 2)] ?? -1;
    console.log(
      `cached control change → chart drawn: median ${median.toFixed(1)} ms, all ${durations.map((d) => d.toFixed(1)).join(", ")}`,
    );
    writeFileSync(
      screenshotPath(`chart-update-timing-${backend}`).replace(/\.png$/, ".json"),
      JSON.stringify(
        { at: new Date().toISOString(), backend, medianMs: median, durationsMs: durations },
        null,
        2,
      ),
    );
    // Recorded, not asserted against the budget: this only checks that it was measured.
    expect(median).toBeGreaterThan(0);
    await context.close();
  });

  it("every permalink of the table opens its chart, on the page, the embed and the image", async () => {
    const page = await browser.newPage(DESKTOP);
    const chartOf = async (url: string) => {
      await page.goto(url);
      return {
        url: page.url().replace(app.url, ""),
        title: await page.locator(".chart-panel h2").textContent(),
        legend: await page.locator(".chart-legend .legend-item").allTextContents(),
        view: await page.locator("nav[aria-label=Views] [aria-current=page]").textContent(),
      };
    };
    for (const link of permalinks("e2e-qw", "e2e-me")) {
      if (link.surface === "page") {
        const old = await chartOf(`${app.url}${link.link}`);
        const now = await chartOf(`${app.url}${link.now}`);
        expect(old, link.format).toEqual({ ...now, url: old.url });
        // A link whose meaning was spelled differently is redirected to its current form.
        if (link.link.includes("compare=")) expect(old.url, link.format).toBe(link.now);
        if (old.view !== "Map") expect(old.legend.length, link.format).toBeGreaterThan(0);
      } else {
        const [a, b] = [await fetch(`${app.url}${link.link}`), await fetch(`${app.url}${link.now}`)];
        expect([a.status, b.status], link.format).toEqual([200, 200]);
        expect(
          Buffer.from(await a.arrayBuffer()).equals(Buffer.from(await b.arrayBuffer())),
          link.format,
        ).toBe(true);
      }
    }
    await page.close();
  });

  describe("page, embed, PNG and SVG of one chart show the same picture", () => {
    const VARIANTS = [
      ["regions", "interval=week"],
      ["countries", "interval=week&groupBy=country"],
      ["labs", "interval=week&groupBy=lab&labs=e2e-qw,e2e-me"],
      ["stacked", "interval=week&mode=stacked"],
      ["downloads", "interval=week&value=downloads&metric=downloads30d"],
    ] as const;

    it.each(
      VARIANTS.flatMap(([name, q]) => (["light", "dark"] as const).map((theme) => [name, q, theme] as const)),
    )("%s, %s theme", async (name, query, theme) => {
      const context = await browser.newContext({ ...DESKTOP, colorScheme: theme });
      const page = await context.newPage();
      await page.goto(`${app.url}/?${query}`);
      const chart = page.getByTestId("share-chart");
      const stillTicks = await chart.locator(".static-l .x-tick").allTextContents();
      await goLive(page, chart);
      const pageChart = {
        title: await page.locator(".chart-panel h2").textContent(),
        legend: await chart.locator(".legend-item").evaluateAll((items) =>
          items.map((i) => ({
            text: (i.textContent ?? "").replace(/\s+/g, " ").trim(),
            color: getComputedStyle(i.querySelector(".swatch") as Element).backgroundColor,
          })),
        ),
        yTicks: await chart.locator(".plot-box .y-tick").allTextContents(),
        xTicks: await chart.locator(".plot-box .x-tick").allTextContents(),
        notes: await chart.locator("figcaption .chart-notes").textContent(),
        fg: await chart
          .locator(".legend-label")
          .first()
          .evaluate((e) => getComputedStyle(e).color),
        muted: await chart
          .locator(".plot-box .y-tick")
          .first()
          .evaluate((e) => getComputedStyle(e).fill),
      };
      // The page's own links to its image and its embed (made from the same state).
      const png = (await page.getByRole("link", { name: "PNG", exact: true }).getAttribute("href")) ?? "";
      const imageQuery = new URLSearchParams(png.split("?")[1]);
      imageQuery.set("theme", theme);
      imageQuery.set("height", "800");
      const embedQuery = new URLSearchParams(imageQuery);
      embedQuery.delete("height");
      await page.screenshot({ path: screenshotPath(`same-page-${name}-${theme}`) });

      // The SVG image, read in the browser.
      const svgText = await (await fetch(`${app.url}/api/v1/share.svg?${imageQuery}`)).text();
      await page.setContent(`<!doctype html><body style="margin:0">${svgText}</body>`);
      const fromSvg = (root: string) =>
        page.evaluate((sel) => {
          const svg = document.querySelector(sel) as SVGSVGElement;
          const all = (c: string) => [...svg.querySelectorAll(`.${c}`)];
          return {
            title: all("title")
              .map((t) => t.textContent)
              .join(" "),
            legend: all("legend").map((t, i) => ({
              text: t.textContent ?? "",
              color: (all("legend-swatch")[i] as Element).getAttribute("fill") ?? "",
            })),
            swatches: all("legend-swatch").map((r) => {
              const b = (r as SVGGraphicsElement).getBBox();
              return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
            }),
            yTicks: all("y-tick").map((t) => t.textContent ?? ""),
            xTicks: all("x-tick").map((t) => t.textContent ?? ""),
            notes: all("note")
              .map((t) => t.textContent)
              .join(" "),
            muted: all("y-tick")[0]?.getAttribute("fill") ?? "",
            fg: all("legend")[0]?.getAttribute("fill") ?? "",
          };
        }, root);
      const image = await fromSvg("svg");
      // The embed, as a reader's browser shows it.
      await page.goto(`${app.url}/embed/share?${embedQuery}`);
      const embed = {
        ...(await fromSvg(".w960 svg")),
        title: await page.locator("h1").textContent(),
        notes: await page.locator(".chart-notes").textContent(),
      };
      // The PNG: the legend's swatches, read as pixels.
      const pngBytes = Buffer.from(
        await (await fetch(`${app.url}/api/v1/share.png?${imageQuery}`)).arrayBuffer(),
      );
      const pixels = await page.evaluate(
        async ({ data, points }) => {
          const img = new Image();
          img.src = `data:image/png;base64,${data}`;
          await img.decode();
          const canvas = document.createElement("canvas");
          canvas.width = img.width;
          canvas.height = img.height;
          const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
          ctx.drawImage(img, 0, 0);
          return [{ x: 2, y: 2 }, ...points].map((p) => [
            ...ctx.getImageData(Math.round(p.x), Math.round(p.y), 1, 1).data,
          ]);
        },
        { data: pngBytes.toString("base64"), points: image.swatches },
      );

      const legendOf = (items: { text: string; color: string }[]) =>
        items.map((i) => ({ text: i.text, color: i.color.startsWith("#") ? rgbText(i.color) : i.color }));
      expect(legendOf(image.legend), "image legend").toEqual(legendOf(pageChart.legend));
      expect(legendOf(embed.legend), "embed legend").toEqual(legendOf(pageChart.legend));
      expect(image.yTicks, "image y ticks").toEqual(pageChart.yTicks);
      expect(embed.yTicks, "embed y ticks").toEqual(pageChart.yTicks);
      // x ticks: the same rule at the same width (the page's 960 px drawing and the embed's).
      expect(embed.xTicks, "embed x ticks").toEqual(stillTicks);
      expect(pageChart.xTicks.length).toBeGreaterThan(1);
      expect(pageChart.xTicks.at(-1), "the latest period is labelled").toBe(stillTicks.at(-1));
      expect(image.title).toBe(pageChart.title);
      expect(embed.title).toBe(pageChart.title);
      expect(embed.notes).toBe(pageChart.notes);
      expect(image.notes.startsWith(pageChart.notes ?? "-"), "image notes").toBe(true);
      // The same colours for text in each theme, and in the PNG the same swatches and background.
      expect(rgbText(embed.fg)).toBe(pageChart.fg);
      expect(rgbText(embed.muted)).toBe(pageChart.muted);
      expect(rgbText(image.muted)).toBe(pageChart.muted);
      const [background, ...swatches] = pixels;
      expect(background?.slice(0, 3)).toEqual(rgb(theme === "dark" ? "#0b0f17" : "#ffffff"));
      swatches.forEach((px, i) => {
        const want = rgb(image.legend[i]?.color ?? "#000000");
        for (let c = 0; c < 3; c++)
          expect(Math.abs((px[c] ?? 0) - (want[c] ?? 0)), `PNG swatch ${i}`).toBeLessThanOrEqual(6);
      });
      await context.close();
    });
  });

  it("labels never collide and stay inside the drawing, from 320 to 2,400 px (measured in Chromium, in Inter)", async () => {
    const page = await browser.newPage();
    const measured: { text: string; browser: number; ours: number }[] = [];
    for (const query of ["", "groupBy=country", "groupBy=lab&labs=e2e-qw,e2e-me,e2e-mi", "mode=stacked"])
      for (const width of [320, 360, 420, 560, 640, 800, 1024, 1280, 1600, 2000, 2400]) {
        const svg = await (
          await fetch(`${app.url}/api/v1/share.svg?${query}&width=${width}&height=630`)
        ).text();
        await page.setContent(
          `<!doctype html><style>@font-face{font-family:Inter;font-weight:100 900;src:url(${app.url}/fonts/inter-latin.woff2) format("woff2")}body{margin:0}</style>${svg}`,
        );
        await page.evaluate(() => document.fonts.load("13px Inter"));
        expect(await page.evaluate(() => document.fonts.check("13px Inter"))).toBe(true);
        const boxes = await page.evaluate(() => {
          const box = (e: Element) => {
            const b = (e as SVGGraphicsElement).getBBox();
            return { x: b.x, y: b.y, w: b.width, h: b.height };
          };
          const all = (c: string) => [...document.querySelectorAll(`svg .${c}`)];
          const legend = all("legend").map((t, i) => {
            const a = box(t);
            const s = box(all("legend-swatch")[i] as Element);
            const x = Math.min(a.x, s.x);
            const y = Math.min(a.y, s.y);
            return { x, y, w: Math.max(a.x + a.w, s.x + s.w) - x, h: Math.max(a.y + a.h, s.y + s.h) - y };
          });
          return {
            legend,
            legendText: all("legend").map((t) => ({
              text: t.textContent ?? "",
              width: (t as SVGTextContentElement).getComputedTextLength(),
            })),
            ends: all("end-label").map(box),
            xTicks: all("x-tick").map(box),
            texts: [...document.querySelectorAll("svg text")].map(box),
          };
        });
        const label = `${query || "regions"} at ${width}px`;
        const apart = (list: { x: number; y: number; w: number; h: number }[], what: string) => {
          for (let i = 0; i < list.length; i++)
            for (let j = i + 1; j < list.length; j++) {
              const [a, b] = [list[i], list[j]];
              if (!a || !b) continue;
              const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
              expect(overlap, `${what} ${i} and ${j} overlap, ${label}`).toBe(false);
            }
        };
        apart(boxes.legend, "legend items");
        apart(boxes.ends, "line-end labels");
        apart(boxes.xTicks, "x ticks");
        for (const t of boxes.texts) {
          expect(t.x, `a text starts left of the drawing, ${label}`).toBeGreaterThanOrEqual(-0.5);
          expect(t.x + t.w, `a text ends right of the drawing, ${label}`).toBeLessThanOrEqual(width + 0.5);
        }
        for (const t of boxes.legendText)
          measured.push({ ...t, browser: t.width, ours: textWidth(t.text, 13) });
      }
    // Our widths are the font's: never narrower than Chromium's drawing, and within a few per cent of it.
    for (const m of measured) {
      expect(m.ours, m.text).toBeGreaterThanOrEqual(m.browser - 0.5);
      expect(m.ours, m.text).toBeLessThanOrEqual(m.browser * 1.04 + 0.5);
    }
    await page.close();
  });

  it("lab pages, the labs table's sparklines and a model's history: recharts takes over; the brush writes the range", async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${app.url}/labs/e2e-qw`);
    const requests = watchRequests(page);
    await page.waitForLoadState("networkidle");
    const charts = page.getByTestId("share-chart");
    expect(await charts.count()).toBe(3);
    const first = charts.first();
    const box = await goLive(page, first);
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.4);
    await first.locator(".chart-tooltip").waitFor();
    // The left handle moved in: the range starts later and still holds the lab's downloads.
    const grip = await first.locator(".recharts-brush-traveller").first().boundingBox();
    const track = await first.locator(".recharts-brush").boundingBox();
    if (!grip || !track) throw new Error("no brush");
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(grip.x + track.width / 3, grip.y + grip.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForURL(/\/labs\/e2e-qw\?.*to=\d{4}-\d{2}-\d{2}/);
    // Every chart of the page follows the range, each from the API.
    await expect.poll(() => requests.api().filter((r) => r.url().includes("to=")).length).toBe(3);
    expect(requests.documents()).toEqual([]);
    await expect.poll(() => first.locator(".recharts-line").count()).toBe(1);
    await page.screenshot({ path: screenshotPath(`lab-brushed-${backend}`), fullPage: true });

    await page.goto(`${app.url}/labs`);
    const spark = page.locator(".sparkline").first();
    const sbox = await spark.boundingBox();
    if (!sbox) throw new Error("no sparkline");
    await page.mouse.move(sbox.x + sbox.width / 2, sbox.y + sbox.height / 2);
    await spark.locator(".recharts-surface").waitFor();
    await page.mouse.move(sbox.x + sbox.width * 0.8, sbox.y + sbox.height / 2);
    await expect(page.locator(".chart-tooltip").textContent()).resolves.toMatch(/[A-Z][a-z]{2} 20\d\d.*%/);
    await page.screenshot({ path: screenshotPath(`labs-sparkline-${backend}`) });

    const top = (await (await fetch(`${app.url}/api/v1/models?limit=1`)).json()) as {
      models: { hubId: string }[];
    };
    await page.goto(`${app.url}/models/${top.models[0]?.hubId}`);
    requests.clear();
    const history = page.getByTestId("share-chart");
    const hbox = await goLive(page, history);
    await page.mouse.move(hbox.x + hbox.width * 0.5, hbox.y + hbox.height * 0.4);
    await expect(history.locator(".chart-tooltip").textContent()).resolves.toMatch(
      /Downloads, last 30 days\s*[\d,]+/,
    );
    const hgrip = await history.locator(".recharts-brush-traveller").first().boundingBox();
    const htrack = await history.locator(".recharts-brush").boundingBox();
    if (!hgrip || !htrack) throw new Error("no brush");
    await page.mouse.move(hgrip.x + hgrip.width / 2, hgrip.y + hgrip.height / 2);
    await page.mouse.down();
    await page.mouse.move(hgrip.x + htrack.width / 2, hgrip.y + hgrip.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForURL(/from=\d{4}-\d{2}-\d{2}/);
    // Every snapshot is on the page already: zooming asks the API nothing.
    expect(requests.api()).toEqual([]);
    await page.getByRole("button", { name: "Show every snapshot" }).waitFor();
    await page.screenshot({ path: screenshotPath(`model-history-brushed-${backend}`) });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the model search suggests as one types; the lab picker lists the API's labs", async () => {
    const page = await browser.newPage(DESKTOP);
    await page.goto(`${app.url}/models`);
    const box = page.getByRole("combobox", { name: "Search" });
    await box.pressSequentially("m1", { delay: 60 });
    const options = page.getByRole("listbox", { name: "Suggested models" }).getByRole("option");
    await options.first().waitFor();
    expect(await options.count()).toBeGreaterThan(0);
    for (const text of await options.allTextContents()) expect(text).toMatch(/m1/);
    await page.screenshot({ path: screenshotPath(`models-suggest-${backend}`) });
    await box.press("ArrowDown");
    const chosen = (await options.first().locator(".suggestion-id").textContent()) ?? "";
    await box.press("Enter");
    await page.waitForURL(new RegExp(`/models/${chosen.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));

    await page.goto(`${app.url}/`);
    const labs = (await (await fetch(`${app.url}/api/v1/labs`)).json()) as { labs: { name: string }[] };
    await page
      .getByRole("searchbox", { name: "Find a lab" })
      .fill(labs.labs.find((l) => l.name === "Mi")?.name ?? "?");
    await page.getByRole("button", { name: "Mi", exact: true }).waitFor();
    await page.close();
  });

  it("the status page follows a running ingestion live", async () => {
    const page = await browser.newPage(DESKTOP);
    const real = (await (await fetch(`${app.url}/api/v1/ingest/runs`)).json()) as {
      runs: Record<string, unknown>[];
    };
    const base = real.runs[0] ?? {
      asOf: "2024-12-01",
      trigger: "cron",
      source: "hub",
      startedAt: new Date().toISOString(),
      privateSkipped: 0,
      population: null,
      resumedFromId: null,
    };
    let pages = 3;
    const running = () => ({
      runs: [
        {
          ...base,
          id: 999,
          status: "running",
          finishedAt: null,
          pages,
          modelsSeen: pages * 1000,
          snapshotsWritten: pages * 1000,
          heartbeatAt: new Date().toISOString(),
          errors: [],
        },
        ...real.runs,
      ],
    });
    // The API answers a run going on (its shape, as tests/integration/api-conformance.test.ts checks it).
    await page.route("**/api/v1/ingest/runs", (route) =>
      route.fulfill({
        status: 200,
        contentType: "application/json",
        headers: { ETag: `"run-${pages}"` },
        body: JSON.stringify(running()),
      }),
    );
    await page.goto(`${app.url}/status`);
    // The first poll after the seeded list is at most 15 s away; a run found is then polled every 3 s.
    const live = page.getByTestId("run-live");
    await live.waitFor({ timeout: 20_000 });
    await expect(live.getByTestId("run-live-models").textContent()).resolves.toBe("3,000");
    pages = 7;
    await expect
      .poll(() => live.getByTestId("run-live-models").textContent(), { timeout: 10_000 })
      .toBe("7,000");
    await page.screenshot({ path: screenshotPath(`status-live-${backend}`) });
    await page.close();
  }, 60_000);
});
