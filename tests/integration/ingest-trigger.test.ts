import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/ingest/route";
import { useDatabase } from "@/lib/db";
import { acquireIngestLock } from "@/lib/store/write-lock";
import { makeFakeModels } from "../fake-hub/server";
import { suiteDatabase, suiteFakeHub } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

const none = { params: Promise.resolve({}) };
const post = (auth?: string, query = "") =>
  POST(
    new Request(`http://127.0.0.1/api/v1/ingest${query}`, {
      method: "POST",
      headers: auth ? { authorization: auth } : {},
    }),
    none,
  );

describe.each(testBackends())("POST /api/v1/ingest on %s", (backend) => {
  const db = suiteDatabase(backend);
  const hub = suiteFakeHub({ models: makeFakeModels(300, 3) });
  const saved = { secret: process.env.CRON_SECRET, endpoint: process.env.HF_ENDPOINT };
  beforeAll(async () => {
    process.env.HF_ENDPOINT = hub.url;
    useDatabase(db);
  });
  afterAll(async () => {
    process.env.CRON_SECRET = saved.secret;
    process.env.HF_ENDPOINT = saved.endpoint;
  });

  it("is disabled without CRON_SECRET, refuses a missing or wrong token", async () => {
    delete process.env.CRON_SECRET;
    expect((await post("Bearer anything")).status).toBe(401);
    process.env.CRON_SECRET = "s3cret-value";
    const missing = await post();
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect((await post("Bearer s3cret-valuE")).status).toBe(401);
    expect((await post("s3cret-value")).status).toBe(401);
    expect(await db.prisma.ingestRun.count()).toBe(0);
  });

  it("starts a run (202 with its id), which completes in the background", async () => {
    process.env.CRON_SECRET = "s3cret-value";
    const res = await post("Bearer s3cret-value");
    expect(res.status).toBe(202);
    const { runId } = (await res.json()) as { runId: number };
    expect(runId).toBeGreaterThan(0);
    for (let i = 0; i < 200; i++) {
      const run = await db.prisma.ingestRun.findUniqueOrThrow({ where: { id: runId } });
      // Stored (every page in), then succeeded once its publish commits.
      if (run.status !== "running" && run.status !== "stored") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const run = await db.prisma.ingestRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ status: "succeeded", trigger: "api" });
    // Then the job lets the lock go.
    for (let i = 0; i < 200; i++) {
      const release = await acquireIngestLock(db).catch(() => null);
      if (release) {
        await release();
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await db.prisma.shareRollup.count()).toBeGreaterThan(0);
  });

  it("?maxSeconds= runs a bounded step inside the request, then reports the day up to date", async () => {
    process.env.CRON_SECRET = "s3cret-value";
    const bad = await post("Bearer s3cret-value", "?maxSeconds=1");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0]).toMatchObject({ path: "maxSeconds" });
    await db.prisma.$executeRaw`DELETE FROM ingest_run`;
    const first = await post("Bearer s3cret-value", "?maxSeconds=30");
    expect(first.status).toBe(200);
    const body = (await first.json()) as { status: string; done: boolean; runId: number; population: number };
    expect(body).toMatchObject({ status: "succeeded", done: true });
    expect(body.population).toBeGreaterThan(0);
    // Published inside the request: nothing is left running after the answer.
    expect(await db.prisma.shareRollup.count()).toBeGreaterThan(0);
    const again = await post("Bearer s3cret-value", "?maxSeconds=30");
    expect(await again.json()).toMatchObject({ status: "up-to-date", runId: body.runId, done: true });
    expect(await db.prisma.ingestRun.count()).toBe(1);
  });

  it("answers 409 while another run holds the lock", async () => {
    process.env.CRON_SECRET = "s3cret-value";
    const release = await acquireIngestLock(db);
    try {
      const res = await post("Bearer s3cret-value");
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe("conflict");
    } finally {
      await release();
    }
  });
});
