import { getDb } from "../db";
import { isDatabaseUnavailable } from "../db/errors";
import { addressKey, clientAddress } from "../http/client";
import { type Bucket, type BudgetStore, MemoryBudgetStore, PostgresBudgetStore } from "./budget-store";

/**
 * A request budget per client: a token bucket of `burst` requests refilled at `perMinute`, on
 * every route that computes or renders (lib/api/operations.ts says which). Answers carry the IETF
 * RateLimit headers in the form the Hub itself sends (`"api";r=…;t=…`); a spent budget answers 429
 * with Retry-After. RATE_LIMIT="perMinute/burst" sets it ("0" turns it off); RATE_LIMIT_STORE says
 * where the buckets live (lib/api/budget-store.ts).
 */
export type Budget = { perMinute: number; burst: number };

export const RATE_LIMIT_HEADERS = [
  { name: "RateLimit-Policy", description: 'The budget: "api";q=<burst>;w=<seconds to refill it>' },
  { name: "RateLimit", description: 'What is left: "api";r=<requests>;t=<seconds until one more>' },
] as const;

const DEFAULT_BUDGET: Budget = { perMinute: 120, burst: 120 };

export function budgetFromEnv(value = process.env.RATE_LIMIT): Budget | null {
  if (value === undefined || value.trim() === "") return DEFAULT_BUDGET;
  if (value.trim() === "0") return null;
  const match = /^\s*(\d{1,9})\s*(?:\/\s*(\d{1,9})\s*)?$/.exec(value);
  const perMinute = Number(match?.[1]);
  const burst = Number(match?.[2] ?? match?.[1]);
  if (!match || perMinute < 1 || burst < 1)
    throw new Error(
      `RATE_LIMIT must be "requests per minute" or "per minute/burst" (e.g. 120/60), or 0, not "${value}"`,
    );
  return { perMinute, burst };
}

export type StoreKind = "memory" | "postgres";

export function storeFromEnv(value = process.env.RATE_LIMIT_STORE): StoreKind {
  const v = value?.trim().toLowerCase() || "memory";
  if (v !== "memory" && v !== "postgres")
    throw new Error(`RATE_LIMIT_STORE must be "memory" or "postgres", not "${value}"`);
  return v;
}

export type Spend = { allowed: boolean; headers: Record<string, string> };

/** The budget of one client key in a store, and the headers that announce it. */
export class RateLimiter {
  constructor(
    private readonly budget: Budget,
    private readonly store: BudgetStore = new MemoryBudgetStore(),
  ) {}

  async spend(key: string): Promise<Spend> {
    return spendHeaders(this.budget, await this.store.spend(key, this.budget));
  }
}

function spendHeaders({ perMinute, burst }: Budget, { tokens, allowed }: Bucket): Spend {
  const perSecond = perMinute / 60;
  const untilOne = tokens >= 1 ? 0 : Math.ceil((1 - tokens) / perSecond);
  const headers: Record<string, string> = {
    "RateLimit-Policy": `"api";q=${burst};w=${Math.ceil(burst / perSecond)}`,
    RateLimit: `"api";r=${Math.floor(tokens)};t=${untilOne}`,
  };
  if (!allowed) headers["Retry-After"] = String(Math.max(1, untilOne));
  return { allowed, headers };
}

/** One limiter per server process (route bundles share it through globalThis). */
export function serverLimiter(): RateLimiter | null {
  const holder = globalThis as { __openModelShareLimiter?: RateLimiter | null };
  if (holder.__openModelShareLimiter === undefined) {
    const budget = budgetFromEnv();
    const store = storeFromEnv() === "postgres" ? new PostgresBudgetStore(getDb) : new MemoryBudgetStore();
    holder.__openModelShareLimiter = budget ? new RateLimiter(budget, store) : null;
  }
  return holder.__openModelShareLimiter;
}

let warned = 0;
/** At most one line a minute for a condition every request would otherwise log. */
function warnSometimes(message: string): void {
  if (Date.now() - warned < 60_000) return;
  warned = Date.now();
  console.warn(message);
}

/** Where every request whose address is unknown spends: one budget for all of them. */
export const UNKNOWN_CLIENT = "unknown";

/**
 * Spends one request of the caller's budget; null when budgets are off, or when the shared store
 * cannot be reached (the request goes on: a database outage must not turn every answer into a
 * 429 or a 503 while cached answers could still be served).
 */
export async function spendBudget(request: Request): Promise<Spend | null> {
  const limiter = serverLimiter();
  if (!limiter) return null;
  const address = clientAddress(request);
  if (address === null)
    warnSometimes(
      "The client's address is unknown (no TRUST_PROXY and not served by `npm start`): every request shares one budget. See the README's deployment section.",
    );
  try {
    return await limiter.spend(address === null ? UNKNOWN_CLIENT : addressKey(address));
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    warnSometimes("The request budget's store is unreachable: requests are not counted until it is back.");
    return null;
  }
}
