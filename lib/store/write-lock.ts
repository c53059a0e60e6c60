import pg from "pg";
import type { Database } from "../db";

/** Arbitrary but fixed: the advisory lock key shared by every ingestion process. */
export const INGEST_LOCK_KEY = 7_240_531_107;

export class IngestBusyError extends Error {
  constructor() {
    super("Another ingestion run is in progress (advisory lock held): not starting a second one.");
    this.name = "IngestBusyError";
  }
}

const local = globalThis as typeof globalThis & { __openModelShareIngestBusy?: boolean };

/**
 * Postgres: a session-level advisory lock on a connection of its own, held for the whole run; if
 * the process dies the connection closes and the lock goes with it, so a crash never blocks the
 * next run. PGlite: one process owns the database (lock file), so an in-process flag suffices.
 */
export type IngestLock = (() => Promise<void>) & {
  /** Throws when the lock's connection dropped (e.g. a database restart): the lock is gone. */
  assertHeld: () => void;
};

export class IngestLockLostError extends Error {
  constructor() {
    super(
      "Lost the ingest lock: the database connection dropped (restart?). Stopping; the next run resumes.",
    );
    this.name = "IngestLockLostError";
  }
}

export async function acquireIngestLock(db: Database): Promise<IngestLock> {
  if (local.__openModelShareIngestBusy) throw new IngestBusyError();
  if (db.target.kind !== "postgres") {
    local.__openModelShareIngestBusy = true;
    return Object.assign(
      async () => {
        local.__openModelShareIngestBusy = false;
      },
      { assertHeld: () => {} },
    );
  }
  const client = new pg.Client({ connectionString: db.target.url });
  await client.connect();
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
    INGEST_LOCK_KEY,
  ]);
  if (!rows[0]?.locked) {
    await client.end();
    throw new IngestBusyError();
  }
  local.__openModelShareIngestBusy = true;
  // A dropped connection releases the advisory lock on the server: from then on another run may
  // start, so this one must stop writing.
  let lost = false;
  client.on("error", () => {
    lost = true;
  });
  client.on("end", () => {
    lost = true;
  });
  let released = false;
  return Object.assign(
    async () => {
      if (released) return;
      released = true;
      local.__openModelShareIngestBusy = false;
      await client.query("SELECT pg_advisory_unlock($1)", [INGEST_LOCK_KEY]).catch(() => {});
      await client.end().catch(() => {});
    },
    {
      assertHeld: () => {
        if (lost && !released) throw new IngestLockLostError();
      },
    },
  );
}
