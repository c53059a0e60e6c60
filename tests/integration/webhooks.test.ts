import { afterAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db";
import { deliverDue } from "@/lib/webhooks/deliver";
import {
  addSubscription,
  deliveryLog,
  listSubscriptions,
  removeSubscription,
} from "@/lib/webhooks/subscriptions";
import { crawlAndPublish, publishStory, storyDays } from "../factories/event-story";
import { uniqueNamespace } from "../factories/model-record";
import { suiteDatabase, suiteResource } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";
import { type Received, startReceiver } from "../helpers/webhook-receiver";

/** The retry rule as the README states it: 30 s, doubling, at most an hour between tries, for 24 h. */
const FIRST_WAIT_S = 30;
const MAX_WAIT_S = 3600;
const WINDOW_S = 24 * 3600;
/** The seconds after the first try at which each try happens, while within the window. */
function tryTimes(): number[] {
  const times = [0];
  for (let k = 1; ; k++) {
    const last = times[times.length - 1] as number;
    const next = last + Math.min(FIRST_WAIT_S * 2 ** (k - 1), MAX_WAIT_S);
    if (next > WINDOW_S) return times;
    times.push(next);
  }
}

/** Runs the deliverer on a moved clock until nothing is pending: each time to the next due try. */
async function deliverOnClock(db: Database, clock: { t: Date }, timeoutMs = 2000) {
  for (let i = 0; i < 500; i++) {
    await deliverDue(db, { now: () => clock.t, timeoutMs });
    const next = await db.prisma.webhookDelivery.aggregate({
      where: { status: "pending" },
      _min: { nextAttemptAt: true },
    });
    const due = next._min.nextAttemptAt;
    if (!due) return;
    if (due > clock.t) clock.t = due;
  }
  throw new Error("deliveries still pending after 500 rounds");
}

const keysOf = (list: Received[]) => list.map((r) => r.key);
const eventIdOf = (r: Received) => (JSON.parse(r.body) as { event: { id: string } }).event.id;

describe.each(testBackends())("webhooks on %s", (backend) => {
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  describe("signed deliveries through the outbox", () => {
    const db = suiteDatabase(backend);
    const receiver = suiteResource(
      () => startReceiver(),
      (r) => r.close(),
    );
    const p = uniqueNamespace("wh");

    it("refuses private addresses unless allowed, then delivers each event it concerns once, signed", async () => {
      vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "");
      await expect(addSubscription(db, receiver.url, {})).rejects.toThrow(/127\.0\.0\.1 is loopback/);
      await expect(addSubscription(db, "ftp://example.com/x", {})).rejects.toThrow(/Only http and https/);
      vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "1");
      await expect(addSubscription(db, receiver.url, { kinds: "rumour" })).rejects.toThrow(/--kinds/);
      const qw = await addSubscription(db, receiver.url, { labs: `${p}-qw` });
      const kr = await addSubscription(db, `${receiver.url}?kr`, { countries: "KR", kinds: "top-models" });
      const gone = await addSubscription(db, `${receiver.url}?gone`, {});
      await removeSubscription(db, gone.id);
      expect(qw.secret).not.toBe(kr.secret);

      await publishStory(db, p);
      const events = await db.prisma.event.findMany();
      const forQw = events.filter((e) => e.labs.includes(`${p}-qw`)).map((e) => e.id);
      const forKr = events
        .filter((e) => e.countries.includes("KR") && e.kind === "top-models")
        .map((e) => e.id);
      expect(forQw.length).toBeGreaterThan(0);
      expect(forKr).toHaveLength(1);
      // The outbox holds them, written with the events; nothing for the removed subscription.
      const outbox = await db.prisma.webhookDelivery.findMany();
      expect(
        outbox
          .filter((d) => d.subscriptionId === qw.id)
          .map((d) => d.eventId)
          .sort(),
      ).toEqual(forQw.sort());
      expect(outbox.filter((d) => d.subscriptionId === kr.id).map((d) => d.eventId)).toEqual(forKr);
      expect(outbox.filter((d) => d.subscriptionId === gone.id)).toEqual([]);

      // One receiver, two secrets: sign with each in turn.
      receiver.setSecret(qw.secret);
      await db.prisma.webhookDelivery.updateMany({
        where: { subscriptionId: kr.id },
        data: { nextAttemptAt: new Date(Date.now() + 3_600_000) },
      });
      const first = await deliverDue(db, { timeoutMs: 5000 });
      expect(first).toMatchObject({ attempted: forQw.length, delivered: forQw.length, failed: 0 });
      expect(receiver.received.every((r) => r.signed && r.status === 200)).toBe(true);
      expect(receiver.received.map(eventIdOf).sort()).toEqual(forQw.sort());
      expect(new Set(keysOf(receiver.received)).size).toBe(forQw.length);
      const body = JSON.parse(receiver.received[0]?.body ?? "{}");
      expect(body.event.permalink).toMatch(/version=\d+$/);
      expect(body.event.png).toMatch(/\/api\/v1\/share\.png\?.*version=\d+$/);

      receiver.setSecret(kr.secret);
      const later = new Date(Date.now() + 3_600_000);
      await deliverDue(db, { now: () => later, timeoutMs: 5000 });
      expect(receiver.received.filter((r) => r.signed)).toHaveLength(forQw.length + 1);
      // Nothing is due any more, and a republish of the same data adds nothing to send.
      expect((await deliverDue(db, { now: () => later })).attempted).toBe(0);
      const last = storyDays(p).at(-1);
      await crawlAndPublish(db, last?.day ?? "", last?.models ?? []);
      expect(await db.prisma.webhookDelivery.count({ where: { status: "pending" } })).toBe(0);

      const listed = await listSubscriptions(db);
      expect(listed.find((s) => s.id === qw.id)).toMatchObject({ delivered: forQw.length, pending: 0 });
      expect(listed.find((s) => s.id === gone.id)?.removedAt).not.toBeNull();
      expect((await deliveryLog(db)).filter((d) => d.status === "delivered")).toHaveLength(forQw.length + 1);
    });
    it("resolves a host name at each delivery and refuses it when an address is not public", async () => {
      const event = await db.prisma.event.findFirstOrThrow();
      const byName = receiver.url.replace("127.0.0.1", "localhost");
      // A row the command would have refused: the deliverer checks again, on its own lookup.
      vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "");
      const sneaky = await db.prisma.webhookSubscription.create({
        data: { url: byName, secret: "whsec_x", labs: [], countries: [], kinds: [] },
      });
      await db.prisma.webhookDelivery.create({ data: { eventId: event.id, subscriptionId: sneaky.id } });
      const before = receiver.received.length;
      expect(await deliverDue(db, { timeoutMs: 5000 })).toMatchObject({
        attempted: 1,
        delivered: 0,
        retrying: 1,
      });
      expect(receiver.received.length).toBe(before);
      const refused = await db.prisma.webhookDelivery.findFirstOrThrow({
        where: { subscriptionId: sneaky.id },
      });
      expect(refused.lastError).toMatch(/localhost is refused: .*loopback/);

      vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "1");
      const allowed = await addSubscription(db, byName, {});
      receiver.setSecret(allowed.secret);
      await db.prisma.webhookDelivery.create({ data: { eventId: event.id, subscriptionId: allowed.id } });
      expect(await deliverDue(db, { timeoutMs: 5000 })).toMatchObject({ attempted: 1, delivered: 1 });
      expect(receiver.received.at(-1)).toMatchObject({ signed: true, status: 200 });
    });
  });

  describe("a receiver answering 500 for an hour", () => {
    const db = suiteDatabase(backend);
    const clock = { t: new Date() };
    let recoversAt = new Date();
    const receiver = suiteResource(
      () => startReceiver({ answer: () => (clock.t < recoversAt ? 500 : 200) }),
      (r) => r.close(),
    );

    it("gets every event once it recovers, each after the tries the backoff allows", async () => {
      vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "1");
      const sub = await addSubscription(db, receiver.url, {});
      receiver.setSecret(sub.secret);
      await publishStory(db, uniqueNamespace("down"));
      const pending = await db.prisma.webhookDelivery.findMany();
      expect(pending.length).toBeGreaterThan(0);
      const start = new Date(Math.max(...pending.map((d) => d.nextAttemptAt.getTime())));
      clock.t = start;
      recoversAt = new Date(start.getTime() + 3_600_000);
      await deliverOnClock(db, clock);

      const delivered = await db.prisma.webhookDelivery.findMany();
      expect(delivered.every((d) => d.status === "delivered")).toBe(true);
      const ok = receiver.received.filter((r) => r.status === 200);
      expect(ok.map((r) => r.key).sort()).toEqual([...new Set(ok.map((r) => r.key))].sort());
      expect(ok).toHaveLength(pending.length);
      // The first try at or after the hour is the one that got through.
      const tries = tryTimes();
      const successful = tries.findIndex((s) => s >= 3600) + 1;
      expect(delivered.map((d) => d.attempts)).toEqual(delivered.map(() => successful));
      expect(receiver.received.filter((r) => r.status === 500)).toHaveLength(
        pending.length * (successful - 1),
      );
      expect(receiver.received.every((r) => r.signed)).toBe(true);
    });
  });

  describe("a receiver down for more than a day, and a slow one", () => {
    const db = suiteDatabase(backend);
    let hold = false;
    const receiver = suiteResource(
      () => startReceiver({ answer: () => (hold ? "hold" : 503) }),
      (r) => r.close(),
    );

    it("marks a delivery failed after 24 hours of tries; a slow receiver costs its timeout, not the publish", async () => {
      vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "1");
      const sub = await addSubscription(db, receiver.url, { kinds: "population" });
      receiver.setSecret(sub.secret);
      const p = uniqueNamespace("dead");
      await publishStory(db, p);
      const [delivery] = await db.prisma.webhookDelivery.findMany();
      expect(delivery).toBeDefined();
      const clock = { t: delivery?.nextAttemptAt ?? new Date() };
      await deliverOnClock(db, clock);
      const failed = await db.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery?.id } });
      expect(failed.status).toBe("failed");
      expect(failed.attempts).toBe(tryTimes().length);
      expect(failed.lastStatus).toBe(503);

      // A receiver that never answers: the deliverer gives up after its timeout and retries later,
      // and a publish made meanwhile finishes without it.
      hold = true;
      const gaps = await addSubscription(db, `${receiver.url}?gaps`, { kinds: "data-gap" });
      receiver.setSecret(gaps.secret);
      // Nothing on the 6th: a gap.
      const published = await crawlAndPublish(db, "2025-08-07", storyDays(p)[2]?.models ?? []);
      expect(published.events.length).toBeGreaterThan(0);
      const sending = deliverDue(db, { timeoutMs: 300 });
      const meanwhile = await crawlAndPublish(db, "2025-08-08", storyDays(p)[2]?.models ?? []);
      expect(meanwhile.rollups).toBe("dates");
      expect(await sending).toMatchObject({ attempted: 1, delivered: 0, retrying: 1 });
      const slow = await db.prisma.webhookDelivery.findFirstOrThrow({ where: { subscriptionId: gaps.id } });
      expect(slow.lastError).toMatch(/no answer within 300 ms/);
      expect(receiver.held.length).toBeGreaterThan(0);
    });
  });
});
