import { toCsv } from "./csv";

/**
 * A tabular answer with typed columns: the one table both CSV and Parquet are written from, so
 * the two formats never disagree on a column.
 */
export type ColumnType = "string" | "int32" | "int64" | "double" | "boolean" | "date" | "timestamp";
export type TableColumn = { name: string; type: ColumnType };
/** int64 cells are BigInt (exact past 2^53); date cells YYYY-MM-DD; timestamp cells ISO 8601. */
export type Cell = string | number | bigint | boolean | null | undefined;
export type AnswerTable = { columns: TableColumn[]; rows: Cell[][] };

/** The same table with a demo_data column on every row: whatever is made from demo data says so. */
export function withDemoColumn(table: AnswerTable, demo: boolean): AnswerTable {
  return {
    columns: [...table.columns, { name: "demo_data", type: "boolean" }],
    rows: table.rows.map((row) => [...row, demo]),
  };
}

/** RFC 4180 text of the table (counts written in full, never rounded). */
export function tableCsv(table: AnswerTable): string {
  return toCsv(
    table.columns.map((c) => c.name),
    table.rows.map((row) => row.map((cell) => (typeof cell === "bigint" ? cell.toString() : cell))),
  );
}

/** A decimal count string of an answer (JSON's exact form) as BigInt; null stays null. */
export const countCell = (value: string | bigint | null | undefined): bigint | null =>
  value === null || value === undefined ? null : BigInt(value);
