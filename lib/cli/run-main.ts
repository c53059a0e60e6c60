import { type Database, describeTarget } from "../db";
import { migrateIfPending } from "../db/migrate/pending";

/**
 * Entry-point wrapper for scripts: one clear error line and a non-zero exit instead of a stack
 * trace (set DEBUG=1 for the stack).
 */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      // Driver and Prisma messages span lines; a command's failure is one line.
      const message = (error instanceof Error ? error.message : String(error))
        .replace(/\s*\n\s*/g, " ")
        .trim();
      console.error(`error: ${message}`);
      if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
      process.exit(1);
    },
  );
}

/** A command's first step on its database: pending migrations, said in one line when there were any. */
export async function applyPendingMigrations(db: Database): Promise<void> {
  const applied = await migrateIfPending(db);
  if (applied.length > 0)
    console.log(
      `Applied ${applied.length} migration(s) to ${describeTarget(db.target)}: ${applied.join(", ")}`,
    );
}
