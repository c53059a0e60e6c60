import type { Database } from "../db";
import { toCsv } from "./csv";
import { renderedBody, utf8Body } from "./rendered-bodies";
import { CSV_TYPE, csvResponse } from "./respond";

/**
 * A CSV answer built once per data version and key (the JSON answer it is made from is cached
 * already; its text need not be rebuilt on every download).
 */
export async function csvAnswer(
  db: Database,
  key: string,
  table: () => { header: string[]; rows: (string | number | boolean | null | undefined)[][] },
  filename: string,
  headers: Record<string, string>,
): Promise<Response> {
  const csv = await renderedBody(db, `csv\n${key}`, async () => {
    const { header, rows } = table();
    return utf8Body(toCsv(header, rows), CSV_TYPE);
  });
  return csvResponse(csv.value.body, filename, { headers });
}
