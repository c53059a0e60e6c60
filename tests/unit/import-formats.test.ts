import { describe, expect, it } from "vitest";
import { detectFormat, FORMAT_SPECS, resolveColumns } from "@/lib/import/formats";
import { parseImportArgs } from "@/lib/import/options";
import { DatePages } from "@/lib/import/pages";
import { type ImportedRow, ImportValueError, type RowContext, readRow } from "@/lib/import/rows";
import { dateFromPath } from "@/lib/import/source";
import { weekLabelOf, weeklySnapshotDate } from "@/lib/import/weekly";

const OME = [
  "_id",
  "model",
  "author",
  "time",
  "created",
  "downloadsAllTime",
  "annotator",
  "org_model",
  "org_type",
  "org_country",
  "derived_author",
  "org_country_single",
  "derived_org_country",
  "derived_org_country_single",
  "merged_country_groups_single",
  "merged_derived_country_groups_single",
  "merged_derived_from",
  "merged_languages",
  "merged_modality",
];
const HUB_STATS = [
  "id",
  "author",
  "sha",
  "createdAt",
  "lastModified",
  "private",
  "gated",
  "disabled",
  "downloads",
  "downloadsAllTime",
  "likes",
  "trendingScore",
  "tags",
  "pipeline_tag",
  "library_name",
  "cardData",
  "siblings",
  "safetensors",
  "baseModels",
];

describe("detectFormat", () => {
  it.each([
    ["the study's columns", OME, "parquet", "open-model-evolution"],
    ["the study's columns as CSV", OME, "csv", "open-model-evolution"],
    ["hub-stats models.parquet", HUB_STATS, "parquet", "hub-stats"],
    ["hub-stats with a snapshot_date", [...HUB_STATS, "snapshot_date"], "parquet", "weekly-snapshots"],
    ["weekly CSV with Hub metadata", ["id", "week", "downloadsAllTime", "tags"], "csv", "weekly-snapshots"],
    ["plain CSV", ["model_id", "date", "downloads", "downloads_all_time"], "csv", "csv"],
    ["plain CSV, other spellings", ["Model", "Date", "Downloads", "downloadsAllTime"], "csv", "csv"],
    [
      "plain columns in Parquet",
      ["id", "date", "downloads", "downloadsAllTime"],
      "parquet",
      "weekly-snapshots",
    ],
  ] as const)("%s → %s", (_name, columns, kind, format) => {
    expect(detectFormat(columns, kind, "f")).toBe(format);
  });

  it("names the columns and --format when it cannot tell", () => {
    expect(() => detectFormat(["a", "b"], "csv", "x.csv")).toThrow(
      "Cannot tell the format of x.csv from its columns (a, b). " +
        "Pass --format open-model-evolution|hub-stats|weekly-snapshots|csv.",
    );
  });
});

