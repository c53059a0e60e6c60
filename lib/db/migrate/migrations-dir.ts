import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";

/** Where the schema and migrations live, resolved from the working directory (the project root). */
export function prismaDir(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma");
}

export const migrationsDir = (): string => path.join(prismaDir(), "migrations");
export const schemaPath = (): string => path.join(prismaDir(), "schema.prisma");

/** The migrations folder in the shape the schema engine reads (what the Prisma CLI passes it). */
export async function loadMigrationList(dir = migrationsDir()): Promise<MigrationList> {
  const lockPath = path.join(dir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  if (lockContent === null) {
    throw new Error(`Missing ${lockPath}: the schema engine needs the migration lock file.`);
  }
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      const content = await readFile(file, "utf8").then(
        (value) => ({ tag: "ok" as const, value }),
        (error: Error) => ({ tag: "error" as const, value: error.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

export async function readSchema(file = schemaPath()): Promise<{ path: string; content: string }> {
  return { path: file, content: await readFile(file, "utf8") };
}
