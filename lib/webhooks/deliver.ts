import http from "node:http";
import https from "node:https";
import type { Database } from "../db";
import { eventLinks } from "../events/links";
import { faultPoint } from "../process/fault-points";
import { siteOrigin } from "../site";
import { guardedLookup, type Resolver, resolveAllowed } from "./address-policy";
import { signBody, WEBHOOK_HEADERS } from "./signature";

/** How long a delivery is retried before it is marked failed. */
export const RETRY_WINDOW_MS = 24 * 3_600_000;
/** The first retry's wait; each next one doubles, up to an hour. */
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 3_600_000;
export const DEFAULT_TIMEOUT_MS = 10_000;

export const backoffMs = (attempt: number) =>
  Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1), MAX_RETRY_MS);

export type DeliverOptions = {
  /** The clock (tests move it); the database's own now() is never used for due times */
  now?: () => Date;
  /** The most a receiver may take to answer, connection included */
  timeoutMs?: number;
  /** Deliveries claimed at once */
  batch?: number;
  resolver?: Resolver;
  /** Origin of the links in the payloads (SITE_URL by default) */
  origin?: string;
};

export type DeliverSummary = {
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
  dropped: number;
};

type Claimed = { id: number; event_id: string; subscription_id: number; attempts: number; created_at: Date };

/**
 * Claims the deliveries due now (a lease, so another deliverer or a restarted one leaves them
 * alone until it passes) and sends each once. A delivery is marked delivered only after the
 * receiver answered 2xx, so a process killed at any point leaves it pending: it is sent again
 * after the lease, with the same idempotency key (at least once). Failures wait FIRST_RETRY_MS,
 * doubling up to MAX_RETRY_MS, and are marked failed once the next try would come more than
 * RETRY_WINDOW_MS after the event was recorded.
 */
export async function deliverDue(db: Database, options: DeliverOptions = {}): Promise<DeliverSummary> {
  const now = (options.now ?? (() => new Date()))();
  const timeoutMs = options.timeoutMs ?? timeoutFromEnv();
  const lease = new Date(now.getTime() + 2 * timeoutMs);
  const claimed = await db.prisma.$queryRaw<Claimed[]>`
    UPDATE webhook_delivery d
    SET lease_until = ${lease}, attempts = d.attempts + 1, last_attempt_at = ${now}
    WHERE d.id IN (
      SELECT id FROM webhook_delivery
      WHERE status = 'pending' AND next_attempt_at <= ${now} AND (lease_until IS NULL OR lease_until <= ${now})
      ORDER BY next_attempt_at, id
      LIMIT ${options.batch ?? 20}
      FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.event_id, d.subscription_id, d.attempts, d.created_at`;
  const summary: DeliverSummary = { attempted: 0, delivered: 0, retrying: 0, failed: 0, dropped: 0 };
  if (claimed.length === 0) return summary;
  faultPoint("webhooks:claimed");
  const events = new Map(
    (
      await db.prisma.event.findMany({ where: { id: { in: [...new Set(claimed.map((c) => c.event_id))] } } })
    ).map((e) => [e.id, e]),
  );
  const subs = new Map(
    (
      await db.prisma.webhookSubscription.findMany({
        where: { id: { in: [...new Set(claimed.map((c) => c.subscription_id))] } },
      })
    ).map((s) => [s.id, s]),
  );
  const origin = options.origin ?? siteOrigin();
  // Every request first, then every result: writes to an embedded database hold this process's
  // only thread, and must not eat into the time the other receivers are given.
  const answers = await Promise.all(
    claimed.map(async (c) => {
      const sub = subs.get(c.subscription_id);
      const event = events.get(c.event_id);
      if (!sub || !event || sub.removedAt) return null;
      const key = idempotencyKey(c.event_id, c.subscription_id);
      const body = payloadOf(key, sub.id, event, origin);
      const timestamp = Math.floor(now.getTime() / 1000);
      return post(
        sub.url,
        body,
        {
          [WEBHOOK_HEADERS.id]: key,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signBody(sub.secret, timestamp, body),
          "OMS-Webhook-Attempt": String(c.attempts),
          "Idempotency-Key": key,
        },
        timeoutMs,
        options.resolver,
      );
    }),
  );
  for (const [i, c] of claimed.entries()) {
    const answer = answers[i];
    if (!answer) {
      await db.prisma.webhookDelivery.updateMany({
        where: { id: c.id, status: "pending" },
        data: { status: "dropped", leaseUntil: null },
      });
      summary.dropped++;
      continue;
    }
    summary.attempted++;
    if ("status" in answer && answer.status >= 200 && answer.status < 300) {
      faultPoint("webhooks:answered");
      await db.prisma.webhookDelivery.updateMany({
        where: { id: c.id, status: "pending" },
        data: {
          status: "delivered",
          deliveredAt: now,
          lastStatus: answer.status,
          lastError: null,
          leaseUntil: null,
        },
      });
      summary.delivered++;
      faultPoint("webhooks:recorded");
      continue;
    }
    const next = new Date(now.getTime() + backoffMs(c.attempts));
    const expired = next.getTime() - c.created_at.getTime() > RETRY_WINDOW_MS;
    await db.prisma.webhookDelivery.updateMany({
      where: { id: c.id, status: "pending" },
      data: {
        status: expired ? "failed" : "pending",
        nextAttemptAt: next,
        leaseUntil: null,
        lastStatus: "status" in answer ? answer.status : null,
        lastError: "error" in answer ? answer.error.slice(0, 500) : `answered ${answer.status}`,
      },
    });
    if (expired) summary.failed++;
    else summary.retrying++;
  }
  return summary;
}

