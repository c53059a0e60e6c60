import type { Tx } from "./transaction";

/** Arbitrary but fixed, and apart from the ingest lock's: the key the start-up syncs share. */
export const SYNC_LOCK_KEY = 7_240_531_108;

/**
 * Serialises the syncs every command runs at its start (the registry's, the annotations') across
 * processes, until the caller's transaction ends: two schedulers or commands starting at once on
 * one database would otherwise write the same rows and take the same next data version, and one
 * of them would fail. The caller checks again, once it holds the lock, whether a sync is still
 * needed. PGlite has one process per database: there is nobody to wait for.
 */
export async function lockSyncs(tx: Tx): Promise<void> {
  // $executeRaw: the lock function returns void, which a query's row decoder does not read.
  if (tx.postgres) await tx.client.$executeRaw`SELECT pg_advisory_xact_lock(${SYNC_LOCK_KEY}::bigint)`;
}
