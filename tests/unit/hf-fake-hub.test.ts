import { afterEach, describe, expect, it } from "vitest";
import { parseJsonExact } from "../../lib/hf/exact-json";
import { readRateLimitHeaders } from "../../lib/hf/rate-limit";
import {
  type FakeHub,
  type FakeModel,
  makeFakeModels,
  PRE_HISTORY_CREATED_AT,
  startFakeHub,
  toHubJson,
} from "../fake-hub/server";

let hub: FakeHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

async function getJson(path: string): Promise<{ status: number; headers: Headers; body: unknown }> {
  const res = await fetch(`${hub?.url}${path}`);
  return { status: res.status, headers: res.headers, body: parseJsonExact(await res.text()) };
}

const models: FakeModel[] = [
  {
    _id: "a",
    id: "org/old",
    downloads: 5,
    likes: 9,
    createdAt: "2023-01-01T00:00:00.000Z",
    tags: ["x"],
    cardData: {},
  },
  { _id: "b", id: "org/new", downloads: 7, likes: 1, createdAt: "2025-01-01T00:00:00.000Z", tags: ["x"] },
  { _id: "c", id: "gpt2", downloads: 9, likes: 5, createdAt: PRE_HISTORY_CREATED_AT, tags: [] },
];

describe("fake Hub", () => {
  it("returns only _id, id and the expanded fields when expand[] is given", async () => {
    hub = await startFakeHub({ models });
    const { body } = await getJson("/api/models?sort=downloads&expand[]=likes&expand%5B%5D=createdAt");
    expect(body).toEqual([
      { _id: "c", id: "gpt2", likes: 5, createdAt: PRE_HISTORY_CREATED_AT },
      { _id: "b", id: "org/new", likes: 1, createdAt: "2025-01-01T00:00:00.000Z" },
      { _id: "a", id: "org/old", likes: 9, createdAt: "2023-01-01T00:00:00.000Z" },
    ]);
  });

  it("returns the default field set without expand", async () => {
    hub = await startFakeHub({ models });
    const { body } = await getJson("/api/models?limit=1&sort=createdAt");
    expect(body).toEqual([
      {
        _id: "b",
        id: "org/new",
        likes: 1,
        downloads: 7,
        tags: ["x"],
        createdAt: "2025-01-01T00:00:00.000Z",
        modelId: "org/new",
      },
    ]);
  });

  it("sorts by likes and pages with an opaque cursor and a full-URL Link", async () => {
    hub = await startFakeHub({ models });
    const first = await getJson("/api/models?sort=likes&limit=2&expand[]=likes");
    expect((first.body as FakeModel[]).map((m) => m.id)).toEqual(["org/old", "gpt2"]);
    const link = first.headers.get("link") ?? "";
    expect(link).toMatch(
      new RegExp(
        `^<${hub.url}/api/models\\?sort=likes&limit=2&expand%5B%5D=likes&cursor=[\\w-]+>; rel="next"$`,
      ),
    );
    const next = new URL(link.slice(1, link.indexOf(">")));
    const second = await getJson(next.pathname + next.search);
    expect((second.body as FakeModel[]).map((m) => m.id)).toEqual(["org/new"]);
    expect(second.headers.get("link")).toBeNull();
  });

  it.each([
    ["/api/models?limit=1001", "limit must be between 1 and 1000"],
    ["/api/models?sort=random", 'Invalid sort "random"'],
    ["/api/models?expand[]=nope", '"expand[0]" must be one of'],
    ["/api/models?expand[]=likes&expand[]=baseModels", '"baseModels" is only available on a single model'],
    ["/api/models?expand=childrenModelCount", '"childrenModelCount" is only available on a single model'],
    ["/api/models?expand[]=usedStorage", "only available on a single model"],
    ["/api/models?expand[]=likes&full=true", 'cannot be used together with "full"'],
    ["/api/models?expand[]=likes&cardData=true", 'cannot be used together with "cardData"'],
    ["/api/models?expand[]=likes&config=true", 'cannot be used together with "config"'],
    ["/api/models?cursor=%%%", "Invalid cursor"],
  ])("answers 400 to %s", async (path, message) => {
    hub = await startFakeHub({ models });
    const { status, body } = await getJson(path);
    expect(status).toBe(400);
    expect((body as { error: string }).error).toContain(message);
  });

  it("ignores direction: always descending", async () => {
    hub = await startFakeHub({ models });
    const ascending = await getJson("/api/models?sort=downloads&direction=1&expand[]=downloads");
    expect((ascending.body as FakeModel[]).map((m) => m.id)).toEqual(["gpt2", "org/new", "org/old"]);
  });

  it("sends RateLimit and RateLimit-Policy on every answer, errors included", async () => {
    hub = await startFakeHub({ models });
    for (const path of ["/api/models", "/api/models?sort=random", "/api/models/none/such"]) {
      const { headers } = await getJson(path);
      expect(headers.get("ratelimit")).toMatch(/^"api";r=\d+;t=\d+$/);
      expect(headers.get("ratelimit-policy")).toBe('"fixed window";"api";q=1000000;w=300');
    }
  });

  it("lists private models only to a request with a token", async () => {
    hub = await startFakeHub({
      models: [...models, { _id: "d", id: "me/secret", downloads: 99, likes: 0, private: true }],
    });
    const anonymous = (await getJson("/api/models?sort=downloads&expand[]=private")).body as FakeModel[];
    expect(anonymous.map((m) => m.id)).not.toContain("me/secret");
    const res = await fetch(`${hub.url}/api/models?sort=downloads&expand[]=private`, {
      headers: { authorization: "Bearer hf_x" },
    });
    const withToken = parseJsonExact(await res.text()) as FakeModel[];
    expect(withToken[0]).toEqual({ _id: "d", id: "me/secret", private: true });
    expect((await getJson("/api/models/me/secret")).status).toBe(404);
  });

  it("pages with a keyset cursor over data that moves between pages", async () => {
    const live: FakeModel[] = Array.from({ length: 6 }, (_, i) => ({
      _id: `m${i}`,
      id: `org/m${i}`,
      downloads: 600 - i * 100,
    }));
    let page = 0;
    hub = await startFakeHub({
      models: live,
      onRequest: () => {
        page++;
        if (page !== 2) return;
        // Before the second page: m5 (last) jumps to the top, m0 (already listed) falls to the end.
        (live[5] as FakeModel).downloads = 10_000;
        (live[0] as FakeModel).downloads = 1;
      },
    });
    const ids: string[] = [];
    let path: string | null = "/api/models?sort=downloads&limit=2&expand[]=downloads";
    while (path) {
      const { body, headers } = await getJson(path);
      ids.push(...(body as FakeModel[]).map((m) => m.id));
      const link = headers.get("link");
      path = link
        ? new URL(link.slice(1, link.indexOf(">"))).pathname +
          new URL(link.slice(1, link.indexOf(">"))).search
        : null;
    }
    // m5 rose past the cursor and is never listed; m0 fell behind it and is listed twice.
    expect(ids).toEqual(["org/m0", "org/m1", "org/m2", "org/m3", "org/m4", "org/m0"]);
  });

  it("serves one model by id, and 404 for an unknown one", async () => {
    hub = await startFakeHub({ models });
    expect((await getJson("/api/models/org/new")).body).toMatchObject({ id: "org/new", modelId: "org/new" });
    expect((await getJson("/api/models/gpt2?expand[]=downloads")).body).toEqual({
      _id: "c",
      id: "gpt2",
      downloads: 9,
    });
    expect((await getJson("/api/models/org/missing")).status).toBe(404);
  });

  it("writes big counts as exact JSON integers", () => {
    expect(toHubJson({ a: 3_000_000_000, b: 2n ** 53n + 1n, c: "x" })).toBe(
      '{"a":3000000000,"b":9007199254740993,"c":"x"}',
    );
  });

  it("applies faults by request number and by path, a limited number of times", async () => {
    hub = await startFakeHub({
      models,
      faults: [
        { request: 2, fault: { kind: "status", status: 503 } },
        { path: "/api/models/gpt2", fault: { kind: "status", status: 500 }, times: 2 },
      ],
    });
    const statuses = [];
    for (const path of [
      "/api/models",
      "/api/models",
      "/api/models/gpt2",
      "/api/models/gpt2",
      "/api/models/gpt2",
    ]) {
      statuses.push((await getJson(path)).status);
    }
    expect(statuses).toEqual([200, 503, 500, 500, 200]);
    expect(hub.requests.map((r) => r.fault)).toEqual([null, "status", "status", "status", null]);
  });

  it("enforces fixed rate-limit windows and announces them in headers", async () => {
    hub = await startFakeHub({ models, rateLimit: { limit: 2, windowMs: 60_000 } });
    const answers = [
      await getJson("/api/models"),
      await getJson("/api/models"),
      await getJson("/api/models"),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
    const info = readRateLimitHeaders(answers[2]?.headers ?? new Headers(), Date.now());
    expect(info).toMatchObject({ remaining: 0, limit: 2, windowMs: 60_000 });
    expect(info.retryAfterMs).toBeGreaterThan(0);
    expect(readRateLimitHeaders(answers[0]?.headers ?? new Headers(), 0).remaining).toBe(1);
  });
});

describe("makeFakeModels", () => {
  it("is deterministic per seed, with downloads never increasing", () => {
    const a = makeFakeModels(5000, 42);
    const b = makeFakeModels(5000, 42);
    const c = makeFakeModels(5000, 43);
    expect(a.at(1234)).toEqual(b.at(1234));
    expect(a.at(1234)).not.toEqual(c.at(1234));
    for (let i = 1; i < a.size; i++) {
      expect(Number(a.at(i).downloads) <= Number(a.at(i - 1).downloads)).toBe(true);
    }
  });

  it("builds a realistic mix: big all-time counts, the pre-history stamp, base-model tags", () => {
    const population = makeFakeModels(2000, 1);
    const all = Array.from({ length: population.size }, (_, i) => population.at(i));
    expect(BigInt(all[0]?.downloadsAllTime ?? 0)).toBeGreaterThan(2n ** 31n);
    expect(all.filter((m) => m.createdAt === PRE_HISTORY_CREATED_AT).length).toBeGreaterThan(100);
    expect(all.filter((m) => m.tags?.some((t) => t.startsWith("base_model:"))).length).toBeGreaterThan(300);
    expect(new Set(all.map((m) => m.id)).size).toBe(2000);
    expect(population.indexOf(all[777]?.id ?? "")).toBe(777);
    expect(population.indexOf("nobody/llm-777")).toBe(-1);
  });

  it("gives random access into two million models without building them", () => {
    const population = makeFakeModels(2_000_000, 7);
    expect(population.at(1_999_999).id).toMatch(/-1999999$/);
    expect(() => population.at(2_000_000)).toThrow(RangeError);
  });
});
