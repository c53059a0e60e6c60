import type { Database } from "../db";
import { type FeedQuery, feedQuerySchema } from "../domain/feed-query";
import { checkWebhookUrl, resolveAllowed } from "./address-policy";
import { newSecret } from "./signature";

export type Subscription = {
  id: number;
  url: string;
  labs: string[];
  countries: string[];
  kinds: string[];
  createdAt: Date;
  removedAt: Date | null;
};

/**
 * A new subscription to the events that pass the filters (the feeds' words: labs, countries,
 * kinds). The URL is checked now (scheme, and every address its host resolves to) as well as at
 * each delivery. Returns it with its secret, which is shown this once.
 */
export async function addSubscription(
  db: Database,
  url: string,
  filters: { labs?: string; countries?: string; kinds?: string },
): Promise<Subscription & { secret: string }> {
  const parsed = checkWebhookUrl(url);
  await resolveAllowed(parsed.hostname);
  const result = feedQuerySchema.safeParse(
    Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
  );
  if (!result.success)
    throw new Error(
      `Invalid filters: ${result.error.issues.map((i) => `--${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
  const q: FeedQuery = result.data;
  const secret = newSecret();
  const row = await db.prisma.webhookSubscription.create({
    data: {
      url: parsed.toString(),
      secret,
      labs: q.labs ?? [],
      countries: q.countries ?? [],
      kinds: q.kinds ?? [],
    },
  });
  return { ...shape(row), secret };
}

const shape = (r: Subscription & { secret?: string }): Subscription => ({
  id: r.id,
  url: r.url,
  labs: r.labs,
  countries: r.countries,
  kinds: r.kinds,
  createdAt: r.createdAt,
  removedAt: r.removedAt,
});

export type SubscriptionListing = Subscription & {
  pending: number;
  delivered: number;
  failed: number;
};

/** Every subscription (removed ones too, marked), with its deliveries counted by status. */
export async function listSubscriptions(db: Database): Promise<SubscriptionListing[]> {
  const subs = await db.prisma.webhookSubscription.findMany({ orderBy: { id: "asc" } });
  const counts = await db.prisma.webhookDelivery.groupBy({
    by: ["subscriptionId", "status"],
    _count: { _all: true },
  });
  const count = (id: number, status: string) =>
    counts.find((c) => c.subscriptionId === id && c.status === status)?._count._all ?? 0;
  return subs.map((s) => ({
    ...shape(s),
    pending: count(s.id, "pending"),
    delivered: count(s.id, "delivered"),
    failed: count(s.id, "failed"),
  }));
}

/** Stops a subscription: no new deliveries, its pending ones dropped; it and its log stay listed. */
export async function removeSubscription(db: Database, id: number): Promise<boolean> {
  return db.prisma.$transaction(async (client) => {
    const { count } = await client.webhookSubscription.updateMany({
      where: { id, removedAt: null },
      data: { removedAt: new Date() },
    });
    if (count === 0) return false;
    await client.webhookDelivery.updateMany({
      where: { subscriptionId: id, status: "pending" },
      data: { status: "dropped", leaseUntil: null },
    });
    return true;
  });
}

export type DeliveryLogEntry = {
  id: number;
  subscriptionId: number;
  eventId: string;
  kind: string;
  date: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  nextAttemptAt: Date;
};

/** The latest deliveries, newest first: what the status page shows. */
export async function deliveryLog(db: Database, limit = 50): Promise<DeliveryLogEntry[]> {
  const rows = await db.prisma.$queryRaw<
    {
      id: number;
      subscription_id: number;
      event_id: string;
      kind: string;
      date: Date;
      status: string;
      attempts: number;
      last_status: number | null;
      last_error: string | null;
      last_attempt_at: Date | null;
      delivered_at: Date | null;
      next_attempt_at: Date;
    }[]
  >`
    SELECT d.id, d.subscription_id, d.event_id, e.kind, e.date, d.status, d.attempts, d.last_status,
      d.last_error, d.last_attempt_at, d.delivered_at, d.next_attempt_at
    FROM webhook_delivery d JOIN event e ON e.id = d.event_id
    ORDER BY COALESCE(d.last_attempt_at, d.created_at) DESC, d.id DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    subscriptionId: r.subscription_id,
    eventId: r.event_id,
    kind: r.kind,
    date: r.date.toISOString().slice(0, 10),
    status: r.status,
    attempts: r.attempts,
    lastStatus: r.last_status,
    lastError: r.last_error,
    lastAttemptAt: r.last_attempt_at,
    deliveredAt: r.delivered_at,
    nextAttemptAt: r.next_attempt_at,
  }));
}
