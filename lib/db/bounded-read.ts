import type { Prisma } from "./generated/client";
import type { Database } from "./open";

/** How long one web request's open-ended read may run, on either database (DATABASE_READ_TIMEOUT_MS). */
export function readTimeoutMs(value = process.env.DATABASE_READ_TIMEOUT_MS): number {
  const ms = Number(value ?? 10_000);
  return Number.isFinite(ms) && ms >= 1 ? Math.floor(ms) : 10_000;
}

/**
 * Rows one statement of a chunked read looks at (DATABASE_READ_CHUNK): on the embedded database a
 * statement runs on this process's only thread and nothing can interrupt it, so an open-ended read
 * is made of statements this small, and other requests' queries run between them.
 */
export function readChunkRows(value = process.env.DATABASE_READ_CHUNK): number {
  const rows = Number(value ?? 20_000);
  return Number.isSafeInteger(rows) && rows >= 1 ? rows : 20_000;
}

/** A read cut at its time limit: answered 503 like a statement Postgres cancelled (57014). */
export class ReadTimeoutError extends Error {
  readonly code = "57014";
  constructor(ms: number) {
    super(`canceling statement due to statement timeout: the read ran past ${ms} ms`);
    this.name = "ReadTimeoutError";
  }
}

/**
 * The time limit of one chunked read: `next()` between statements yields to the event loop (an
 * embedded database's results arrive as microtasks, so a loop of statements would otherwise keep
 * timers and sockets, other requests included, waiting until it ends), then throws
 * ReadTimeoutError once the limit has passed (the limit Postgres holds every statement to:
 * boundedRead).
 */
export function readDeadline(ms = readTimeoutMs()): { next: () => Promise<void> } {
  const end = Date.now() + ms;
  return {
    next: async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (Date.now() > end) throw new ReadTimeoutError(ms);
    },
  };
}

/**
 * One statement of an open-ended read: Postgres cancels it after the read's time limit, and the
 * API answers 503 instead of holding a connection for minutes. The embedded database cannot cancel
 * a statement, so callers bound what each statement reads (readChunkRows) and check a
 * readDeadline between statements.
 */
export async function boundedRead<T>(db: Database, query: Prisma.Sql): Promise<T[]> {
  if (db.target.kind !== "postgres") return db.prisma.$queryRaw<T[]>(query);
  const ms = readTimeoutMs();
  const [, rows] = await db.prisma.$transaction(
    [db.prisma.$executeRawUnsafe(`SET LOCAL statement_timeout = ${ms}`), db.prisma.$queryRaw<T[]>(query)],
    // Postgres' limit decides, not Prisma's 5 s default: a read of 6 s would otherwise succeed and
    // then fail at its commit.
    { timeout: ms + 5_000 },
  );
  return rows;
}