type EventRow = Awaited<ReturnType<Database["prisma"]["event"]["findMany"]>>[number];

/** What a receiver gets: the same bytes on every attempt (the time and signature are headers). */
function payloadOf(key: string, subscription: number, event: EventRow, origin: string): string {
  const links = eventLinks(event);
  return JSON.stringify({
    id: key,
    type: "event",
    subscription,
    event: {
      id: event.id,
      kind: event.kind,
      date: event.date.toISOString().slice(0, 10),
      previous_date: event.previousDate?.toISOString().slice(0, 10) ?? null,
      text: event.text,
      data_version: event.dataVersion,
      permalink: origin + links.permalink,
      png: origin + links.png,
      labs: event.labs,
      countries: event.countries,
      details: event.details,
      recorded_at: event.createdAt.toISOString(),
    },
  });
}

/** The same for every attempt of one event to one subscription. */
export const idempotencyKey = (eventId: string, subscriptionId: number) =>
  `evt_${eventId}_sub_${subscriptionId}`;

function timeoutFromEnv(): number {
  const ms = Number(process.env.WEBHOOK_TIMEOUT_MS);
  return Number.isInteger(ms) && ms >= 100 && ms <= 60_000 ? ms : DEFAULT_TIMEOUT_MS;
}

/**
 * One POST: resolved to an allowed address only (see address-policy.ts), no redirects followed,
 * and given up after `timeoutMs` in all (connecting, sending, the status line). The answer's body
 * is not read.
 */
async function post(
  target: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  resolver?: Resolver,
): Promise<{ status: number } | { error: string }> {
  let url: URL;
  try {
    url = new URL(target);
    // An IP literal is connected to without a lookup: checked here. A name is checked by the lookup.
    if (/^[\d.]+$|^\[.*\]$/.test(url.hostname)) await resolveAllowed(url.hostname);
  } catch (error) {
    return { error: (error as Error).message };
  }
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const done = (answer: { status: number } | { error: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(answer);
    };
    const request = client.request(
      url,
      {
        method: "POST",
        agent: false,
        lookup: guardedLookup(resolver) as never,
        headers: {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(body),
          "User-Agent": "OpenModelShare-Webhooks/1",
          ...headers,
        },
      },
      (response) => {
        response.resume();
        done({ status: response.statusCode ?? 0 });
      },
    );
    const timer = setTimeout(() => done({ error: `no answer within ${timeoutMs} ms` }), timeoutMs);
    request.on("error", (error) => done({ error: error.message }));
    request.end(body);
  });
}

/**
 * Delivers until `signal` aborts: every due delivery, then a wait of `pollMs` before looking
 * again. A receiver's slowness costs this loop at most its timeout per batch.
 */
export async function deliverLoop(
  db: Database,
  {
    signal,
    pollMs = 10_000,
    log = () => {},
    ...options
  }: DeliverOptions & {
    signal: AbortSignal;
    pollMs?: number;
    log?: (line: string) => void;
  },
): Promise<void> {
  while (!signal.aborted) {
    try {
      const done = await deliverDue(db, options);
      if (done.attempted + done.dropped > 0) {
        log(
          `webhooks: ${done.delivered} delivered, ${done.retrying} to retry, ${done.failed} failed, ${done.dropped} dropped`,
        );
        continue;
      }
    } catch (error) {
      // The database may be away for a while: what is pending stays pending, the next look retries.
      log(`webhooks: ${(error as Error).message.replace(/\s*\n\s*/g, " ")}`);
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs);
      signal.addEventListener(
        "abort",
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  }
}
