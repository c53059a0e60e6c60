import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { type DatabaseTarget, describeTarget, resolveDatabaseTarget } from "./config";
import { PrismaClient } from "./generated/client";
import { acquirePgliteLock } from "./pglite-lock";
import type { RawDriver } from "./raw";

export type Database = {
  prisma: PrismaClient;
  target: DatabaseTarget;
  /** The driver adapter factory, also used by the migration engine. */
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** The driver under the adapter, for bulk writes (COPY) Prisma cannot make. */
  raw: RawDriver;
  close: () => Promise<void>;
};

/** Turns a driver error into one line that says which database and what went wrong. */
export function connectionError(target: DatabaseTarget, error: unknown): Error {
  const raw = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | null)?.code;
  const reason =
    code === "ECONNREFUSED" || /ECONNREFUSED/.test(raw)
      ? "connection refused (is the server running, and is the port right?)"
      : (raw || code || "unknown error").replace(/\s*\n\s*/g, " ").trim();
  return new Error(`Cannot use ${describeTarget(target)}: ${reason}`, { cause: error });
}

export async function openDatabase(target = resolveDatabaseTarget()): Promise<Database> {
  if (target.kind === "postgres") {
    // One pool for Prisma and the bulk writer.
    const pool = new pg.Pool({
      connectionString: target.url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      connectionTimeoutMillis: 10_000,
    });
    // An idle connection the server dropped must not crash the process; the next query reconnects.
    pool.on("error", () => {});
    return withPrisma(target, new PrismaPg(pool), { kind: "postgres", pool }, () =>
      pool.end().catch(() => {}),
    );
  }
  let release = () => {};
  let pglite: PGlite;
  if (target.kind === "pglite") {
    mkdirSync(path.dirname(target.dataDir), { recursive: true });
    release = acquirePgliteLock(target.dataDir);
    // Last resort if the process exits without close(): never leave a lock that blocks the next owner.
    process.once("exit", release);
    try {
      pglite = new PGlite(
        target.dataDir,
        target.sharedBuffers
          ? { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${target.sharedBuffers}`] }
          : {},
      );
      await pglite.waitReady;
    } catch (error) {
      release();
      throw connectionError(target, error);
    }
  } else {
    pglite = new PGlite();
    await pglite.waitReady;
  }
  return withPrisma(target, new PrismaPGlite(pglite), { kind: "pglite", pglite }, async () => {
    await pglite.close();
    release();
  });
}

/** The Prisma client over a driver; closing (once, however often it is called) ends the driver after it. */
function withPrisma(
  target: DatabaseTarget,
  adapter: SqlMigrationAwareDriverAdapterFactory,
  raw: RawDriver,
  closeDriver: () => Promise<void>,
): Database {
  const prisma = new PrismaClient({ adapter });
  let closed = false;
  return {
    prisma,
    target,
    adapter,
    raw,
    close: async () => {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}
