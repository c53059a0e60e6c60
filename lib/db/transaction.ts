import type { Prisma } from "./generated/client";
import type { Database } from "./open";

/**
 * A transaction the publish path's steps share (lineage, rollups, runs, registry, data version), so
 * that they commit together or not at all: its Prisma client, and whether it runs on Postgres
 * (settings PGlite, whose memory is this process's, does not take).
 */
export type Tx = { client: Prisma.TransactionClient; postgres: boolean };

/**
 * Limits of the transactions that publish or sync (lineage, rollups, runs' status, the registry,
 * the data version), in place of Prisma's defaults (5 s to finish, 2 s to start):
 * - `timeout`: a publish over years of snapshots, or a full rebuild after a registry edit, takes
 *   minutes; an hour leaves room for a loaded machine, and a publish that overruns it rolls back
 *   whole (the next command publishes again).
 * - `maxWait`: starting one waits for a connection of the pool; while another command's publish
 *   holds the rows (two schedulers, two runs at once) or the machine is busy, that takes seconds.
 */
export const PUBLISH_TRANSACTION = { timeout: 60 * 60_000, maxWait: 60_000 } as const;

export function inTransaction<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.prisma.$transaction(
    (client) => work({ client, postgres: db.target.kind === "postgres" }),
    PUBLISH_TRANSACTION,
  );
}
