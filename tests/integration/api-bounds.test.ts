import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { GET as oembedGET } from "@/app/api/oembed/route";
import { GET as labsGET } from "@/app/api/v1/labs/route";
import { GET as modelsGET } from "@/app/api/v1/models/route";
import { GET as shareGET } from "@/app/api/v1/share/route";
import { VersionedAnswers } from "@/lib/analytics/versioned-answers";
import { MemoryBudgetStore } from "@/lib/api/budget-store";
import { requireCronSecret } from "@/lib/api/cron-auth";
import { budgetFromEnv, RateLimiter, storeFromEnv } from "@/lib/api/rate-limit";
import { rawTargetError } from "@/lib/api/raw-query";
import { clientAddress, requestOrigin } from "@/lib/http/client";
import { siteOrigin } from "@/lib/site";
import { proxy } from "@/proxy";
import { servedPopulationDatabase } from "../helpers/suite";

const none = { params: Promise.resolve({}) };
const get = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://127.0.0.1${path}`, { headers });
const holder = globalThis as { __openModelShareLimiter?: RateLimiter | null };

describe("every request bounded", () => {
  const db = servedPopulationDatabase("pglite", 7, "bounds");
  afterEach(() => {
    delete holder.__openModelShareLimiter;
    delete process.env.TRUST_PROXY;
    delete process.env.SITE_URL;
  });

  it("spends a per-client budget: RateLimit headers, then 429 with Retry-After in the error shape", async () => {
    let now = 0;
    holder.__openModelShareLimiter = new RateLimiter(
      { perMinute: 60, burst: 3 },
      new MemoryBudgetStore(() => now),
    );
    process.env.TRUST_PROXY = "1";
    const from = (address: string) => get("/api/v1/labs", { "x-forwarded-for": address });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await labsGET(from("10.0.0.1"), none);
      statuses.push(res.status);
      expect(res.headers.get("ratelimit-policy")).toBe('"api";q=3;w=3');
      expect(res.headers.get("ratelimit")).toBe(`"api";r=${2 - i};t=${i === 2 ? 1 : 0}`);
    }
    const refused = await labsGET(from("10.0.0.1"), none);
    expect(statuses).toEqual([200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
    expect((await refused.json()).error).toMatchObject({ code: "too_many_requests" });
    // Another client has its own budget; the first gets one back a second later.
    expect((await labsGET(from("10.0.0.2"), none)).status).toBe(200);
    now += 1000;
    expect((await labsGET(from("10.0.0.1"), none)).status).toBe(200);
  });

  it("reads RATE_LIMIT as per-minute/burst, 0 for off, RATE_LIMIT_STORE, and refuses nonsense", () => {
    expect(budgetFromEnv("")).toEqual({ perMinute: 120, burst: 120 });
    expect(budgetFromEnv("30/10")).toEqual({ perMinute: 30, burst: 10 });
    expect(budgetFromEnv("0")).toBeNull();
    expect(() => budgetFromEnv("lots")).toThrow(/RATE_LIMIT must be/);
    expect(() => budgetFromEnv("1e3")).toThrow(/RATE_LIMIT must be/);
    expect(() => budgetFromEnv("60/0")).toThrow(/RATE_LIMIT must be/);
    expect(storeFromEnv(undefined)).toBe("memory");
    expect(storeFromEnv(" Postgres ")).toBe("postgres");
    expect(() => storeFromEnv("redis")).toThrow(/RATE_LIMIT_STORE must be "memory" or "postgres"/);
  });

  it("refuses NUL and invalid UTF-8 in a query with 400 naming the parameter", async () => {
    const nul = await modelsGET(get("/api/v1/models?q=a%00b"), none);
    expect(nul.status).toBe(400);
    expect((await nul.json()).error.issues).toEqual([
      { path: "q", message: "must not contain NUL characters" },
    ]);
    for (const raw of ["task=a%ffb", "task=a%EF%BF%BDb"]) {
      const res = await shareGET(get(`/api/v1/share?${raw}`), none);
      expect(res.status, raw).toBe(400);
      expect((await res.json()).error.issues[0]).toMatchObject({ path: "task", message: /not valid UTF-8/ });
    }
  });

  it("honours If-None-Match weakly and with *", async () => {
    const first = await labsGET(get("/api/v1/labs"), none);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"/);
    for (const header of [etag, `W/${etag}`, `"other", W/${etag}`, "*"]) {
      const res = await labsGET(get("/api/v1/labs", { "if-none-match": header }), none);
      expect(res.status, header).toBe(304);
    }
    expect((await labsGET(get("/api/v1/labs", { "if-none-match": '"other"' }), none)).status).toBe(200);
  });

  it("takes the bearer scheme in any case", () => {
    const withAuth = (value: string) =>
      new Request("http://127.0.0.1/api/v1/ingest", { headers: { authorization: value } });
    for (const scheme of ["Bearer", "bearer", "BEARER"])
      expect(() => requireCronSecret(withAuth(`${scheme} s3cret`), "s3cret")).not.toThrow();
    expect(() => requireCronSecret(withAuth("bearer wrong"), "s3cret")).toThrow(/wrong bearer token/);
    expect(() => requireCronSecret(withAuth("Basic s3cret"), "s3cret")).toThrow();
  });

  it("computes concurrent identical answers once", async () => {
    const answers = new VersionedAnswers<{ n: number }>("test");
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((r) => setTimeout(r, 20));
      return { n: computed };
    };
    const all = await Promise.all(Array.from({ length: 8 }, () => answers.get(db, "same", compute)));
    expect(computed).toBe(1);
    expect(new Set(all.map((a) => a.value.n))).toEqual(new Set([1]));
  });

  it("answers the same share data whatever the presentation parameters", async () => {
    const a = await (await shareGET(get("/api/v1/share?groupBy=lab&top=2"), none)).json();
    const b = await (
      await shareGET(get("/api/v1/share?groupBy=lab&top=5&crossover=bounds-qw,bounds-me"), none)
    ).json();
    expect(a.series.length).toBeLessThanOrEqual(3);
    expect(b.points.map((p: { total: string }) => p.total)).toEqual(
      a.points.map((p: { total: string }) => p.total),
    );
  });

  it("never reflects a forwarded host unless TRUST_PROXY says so; SITE_URL wins", async () => {
    const headers = new Headers({
      host: "news.example",
      "x-forwarded-host": "attacker.test",
      "x-forwarded-proto": "https",
    });
    expect(requestOrigin(headers)).toBe("http://news.example");
    expect(requestOrigin(new Headers({ host: "bad host/<x>" }))).toBeNull();
    process.env.TRUST_PROXY = "1";
    expect(requestOrigin(headers)).toBe("https://attacker.test");
    process.env.SITE_URL = "https://openmodelshare.org/";
    expect(siteOrigin(headers)).toBe("https://openmodelshare.org");
    delete process.env.SITE_URL;
    delete process.env.TRUST_PROXY;
    const res = await oembedGET(
      get("/api/oembed?url=http://news.example/", {
        host: "news.example",
        "x-forwarded-host": "attacker.test",
      }),
      none,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("vary")).toBe("Host");
    expect(JSON.stringify(await res.json())).not.toContain("attacker.test");
  });

  it("keys a client by X-Forwarded-For only as far as TRUST_PROXY trusts it", () => {
    const req = get("/", { "x-forwarded-for": "1.1.1.1, 2.2.2.2, 3.3.3.3" });
    expect(clientAddress(req)).toBeNull();
    process.env.TRUST_PROXY = "1";
    expect(clientAddress(req)).toBe("3.3.3.3");
    process.env.TRUST_PROXY = "2";
    expect(clientAddress(req)).toBe("2.2.2.2");
    process.env.TRUST_PROXY = "5";
    expect(clientAddress(req)).toBe("1.1.1.1");
  });
});

