import { describe, expect, it } from "vitest";
import type { ModelRecord } from "@/lib/store/model-record";
import { snapshotWriter, writeSnapshots } from "@/lib/store/write-snapshots";
import { modelRecord, uniqueNamespace } from "../factories/model-record";
import { snapshotsWithModel } from "../helpers/snapshots";
import { suiteDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

describe.each(testBackends())("snapshotWriter on %s", (backend) => {
  const db = suiteDatabase(backend);
  const models = (ns: string, n: number) =>
    Array.from({ length: n }, (_, i) =>
      modelRecord({
        hubId: `${ns}/m${i}`,
        downloads: BigInt(i),
        downloadsAllTime: BigInt(1000 + i),
        likes: i,
      }),
    );
  const modelRow = (record: ModelRecord) =>
    db.prisma.$queryRaw<
      { id: number; version: string; license: string | null; pipelineTag: string | null }[]
    >`
      SELECT id, xmin::text AS version, license, pipeline_tag AS "pipelineTag" FROM model WHERE hub_id = ${record.hubId}`.then(
      (rows) => rows[0],
    );
  const stored = async (records: ModelRecord[]) =>
    Promise.all(
      records.map(async (r) =>
        (await snapshotsWithModel(db, { hubId: r.hubId })).map((s) => [
          s.date.toISOString().slice(0, 10),
          s.downloads,
          s.downloadsAllTime,
          s.likes,
          s.runId,
        ]),
      ),
    );

  it("writes later dates of the same models by id, storing what writeSnapshots stores", async () => {
    const [ns, twin] = [uniqueNamespace(), uniqueNamespace()];
    const writer = snapshotWriter(db, { keepKnown: false });
    const day1 = models(ns, 30);
    // Counts past 2^31 and past 2^53, and sources without an all-time count.
    const day2 = day1.map((r, i) => ({
      ...r,
      downloads: r.downloads + (i % 7 === 0 ? 9_007_199_254_740_993n : 7n),
      downloadsAllTime: i % 5 === 0 ? null : r.downloadsAllTime,
      likes: i % 3 === 0 ? 0 : r.likes,
    }));
    expect(await writer.write(day1, "2025-09-01", { runId: null })).toBe(30);
    expect(writer.last).toEqual({ fromMemory: 0, merged: 30 });
    const versions = await Promise.all(day1.map(modelRow));
    expect(await writer.write(day2, "2025-09-02", { runId: null })).toBe(30);
    expect(writer.last).toEqual({ fromMemory: 30, merged: 0 });
    // The model rows were left alone.
    expect(await Promise.all(day1.map(modelRow))).toEqual(versions);

    // The same two dates through writeSnapshots alone, under another namespace: the same rows.
    const rename = (r: ModelRecord) => ({ ...r, hubId: r.hubId.replace(ns, twin), namespace: twin });
    await writeSnapshots(db, day1.map(rename), "2025-09-01", { runId: null });
    await writeSnapshots(db, day2.map(rename), "2025-09-02", { runId: null });
    expect(await stored(day2)).toEqual(await stored(day2.map(rename)));
    expect((await stored(day2))[4]).toEqual([
      ["2025-09-01", 4n, 1004n, 4, null],
      ["2025-09-02", 11n, 1004n, 4, null],
    ]);
  });

  it("merges new models in two lanes side by side, storing what one transaction stores", async () => {
    const spaces = Array.from({ length: 6 }, () => uniqueNamespace("lane"));
    const twins = new Map(spaces.map((ns) => [ns, uniqueNamespace("twin")]));
    const writer = snapshotWriter(db, { keepKnown: true, lanes: 2, minLaneRows: 5 });
    const day1 = Array.from({ length: 60 }, (_, i) =>
      modelRecord({ hubId: `${spaces[i % 6]}/m${i}`, downloads: BigInt(i), likes: i }),
    );
    // A model listed twice: its last listing wins, whichever lane it falls in.
    const listed = [...day1, { ...(day1[7] as ModelRecord), downloads: 777n }];
    expect(await writer.write(listed, "2025-10-01", { runId: null })).toBe(60);
    expect(writer.last).toEqual({ fromMemory: 0, merged: 60 });
    // The next date: most models known (written by id), some changed, some new.
    const day2 = [
      ...day1.map((r, i) => ({
        ...r,
        downloads: r.downloads + 1n,
        license: i % 10 === 0 ? "mit" : r.license,
      })),
      ...Array.from({ length: 12 }, (_, i) => modelRecord({ hubId: `${spaces[i % 6]}/new${i}` })),
    ];
    expect(await writer.write(day2, "2025-10-02", { runId: null })).toBe(72);
    expect(writer.last).toEqual({ fromMemory: 54, merged: 18 });

    const twin = (r: ModelRecord) => {
      const ns = twins.get(r.namespace) as string;
      return { ...r, hubId: r.hubId.replace(r.namespace, ns), namespace: ns };
    };
    await writeSnapshots(db, listed.map(twin), "2025-10-01", { runId: null, keepKnown: true });
    await writeSnapshots(db, day2.map(twin), "2025-10-02", { runId: null, keepKnown: true });
    expect(await stored(day2)).toEqual(await stored(day2.map(twin)));
    expect((await stored(day2))[7]).toEqual([
      ["2025-10-01", 777n, 1000n, 7, null],
      ["2025-10-02", 8n, 1000n, 7, null],
    ]);
    const licences = async (records: ModelRecord[]) =>
      Promise.all(records.map(async (r) => (await modelRow(r))?.license));
    expect(await licences(day2)).toEqual(await licences(day2.map(twin)));
    const organizations = await db.prisma.organization.count({ where: { namespace: { in: spaces } } });
    expect(organizations).toBe(6);
  });

  it.runIf(backend === "postgres")(
    "when one lane fails, the other's models are kept and remembered; writing again completes the batch",
    async () => {
      const ns = uniqueNamespace("lane");
      const writer = snapshotWriter(db, { keepKnown: false, lanes: 2, minLaneRows: 5 });
      const day = models(ns, 40);
      // A relation the database does not know fails the merge of the lane it falls in.
      const broken = { ...(day[3] as ModelRecord), baseModels: ["x/y"], baseRelation: "bogus" as never };
      const batch = day.map((r, i) => (i === 3 ? broken : r));
      await expect(writer.write(batch, "2025-10-03", { runId: null })).rejects.toThrow(/base_relation/);
      const kept = (await Promise.all(day.map(modelRow))).filter((row) => row !== undefined).length;
      expect(kept).toBeGreaterThan(0);
      expect(kept).toBeLessThan(40);
      expect(await writer.write(day, "2025-10-03", { runId: null })).toBe(40);
      expect(writer.last).toEqual({ fromMemory: kept, merged: 40 - kept });
      expect((await stored(day)).every((rows) => rows.length === 1)).toBe(true);
    },
  );

  it("merges a model whose record changed, and the models it has not seen", async () => {
    const ns = uniqueNamespace();
    const writer = snapshotWriter(db, { keepKnown: false });
    const [a, b] = models(ns, 2) as [ModelRecord, ModelRecord];
    await writer.write([a, b], "2025-09-03", { runId: null });
    const before = await modelRow(a);
    // As a publish leaves it: nothing queued for lineage.
    await db.prisma.lineagePending.deleteMany({ where: { modelId: before?.id as number } });
    const changed = { ...a, pipelineTag: "text-classification" };
    const added = modelRecord({ hubId: `${ns}/new` });
    await writer.write([changed, b, added], "2025-09-04", { runId: null });
    expect(writer.last).toEqual({ fromMemory: 1, merged: 2 });
    const after = await modelRow(a);
    expect(after?.pipelineTag).toBe("text-classification");
    expect(after?.version).not.toBe(before?.version);
    expect(
      await db.prisma.lineagePending.findUnique({ where: { modelId: after?.id as number } }),
    ).not.toBeNull();
    // From then on the changed record is the one remembered.
    await writer.write([changed, b, added], "2025-09-05", { runId: null });
    expect(writer.last).toEqual({ fromMemory: 3, merged: 0 });
    expect((await snapshotsWithModel(db, { hubId: added.hubId })).length).toBe(2);
  });

  it("re-writing a date it wrote before updates the rows instead of failing or duplicating", async () => {
    const ns = uniqueNamespace();
    const writer = snapshotWriter(db, { keepKnown: false });
    const day = models(ns, 5);
    await writer.write(day, "2025-09-06", { runId: null });
    await writer.write(day, "2025-09-07", { runId: null });
    const again = day.map((r) => ({ ...r, downloads: r.downloads + 100n, likes: 42 }));
    expect(await writer.write(again, "2025-09-07", { runId: null })).toBe(5);
    expect(writer.last).toEqual({ fromMemory: 5, merged: 0 });
    const rows = await stored(day);
    expect(rows[2]).toEqual([
      ["2025-09-06", 2n, 1002n, 2, null],
      ["2025-09-07", 102n, 1002n, 42, null],
    ]);
  });

  it("a batch larger than a chunk sent while sorted: a model listed again further on, and a date written again", async () => {
    const ns = uniqueNamespace();
    const writer = snapshotWriter(db, { keepKnown: false });
    const day = models(ns, 2600);
    await writer.write(day, "2025-09-14", { runId: null });
    // The first listing of m0 is on its way to the server before its second one is sorted.
    const [first] = day as [ModelRecord];
    const listedTwice = [...day.slice(0, 2599), { ...first, downloads: 99n }];
    expect(await writer.write(listedTwice, "2025-09-15", { runId: null })).toBe(2599);
    expect(writer.last).toEqual({ fromMemory: 2599, merged: 0 });
    // The same date again: the key breaks while later chunks are still being sent.
    const again = day.map((r) => ({ ...r, likes: r.likes + 1 }));
    expect(await writer.write(again, "2025-09-15", { runId: null })).toBe(2600);
    expect(writer.last).toEqual({ fromMemory: 2600, merged: 0 });
    const rows = await stored([first, day[2500] as ModelRecord, day[2599] as ModelRecord]);
    expect(rows.map((r) => r.at(-1))).toEqual([
      ["2025-09-15", 0n, 1000n, 1, null],
      ["2025-09-15", 2500n, 3500n, 2501, null],
      ["2025-09-15", 2599n, 3599n, 2600, null],
    ]);
    expect(await writer.write(listedTwice, "2025-09-16", { runId: null })).toBe(2599);
    expect((await stored([first]))[0]?.at(-1)).toEqual(["2025-09-16", 99n, 1000n, 0, null]);
  });

  it("remembers nothing of a batch whose transaction rolled back", async () => {
    const ns = uniqueNamespace();
    const writer = snapshotWriter(db, { keepKnown: false });
    const day = models(ns, 3);
    const failing = async () => {
      throw new Error("progress could not be recorded");
    };
    await expect(
      writer.write(day, "2025-09-08", { runId: null, alsoInTransaction: failing }),
    ).rejects.toThrow("progress could not be recorded");
    expect(await modelRow(day[0] as ModelRecord)).toBeUndefined();
    // The ids the rolled-back merge handed out never existed: the models are merged again.
    await writer.write(day, "2025-09-08", { runId: null });
    expect(writer.last).toEqual({ fromMemory: 0, merged: 3 });
    const id = (await modelRow(day[1] as ModelRecord))?.id;
    expect((await snapshotsWithModel(db, { id: id as number })).map((s) => s.downloads)).toEqual([1n]);
  });

  it("with keepKnown a record leaving a field empty keeps the stored value, and later dates go by id", async () => {
    const ns = uniqueNamespace();
    const writer = snapshotWriter(db, { keepKnown: true });
    const full = modelRecord({ hubId: `${ns}/k`, license: "mit" });
    const sparse = { ...full, license: null, downloads: 5n };
    await writer.write([full], "2025-09-09", { runId: null });
    await writer.write([sparse], "2025-09-10", { runId: null });
    expect(writer.last).toEqual({ fromMemory: 0, merged: 1 });
    await writer.write([{ ...sparse, downloads: 6n }], "2025-09-11", { runId: null });
    expect(writer.last).toEqual({ fromMemory: 1, merged: 0 });
    expect((await modelRow(full))?.license).toBe("mit");
    expect((await snapshotsWithModel(db, { hubId: full.hubId })).map((s) => s.downloads)).toEqual([
      100n,
      5n,
      6n,
    ]);
  });

  it("a batch listing a known model twice keeps the last record and commits with the run's progress", async () => {
    const ns = uniqueNamespace();
    const writer = snapshotWriter(db, { keepKnown: false });
    const [m] = models(ns, 1) as [ModelRecord];
    await writer.write([m], "2025-09-12", { runId: null });
    let progressed = false;
    const written = await writer.write([m, { ...m, downloads: 77n }], "2025-09-13", {
      runId: null,
      alsoInTransaction: async (tx) => {
        await tx.query("SELECT 1");
        progressed = true;
      },
    });
    expect(written).toBe(1);
    expect(progressed).toBe(true);
    expect((await snapshotsWithModel(db, { hubId: m.hubId })).map((s) => s.downloads)).toEqual([0n, 77n]);
  });
});
