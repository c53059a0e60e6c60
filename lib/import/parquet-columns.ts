import type { AsyncBuffer, FileMetaData, ParquetParsers } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import {
  assembleLists,
  assembleNested,
  type ColumnDecoder,
  convert,
  convertWithDictionary,
  DEFAULT_PARSERS,
  type DecodedArray,
  decompressPage,
  type Encoding,
  getMaxDefinitionLevel,
  getTreePath,
  type PageHeader,
  parquetHeader,
  readDataPage,
  readDataPageV2,
  readPage,
  type SchemaTree,
} from "./hyparquet-internals";

/**
 * One column of one row group, read page by page. hyparquet's own reader holds every decoded page
 * of a column until it returns, and assembles a struct by building an array per level and an
 * object per row: a million rows of a weekly listing took ≈ 100 MB per plain column and ≈ 600 MB
 * for `baseModels` at once, though a backfill keeps one row in eight. Here each page's values are
 * copied for the rows wanted and the page is dropped; a nested column's (struct, list, map)
 * leaves are decoded one by one, cut down to the rows wanted, and a row's value is assembled (by
 * hyparquet's assembleNested) only when asked for.
 */
export type ColumnSlice = {
  group: number;
  /** Rows [from, to) of the group */
  from: number;
  to: number;
  /** Only these rows (ascending, counted from `from`): the rows a filter kept */
  only?: RowNumbers | null;
  parsers?: Partial<ParquetParsers>;
  /** Column chunks' bytes by path, kept for a second read of the same group */
  chunks?: Map<string, ArrayBuffer>;
};

/** Ascending row numbers: a plain array, or a typed one (4 bytes a row for a million kept rows). */
export type RowNumbers = ArrayLike<number>;

/** A nested column's rows, each assembled when asked for. */
export type NestedColumn = { length: number; row(index: number): unknown };

/** A plain (not nested) column's values for the slice's rows. */
export async function readFlatColumn(
  file: AsyncBuffer,
  metadata: FileMetaData,
  tree: SchemaTree,
  column: string,
  slice: ColumnSlice,
): Promise<unknown[]> {
  return (await openLeaf(file, tree, flatChunk(metadata, column, slice), slice, false)).finish();
}

/**
 * A column's values for the slice's rows, `take(n)` at a time: pages are decoded as the values are
 * asked for, each once, and values handed out are let go. A reader that writes what it has read
 * can then start writing before the last page of a large row group is decoded.
 */
export type ColumnCursor = { take(count: number): unknown[] };

export async function flatColumnCursor(
  file: AsyncBuffer,
  metadata: FileMetaData,
  tree: SchemaTree,
  column: string,
  slice: ColumnSlice,
): Promise<ColumnCursor> {
  const leaf = await openLeaf(file, tree, flatChunk(metadata, column, slice), slice, false);
  return steps(leaf.rows.wanted, (from, end) => leaf.take(from, end));
}

/** A cursor over `length` rows whose values [from, end) `range` gives, each range once, in order. */
function steps(length: number, range: (from: number, end: number) => unknown[]): ColumnCursor {
  let taken = 0;
  return {
    take(count) {
      const end = Math.min(length, taken + count);
      const out = range(taken, end);
      taken = end;
      return out;
    },
  };
}

function flatChunk(metadata: FileMetaData, column: string, slice: ColumnSlice): ChunkMeta {
  const [chunk] = columnChunks(metadata, column, slice.group);
  if (!chunk) throw new Error(`no column "${column}" in row group ${slice.group + 1}`);
  return chunk;
}

/** A nested column (struct, list, map) for the slice's rows. */
export async function readNestedColumn(
  file: AsyncBuffer,
  metadata: FileMetaData,
  tree: SchemaTree,
  column: string,
  slice: ColumnSlice,
): Promise<NestedColumn> {
  const { leaves, assemble } = await openNested(file, metadata, tree, column, slice);
  const values = new Map([...leaves].map(([path, leaf]) => [path, leaf.finish()]));
  return {
    length: slice.only ? slice.only.length : slice.to - slice.from,
    row(index) {
      // assembleNested flattens the lists it is given in place: a copy keeps a second call right.
      const one = new Map<string, DecodedArray>();
      for (const [path, v] of values) one.set(path, [structuredClone(v[index])]);
      return assemble(one)[0] ?? null;
    },
  };
}