describe("resolveColumns", () => {
  it("maps the study's columns and ignores the annotations", () => {
    expect(resolveColumns("open-model-evolution", OME, "f")).toEqual({
      id: "model",
      date: "time",
      downloadsAllTime: "downloadsAllTime",
      createdAt: "created",
      baseModels: "merged_derived_from",
      author: "author",
    });
  });

  it("maps hub-stats, with no date column", () => {
    const mapping = resolveColumns("hub-stats", HUB_STATS, "f");
    expect(mapping).toMatchObject({
      id: "id",
      downloads: "downloads",
      tags: "tags",
      parameters: "safetensors",
    });
    expect(mapping.date).toBeUndefined();
    expect(FORMAT_SPECS["hub-stats"].singleSnapshot).toBe(true);
  });

  it("never takes the listing's _id for the model id, whatever the column order", () => {
    const columns = ["_id", "id", "author", "downloads", "likes", "createdAt", "private"];
    expect(detectFormat(columns, "parquet", "f")).toBe("hub-stats");
    expect(resolveColumns("hub-stats", columns, "f")).toMatchObject({ id: "id", private: "private" });
    expect(() => resolveColumns("hub-stats", ["_id", "downloads"], "f")).toThrow(/has no id column/);
    expect(resolveColumns("open-model-evolution", ["_id", "model", "time", "downloadsAllTime"], "f").id).toBe(
      "model",
    );
  });

  it("reads a weekly listing without downloadsAllTime (before 2025-02-26)", () => {
    const mapping = resolveColumns("hub-stats", ["_id", "id", "downloads", "likes"], "f");
    expect(mapping.downloadsAllTime).toBeUndefined();
    expect(
      readRow({ id: "a/b", downloads: 7n, likes: 1n }, { file: "f", mapping, fixedDate: "2025-01-13" }, 1),
    ).toMatchObject({
      hubId: "a/b",
      downloads: 7n,
      downloadsAllTime: null,
    });
  });

  it("matches names ignoring case, _ and -", () => {
    expect(resolveColumns("csv", ["MODEL_ID", "Date", "downloads-all-time"], "f")).toEqual({
      id: "MODEL_ID",
      date: "Date",
      downloadsAllTime: "downloads-all-time",
    });
  });

  it("a missing required column names the file, the format and the column", () => {
    expect(() => resolveColumns("open-model-evolution", ["model", "time"], "/d/x.parquet")).toThrow(
      '/d/x.parquet (format open-model-evolution) has no downloadsAllTime column: expected "downloadsAllTime"; ' +
        "the file has model, time.",
    );
    expect(() => resolveColumns("weekly-snapshots", ["id", "downloadsAllTime"], "w.parquet")).toThrow(
      'w.parquet (format weekly-snapshots) has no date column: expected "snapshot_date" or "snapshot" or "date" ' +
        'or "week" or "as_of"',
    );
  });
});

