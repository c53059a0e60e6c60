/**
 * The parts of hyparquet below its public API that the page-by-page readers use
 * (lib/import/parquet-columns.ts): its public reader decodes a column chunk whole, and a
 * backfill needs one page at a time. Verified with hyparquet HYPARQUET_VERIFIED only:
 * tests/unit/hyparquet-internals.test.ts pins the version, these functions' signatures and the
 * behaviour the readers rely on, so an upgrade that changes any of them fails there first.
 */
export { assembleLists, assembleNested } from "hyparquet/src/assemble.js";
export { parquetHeader, readPage } from "hyparquet/src/column.js";
export { convert, convertWithDictionary, DEFAULT_PARSERS } from "hyparquet/src/convert.js";
export { decompressPage, readDataPage, readDataPageV2 } from "hyparquet/src/datapage.js";
export { getMaxDefinitionLevel, getTreePath } from "hyparquet/src/schema.js";
export type { ColumnDecoder, DecodedArray, Encoding, PageHeader, SchemaTree } from "hyparquet/src/types.js";

/** The hyparquet release these internals were read and tested against (package.json pins it). */
export const HYPARQUET_VERIFIED = "1.31.5";
