import path from "node:path";
import { describe, expect, it } from "vitest";
import { estimateDownloads30d } from "@/lib/import/estimate";
import { ImportInterruptedError, importFile } from "@/lib/import/run-import";
import { openSource } from "@/lib/import/source";
import { writeSnapshots } from "@/lib/store/write-snapshots";
import { importOptions } from "../factories/import-options";
import { modelRecord, uniqueNamespace } from "../factories/model-record";
import { BIG, writeCsv, writeHubStats, writeManyRows } from "../fixtures/import/make-files";
import { runScript } from "../helpers/run-script";
import { snapshotsWithModel } from "../helpers/snapshots";
import { suiteDatabase, suiteTempDir } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe.each(testBackends())("history import, streaming and CLI, on %s", (backend) => {
  const db = suiteDatabase(backend);
  const dir = suiteTempDir("oms-import-");

  it("streams a Parquet file of 5 row groups × 2,000 rows, one row group at a time", async () => {
    const ns = uniqueNamespace("many");
    const models = 500;
    const made = writeManyRows(dir, ns, { groups: 5, perGroup: 2000, models });
    const source = await openSource(made.file);
    try {
      expect(source).toMatchObject({ kind: "parquet", totalRows: 10_000, rowGroups: 5 });
      const batches: number[][] = [];
      for await (const batch of source.batches(["id"])) batches.push([batch.firstRow, batch.rows.length]);
      expect(batches).toEqual([
        [1, 2000],
        [2001, 2000],
        [4001, 2000],
        [6001, 2000],
        [8001, 2000],
      ]);
    } finally {
      await source.close();
    }
    // A row group larger than the range is decoded in ranges (flat columns), a nested one whole.
    // Columns are decoded one at a time and pages cut at the range's edges: the same rows either way.
    const readAll = async (rangeRows: number) => {
      const source = await openSource(made.file, { parquetRangeRows: rangeRows });
      const starts: number[] = [];
      const rows: unknown[] = [];
      try {
        for await (const batch of source.batches(["id", "downloadsAllTime"])) {
          starts.push(batch.firstRow);
          rows.push(...batch.rows);
        }
      } finally {
        await source.close();
      }
      return { starts, rows };
    };
    const ranged = await readAll(1500);
    expect(ranged.starts).toEqual([1, 1501, 2001, 3501, 4001, 5501, 6001, 7501, 8001, 9501]);
    const whole = await readAll(1_000_000);
    expect(whole.rows).toHaveLength(10_000);
    expect(ranged.rows).toEqual(whole.rows);
    // Row 2002 of the file: model 1 in week 4, (1 + 1) × (4 + 1).
    expect(whole.rows[2001]).toEqual({ id: `${ns}/m-1`, downloadsAllTime: 10n });

    const summary = await importFile(db, importOptions(made.file));
    expect(summary).toMatchObject({
      format: "weekly-snapshots",
      rowsRead: 10_000,
      rowsImported: 10_000,
      snapshotsWritten: 10_000,
      models,
      newModels: models,
      estimated: 0,
    });
    expect(summary.dates).toEqual(made.dates);
    expect(made.dates).toHaveLength(20);

    const totals = await db.prisma.$queryRaw<{ date: Date; n: number; total: bigint }[]>`
      SELECT s.date, count(*)::int AS n, sum(s.downloads_all_time)::bigint AS total
      FROM model_snapshot s JOIN model m ON m.id = s.model_id
      WHERE m.namespace = ${ns} GROUP BY s.date ORDER BY s.date`;
    const perWeek = BigInt((models * (models + 1)) / 2);
    expect(totals.map((t) => [t.date.toISOString().slice(0, 10), t.n, t.total])).toEqual(
      made.dates.map((d, w) => [d, models, BIG + perWeek * BigInt(w + 1)]),
    );
    const rollup = await db.prisma.shareRollup.groupBy({
      by: ["date"],
      where: {
        date: { in: made.dates.map(day) },
        groupType: "region",
        cohort: "all",
        attribution: "developer",
      },
      _sum: { models: true },
    });
    expect(rollup).toHaveLength(20);
    expect(rollup.every((r) => r._sum.models === models)).toBe(true);
  });

  it("an interrupted import publishes nothing new; running it again completes it", async () => {
    const ns = uniqueNamespace("stop");
    const made = writeManyRows(dir, ns, {
      groups: 2,
      perGroup: 10_000,
      models: 2000,
      name: `stop-${ns}.parquet`,
      firstDate: "2019-01-06",
    });
    const dates = made.dates.map(day);
    const stop = new AbortController();
    const reporter = {
      start: () => {},
      log: () => {},
      stop: () => {},
      progress: () => stop.abort(), // after the first batch of 10,000 rows
    };
    await expect(importFile(db, importOptions(made.file), reporter, stop.signal)).rejects.toThrow(
      ImportInterruptedError,
    );
    const stopped = await db.prisma.ingestRun.findMany({ where: { asOf: { in: dates } } });
    expect(stopped.length).toBeGreaterThan(0);
    expect(stopped.map((r) => r.status)).toEqual(stopped.map(() => "interrupted"));
    expect(await db.prisma.shareRollup.count({ where: { date: { in: dates } } })).toBe(0);

    const summary = await importFile(db, importOptions(made.file));
    expect(summary).toMatchObject({ snapshotsWritten: 20_000, runs: { created: 10, reused: 0 } });
    const runs = await db.prisma.ingestRun.findMany({ where: { asOf: { in: dates }, status: "succeeded" } });
    expect(runs.map((r) => r.population)).toEqual(made.dates.map(() => 2000));
    expect(await db.prisma.shareRollup.count({ where: { date: { in: dates } } })).toBeGreaterThan(0);
  });

  it("reads a row group with a nested column (tags) whole, once", async () => {
    const ns = uniqueNamespace("nested");
    const row = (n: number) => ({
      id: `${ns}/m${n}`,
      downloads: 1n,
      downloadsAllTime: 2n,
      likes: 0,
      tags: ["a"],
      base: null,
    });
    const file = writeHubStats(dir, `nested-${ns}.parquet`, [row(1), row(2), row(3)]);
    const source = await openSource(file, { parquetRangeRows: 1 });
    try {
      const sizes = async (columns: string[]) => {
        const out: number[] = [];
        for await (const batch of source.batches(columns)) out.push(batch.rows.length);
        return out;
      };
      expect(await sizes(["id", "tags"])).toEqual([3]);
      expect(await sizes(["id", "downloads"])).toEqual([1, 1, 1]);
    } finally {
      await source.close();
    }
  });

  it("estimates a missing 30-day count from downloadsAllTime differences", async () => {
    const ns = uniqueNamespace("est");
    const weeks = Array.from({ length: 9 }, (_, w) => new Date(Date.UTC(2023, 0, 1 + 7 * w)));
    const rows: (string | number | null)[][] = [["model_id", "date", "downloads_all_time", "created_at"]];
    for (const [w, date] of weeks.entries()) {
      const iso = date.toISOString().slice(0, 10);
      rows.push([`${ns}/steady`, iso, 1000 + 70 * w, "2020-01-01"]); // 10 a day, created long ago
      rows.push([`${ns}/new`, iso, 5 + w, "2022-12-31T12:00:00Z"]); // created a day before the first date
    }
    const summary = await importFile(db, importOptions(writeCsv(dir, `est-${ns}.csv`, rows)));
    expect(summary.format).toBe("csv");
    const stored = await snapshotsWithModel(db, { namespace: ns });
    const of = (id: string) => stored.filter((s) => s.model.hubId === `${ns}/${id}`).map((s) => s.downloads);
    // 10 a day is 300 in 30 days whichever rule applies: the next snapshot (first date), the
    // earliest one inside the window (weeks 1–4), the latest one 30+ days back (weeks 5–8).
    expect(of("steady")).toEqual(weeks.map(() => 300n));
    // created within 30 days: all its downloads; later, (A(d) − A(d−35)) × 30 / 35
    expect(of("new")).toEqual([5n, 6n, 7n, 8n, 9n, 4n, 4n, 4n, 4n]);

    // the same, one model per statement
    const runs = await db.prisma.ingestRun.findMany({
      where: { asOf: { in: weeks }, trigger: "import", status: "succeeded" },
    });
    await db.prisma.modelSnapshot.updateMany({
      where: { modelId: { in: [...new Set(stored.map((s) => s.modelId))] } },
      data: { downloads: 0n },
    });
    const targets = runs.map((r) => ({ date: r.asOf.toISOString().slice(0, 10), runId: r.id }));
    expect(await estimateDownloads30d(db, targets)).toBe(18);

    await importFile(db, importOptions(writeCsv(dir, `est-${ns}.csv`, rows)));
    const again = await snapshotsWithModel(db, { namespace: ns });
    expect(again).toEqual(stored);
  });

  it("removes the demo data before importing real history", async () => {
    const ns = uniqueNamespace("demo");
    await writeSnapshots(db, [modelRecord({ hubId: `${ns}/fake` })], "2022-05-01", { runId: -1 });
    await db.prisma.model.update({ where: { hubId: `${ns}/fake` }, data: { demo: true } });
    const file = writeCsv(dir, `real-${ns}.csv`, [
      ["model_id", "date", "downloads", "downloads_all_time"],
      [`${ns}/real`, "2022-05-08", 1, 2],
    ]);
    const summary = await importFile(db, importOptions(file));
    expect(summary.demoRemoved).toBe(1);
    expect(await db.prisma.model.count({ where: { demo: true } })).toBe(0);
    expect((await db.prisma.model.findMany({ where: { namespace: ns } })).map((m) => m.hubId)).toEqual([
      `${ns}/real`,
    ]);
  });

  it("npm run import: a summary with rows/s; one clear line and exit 1 on errors", {
    timeout: 300_000,
  }, async () => {
    const env =
      backend === "postgres"
        ? { DATABASE_URL: db.url }
        : { DATABASE_URL: undefined, PGLITE_DIR: path.join(dir, "cli-db") };
    const ns = uniqueNamespace("cli");
    const file = writeHubStats(dir, `cli-${ns}.parquet`, [
      { id: `${ns}/a`, downloads: 3n, downloadsAllTime: BIG, likes: 2, tags: [], base: null },
    ]);

    if (backend === "pglite") {
      // A new embedded database is migrated by the import itself, as npm start would.
      const fresh = await runScript("scripts/import.ts", [file, "--as-of", "2021-03-01"], env, 120_000);
      expect(fresh.code, fresh.stderr).toBe(0);
      expect(fresh.stdout).toMatch(/^Applied \d+ migration\(s\) to embedded PGlite/m);
    }

    const missingDate = await runScript("scripts/import.ts", [file], env, 120_000);
    expect(missingDate.code).toBe(1);
    expect(missingDate.stderr.trim()).toBe(
      `error: ${file} (format hub-stats) is a single snapshot with no date column: ` +
        "pass --as-of YYYY-MM-DD (the day the file was taken).",
    );

    const dry = await runScript(
      "scripts/import.ts",
      [file, "--as-of", "2021-03-01", "--dry-run"],
      env,
      120_000,
    );
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Dry run of");

    const result = await runScript(
      "scripts/import.ts",
      [file, "--format", "hub-stats", "--as-of=2021-03-02"],
      env,
      120_000,
      "bundled",
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("as hub-stats.");
    expect(result.stdout).toMatch(/snapshots\s+1 written from 1 rows/);
    expect(result.stdout).toMatch(/dates\s+1 date \(2021-03-02\)/);
    expect(result.stdout).toMatch(/\d rows\/s/);
    if (backend === "postgres") {
      const [stored] = await snapshotsWithModel(db, { hubId: `${ns}/a` });
      expect(stored).toMatchObject({ date: day("2021-03-02"), downloadsAllTime: BIG, likes: 2 });
    }
    // The date is imported: a rerun writes nothing and says why.
    const again = await runScript("scripts/import.ts", [file, "--as-of=2021-03-02"], env, 120_000, "bundled");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/snapshots\s+0 written/);
    expect(again.stdout).toMatch(/1 date imported already \(a rerun writes nothing\)/);
  });
});
