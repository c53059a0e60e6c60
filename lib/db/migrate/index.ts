import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openSchemaEngine } from "./engine";
import { loadMigrationList, migrationsDir, readSchema } from "./migrations-dir";

const noFilters = { externalTables: [], externalEnums: [] };

/** Applies pending migrations and records them in _prisma_migrations, like `prisma migrate deploy`. */
export async function applyMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
  dir = migrationsDir(),
): Promise<string[]> {
  const { engine, explain } = await openSchemaEngine(factory);
  try {
    const migrationsList = await loadMigrationList(dir);
    const out = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return out.appliedMigrationNames;
  } catch (error) {
    throw explain(error);
  } finally {
    engine.free();
  }
}

/**
 * The SQL that would bring a database migrated with every file in `dir` to `schema.prisma`.
 * Empty when schema and migrations agree. The migrations replay on an in-memory PGlite shadow
 * database, so no server is needed.
 */
export async function diffSchemaAgainstMigrations(
  dir = migrationsDir(),
  schemaFile?: string,
): Promise<string> {
  const pglite = new PGlite();
  const { engine, explain } = await openSchemaEngine(new PrismaPGlite(pglite));
  try {
    const schema = await readSchema(schemaFile);
    const result = await engine.diff({
      from: { tag: "migrations", ...(await loadMigrationList(dir)) },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return normaliseScript(result.stdout ?? "");
  } catch (error) {
    throw explain(error);
  } finally {
    engine.free();
    await pglite.close();
  }
}

/** The engine prints "-- This is an empty migration." when there is nothing to do. */
function normaliseScript(sql: string): string {
  const meaningful = sql.split("\n").filter((line) => line.trim() !== "" && !line.trim().startsWith("--"));
  return meaningful.length === 0 ? "" : sql.trim();
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql from the schema diff. */
export async function createMigration(
  name: string,
  dir = migrationsDir(),
  now = new Date(),
): Promise<string | null> {
  if (!/^[a-z0-9_]{1,60}$/.test(name)) {
    throw new Error(
      `Migration name "${name}" is invalid: use 1-60 lower-case letters, digits and underscores.`,
    );
  }
  const sql = await diffSchemaAgainstMigrations(dir);
  if (sql === "") return null;
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const folder = path.join(dir, `${stamp}_${name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "migration.sql"), `${sql}\n`);
  return folder;
}
