import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { IngestFailedError } from "@/lib/ingest/crawl";
import { hubSource } from "@/lib/ingest/hub-source";
import { runDailyIngest } from "@/lib/ingest/job";
import { ingestOptionsSchema } from "@/lib/ingest/options";
import { type FakeHub, type FakeModel, makeFakeModels, populationFrom } from "../fake-hub/server";
import { runIngestScript, runScript } from "../helpers/run-script";
import { dumpSnapshots } from "../helpers/snapshot-dump";
import { snapshotsWithModel } from "../helpers/snapshots";
import { suiteDatabase, suiteFakeHub } from "../helpers/suite";
import { createEmptyPostgresDatabase, createTestDatabase, testBackends } from "../helpers/test-db";

const HUGE = 9_007_199_254_740_993n;

function population(n: number): FakeModel[] {
  const fake = makeFakeModels(n, 5);
  const models = Array.from({ length: n }, (_, i) => fake.at(i));
  models.push({
    _id: "f".repeat(24),
    id: "huge-org/Huge",
    author: "huge-org",
    downloads: 12n,
    downloadsAllTime: HUGE,
    likes: 0,
    tags: [],
  });
  return models;
}

/** Fast retries: the fault handling is exercised, not the wall clock. */
const fastHub = (hub: FakeHub) =>
  hubSource({
    endpoint: hub.url,
    token: null,
    limit: 250,
    timeoutMs: 300,
    baseDelayMs: 1,
    maxDelayMs: 5,
    rateLimitBudgetMs: 10_000,
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
  });

