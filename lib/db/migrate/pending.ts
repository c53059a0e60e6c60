import { readdir } from "node:fs/promises";
import type { Database } from "../open";
import { migrationsDir } from "./migrations-dir";
import { migrateDatabase } from "./run";

/** Migrations in prisma/migrations that the database has not applied (all of them on a new one). */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const entries = await readdir(migrationsDir(), { withFileTypes: true });
  const wanted = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  let applied: Set<string>;
  try {
    const rows = await db.prisma.$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = new Set(rows.map((r) => r.name));
  } catch {
    applied = new Set();
  }
  return wanted.filter((name) => !applied.has(name));
}

/**
 * What every command does before it touches the data (as `npm start` does): apply pending
 * migrations. Checking is one small query; Prisma's Wasm schema engine, which costs a long-running
 * process a few hundred MB, is loaded only when something is pending.
 */
export async function migrateIfPending(db: Database): Promise<string[]> {
  if ((await pendingMigrations(db)).length === 0) return [];
  return migrateDatabase(db);
}
