import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getShareOverTime } from "@/lib/analytics/share-over-time";
import { regionOf } from "@/lib/domain/regions";
import { shareQuerySchema } from "@/lib/domain/share-query";
import { hubSource } from "@/lib/ingest/hub-source";
import { runDailyIngest } from "@/lib/ingest/job";
import { ingestOptionsSchema } from "@/lib/ingest/options";
import { loadRegistry } from "@/lib/origins/sync";
import { ensureRegistrySynced } from "@/lib/publish/registry";
import { type FakeHub, type FakeModel, startFakeHub } from "../fake-hub/server";
import { suiteDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

const DAY = "2025-08-01";

/**
 * The crawl against a fake as strict as the Hub: a token that makes the listing include the token
 * owner's private models, a 429 carrying `RateLimit: "api";r=0;t=0`, and a keyset cursor over
 * counts that move while the crawl pages through them.
 */
describe.each(testBackends())("a crawl of a Hub as strict as the real one on %s", (backend) => {
  const db = suiteDatabase(backend);
  let hub: FakeHub;
  const waits: number[] = [];
  let models: FakeModel[];

  beforeAll(async () => {
    await ensureRegistrySynced(db);
    const model = (id: string, downloads: number, extra: Partial<FakeModel> = {}): FakeModel => ({
      _id: id.replace(/\W/g, "").padStart(24, "0").slice(-24),
      id,
      author: id.split("/")[0],
      downloads,
      downloadsAllTime: downloads * 40,
      likes: 1,
      createdAt: "2025-01-02T00:00:00.000Z",
      tags: [],
      private: false,
      ...extra,
    });
    models = [
      model("deepseek-ai/DeepSeek-R1", 900_000),
      model("deepseek-ai/internal-draft", 5, { private: true }),
      model("Qwen/Qwen3-8B", 800_000),
      model("meta-llama/Llama-3.1-8B", 700_000),
      model("mistralai/Mistral-7B", 300_000),
      model("someone/private-hit", 650_000, { private: true }),
      ...Array.from({ length: 12 }, (_, i) => model(`user${i}/model-${i}`, 200_000 - i * 10_000)),
      model("riser/up-and-coming", 150),
      model("faller/slipping", 195_000),
    ];
    let globalPages = 0;
    hub = await startFakeHub({
      models,
      onRequest: (request) => {
        if (!request.path.startsWith("/api/models?") || request.path.includes("author=")) return;
        globalPages++;
        if (globalPages !== 3) return;
        // Between pages 2 and 3 of the global list: one model climbs past the cursor, one falls behind it.
        const up = models.find((m) => m.id === "riser/up-and-coming") as FakeModel;
        const down = models.find((m) => m.id === "faller/slipping") as FakeModel;
        up.downloads = 2_000_000;
        down.downloads = 120;
      },
      faults: [
        {
          path: /^\/api\/models\?(?!.*author=)/,
          fault: { kind: "rate-limit", retryAfter: null, rateLimit: { remaining: 0, reset: 0 } },
        },
      ],
    });
    const result = await runDailyIngest({
      db,
      options: ingestOptionsSchema.parse({ asOf: DAY, minDownloads: 100 }),
      hub: hubSource({
        endpoint: hub.url,
        token: "hf_owner_token",
        limit: 5,
        sleep: async (ms) => {
          waits.push(ms);
        },
      }),
    });
    expect(result.status).toBe("succeeded");
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
  });

  it("sends the token, asks only for list-level expand values, and never sends direction", () => {
    const listings = hub.requests.filter((r) => r.path.startsWith("/api/models?"));
    expect(listings.length).toBeGreaterThan(5);
    for (const r of listings) {
      expect(r.authorization).toBe("Bearer hf_owner_token");
      const q = new URL(r.url).searchParams;
      expect(q.has("direction")).toBe(false);
      expect(q.getAll("expand[]")).toContain("private");
      expect(q.getAll("expand[]")).not.toContain("baseModels");
    }
  });

  it("waits at least a second on a 429 with r=0;t=0 instead of retrying at once", () => {
    expect(hub.requests.filter((r) => r.fault === "rate-limit")).toHaveLength(1);
    expect(waits.some((ms) => ms >= 1000)).toBe(true);
  });

  it("stores exactly the public models it was shown, and says how many private ones it skipped", async () => {
    const stored = await db.prisma.model.findMany({ select: { hubId: true }, orderBy: { hubId: "asc" } });
    const ids = stored.map((m) => m.hubId);
    expect(ids).not.toContain("deepseek-ai/internal-draft");
    expect(ids).not.toContain("someone/private-hit");
    // Rose past the cursor between two pages: the Hub never listed it today.
    expect(ids).not.toContain("riser/up-and-coming");
    // Fell behind the cursor: listed twice, stored once, with the later count.
    const [faller] = await db.prisma.$queryRaw<{ downloads: bigint }[]>`
      SELECT s.downloads FROM model_snapshot s JOIN model m ON m.id = s.model_id
      WHERE m.hub_id = 'faller/slipping'`;
    expect(faller?.downloads).toBe(120n);
    const expected = models
      .filter((m) => !m.private && m.id !== "riser/up-and-coming")
      .map((m) => m.id)
      .sort();
    expect(ids).toEqual(expected);
    const run = await db.prisma.ingestRun.findFirstOrThrow({ where: { status: "succeeded" } });
    // The registry listing of deepseek-ai and the global list each showed the token owner's models.
    expect(run.privateSkipped).toBe(3);
    expect(run.population).toBe(expected.length);
  });

  it("gives the same shares as an independent computation from what the Hub listed", async () => {
    const registry = await loadRegistry();
    const regionOfNamespace = new Map(
      registry.organizations.map((o) => [o.namespace, regionOf(o.country, o.international)]),
    );
    const listed = models.filter((m) => !m.private && m.id !== "riser/up-and-coming");
    const sums = new Map<string, bigint>();
    let total = 0n;
    for (const m of listed) {
      const downloads = BigInt(m.id === "faller/slipping" ? 120 : (m.downloads as number));
      const region = regionOfNamespace.get(m.id.split("/")[0] ?? "") ?? "UNKNOWN";
      sums.set(region, (sums.get(region) ?? 0n) + downloads);
      total += downloads;
    }
    const result = await getShareOverTime(
      db,
      shareQuerySchema.parse({ from: DAY, to: DAY, interval: "day", groupBy: "region" }),
    );
    const point = result.points.find((p) => p.date === DAY);
    expect(point?.total).toBe(total.toString());
    for (const region of ["CN", "US", "OTHER", "INTL", "UNKNOWN"]) {
      const want = sums.get(region) ?? 0n;
      expect(point?.values[region]?.downloads, region).toBe(want.toString());
      expect(point?.values[region]?.share).toBeCloseTo(Number(want) / Number(total), 8);
    }
  });
});