describe("the proxy, before any route", () => {
  const proxied = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
    proxy(new NextRequest(`http://127.0.0.1${path}`, init));

  it("answers undecodable paths, unknown routes and wrong methods in the error shape", async () => {
    const bad = proxied("/api/v1/labs/%ff");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect((await bad.json()).error.code).toBe("bad_request");
    const missing = proxied("/api/v1/nothing-here");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/json");
    const wrong = proxied("/api/v1/share", { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect((await wrong.json()).error.code).toBe("method_not_allowed");
    expect(proxied("/api/v1/ingest", { method: "PUT" }).headers.get("allow")).toBe(
      "POST, GET, HEAD, OPTIONS",
    );
  });

  it("answers an API path ending in / or left by a dot segment with a 404, and redirects a page's", async () => {
    // Next has removed dot segments by now: /api/v1/labs/.. arrives as /api/v1/.
    for (const path of ["/api/v1/labs/", "/api/v1/", "/api/v1/models/"]) {
      const res = proxied(path);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code, path).toBe("not_found");
    }
    const page = proxied("/labs/?x=1");
    expect(page.status).toBe(308);
    expect(page.headers.get("location")).toBe("http://localhost/labs?x=1");
  });

  it("refuses API targets with dot segments, empty segments, backslashes or __proto__, as sent", () => {
    for (const target of [
      "/api/v1/labs/..",
      "/api/v1/labs/.",
      "/api/v1/labs/%2e%2E",
      "/api/v1/models/%2E/m1",
      "/api/v1/models/a/../../labs",
      "/api/v1//labs",
      "//api/v1/labs",
      "/api/v1/labs%5c..",
      "/api/v1/labs?__proto__=1",
      "/api/v1/labs?%5F_proto__=1",
    ])
      expect(rawTargetError(target)?.status, target).toBe(400);
    for (const target of [
      "/api/v1/labs",
      "/api/v1/labs/",
      "/api/v1/labs/x.y?constructor=1",
      "/api/v1/models/a/..b",
    ])
      expect(rawTargetError(target), target).toBeNull();
  });

  it("answers CORS preflights of the public API, not of the ingest trigger", () => {
    const preflight = proxied("/api/v1/share", {
      method: "OPTIONS",
      headers: { origin: "https://news.example", "access-control-request-method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
    const ingest = proxied("/api/v1/ingest", { method: "OPTIONS" });
    expect(ingest.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("gives every page a CSP, prefetches included", () => {
    const variants: Record<string, string>[] = [{}, { purpose: "prefetch" }, { "next-router-prefetch": "1" }];
    for (const headers of variants) {
      const res = proxied("/labs", { headers });
      expect(res.headers.get("content-security-policy"), JSON.stringify(headers)).toMatch(
        /script-src 'self' 'nonce-/,
      );
    }
  });
});
