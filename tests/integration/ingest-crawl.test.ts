import { describe, expect, it } from "vitest";
import { dataVersion } from "@/lib/db/data-version";
import { IngestFailedError, runIngest } from "@/lib/ingest/crawl";
import { ingestOptionsSchema } from "@/lib/ingest/options";
import { acquireIngestLock, IngestBusyError } from "@/lib/store/write-lock";
import { memoryHub } from "../factories/memory-hub";
import { modelRecord, uniqueNamespace } from "../factories/model-record";
import { snapshotsWithModel } from "../helpers/snapshots";
import { suiteDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

const options = (o: Record<string, unknown>) => ingestOptionsSchema.parse(o);

function population(nsA: string, nsB: string) {
  const models = [];
  for (let i = 0; i < 5; i++)
    models.push(modelRecord({ hubId: `${nsA}/a${i}`, downloads: BigInt(1000 - i) }));
  for (let i = 0; i < 4; i++)
    models.push(modelRecord({ hubId: `${nsB}/b${i}`, downloads: BigInt(500 - i * 200) }));
  return models;
}

describe.each(testBackends())("runIngest on %s", (backend) => {
  const db = suiteDatabase(backend);

  const snapshotsOf = async (date: string) =>
    snapshotsWithModel(db, {}, { date: new Date(`${date}T00:00:00Z`) });

  it("crawls registry namespaces, then the global list down to --min-downloads", async () => {
    const [a, b] = [uniqueNamespace("reg"), uniqueNamespace("tail")];
    await db.prisma.organization.create({ data: { namespace: a, inRegistry: true, country: "CN" } });
    const { source } = memoryHub(population(a, b));
    const result = await runIngest({
      db,
      hub: source,
      options: options({ asOf: "2025-01-01", minDownloads: 150 }),
    });
    expect(result.status).toBe("succeeded");
    const rows = await snapshotsOf("2025-01-01");
    // every model of the registry namespace, plus b0 (500) and b1 (300) above the threshold
    expect(rows.map((r) => r.model.hubId)).toEqual([
      ...[0, 1, 2, 3, 4].map((i) => `${a}/a${i}`),
      `${b}/b0`,
      `${b}/b1`,
    ]);
    const run = await db.prisma.ingestRun.findUniqueOrThrow({ where: { id: result.runId ?? -1 } });
    expect(run).toMatchObject({ status: "succeeded", population: 7 });
    expect(run.finishedAt).not.toBeNull();
    await db.prisma.organization.update({ where: { namespace: a }, data: { inRegistry: false } });
  });

  it("re-running a date updates instead of duplicating", async () => {
    const [a, b] = [uniqueNamespace("rr"), uniqueNamespace("rr")];
    const models = population(a, b);
    const opts = options({ asOf: "2025-01-02", orgs: [a, b] });
    await runIngest({ db, hub: memoryHub(models).source, options: opts });
    const changed = models.map((m) => ({ ...m, downloads: m.downloads + 1n }));
    await runIngest({ db, hub: memoryHub(changed).source, options: opts });
    const rows = await snapshotsOf("2025-01-02");
    expect(rows).toHaveLength(models.length);
    expect(
      rows.every((r) => r.downloads === (changed.find((m) => m.hubId === r.model.hubId)?.downloads ?? -1n)),
    ).toBe(true);
  });

  it("a run whose publish fails stays stored, publishes nothing, and the next run publishes it first", async () => {
    const [a, b] = [uniqueNamespace("pubfail"), uniqueNamespace("pubfail")];
    await db.prisma.organization.create({ data: { namespace: a, inRegistry: true, country: "CN" } });
    const before = await dataVersion(db);
    const day = new Date("2025-01-08T00:00:00Z");
    process.env.FAULT_POINT = "publish:rollups";
    process.env.FAULT_ACTION = "throw";
    try {
      const job = { db, hub: memoryHub(population(a, b)).source, options: options({ asOf: "2025-01-08" }) };
      await expect(runIngest(job)).rejects.toThrow(/stored whole, but publishing it failed/);
    } finally {
      delete process.env.FAULT_POINT;
      delete process.env.FAULT_ACTION;
    }
    const run = await db.prisma.ingestRun.findFirstOrThrow({ where: { asOf: day }, orderBy: { id: "desc" } });
    expect(run.status).toBe("stored");
    expect(await dataVersion(db)).toBe(before);
    expect(await db.prisma.shareRollup.count({ where: { date: day } })).toBe(0);
    // Any later run (here a test run of another day) publishes what was stored before it starts.
    const ns = uniqueNamespace("later");
    await runIngest({
      db,
      hub: memoryHub([modelRecord({ hubId: `${ns}/x` })]).source,
      options: options({ asOf: "2025-01-09", orgs: [ns] }),
    });
    expect((await db.prisma.ingestRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("succeeded");
    expect(await db.prisma.shareRollup.count({ where: { date: day } })).toBeGreaterThan(0);
    expect(await dataVersion(db)).not.toBe(before);
    await db.prisma.organization.update({ where: { namespace: a }, data: { inRegistry: false } });
  });

  it("a test run (--orgs) is stored but never published, and refuses a date a full run holds", async () => {
    const ns = uniqueNamespace("test");
    const result = await runIngest({
      db,
      hub: memoryHub([modelRecord({ hubId: `${ns}/x` })]).source,
      options: options({ asOf: "2025-01-10", orgs: [ns] }),
    });
    expect(result).toMatchObject({ status: "succeeded", test: true });
    const run = await db.prisma.ingestRun.findUniqueOrThrow({ where: { id: result.runId ?? -1 } });
    expect(run).toMatchObject({ status: "succeeded", partial: true });
    expect(await db.prisma.shareRollup.count({ where: { date: new Date("2025-01-10") } })).toBe(0);
    await expect(
      runIngest({
        db,
        hub: memoryHub([modelRecord({ hubId: `${ns}/x` })]).source,
        options: options({ asOf: "2025-01-08", orgs: [ns] }),
      }),
    ).rejects.toThrow(/test run, which is never published; 2025-01-08 is held by run #\d+/);
  });

  it("refuses a date after today", async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await expect(
      runIngest({ db, hub: memoryHub([]).source, options: options({ asOf: tomorrow }) }),
    ).rejects.toThrow(/after today/);
  });

  it("a failed run resumes from its cursor: no page repeated, no row missing", async () => {
    const [a, b] = [uniqueNamespace("res"), uniqueNamespace("res")];
    const models = population(a, b);
    const opts = options({ asOf: "2025-01-03", orgs: [a, b] });
    const failing = memoryHub(models, 2, 3);
    await expect(runIngest({ db, hub: failing.source, options: opts })).rejects.toThrow(IngestFailedError);
    const failed = await db.prisma.ingestRun.findFirstOrThrow({
      where: { status: "failed" },
      orderBy: { id: "desc" },
    });
    expect(failed.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/503/) })]);
    const partial = await snapshotsOf("2025-01-03");
    expect(partial.length).toBe(5); // a: pages of 2+2+1, then b's first page failed

    const resumed = memoryHub(models, 2);
    const result = await runIngest({ db, hub: resumed.source, options: opts });
    expect(result.resumedFrom).toBe(failed.id);
    expect(resumed.requested).toEqual([`mem://${b}/0`, `mem://${b}/2`]);
    expect((await snapshotsOf("2025-01-03")).length).toBe(models.length);
  });

  it("a deadline pauses the run at a page boundary; the next call continues it to the end", async () => {
    const [a, b] = [uniqueNamespace("step"), uniqueNamespace("step")];
    const models = population(a, b);
    const opts = options({ asOf: "2025-01-07", orgs: [a, b] });
    const seen: string[] = [];
    let calls = 0;
    for (;;) {
      calls++;
      const hub = memoryHub(models, 2);
      // A deadline already passed: each call records exactly one page, then pauses.
      const result = await runIngest({ db, hub: hub.source, options: opts, deadline: Date.now() - 1 });
      seen.push(...hub.requested);
      if (result.status === "succeeded") break;
      expect(result.status).toBe("paused");
      expect(calls).toBeLessThan(10);
    }
    expect(seen).toEqual([`mem://${a}/0`, `mem://${a}/2`, `mem://${a}/4`, `mem://${b}/0`, `mem://${b}/2`]);
    expect((await snapshotsOf("2025-01-07")).length).toBe(models.length);
    const runs = await db.prisma.ingestRun.findMany({
      where: { asOf: new Date("2025-01-07") },
      orderBy: { id: "asc" },
    });
    expect(runs.map((r) => r.status)).toEqual([
      "interrupted",
      "interrupted",
      "interrupted",
      "interrupted",
      "succeeded",
    ]);
    expect(runs.at(-1)?.population).toBe(models.length);
  });

  it("a run left 'running' by a dead process is marked interrupted by the next", async () => {
    const ghost = await db.prisma.ingestRun.create({
      data: { asOf: new Date("2025-01-04"), status: "running" },
    });
    const ns = uniqueNamespace("int");
    await runIngest({
      db,
      hub: memoryHub([modelRecord({ hubId: `${ns}/x` })]).source,
      options: options({ asOf: "2025-01-04", orgs: [ns] }),
    });
    const after = await db.prisma.ingestRun.findUniqueOrThrow({ where: { id: ghost.id } });
    expect(after.status).toBe("interrupted");
  });

  it("a second run cannot start while one holds the lock", async () => {
    const release = await acquireIngestLock(db);
    try {
      await expect(
        runIngest({ db, hub: memoryHub([]).source, options: options({ asOf: "2025-01-05", orgs: ["x"] }) }),
      ).rejects.toThrow(IngestBusyError);
    } finally {
      await release();
    }
  });

  it("a dry run writes nothing", async () => {
    const ns = uniqueNamespace("dry");
    const before = await db.prisma.ingestRun.count();
    const result = await runIngest({
      db,
      hub: memoryHub([modelRecord({ hubId: `${ns}/x` })]).source,
      options: options({ asOf: "2025-01-06", orgs: [ns], dryRun: true }),
    });
    expect(result).toMatchObject({ status: "dry-run", models: 1 });
    expect(await db.prisma.ingestRun.count()).toBe(before);
    expect(await db.prisma.model.count({ where: { namespace: ns } })).toBe(0);
  });
});
