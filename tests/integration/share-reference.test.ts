import { beforeAll, describe, expect, it } from "vitest";
import { refreshRollups } from "@/lib/analytics/rollups";
import { getShareOverTime } from "@/lib/analytics/share-over-time";
import { GROUP_BY_IDS as GROUP_BYS, INTERVAL_IDS as INTERVALS } from "@/lib/domain/dimensions";
import { METRIC_IDS as METRICS } from "@/lib/domain/metrics";
import { type ShareQuery, shareQuerySchema } from "@/lib/domain/share-query";
import { type Population, seedPublishedPopulation } from "../factories/population";
import { referenceShare } from "../helpers/share-reference";
import { suiteDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

const COHORTS = ["all", "new-12m", "created-2024", "created-2023"];

describe.each(testBackends())("share over time equals the raw-snapshot reference on %s", (backend) => {
  const db = suiteDatabase(backend);
  let population: Population;
  beforeAll(async () => {
    population = await seedPublishedPopulation(db, backend === "pglite" ? 7 : 11, "ref");
  });

  async function compare(input: Record<string, string>) {
    const query: ShareQuery = shareQuerySchema.parse({ top: "50", ...input });
    const result = await getShareOverTime(db, query);
    const expected = await referenceShare(db, result.query);
    const drawn = result.series.map((s) => s.key).filter((k) => k !== "other");
    for (const point of result.points) {
      const bucket = expected.get(point.date);
      if (!bucket) {
        expect(point.asOf, `${point.date} has no snapshot`).toBeNull();
        continue;
      }
      const total = [...bucket.values()].reduce((n, v) => n + v, 0n);
      expect(point.total, `${JSON.stringify(input)} ${point.date} total`).toBe(total.toString());
      for (const key of drawn) {
        const want = bucket.get(key) ?? 0n;
        expect(point.values[key]?.downloads, `${JSON.stringify(input)} ${point.date} ${key}`).toBe(
          want.toString(),
        );
        const share = total > 0n ? Number(want) / Number(total) : null;
        if (share === null) expect(point.values[key]?.share).toBeNull();
        else expect(point.values[key]?.share).toBeCloseTo(share, 8);
      }
    }
  }

  const from = "2024-10-01";
  const to = "2025-03-01";
  const combos: Record<string, string>[] = [];
  for (const metric of METRICS)
    for (const interval of INTERVALS)
      for (const cohort of COHORTS)
        for (const attribution of ["developer", "lineage"])
          combos.push({ metric, interval, cohort, attribution, from, to });

  it("for every metric × interval × cohort × attribution (by region)", async () => {
    for (const combo of combos) await compare(combo);
  });

  /** Per grouping and metric: derivatives excluded, task and library filters alone and together. */
  const variants: Record<string, string>[] = [
    { interval: "week" },
    { interval: "month", derivatives: "exclude", attribution: "lineage" },
    { interval: "day", task: "text-generation", cohort: "new-12m" },
    { interval: "month", library: "gguf", attribution: "lineage" },
    { interval: "week", task: "text-generation", library: "transformers", derivatives: "exclude" },
  ];

  it("for every grouping, with derivatives excluded, and with task and library filters (alone and together)", async () => {
    for (const groupBy of GROUP_BYS)
      for (const metric of METRICS)
        for (const variant of variants) await compare({ groupBy, metric, ...variant, from, to });
  });

  it("refreshing single dates gives the same rollups as a full rebuild", async () => {
    const snapshot = async () =>
      db.prisma.$queryRaw<
        { r: string }[]
      >`SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS r FROM share_rollup t`;
    const full = await snapshot();
    await db.prisma
      .$executeRaw`DELETE FROM share_rollup WHERE date = ${population.dates[5]}::date OR date = ${population.dates[6]}::date`;
    await refreshRollups(db, [new Date(`${population.dates[5]}T00:00:00Z`)]);
    expect(await snapshot()).toEqual(full);
  });
});
