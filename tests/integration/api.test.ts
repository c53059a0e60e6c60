import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as gapGET } from "@/app/api/v1/attribution-gap/route";
import { GET as runsGET } from "@/app/api/v1/ingest/runs/route";
import { GET as labGET } from "@/app/api/v1/labs/[slug]/route";
import { GET as labsGET } from "@/app/api/v1/labs/route";
import { GET as modelGET } from "@/app/api/v1/models/[namespace]/[name]/route";
import { GET as modelsGET } from "@/app/api/v1/models/route";
import { GET as openapiGET } from "@/app/api/v1/openapi.json/route";
import { GET as shareGET } from "@/app/api/v1/share/route";
import { refreshRollups } from "@/lib/analytics/rollups";
import { openDatabase, useDatabase } from "@/lib/db";
import { SHARE_PARAMS } from "@/lib/domain/share-query";
import { refreshLineage } from "@/lib/origins/lineage";
import { seedPopulation } from "../factories/population";
import { createTestDatabase, type TestDatabase, testBackends } from "../helpers/test-db";

const url = (path: string) => new Request(`http://127.0.0.1${path}`);
const none = { params: Promise.resolve({}) };

describe.each(testBackends())("API v1 on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    await seedPopulation(db, 3, "api");
    await refreshLineage(db);
    await refreshRollups(db, null);
    useDatabase(db);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("answers the study's question in one call", async () => {
    const res = await shareGET(
      url(
        "/api/v1/share?metric=downloads&groupBy=region&cohort=new-12m&from=2024-10-01&to=2025-03-01&interval=month",
      ),
      none,
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.series.map((s: { key: string }) => s.key)).toEqual(["CN", "US", "OTHER", "INTL", "UNKNOWN"]);
    expect(body.points.map((p: { date: string }) => p.date)).toEqual([
      "2024-10-01",
      "2024-11-01",
      "2024-12-01",
      "2025-01-01",
      "2025-02-01",
      "2025-03-01",
    ]);
    expect(body.freshness).toMatchObject({
      dataAsOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      demo: false,
    });
    expect(body.freshness.modelsTracked).toBeGreaterThan(0);
    expect(body.demo).toBe(false);
    expect(res.headers.get("cache-control")).toContain("s-maxage");
    const etag = res.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await shareGET(
      new Request(
        res.url ||
          "http://127.0.0.1/api/v1/share?metric=downloads&groupBy=region&cohort=new-12m&from=2024-10-01&to=2025-03-01&interval=month",
        {
          headers: { "if-none-match": etag ?? "" },
        },
      ),
      none,
    );
    expect(again.status).toBe(304);
  });

  it("serves RFC 4180 CSV with a header row and a file name", async () => {
    const res = await shareGET(url("/api/v1/share?format=csv&interval=week&groupBy=country"), none);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(
      /attachment; filename="share-country-downloads30d-.*\.csv"/,
    );
    const text = await res.text();
    expect(text.split("\r\n")[0]).toBe(
      "bucket_start,snapshot_date,series,label,downloads,share,total_downloads,demo_data",
    );
    expect(decodeURIComponent(res.headers.get("x-definitions") ?? "")).toMatch(/trailing-30-day/);
  });

  it.each([
    ["metric=views", "metric"],
    ["from=2025-02-30", "from"],
    ["from=2025-03-01&to=2025-01-01", "from"],
    ["top=0", "top"],
    ["labs=deepseek&groupBy=region", "labs"],
    ["cohort=created-1999", "cohort"],
    ["countries=china&groupBy=country", "countries.0"],
    ["bogus=1", "bogus"],
    ["metric=downloads&metric=cumulative", "metric"],
  ])("rejects %s naming %s", async (qs, path) => {
    const res = await shareGET(url(`/api/v1/share?${qs}`), none);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("bad_request");
    expect(body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it("lists labs, one lab, models, one model, runs, the attribution gap and the OpenAPI document", async () => {
    const labs = await (await labsGET(url("/api/v1/labs"), none)).json();
    expect(labs.labs.map((l: { slug: string }) => l.slug)).toEqual(
      expect.arrayContaining(["api-qw", "api-me", "api-mi"]),
    );
    const lab = await labGET(url("/api/v1/labs/api-qw"), { params: Promise.resolve({ slug: "api-qw" }) });
    expect(lab.status).toBe(200);
    expect((await lab.json()).namespaces.map((n: { namespace: string }) => n.namespace)).toEqual([
      "api-cn1",
      "api-cn2",
    ]);
    expect(
      (await labGET(url("/api/v1/labs/nope"), { params: Promise.resolve({ slug: "nope" }) })).status,
    ).toBe(404);
    expect(
      (await labGET(url("/api/v1/labs/NO%20PE"), { params: Promise.resolve({ slug: "NO PE" }) })).status,
    ).toBe(400);

    const models = await (
      await modelsGET(url("/api/v1/models?q=m1&limit=5&sort=downloadsAllTime"), none)
    ).json();
    expect(models.models.length).toBeGreaterThan(0);
    expect(models.models.every((m: { hubId: string }) => m.hubId.includes("m1"))).toBe(true);
    const [ns, name] = (models.models[0].hubId as string).split("/");
    const model = await modelGET(url(`/api/v1/models/${ns}/${name}`), {
      params: Promise.resolve({ namespace: ns ?? "", name: name ?? "" }),
    });
    expect(model.status).toBe(200);
    const detail = await model.json();
    expect(detail.history.length).toBeGreaterThan(0);
    expect(detail.attribution.developer.namespace).toBe(ns);
    expect(
      (await modelGET(url("/api/v1/models/a/b"), { params: Promise.resolve({ namespace: "a", name: "b" }) }))
        .status,
    ).toBe(404);

    expect((await runsGET(url("/api/v1/ingest/runs"), none)).status).toBe(200);
    const gap = await (await gapGET(url("/api/v1/attribution-gap"), none)).json();
    expect(gap.namespaces.every((n: { namespace: string }) => /^api-u\d$/.test(n.namespace))).toBe(true);
    const doc = await (await openapiGET(url("/api/v1/openapi.json"), none)).json();
    expect(doc.paths["/api/v1/share"].get.parameters.map((p: { name: string }) => p.name)).toContain(
      "cohort",
    );
  });

  it("answers 1,000 random and hostile query strings with 200 or 400 only", async () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "2025-13-45",
        "9999-99-99",
        "%00",
        "😀".repeat(50),
        "a,".repeat(3000),
        "region;DROP TABLE model",
        "-1",
        "1e309",
        "NaN",
        "created-2024",
        "new-12m",
      ),
    );
    // Every parameter the route takes, and one it does not.
    const keys = fc.constantFrom(...SHARE_PARAMS, "x");
    const queries = fc.sample(fc.array(fc.tuple(keys, hostile), { maxLength: 5 }), {
      numRuns: 1000,
      seed: 42,
    });
    const statuses = new Set<number>();
    for (const pairs of queries) {
      const qs = new URLSearchParams(pairs).toString();
      const res = await shareGET(url(`/api/v1/share?${qs}`), none);
      statuses.add(res.status);
      expect([200, 400], qs).toContain(res.status);
      await res.arrayBuffer();
    }
    expect(statuses).toContain(400);
  });
});