/**
 * A nested column's rows for the slice, `take(n)` at a time, as `flatColumnCursor` hands out a
 * plain column's: pages are decoded as rows are asked for, values handed out are let go, and each
 * step is assembled in one call (row by row, a weekly listing's baseModels took half a second
 * before its first row could be written).
 */
export async function nestedColumnCursor(
  file: AsyncBuffer,
  metadata: FileMetaData,
  tree: SchemaTree,
  column: string,
  slice: ColumnSlice,
): Promise<ColumnCursor> {
  const { leaves, assemble } = await openNested(file, metadata, tree, column, slice);
  const length = slice.only ? slice.only.length : slice.to - slice.from;
  return steps(length, (from, end) => {
    if (end === from) return [];
    const step = new Map<string, DecodedArray>();
    for (const [path, leaf] of leaves) step.set(path, leaf.take(from, end) as DecodedArray);
    return assemble(step).map((value) => value ?? null);
  });
}

/** A nested column's leaves, and how rows of their values become the column's values. */
async function openNested(
  file: AsyncBuffer,
  metadata: FileMetaData,
  tree: SchemaTree,
  column: string,
  slice: ColumnSlice,
) {
  const schema = getTreePath(tree, [column]).at(-1);
  if (!schema) throw new Error(`no column "${column}"`);
  const parsers = { ...DEFAULT_PARSERS, ...slice.parsers };
  const leaves = new Map<string, Awaited<ReturnType<typeof openLeaf>>>();
  for (const chunk of columnChunks(metadata, column, slice.group))
    leaves.set(chunk.path_in_schema.join("."), await openLeaf(file, tree, chunk, slice, true));
  return {
    leaves,
    /** The column's values of rows of leaf values (taken over: assembleNested rewrites them in place). */
    assemble(rows: Map<string, DecodedArray>): unknown[] {
      assembleNested(rows, schema, parsers);
      return (rows.get(column) ?? []) as unknown[];
    },
  };
}

/**
 * One leaf's values for the slice's rows, a page at a time, as many pages as `fill` asks for. A
 * page is decoded to its levels and raw values; only the wanted rows' values are converted
 * (strings, dates…) and assembled, so a page of a million rows leaves no million objects behind.
 * Pages wholly before the slice are skipped undecoded (flat columns).
 */
async function openLeaf(
  file: AsyncBuffer,
  tree: SchemaTree,
  chunk: ChunkMeta,
  slice: ColumnSlice,
  nested: boolean,
) {
  const { reader, decoder } = await openChunk(file, tree, chunk, slice);
  let dictionary: DecodedArray | undefined;
  const rows = new LeafRows({
    ...slice,
    nested,
    schemaPath: decoder.schemaPath,
    convert: (raw, encoding) => convertWithDictionary(raw, dictionary, encoding, decoder),
  });
  // A short column would otherwise read as missing values, row after row.
  const tooShort = (): never => {
    throw new Error(
      `column "${chunk.path_in_schema.join(".")}" gave ${rows.filled} values for the ${rows.wanted} rows wanted of a row group`,
    );
  };
  return {
    rows,
    tooShort,
    /** Decodes pages until `count` values are filled (or the slice is read). */
    fill(count: number): void {
      while (rows.filled < count) {
        if (rows.busy) {
          rows.advance(count);
          continue;
        }
        if (!rows.needsMore() || reader.offset >= reader.view.byteLength - 1) return;
        const header = parquetHeader(reader);
        if (header.type === "DICTIONARY_PAGE") {
          const { data } = readPage(reader, header, decoder, undefined, undefined, 0);
          if (data) dictionary = convert(data, decoder);
          continue;
        }
        const pageRows = header.data_page_header_v2?.num_rows ?? header.data_page_header?.num_values ?? 0;
        if (!nested && rows.skips(pageRows)) {
          reader.offset += header.compressed_page_size;
          continue;
        }
        const { def, rep, raw, encoding } = decodePage(reader, header, decoder);
        rows.page(def, rep, raw, encoding);
      }
    },
    /** Values [from, end) of the slice's rows, their pages decoded as needed; let go once handed out. */
    take(from: number, end: number): unknown[] {
      this.fill(end);
      if (end === rows.wanted) {
        this.fill(Number.POSITIVE_INFINITY);
        rows.end();
      }
      if (rows.filled < end) tooShort();
      return rows.shift(from, end);
    },
    /** The slice's values, once every page it needs is read. */
    finish(): unknown[] {
      this.fill(Number.POSITIVE_INFINITY);
      const values = rows.finish();
      if (rows.filled !== rows.wanted) tooShort();
      return values;
    },
  };
}

