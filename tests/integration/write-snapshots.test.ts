import { describe, expect, it } from "vitest";
import { writeSnapshots } from "@/lib/store/write-snapshots";
import { modelRecord, uniqueNamespace } from "../factories/model-record";
import { snapshotsWithModel } from "../helpers/snapshots";
import { suiteDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

describe.each(testBackends())("writePage on %s", (backend) => {
  const db = suiteDatabase(backend);

  it("stores models, new namespaces and exact BigInt snapshots in one statement", async () => {
    const ns = uniqueNamespace();
    const records = [
      modelRecord({
        hubId: `${ns}/big`,
        downloads: 3_000_000_000n,
        downloadsAllTime: 9_007_199_254_740_993n,
        baseModels: ["Qwen/Qwen2.5-7B", "other/base"],
        baseRelation: "finetune",
        parameters: 7_615_616_512n,
      }),
      modelRecord({ hubId: `${ns}/small`, createdAt: null, pipelineTag: null }),
    ];
    expect(await writeSnapshots(db, records, "2025-08-01", { runId: null })).toBe(2);
    const org = await db.prisma.organization.findUniqueOrThrow({ where: { namespace: ns } });
    expect(org).toMatchObject({ country: null, inRegistry: false });
    const big = await db.prisma.model.findUniqueOrThrow({ where: { hubId: `${ns}/big` } });
    const bigSnapshots = await snapshotsWithModel(db, { id: big.id });
    expect(big.baseModels).toEqual(["Qwen/Qwen2.5-7B", "other/base"]);
    expect(big.baseRelation).toBe("finetune");
    expect(big.parameters).toBe(7_615_616_512n);
    expect(bigSnapshots).toHaveLength(1);
    expect(bigSnapshots[0]).toMatchObject({
      downloads: 3_000_000_000n,
      downloadsAllTime: 9_007_199_254_740_993n,
    });
    const small = await db.prisma.model.findUniqueOrThrow({ where: { hubId: `${ns}/small` } });
    expect(small.baseModels).toEqual([]);
    expect(small.createdAt).toBeNull();
  });

  it("re-writing a date updates rows instead of duplicating them", async () => {
    const ns = uniqueNamespace();
    const first = modelRecord({ hubId: `${ns}/m`, downloads: 5n, downloadsAllTime: 50n });
    await writeSnapshots(db, [first], "2025-08-02", { runId: null });
    await writeSnapshots(db, [{ ...first, downloads: 7n, downloadsAllTime: 57n, likes: 9 }], "2025-08-02", {
      runId: null,
    });
    await writeSnapshots(db, [{ ...first, downloads: 8n, downloadsAllTime: 60n }], "2025-08-03", {
      runId: null,
    });
    const rows = await snapshotsWithModel(db, { hubId: `${ns}/m` });
    expect(rows.map((r) => [r.date.toISOString().slice(0, 10), r.downloads, r.downloadsAllTime])).toEqual([
      ["2025-08-02", 7n, 57n],
      ["2025-08-03", 8n, 60n],
    ]);
    expect(rows[0]?.likes).toBe(9);
  });

  it("a page listing the same model twice keeps the last record", async () => {
    const ns = uniqueNamespace();
    const a = modelRecord({ hubId: `${ns}/dup`, downloads: 1n });
    await writeSnapshots(db, [a, { ...a, downloads: 2n }], "2025-08-04", { runId: null });
    const [row] = await snapshotsWithModel(db, { hubId: `${ns}/dup` });
    expect(row?.downloads).toBe(2n);
  });

  it("rewrites a model row only when its metadata or latest date changed, keeping known values the Hub omits", async () => {
    const ns = uniqueNamespace();
    const first = modelRecord({ hubId: `${ns}/m`, parameters: 1_000n, pipelineTag: "text-generation" });
    await writeSnapshots(db, [first], "2025-08-06", { runId: null });
    const version = async () =>
      (
        await db.prisma.$queryRaw<
          { xmin: string }[]
        >`SELECT xmin::text FROM model WHERE hub_id = ${first.hubId}`
      )[0]?.xmin;
    const v1 = await version();
    // Same metadata, new counts, the same date: only the snapshot is written.
    await writeSnapshots(db, [{ ...first, downloads: 99n }], "2025-08-06", { runId: null });
    expect(await version()).toBe(v1);
    // An older listing that left out parameters and createdAt: the row keeps its latest listing's.
    await writeSnapshots(db, [{ ...first, parameters: null, createdAt: null }], "2025-08-05", {
      runId: null,
    });
    expect(await version()).toBe(v1);
    // A later date: the row learns it (it shows the model as of its latest listing).
    await writeSnapshots(db, [{ ...first, parameters: null }], "2025-08-07", { runId: null });
    expect(await version()).not.toBe(v1);
    expect((await db.prisma.model.findUniqueOrThrow({ where: { hubId: first.hubId } })).latestDate).toEqual(
      new Date("2025-08-07T00:00:00Z"),
    );
    // A new task, a new base model, a move to another namespace: the row follows.
    const moved = {
      ...first,
      pipelineTag: "text-classification",
      baseModels: ["a/b"],
      baseRelation: "adapter" as const,
    };
    await writeSnapshots(db, [moved], "2025-08-08", { runId: null });
    expect(await version()).not.toBe(v1);
    const row = await db.prisma.model.findUniqueOrThrow({ where: { hubId: first.hubId } });
    const rowSnapshots = await snapshotsWithModel(db, { id: row.id });
    expect(row).toMatchObject({
      pipelineTag: "text-classification",
      baseModels: ["a/b"],
      baseRelation: "adapter",
      parameters: 1_000n,
    });
    expect(row.createdAt).toEqual(first.createdAt);
    expect(rowSnapshots.map((s) => s.downloads)).toEqual([
      first.downloads,
      99n,
      first.downloads,
      first.downloads,
    ]);
    const renamed = { ...moved, namespace: `${ns}-new` };
    await writeSnapshots(db, [renamed], "2025-08-09", { runId: null });
    const org = await db.prisma.organization.findUnique({ where: { namespace: `${ns}-new` } });
    expect(org).not.toBeNull();
    expect((await db.prisma.model.findUniqueOrThrow({ where: { hubId: first.hubId } })).namespace).toBe(
      `${ns}-new`,
    );
  });

  it("a demo model written by a real crawl stops being demo", async () => {
    const ns = uniqueNamespace();
    const record = modelRecord({ hubId: `${ns}/d` });
    await writeSnapshots(db, [record], "2025-08-05", { runId: null });
    await db.prisma.model.update({ where: { hubId: record.hubId }, data: { demo: true } });
    await writeSnapshots(db, [record], "2025-08-06", { runId: null });
    expect((await db.prisma.model.findUniqueOrThrow({ where: { hubId: record.hubId } })).demo).toBe(false);
  });
});
