import { createHash } from "node:crypto";
import type { Database, Prisma } from "../db";
import { isDatabaseUnavailable } from "./db-errors";

/**
 * Published data changes only when rollups are rewritten; refreshRollups bumps this stamp, so one
 * primary-key read tells whether a cached answer is still current.
 */
export const DATA_VERSION_KEY = "data_version";

export async function dataVersion(db: Database): Promise<string> {
  const row = await db.prisma.appState.findUnique({ where: { key: DATA_VERSION_KEY } });
  return row?.value ?? "0";
}

/**
 * A new data version. refreshRollups writes one with the rollups; a run that was marked succeeded
 * and then failed to publish writes one too: answers cached in between read that run's date as
 * published.
 */
export async function bumpDataVersion(client: Pick<Prisma.TransactionClient, "appState">): Promise<void> {
  const value = new Date().toISOString();
  await client.appState.upsert({
    where: { key: DATA_VERSION_KEY },
    create: { key: DATA_VERSION_KEY, value },
    update: { value },
  });
}

export function etagOf(...parts: string[]): string {
  return `"${createHash("sha1").update(parts.join("\n")).digest("base64url").slice(0, 22)}"`;
}

/** Small LRU of computed answers keyed on the parsed query and the data version. */
export class AnswerCache<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly max = 500) {}

  get(key: string): T | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: T): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
}

/**
 * Tests (and `useDatabase`) swap databases within one process: current answers never cross them
 * (two databases may share a data version). The stale fallback is the server's last answer.
 */
const databaseIds = new WeakMap<Database, number>();
let lastDatabaseId = 0;
function databaseId(db: Database): number {
  let id = databaseIds.get(db);
  if (id === undefined) {
    id = ++lastDatabaseId;
    databaseIds.set(db, id);
  }
  return id;
}

export type VersionedAnswer<T> = { value: T; etag: string; stale: boolean };

/**
 * Answers that only change when the published data does: computed once per data version and key
 * (the version read is one primary-key lookup), and the last good answer per key served, marked
 * stale, while the database is unreachable.
 */
export class VersionedAnswers<T> {
  private readonly current: AnswerCache<T>;
  private readonly lastGood: AnswerCache<{ value: T; etag: string }>;

  constructor(
    private readonly name: string,
    max = 500,
  ) {
    this.current = new AnswerCache(max);
    this.lastGood = new AnswerCache(max);
  }

  async get(db: Database, query: string, compute: () => Promise<T>): Promise<VersionedAnswer<T>> {
    try {
      const versioned = `${databaseId(db)}\n${await dataVersion(db)}\n${query}`;
      const etag = etagOf(this.name, versioned);
      const value = this.current.get(versioned) ?? (await compute());
      this.current.set(versioned, value);
      this.lastGood.set(query, { value, etag });
      return { value, etag, stale: false };
    } catch (error) {
      const fallback = this.lastGood.get(query);
      if (fallback && isDatabaseUnavailable(error)) return { ...fallback, stale: true };
      throw error;
    }
  }
}

export const PUBLIC_CACHE = "public, max-age=60, s-maxage=300, stale-while-revalidate=86400";

/** Caching headers of a versioned answer: while the database is down the last answer is served, marked stale and cached briefly. */
export function answerHeaders(answer: { etag: string; stale: boolean }): Record<string, string> {
  return {
    "Cache-Control": answer.stale ? "public, max-age=30" : PUBLIC_CACHE,
    ETag: answer.etag,
    ...(answer.stale ? { "X-Data-Stale": "true" } : {}),
  };
}

/** Conditional GET: 304 when the client's ETag matches. */
export function notModified(request: Request, etag: string): Response | null {
  const match = request.headers.get("if-none-match");
  if (match?.split(",").some((t) => t.trim() === etag)) {
    return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": PUBLIC_CACHE } });
  }
  return null;
}
