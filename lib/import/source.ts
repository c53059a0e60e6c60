import { createReadStream } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { createGunzip } from "node:zlib";
import { type AsyncBuffer, type FileMetaData, parquetMetadataAsync, parquetSchema } from "hyparquet";
import { CsvParser, type CsvRecord } from "./csv";
import {
  type ColumnCursor,
  type ColumnSlice,
  flatColumnCursor,
  type NestedColumn,
  nestedColumnCursor,
  type RowNumbers,
  readFlatColumn,
  readNestedColumn,
} from "./parquet-columns";

/** One row: the wanted columns by their name in the file. */
export type Row = Record<string, unknown>;

export type RowBatch = {
  rows: Row[];
  /** Rows of the file the filter left out before this batch's rows were built (Parquet only). */
  filtered?: number;
  /** The last batch of a row group (or of the range of one read at once). */
  endOfGroup?: boolean;
  /** 1-based number of rows[0] among the file's data rows (the CSV header is not a row). */
  firstRow: number;
  /** CSV only: the line each row starts on. */
  lines?: number[];
  /** Bytes (CSV) or rows (Parquet) of the file consumed so far, for progress. */
  position: number;
};

export type ImportSource = {
  kind: "parquet" | "csv";
  file: string;
  columns: string[];
  /** Parquet knows its row count; a CSV's is unknown until the end. */
  totalRows: number | null;
  /** What `position` counts up to: rows for Parquet, bytes for CSV. */
  total: number;
  rowGroups: number | null;
  /** `betweenSteps` runs after each decoded Parquet column (the importer's heap governor). */
  batches(columns: readonly string[], options?: BatchOptions): AsyncGenerator<RowBatch>;
  /**
   * A column's largest value as the file's own statistics give it (every row group's), without
   * reading the column; undefined when a group does not say (a CSV never does).
   */
  maxOf?(column: string): unknown;
  close(): Promise<void>;
};

export type BatchOptions = {
  /** Runs after each decoded Parquet column (the importer's heap governor). */
  betweenSteps?: () => void;
  /**
   * Rows to keep, decided from a few columns read first (Parquet): the other columns are then
   * kept only for these rows, so a file whose rows are mostly left out never holds them all.
   */
  filter?: {
    columns: readonly string[];
    keep: (row: Row) => boolean;
    /**
     * A filter column read only for the rows this picks, from the columns listed before it (the
     * others see it as undefined): an author needed only where an id has no namespace.
     */
    onlyWhere?: Record<string, (row: Row) => boolean>;
    /**
     * What `keep` sees of a text column instead of its values (a few constants rather than a
     * million strings); such a column is read again, for the rows kept, from the bytes fetched.
     */
    probe?: Record<string, (bytes: Uint8Array) => string>;
  };
  /** Strings of a list column worth keeping (others read as undefined: less memory). */
  thin?: Record<string, (value: string) => boolean>;
};

/** Rows handed on at a time. */
export const BATCH_ROWS = 10_000;
/**
 * Rows of a Parquet row group handed on at once (column by column). Writers differ
 * (hyparquet-writer 100,000 rows, pyarrow up to 1,048,576): larger groups are read in ranges of
 * this many rows. A nested column (a list or struct: tags, baseModels) can only be told into rows
 * from the start of its group, so groups with one are read whole, once (a filter keeps that small).
 */
export const PARQUET_RANGE_ROWS = 25_000;

