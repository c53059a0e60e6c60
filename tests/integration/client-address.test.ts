import { type ChildProcess, spawn } from "node:child_process";
import { randomInt } from "node:crypto";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { GET as labsGET } from "@/app/api/v1/labs/route";
import { type BudgetStore, MemoryBudgetStore, PostgresBudgetStore } from "@/lib/api/budget-store";
import { RateLimiter } from "@/lib/api/rate-limit";
import type { Database } from "@/lib/db";
import { addressKey, clientAddress, PEER_HEADER, trustedProxies } from "@/lib/http/client";
import { serveRoute } from "../helpers/route-server";
import { servedPopulationDatabase, suiteDatabase } from "../helpers/suite";
import { createTestDatabase, postgresAdminUrl, testBackends } from "../helpers/test-db";

/**
 * The request budget is keyed by the client's real address: the socket's (as the server entry
 * stamps it), whatever X-Forwarded-For the client writes, unless TRUST_PROXY says a proxy wrote
 * it. Over real connections from 127.0.0.1, a random X-Forwarded-For per request changes nothing;
 * two instances of the app on one Postgres with RATE_LIMIT_STORE=postgres spend one budget.
 */
const holder = globalThis as {
  __openModelShareLimiter?: RateLimiter | null;
  __openModelShareServerEntry?: boolean;
};

const randomAddress = () => `${randomInt(1, 224)}.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function statuses(url: string, count: number, headers: () => Record<string, string> = () => ({})) {
  const out: number[] = [];
  for (let i = 0; i < count; i++)
    out.push((await fetch(`${url}/api/v1/labs`, { headers: headers() })).status);
  return out;
}

const count = (list: number[], status: number) => list.filter((s) => s === status).length;

afterEach(() => {
  delete holder.__openModelShareLimiter;
  delete holder.__openModelShareServerEntry;
  delete process.env.TRUST_PROXY;
});

describe("who the client is", () => {
  it("believes X-Forwarded-For only as far as TRUST_PROXY says, else only the server entry's stamp", () => {
    const request = (headers: Record<string, string>) => new Request("http://127.0.0.1/", { headers });
    const spoofed = { "x-forwarded-for": "6.6.6.6", [PEER_HEADER]: "7.7.7.7" };
    // No server entry: a stamp is a header like any other the client could write.
    expect(clientAddress(request(spoofed))).toBeNull();
    holder.__openModelShareServerEntry = true;
    expect(clientAddress(request(spoofed))).toBe("7.7.7.7");
    process.env.TRUST_PROXY = "1";
    expect(clientAddress(request({ "x-forwarded-for": "6.6.6.6, 5.5.5.5", [PEER_HEADER]: "10.0.0.2" }))).toBe(
      "5.5.5.5",
    );
    // Behind a trusted proxy that sent nothing, the socket is the client.
    expect(clientAddress(request({ [PEER_HEADER]: "10.0.0.2" }))).toBe("10.0.0.2");
    expect(() => trustedProxies("one")).toThrow(/TRUST_PROXY must be/);
    expect(() => trustedProxies("1e1")).toThrow(/TRUST_PROXY must be/);
  });

  it("keys IPv4 by address and IPv6 by its /64", () => {
    expect(addressKey("203.0.113.9")).toBe("203.0.113.9");
    expect(addressKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressKey("[2001:db8:1:3::1]:443")).toBe("2001:db8:1:3::/64");
    expect(addressKey("not an address")).toBe("not an address");
  });
});

describe.each(testBackends())("the request budget over real connections, on %s", (backend) => {
  const db = servedPopulationDatabase(backend, 3, "addr");
  const stores: Record<string, (db: Database) => BudgetStore> = {
    memory: () => new MemoryBudgetStore(),
    postgres: (database) => new PostgresBudgetStore(async () => database),
  };

  for (const [name, store] of Object.entries(stores))
    it(`keys on the socket, whatever X-Forwarded-For says (${name} store)`, async () => {
      holder.__openModelShareLimiter = new RateLimiter({ perMinute: 1, burst: 5 }, store(db));
      const server = await serveRoute(labsGET);
      try {
        const spoofed = await statuses(server.url, 12, () => ({ "x-forwarded-for": randomAddress() }));
        expect(count(spoofed, 200), spoofed.join(" ")).toBe(5);
        expect(count(spoofed, 429)).toBe(7);
        // Behind a trusted proxy the same header names the client: a new address, a new budget.
        process.env.TRUST_PROXY = "1";
        const proxied = await statuses(server.url, 3, () => ({ "x-forwarded-for": randomAddress() }));
        expect(proxied).toEqual([200, 200, 200]);
      } finally {
        await server.close();
      }
    });

  it("lets requests through uncounted while the shared store cannot be reached", async () => {
    const down = new PostgresBudgetStore(async () => {
      throw Object.assign(new Error("connect ECONNREFUSED 10.0.0.9:5432"), { code: "ECONNREFUSED" });
    });
    holder.__openModelShareLimiter = new RateLimiter({ perMinute: 1, burst: 1 }, down);
    for (let i = 0; i < 3; i++) {
      const res = await labsGET(new Request("http://127.0.0.1/api/v1/labs"), { params: Promise.resolve({}) });
      expect(res.status).toBe(200);
      expect(res.headers.get("ratelimit")).toBeNull();
    }
  });

  it("spends from the shared table with one statement a request", async () => {
    let statements = 0;
    const counting = {
      ...db,
      prisma: new Proxy(db.prisma, {
        get(target, key, receiver) {
          const value = Reflect.get(target, key, receiver);
          if (key !== "$queryRaw" && key !== "$executeRaw") return value;
          return (...args: unknown[]) => {
            statements++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      }),
    } as Database;
    const limiter = new RateLimiter(
      { perMinute: 60, burst: 3 },
      new PostgresBudgetStore(async () => counting),
    );
    const spent = [];
    for (let i = 0; i < 4; i++) spent.push(await limiter.spend("198.51.100.7"));
    // The first request also sweeps full buckets away (once a minute, not awaited).
    expect(statements).toBe(4 + 1);
    expect(spent.map((s) => s.allowed)).toEqual([true, true, true, false]);
    expect(spent[3]?.headers["Retry-After"]).toBe("1");
    expect(spent[0]?.headers.RateLimit).toBe('"api";r=2;t=0');
    expect((await limiter.spend("198.51.100.8")).allowed).toBe(true);
  });
});

const postgres = postgresAdminUrl() ? describe : describe.skip;

/** A child process serving the labs route (tests/helpers/route-instance.ts) on the given database. */
async function startInstance(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/route-instance.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the instance exited (${code})`)));
  });
  return { url, child };
}

