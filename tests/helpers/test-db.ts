import { randomBytes } from "node:crypto";
import { databaseUrl, withClient } from "@/lib/bench/pg";
import { type Database, openDatabase } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/migrate/run";

export type Backend = "pglite" | "postgres";

/** Postgres joins the matrix when TEST_DATABASE_URL (or DATABASE_URL) points at a server. */
export function postgresAdminUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export function testBackends(): Backend[] {
  return postgresAdminUrl() ? ["pglite", "postgres"] : ["pglite"];
}

export type TestDatabase = Database & { name: string; url?: string; drop: () => Promise<void> };

/**
 * A fresh, migrated database of its own: in-memory PGlite, or a new Postgres database named
 * oms_test_<random> that is dropped afterwards, so runs never see each other's rows.
 */
export async function createTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === "pglite") {
    const db = await openDatabase({ kind: "pglite-memory" });
    await migrateDatabase(db);
    return { ...db, name: "memory", drop: db.close };
  }
  const empty = await createEmptyPostgresDatabase();
  const db = await openDatabase({ kind: "postgres", url: empty.url });
  await migrateDatabase(db);
  return {
    ...db,
    name: empty.name,
    url: empty.url,
    drop: async () => {
      await db.close();
      await empty.drop();
    },
  };
}

/** A new, empty Postgres database (nothing migrated), dropped by the returned function. */
export async function createEmptyPostgresDatabase(): Promise<{
  name: string;
  url: string;
  drop: () => Promise<void>;
}> {
  const admin = postgresAdminUrl();
  if (!admin) throw new Error("Set TEST_DATABASE_URL to run the Postgres integration tests.");
  const name = `oms_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withClient(admin, (client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: databaseUrl(admin, name),
    drop: async () => {
      await withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
