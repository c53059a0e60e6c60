import { readdir } from "node:fs/promises";
import { type Database, describeTarget } from "../db";
import { migrationsDir } from "../db/migrate/migrations-dir";

/**
 * Fails with one clear line when the database lacks migrations. The import does not migrate
 * itself: Prisma's Wasm schema engine would add hundreds of MB to a process whose memory is meant
 * to stay flat; `npm run db:migrate` runs it in its own process.
 */
export async function assertMigrated(db: Database): Promise<void> {
  const entries = await readdir(migrationsDir(), { withFileTypes: true });
  const wanted = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  let applied: Set<string>;
  try {
    const rows = await db.prisma.$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = new Set(rows.map((r) => r.name));
  } catch {
    applied = new Set();
  }
  const pending = wanted.filter((name) => !applied.has(name));
  if (pending.length > 0)
    throw new Error(
      `${describeTarget(db.target)} has ${pending.length} pending migration(s) (${pending.join(", ")}): ` +
        "run npm run db:migrate first.",
    );
}
