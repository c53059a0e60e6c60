import { applyPendingMigrations, runMain } from "../lib/cli/run-main";
import { describeTarget, openDatabase } from "../lib/db";
import { finishUnfinishedWork } from "../lib/publish/unfinished";
import { verifyPublished } from "../lib/publish/verify";
import { parseVerifyArgs } from "../lib/publish/verify-args";

runMain(async () => {
  const args = parseVerifyArgs(process.argv.slice(2));
  const db = await openDatabase();
  try {
    await applyPendingMigrations(db);
    for (const line of await finishUnfinishedWork(db)) console.log(line);
    console.log(`Verifying the published shares of ${describeTarget(db.target)}…`);
    const result = await verifyPublished(db, args);
    for (const d of result.drifts)
      console.log(
        `DRIFT ${d.table} ${d.date} ${d.cut}: published ${d.published ?? "(none)"}, recomputed ${d.recomputed ?? "(none)"}`,
      );
    if (result.lineageDrift > 0)
      console.log(`DRIFT lineage: ${result.lineageDrift} version(s) resolve to another root than stored`);
    const checked =
      `${result.dates} of ${result.publishedDates} published date(s): ${result.rows.rollup.toLocaleString()} rollup ` +
      `and ${result.rows.scope.toLocaleString()} scope rows recomputed from the snapshots in ${result.seconds.toFixed(1)} s`;
    if (result.ok) console.log(`No drift: ${checked}.`);
    else {
      const more = result.driftCount - result.drifts.length - result.lineageDrift;
      throw new Error(
        `${result.driftCount} published number(s) differ from a recomputation${more > 0 ? ` (${more} more not listed)` : ""}; ${checked}.`,
      );
    }
  } finally {
    await db.close();
  }
});
