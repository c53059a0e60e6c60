import { randomInt } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshRollups } from "@/lib/analytics/rollups";
import { openDatabase } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/migrate/run";
import { refreshLineage } from "@/lib/origins/lineage";
import { seedPopulation } from "../factories/population";
import { type AppServer, startApp } from "../helpers/app-server";
import { SharedCache } from "../helpers/shared-cache";
import { createTestDatabase, postgresAdminUrl } from "../helpers/test-db";

/**
 * The production server as `npm start` runs it (the server entry in front of Next), probed as an
 * outside client would: a random X-Forwarded-For per request changes nothing about the budget,
 * request targets Next would redirect or rewrite are 400s, a forged Host reaches no cached answer
 * of any page or route, and two instances on one Postgres share one budget.
 */
const FORGED = "evil.example";

/** A GET with exactly this target and these headers (fetch would normalize the path and set Host). */
function rawGet(base: string, target: string, headers: Record<string, string> = {}): Promise<Response> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path: target, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const out = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") out.set(k, v);
        const body = Buffer.concat(chunks);
        const status = res.statusCode ?? 0;
        resolve(new Response([204, 304].includes(status) ? null : body, { status, headers: out }));
      });
    });
    req.on("error", reject);
    req.end();
  });
}

const randomAddress = () => `${randomInt(1, 224)}.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function seen(response: Response): Promise<string> {
  const headers = [...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n");
  const bytes = new Uint8Array(await response.arrayBuffer());
  const body = (response.headers.get("content-type") ?? "").startsWith("application/zip")
    ? Object.values(unzipSync(bytes))
        .map((f) => new TextDecoder().decode(f))
        .join("\n")
    : Buffer.from(bytes).toString("latin1");
  return `${response.status}\n${headers}\n${body}`;
}

let dir = "";
beforeAll(async () => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), "oms-hard-")), "db");
  const db = await openDatabase({ kind: "pglite", dataDir: dir });
  await migrateDatabase(db);
  await seedPopulation(db, 9, "hrd");
  await refreshLineage(db);
  await refreshRollups(db, null);
  await db.close();
});

/** The production server on the seeded embedded database, for the enclosing describe block. */
function suiteApp(env: Record<string, string>): { app?: AppServer } {
  const holder: { app?: AppServer } = {};
  beforeAll(async () => {
    holder.app = await startApp({ DATABASE_URL: undefined, PGLITE_DIR: dir, ...env });
  });
  afterAll(async () => {
    await holder.app?.stop();
  });
  return holder;
}

describe("the production server's request budget", () => {
  const server = suiteApp({ RATE_LIMIT: "1/5" });

  it("keys the budget on the socket: a random X-Forwarded-For per request changes nothing", async () => {
    const url = server.app?.url ?? "";
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await rawGet(url, "/api/v1/labs", { "X-Forwarded-For": randomAddress() })).status);
    expect(statuses.filter((s) => s === 200).length, statuses.join(" ")).toBe(5);
    expect(statuses.filter((s) => s === 429).length).toBe(7);
  });
});

describe("the production server, probed from outside", () => {
  const server = suiteApp({ RATE_LIMIT: "0" });
  const app = {
    get url() {
      return server.app?.url ?? "";
    },
  };

  it("answers dot segments, empty segments and __proto__ with a declared 400, never a redirect", async () => {
    for (const target of [
      "/api/v1/labs/..",
      "/api/v1/labs/%2e%2e",
      "/api/v1/labs/.",
      "/api/v1/models/hrd-cn1/..",
      "/api/v1/models/%2E%2E/m1",
      "/api/v1//labs",
      "/api/v1/labs?__proto__=1",
    ]) {
      const res = await rawGet(app.url, target);
      expect(res.status, target).toBe(400);
      expect(res.headers.get("content-type"), target).toContain("application/json");
      expect((await res.json()).error.code, target).toBe("bad_request");
    }
    const slash = await rawGet(app.url, "/api/v1/labs/");
    expect(slash.status).toBe(404);
    const page = await rawGet(app.url, "/labs/");
    expect(page.status).toBe(308);
    expect(page.headers.get("location")).toBe("/labs");
  });

  it("sends the security headers on answers, refusals and pages alike", async () => {
    const api = "default-src 'none'; frame-ancestors 'none'";
    for (const target of ["/api/v1/labs", "/api/v1/labs/..", "/api/v1/nothing", "/api/v1/models?limit=1e3"]) {
      const res = await rawGet(app.url, target);
      expect(res.headers.get("content-security-policy"), target).toBe(api);
      expect(res.headers.get("x-content-type-options"), target).toBe("nosniff");
      expect(res.headers.get("x-frame-options"), target).toBe("DENY");
      const text = await res.text();
      expect(text, target).not.toMatch(/\n\s+at |node_modules|\/srv\/|127\.0\.0\.1|PGLITE|pglite/);
    }
    const page = await rawGet(app.url, "/labs");
    expect(page.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    const embed = await rawGet(app.url, "/embed/share");
    expect(embed.headers.get("content-security-policy")).toMatch(/frame-ancestors \*/);
    expect(embed.headers.get("x-frame-options")).toBeNull();
  });

  it("serves no forged origin to a genuine request after a forged one, on any page or route", async () => {
    const cache = new SharedCache();
    const share = "groupBy=region&interval=month";
    for (const target of [
      "/",
      "/labs",
      "/labs/hrd-qw",
      "/models",
      "/methodology",
      "/status",
      "/docs/api",
      "/robots.txt",
      "/sitemap.xml",
      `/embed/share?${share}`,
      `/api/v1/share?${share}`,
      `/api/v1/share.svg?${share}`,
      `/api/v1/share.zip?${share}`,
      "/api/oembed?url=/",
      "/api/v1/openapi.json",
      "/api/v1/labs",
    ]) {
      const call = (headers: Record<string, string>) =>
        cache.fetch(target, new Request("http://x/", { headers }), () => rawGet(app.url, target, headers));
      const forged = await call({ Host: FORGED, "X-Forwarded-Host": FORGED, "X-Forwarded-Proto": "https" });
      expect(forged.status, target).toBe(200);
      await forged.arrayBuffer();
      const genuine = await seen(await call({ Host: "news.example" }));
      expect(genuine, target).toMatch(/^200\n/);
      expect(genuine, `${target} after a forged request`).not.toContain(FORGED);
    }
  });
});

const postgres = postgresAdminUrl() ? describe : describe.skip;

postgres("two production servers on one Postgres with RATE_LIMIT_STORE=postgres", () => {
  const apps: AppServer[] = [];
  let drop = async () => {};
  beforeAll(async () => {
    const db = await createTestDatabase("postgres");
    drop = db.drop;
    await db.close();
    const env = { DATABASE_URL: db.url, RATE_LIMIT: "1/6", RATE_LIMIT_STORE: "postgres" };
    apps.push(await startApp(env), await startApp(env));
  });
  afterAll(async () => {
    for (const app of apps) await app.stop();
    await drop();
  });

  it("spend one budget per client, whatever X-Forwarded-For says", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      for (const app of apps)
        statuses.push((await rawGet(app.url, "/api/v1/labs", { "X-Forwarded-For": randomAddress() })).status);
    expect(statuses.filter((s) => s === 200).length, statuses.join(" ")).toBe(6);
    expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
  });
});
