import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as shareGET } from "@/app/api/v1/share/route";
import { GET as atomGET } from "@/app/feed.atom/route";
import type { Database } from "@/lib/db";
import { useDatabase } from "@/lib/db";
import { type BackfillReporter, runBackfill } from "@/lib/import/backfill";
import { parseBackfillArgs } from "@/lib/import/backfill-options";
import { ensureRegistrySynced } from "@/lib/publish/registry";
import { deliverDue } from "@/lib/webhooks/deliver";
import { addSubscription } from "@/lib/webhooks/subscriptions";
import { crawlAndPublish } from "../factories/event-story";
import { modelRecord } from "../factories/model-record";
import { type FakeDatasets, startFakeDatasets } from "../fake-hub/datasets";
import { type WeeklyRow, weeklyFile } from "../fixtures/backfill/files";
import { suiteDatabase, suiteResource } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";
import { type Received, startReceiver } from "../helpers/webhook-receiver";

/**
 * The user's story of issue 33, through the real registry: subscribe a webhook to DeepSeek and
 * Qwen, backfill three weeks of the Hub's weekly files, crawl a day. The labs' moves are written
 * into the files: in the second week Qwen passes Meta (a new leader), in the third DeepSeek rises
 * past Google and DeepSeek-R1 appears (a model entering the top 20); the crawled day has Google
 * jump to the lead (Qwen falls).
 */
const WEEKLY = "hfmlsoc/hub_weekly_snapshots";
const LABELS = ["2025-01-06", "2025-01-13", "2025-01-20"];
const row = (id: string, downloads: number): WeeklyRow => ({
  id,
  downloads,
  downloadsAllTime: BigInt(downloads) * 10n,
  likes: 1,
  createdAt: "2024-06-01T00:00:00.000Z",
});
const WEEKS: WeeklyRow[][] = [
  [
    row("meta-llama/Llama-3.1-8B", 1_000_000),
    row("Qwen/Qwen2.5-7B", 600_000),
    row("google/gemma-2-9b", 500_000),
    row("deepseek-ai/DeepSeek-V3", 300_000),
  ],
  [
    row("meta-llama/Llama-3.1-8B", 1_000_000),
    row("Qwen/Qwen2.5-7B", 1_200_000),
    row("google/gemma-2-9b", 500_000),
    row("deepseek-ai/DeepSeek-V3", 350_000),
  ],
  [
    row("meta-llama/Llama-3.1-8B", 1_000_000),
    row("Qwen/Qwen2.5-7B", 1_200_000),
    row("google/gemma-2-9b", 500_000),
    row("deepseek-ai/DeepSeek-V3", 350_000),
    row("deepseek-ai/DeepSeek-R1", 400_000),
  ],
];
const SUBSCRIBED = ["deepseek", "qwen"];
const quiet: BackfillReporter = { fileStart() {}, progress() {}, fileDone() {}, log() {}, stop() {} };
const none = { params: Promise.resolve({}) };

const eventIdOf = (r: Received) => (JSON.parse(r.body) as { event: { id: string } }).event.id;
const aboutSubscribed = (e: { labs: string[] }) => e.labs.some((l) => SUBSCRIBED.includes(l));

/** Delivers until nothing is due now. */
async function deliverAll(db: Database) {
  for (let i = 0; i < 20; i++) if ((await deliverDue(db, { timeoutMs: 5000 })).attempted === 0) return;
  throw new Error("deliveries still due after 20 rounds");
}

/** The entries of an Atom feed: id and the href of each link by its rel. */
function atomEntries(xml: string) {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  return Array.from(doc.getElementsByTagName("entry")).map((entry) => {
    const el = entry as unknown as XmlElement;
    const links = Array.from(el.getElementsByTagName("link")).map((l) => [
      l.getAttribute("rel") ?? "alternate",
      l.getAttribute("href") ?? "",
    ]);
    return {
      id: el.getElementsByTagName("id")[0]?.textContent ?? "",
      page: links.find(([rel]) => rel === "alternate")?.[1] ?? "",
    };
  });
}

