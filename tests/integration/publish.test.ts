import { describe, expect, it } from "vitest";
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
});
