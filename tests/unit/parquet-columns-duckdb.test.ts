import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { type AsyncBuffer, parquetMetadataAsync, parquetSchema } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  flatColumnCursor,
  nestedColumnCursor,
  readFlatColumn,
  readNestedColumn,
} from "../../lib/import/parquet-columns";
import { openParquet } from "../../lib/import/source";
import { type WeeklyRow, weeklyFile } from "../fixtures/backfill/files";
import { BASE_MODELS, LIST_OF_STRINGS, STRING } from "../fixtures/parquet-schema";
import { v1PagesFile } from "../fixtures/parquet-v1-pages";

/**
 * The page-by-page readers against an independent reader, DuckDB, on files whose list rows run
 * across pages (v1 pages cut anywhere, with and without nulls), files of small v2 pages, and
 * DuckDB's own files, each of several row groups.
 */

const ROWS = 1_500;

type Listing = {
  id: string;
  downloads: bigint | null;
  tags: string[] | null;
  baseModels: unknown;
  private: boolean;
};

/** Tags of 7 strings a model, no null anywhere: every page of the column is one without nulls. */
const wholeTags = (i: number) => [
  `tag-${i}`,
  "transformers",
  "safetensors",
  "text-generation",
  "en",
  "license:mit",
  `region:${i % 3}`,
];

function listing(nulls: boolean): Listing[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    id: `${i % 5 === 0 ? "Qwen" : `user-${i % 40}`}/model-${i}`,
    downloads: nulls && i % 11 === 0 ? null : BigInt((i * 37) % 5000),
    tags: !nulls ? wholeTags(i) : i % 9 === 0 ? null : i % 9 === 1 ? [] : wholeTags(i).slice(0, 1 + (i % 7)),
    baseModels:
      i % 3 === 0
        ? {
            relation: i % 2 ? "merge" : "finetune",
            models: [{ id: `Qwen/base-${i % 4}` }, { id: `x/y-${i}` }],
          }
        : nulls && i % 3 === 1
          ? null
          : { relation: "quantized", models: [{ id: `Qwen/base-${i % 4}` }] },
    private: i % 13 === 0,
  }));
}

const V1_SCHEMA = [
  STRING("id"),
  { name: "downloads", type: "INT64", repetition_type: "OPTIONAL" } as const,
  ...LIST_OF_STRINGS("tags"),
  ...BASE_MODELS,
  { name: "private", type: "BOOLEAN", repetition_type: "OPTIONAL" } as const,
];

function v1File(rows: Listing[], entriesPerPage: number, rowGroupSize = 600): Uint8Array {
  const column = <K extends keyof Listing>(name: K) => ({ name, rows: rows.map((r) => r[name]) });
  return v1PagesFile({
    schema: V1_SCHEMA,
    columns: [column("id"), column("downloads"), column("tags"), column("baseModels"), column("private")],
    rowGroupSize,
    entriesPerPage,
  });
}

function hyparquetWriterFile(rows: Listing[]): Uint8Array {
  const weekly: WeeklyRow[] = rows.map((r) => ({
    id: r.id,
    downloads: Number(r.downloads ?? 0n),
    likes: 1,
    createdAt: "2024-05-01T00:00:00Z",
    ...(r.tags ? { tags: r.tags } : {}),
    base: r.baseModels as WeeklyRow["base"],
    private: r.private,
  }));
  return weeklyFile(weekly, { allTime: true, rowGroupSize: 600, pageSize: 300, card: (id) => id });
}

async function duckdbFile(file: string, nulls: boolean, version: "V1" | "V2"): Promise<void> {
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  await connection.run(`COPY (
    SELECT
      CASE WHEN i % 5 = 0 THEN 'Qwen' ELSE 'user-' || (i % 40) END || '/model-' || i AS id,
      ${nulls ? "CASE WHEN i % 11 = 0 THEN NULL ELSE (i * 37) % 5000 END" : "(i * 37) % 5000"}::BIGINT AS downloads,
      ${nulls ? "CASE WHEN i % 9 = 0 THEN NULL WHEN i % 9 = 1 THEN [] ELSE ['tag-' || i, NULL, 'en'] END" : "['tag-' || i, 'transformers', 'safetensors', 'text-generation', 'en', 'license:mit', 'region:' || (i % 3)]"} AS tags,
      {'relation': 'finetune', 'models': [{'id': 'Qwen/base-' || (i % 4)}]} AS baseModels,
      i % 13 = 0 AS private
    FROM range(${ROWS * 2}) t(i)
  ) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 2048, PARQUET_VERSION ${version})`);
  connection.closeSync();
}

const bufferOf = (bytes: Uint8Array): AsyncBuffer => {
  const copy = bytes.slice().buffer;
  return { byteLength: copy.byteLength, slice: (start, end) => copy.slice(start, end) };
};

