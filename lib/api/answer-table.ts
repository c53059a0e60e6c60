import type { Locale } from "../domain/locales";
import { translator } from "../i18n";
import { toCsv } from "./csv";
// The server writes every locale: each translated table is made known (lib/i18n).
import "../i18n/all-translations";

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

/**
 * How a CSV writes its cells. English is the machine-readable default: full precision with a
 * decimal point, comma-separated. Another locale, when asked for, writes the same numbers (never
 * rounded, never grouped) with its own decimal mark, and separates fields with a semicolon where
 * that mark is a comma (as its spreadsheets expect); column names, keys, dates and booleans stay.
 */
export type CsvStyle = { delimiter: "," | ";"; decimal: string };

export function csvStyleOf(locale: Locale): CsvStyle {
  const { decimal } = translator(locale);
  return { delimiter: decimal === "," ? ";" : ",", decimal: locale === "en" ? "." : decimal };
}

/** RFC 4180 text of the table (counts written in full, never rounded). */
export function tableCsv(table: AnswerTable, style: CsvStyle = { delimiter: ",", decimal: "." }): string {
  const doubles = table.columns.map((c) => c.type === "double");
  return toCsv(
    table.columns.map((c) => c.name),
    table.rows.map((row) =>
      row.map((cell, i) =>
        typeof cell === "bigint"
          ? cell.toString()
          : typeof cell === "number" && doubles[i] && style.decimal !== "."
            ? String(cell).replace(".", style.decimal)
            : cell,
      ),
    ),
    style.delimiter,
  );
}

/** A decimal count string of an answer (JSON's exact form) as BigInt; null stays null. */
export const countCell = (value: string | bigint | null | undefined): bigint | null =>
  value === null || value === undefined ? null : BigInt(value);
