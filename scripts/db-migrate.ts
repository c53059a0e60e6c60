import { runMain } from "../lib/cli/run-main";
import { describeTarget, openDatabase } from "../lib/db";
import { migrateDatabase } from "../lib/db/migrate/run";

runMain(async () => {
  const db = await openDatabase();
  try {
    const applied = await migrateDatabase(db);
    const where = describeTarget(db.target);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}`
        : `${where} is up to date.`,
    );
  } finally {
    await db.close();
  }
});
