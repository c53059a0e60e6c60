import { type Database, Prisma } from "../db";

/** A client's bucket after one spend: what is left, and whether this request could be paid for. */
export type Bucket = { tokens: number; allowed: boolean };

type Budget = { perMinute: number; burst: number };

/** Where the token buckets live: spending refills the bucket for the time passed, then takes one. */
export interface BudgetStore {
  spend(key: string, budget: Budget): Promise<Bucket>;
}

/** Clients remembered at most in memory: the least recent are forgotten first (a full bucket again). */
const MAX_CLIENTS = 10_000;

/** One process's buckets (RATE_LIMIT_STORE=memory, the default): right for a single server. */
export class MemoryBudgetStore implements BudgetStore {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  async spend(key: string, { perMinute, burst }: Budget): Promise<Bucket> {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    this.buckets.delete(key);
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) * perMinute) / 60_000);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_CLIENTS) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return { tokens: bucket.tokens, allowed };
  }
}

/** How often one process removes buckets that have filled up again (they mean the same as none). */
const SWEEP_EVERY_MS = 60_000;

/**
 * Buckets in the database (RATE_LIMIT_STORE=postgres), so that every instance of the app spends
 * from one budget per client. One statement per request: an upsert that refills and spends under
 * the row's lock, timed by the database's clock (instances' clocks may differ). The table is
 * UNLOGGED: a crash of the server empties it, which only gives every client a full budget.
 */
export class PostgresBudgetStore implements BudgetStore {
  private lastSweep = 0;

  constructor(private readonly database: () => Promise<Database>) {}

  async spend(key: string, { perMinute, burst }: Budget): Promise<Bucket> {
    const db = await this.database();
    const perSecond = perMinute / 60;
    const refilled = Prisma.sql`least(${burst}::float8, b.tokens + ${perSecond}::float8 * extract(epoch FROM clock_timestamp() - b.updated_at)::float8)`;
    const [row] = await db.prisma.$queryRaw<Bucket[]>`
      INSERT INTO rate_limit_bucket AS b (key, tokens, allowed, updated_at)
      VALUES (${key}, ${burst}::float8 - 1, true, clock_timestamp())
      ON CONFLICT (key) DO UPDATE SET
        tokens = ${refilled} - CASE WHEN ${refilled} >= 1 THEN 1 ELSE 0 END,
        allowed = ${refilled} >= 1,
        updated_at = clock_timestamp()
      RETURNING tokens, allowed`;
    if (!row) throw new Error("the request budget's upsert returned no row");
    this.sweep(db, burst / perSecond);
    return row;
  }

  /** Forgets buckets untouched for as long as a refill takes, at most once a minute, off the request's path. */
  private sweep(db: Database, fullAfterSeconds: number): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    db.prisma
      .$executeRaw`DELETE FROM rate_limit_bucket WHERE updated_at < clock_timestamp() - make_interval(secs => ${Math.ceil(fullAfterSeconds)})`.catch(
      (error: unknown) => console.warn("Could not sweep the request budgets:", error),
    );
  }
}
