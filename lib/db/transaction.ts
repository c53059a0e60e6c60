import type { Prisma } from "./generated/client";
import type { Database } from "./open";

/**
 * A transaction the publish path's steps share (lineage, rollups, runs, registry, data version), so
 * that they commit together or not at all: its Prisma client, and whether it runs on Postgres
 * (settings PGlite, whose memory is this process's, does not take).
 */
export type Tx = { client: Prisma.TransactionClient; postgres: boolean };

/** A publish over years of snapshots takes minutes, not Prisma's default five seconds. */
const PUBLISH_TIMEOUT_MS = 60 * 60_000;

export function inTransaction<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.prisma.$transaction((client) => work({ client, postgres: db.target.kind === "postgres" }), {
    timeout: PUBLISH_TIMEOUT_MS,
    maxWait: 60_000,
  });
}