/** A row whose levels may run on into the next page (a list split across pages). */
type Carry = { wanted: boolean; def: number[]; rep: number[]; values: unknown[] };

/** A page being read: its levels and raw values, the row of its first entry, and how far it is read. */
type Pending = {
  def: number[];
  rep: number[];
  raw: DecodedArray;
  encoding: Encoding;
  entries: number;
  first: number;
  at: number;
  valueAt: number;
};

/** Entries [start, end) of a page's levels and [valueStart, valueEnd) of its values: one row's. */
type Segment = { start: number; end: number; valueStart: number; valueEnd: number; wanted: boolean };

/**
 * The rows of one leaf column, fed page by page (levels and raw values, as decoded). Rows are
 * told apart by repetition level 0; a repeated leaf's last row may continue on the next page
 * (Parquet allows it in v1 pages), so it is carried until the next row starts. Only wanted rows'
 * values go through `convert`, and each is assembled as hyparquet's own reader would. Values wait
 * in a queue until taken: a leaf holds the pages decoded ahead of its reader, never an array
 * the length of the slice (a million kept rows took 8 MB a column before the first was read).
 */
export class LeafRows {
  /** The values decoded and not yet taken: queue[head] is value number `taken`. */
  private queue: unknown[] = [];
  private head = 0;
  private taken = 0;
  /** Values decoded so far, and how many the slice wants */
  filled = 0;
  readonly wanted: number;
  private rowCount = 0;
  private cursor = 0;
  private carry: Carry | null = null;
  private pending: Pending | null = null;
  private readonly maxDef: number;

  constructor(
    private readonly o: {
      from: number;
      to: number;
      only?: RowNumbers | null;
      nested: boolean;
      schemaPath: SchemaTree[];
      convert: (raw: DecodedArray, encoding: Encoding) => ArrayLike<unknown>;
    },
  ) {
    this.wanted = o.only ? o.only.length : o.to - o.from;
    this.maxDef = getMaxDefinitionLevel(o.schemaPath);
  }

  /** Whether pages beyond those given are needed (one is still being read, or rows remain). */
  needsMore(): boolean {
    return this.rowCount < this.o.to || this.carry !== null;
  }

  /** A page is given and not yet read to its end: `advance` goes on with it. */
  get busy(): boolean {
    return this.pending !== null;
  }

  /** Counts a flat page's rows without decoding it when none of them is wanted. */
  skips(pageRows: number): boolean {
    if (this.rowCount + pageRows > this.o.from) return false;
    this.rowCount += pageRows;
    return true;
  }

  /**
   * A decoded page, read by `advance` as far as values are asked for: its raw values wait
   * unconverted, so that a page of a million rows (a flag's, a dictionary's) never stands as a
   * million values in the queue.
   */
  page(def: number[], rep: number[], raw: DecodedArray, encoding: Encoding): void {
    // The page before is read to its end first (a caller that gives pages without reading).
    this.advance(Number.POSITIVE_INFINITY);
    const entries = def.length || rep.length || raw.length;
    const first = this.rowCount;
    // A flat page's rows are counted whole (one entry a row); a nested one's as they are read.
    if (!this.o.nested) this.rowCount += entries;
    this.pending = { def, rep, raw, encoding, entries, first, at: 0, valueAt: 0 };
  }