describe("readRow", () => {
  const ctx = (mapping: RowContext["mapping"], fixedDate: string | null = null): RowContext => ({
    file: "f.csv",
    mapping,
    fixedDate,
  });
  const csv = ctx({ id: "id", date: "date", downloadsAllTime: "all", downloads: "d30", author: "author" });

  it("builds a snapshot row; the namespace is the id before '/'", () => {
    const row = readRow({ id: "Qwen/Qwen3-8B", date: "2025-08-01", all: "5000000000", d30: "7" }, csv, 1);
    expect(row).toMatchObject({
      hubId: "Qwen/Qwen3-8B",
      namespace: "Qwen",
      date: "2025-08-01",
      downloads: 7n,
      downloadsAllTime: 5_000_000_000n,
      likes: 0,
      gated: null,
      baseModels: [],
      baseRelation: null,
    });
  });

  it("legacy ids take the author as namespace", () => {
    expect(
      readRow({ id: "gpt2", date: "2025-08-01", all: "1", author: "openai-community" }, csv, 1),
    ).toMatchObject({
      namespace: "openai-community",
    });
    expect(readRow({ id: "gpt2", date: "2025-08-01", all: "1" }, csv, 1)).toMatchObject({
      namespace: "gpt2",
    });
  });

  it('skips private models and takes "No" for no base', () => {
    const mapping = {
      id: "id",
      downloads: "d",
      downloadsAllTime: "all",
      private: "private",
      baseModels: "base",
    };
    const c = ctx(mapping, "2025-08-01");
    expect(readRow({ id: "me/secret", d: 5n, all: 9n, private: true }, c, 1)).toEqual({
      skip: "private model",
    });
    expect(readRow({ id: "a/b", d: 5n, all: 9n, private: false, base: ["No"] }, c, 1)).toMatchObject({
      baseModels: [],
      baseRelation: null,
    });
    expect(readRow({ id: "a/b", d: 5n, all: 9n, base: ["x/y", "No", "", "A/B", "X/Y"] }, c, 1)).toMatchObject(
      {
        baseModels: ["x/y"],
      },
    );
  });

  it("skips rows with an empty required value, with the reason", () => {
    expect(readRow({ id: "", date: "2025-08-01", all: "1" }, csv, 1)).toEqual({ skip: "missing model id" });
    expect(readRow({ id: "a/b", date: "", all: "1" }, csv, 1)).toEqual({ skip: "missing date" });
    expect(readRow({ id: "a/b", date: "2025-08-01", all: "" }, csv, 1)).toEqual({
      skip: "missing both download counts",
    });
    const study = ctx({ id: "model", date: "time", downloadsAllTime: "all" });
    expect(readRow({ model: "a/b", time: "2025-08-01", all: null }, study, 1)).toEqual({
      skip: "missing downloadsAllTime",
    });
    const old = ctx({ id: "id", downloads: "d" }, "2024-06-03");
    expect(readRow({ id: "a/b", d: null }, old, 1)).toEqual({ skip: "missing downloads" });
  });

  it("a row without its all-time count keeps its 30-day count, and the reverse", () => {
    const hub = ctx({ id: "id", downloads: "d", downloadsAllTime: "all" }, "2025-06-02");
    expect(readRow({ id: "a/b", d: 1234n, all: null }, hub, 1)).toMatchObject({
      hubId: "a/b",
      downloads: 1234n,
      downloadsAllTime: null,
    });
    expect(readRow({ id: "a/b", d: undefined, all: 99n }, hub, 1)).toMatchObject({
      downloads: null,
      downloadsAllTime: 99n,
    });
    expect(readRow({ id: "a/b", d: null, all: null }, hub, 1)).toEqual({
      skip: "missing both download counts",
    });
  });

  it("an unreadable value names the row, line, column and value", () => {
    const error = (() => {
      try {
        readRow({ id: "a/b", date: "2025-13-01", all: "1" }, csv, 7, 9);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ImportValueError);
    expect((error as Error).message).toBe(
      'f.csv row 7 (line 9), column "date": "2025-13-01" is not a real calendar date',
    );
  });

  it("base models: an explicit list wins over tags; the relation comes from either", () => {
    const hub = ctx({ id: "id", downloadsAllTime: "all", tags: "tags", baseModels: "base" }, "2025-01-01");
    expect(
      readRow(
        { id: "x/q", all: 1n, tags: ["base_model:quantized:a/b", "license:apache-2.0"], base: null },
        hub,
        1,
      ),
    ).toMatchObject({
      baseModels: ["a/b"],
      baseRelation: "quantized",
      license: "apache-2.0",
      date: "2025-01-01",
    });
    expect(
      readRow(
        {
          id: "x/m",
          all: 1n,
          tags: ["base_model:a/b"],
          base: { relation: "merge", models: [{ id: "c/d" }] },
        },
        hub,
        1,
      ),
    ).toMatchObject({ baseModels: ["c/d"], baseRelation: "merge" });
  });
});

describe("DatePages", () => {
  const row = (date: string, n: number) => ({ date, hubId: `ns/m${n}` }) as ImportedRow;

  it("writes full pages per date and the rest on flush, oldest date first", async () => {
    const writes: [string, string[]][] = [];
    const pages = new DatePages(
      async (date, rows) => {
        writes.push([date, rows.map((r) => r.hubId)]);
      },
      2,
      100,
    );
    for (const [i, date] of [
      "2025-01-02",
      "2025-01-01",
      "2025-01-02",
      "2025-01-01",
      "2025-01-03",
      "2025-01-01",
    ].entries())
      await pages.add(row(date, i));
    await pages.flush();
    expect(writes).toEqual([
      ["2025-01-02", ["ns/m0", "ns/m2"]],
      ["2025-01-01", ["ns/m1", "ns/m3"]],
      ["2025-01-01", ["ns/m5"]],
      ["2025-01-03", ["ns/m4"]],
    ]);
  });

  it("writes every partial page when too many rows are held", async () => {
    const writes: [string, number][] = [];
    const pages = new DatePages(
      async (date, rows) => {
        writes.push([date, rows.length]);
      },
      1000,
      3,
    );
    for (let i = 0; i < 3; i++) await pages.add(row(`2025-01-0${i + 1}`, i));
    expect(writes).toEqual([
      ["2025-01-01", 1],
      ["2025-01-02", 1],
      ["2025-01-03", 1],
    ]);
  });
});

describe("parseImportArgs", () => {
  it("reads FILE and the options", () => {
    expect(parseImportArgs(["f.parquet"])).toEqual({
      file: "f.parquet",
      format: "auto",
      dryRun: false,
      skipInvalid: false,
      estimate: true,
    });
    expect(
      parseImportArgs([
        "--format",
        "hub-stats",
        "f",
        "--as-of=2025-08-01",
        "--dry-run",
        "--skip-invalid",
        "--no-estimate",
      ]),
    ).toEqual({
      file: "f",
      format: "hub-stats",
      asOf: "2025-08-01",
      dryRun: true,
      skipInvalid: true,
      estimate: false,
    });
  });

  it.each([
    [[], "no FILE given"],
    [["a", "b"], "one FILE at a time (got a and b)"],
    [
      ["f", "--format", "xlsx"],
      '--format must be auto or one of open-model-evolution, hub-stats, weekly-snapshots, csv (got "xlsx")',
    ],
    [["f", "--as-of", "2025-02-30"], '--as-of must be a date as YYYY-MM-DD (got "2025-02-30")'],
    [["f", "--as-of"], "--as-of needs a value"],
    [["f", "--bogus"], "unknown option --bogus"],
  ])("%j → %s", (argv, message) => {
    expect(() => parseImportArgs(argv)).toThrow(message);
  });
});

describe("dateFromPath", () => {
  it("dates a weekly file of hfmlsoc/hub_weekly_snapshots inside its labelled week", () => {
    const today = "2026-12-03";
    expect(weekLabelOf("/data/models/2025-06-02/models.parquet")).toBe("2025-06-02");
    // The week's last day, across a month and a year's end.
    expect(weeklySnapshotDate("2025-06-02", { today })).toBe("2025-06-08");
    expect(weeklySnapshotDate("2024-12-30", { today })).toBe("2025-01-05");
    expect(weeklySnapshotDate("2025-06-30", { today })).toBe("2025-07-06");
    // A week still running: never after today.
    expect(weeklySnapshotDate("2026-11-30", { today })).toBe(today);
    // The commit that added the file, within the week, is a later bound; after it, no bound.
    expect(weeklySnapshotDate("2025-06-02", { today, committed: "2025-06-05" })).toBe("2025-06-05");
    expect(weeklySnapshotDate("2025-06-02", { today, committed: "2025-07-20" })).toBe("2025-06-08");
    expect(weeklySnapshotDate("2025-06-02", { today, committed: "2025-05-01" })).toBe("2025-06-08");
    // The newest model's creation is an earlier bound that wins, within the week.
    expect(
      weeklySnapshotDate("2025-06-02", { today, committed: "2025-06-03", newestCreated: "2025-06-06" }),
    ).toBe("2025-06-06");
    expect(weeklySnapshotDate("2025-06-02", { today, newestCreated: "2025-06-20" })).toBe("2025-06-08");
    expect(weeklySnapshotDate("2025-06-02", { today, newestCreated: "2025-06-04" })).toBe("2025-06-08");
    expect(weekLabelOf("/data/models-2025-06-09.parquet")).toBeNull();
  });

  it("finds the snapshot date of hfmlsoc/hub_weekly_snapshots paths", () => {
    expect(dateFromPath("/data/models/2025-06-02/models.parquet")).toBe("2025-06-02");
    expect(dateFromPath("/data/models-2025-06-09.parquet")).toBe("2025-06-09");
    expect(dateFromPath("/data/models.parquet")).toBeNull();
  });
});