postgres("two instances of the app on one Postgres", () => {
  const db = suiteDatabase("postgres");

  it("share one budget per client with RATE_LIMIT_STORE=postgres, whatever X-Forwarded-For says", async () => {
    const env = { DATABASE_URL: db.url ?? "", RATE_LIMIT: "1/6", RATE_LIMIT_STORE: "postgres" };
    const instances = await Promise.all([startInstance(env), startInstance(env)]);
    try {
      const all: number[] = [];
      for (let i = 0; i < 8; i++)
        for (const { url } of instances)
          all.push(...(await statuses(url, 1, () => ({ "x-forwarded-for": randomAddress() }))));
      expect(count(all, 200), all.join(" ")).toBe(6);
      expect(count(all, 429)).toBe(10);
      // Each instance saw both kinds: the budget was spent across them, not per process.
      expect(all.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    } finally {
      for (const { child } of instances) child.kill("SIGTERM");
    }
  });

  it("keeps a budget per instance with the memory store (what the shared store is for)", async () => {
    const other = await createTestDatabase("postgres");
    const env = { DATABASE_URL: other.url ?? "", RATE_LIMIT: "1/3", RATE_LIMIT_STORE: "memory" };
    const instances = await Promise.all([startInstance(env), startInstance(env)]);
    try {
      const all: number[] = [];
      for (const { url } of instances) all.push(...(await statuses(url, 4)));
      expect(all).toEqual([200, 200, 200, 429, 200, 200, 200, 429]);
    } finally {
      for (const { child } of instances) child.kill("SIGTERM");
      await other.drop();
    }
  });
});
