import { firstPublishedDate, publishedDatesSince, refreshRollupsIn } from "../analytics/rollups";
import type { Database } from "../db";
import { bumpDataVersion } from "../db/data-version";
import { inTransaction, type Tx } from "../db/transaction";
import { recordEventsIn } from "../events/record";
import { refreshLineageIn } from "../origins/lineage";
import { faultPoint } from "../process/fault-points";
import { type DemoRowsRemoved, deleteDemoRows, hasDemoData } from "../store/demo-rows";
import { enqueueDeliveriesIn } from "../webhooks/outbox";

/** Which snapshot dates a writer made visible: these (a crawl's day, an import's dates), or all. */
export type PublishScope = { dates: Date[] } | "all";

export type PublishResult = {
  /** "all" when every published date's rollups were rewritten. */
  rollups: "dates" | "all";
  demoRemoved: DemoRowsRemoved | null;
  lineageUpdated: number;
  /** Ids of the events this publish found that were not recorded before */
  events: string[];
};

/**
 * Makes stored snapshots visible: the one way every writer does it (crawl, import, backfill, demo
 * load, registry sync), in one transaction with the new data version, so that readers see the old
 * numbers or the new ones, never a mix, and a kill at any point leaves the old ones whole.
 */
export async function publish(
  db: Database,
  scope: PublishScope,
  options: { realData: boolean },
): Promise<PublishResult> {
  return inTransaction(db, async (tx) => {
    const result = await publishIn(tx, scope, options);
    await bumpDataVersion(tx.client);
    return result;
  });
}

/**
 * `publish` inside the caller's transaction (which changes the data version once it is done):
 * 1. Real data replaces the demo data: its rows go first (real and demo never mix).
 * 2. Lineage is re-resolved where it may have moved (every version's when publishing everything).
 * 3. The rollups of the scope's dates (and of each next date, whose period downloads are measured
 *    from them) are rewritten; every date's when asked, when demo rows went, or when lineage moved
 *    for versions listed before the scope.
 * 4. The events of those dates are recorded (none while demo data is what is published), with a
 *    webhook delivery for each subscription they concern: the outbox commits with the numbers.
 */
/** Whether no published date comes before `date`. */
async function isFirstPublished(tx: Tx, date: Date): Promise<boolean> {
  const first = await firstPublishedDate(tx);
  return first === null || first.getTime() >= date.getTime();
}

export async function publishIn(
  tx: Tx,
  scope: PublishScope,
  options: { realData: boolean },
): Promise<PublishResult> {
  const demoRemoved =
    options.realData && (await hasDemoData(tx.client)) ? await deleteDemoRows(tx.client) : null;
  const lineage = await refreshLineageIn(tx, scope === "all" ? "all" : "pending");
  faultPoint("publish:lineage");
  const dates = scope === "all" ? [] : scope.dates;
  const firstDate = dates.reduce<Date | null>((min, d) => (min === null || d < min ? d : min), null);
  const affected = lineage.earliestAffected;
  // Lineage that moved before the dates published now moves every date since: when that is the
  // first published date, one full rebuild.
  const everything =
    scope === "all" ||
    demoRemoved !== null ||
    (affected !== null &&
      firstDate !== null &&
      affected < firstDate &&
      (await isFirstPublished(tx, affected)));
  if (everything) await refreshRollupsIn(tx, null);
  else {
    const since = affected ? await publishedDatesSince(tx, affected) : [];
    if (dates.length + since.length > 0) await refreshRollupsIn(tx, [...dates, ...since]);
  }
  faultPoint("publish:rollups");
  const demoLeft = demoRemoved === null && (await hasDemoData(tx.client));
  const events = demoLeft ? [] : await recordEventsIn(tx, scope);
  await enqueueDeliveriesIn(tx, events);
  return { rollups: everything ? "all" : "dates", demoRemoved, lineageUpdated: lineage.updated, events };
}
