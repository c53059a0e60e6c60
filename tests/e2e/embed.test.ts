import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshRollups } from "@/lib/analytics/rollups";
import { openDatabase } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/migrate/run";
import { refreshLineage } from "@/lib/origins/lineage";
import { seedPopulation } from "../factories/population";
import { type AppServer, freePort, startApp } from "../helpers/app-server";
import { launchBrowser, screenshotPath } from "../helpers/browser";

let browser: Browser;
let app: AppServer;
let host: Server;
let hostUrl: string;
const query = "interval=week&from=2024-10-01&title=China%20vs%20the%20US";

beforeAll(async () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "oms-embed-")), "db");
  const db = await openDatabase({ kind: "pglite", dataDir: dir });
  await migrateDatabase(db);
  await seedPopulation(db, 9, "emb");
  await refreshLineage(db);
  await refreshRollups(db, null);
  await db.close();
  app = await startApp({ DATABASE_URL: undefined, PGLITE_DIR: dir });
  // A journalist's page on another origin (another port) that embeds two of our pages.
  const port = await freePort();
  host = createServer((_req, res) => {
    res.setHeader("Content-Type", "text/html");
    res.end(`<!doctype html><title>Article</title><h1>An article</h1>
      <iframe id="embed" src="${app.url}/embed/share?${query}" title="Share chart" width="720" height="420" loading="lazy"></iframe>
      <iframe id="page" src="${app.url}/labs" title="Not embeddable" width="400" height="200"></iframe>
      <script src="${app.url}/embed.js" async></script>`);
  });
  await new Promise<void>((resolve) => host.listen(port, "127.0.0.1", resolve));
  hostUrl = `http://127.0.0.1:${port}/`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => host?.close(r));
  await app?.stop();
});

