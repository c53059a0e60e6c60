import { LRUCache } from "lru-cache";
import type { Database } from "../db";
import { dataVersion } from "../db/data-version";
import { isDatabaseUnavailable } from "../db/errors";
import { etagOf } from "../format/etag";

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
 * stale, while the database is unreachable. Concurrent requests for the same answer share one
 * computation (single flight). `sizeOf` bounds the cache by bytes instead of entries.
 */
export class VersionedAnswers<T extends object> {
  private readonly current: LRUCache<string, T>;
  private readonly lastGood: LRUCache<string, { value: T; etag: string }>;
  private readonly inFlight = new Map<string, Promise<T>>();

  constructor(
    private readonly name: string,
    max = 500,
    sizeOf?: (value: T) => number,
  ) {
    const bound = sizeOf
      ? { maxSize: max, sizeCalculation: (value: T) => Math.max(1, sizeOf(value)) }
      : { max };
    this.current = new LRUCache<string, T>(bound);
    this.lastGood = sizeOf
      ? new LRUCache<string, { value: T; etag: string }>({
          maxSize: max,
          sizeCalculation: (v) => Math.max(1, sizeOf(v.value)),
        })
      : new LRUCache<string, { value: T; etag: string }>({ max });
  }

  async get(db: Database, query: string, compute: () => Promise<T>): Promise<VersionedAnswer<T>> {
    try {
      const versioned = `${databaseId(db)}\n${await dataVersion(db)}\n${query}`;
      const etag = etagOf(this.name, versioned);
      const value = this.current.get(versioned) ?? (await this.once(versioned, compute));
      this.lastGood.set(query, { value, etag });
      return { value, etag, stale: false };
    } catch (error) {
      const fallback = this.lastGood.get(query);
      if (fallback && isDatabaseUnavailable(error)) return { ...fallback, stale: true };
      throw error;
    }
  }

  private once(versioned: string, compute: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(versioned);
    if (running) return running;
    const started = compute().then((value) => {
      this.current.set(versioned, value);
      return value;
    });
    const settled = started.finally(() => this.inFlight.delete(versioned));
    this.inFlight.set(versioned, settled);
    return settled;
  }
}