/** Opens a Parquet (by its PAR1 magic) or CSV file (optionally gzipped) and reads its header. */
export async function openSource(
  file: string,
  options: { parquetRangeRows?: number } = {},
): Promise<ImportSource> {
  let handle: FileHandle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new Error(
      code === "ENOENT"
        ? `${file} does not exist`
        : `Cannot open ${file}: ${(error as Error).message ?? String(error)}`,
    );
  }
  try {
    const size = (await handle.stat()).size;
    const head = Buffer.alloc(Math.min(4, size));
    await handle.read(head, 0, head.length, 0);
    if (head.toString("latin1") === "PAR1")
      return await openParquet(
        file,
        fileAsyncBuffer(handle, size),
        options.parquetRangeRows ?? PARQUET_RANGE_ROWS,
        () => handle.close(),
      );
    if (/\.parquet$/i.test(file)) throw new Error(`${file} is not a Parquet file (no PAR1 magic bytes)`);
    await handle.close();
    return await openCsv(file, size, head[0] === 0x1f && head[1] === 0x8b);
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

/** An AsyncBuffer over one open file handle: hyparquet reads the footer and column chunks by range. */
export function fileAsyncBuffer(handle: FileHandle, size: number): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start: number, end = size): Promise<ArrayBuffer> {
      const length = Math.max(0, Math.min(end, size) - start);
      const bytes = new Uint8Array(length);
      let read = 0;
      while (read < length) {
        const { bytesRead } = await handle.read(bytes, read, length - read, start + read);
        if (bytesRead === 0) throw new Error(`unexpected end of file at byte ${start + read}`);
        read += bytesRead;
      }
      return bytes.buffer;
    },
  };
}

/**
 * A Parquet file over any AsyncBuffer: a local file, or a remote one read by HTTP ranges. Row
 * groups are read `rangeRows` rows at a time; a remote file wants Infinity (every range re-reads
 * the column chunks it touches, so each column is fetched once per group).
 */