describe.each(testBackends())("alerts from a backfilled history on %s", (backend) => {
  const db = suiteDatabase(backend);
  const receiver = suiteResource(
    () => startReceiver(),
    (r) => r.close(),
  );
  let hub: FakeDatasets;
  beforeAll(async () => {
    await ensureRegistrySynced(db);
    hub = await startFakeDatasets({
      repos: {
        [WEEKLY]: Object.fromEntries(
          LABELS.map((label, n) => [
            `models/${label}/models.parquet`,
            weeklyFile(WEEKS[n] ?? [], { allTime: true }),
          ]),
        ),
      },
      pageSize: 2,
    });
  }, 60_000);
  afterAll(async () => {
    await hub?.close();
    vi.unstubAllEnvs();
  });

  it("delivers the events of history once, signed, and the feed's pinned charts keep their numbers", async () => {
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "1");
    vi.stubEnv("SITE_URL", "https://oms.example");
    const subscription = await addSubscription(db, receiver.url, { labs: SUBSCRIBED.join(",") });
    receiver.setSecret(subscription.secret);

    const backfill = () =>
      runBackfill(db, parseBackfillArgs(["--dataset", "hub-weekly"]), quiet, {
        endpoint: hub.url,
        baseDelayMs: 1,
        maxDelayMs: 5,
      });
    const summary = await backfill();
    const [, second, third] = summary.dates;
    expect(summary.dates).toHaveLength(3);

    // The moves written into the files, found as events naming the subscribed labs.
    const history = await db.prisma.event.findMany();
    const found = (kind: string, date: string | undefined, lab: string) =>
      history.filter(
        (e) => e.kind === kind && e.date.toISOString().slice(0, 10) === date && e.labs.includes(lab),
      );
    expect(found("new-leader", second, "qwen").map((e) => e.labs)).toContainEqual(["qwen", "meta"]);
    expect(found("rank-change", third, "deepseek")).not.toEqual([]);
    expect(
      found("top-models", third, "deepseek")
        .map((e) => e.text)
        .join(" "),
    ).toContain("DeepSeek-R1");

    // Every event of history about DeepSeek or Qwen arrives once, signed; no other does.
    const wanted = history.filter(aboutSubscribed).map((e) => e.id);
    await deliverAll(db);
    expect(receiver.received.every((r) => r.signed && r.status === 200)).toBe(true);
    expect(receiver.received.map(eventIdOf).sort()).toEqual([...wanted].sort());
    expect(new Set(receiver.received.map((r) => r.key)).size).toBe(wanted.length);

    // Backfilling again finds every week done: no event and no delivery twice.
    const again = await backfill();
    expect(again.files.alreadyDone).toBe(3);
    expect(await db.prisma.event.count()).toBe(history.length);
    await deliverAll(db);
    expect(receiver.received).toHaveLength(wanted.length);

    // A crawled day: Google jumps to the lead, so Qwen falls; only the new events are sent.
    const day = (d: string | undefined, days: number) =>
      new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const crawled = [...(WEEKS[2] ?? []), row("google/gemma-3-27b", 3_000_000)].map((r) =>
      modelRecord({ hubId: r.id, createdAt: new Date(r.createdAt), downloads: BigInt(r.downloads) }),
    );
    await crawlAndPublish(db, day(third, 7), crawled);
    const fresh = (await db.prisma.event.findMany()).filter((e) => !history.some((h) => h.id === e.id));
    expect(fresh.some((e) => e.kind === "new-leader" && e.labs[0] === "google")).toBe(true);
    const freshWanted = fresh.filter(aboutSubscribed).map((e) => e.id);
    expect(freshWanted.length).toBeGreaterThan(0);
    await deliverAll(db);
    expect(receiver.received.map(eventIdOf).sort()).toEqual([...wanted, ...freshWanted].sort());

    // The feed for DeepSeek lists its events, each linking a chart pinned to its data version.
    useDatabase(db);
    const feed = await atomGET(new Request("http://127.0.0.1/feed.atom?labs=deepseek"), none);
    expect(feed.status).toBe(200);
    const entries = atomEntries(await feed.text());
    const deepseek = (await db.prisma.event.findMany()).filter((e) => e.labs.includes("deepseek"));
    expect(entries).toHaveLength(deepseek.length);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry.page).toMatch(/^https:\/\/oms\.example\/\?.*version=\d+$/);

    // Each linked chart's numbers, asked of the API with the page link's question (its keys less
    // the link format `v`, which the API's path versions instead), stay the same after another day.
    const apiQuery = (page: string) => {
      const params = new URL(page).searchParams;
      params.delete("v");
      return params.toString();
    };
    const answers = async () =>
      Promise.all(
        entries.map(async ({ page }) => {
          const res = await shareGET(new Request(`http://127.0.0.1/api/v1/share?${apiQuery(page)}`), none);
          expect(res.status, `${page} ${res.status === 200 ? "" : await res.clone().text()}`).toBe(200);
          const body = (await res.json()) as { points: unknown; freshness: { dataVersion: number } };
          return { points: body.points, version: body.freshness.dataVersion };
        }),
      );
    const before = await answers();
    expect(before.map((b) => b.version)).toEqual(
      entries.map(({ page }) => Number(new URL(page).searchParams.get("version"))),
    );
    await crawlAndPublish(
      db,
      day(third, 8),
      crawled.map((m) => ({ ...m, downloads: m.downloads * 2n })),
    );
    expect(await answers()).toEqual(before);
    // …while the same charts, live, moved.
    const live = await Promise.all(
      entries.map(async ({ page }) => {
        const params = new URLSearchParams(apiQuery(page));
        params.delete("version");
        params.delete("to");
        const res = await shareGET(new Request(`http://127.0.0.1/api/v1/share?${params}`), none);
        return ((await res.json()) as { points: unknown }).points;
      }),
    );
    expect(live).not.toEqual(before.map((b) => b.points));
  });
});