describe("API v1 with the database down", () => {
  it("answers 503 with a clear message, never a 500; a query answered before is served stale", async () => {
    const up = await createTestDatabase("pglite");
    await seedPopulation(up, 4, "down");
    await refreshRollups(up, null);
    useDatabase(up);
    const seen = "/api/v1/share?groupBy=country&interval=week";
    expect((await shareGET(url(seen), none)).status).toBe(200);
    const down = await openDatabase({ kind: "postgres", url: "postgres://postgres@127.0.0.1:1/none" });
    useDatabase(down);
    const res = await shareGET(url("/api/v1/share?groupBy=lab&interval=day"), none);
    expect(res.status).toBe(503);
    expect((await res.json()).error).toMatchObject({
      code: "service_unavailable",
      message: expect.stringMatching(/database is unavailable/),
    });
    expect(res.headers.get("retry-after")).toBe("30");
    const stale = await shareGET(url(seen), none);
    expect(stale.status).toBe(200);
    expect(stale.headers.get("x-data-stale")).toBe("true");
    expect((await modelsGET(url("/api/v1/models"), none)).status).toBe(503);
    await down.close();
    await up.drop();
  });

  it("serves the labs and models lists answered before, marked stale, and new queries 503", async () => {
    const up = await createTestDatabase("pglite");
    await seedPopulation(up, 3, "listdown");
    await refreshRollups(up, null);
    useDatabase(up);
    const labs = await labsGET(url("/api/v1/labs"), none);
    const models = await modelsGET(url("/api/v1/models?sort=likes"), none);
    const before = { labs: await labs.json(), models: await models.json() };
    // Conditional GET, and a new data version makes a new answer.
    const etag = labs.headers.get("etag") ?? "";
    const conditional = new Request("http://127.0.0.1/api/v1/labs", { headers: { "if-none-match": etag } });
    expect((await labsGET(conditional, none)).status).toBe(304);
    await refreshRollups(up, null);
    const republished = await labsGET(url("/api/v1/labs"), none);
    expect(republished.headers.get("etag")).not.toBe(etag);
    // The same labs, now from the next data version.
    const again = await republished.json();
    expect(again.freshness.dataVersion).toBe(before.labs.freshness.dataVersion + 1);
    expect({ ...again, freshness: { ...again.freshness, dataVersion: 0 } }).toEqual({
      ...before.labs,
      freshness: { ...before.labs.freshness, dataVersion: 0 },
    });
    // The database goes away under the server.
    const down = await openDatabase({ kind: "postgres", url: "postgres://postgres@127.0.0.1:1/none" });
    useDatabase(down);
    const staleLabs = await labsGET(url("/api/v1/labs"), none);
    expect(staleLabs.status).toBe(200);
    expect(staleLabs.headers.get("x-data-stale")).toBe("true");
    expect(await staleLabs.json()).toEqual(again);
    const staleModels = await modelsGET(url("/api/v1/models?sort=likes&format=json"), none);
    expect(staleModels.status).toBe(200);
    expect((await staleModels.json()).models).toEqual(before.models.models);
    expect((await modelsGET(url("/api/v1/models?sort=createdAt"), none)).status).toBe(503);
    await down.close();
    await up.drop();
  });
});