/** Values as DuckDB's JSON rows give them: integers as text. */
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value ?? null, (_k, v) => (typeof v === "bigint" ? String(v) : v)));

const COLUMNS = ["id", "downloads", "tags", "baseModels", "private"] as const;

describe("page-by-page readers against DuckDB", () => {
  let dir: string;
  let duck: Awaited<ReturnType<Awaited<ReturnType<typeof DuckDBInstance.create>>["connect"]>>;
  const files: { name: string; file: string }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "oms-parquet-duckdb-"));
    const write = (name: string, bytes: Uint8Array) => {
      const file = path.join(dir, `${files.length}.parquet`);
      writeFileSync(file, bytes);
      files.push({ name, file });
    };
    // 7 tags a row and pages of 10 or 23 entries: nearly every row runs across a page break.
    write("v1 pages cut inside rows, no nulls", v1File(listing(false), 10));
    write("v1 pages cut inside rows, with nulls", v1File(listing(true), 23));
    write("v1 pages of one entry", v1File(listing(true).slice(0, 200), 1, 80));
    write("hyparquet-writer, v2 pages of 300 bytes, no nulls", hyparquetWriterFile(listing(false)));
    write("hyparquet-writer, v2 pages of 300 bytes, with nulls", hyparquetWriterFile(listing(true)));
    for (const version of ["V1", "V2"] as const)
      for (const nulls of [false, true]) {
        const file = path.join(dir, `duckdb-${version}-${nulls}.parquet`);
        await duckdbFile(file, nulls, version);
        files.push({ name: `DuckDB, ${version} pages, ${nulls ? "with" : "no"} nulls`, file });
      }
    duck = await (await DuckDBInstance.create(":memory:")).connect();
  });
  afterAll(() => {
    duck?.closeSync();
    rmSync(dir, { recursive: true, force: true });
  });

  const duckRows = async (file: string) =>
    (
      await duck.runAndReadAll(
        `SELECT ${COLUMNS.map((c) => `"${c}"`).join(", ")} FROM read_parquet('${file}')`,
      )
    ).getRowObjectsJson() as Record<string, unknown>[];

  it("reads every column of every row group whole, for kept rows, and by cursor, as DuckDB does", async () => {
    for (const { name, file } of files) {
      const buffer = bufferOf(new Uint8Array(readFileSync(file)));
      const metadata = await parquetMetadataAsync(buffer);
      const tree = parquetSchema(metadata);
      expect(metadata.row_groups.length, name).toBeGreaterThan(1);
      const expected = await duckRows(file);
      let groupStart = 0;
      for (const [group, rowGroup] of metadata.row_groups.entries()) {
        const rows = Number(rowGroup.num_rows);
        const only = Array.from({ length: rows }, (_, i) => i).filter((i) => i % 4 !== 1);
        for (const column of COLUMNS) {
          const nested = column === "tags" || column === "baseModels";
          const want = (i: number) => expected[groupStart + i]?.[column] ?? null;
          const label = `${name}, ${column}, row group ${group + 1}`;
          const whole = { group, from: 0, to: rows };
          const read = async (slice: typeof whole & { only?: number[] }) => {
            if (!nested) return readFlatColumn(buffer, metadata, tree, column, slice);
            const values = await readNestedColumn(buffer, metadata, tree, column, slice);
            return Array.from({ length: values.length }, (_, i) => values.row(i));
          };
          expect(plain(await read(whole)), label).toEqual(Array.from({ length: rows }, (_, i) => want(i)));
          expect(plain(await read({ ...whole, only })), `${label}, kept rows`).toEqual(only.map(want));
          const cursor = await (nested ? nestedColumnCursor : flatColumnCursor)(
            buffer,
            metadata,
            tree,
            column,
            {
              ...whole,
              only,
            },
          );
          const stepped: unknown[] = [];
          for (const count of [1, 3, 50, 7, Number.POSITIVE_INFINITY]) stepped.push(...cursor.take(count));
          expect(plain(stepped), `${label}, by cursor`).toEqual(only.map(want));
        }
        groupStart += rows;
      }
    }
  });

  it("hands the kept rows of a filtered listing on whole, batch after batch", async () => {
    for (const { name, file } of files) {
      const bytes = new Uint8Array(readFileSync(file));
      const source = await openParquet(name, bufferOf(bytes), Number.POSITIVE_INFINITY, async () => {});
      const expected = await duckRows(file);
      const keep = (row: Record<string, unknown>) => !String(row.id).startsWith("user-1");
      const got: Record<string, unknown>[] = [];
      for await (const batch of source.batches([...COLUMNS], {
        filter: { columns: ["id"], keep: (row) => keep(row) },
      }))
        got.push(...batch.rows);
      expect(plain(got), name).toEqual(expected.filter(keep));
    }
  });
});
