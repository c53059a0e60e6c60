import type { Tx } from "../db/transaction";

/**
 * The outbox: a delivery for each new event and each subscription whose filters it passes,
 * written in the publish transaction that recorded the events, so an event is committed with its
 * deliveries or not at all; the deliverer (lib/webhooks/deliver.ts) sends them later, and the
 * publish never waits on a receiver. A filter left empty passes everything; labs and countries
 * pass when the event names one of them.
 */
export async function enqueueDeliveriesIn(tx: Tx, eventIds: string[]): Promise<number> {
  if (eventIds.length === 0) return 0;
  return tx.client.$executeRaw`
    INSERT INTO webhook_delivery (event_id, subscription_id)
    SELECT e.id, s.id
    FROM event e
    JOIN webhook_subscription s ON s.removed_at IS NULL
      AND (cardinality(s.kinds) = 0 OR e.kind = ANY(s.kinds))
      AND (cardinality(s.labs) = 0 OR s.labs && e.labs)
      AND (cardinality(s.countries) = 0 OR s.countries && e.countries)
    WHERE e.id = ANY(${eventIds}::text[])
    ORDER BY e.date, e.created_at, s.id
    ON CONFLICT (event_id, subscription_id) DO NOTHING`;
}
