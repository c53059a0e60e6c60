import { runMain } from "../lib/cli/run-main";
import { describeTarget, openDatabase } from "../lib/db";
import { migrateDatabase } from "../lib/db/migrate/run";
import { ensureAnnotationsSynced } from "../lib/origins/annotations-sync";
import { ensureRegistrySynced } from "../lib/publish/registry";

runMain(async () => {
  const force = process.argv.includes("--sync-registry");
  const db = await openDatabase();
  try {
    const applied = await migrateDatabase(db);
    const where = describeTarget(db.target);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}`
        : `${where} is up to date.`,
    );
    const synced = await ensureRegistrySynced(db, { force });
    if (synced) {
      console.log(
        `Origin registry synced: ${synced.labs} labs, ${synced.organizations} namespaces` +
          (synced.detached ? `, ${synced.detached} dropped namespaces now unattributed` : "") +
          "; shares re-attributed.",
      );
    }
    const annotations = await ensureAnnotationsSynced(db, { force });
    if (annotations)
      console.log(
        `Chart annotations synced: ${annotations.annotations}` +
          (annotations.skipped.length ? `; left out: ${annotations.skipped.join(", ")}` : "") +
          ".",
      );
  } finally {
    await db.close();
  }
});
