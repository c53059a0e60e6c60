import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import fc from "fast-check";
import { type AsyncBuffer, parquetMetadataAsync, parquetReadObjects, parquetSchema } from "hyparquet";
import { assembleLists } from "hyparquet/src/assemble.js";
import { getTreePath } from "hyparquet/src/schema.js";
import type { DecodedArray } from "hyparquet/src/types.js";
import { compressors } from "hyparquet-compressors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  flatColumnCursor,
  LeafRows,
  nestedColumnCursor,
  readFlatColumn,
  readNestedColumn,
} from "../../lib/import/parquet-columns";
import { weeklyFile } from "../fixtures/backfill/files";

const ROWS = 3_000;

const bufferOf = (bytes: Uint8Array): AsyncBuffer => {
  const copy = bytes.slice().buffer;
  return { byteLength: copy.byteLength, slice: (start, end) => copy.slice(start, end) };
};

/**
 * A listing as DuckDB writes Parquet: dictionaries, zstd, several row groups; v1 data pages with
 * plain values, or (PARQUET_VERSION V2) v2 data pages with delta-encoded integers and strings.
 */
async function duckdbFile(dir: string, version: "V1" | "V2"): Promise<Uint8Array> {
  const file = path.join(dir, `listing-${version}.parquet`);
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  await connection.run(`COPY (
    SELECT
      '65f0' || i AS _id,
      CASE WHEN i % 7 = 0 THEN 'Qwen' ELSE 'user-' || (i % 50) END || '/model-' || i AS id,
      CASE WHEN i % 11 = 0 THEN NULL ELSE (i * 37) % 5000 END::BIGINT AS downloads,
      TIMESTAMP '2023-01-01' + INTERVAL (i * 3607) SECOND AS createdAt,
      CASE WHEN i % 5 = 0 THEN NULL WHEN i % 5 = 1 THEN [] ELSE ['license:mit', 'tag-' || i, NULL] END AS tags,
      CASE WHEN i % 3 = 0 THEN NULL
           ELSE {'relation': CASE WHEN i % 2 = 0 THEN 'finetune' ELSE 'merge' END,
                 'models': [{'id': 'Qwen/base-' || (i % 9)}, {'id': 'meta-llama/base-' || i}]} END AS baseModels,
      i % 13 = 0 AS private
    FROM range(${ROWS}) t(i)
  ) TO '${file}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000, PARQUET_VERSION ${version})`);
  connection.closeSync();
  return new Uint8Array(readFileSync(file));
}

/** Every column of every row group as hyparquet's own reader gives it, by row. */
async function reference(buffer: AsyncBuffer) {
  return parquetReadObjects({ file: buffer, compressors });
}

describe("reading a column page by page", () => {
  let dir: string;
  const files: { name: string; buffer: AsyncBuffer }[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "oms-parquet-columns-"));
    files.push({
      name: "DuckDB (v1 pages, zstd, dictionaries)",
      buffer: bufferOf(await duckdbFile(dir, "V1")),
    });
    files.push({ name: "DuckDB (v2 pages, delta encodings)", buffer: bufferOf(await duckdbFile(dir, "V2")) });
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      id: `${i % 4 === 0 ? "deepseek-ai" : `user-${i % 30}`}/model-${i}`,
      downloads: (i * 13) % 4000,
      likes: i % 17,
      createdAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
      tags: i % 4 === 1 ? [] : [`tag-${i}`, "license:apache-2.0"],
      base: i % 3 === 0 ? null : { relation: "finetune", models: [{ id: `deepseek-ai/base-${i % 5}` }] },
      private: i % 9 === 0,
    }));
    files.push({
      name: "hyparquet-writer (v2 pages, snappy)",
      buffer: bufferOf(weeklyFile(rows, { allTime: false, rowGroupSize: 1_200 })),
    });
    files.push({
      name: "hyparquet-writer (pages of 2 kB)",
      buffer: bufferOf(weeklyFile(rows, { allTime: false, rowGroupSize: 1_200, pageSize: 2048 })),
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives every row of every column as hyparquet does, whole groups, ranges and kept rows", async () => {
    for (const { name, buffer } of files) {
      const metadata = await parquetMetadataAsync(buffer);
      const tree = parquetSchema(metadata);
      const expected = await reference(buffer);
      let groupStart = 0;
      for (const [group, rowGroup] of metadata.row_groups.entries()) {
        const rows = Number(rowGroup.num_rows);
        const only = Array.from({ length: rows }, (_, i) => i).filter((i) => i % 3 !== 1 && i % 7 !== 0);
        for (const child of tree.children) {
          const column = child.element.name;
          const nested = child.children.length > 0 || child.element.repetition_type === "REPEATED";
          const whole = { group, from: 0, to: rows };
          const want = (i: number) => expected[groupStart + i]?.[column];
          const read = async (slice: typeof whole & { only?: number[] }) => {
            if (!nested) return readFlatColumn(buffer, metadata, tree, column, slice);
            const values = await readNestedColumn(buffer, metadata, tree, column, slice);
            return Array.from({ length: values.length }, (_, i) => values.row(i));
          };
          const label = `${name}, ${column}, row group ${group + 1}`;
          expect(await read(whole), label).toEqual(Array.from({ length: rows }, (_, i) => want(i) ?? null));
          expect(await read({ ...whole, only }), `${label}, kept rows`).toEqual(
            only.map((i) => want(i) ?? null),
          );
          if (!nested) {
            const [from, to] = [Math.floor(rows / 3), Math.floor(rows / 3) + 257];
            expect(await read({ group, from, to }), `${label}, a range`).toEqual(
              Array.from({ length: to - from }, (_, i) => want(from + i) ?? null),
            );
          }
        }
        groupStart += rows;
      }
    }
  });

  it("a cursor hands out a column's kept rows in steps, each value once, as one read gives them", async () => {
    for (const { name, buffer } of files) {
      const metadata = await parquetMetadataAsync(buffer);
      const tree = parquetSchema(metadata);
      const rows = Number(metadata.row_groups[0]?.num_rows);
      for (const child of tree.children) {
        const column = child.element.name;
        const nested = child.children.length > 0 || child.element.repetition_type === "REPEATED";
        // A nested column's rows are told apart from the start of its group (lib/import/source.ts).
        const [from, to] = nested ? [0, rows] : [7, rows - 11];
        const only = Array.from({ length: to - from }, (_, i) => i).filter((i) => i % 4 !== 2 && i % 9 !== 0);
        for (const slice of [
          { group: 0, from, to, only },
          { group: 0, from, to },
        ]) {
          const whole = nested
            ? await readNestedColumn(buffer, metadata, tree, column, slice).then((values) =>
                Array.from({ length: values.length }, (_, i) => values.row(i)),
              )
            : await readFlatColumn(buffer, metadata, tree, column, slice);
          const cursor = await (nested ? nestedColumnCursor : flatColumnCursor)(
            buffer,
            metadata,
            tree,
            column,
            slice,
          );
          const steps: unknown[] = [];
          for (const count of [1, 100, 37, 250, Number.POSITIVE_INFINITY]) steps.push(...cursor.take(count));
          expect(steps, `${name}, ${column}${slice.only ? ", kept rows" : ""}`).toEqual(whole);
          expect(cursor.take(10)).toEqual([]);
        }
      }
    }
  });

  it("names the column when a chunk holds fewer values than its rows", async () => {
    const { buffer } = files[0] as (typeof files)[number];
    const metadata = await parquetMetadataAsync(buffer);
    const tree = parquetSchema(metadata);
    const rows = Number(metadata.row_groups[0]?.num_rows);
    await expect(
      readFlatColumn(buffer, metadata, tree, "downloads", { group: 0, from: 0, to: rows + 5 }),
    ).rejects.toThrow(`column "downloads" gave ${rows} values for the ${rows + 5} rows`);
    const cursor = await flatColumnCursor(buffer, metadata, tree, "downloads", {
      group: 0,
      from: 0,
      to: rows + 5,
    });
    expect(cursor.take(rows)).toHaveLength(rows);
    expect(() => cursor.take(5)).toThrow(`column "downloads" gave ${rows} values for the ${rows + 5} rows`);
  });
});

