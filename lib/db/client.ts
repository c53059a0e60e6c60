import { type Database, openDatabase } from "./open";

type Holder = { db?: Promise<Database>; hooked?: boolean };
const holder = globalThis as typeof globalThis & { __openModelShareDb?: Holder };

/**
 * The process-wide database, opened on first use — never at import time or during `next build`,
 * so the embedded database has exactly one owner: the process that serves or runs a job.
 */
export function getDb(): Promise<Database> {
  holder.__openModelShareDb ??= {};
  const state = holder.__openModelShareDb;
  if (!state.db) {
    state.db = openDatabase();
    state.db.catch(() => {
      // A failed open (server down, locked directory) must not be cached forever.
      state.db = undefined;
    });
    if (!state.hooked) {
      state.hooked = true;
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => {
          void closeDb().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
        });
      }
    }
  }
  return state.db;
}

export async function closeDb(): Promise<void> {
  const state = holder.__openModelShareDb;
  const pending = state?.db;
  if (!state || !pending) return;
  state.db = undefined;
  const db = await pending.catch(() => undefined);
  await db?.close();
}

/** Makes an already open database the process-wide one (scripts that opened it, tests). */
export function useDatabase(db: Database): void {
  holder.__openModelShareDb = { db: Promise.resolve(db), hooked: true };
}