export async function openParquet(
  file: string,
  buffer: AsyncBuffer,
  rangeRows: number,
  close: () => Promise<void>,
  footerBytes?: number,
): Promise<ImportSource> {
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(
      buffer,
      footerBytes ? { initialFetchSize: footerBytes } : undefined,
    );
  } catch (error) {
    throw new Error(`${file}: cannot read the Parquet footer (${(error as Error).message})`);
  }
  const tree = parquetSchema(metadata);
  const children = tree.children;
  const columns = children.map((c) => c.element.name);
  const nested = new Set(
    children
      .filter((c) => c.children.length > 0 || c.element.repetition_type === "REPEATED")
      .map((c) => c.element.name),
  );
  const groups = metadata.row_groups.map((g) => Number(g.num_rows));
  const totalRows = Number(metadata.num_rows);
  return {
    kind: "parquet",
    file,
    columns,
    totalRows,
    total: totalRows,
    rowGroups: groups.length,
    maxOf(column) {
      let max: unknown;
      for (const group of metadata.row_groups) {
        const chunk = group.columns.find((c) => c.meta_data?.path_in_schema.join(".") === column);
        const stats = chunk?.meta_data?.statistics;
        const value = stats?.max_value ?? stats?.max;
        if (value === undefined || value === null) return undefined;
        if (max === undefined || (value as number) > (max as number)) max = value;
      }
      return max;
    },
    async *batches(wanted, options = {}) {
      const betweenSteps = options.betweenSteps ?? (() => {});
      const filterColumns = [...new Set(options.filter?.columns ?? [])].filter((c) => columns.includes(c));
      const range = wanted.some((c) => nested.has(c)) ? Number.POSITIVE_INFINITY : rangeRows;
      // One column's values for the rows kept (all without a filter), read page by page
      // (lib/import/parquet-columns.ts says why); `from`/`to` count from the group's start.
      const probes = options.filter?.probe ?? {};
      const sliceOf = (
        column: string,
        group: number,
        from: number,
        to: number,
        only: RowNumbers | null,
        probing: boolean,
        chunks: Map<string, ArrayBuffer>,
      ): ColumnSlice => {
        const probe = probing ? probes[column] : undefined;
        const keep = options.thin?.[column];
        const parsers = probe
          ? {
              stringFromBytes: (bytes: Uint8Array | undefined) => (bytes ? probe(bytes) : undefined),
            }
          : keep
            ? { stringFromBytes: (bytes: Uint8Array) => thinString(bytes, keep) }
            : undefined;
        // A filter column's bytes are kept for its second read (the rows kept); a cursor holds its
        // own until the range is read.
        return {
          group,
          from,
          to,
          only,
          parsers,
          chunks: filterColumns.includes(column) ? chunks : undefined,
        };
      };
      const read = async (column: string, slice: ColumnSlice): Promise<Values> => {
        const values = nested.has(column)
          ? await readNestedColumn(buffer, metadata, tree, column, slice)
          : await readFlatColumn(buffer, metadata, tree, column, slice);
        betweenSteps();
        return values;
      };
      let groupStart = 0;
      for (const [groupIndex, count] of groups.entries()) {
        const groupEnd = groupStart + count;
        // One row group (or range of one) at a time, only the wanted columns. The filter's
        // columns are read whole to decide which rows are kept; then every column a batch at a
        // time, so that the first batch is handed on (and written) while the rest of the group is
        // still decoded.
        for (let rowStart = groupStart; rowStart < groupEnd; rowStart += range) {
          const rowEnd = Math.min(groupEnd, rowStart + range);
          const data = new Map<string, Values>();
          const chunks = new Map<string, ArrayBuffer>();
          const from = rowStart - groupStart;
          const to = rowEnd - groupStart;
          for (const column of filterColumns) {
            const where = options.filter?.onlyWhere?.[column];
            const rows = where ? rowsWhere(data, rowEnd - rowStart, where) : null;
            const slice = sliceOf(column, groupIndex, from, to, rows, true, chunks);
            const values = rows?.length === 0 ? [] : await read(column, slice);
            data.set(column, rows ? spread(values, rows, rowEnd - rowStart) : values);
          }
          // The filter's columns are let go once it has decided: they are read again for the rows
          // kept, by cursor like the others, so that no column is held whole while the rows are
          // handed on (a million kept rows held 30 MB of counts and flags to the group's end).
          let kept: Uint32Array | null = null;
          if (options.filter) {
            kept = Uint32Array.from(rowsWhere(data, rowEnd - rowStart, options.filter.keep));
            data.clear();
          }
          // Every row kept: the columns are read as without a filter (pages taken whole).
          const only = kept && kept.length < rowEnd - rowStart ? kept : null;
          const rowsKept = kept ? kept.length : rowEnd - rowStart;
          const filtered = rowEnd - rowStart - rowsKept;
          if (rowsKept === 0) {
            yield { rows: [], filtered, firstRow: rowStart + 1, position: rowEnd, endOfGroup: true };
            continue;
          }
          const cursors = new Map<string, ColumnCursor>();
          for (const column of wanted) {
            const slice = sliceOf(column, groupIndex, from, to, only, false, chunks);
            const open = nested.has(column) ? nestedColumnCursor : flatColumnCursor;
            cursors.set(column, await open(buffer, metadata, tree, column, slice));
          }
          for (let i = 0; i < rowsKept; i += BATCH_ROWS) {
            const end = Math.min(rowsKept, i + BATCH_ROWS);
            const stepped = new Map<string, unknown[]>();
            for (const [column, cursor] of cursors) {
              stepped.set(column, cursor.take(end - i));
              // Decoding runs while the last batch is written: between columns the database's
              // answers are read, so that the writer's next statement need not wait for the
              // batch's decoding to end (promises alone never let I/O in).
              await nextTurn();
            }
            if (cursors.size > 0) betweenSteps();
            const rows = toRows(stepped, end - i);
            const last = end >= rowsKept;
            yield {
              rows,
              endOfGroup: last,
              filtered: i === 0 ? filtered : 0,
              firstRow: rowStart + (kept ? (kept[i] ?? 0) : i) + 1,
              position: last ? rowEnd : rowStart + (kept ? (kept[end - 1] ?? 0) + 1 : end),
            };
          }
        }
        groupStart = groupEnd;
      }
    },
    close,
  };
}

const utf8 = new TextDecoder();

/** A string of a thinned list column: kept when it passes, else undefined (never allocated). */
function thinString(bytes: Uint8Array | undefined, keep: (value: string) => boolean): string | undefined {
  if (!bytes) return undefined;
  const value = utf8.decode(bytes);
  return keep(value) ? value : undefined;
}

/** A decoded column: plain values, or a nested column whose rows are built when asked for. */
type Values = unknown[] | NestedColumn;

const valueAt = (values: Values, index: number): unknown =>
  Array.isArray(values) ? values[index] : values.row(index);

