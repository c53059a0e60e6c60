import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { makeFakeModels } from "../fake-hub/server";
import { runScript } from "../helpers/run-script";
import { suiteDatabase, suiteFakeHub } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

function startScheduler(env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/scheduler.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c) => {
    output += c;
  });
  child.stderr.on("data", (c) => {
    output += c;
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  return { child, output: () => output, exited };
}

describe("the scheduler", () => {
  it("refuses an invalid INGEST_CRON with one clear line", async () => {
    const result = await runScript("scripts/scheduler.ts", [], {
      DATABASE_URL: undefined,
      PGLITE_DIR: "memory://",
      INGEST_CRON: "every day",
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^error: INGEST_CRON "every day" is not a valid cron expression/);
  });
});

describe.runIf(testBackends().includes("postgres"))("two schedulers at once on Postgres", () => {
  const db = suiteDatabase("postgres");
  const hub = suiteFakeHub({ models: makeFakeModels(500, 9) });

  it("run the job on INGEST_CRON, never two runs at the same time, and stop cleanly", {
    timeout: 120_000,
  }, async () => {
    const env = { DATABASE_URL: db.url, HF_ENDPOINT: hub.url, INGEST_CRON: "*/4 * * * * *" };
    const a = startScheduler(env);
    const b = startScheduler(env);
    // The day's crawl once, then ticks that find the day published already.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const done = await db.prisma.ingestRun.count({ where: { status: "succeeded" } });
      if (done >= 1 && /is published already/.test(a.output() + b.output())) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    const logs = a.output() + b.output();
    expect(logs).toMatch(/scheduler started \(INGEST_CRON="\*\/4 \* \* \* \* \*", UTC\)/);
    expect(logs).toMatch(/run #\d+ succeeded/);
    expect(logs).toMatch(/\d{4}-\d{2}-\d{2} is published already \(run #\d+\)/);
    const runs = await db.prisma.ingestRun.findMany({ orderBy: { id: "asc" } });
    expect(runs.filter((r) => r.status === "succeeded").length).toBe(1);
    for (const [i, r] of runs.entries()) {
      for (const other of runs.slice(i + 1)) {
        const overlap =
          r.startedAt < (other.finishedAt ?? new Date()) && other.startedAt < (r.finishedAt ?? new Date());
        expect(overlap, `runs #${r.id} and #${other.id} overlap`).toBe(false);
      }
    }
  });
});
