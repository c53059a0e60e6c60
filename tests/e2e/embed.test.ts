import { mkdtempSync } from "node:fs";
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
      <iframe id="page" src="${app.url}/labs" title="Not embeddable" width="400" height="200"></iframe>`);
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
    await embed.getByTestId("share-chart").locator("path.recharts-line-curve").first().waitFor();
    expect(await embed.getByTestId("share-chart").locator("path.recharts-line-curve").count()).toBe(5);
    await expect(embed.getByText("China vs the US").textContent()).resolves.toBe("China vs the US");
    await expect(embed.getByText(/Data: Hugging Face Hub downloads/).textContent()).resolves.toMatch(
      /Open Model Share/,
    );
    await page.waitForTimeout(300);
    const refused = page.frames().find((f) => f.parentFrame() && !f.url().includes("/embed/share"));
    const content = (await refused?.content().catch(() => "")) ?? "";
    // The browser shows its own "is blocked" page instead of ours.
    expect(content).not.toContain("Every lab in the origin registry");
    expect(content).not.toContain("Open Model Share");
    await page.screenshot({ path: screenshotPath("embed-in-article") });
    await page.close();
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
    expect(text).toContain("Data: Hugging Face Hub downloads");
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
