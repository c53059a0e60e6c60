import type { Prisma } from "./generated/client";
import type { Database } from "./open";

/** How long one read of a web request may run in Postgres before it is cancelled. */
export const READ_TIMEOUT_MS = Number(process.env.DATABASE_READ_TIMEOUT_MS ?? 10_000);

/**
 * A read that may touch many rows (a search over every model, a deep page): Postgres cancels it
 * after READ_TIMEOUT_MS, and the API answers 503 instead of holding a connection for minutes.
 * The embedded database has no statement timeout to set (it runs inside this process).
 */
export async function boundedRead<T>(db: Database, query: Prisma.Sql): Promise<T[]> {
  if (db.target.kind !== "postgres") return db.prisma.$queryRaw<T[]>(query);
  const [, rows] = await db.prisma.$transaction(
    [
      db.prisma.$executeRawUnsafe(
        `SET LOCAL statement_timeout = ${Math.max(1, Math.floor(READ_TIMEOUT_MS))}`,
      ),
      db.prisma.$queryRaw<T[]>(query),
    ],
    // Postgres' limit decides, not Prisma's 5 s default: a read of 6 s would otherwise succeed and
    // then fail at its commit.
    { timeout: READ_TIMEOUT_MS + 5_000 },
  );
  return rows;
}
