import type { CSSProperties, ReactNode } from "react";

type HeaderCell = {
  /** Right-aligned, as the numbers below it. */
  numeric?: boolean;
  /** Set on the column a sortable table is sorted by (and "none" on the others). */
  sort?: "ascending" | "descending" | "none";
};

/**
 * A column header: a plain string, or a cell whose label is a string (its own React key) or any
 * other content with a key.
 */
export type Column = string | (HeaderCell & ({ label: string } | { label: ReactNode; key: string }));

const keyOf = (column: Column) =>
  typeof column === "string" ? column : "key" in column ? column.key : column.label;

/** A right-aligned column of numbers. */
export const numeric = (label: string): Column => ({ label, numeric: true });

/** A header row of column headers (`<th scope="col">`). */
function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          const cell: Exclude<Column, string> = typeof column === "string" ? { label: column } : column;
          return (
            <th
              key={keyOf(column)}
              scope="col"
              className={cell.numeric ? "num" : undefined}
              aria-sort={cell.sort}
            >
              {cell.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/**
 * A table in its horizontal scroller: an optional caption for screen readers, the column headers
 * and the rows (`children`, the `<tr>`s of the body).
 */
export function DataTable({
  columns,
  children,
  caption,
  testId,
  className = "data",
  scrollStyle,
}: {
  columns: readonly Column[];
  children: ReactNode;
  caption?: string;
  testId?: string;
  /** The table's class: `data` (the site's table style) unless told otherwise; null for none. */
  className?: string | null;
  scrollStyle?: CSSProperties;
}) {
  return (
    <div className="table-scroll" style={scrollStyle}>
      <table className={className ?? undefined} data-testid={testId}>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <TableHead columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