/**
 * Lists whose rows run across pages (Parquet v1 allows it; pyarrow writes it): pages cut at any
 * entry, fed to LeafRows, give the rows hyparquet assembles from all the levels at once.
 */
describe("rows split across pages", () => {
  // tags: optional list of optional strings (max definition 3, max repetition 1)
  const schemaFile = weeklyFile(
    [{ id: "a/b", downloads: 1, likes: 0, createdAt: "2024-01-01T00:00:00Z", tags: ["x"] }],
    { allTime: false },
  );
  let schemaPath: ReturnType<typeof getTreePath>;
  beforeAll(async () => {
    const metadata = await parquetMetadataAsync(bufferOf(schemaFile));
    schemaPath = getTreePath(parquetSchema(metadata), ["tags", "list", "element"]);
  });

  type Tags = (string | null)[] | null;
  const encode = (rows: Tags[]) => {
    const def: number[] = [];
    const rep: number[] = [];
    const values: string[] = [];
    for (const row of rows) {
      if (row === null) {
        def.push(0);
        rep.push(0);
      } else if (row.length === 0) {
        def.push(1);
        rep.push(0);
      } else
        for (const [k, tag] of row.entries()) {
          rep.push(k === 0 ? 0 : 1);
          def.push(tag === null ? 2 : 3);
          if (tag !== null) values.push(tag);
        }
    }
    return { def, rep, values };
  };

  it("carries a row into the next page and keeps only the rows asked for, on v1 and v2 pages", () => {
    // Mostly whole lists of present tags, so that many pages hold no null at all.
    const tag = fc.oneof(
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 4 }) },
    );
    const tags = fc.oneof(
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 6, arbitrary: fc.array(tag, { maxLength: 8 }) },
    );
    fc.assert(
      fc.property(
        fc.array(tags, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.boolean(),
        (rows, cutSeeds, keepMask, v1) => {
          const { def, rep, values } = encode(rows);
          const expected: unknown[] = [];
          assembleLists(expected, def, rep, values as DecodedArray, schemaPath);
          const cuts = [...new Set(cutSeeds.map((s) => s % def.length))]
            .filter((c) => c > 0)
            .sort((a, b) => a - b);
          const only = rows.map((_, i) => i).filter((i) => keepMask[i]);
          for (const subset of [null, only]) {
            const leaf = new LeafRows({
              from: 0,
              to: rows.length,
              only: subset,
              nested: true,
              schemaPath,
              convert: (raw) => raw,
            });
            let valueAt = 0;
            for (const [k, start] of [0, ...cuts].entries()) {
              const end = cuts[k] ?? def.length;
              const levels = def.slice(start, end);
              const count = levels.filter((d) => d === 3).length;
              // hyparquet's v1 page reader drops the definition levels of a page without nulls.
              const noNulls = count === levels.length;
              leaf.page(
                v1 && noNulls ? [] : levels,
                rep.slice(start, end),
                values.slice(valueAt, valueAt + count),
                "PLAIN",
              );
              valueAt += count;
            }
            const got = leaf.finish();
            const want = subset ? subset.map((i) => expected[i]) : expected;
            expect(got).toEqual(want);
            expect(leaf.filled).toBe(want.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
