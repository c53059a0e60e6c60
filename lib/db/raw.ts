import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";
import { type CopyStreamQuery, from as copyFrom } from "pg-copy-streams";

/**
 * The driver under Prisma, for what Prisma cannot do: COPY. Postgres: the same pg pool the Prisma
 * adapter uses; the embedded default: the PGlite instance itself.
 */
export type RawDriver = { kind: "postgres"; pool: pg.Pool } | { kind: "pglite"; pglite: PGlite };

/** One transaction on one connection: plain statements and COPY … FROM STDIN. */
export type RawTransaction = {
  readonly kind: RawDriver["kind"];
  query<T = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<{ rows: T[]; affected: number }>;
  /**
   * COPY `table` (`columns`) FROM STDIN: `chunks` hold the rows in text format (tab-separated), or
   * with `binary` in binary format (lib/db/copy-binary.ts). On Postgres each chunk is sent as soon
   * as it is made, so a generator's work overlaps the server's; an error the generator throws
   * aborts the COPY (and, as any failed statement, the transaction up to its last savepoint).
   */
  copyFrom(
    table: string,
    columns: readonly string[],
    chunks: Iterable<string> | Iterable<Uint8Array>,
    format?: CopyFormat,
  ): Promise<void>;
};

export async function withRawTransaction<T>(
  driver: RawDriver,
  work: (tx: RawTransaction) => Promise<T>,
): Promise<T> {
  if (driver.kind === "pglite") return driver.pglite.transaction((tx) => work(pgliteTransaction(tx)));
  const client = await driver.pool.connect();
  let broken = false;
  try {
    await client.query("BEGIN");
    const result = await work(pgTransaction(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

type CopyFormat = "text" | "binary";
const copySql = (table: string, columns: readonly string[], source: string, format: CopyFormat = "text") =>
  `COPY ${table} (${columns.join(", ")}) FROM ${source} (FORMAT ${format})`;

function pgTransaction(client: pg.PoolClient): RawTransaction {
  return {
    kind: "postgres",
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return { rows: result.rows as T[], affected: result.rowCount ?? 0 };
    },
    async copyFrom(table, columns, chunks, format) {
      await streamCopy(client.query(copyFrom(copySql(table, columns, "STDIN", format))), chunks);
    },
  };
}

/**
 * Writes each chunk to the COPY as it is made. (A Readable over the chunks would make up to sixteen
 * of them before handing the first on.) Each write reaches the socket at once, but for the first:
 * the stream holds it until the server has answered the COPY, and waits for that on backpressure.
 */
async function streamCopy(
  copy: CopyStreamQuery,
  chunks: Iterable<string> | Iterable<Uint8Array>,
): Promise<void> {
  const ended = finished(copy);
  // Awaited below, once every chunk is written or the COPY has failed.
  ended.catch(() => {});
  const failed = ended.then(
    () => false,
    () => true,
  );
  try {
    for (const chunk of chunks) {
      if (copy.write(chunk)) continue;
      if (await Promise.race([once(copy, "drain").then(() => false), failed])) break;
    }
    copy.end();
  } catch (error) {
    copy.destroy(error instanceof Error ? error : new Error(String(error)));
    await ended.catch(() => {});
    throw error;
  }
  await ended;
}

function pgliteTransaction(tx: Transaction): RawTransaction {
  return {
    kind: "pglite",
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await tx.query<T>(sql, params);
      return { rows: result.rows, affected: result.affectedRows ?? 0 };
    },
    async copyFrom(table, columns, chunks, format) {
      // A Blob takes only bytes of a plain ArrayBuffer: binary chunks are copied into one.
      const parts = [...chunks].map((c) => (typeof c === "string" ? c : new Uint8Array(c)));
      await tx.query(copySql(table, columns, "'/dev/blob'", format), [], { blob: new Blob(parts) });
    },
  };
}

/** A value in COPY's text format: \N for null, backslash escapes for the separators. */
export function copyField(value: string | number | bigint | boolean | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value !== "string") return String(value);
  // Most values need no escaping: test first (a regex test is far cheaper than a replace).
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;
