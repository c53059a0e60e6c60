import { createReadStream } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import path from "node:path";
import { createGunzip } from "node:zlib";
import {
  type AsyncBuffer,
  type FileMetaData,
  type ParquetParsers,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
} from "hyparquet";
import { CsvParser, type CsvRecord } from "./csv";

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
  close(): Promise<void>;
};

export type BatchOptions = {
  /** Runs after each decoded Parquet column (the importer's heap governor). */
  betweenSteps?: () => void;
  /**
   * Rows to keep, decided from a few columns read first (Parquet): the other columns are then
   * kept only for these rows, so a file whose rows are mostly left out never holds them all.
   */
  filter?: { columns: readonly string[]; keep: (row: Row) => boolean };
  /** Strings of a list column worth keeping (others read as undefined: less memory). */
  thin?: Record<string, (value: string) => boolean>;
};

/** Rows handed on at a time. */
export const BATCH_ROWS = 10_000;
/**
 * Rows of a Parquet row group decoded at once (column by column). Writers differ (hyparquet-writer 100,000 rows,
 * pyarrow up to 1,048,576): larger groups are read in ranges of this many rows, which hyparquet
 * decodes page by page for flat columns. A nested column (a list or struct: tags, baseModels) is
 * decoded whole by hyparquet whatever the range, so groups with one are read whole, once.
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
  const children = parquetSchema(metadata).children;
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
    async *batches(wanted, options = {}) {
      const betweenSteps = options.betweenSteps ?? (() => {});
      const filterColumns = [...new Set(options.filter?.columns ?? [])].filter((c) => columns.includes(c));
      const others = [...new Set(wanted)].filter((c) => !filterColumns.includes(c));
      const range = wanted.some((c) => nested.has(c)) ? Number.POSITIVE_INFINITY : rangeRows;
      const read = async (column: string, from: number, to: number) => {
        const keep = options.thin?.[column];
        const parsers = keep
          ? { stringFromBytes: (bytes: Uint8Array) => thinString(bytes, keep) }
          : undefined;
        const values = await readColumn(buffer, metadata, column, from, to, parsers);
        betweenSteps();
        return values;
      };
      let groupStart = 0;
      for (const count of groups) {
        const groupEnd = groupStart + count;
        // One row group (or range of one) at a time, only the wanted columns, one column after the
        // other; rows are built only for the batch handed on.
        for (let rowStart = groupStart; rowStart < groupEnd; rowStart += range) {
          const rowEnd = Math.min(groupEnd, rowStart + range);
          const data = new Map<string, unknown[]>();
          for (const column of filterColumns) data.set(column, await read(column, rowStart, rowEnd));
          let kept: number[] | null = null;
          if (options.filter) {
            kept = [];
            const probe: Row = {};
            for (let i = 0; i < rowEnd - rowStart; i++) {
              for (const [column, values] of data) probe[column] = values[i];
              if (options.filter.keep(probe)) kept.push(i);
            }
            for (const [column, values] of data) data.set(column, pick(values, kept));
          }
          for (const column of others) {
            const values = await read(column, rowStart, rowEnd);
            data.set(column, kept ? pick(values, kept) : values);
          }
          const rowsKept = kept ? kept.length : rowEnd - rowStart;
          const filtered = rowEnd - rowStart - rowsKept;
          if (rowsKept === 0)
            yield { rows: [], filtered, firstRow: rowStart + 1, position: rowEnd, endOfGroup: true };
          for (let i = 0; i < rowsKept; i += BATCH_ROWS) {
            const rows = toRows(data, i, Math.min(rowsKept, i + BATCH_ROWS));
            const last = i + rows.length >= rowsKept;
            yield {
              rows,
              endOfGroup: last,
              filtered: i === 0 ? filtered : 0,
              firstRow: rowStart + (kept ? (kept[i] ?? 0) : i) + 1,
              position: last
                ? rowEnd
                : rowStart + (kept ? (kept[i + rows.length - 1] ?? 0) + 1 : i + rows.length),
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

function pick<T>(values: readonly T[], indexes: readonly number[]): T[] {
  const out: T[] = new Array(indexes.length);
  for (let k = 0; k < indexes.length; k++) out[k] = values[indexes[k] as number] as T;
  return out;
}

/**
 * One column's values for rows [rowStart, rowEnd). Decoding the columns of a row group one by one
 * holds one column's pages at a time instead of every column's, and no row object is made for
 * the whole group (a 1M-row import peaked ≈ 60 MB higher reading row objects a group at a time).
 */
async function readColumn(
  file: AsyncBuffer,
  metadata: FileMetaData,
  column: string,
  rowStart: number,
  rowEnd: number,
  parsers?: Partial<ParquetParsers>,
): Promise<unknown[]> {
  const values: unknown[] = new Array(rowEnd - rowStart);
  let filled = 0;
  await parquetRead({
    file,
    metadata,
    columns: [column],
    rowStart,
    rowEnd,
    parsers,
    // Chunks are whole pages: they may start before rowStart or run past rowEnd.
    onChunk({ columnData, rowStart: chunkStart }) {
      const from = Math.max(rowStart, chunkStart);
      const to = Math.min(rowEnd, chunkStart + columnData.length);
      for (let row = from; row < to; row++) values[row - rowStart] = columnData[row - chunkStart];
      filled += Math.max(0, to - from);
    },
  });
  // A short column would otherwise read as missing values, row after row.
  if (filled !== values.length)
    throw new Error(
      `column "${column}" gave ${filled} values for the ${values.length} rows ${rowStart + 1}–${rowEnd}`,
    );
  return values;
}

function toRows(data: Map<string, unknown[]>, from: number, to: number): Row[] {
  const rows: Row[] = new Array(to - from);
  for (let k = from; k < to; k++) {
    const row: Row = {};
    for (const [column, values] of data) row[column] = values[k];
    rows[k - from] = row;
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
