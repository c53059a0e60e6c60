import { isDatabaseUnavailable } from "../api/db-errors";
import { getDb } from "../db";
import { type Freshness, getFreshness } from "./freshness";

/** Freshness for the page chrome; an unreachable database becomes a banner, not a crash. */
export async function getPageFreshness(): Promise<{ freshness: Freshness | null; unavailable: boolean }> {
  try {
    return { freshness: await getFreshness(await getDb()), unavailable: false };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { freshness: null, unavailable: true };
    throw error;
  }
}
