import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { type Database, openDatabase } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/migrate/run";
import { DELIVERY_FAULT_POINTS } from "@/lib/process/fault-points";
import { ensureRegistrySynced } from "@/lib/publish/registry";
import { addSubscription } from "@/lib/webhooks/subscriptions";
import { publishStory } from "../factories/event-story";
import { uniqueNamespace } from "../factories/model-record";
import { runScript } from "../helpers/run-script";
import { suiteResource } from "../helpers/suite";
import { createEmptyPostgresDatabase, testBackends } from "../helpers/test-db";
import { startReceiver } from "../helpers/webhook-receiver";

/** Short, so a killed deliverer's lease (twice the timeout) passes soon. */
const TIMEOUT_MS = 3000;

/**
 * `npm run webhooks -- deliver --once` killed (-9) at each step of a delivery: after its claim,
 * after the receiver's 2xx but before it is recorded, and just after recording one. Every next
 * run finishes the work: every event reaches the receiver, and what it receives twice is the same
 * delivery again (same idempotency key, same body), never another one.
 */
describe.each(testBackends())("kill -9 of the webhook deliverer on %s", (backend) => {
  const receiver = suiteResource(
    () => startReceiver(),
    (r) => r.close(),
  );

  it("loses no delivery and duplicates none beyond its idempotency key", { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "oms-webhooks-"));
    const empty = backend === "postgres" ? await createEmptyPostgresDatabase() : null;
    const env: Record<string, string | undefined> = {
      ...(empty
        ? { DATABASE_URL: empty.url }
        : { DATABASE_URL: undefined, PGLITE_DIR: path.join(dir, "db") }),
      WEBHOOK_ALLOW_PRIVATE: "1",
      WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
    };
    const open = (): Promise<Database> =>
      openDatabase(
        empty ? { kind: "postgres", url: empty.url } : { kind: "pglite", dataDir: path.join(dir, "db") },
      );
    try {
      let db = await open();
      await migrateDatabase(db);
      const previous = process.env.WEBHOOK_ALLOW_PRIVATE;
      process.env.WEBHOOK_ALLOW_PRIVATE = "1";
      const sub = await addSubscription(db, receiver.url, {});
      if (previous === undefined) delete process.env.WEBHOOK_ALLOW_PRIVATE;
      else process.env.WEBHOOK_ALLOW_PRIVATE = previous;
      receiver.setSecret(sub.secret);
      // The registry file synced as every command does first, so the deliverer's runs find nothing
      // to re-attribute (which could find events of their own) before the story's own registry.
      await ensureRegistrySynced(db);
      await publishStory(db, uniqueNamespace("kill"));
      const expected = (await db.prisma.webhookDelivery.findMany()).map(
        (d) => `evt_${d.eventId}_sub_${sub.id}`,
      );
      expect(expected.length).toBeGreaterThan(2);
      await db.close();

      const deliver = (extra: Record<string, string> = {}) =>
        runScript("scripts/webhooks.ts", ["deliver", "--once"], { ...env, ...extra }, 180_000);
      for (const point of DELIVERY_FAULT_POINTS) {
        const killed = await deliver({ FAULT_POINT: point, FAULT_ACTION: "kill" });
        expect(killed.code, `${point}: ${killed.stdout}${killed.stderr}`).toBeNull();
        // The dead process's lease passes before anyone sends those deliveries again.
        await sleep(2 * TIMEOUT_MS + 200);
      }
      const rest = await deliver();
      expect(rest.code, rest.stderr).toBe(0);

      db = await open();
      const rows = await db.prisma.webhookDelivery.findMany();
      await db.close();
      expect(
        rows.map((r) => r.status),
        JSON.stringify(
          rows.map((r) => [r.status, r.attempts, r.lastStatus, r.lastError, r.nextAttemptAt, r.leaseUntil]),
        ) + rest.stdout,
      ).toEqual(rows.map(() => "delivered"));
      const received = receiver.received.filter((r) => r.status === 200);
      expect(received.every((r) => r.signed)).toBe(true);
      // Nothing lost: every delivery reached the receiver. Nothing else: no key it should not get.
      expect([...new Set(received.map((r) => r.key))].sort()).toEqual([...expected].sort());
      // What came twice is the same delivery: one body per key.
      const bodies = new Map<string, Set<string>>();
      for (const r of received) bodies.set(r.key, (bodies.get(r.key) ?? new Set()).add(r.body));
      expect([...bodies.values()].every((b) => b.size === 1)).toBe(true);
      // The kill after the 2xx shows the at-least-once side: some key came more than once.
      expect(received.length).toBeGreaterThan(expected.length);
    } finally {
      await empty?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
