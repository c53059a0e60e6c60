/**
 * RFC 4180: CRLF line ends, fields quoted when they hold the delimiter, a quote or a line break.
 * The delimiter is a comma, or a semicolon for locales whose decimal mark is a comma (as their
 * spreadsheets expect).
 */
export function toCsv(
  header: string[],
  rows: (string | number | boolean | null | undefined)[][],
  delimiter: "," | ";" = ",",
): string {
  const special = new RegExp(`["\r\n${delimiter}]`);
  const field = (v: string | number | boolean | null | undefined): string => {
    if (v === null || v === undefined) return "";
    const s = String(v);
    // A leading =, +, - or @ makes spreadsheets run the cell as a formula.
    const safe = /^[=+\-@]/.test(s) && Number.isNaN(Number(s)) ? `'${s}` : s;
    return special.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `${[header, ...rows].map((row) => row.map(field).join(delimiter)).join("\r\n")}\r\n`;
}