/** The rows among the first `count` whose values so far pass `where`. */
function rowsWhere(data: Map<string, Values>, count: number, where: (row: Row) => boolean): number[] {
  const rows: number[] = [];
  const probe: Row = {};
  for (let i = 0; i < count; i++) {
    for (const [column, values] of data) probe[column] = valueAt(values, i);
    if (where(probe)) rows.push(i);
  }
  return rows;
}

/** Values read for `rows` only, placed at those rows of a column of `count` (undefined elsewhere). */
function spread(values: Values, rows: readonly number[], count: number): unknown[] {
  const out: unknown[] = new Array(count);
  for (let k = 0; k < rows.length; k++) out[rows[k] as number] = valueAt(values, k);
  return out;
}

/** `count` rows from the columns' values of one step. */
function toRows(stepped: Map<string, unknown[]>, count: number): Row[] {
  const rows: Row[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const row: Row = {};
    for (const [column, values] of stepped) row[column] = values[k];
    rows[k] = row;
  }
  return rows;
}

async function openCsv(file: string, size: number, gzip: boolean): Promise<ImportSource> {
  const header = await readCsvHeader(file, gzip);
  const columns = header.map((c) => c.trim());
  return {
    kind: "csv",
    file,
    columns,
    totalRows: null,
    total: size,
    rowGroups: null,
    async *batches(wanted, _options) {
      const indexes = wanted.map((name) => [name, columns.indexOf(name)] as const).filter(([, i]) => i >= 0);
      const stream = createReadStream(file, { highWaterMark: 1 << 20 });
      const text = gzip ? stream.pipe(createGunzip()) : stream;
      text.setEncoding("utf8");
      const parser = new CsvParser();
      let records: CsvRecord[] = [];
      let headerSeen = false;
      let rowNumber = 0;
      const toBatch = (list: CsvRecord[]): RowBatch => {
        const rows: Row[] = new Array(list.length);
        const lines: number[] = new Array(list.length);
        for (let k = 0; k < list.length; k++) {
          const record = list[k] as CsvRecord;
          const row: Row = {};
          for (const [name, i] of indexes) row[name] = record.fields[i];
          rows[k] = row;
          lines[k] = record.line;
        }
        const batch = { rows, lines, firstRow: rowNumber + 1, position: stream.bytesRead };
        rowNumber += list.length;
        return batch;
      };
      try {
        for await (const chunk of text) {
          parser.push(chunk as string, records);
          if (!headerSeen && records.length > 0) {
            headerSeen = true;
            records.shift();
          }
          if (records.length >= BATCH_ROWS) {
            const full = records;
            records = [];
            yield toBatch(full);
          }
        }
        parser.end(records);
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`);
      } finally {
        stream.destroy();
      }
      if (!headerSeen) records.shift();
      if (records.length > 0) yield toBatch(records);
    },
    close: async () => {},
  };
}

/** Reads just enough of the file for its first record. */
async function readCsvHeader(file: string, gzip: boolean): Promise<string[]> {
  const stream = createReadStream(file, { highWaterMark: 64 * 1024 });
  const text = gzip ? stream.pipe(createGunzip()) : stream;
  text.setEncoding("utf8");
  const parser = new CsvParser();
  const out: CsvRecord[] = [];
  try {
    for await (const chunk of text) {
      parser.push(chunk as string, out);
      if (out.length > 0) break;
    }
    if (out.length === 0) parser.end(out);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  } finally {
    stream.destroy();
  }
  const header = out[0]?.fields;
  if (!header || header.every((h) => h.trim() === ""))
    throw new Error(`${file} is empty: expected a CSV header line or a Parquet file`);
  return header;
}

/** A YYYY-MM-DD in the path (hfmlsoc/hub_weekly_snapshots keeps models/<date>/models.parquet). */
export function dateFromPath(file: string): string | null {
  const parts = path.resolve(file).split(path.sep).reverse();
  for (const part of parts) {
    const m = /(?:^|[^\d])(\d{4}-\d{2}-\d{2})(?:[^\d]|$)/.exec(part);
    if (m?.[1]) return m[1];
  }
  return null;
}
