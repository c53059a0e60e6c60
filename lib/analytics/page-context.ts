import { getDb } from "../db";
import { isDatabaseUnavailable } from "../db/errors";
import { type Freshness, getVersionedFreshness } from "./freshness";

/** Freshness for the page chrome; an unreachable database becomes a banner, not a crash. */
export async function getPageFreshness(): Promise<{ freshness: Freshness | null; unavailable: boolean }> {
  try {
    const answer = await getVersionedFreshness(await getDb());
    return { freshness: answer.value, unavailable: answer.stale };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { freshness: null, unavailable: true };
    throw error;
  }
}