  /** Reads on in the page given until `target` values are filled or the page ends. */
  advance(target: number): void {
    const page = this.pending;
    if (!page) return;
    if (this.o.nested) this.nestedRows(page, target - this.filled);
    else this.flatRows(page, target - this.filled);
  }

  /** Every page is in: the carried row is whole. */
  end(): void {
    this.advance(Number.POSITIVE_INFINITY);
    if (this.carry) this.emit(this.carry);
    this.carry = null;
  }

  /** Every value not yet taken, once every page is in. */
  finish(): unknown[] {
    this.end();
    return this.shift(this.taken, this.filled);
  }

  /** Values [from, end) (counted among the slice's values), let go: each range once, in order. */
  shift(from: number, end: number): unknown[] {
    if (from !== this.taken) throw new Error(`values ${from}… taken out of order (next is ${this.taken})`);
    const count = Math.max(0, Math.min(end, this.filled) - from);
    const out = this.queue.slice(this.head, this.head + count);
    this.head += count;
    this.taken += count;
    // The queue's front is dropped once it is most of it, so that taking stays O(values).
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return out;
  }

  private push(value: unknown): void {
    this.queue.push(value);
    this.filled++;
  }

  private hasValue(page: Pending, i: number): boolean {
    return page.def.length === 0 || page.def[i] === this.maxDef;
  }

  /**
   * At most `need` of a nested page's wanted rows, from where the last call stopped: objects
   * only for the wanted ones, a continuation of the carried row (a first entry repeating), and
   * the page's last row (it may continue on the next page).
   */
  private nestedRows(page: Pending, need: number): void {
    const { def, rep, raw, encoding, entries, maxDef } = { ...page, maxDef: this.maxDef };
    let continuation: Segment | null = null;
    const rows: Segment[] = [];
    let newRows = 0;
    let wantedRows = 0;
    let i = page.at;
    let valueIndex = page.valueAt;
    while (i < entries && wantedRows < need) {
      const start = i;
      const valueStart = valueIndex;
      do {
        if (this.hasValue(page, i)) valueIndex++;
        i++;
      } while (i < entries && rep.length > 0 && (rep[i] as number) > 0);
      if (start === 0 && this.carry && rep.length > 0 && (rep[0] as number) > 0) {
        continuation = { start, end: i, valueStart, valueEnd: valueIndex, wanted: this.carry.wanted };
        continue;
      }
      newRows++;
      const wanted = this.decide(this.rowCount++);
      if (wanted) wantedRows++;
      if (wanted || (i === entries && rep.length > 0))
        rows.push({ start, end: i, valueStart, valueEnd: valueIndex, wanted });
    }
    page.at = i;
    page.valueAt = valueIndex;
    if (i >= entries) this.pending = null;
    const converted = this.convertWanted(raw, encoding, continuation ? [continuation, ...rows] : rows);
    let at = 0;
    const rowOf = (r: Segment): Carry => {
      const n = r.wanted ? r.valueEnd - r.valueStart : 0;
      const row = {
        wanted: r.wanted,
        // A v1 page without nulls has no definition levels (hyparquet drops them): they are spelled
        // out, so that a row carried into or out of the page joins levels of its own length, and
        // a struct's field is assembled at its depth.
        def: def.length ? def.slice(r.start, r.end) : fullLevels(r.end - r.start, maxDef),
        rep: rep.length ? rep.slice(r.start, r.end) : [],
        values: Array.from({ length: n }, (_, k) => converted[at + k]),
      };
      at += n;
      return row;
    };
    if (continuation && this.carry) {
      const more = rowOf(continuation);
      this.carry.def.push(...more.def);
      this.carry.rep.push(...more.rep);
      this.carry.values.push(...more.values);
    }
    // A new row began: the carried one is whole.
    if (this.carry && newRows > 0) {
      this.emit(this.carry);
      this.carry = null;
    }
    for (const r of rows) {
      const row = rowOf(r);
      if (r.end === entries && rep.length > 0) this.carry = row;
      else this.emit(row);
    }
  }