describe.each(testBackends())("ingestion against a fake Hub on %s", (backend) => {
  const db = suiteDatabase(backend);
  const hub = suiteFakeHub({ models: populationFrom(population(2500)) });

  it("survives 429, 503, a hang and a truncated body, and stores every model exactly", async () => {
    const before = hub.requests.length;
    hub.setFaults([
      {
        request: before + 2,
        fault: { kind: "rate-limit", retryAfter: "1", rateLimit: { remaining: 0, reset: 1 } },
      },
      { request: before + 4, fault: { kind: "status", status: 503 } },
      { request: before + 6, fault: { kind: "hang" } },
      { request: before + 8, fault: { kind: "truncated" } },
    ]);
    const options = ingestOptionsSchema.parse({ asOf: "2025-08-01", minDownloads: 0, orgs: undefined });
    const result = await runDailyIngest({ db, options, hub: fastHub(hub) });
    expect(result.status).toBe("succeeded");
    const faults = hub.requests
      .slice(before)
      .map((r) => r.fault)
      .filter(Boolean);
    const trace = hub.requests.slice(before).map((r) => `${r.n} ${r.fault} ${r.path.slice(0, 60)}`);
    expect(faults, trace.join("\n")).toEqual(["rate-limit", "status", "hang", "truncated"]);
    expect(await db.prisma.modelSnapshot.count({ where: { date: new Date("2025-08-01") } })).toBe(2501);
    const [huge] = await snapshotsWithModel(db, { hubId: "huge-org/Huge" });
    expect(huge?.downloadsAllTime).toBe(HUGE);
    const [top] = await snapshotsWithModel(db, { hubId: population(1)[0]?.id });
    expect(top?.downloadsAllTime).toBeGreaterThan(2n ** 31n);
    const rollups = await db.prisma.shareRollup.count({ where: { date: new Date("2025-08-01") } });
    expect(rollups).toBeGreaterThan(0);
  });

  it("an invalid field fails the run with a message naming model and field; published shares do not move", async () => {
    const published = await db.prisma.shareRollup.count();
    hub.setFaults([
      {
        path: /\/api\/models/,
        times: 2,
        fault: { kind: "invalid-field", field: "downloads", value: "lots", modelIndex: 0 },
      },
    ]);
    const options = ingestOptionsSchema.parse({ asOf: "2025-08-02", minDownloads: 0 });
    const error = await runDailyIngest({ db, options, hub: fastHub(hub) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestFailedError);
    expect((error as Error).message).toMatch(/model "[^"]+": field "downloads": expected number/);
    const run = await db.prisma.ingestRun.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(run.status).toBe("failed");
    // The runs list is public: the Hub's address (maybe an internal HF_ENDPOINT) stays in the log.
    expect(JSON.stringify(run.errors)).toMatch(/field \\"downloads\\"/);
    expect(JSON.stringify(run.errors)).not.toContain(new URL(hub.url).host);
    expect(JSON.stringify(run.errors)).not.toContain("/api/models");
    expect(await db.prisma.shareRollup.count()).toBe(published);
    expect(await db.prisma.shareRollup.count({ where: { date: new Date("2025-08-02") } })).toBe(0);
    hub.setFaults([]);
  });
});

describe("the ingest command", () => {
  const hub = suiteFakeHub({ models: populationFrom(population(1500)) });

  const pgliteEnv = () => ({
    DATABASE_URL: undefined,
    PGLITE_DIR: path.join(mkdtempSync(path.join(tmpdir(), "oms-ingest-")), "db"),
  });

  it("HF_ENDPOINT=<fake> npm run ingest -- --as-of 2025-08-01 --min-downloads 0 migrates a new embedded database and stores every listed model", {
    timeout: 240_000,
  }, async () => {
    const env = { ...pgliteEnv(), HF_ENDPOINT: hub.url };
    const result = await runIngestScript(env, "2025-08-01", { timeoutMs: 120_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Applied \d+ migration\(s\) to embedded PGlite/m);
    expect(result.stdout).toMatch(/Run #\d+ succeeded: .* population 1501 models on 2025-08-01/);
  });

  it.runIf(testBackends().includes("postgres"))(
    "npm run ingest against a fresh, unmigrated Postgres database migrates it first",
    { timeout: 300_000 },
    async () => {
      const empty = await createEmptyPostgresDatabase();
      try {
        const env = { DATABASE_URL: empty.url, HF_ENDPOINT: hub.url };
        const first50 = { args: ["--max-models", "50"], timeoutMs: 240_000 };
        const result = await runIngestScript(env, "2025-08-01", first50);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toBe("");
        expect(result.stdout).toMatch(/^Applied \d+ migration\(s\) to Postgres/m);
        // --max-models lists a part of the Hub: a test run, stored and never published.
        expect(result.stdout).toMatch(/Test run #\d+ finished: .* stored for 2025-08-01, not published/);
        const again = await runIngestScript(env, "2025-08-02", first50);
        expect(again.code, again.stderr).toBe(0);
        expect(again.stdout).not.toMatch(/Applied/);
      } finally {
        await empty.drop();
      }
    },
  );

  it("rejects bad options with one clear line", async () => {
    for (const [args, message] of [
      [["--as-of", "2025-02-30"], /--as-of is not a real calendar date/],
      [["--max-models", "ten"], /--max-models must be a whole number/],
      [["--frobnicate"], /Unknown option "--frobnicate"/],
    ] as const) {
      const result = await runScript("scripts/ingest.ts", [...args], {
        ...pgliteEnv(),
        HF_ENDPOINT: hub.url,
      });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toMatch(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});

describe.runIf(testBackends().includes("postgres"))("ingestion processes on Postgres", () => {
  const hub = suiteFakeHub({ models: populationFrom(population(6000)) });
  const reference = suiteDatabase("postgres");
  let expected: string[];
  beforeAll(async () => {
    const t0 = Date.now();
    const run = await runIngestScript({ DATABASE_URL: reference.url, HF_ENDPOINT: hub.url }, "2025-09-01");
    expect(run.code, run.stderr).toBe(0);
    expected = await dumpSnapshots(reference);
    console.log(`uninterrupted ingest run: ${Date.now() - t0} ms`);
  }, 300_000);

  const KILL_POINTS =
    (process.env.KILL_RUNS ? Number(process.env.KILL_RUNS) : 2) > 2
      ? Array.from({ length: Number(process.env.KILL_RUNS) }, (_, i) => 2 + ((i * 97) % 270))
      : [5, 200];

  it(`kill -9 at ${KILL_POINTS.length} points, then a re-run: identical to an uninterrupted run`, {
    timeout: 1_800_000,
  }, async () => {
    for (const killAfter of KILL_POINTS) {
      const db = await createTestDatabase("postgres");
      const env = { DATABASE_URL: db.url, HF_ENDPOINT: hub.url };
      const start = hub.requests.length;
      const child = runIngestScript(env, "2025-09-01");
      const deadline = Date.now() + 120_000;
      while (hub.requests.length - start < killAfter && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 2));
      const pid = (await findChild(env.DATABASE_URL ?? "")) ?? null;
      if (pid) process.kill(pid, "SIGKILL");
      const killed = await child;
      expect(pid, "the ingest child was found and killed").not.toBeNull();
      expect(killed.code).toBeNull();
      const rerun = await runIngestScript(env, "2025-09-01");
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(await dumpSnapshots(db)).toEqual(expected);
      const runs = await db.prisma.ingestRun.findMany({ orderBy: { id: "asc" } });
      expect(runs.map((r) => r.status)).toEqual(["interrupted", "succeeded"]);
      expect(runs[1]?.resumedFromId).toBe(runs[0]?.id);
      await db.drop();
    }
  });

  it("two runs at once: the second exits at once with a clear message", { timeout: 300_000 }, async () => {
    const db = await createTestDatabase("postgres");
    const env = { DATABASE_URL: db.url, HF_ENDPOINT: hub.url };
    // The first run's first listing page is rate limited: it waits out Retry-After holding the
    // lock, so the second starts while the first certainly runs, however slow the machine.
    const seen = hub.requests.length;
    hub.addFaults([
      {
        fault: { kind: "rate-limit", retryAfter: "20", rateLimit: null },
        path: /^\/api\/models\?/,
        times: 1,
      },
    ]);
    const first = runIngestScript(env, "2025-09-02");
    const waiting = () => hub.requests.slice(seen).some((r) => r.fault === "rate-limit");
    for (let i = 0; i < 1200 && !waiting(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(waiting(), "the first run reached the Hub").toBe(true);
    const b = await runIngestScript(env, "2025-09-02", { timeoutMs: 60_000 });
    const limited = hub.requests.findIndex((r, i) => i >= seen && r.fault === "rate-limit");
    const answeredAfter = hub.requests.slice(limited + 1).length;
    expect(b.code, b.stderr).toBe(1);
    expect(b.stderr).toMatch(/Another ingestion run is in progress/);
    const a = await first;
    expect(a.code, a.stderr).toBe(0);
    // The second exited while the first was still waiting: nothing was asked of the Hub since.
    expect(answeredAfter).toBe(0);
    await db.drop();
  });
});

/** The pid of the ingest child whose environment names this database (via /proc). */
async function findChild(databaseUrl: string): Promise<number | null> {
  const { readdirSync, readFileSync } = await import("node:fs");
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (!cmd.includes("scripts/ingest.ts")) continue;
      if (readFileSync(`/proc/${entry}/environ`, "utf8").includes(`DATABASE_URL=${databaseUrl}`))
        return Number(entry);
    } catch {}
  }
  return null;
}

/**
 * A Hub that answers 503, then 429 with Retry-After, for a whole window (HUB_OUTAGE_SECONDS: 3 in
 * `npm test`, 60 in `npm run test:faults`), under the job's real retry policy: the run either rides
 * it out or fails with a message naming the Hub's answer; either way the next run finishes and the
 * database equals an uninterrupted run's.
 */
describe("a Hub outage", () => {
  const seconds = Number(process.env.HUB_OUTAGE_SECONDS ?? 3);
  const hub = suiteFakeHub({ models: populationFrom(population(600)) });
  const reference = suiteDatabase("pglite");
  const db = suiteDatabase("pglite");

  it(`of ${seconds} s: retried with backoff; the next run finishes with nothing lost`, {
    timeout: (seconds + 240) * 1000,
  }, async () => {
    const options = ingestOptionsSchema.parse({ asOf: "2025-10-01", minDownloads: 0 });
    const source = () => hubSource({ endpoint: hub.url, token: null, limit: 250 });
    expect((await runDailyIngest({ db: reference, options, hub: source() })).status).toBe("succeeded");
    const expected = await dumpSnapshots(reference);

    const start = Date.now();
    const before = hub.requests.length;
    hub.setFaults([
      {
        path: /\/api\/models/,
        untilMs: start + (seconds * 1000) / 2,
        fault: { kind: "status", status: 503 },
      },
      {
        path: /\/api\/models/,
        untilMs: start + seconds * 1000,
        fault: { kind: "rate-limit", retryAfter: "2", rateLimit: null },
      },
    ]);
    const first = await runDailyIngest({ db, options, hub: source() }).then(
      (r) => r.status,
      (error: unknown) => error,
    );
    const faulted = hub.requests.slice(before).filter((r) => r.fault !== null);
    expect(faulted.length).toBeGreaterThan(1);
    if (first !== "succeeded") {
      expect(first).toBeInstanceOf(IngestFailedError);
      expect((first as Error).message).toMatch(/503|429/);
      const failed = await db.prisma.ingestRun.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(failed.status).toBe("failed");
      // Nothing of the unfinished day is published.
      expect(await db.prisma.shareRollup.count({ where: { date: new Date("2025-10-01") } })).toBe(0);
      const wait = start + seconds * 1000 - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      expect((await runDailyIngest({ db, options, hub: source() })).status).toBe("succeeded");
    }
    expect(await dumpSnapshots(db)).toEqual(expected);
    expect(await db.prisma.shareRollup.count({ where: { date: new Date("2025-10-01") } })).toBeGreaterThan(0);
    hub.setFaults([]);
  });
});
