import { describe, expect, it } from "vitest";
import { ImportFormatError } from "@/lib/import/formats";
import { ImportValueError } from "@/lib/import/rows";
import { importFile, planImport } from "@/lib/import/run-import";
import { writeSnapshots } from "@/lib/store/write-snapshots";
import { importOptions } from "../factories/import-options";
import { modelRecord, uniqueNamespace } from "../factories/model-record";
import { BIG, writeCsv, writeHubStats, writeOpenModelEvolution } from "../fixtures/import/make-files";
import { snapshotsWithModel } from "../helpers/snapshots";
import { suiteDatabase, suiteTempDir } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

describe.each(testBackends())("history import on %s", (backend) => {
  const db = suiteDatabase(backend);
  const dir = suiteTempDir("oms-import-");

  const snapshots = async (ns: string) => {
    const rows = await snapshotsWithModel(db, { namespace: ns });
    return rows.map((r) => ({
      id: r.model.hubId,
      date: r.date.toISOString().slice(0, 10),
      d30: r.downloads,
      all: r.downloadsAllTime,
      likes: r.likes,
    }));
  };

  /** Everything an import writes, for "import twice → identical" checks. */
  const dump = async (ns: string) => ({
    models: await db.prisma.model.findMany({
      where: { namespace: ns },
      orderBy: { hubId: "asc" },
      omit: { updatedAt: true, firstSeenAt: true },
    }),
    snapshots: (await snapshotsWithModel(db, { namespace: ns }))
      .map(({ model: _, ...snapshot }) => snapshot)
      .sort((a, b) => a.modelId - b.modelId || a.date.getTime() - b.date.getTime()),
  });

  const runsOn = (dates: string[]) =>
    db.prisma.ingestRun.findMany({
      where: { asOf: { in: dates.map((d) => new Date(`${d}T00:00:00Z`)) } },
      orderBy: { asOf: "asc" },
    });

  const rollupDates = async (dates: string[]) => {
    const rows = await db.prisma.shareRollup.findMany({
      where: {
        date: { in: dates.map((d) => new Date(`${d}T00:00:00Z`)) },
        groupType: "region",
        cohort: "all",
        attribution: "developer",
      },
      select: { date: true, models: true, downloadsAllTime: true },
    });
    const byDate = new Map<string, { models: number; all: bigint }>();
    for (const r of rows) {
      const key = r.date.toISOString().slice(0, 10);
      const sum = byDate.get(key) ?? { models: 0, all: 0n };
      byDate.set(key, { models: sum.models + r.models, all: sum.all + (r.downloadsAllTime ?? 0n) });
    }
    return byDate;
  };

  it("imports the study's open_model_evolution_data shape, idempotently, and publishes its dates", async () => {
    const ns = uniqueNamespace("ome");
    const file = writeOpenModelEvolution(dir, ns);
    const summary = await importFile(db, importOptions(file));
    expect(summary).toMatchObject({
      format: "open-model-evolution",
      kind: "parquet",
      rowsRead: 5,
      rowsImported: 5,
      snapshotsWritten: 5,
      models: 3,
      newModels: 3,
      dates: ["2025-06-01", "2025-06-08"],
      skipped: {},
      runs: { created: 2, reused: 0 },
    });
    // No 30-day column: created 2025-05-20, within 30 days of both dates, so all its downloads count.
    expect(await snapshots(ns)).toEqual([
      { id: `${ns}/base`, date: "2025-06-01", d30: BIG, all: BIG, likes: 0 },
      { id: `${ns}/base`, date: "2025-06-08", d30: BIG + 700n, all: BIG + 700n, likes: 0 },
      { id: `${ns}/other`, date: "2025-06-08", d30: 5n, all: 5n, likes: 0 },
      { id: `${ns}/tuned`, date: "2025-06-01", d30: 10n, all: 10n, likes: 0 },
      { id: `${ns}/tuned`, date: "2025-06-08", d30: 80n, all: 80n, likes: 0 },
    ]);
    const tuned = await db.prisma.model.findUniqueOrThrow({ where: { hubId: `${ns}/tuned` } });
    expect(tuned).toMatchObject({
      namespace: ns,
      baseModels: [`${ns}/base`],
      lineageRoot: `${ns}/base`,
      createdAt: new Date("2025-05-20T10:00:00Z"),
    });

    const runs = await runsOn(summary.dates);
    expect(runs.map((r) => [r.asOf.toISOString().slice(0, 10), r.status, r.trigger, r.population])).toEqual([
      ["2025-06-01", "succeeded", "import", 2],
      ["2025-06-08", "succeeded", "import", 3],
    ]);
    expect(runs.every((r) => r.finishedAt !== null)).toBe(true);
    const rollups = await rollupDates(summary.dates);
    expect(rollups.get("2025-06-01")).toEqual({ models: 2, all: BIG + 10n });
    expect(rollups.get("2025-06-08")).toEqual({ models: 3, all: BIG + 785n });

    const before = await dump(ns);
    // Its dates are imported already: a rerun writes nothing, and says why.
    const again = await importFile(db, importOptions(file));
    expect(again).toMatchObject({ snapshotsWritten: 0, runs: { created: 0, reused: 0 } });
    expect(again.skipped).toEqual({ "date imported already (a rerun writes nothing)": 5 });
    expect(await dump(ns)).toEqual(before);
    expect((await runsOn(summary.dates)).map((r) => r.id)).toEqual(runs.map((r) => r.id));
  });

  it("imports a hub-stats snapshot with --as-of: tags, baseModels, likes, exact counts", async () => {
    const ns = uniqueNamespace("hs");
    const file = writeHubStats(dir, `hub-stats-${ns}.parquet`, [
      {
        id: `${ns}/llm`,
        downloads: 3_000_000_000n,
        downloadsAllTime: BIG,
        likes: 42,
        tags: ["license:mit", "text-generation"],
        base: null,
      },
      {
        id: `${ns}/llm-GGUF`,
        downloads: 7n,
        downloadsAllTime: 70n,
        likes: 1,
        tags: [`base_model:${ns}/llm`, `base_model:quantized:${ns}/llm`],
        base: { relation: "quantized", models: [{ id: `${ns}/llm` }] },
      },
      {
        id: `${ns}/lora`,
        downloads: 1n,
        downloadsAllTime: 2n,
        likes: 0,
        tags: [`base_model:adapter:${ns}/llm`],
        base: null,
      },
      // No all-time count in a file that has the column: the row keeps its 30-day count.
      { id: `${ns}/untold`, downloads: 5n, downloadsAllTime: null, likes: 0, tags: [], base: null },
    ]);
    await expect(importFile(db, importOptions(file))).rejects.toThrow(
      `${file} (format hub-stats) is a single snapshot with no date column: pass --as-of YYYY-MM-DD`,
    );
    const summary = await importFile(db, importOptions(file, { asOf: "2025-07-01" }));
    expect(summary).toMatchObject({
      format: "hub-stats",
      rowsRead: 4,
      snapshotsWritten: 4,
      dates: ["2025-07-01"],
    });
    expect(summary.estimated).toBe(0);
    expect(await snapshots(ns)).toEqual([
      { id: `${ns}/llm`, date: "2025-07-01", d30: 3_000_000_000n, all: BIG, likes: 42 },
      { id: `${ns}/llm-GGUF`, date: "2025-07-01", d30: 7n, all: 70n, likes: 1 },
      { id: `${ns}/lora`, date: "2025-07-01", d30: 1n, all: 2n, likes: 0 },
      { id: `${ns}/untold`, date: "2025-07-01", d30: 5n, all: null, likes: 0 },
    ]);
    const models = await db.prisma.model.findMany({ where: { namespace: ns }, orderBy: { hubId: "asc" } });
    expect(models.map((m) => [m.hubId, m.license, m.pipelineTag, m.baseModels, m.baseRelation])).toEqual([
      [`${ns}/llm`, "mit", "text-generation", [], null],
      [`${ns}/llm-GGUF`, null, "text-generation", [`${ns}/llm`], "quantized"],
      [`${ns}/lora`, null, "text-generation", [`${ns}/llm`], "adapter"],
      [`${ns}/untold`, null, "text-generation", [], null],
    ]);
    expect((await rollupDates(["2025-07-01"])).get("2025-07-01")?.models).toBe(4);
  });

  it("imports weekly snapshots with a snapshot_date column", async () => {
    const ns = uniqueNamespace("wk");
    const row = (id: string, date: string, all: bigint) => ({
      id: `${ns}/${id}`,
      downloads: all / 10n,
      downloadsAllTime: all,
      likes: 0,
      tags: [],
      base: null,
      date,
    });
    const file = writeHubStats(
      dir,
      `weekly-${ns}.parquet`,
      [row("a", "2025-08-04", 100n), row("b", "2025-08-11", 40n), row("a", "2025-08-11", BIG)],
      "snapshot_date",
    );
    await expect(planImport(importOptions(file, { asOf: "2025-08-04" }))).rejects.toThrow(
      `--as-of is for single-snapshot files; ${file} (format weekly-snapshots) takes each row's date ` +
        'from its "snapshot_date" column.',
    );
    const summary = await importFile(db, importOptions(file));
    expect(summary).toMatchObject({ format: "weekly-snapshots", snapshotsWritten: 3, models: 2 });
    expect(summary.dates).toEqual(["2025-08-04", "2025-08-11"]);
    expect((await snapshots(ns)).map((s) => [s.id, s.date, s.all])).toEqual([
      [`${ns}/a`, "2025-08-04", 100n],
      [`${ns}/a`, "2025-08-11", BIG],
      [`${ns}/b`, "2025-08-11", 40n],
    ]);
    const rollups = await rollupDates(summary.dates);
    expect(rollups.get("2025-08-11")).toEqual({ models: 2, all: BIG + 40n });
  });

  it("imports a plain CSV (quoted fields, CRLF) and names the row, column and value of a bad cell", async () => {
    const ns = uniqueNamespace("csv");
    const header = ["model_id", "date", "downloads", "downloads_all_time", "note"];
    const file = writeCsv(
      dir,
      `plain-${ns}.csv`,
      [
        header,
        [`${ns}/a`, "2025-09-01", 10, 100, 'says "hi", twice'],
        [`${ns}/a`, "2025-09-02", 11, "4294967296", "line\nbreak"],
        [`${ns}/b`, "2025-09-02", "", 7, null],
        ["", "2025-09-02", 1, 1, "no id: skipped"],
      ],
      "\r\n",
    );
    const summary = await importFile(db, importOptions(file));
    // Of the 4 rows read, the one without a model id is skipped, the 3 others imported.
    expect(summary).toMatchObject({
      format: "csv",
      kind: "csv",
      rowsRead: 4,
      skipped: { "missing model id": 1 },
      rowsImported: 3,
      snapshotsWritten: 3,
      dates: ["2025-09-01", "2025-09-02"],
    });
    const rows = await snapshots(ns);
    expect(rows.map((s) => [s.id, s.date, s.d30, s.all])).toEqual([
      [`${ns}/a`, "2025-09-01", 10n, 100n],
      [`${ns}/a`, "2025-09-02", 11n, 4_294_967_296n],
      // an empty 30-day cell is estimated: b has no other snapshot and an unknown creation date
      [`${ns}/b`, "2025-09-02", 0n, 7n],
    ]);

    const bad = writeCsv(dir, `bad-${ns}.csv`, [
      header,
      [`${ns}/c`, "2025-09-03", 1, 10, ""],
      [`${ns}/d`, "2025-09-03", "12x", 10, ""],
    ]);
    const error = await importFile(db, importOptions(bad)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportValueError);
    expect((error as Error).message).toBe(
      `${bad} row 2 (line 3), column "downloads": "12x" is not a whole number`,
    );
    // the bad row stops the import before its date is written or published
    expect(await runsOn(["2025-09-03"])).toEqual([]);
    expect(await db.prisma.model.count({ where: { hubId: `${ns}/c` } })).toBe(0);

    const skipped = await importFile(db, importOptions(bad, { skipInvalid: true }));
    expect(skipped).toMatchObject({ rowsRead: 2, rowsImported: 1, skipped: { "unreadable downloads": 1 } });
    expect(skipped.invalidExamples).toEqual([(error as Error).message]);
    expect((await runsOn(["2025-09-03"])).map((r) => r.status)).toEqual(["succeeded"]);

    const missing = writeCsv(dir, `missing-${ns}.csv`, [
      ["model_id", "date", "downloads"],
      [`${ns}/e`, "2025-09-04", 1],
    ]);
    await expect(importFile(db, importOptions(missing))).rejects.toThrow(ImportFormatError);
    await expect(importFile(db, importOptions(missing))).rejects.toThrow(
      `${missing} (format csv) has no downloadsAllTime column: expected "downloads_all_time"; ` +
        "the file has model_id, date, downloads.",
    );
  });

  it("keeps what the database knows about a model when the file does not say it", async () => {
    const ns = uniqueNamespace("keep");
    await writeSnapshots(
      db,
      [
        modelRecord({
          hubId: `${ns}/m`,
          pipelineTag: "image-text-to-text",
          libraryName: "vllm",
          license: "apache-2.0",
          baseModels: ["Qwen/Qwen2.5-7B"],
          baseRelation: "finetune",
        }),
      ],
      "2025-10-01",
      { runId: null },
    );
    const file = writeCsv(dir, `keep-${ns}.csv`, [
      ["id", "date", "downloads", "downloadsAllTime"],
      [`${ns}/m`, "2025-10-02", 5, 50],
    ]);
    await importFile(db, importOptions(file));
    const model = await db.prisma.model.findUniqueOrThrow({ where: { hubId: `${ns}/m` } });
    expect(model).toMatchObject({
      pipelineTag: "image-text-to-text",
      libraryName: "vllm",
      license: "apache-2.0",
      baseModels: ["Qwen/Qwen2.5-7B"],
      baseRelation: "finetune",
      createdAt: new Date("2025-01-15T10:00:00Z"),
    });
  });

  it("a dry run reads and checks the whole file and writes nothing", async () => {
    const ns = uniqueNamespace("dry");
    const file = writeOpenModelEvolution(dir, ns, `dry-${ns}.parquet`);
    const summary = await importFile(null, importOptions(file, { dryRun: true }));
    expect(summary).toMatchObject({
      dryRun: true,
      rowsRead: 5,
      rowsImported: 5,
      models: 3,
      snapshotsWritten: 0,
    });
    expect(await db.prisma.model.count({ where: { namespace: ns } })).toBe(0);
  });
});
