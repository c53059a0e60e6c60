import type { Database } from "../db";
import { refreshLineage } from "../origins/lineage";
import { refreshRollups } from "./rollups";

/**
 * Makes a day's snapshots visible: re-resolve lineage, then refresh that day's rollups — or all
 * of them when lineage changed for models with older snapshots (their lineage shares move too).
 */
export async function publishSnapshotDate(db: Database, date: Date): Promise<"date" | "all"> {
  const lineage = await refreshLineage(db);
  if (lineage.earliestAffected && lineage.earliestAffected < date) {
    await refreshRollups(db, null);
    return "all";
  }
  await refreshRollups(db, [date]);
  return "date";
}
