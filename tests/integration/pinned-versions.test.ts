import { describe, expect, it } from "vitest";
import { getShareOverTime } from "@/lib/analytics/share-over-time";
import { dataVersion } from "@/lib/db/data-version";
import { QueryError } from "@/lib/domain/query-error";
import { shareQuerySchema } from "@/lib/domain/share-query";
import { publish } from "@/lib/publish/publish";
import { ensureRegistrySynced } from "@/lib/publish/registry";
import type { ModelRecord } from "@/lib/store/model-record";
import { writeSnapshots } from "@/lib/store/write-snapshots";
import { modelRecord, uniqueNamespace } from "../factories/model-record";
import { suiteDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

/**
 * Pinned charts (`version=`): a data version's numbers stay what they were when it was published,
 * whatever later publishes rewrite, until it is no longer kept.
 */
describe.each(testBackends())("pinned data versions on %s", (backend) => {
  const db = suiteDatabase(backend);

  const crawl = async (day: string, records: ModelRecord[]) => {
    const asOf = new Date(`${day}T00:00:00Z`);
    const run = await db.prisma.ingestRun.create({
      data: { asOf, status: "succeeded", trigger: "cli", finishedAt: new Date() },
    });
    await writeSnapshots(db, records, day, { runId: run.id });
    await publish(db, { dates: [asOf] }, { realData: true });
    return Number(await dataVersion(db));
  };
  const lineage = (day: string, version?: number) =>
    getShareOverTime(
      db,
      shareQuerySchema.parse({
        attribution: "lineage",
        interval: "day",
        from: day,
        to: day,
        ...(version ? { version: String(version) } : {}),
      }),
    );
  const downloads = (result: Awaited<ReturnType<typeof lineage>>) =>
    Object.fromEntries(
      Object.entries(result.points[0]?.values ?? {})
        .filter(([, v]) => v.downloads !== "0")
        .map(([k, v]) => [k, v.downloads]),
    );

  it("keeps a version's numbers after a later publish re-attributes its dates", async () => {
    await ensureRegistrySynced(db);
    const ns = uniqueNamespace("pin");
    const llama = modelRecord({ hubId: "meta-llama/Pinned-1B", downloads: 300n });
    const tune = modelRecord({
      hubId: `${ns}/tune`,
      baseModels: [`${ns}/upstream`],
      baseRelation: "finetune",
      downloads: 100n,
    });
    const first = await crawl("2025-10-01", [llama, tune]);
    // The chain ends at an unregistered namespace: unattributed.
    expect(downloads(await lineage("2025-10-01"))).toEqual({ US: "300", UNKNOWN: "100" });

    // The upstream model turns up, based on a DeepSeek model: the 1st's fine-tune now counts for China.
    const upstream = modelRecord({
      hubId: `${ns}/upstream`,
      baseModels: ["deepseek-ai/Pinned-Root"],
      baseRelation: "merge",
      downloads: 50n,
    });
    const second = await crawl("2025-10-02", [llama, tune, upstream]);
    expect(second).toBeGreaterThan(first);
    expect(downloads(await lineage("2025-10-01"))).toEqual({ US: "300", CN: "100" });

    const pinned = await lineage("2025-10-01", first);
    expect(downloads(pinned)).toEqual({ US: "300", UNKNOWN: "100" });
    expect(pinned.freshness).toMatchObject({ dataVersion: first, dataAsOf: "2025-10-01" });
    expect(pinned.query.version).toBe(first);
    // The 2nd was not published at the first version: no point of it.
    const later = await getShareOverTime(
      db,
      shareQuerySchema.parse({
        interval: "day",
        from: "2025-10-01",
        to: "2025-10-02",
        version: String(first),
      }),
    );
    expect(later.points.map((p) => p.asOf)).toEqual(["2025-10-01", null]);
    expect(downloads(await lineage("2025-10-02", second))).toEqual({ US: "300", CN: "150" });
  });

  it("refuses a version not published yet, and one no longer kept", async () => {
    const current = Number(await dataVersion(db));
    await expect(lineage("2025-10-01", current + 1)).rejects.toThrow(QueryError);
    await expect(lineage("2025-10-01", current + 1)).rejects.toThrow(/latest published data version is/);

    // The version after the first was published more than 180 days ago: the first is no longer kept.
    await db.prisma
      .$executeRaw`UPDATE data_version SET published_at = now() - interval '181 days' WHERE id > 1`;
    await expect(lineage("2025-10-01", 1)).rejects.toThrow(/no longer|kept 180 days/);
    // The current version is always kept.
    expect((await lineage("2025-10-01", current)).freshness.dataVersion).toBe(current);
  });
});
