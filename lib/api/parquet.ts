import { type ColumnSource, parquetWriteBuffer } from "hyparquet-writer";
import type { AnswerTable, Cell, ColumnType } from "./answer-table";

/** What a file says about itself, in its key-value metadata (keys prefixed `open_model_share.`). */
export type FileNotes = {
  definitions: string;
  dataVersion: string;
  dataAsOf: string | null;
  demo: boolean;
  source: string;
  licence: string;
  citation: string;
  /** The query the file answers (the API URL's path and query) */
  query: string;
};

export const NOTES_PREFIX = "open_model_share.";

type SchemaElement = NonNullable<Parameters<typeof parquetWriteBuffer>[0]["schema"]>[number];

const ELEMENTS: Record<ColumnType, Omit<SchemaElement, "name">> = {
  string: { type: "BYTE_ARRAY", converted_type: "UTF8" },
  int32: { type: "INT32" },
  int64: { type: "INT64" },
  double: { type: "DOUBLE" },
  boolean: { type: "BOOLEAN" },
  date: { type: "INT32", converted_type: "DATE" },
  timestamp: {
    type: "INT64",
    converted_type: "TIMESTAMP_MILLIS",
    logical_type: { type: "TIMESTAMP", isAdjustedToUTC: true, unit: "MILLIS" },
  },
};

/** A cell as the writer takes it for its column's type (dates and times as Date, counts as BigInt). */
function cellValue(type: ColumnType, cell: Cell): unknown {
  if (cell === null || cell === undefined) return null;
  switch (type) {
    case "int64":
      return typeof cell === "bigint" ? cell : BigInt(cell as number | string);
    case "date":
      return new Date(`${String(cell)}T00:00:00Z`);
    case "timestamp":
      return new Date(String(cell));
    case "int32":
    case "double":
      return Number(cell);
    case "boolean":
      return Boolean(cell);
    default:
      return String(cell);
  }
}

/**
 * The table as one Parquet file: each column typed (counts INT64, exact), every column nullable
 * (an empty cell of the CSV is a null here), and the notes in the footer's key-value metadata, where
 * DuckDB (`parquet_kv_metadata`), pyarrow and polars read them.
 */
export function tableParquet(table: AnswerTable, notes: FileNotes): Uint8Array<ArrayBuffer> {
  const columnData: ColumnSource[] = table.columns.map((column, i) => ({
    name: column.name,
    data: table.rows.map((row) => cellValue(column.type, row[i])),
  }));
  const schema: SchemaElement[] = [
    { name: "root", num_children: table.columns.length },
    ...table.columns.map((c) => ({
      name: c.name,
      repetition_type: "OPTIONAL" as const,
      ...ELEMENTS[c.type],
    })),
  ];
  const kvMetadata = Object.entries({
    definitions: notes.definitions,
    data_version: notes.dataVersion,
    data_as_of: notes.dataAsOf ?? "",
    demo_data: String(notes.demo),
    source: notes.source,
    licence: notes.licence,
    citation: notes.citation,
    query: notes.query,
  }).map(([key, value]) => ({ key: `${NOTES_PREFIX}${key}`, value }));
  const buffer = parquetWriteBuffer({
    columnData,
    schema,
    kvMetadata,
    createdBy: "Open Model Share",
    rowGroupSize: 100_000,
  });
  return new Uint8Array(buffer);
}
