import { publishedDatesSince, refreshRollups } from "../analytics/rollups";
import type { Database } from "../db";
import { refreshLineage } from "../origins/lineage";
import { type DemoRowsRemoved, deleteDemoRows, hasDemoData } from "../store/demo-rows";

/** Which snapshot dates a writer made visible: these (a crawl's day, an import's dates), or all. */
export type PublishScope = { dates: Date[] } | "all";

export type PublishResult = {
  /** "all" when every published date's rollups were rewritten. */
  rollups: "dates" | "all";
  demoRemoved: DemoRowsRemoved | null;
  lineageUpdated: number;
};

/**
 * Makes stored snapshots visible: the one way every writer does it (crawl, import, backfill, demo
 * load, registry sync).
 * 1. Real data replaces the demo data: its rows go first (real and demo never mix).
 * 2. Lineage is re-resolved where it may have moved (every model's when publishing everything).
 * 3. The rollups of the scope's dates (and of each next date, whose period downloads are measured
 *    from them) are rewritten; every date's when asked, when demo rows went, or when lineage moved
 *    for models with snapshots before the scope.
 * 4. The data version changes in the rollups' own transaction: cached answers recompute.
 */
export async function publish(
  db: Database,
  scope: PublishScope,
  options: { realData: boolean },
): Promise<PublishResult> {
  const demoRemoved = options.realData && (await hasDemoData(db)) ? await deleteDemoRows(db) : null;
  const lineage = await refreshLineage(db, scope === "all" ? "all" : "pending");
  const dates = scope === "all" ? [] : scope.dates;
  const firstDate = dates.reduce<Date | null>((min, d) => (min === null || d < min ? d : min), null);
  const affected = lineage.earliestAffected;
  const everything =
    scope === "all" ||
    demoRemoved !== null ||
    (affected !== null && (firstDate === null || affected < firstDate));
  if (everything) await refreshRollups(db, null);
  else if (dates.length > 0)
    await refreshRollups(db, affected ? [...dates, ...(await publishedDatesSince(db, affected))] : dates);
  return { rollups: everything ? "all" : "dates", demoRemoved, lineageUpdated: lineage.updated };
}
