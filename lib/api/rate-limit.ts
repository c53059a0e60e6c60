import { clientAddress } from "../http/client";

/**
 * A request budget per client: a token bucket of `burst` requests refilled at `perMinute`, on
 * every route that computes or renders (lib/api/operations.ts says which). Answers carry the IETF
 * RateLimit headers in the form the Hub itself sends (`"api";r=…;t=…`); a spent budget answers 429
 * with Retry-After. RATE_LIMIT="perMinute/burst" sets it ("0" turns it off).
 */
export type Budget = { perMinute: number; burst: number };

export const RATE_LIMIT_HEADERS = [
  { name: "RateLimit-Policy", description: 'The budget: "api";q=<burst>;w=<seconds to refill it>' },
  { name: "RateLimit", description: 'What is left: "api";r=<requests>;t=<seconds until one more>' },
] as const;

const DEFAULT_BUDGET: Budget = { perMinute: 120, burst: 120 };
/** Clients remembered at most: the least recent are forgotten first (a full bucket again). */
const MAX_CLIENTS = 10_000;

export function budgetFromEnv(value = process.env.RATE_LIMIT): Budget | null {
  if (value === undefined || value.trim() === "") return DEFAULT_BUDGET;
  if (value.trim() === "0") return null;
  const match = /^\s*(\d+)\s*(?:\/\s*(\d+)\s*)?$/.exec(value);
  if (!match)
    throw new Error(
      `RATE_LIMIT must be "requests per minute" or "per minute/burst" (e.g. 120/60), not "${value}"`,
    );
  const perMinute = Number(match[1]);
  return { perMinute, burst: Number(match[2] ?? match[1]) };
}

type Bucket = { tokens: number; at: number };

export type Spend = { allowed: boolean; headers: Record<string, string> };

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly budget: Budget,
    private readonly now: () => number = () => Date.now(),
  ) {}

  spend(client: string): Spend {
    const { perMinute, burst } = this.budget;
    const rate = perMinute / 60_000;
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: burst, at: now };
    this.buckets.delete(client);
    bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(client, bucket);
    if (this.buckets.size > MAX_CLIENTS) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    const untilOne = bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / rate / 1000);
    const headers: Record<string, string> = {
      "RateLimit-Policy": `"api";q=${burst};w=${Math.ceil(burst / rate / 1000)}`,
      RateLimit: `"api";r=${Math.floor(bucket.tokens)};t=${untilOne}`,
    };
    if (!allowed) headers["Retry-After"] = String(Math.max(1, untilOne));
    return { allowed, headers };
  }
}

/** One limiter per server process (route bundles share it through globalThis). */
export function serverLimiter(): RateLimiter | null {
  const holder = globalThis as { __openModelShareLimiter?: RateLimiter | null };
  if (holder.__openModelShareLimiter === undefined) {
    const budget = budgetFromEnv();
    holder.__openModelShareLimiter = budget ? new RateLimiter(budget) : null;
  }
  return holder.__openModelShareLimiter;
}

/** Spends one request of the caller's budget; null when budgets are off. */
export function spendBudget(request: Request): Spend | null {
  return serverLimiter()?.spend(clientAddress(request)) ?? null;
}
