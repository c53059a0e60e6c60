import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parquetMetadata, parquetSchema } from "hyparquet";
import { describe, expect, it } from "vitest";
import {
  assembleLists,
  assembleNested,
  type ColumnDecoder,
  convert,
  convertWithDictionary,
  DEFAULT_PARSERS,
  type DecodedArray,
  decompressPage,
  getMaxDefinitionLevel,
  getTreePath,
  HYPARQUET_VERIFIED,
  parquetHeader,
  readDataPage,
  readDataPageV2,
  readPage,
} from "../../lib/import/hyparquet-internals";
import { weeklyFile } from "../fixtures/backfill/files";
import { LIST_OF_STRINGS } from "../fixtures/parquet-schema";
import { v1PagesFile } from "../fixtures/parquet-v1-pages";

/**
 * The page-by-page readers use hyparquet below its public API (lib/import/hyparquet-internals.ts).
 * This pins what they rely on, so that an upgrade changing any of it fails here, by name, rather
 * than as rows read wrong: the version, the functions' arities, and their behaviour on pages
 * whose contents are known.
 */
describe("hyparquet's internals the readers rely on", () => {
  it("is the release the readers were verified with, pinned exactly in package.json", () => {
    const entry = createRequire(import.meta.url).resolve("hyparquet");
    const manifest = JSON.parse(readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8"));
    expect(manifest.name).toBe("hyparquet");
    expect(manifest.version, "lib/import/hyparquet-internals.ts was verified with another hyparquet").toBe(
      HYPARQUET_VERIFIED,
    );
    const own = JSON.parse(readFileSync("package.json", "utf8"));
    expect(own.dependencies.hyparquet).toBe(HYPARQUET_VERIFIED);
  });

  it("keeps the functions' signatures", () => {
    const arities: [string, { length: number }, number][] = [
      ["assembleLists(output, def, rep, values, schemaPath)", assembleLists, 5],
      ["assembleNested(subcolumns, schema, parsers, depth = 0)", assembleNested, 3],
      ["parquetHeader(reader)", parquetHeader, 1],
      ["readPage(reader, header, decoder, dictionary, previous, pageStart)", readPage, 6],
      ["convert(data, decoder)", convert, 2],
      ["convertWithDictionary(data, dictionary, encoding, decoder)", convertWithDictionary, 4],
      ["decompressPage(bytes, size, codec, compressors)", decompressPage, 4],
      ["readDataPage(bytes, header, decoder)", readDataPage, 3],
      ["readDataPageV2(bytes, header, decoder)", readDataPageV2, 3],
      ["getMaxDefinitionLevel(schemaPath)", getMaxDefinitionLevel, 1],
      ["getTreePath(tree, path)", getTreePath, 2],
    ];
    for (const [name, fn, arity] of arities) expect(fn.length, name).toBe(arity);
    expect(typeof DEFAULT_PARSERS.stringFromBytes).toBe("function");
  });

  /** Every page of a file's `column` leaf, as the readers walk them. */
  function pages(bytes: Uint8Array, leaf: string[]) {
    const buffer = bytes.slice().buffer;
    const metadata = parquetMetadata(buffer);
    const tree = parquetSchema(metadata);
    const chunk = metadata.row_groups[0]?.columns.find(
      (c) => c.meta_data?.path_in_schema.join(".") === leaf.join("."),
    )?.meta_data;
    if (!chunk) throw new Error(`no ${leaf.join(".")}`);
    const start = Number(chunk.dictionary_page_offset || chunk.data_page_offset);
    const reader = { view: new DataView(buffer, start, Number(chunk.total_compressed_size)), offset: 0 };
    const schemaPath = getTreePath(tree, leaf);
    const element = schemaPath.at(-1)?.element;
    if (!element) throw new Error("no element");
    const decoder: ColumnDecoder = {
      pathInSchema: leaf,
      type: chunk.type,
      element,
      schemaPath,
      codec: chunk.codec,
      parsers: DEFAULT_PARSERS,
      utf8: true,
    };
    const out: { header: ReturnType<typeof parquetHeader>; dataAt: number; bytes: Uint8Array }[] = [];
    while (reader.offset < reader.view.byteLength - 1) {
      const header = parquetHeader(reader);
      const dataAt = reader.offset;
      out.push({
        header,
        dataAt,
        bytes: new Uint8Array(buffer, start + dataAt, header.compressed_page_size),
      });
      reader.offset += header.compressed_page_size;
    }
    return { pages: out, decoder, reader, schemaPath, tree };
  }

  it("reads a v1 page's levels, dropping the definition levels of a page without nulls", () => {
    // Rows of 3 tags, pages of 4 entries: the second row starts inside the first page.
    const rows = [
      ["a", "b", "c"],
      ["d", "e", "f"],
      ["g", null, "h"],
      ["i", "j", "k"],
    ];
    const bytes = v1PagesFile({
      schema: LIST_OF_STRINGS("tags"),
      columns: [{ name: "tags", rows }],
      rowGroupSize: 4,
      entriesPerPage: 4,
    });
    const { pages: found, decoder, schemaPath } = pages(bytes, ["tags", "list", "element"]);
    expect(getMaxDefinitionLevel(schemaPath)).toBe(3);
    expect(found.map((p) => p.header.type)).toEqual(["DATA_PAGE", "DATA_PAGE", "DATA_PAGE"]);
    const decoded = found.map(({ header, bytes: page }) => {
      const raw = decompressPage(page, Number(header.uncompressed_page_size), "UNCOMPRESSED", undefined);
      if (!header.data_page_header) throw new Error("no v1 header");
      return readDataPage(raw, header.data_page_header, decoder);
    });
    // Page 1: a,b,c,d (no null: no definition levels); page 2: e,f,g,null (levels kept).
    expect(decoded[0]?.definitionLevels).toEqual([]);
    expect(decoded[0]?.repetitionLevels).toEqual([0, 1, 1, 0]);
    expect(convert(decoded[0]?.dataPage as DecodedArray, decoder)).toEqual(["a", "b", "c", "d"]);
    expect(decoded[1]?.definitionLevels).toEqual([3, 3, 3, 2]);
    expect(decoded[1]?.repetitionLevels).toEqual([1, 1, 0, 1]);
    expect(convert(decoded[1]?.dataPage as DecodedArray, decoder)).toEqual(["e", "f", "g"]);
    // A row's levels assemble into its list, under one list for the optional column.
    const one: unknown[] = [];
    assembleLists(one, [3, 3, 2], [0, 1, 1], ["g", "x"] as DecodedArray, schemaPath);
    expect(one).toEqual([[["g", "x", null]]]);
  });

  it("reads v2 pages with every definition level, and a dictionary through readPage", () => {
    const row = (i: number) => ({
      id: `ns/m-${i}`,
      downloads: i,
      likes: 0,
      createdAt: "2024-01-01T00:00:00Z",
      tags: ["same", "same"],
      base: { relation: "finetune", models: [{ id: "ns/base" }] },
    });
    const bytes = weeklyFile(
      Array.from({ length: 50 }, (_, i) => row(i)),
      { allTime: false },
    );
    const { pages: found, decoder, reader, schemaPath } = pages(bytes, ["tags", "list", "element"]);
    expect(found.map((p) => p.header.type)).toEqual(["DICTIONARY_PAGE", "DATA_PAGE_V2"]);
    const [dictionaryPage, dataPage] = found;
    if (!dictionaryPage || !dataPage) throw new Error("pages");
    reader.offset = dictionaryPage.dataAt;
    const dictionary = readPage(reader, dictionaryPage.header, decoder, undefined, undefined, 0).data;
    expect(reader.offset).toBe(dictionaryPage.dataAt + dictionaryPage.header.compressed_page_size);
    expect(convert(dictionary as DecodedArray, decoder)).toEqual(["same"]);
    expect(dataPage.header.data_page_header_v2?.num_rows).toBe(50);
    const v2 = readDataPageV2(dataPage.bytes, dataPage.header, { ...decoder, compressors: undefined });
    expect(v2.definitionLevels).toHaveLength(100);
    expect(v2.definitionLevels?.every((d) => d === 3)).toBe(true);
    expect(v2.repetitionLevels.slice(0, 4)).toEqual([0, 1, 0, 1]);
    const values = convertWithDictionary(
      v2.dataPage,
      convert(dictionary as DecodedArray, decoder),
      "RLE_DICTIONARY",
      decoder,
    );
    expect(Array.from(values as ArrayLike<unknown>).slice(0, 3)).toEqual(["same", "same", "same"]);
    const out: unknown[] = [];
    assembleLists(out, v2.definitionLevels?.slice(0, 4), v2.repetitionLevels.slice(0, 4), values, schemaPath);
    expect(out).toEqual([[["same", "same"]], [["same", "same"]]]);
  });

  it("assembles a struct from its leaves' rows as readPage gives them, in place", () => {
    const bytes = weeklyFile(
      [null, { relation: "merge", models: [{ id: "x/y" }, { id: "z/w" }] }].map((base, i) => ({
        id: `a/b${i}`,
        downloads: 1,
        likes: 0,
        createdAt: "2024-01-01T00:00:00Z",
        base,
      })),
      { allTime: false },
    );
    const leaves = new Map<string, DecodedArray>();
    let tree: ReturnType<typeof parquetSchema> | undefined;
    for (const leaf of [
      ["baseModels", "relation"],
      ["baseModels", "models", "list", "element", "id"],
    ]) {
      const found = pages(bytes, leaf);
      tree = found.tree;
      let dictionary: DecodedArray | undefined;
      for (const page of found.pages) {
        found.reader.offset = page.dataAt;
        const { data } = readPage(found.reader, page.header, found.decoder, dictionary, undefined, 0);
        if (page.header.type === "DICTIONARY_PAGE") dictionary = convert(data as DecodedArray, found.decoder);
        else leaves.set(leaf.join("."), data as DecodedArray);
      }
    }
    const schema = tree && getTreePath(tree, ["baseModels"]).at(-1);
    if (!schema) throw new Error("no baseModels");
    assembleNested(leaves, schema, DEFAULT_PARSERS);
    expect(leaves.get("baseModels")).toEqual([
      undefined,
      { relation: "merge", models: [{ id: "x/y" }, { id: "z/w" }] },
    ]);
    expect(leaves.has("baseModels.relation")).toBe(false);
  });
});
