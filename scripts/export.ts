import { applyPendingMigrations, runMain } from "../lib/cli/run-main";
import { describeTarget, openDatabase } from "../lib/db";
import { runExport } from "../lib/import/export";
import { parseExportArgs } from "../lib/import/export-options";

runMain(async () => {
  const options = parseExportArgs(process.argv.slice(2));
  const db = await openDatabase();
  try {
    await applyPendingMigrations(db);
    console.log(`Exporting ${describeTarget(db.target)} to ${options.out}…`);
    let last = "";
    const summary = await runExport(db, options, (p) => {
      if (p.date === last) return;
      last = p.date;
      console.log(`${p.date} (${p.index + 1}/${p.dates})`);
    });
    console.log(
      `Wrote ${summary.rows.toLocaleString("en-US")} snapshots of ${summary.dates} date(s), ${(summary.bytes / 1e6).toFixed(1)} MB, in ${summary.seconds.toFixed(1)} s (${summary.rowsPerSecond.toLocaleString("en-US")} rows/s).` +
        (summary.skipped
          ? ` ${summary.skipped} stored date(s) were never published (a test run, demo data): left out.`
          : ""),
    );
    console.log(
      `Restore into an empty database: ORIGIN_REGISTRY=${options.out}/registry.json npm run backfill -- --dataset hub-weekly --repo file:${options.out}`,
    );
  } finally {
    await db.close();
  }
});