  /**
   * At most `need` of a flat page's wanted values (one entry a row, null where the value is
   * missing), from where the last call stopped. Written for speed: a weekly listing's probe reads
   * four columns of a million rows. A page without missing values has its n-th row at value n:
   * the wanted values are picked by index (or a run of the page taken whole).
   */
  private flatRows(page: Pending, need: number): void {
    const { from, to, only } = this.o;
    const { raw, encoding, entries, first } = page;
    const lo = Math.max(from, first) - first;
    const hi = Math.min(to, first + entries) - first;
    const dense = raw.length === entries;
    if (page.at < lo) {
      for (let i = page.at; i < lo; i++) if (this.hasValue(page, i)) page.valueAt++;
      page.at = lo;
    }
    if (page.at < hi && dense && !only) {
      const count = Math.min(hi - page.at, need);
      const run = page.at === 0 && count === entries ? raw : raw.slice(page.at, page.at + count);
      const converted = this.o.convert(run, encoding);
      for (let k = 0; k < converted.length; k++) this.push(converted[k]);
      page.at += count;
      page.valueAt += count;
    } else if (page.at < hi) {
      // The wanted rows' value indexes (-1: missing), then only those values converted.
      const picks: number[] = [];
      let present = 0;
      if (dense && only) {
        const offset = first - from;
        let cursor = this.cursor;
        while (cursor < only.length && (only[cursor] as number) - offset < page.at) cursor++;
        let next = hi;
        for (; cursor < only.length; cursor++) {
          const i = (only[cursor] as number) - offset;
          if (i >= hi) break;
          if (picks.length === need) {
            next = i;
            break;
          }
          picks.push(i);
        }
        this.cursor = cursor;
        present = picks.length;
        page.at = next;
        page.valueAt = next;
      } else {
        let i = page.at;
        let valueIndex = page.valueAt;
        for (; i < hi && picks.length < need; i++) {
          const has = this.hasValue(page, i);
          if (this.decide(first + i)) {
            picks.push(has ? valueIndex : -1);
            if (has) present++;
          }
          if (has) valueIndex++;
        }
        page.at = i;
        page.valueAt = valueIndex;
      }
      const converted =
        present === raw.length
          ? this.o.convert(raw, encoding)
          : this.o.convert(this.pick(raw, picks, present), encoding);
      let at = 0;
      for (const p of picks) this.push(p < 0 ? null : converted[at++]);
    }
    if (page.at >= hi) this.pending = null;
  }

  /** Rows are decided in order: whether this one is in the slice (and among `only`). */
  private decide(row: number): boolean {
    const { from, to, only } = this.o;
    if (row < from || row >= to) return false;
    if (!only) return true;
    while (this.cursor < only.length && (only[this.cursor] as number) < row - from) this.cursor++;
    return only[this.cursor] === row - from;
  }

  /** Converts only the wanted rows' raw values. */
  private convertWanted(raw: DecodedArray, encoding: Encoding, rows: readonly Segment[]): ArrayLike<unknown> {
    const picks: number[] = [];
    for (const r of rows) if (r.wanted) for (let i = r.valueStart; i < r.valueEnd; i++) picks.push(i);
    return picks.length === raw.length
      ? this.o.convert(raw, encoding)
      : this.o.convert(this.pick(raw, picks, picks.length), encoding);
  }

  /** The values at `picks` (negative: none), in a container of the page's own kind (typed or not). */
  private pick(raw: DecodedArray, picks: readonly number[], present: number): DecodedArray {
    const out = (
      Array.isArray(raw)
        ? new Array(present)
        : new (raw.constructor as new (n: number) => DecodedArray)(present)
    ) as unknown[];
    let k = 0;
    for (const p of picks) if (p >= 0) out[k++] = raw[p];
    return out as DecodedArray;
  }

