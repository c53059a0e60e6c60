import { describe, expect, it } from "vitest";
import { getModelDetail } from "@/lib/analytics/model-detail";
import { getShareOverTime } from "@/lib/analytics/share-over-time";
import { shareQuerySchema } from "@/lib/domain/share-query";
import { publish } from "@/lib/publish/publish";
import type { ModelRecord } from "@/lib/store/model-record";
import { writeSnapshots } from "@/lib/store/write-snapshots";
import { modelRecord, uniqueNamespace } from "../factories/model-record";
import { suiteDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

describe.each(testBackends())("publishing on %s", (backend) => {
  const db = suiteDatabase(backend);
  const ns = uniqueNamespace("pub");

  /** A succeeded crawl of `day` with these models, then its publish. */
  const crawl = async (day: string, records: ModelRecord[]) => {
    const asOf = new Date(`${day}T00:00:00Z`);
    const run = await db.prisma.ingestRun.create({ data: { asOf, status: "succeeded", trigger: "cli" } });
    await writeSnapshots(db, records, day, { runId: run.id });
    return (await publish(db, { dates: [asOf] }, { realData: true })).rollups;
  };
  const rollupDates = async () =>
    (
      await db.prisma.$queryRaw<{ d: string }[]>`
        SELECT DISTINCT to_char(date, 'YYYY-MM-DD') AS d FROM share_rollup ORDER BY 1`
    ).map((r) => r.d);

  it("rebuilds one day for new models, every day when a model already published changes lineage", async () => {
    const base = modelRecord({ hubId: `${ns}/base` });
    // Its base is not crawled yet: the chain ends at `${ns}/upstream`.
    const tune = modelRecord({
      hubId: `${ns}/tune`,
      baseModels: [`${ns}/upstream`],
      baseRelation: "finetune",
    });
    expect(await crawl("2025-08-01", [base, tune])).toBe("dates");

    // A new model on the next day: only that day's rollups are written.
    const fresh = modelRecord({ hubId: `${ns}/fresh` });
    expect(await crawl("2025-08-02", [base, tune, fresh])).toBe("dates");
    expect(await rollupDates()).toEqual(["2025-08-01", "2025-08-02"]);
    const before = await db.prisma.model.findUniqueOrThrow({ where: { hubId: tune.hubId } });
    expect(before.lineageRoot).toBe(`${ns}/upstream`);

    // The base turns up with a base of its own in another namespace: the fine-tune published on
    // both earlier days now counts for another developer by lineage, so every day is rebuilt.
    const origin = uniqueNamespace("origin");
    const upstream = modelRecord({
      hubId: `${ns}/upstream`,
      baseModels: [`${origin}/root`],
      baseRelation: "merge",
    });
    expect(await crawl("2025-08-03", [base, tune, fresh, upstream])).toBe("all");
    const after = await db.prisma.model.findUniqueOrThrow({ where: { hubId: tune.hubId } });
    expect(after.lineageRoot).toBe(`${origin}/root`);
    expect(after.lineageNamespace).toBe(origin);
    expect(await rollupDates()).toEqual(["2025-08-01", "2025-08-02", "2025-08-03"]);
  });

  it("counts each date with the attributes listed that day; the model page shows when they changed", async () => {
    const ns = uniqueNamespace("asof");
    const first = modelRecord({
      hubId: `${ns}/m`,
      pipelineTag: "text-generation",
      libraryName: "transformers",
    });
    await crawl("2025-09-01", [first]);
    await crawl("2025-09-02", [first]);
    // The task changes and a base appears on the 3rd: the 1st and 2nd keep counting as they were.
    await crawl("2025-09-03", [
      { ...first, pipelineTag: "image-text-to-text", baseModels: [`${ns}/base`], baseRelation: "finetune" },
    ]);
    const byTask = async (task: string) =>
      (
        await getShareOverTime(
          db,
          shareQuerySchema.parse({
            task,
            from: "2025-09-01",
            to: "2025-09-03",
            interval: "day",
            groupBy: "org",
          }),
        )
      ).points
        .filter((p) => p.asOf !== null)
        .map((p) => p.date);
    expect(await byTask("text-generation")).toEqual(["2025-09-01", "2025-09-02"]);
    expect(await byTask("image-text-to-text")).toEqual(["2025-09-03"]);
    // A derivative from the 3rd only: left out of the originals on that day alone.
    const originals = await getShareOverTime(
      db,
      shareQuerySchema.parse({
        derivatives: "exclude",
        from: "2025-09-01",
        to: "2025-09-03",
        interval: "day",
      }),
    );
    expect(originals.points.filter((p) => p.asOf !== null).map((p) => p.date)).toEqual([
      "2025-09-01",
      "2025-09-02",
    ]);
    const detail = await getModelDetail(db, first.hubId);
    expect(detail?.listedAs.filter((v) => v.from >= "2025-09-01")).toEqual([
      expect.objectContaining({
        from: "2025-09-01",
        to: "2025-09-02",
        pipelineTag: "text-generation",
        baseModels: [],
      }),
      expect.objectContaining({
        from: "2025-09-03",
        to: "2025-09-03",
        pipelineTag: "image-text-to-text",
        baseModels: [`${ns}/base`],
      }),
    ]);
  });
});
