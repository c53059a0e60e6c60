import { connectionError, type Database } from "../open";
import { applyMigrations } from "./index";

/** Applies pending migrations to an open database, with a clear error naming the database. */
export async function migrateDatabase(db: Database): Promise<string[]> {
  try {
    return await applyMigrations(db.adapter);
  } catch (error) {
    throw connectionError(db.target, error);
  }
}