describe("embeds", () => {
  it("another site embeds /embed/share and the chart renders inside the iframe; a normal page is refused", async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(hostUrl);
    const embed = page.frameLocator("#embed");
    // The iframe is 720 px wide: the 640 px drawing is the one shown.
    await embed.locator(".w640 path.series-line").first().waitFor();
    expect(await embed.locator(".w640 path.series-line").count()).toBe(5);
    await expect(embed.locator("h1").textContent()).resolves.toBe("China vs the US");
    await expect(embed.getByText(/Source: Hugging Face Hub download counts/).textContent()).resolves.toMatch(
      /Open Model Share/,
    );
    // embed.js on the article sized the iframe to its content.
    await page.waitForFunction(
      () => document.querySelector<HTMLIFrameElement>("#embed")?.style.height !== "",
    );
    // The table tab needs no script.
    await embed.getByText("Table", { exact: true }).click();
    await embed.locator("table tbody tr").first().waitFor();
    await page.waitForTimeout(300);
    const refused = page.frames().find((f) => f.parentFrame() && !f.url().includes("/embed/share"));
    const content = (await refused?.content().catch(() => "")) ?? "";
    // The browser shows its own "is blocked" page instead of ours.
    expect(content).not.toContain("Every lab in the origin registry");
    expect(content).not.toContain("Open Model Share");
    await page.screenshot({ path: screenshotPath("embed-in-article") });
    await page.close();
  });

  it("the same embed URL gives the same cacheable bytes, with an ETag and 304", async () => {
    const url = `${app.url}/embed/share?${query}`;
    const [a, b] = [await fetch(url), await fetch(url)];
    expect(a.headers.get("cache-control")).toMatch(/public.*s-maxage=\d+.*stale-while-revalidate/);
    const [ta, tb] = [await a.text(), await b.text()];
    expect(ta).toBe(tb);
    expect(ta).not.toMatch(/nonce/);
    const etag = a.headers.get("etag") ?? "";
    expect((await fetch(url, { headers: { "if-none-match": etag } })).status).toBe(304);
  });

  it("a forced theme holds whatever the reader's system prefers, at 320, 640 and 1280 px", async () => {
    for (const [variant, qs] of [
      ["regions-light", "theme=light"],
      ["regions-dark", "theme=dark"],
      ["countries", "groupBy=country&theme=light"],
      ["labs", "groupBy=lab&labs=emb-qw,emb-me&theme=light"],
      ["stacked", "mode=stacked&theme=dark"],
      ["downloads", "value=downloads&metric=downloads&theme=light"],
    ] as const) {
      for (const scheme of ["light", "dark"] as const) {
        const context = await browser.newContext({
          viewport: { width: 1280, height: 900 },
          colorScheme: scheme,
        });
        const page = await context.newPage();
        for (const width of [320, 640, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          const res = await page.goto(`${app.url}/embed/share?${qs}`);
          expect(res?.status(), qs).toBe(200);
          const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
          expect(background, `${qs} on a ${scheme} system`).toBe(
            qs.includes("theme=dark") ? "rgb(11, 15, 23)" : "rgb(255, 255, 255)",
          );
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${qs} at ${width}px`).toBeLessThanOrEqual(1);
          if (scheme === "light")
            await page.screenshot({ path: screenshotPath(`embed-${variant}-${width}`), fullPage: true });
        }
        await context.close();
      }
    }
  });

  it("a zh-CN and a de embed read in their language at 390 and 1280 px, every text inside its measured box", async () => {
    const expected = {
      "zh-CN": {
        lang: "zh-CN",
        title: "按来源国划分的近 30 天下载量份额",
        tab: "表格",
        legend: "中国",
        description: "折线图：按来源国划分的近 30 天下载量份额，",
      },
      de: {
        lang: "de",
        title: "Anteil an den 30-Tage-Downloads nach Herkunftsland",
        tab: "Tabelle",
        legend: "Vereinigte Staaten",
        description: "Liniendiagramm: Anteil an den 30-Tage-Downloads nach Herkunftsland, ",
      },
    } as const;
    for (const locale of ["zh-CN", "de"] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        const res = await page.goto(`${app.url}/embed/share?locale=${locale}&from=2024-10-01&interval=week`);
        expect(res?.status()).toBe(200);
        await page.evaluate(() => document.fonts.ready);
        expect(await page.getAttribute("html", "lang")).toBe(expected[locale].lang);
        expect(await page.textContent("h1")).toBe(expected[locale].title);
        expect(await page.textContent("label[for=tab-table]")).toBe(expected[locale].tab);
        // What a screen reader is given for the chart reads in the embed's language too.
        const { description } = expected[locale];
        expect((await page.textContent("#chart-description"))?.slice(0, description.length)).toBe(
          description,
        );
        const shown = page.locator(".panel.chart .w:visible svg");
        expect(await shown.locator("text.legend").allTextContents()).toEqual(
          expect.arrayContaining([expect.stringContaining(expected[locale].legend)]),
        );
        // The layout measured each text (Inter, CJK a full em); the browser's drawing of it must
        // fit that box, and the ticks and legend items must not touch.
        const boxes = await shown.evaluate((svg) =>
          [...svg.querySelectorAll("text")].map((t) => {
            const box = (t as SVGTextElement).getBBox();
            return {
              role: t.getAttribute("class") ?? "",
              text: t.textContent ?? "",
              x: box.x,
              y: box.y,
              w: box.width,
              h: box.height,
            };
          }),
        );
        const svgWidth = Number(await shown.getAttribute("width"));
        for (const b of boxes) {
          expect(b.x, `${locale} ${width}px: ${b.text}`).toBeGreaterThanOrEqual(-1);
          expect(b.x + b.w, `${locale} ${width}px: ${b.text}`).toBeLessThanOrEqual(svgWidth + 1);
        }
        for (const role of ["x-tick", "legend", "end-label"]) {
          const same = boxes.filter((b) => b.role === role);
          for (let i = 0; i < same.length; i++)
            for (let j = i + 1; j < same.length; j++) {
              const [a, b] = [same[i], same[j]];
              if (!a || !b) continue;
              const apart =
                a.x + a.w <= b.x + 0.5 ||
                b.x + b.w <= a.x + 0.5 ||
                a.y + a.h <= b.y + 0.5 ||
                b.y + b.h <= a.y + 0.5;
              expect(apart, `${locale} ${width}px: ${role} "${a.text}" and "${b.text}" overlap`).toBe(true);
            }
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${locale} at ${width}px`).toBeLessThanOrEqual(1);
        await page.screenshot({ path: screenshotPath(`embed-${locale}-${width}`), fullPage: true });
      }
      await context.close();
    }
    // The PNG of a Chinese chart, for a person to look at (Noto Sans SC, no boxes).
    const png = await fetch(
      `${app.url}/api/v1/share.png?locale=zh-CN&from=2024-10-01&interval=week&width=1200&height=630`,
    );
    expect(png.status).toBe(200);
    writeFileSync(screenshotPath("share-zh-CN-png"), Buffer.from(await png.arrayBuffer()));
  });

  it("oEmbed names what is charted and links back to that view, for the overview, embeds and lab pages", async () => {
    for (const [link, title] of [
      ["/?groupBy=lab&labs=emb-qw,emb-me", /by lab: Qw, Me/],
      ["/labs/emb-qw", /by lab: Qw/],
      ["/embed/share?groupBy=country&metric=cumulative", /all-time downloads by country/],
    ] as const) {
      const body = await (await fetch(`${app.url}/api/oembed?url=${encodeURIComponent(link)}`)).json();
      expect(body.title, link).toMatch(title);
      const decodeEntities = (v: string) => v.replace(/&amp;|&#38;/g, "&");
      const src = decodeEntities(/src="([^"]+)"/.exec(body.html)?.[1] ?? "");
      const html = await (await fetch(src)).text();
      const back = decodeEntities(/href="([^"]+)"[^>]*>Open the interactive chart/.exec(html)?.[1] ?? "");
      const want = new URL(link, app.url).searchParams;
      const got = new URL(back, app.url).searchParams;
      for (const [k, v] of want) expect(got.get(k), `${link}: ${k}`).toBe(v);
    }
  });

  it("framing headers: embeds may be framed by anyone, other pages by no one", async () => {
    const embed = await fetch(`${app.url}/embed/share?${query}`);
    expect(embed.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(embed.headers.get("x-frame-options")).toBeNull();
    const labs = await fetch(`${app.url}/labs`);
    expect(labs.headers.get("x-frame-options")).toBe("DENY");
    expect(labs.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(labs.headers.get("content-security-policy")).toMatch(
      /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
    );
    const png = await fetch(`${app.url}/api/v1/share.png`);
    expect(png.headers.get("x-frame-options")).toBeNull();
    expect(png.headers.get("cache-control")).toMatch(/s-maxage/);
  });

  it("an invalid embed link is a 400 with a readable message", async () => {
    const res = await fetch(`${app.url}/embed/share?metric=views&theme=pink`);
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain("This embed link is invalid");
    expect(text).toMatch(/metric: Invalid option/);
    expect(text).toMatch(/theme: Invalid option/);
  });
});

describe("images", () => {
  it.each([
    ["", 1200, 630],
    ["groupBy=country&metric=cumulative&width=800&height=450&theme=dark", 800, 450],
    ["groupBy=lab&labs=emb-qw,emb-me&interval=day&width=640&height=360", 640, 360],
    ["cohort=new-12m&metric=downloads&interval=month&title=New%20models&width=1600&height=900", 1600, 900],
  ])("PNG ?%s is a valid %ix%i image", async (qs, width, height) => {
    const res = await fetch(`${app.url}/api/v1/share.png?${qs}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      true,
    );
    expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([width, height]);
  });

  it("SVG parses, has the requested size, a title, a legend and the source line", async () => {
    const page = await browser.newPage();
    const res = await page.goto(
      `${app.url}/api/v1/share.svg?groupBy=region&width=900&height=500&title=Test%20chart`,
    );
    expect(res?.status()).toBe(200);
    const svg = page.locator("svg").first();
    expect(await svg.getAttribute("width")).toBe("900");
    expect(await svg.getAttribute("height")).toBe("500");
    const text = (await svg.textContent()) ?? "";
    expect(text).toContain("Test chart");
    expect(text).toContain("China");
    expect(text).toContain("Source: Hugging Face Hub download counts");
    expect(await page.locator("svg path").count()).toBeGreaterThanOrEqual(5);
    await page.close();
  });

  it("bad image queries are 400s naming the parameter, never 500s", async () => {
    for (const qs of ["width=99999", "metric=nope", "theme=pink", "from=2025-13-01", "evil=%3Cscript%3E"]) {
      const res = await fetch(`${app.url}/api/v1/share.png?${qs}`);
      expect(res.status, qs).toBe(400);
      const body = await res.json();
      expect(body.error.issues.length, qs).toBeGreaterThan(0);
    }
  });
});

describe("oEmbed and social cards", () => {
  it("turns a permalink into the rich iframe", async () => {
    const permalink = `${app.url}/?cohort=new-12m&metric=downloads`;
    const res = await fetch(`${app.url}/api/oembed?url=${encodeURIComponent(permalink)}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ version: "1.0", type: "rich", provider_name: "Open Model Share" });
    expect(body.html).toMatch(
      /^<iframe src="[^"]+\/embed\/share\?[^"]*cohort=new-12m[^"]*" title="[^"]+" width="\d+" height="\d+" loading="lazy"/,
    );
    expect(
      (await fetch(`${app.url}/api/oembed?url=${encodeURIComponent("https://example.com/")}`)).status,
    ).toBe(404);
    expect((await fetch(`${app.url}/api/oembed`)).status).toBe(400);
  });

  it("pages advertise oEmbed and point Open Graph at the chart image", async () => {
    const html = await (await fetch(`${app.url}/?cohort=new-12m`)).text();
    expect(html).toMatch(
      /<link rel="alternate" type="application\/json\+oembed" href="[^"]*\/api\/oembed\?url=/,
    );
    expect(html).toMatch(
      /<meta property="og:image" content="[^"]*\/api\/v1\/share\.png\?[^"]*cohort=new-12m/,
    );
    expect(html).toMatch(/<meta name="twitter:card" content="summary_large_image"/);
  });
});