  /** One row's value from its levels and converted values, as hyparquet assembles it. */
  private emit(row: Carry): void {
    if (!row.wanted) return;
    if (row.def.length === 0 && row.rep.length === 0) {
      this.push(row.values[0]);
      return;
    }
    const out: unknown[] = [];
    assembleLists(out, row.def, row.rep, row.values as DecodedArray, this.o.schemaPath);
    this.push(out[0]);
  }
}

/** The definition levels of `count` entries that all have a value. */
const fullLevels = (count: number, maxDef: number): number[] =>
  maxDef === 0 ? [] : new Array<number>(count).fill(maxDef);

/** A page's levels and raw (unconverted) values: hyparquet's readPage without the assembly. */
function decodePage(
  reader: { view: DataView; offset: number },
  header: PageHeader,
  decoder: ColumnDecoder,
): { def: number[]; rep: number[]; raw: DecodedArray; encoding: Encoding } {
  const bytes = new Uint8Array(
    reader.view.buffer,
    reader.view.byteOffset + reader.offset,
    header.compressed_page_size,
  );
  reader.offset += header.compressed_page_size;
  if (header.type === "DATA_PAGE" && header.data_page_header) {
    const page = decompressPage(
      bytes,
      Number(header.uncompressed_page_size),
      decoder.codec,
      decoder.compressors,
    );
    const { definitionLevels, repetitionLevels, dataPage } = readDataPage(
      page,
      header.data_page_header,
      decoder,
    );
    return {
      def: definitionLevels ?? [],
      rep: repetitionLevels ?? [],
      raw: dataPage,
      encoding: header.data_page_header.encoding,
    };
  }
  if (header.type === "DATA_PAGE_V2" && header.data_page_header_v2) {
    const { definitionLevels, repetitionLevels, dataPage } = readDataPageV2(bytes, header, decoder);
    return {
      def: definitionLevels ?? [],
      rep: repetitionLevels ?? [],
      raw: dataPage,
      encoding: header.data_page_header_v2.encoding,
    };
  }
  throw new Error(`parquet page type ${header.type} is not supported`);
}

type ChunkMeta = NonNullable<FileMetaData["row_groups"][number]["columns"][number]["meta_data"]>;

function columnChunks(metadata: FileMetaData, column: string, group: number): ChunkMeta[] {
  const rowGroup = metadata.row_groups[group];
  if (!rowGroup) throw new Error(`no row group ${group + 1}`);
  return rowGroup.columns.flatMap((c) =>
    c.meta_data && c.meta_data.path_in_schema[0] === column ? [c.meta_data] : [],
  );
}

/** Fetches a column chunk's bytes (one range request) and the decoder hyparquet's pages need. */
async function openChunk(
  file: AsyncBuffer,
  tree: SchemaTree,
  meta: ChunkMeta,
  { parsers, chunks }: ColumnSlice,
): Promise<{ reader: { view: DataView; offset: number }; decoder: ColumnDecoder }> {
  const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
  const key = meta.path_in_schema.join(".");
  const buffer = chunks?.get(key) ?? (await file.slice(start, start + Number(meta.total_compressed_size)));
  chunks?.set(key, buffer);
  const schemaPath = getTreePath(tree, meta.path_in_schema);
  const element = schemaPath.at(-1)?.element;
  if (!element) throw new Error(`no schema for column "${meta.path_in_schema.join(".")}"`);
  return {
    reader: { view: new DataView(buffer), offset: 0 },
    decoder: {
      pathInSchema: meta.path_in_schema,
      type: meta.type,
      element,
      schemaPath,
      codec: meta.codec,
      parsers: { ...DEFAULT_PARSERS, ...parsers },
      // Files written by polars (zstd), Spark (gzip) or others, not only pyarrow's snappy.
      compressors,
      utf8: true,
    },
  };
}
