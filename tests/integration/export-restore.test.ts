import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshRollups } from "@/lib/analytics/rollups";
import { getShareOverTime } from "@/lib/analytics/share-over-time";
import { ATTRIBUTION_IDS, DERIVATIVE_IDS, GROUP_BY_IDS } from "@/lib/domain/dimensions";
import { METRIC_IDS } from "@/lib/domain/metrics";
import { POPULATION_IDS } from "@/lib/domain/populations";
import { shareQuerySchema } from "@/lib/domain/share-query";
import { type BackfillReporter, runBackfill } from "@/lib/import/backfill";
import { parseBackfillArgs } from "@/lib/import/backfill-options";
import { runExport } from "@/lib/import/export";
import { MANIFEST_FILE } from "@/lib/import/export-manifest";
import { loadRegistry, syncRegistry } from "@/lib/origins/sync";
import { type Population, seedPublishedPopulation } from "../factories/population";
import { createTestDatabase, type TestDatabase, testBackends } from "../helpers/test-db";

/**
 * Export → an empty database → restore: every published share the same. The seeded world has
 * irregular dates (a day, three days, twelve days apart: an export's folders are exact dates, never
 * moved into a week), derivatives and lineage, repacks, missing all-time counts, and one date of
 * the study's population. Pages of a few rows make each file many row groups.
 */

const quiet: BackfillReporter = { fileStart() {}, progress() {}, fileDone() {}, log() {}, stop() {} };
const STUDY_DATE_INDEX = 5;

describe.each(testBackends())("export and restore on %s", (backend) => {
  let source: TestDatabase;
  let target: TestDatabase;
  let population: Population;
  let dir: string;

  beforeAll(async () => {
    source = await createTestDatabase(backend);
    population = await seedPublishedPopulation(source, 11, "ex");
    const studyDate = population.dates[STUDY_DATE_INDEX] as string;
    await source.prisma.$executeRaw`UPDATE ingest_run SET source = 'study' WHERE as_of = ${studyDate}::date`;
    await refreshRollups(source, null);
    dir = mkdtempSync(path.join(os.tmpdir(), "oms-export-"));
    await runExport(source, { out: dir, pageRows: 7 });
    target = await createTestDatabase(backend);
    await syncRegistry(target, await loadRegistry(path.join(dir, "registry.json")));
    await runBackfill(target, parseBackfillArgs(["--dataset", "hub-weekly", "--repo", `file:${dir}`]), quiet);
  }, 600_000);
  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await source?.drop();
    await target?.drop();
  });

  it("writes one file per published date, named by that date, with every stored snapshot", async () => {
    const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), "utf8"));
    expect(manifest.dates.map((d: { date: string }) => d.date)).toEqual(population.dates);
    const duck = await (await DuckDBInstance.create(":memory:")).connect();
    try {
      for (const [i, date] of population.dates.entries()) {
        const folder = i === STUDY_DATE_INDEX ? "study" : "models";
        const file = path.join(dir, folder, date, "models.parquet");
        const stored = await source.prisma.$queryRaw<{ id: string; downloads: string }[]>`
          SELECT m.hub_id AS id, s.downloads::text AS downloads FROM model_snapshot s
          JOIN model m ON m.id = s.model_id WHERE s.date = ${date}::date ORDER BY m.hub_id`;
        const read = (
          await duck.runAndReadAll(`SELECT id, downloads::VARCHAR AS downloads FROM '${file}' ORDER BY id`)
        ).getRowObjectsJson();
        expect(read, date).toEqual(stored);
      }
    } finally {
      duck.closeSync();
    }
  });

  it("restores the same snapshot dates with the same populations", async () => {
    const runs = async (db: TestDatabase) =>
      (
        await db.prisma.$queryRaw<{ date: string; study: boolean; n: number }[]>`
        SELECT to_char(s.date, 'YYYY-MM-DD') AS date,
          bool_or(r.source = 'study') AS study, count(DISTINCT s.model_id)::int AS n
        FROM model_snapshot s JOIN ingest_run r ON r.as_of = s.date AND r.status = 'succeeded'
        GROUP BY s.date ORDER BY s.date`
      ).map((r) => ({ ...r }));
    expect(await runs(target)).toEqual(await runs(source));
  });

  it("answers every published share identically", async () => {
    const from = population.dates[0] as string;
    const to = population.dates.at(-1) as string;
    const cuts: Record<string, string>[] = [];
    for (const metric of METRIC_IDS)
      for (const groupBy of GROUP_BY_IDS)
        for (const attribution of ATTRIBUTION_IDS)
          for (const derivatives of DERIVATIVE_IDS)
            for (const cohort of ["all", "new-12m", "created-2024"])
              for (const population of POPULATION_IDS)
                cuts.push({ metric, groupBy, attribution, derivatives, cohort, population });
    for (const task of ["text-generation", "feature-extraction"]) cuts.push({ task });
    for (const library of ["gguf", "transformers"]) cuts.push({ library, groupBy: "lab" });
    let compared = 0;
    for (const cut of cuts) {
      const query = shareQuerySchema.parse({ ...cut, from, to, interval: "day", top: "50" });
      const [a, b] = [await getShareOverTime(source, query), await getShareOverTime(target, query)];
      expect({ series: b.series, points: b.points, crossover: b.crossover }, JSON.stringify(cut)).toEqual({
        series: a.series,
        points: a.points,
        crossover: a.crossover,
      });
      if (a.points.some((p) => p.total !== null)) compared++;
    }
    // The comparison is of answers with numbers in them, not of empty ones.
    expect(compared).toBeGreaterThan(cuts.length / 2);
  });
});
