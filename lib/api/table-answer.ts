import { citationText } from "../charts/citation";
import type { Database } from "../db";
import { todayUtc } from "../domain/days";
import { originVary } from "../http/client";
import { siteOrigin } from "../site";
import { type AnswerTable, type CsvStyle, tableCsv } from "./answer-table";
import { DATA_LICENCE, DATA_SOURCE } from "./data-notes";
import { tableParquet } from "./parquet";
import { renderedBody, utf8Body } from "./rendered-bodies";
import { CSV_TYPE, fileResponse, PARQUET_TYPE } from "./respond";

export type TableFormat = "csv" | "parquet";

/** How an answer becomes a file: what it is, its table, and what its columns mean. */
export type TableFile = {
  /** Names every parameter that changes the table */
  key: string;
  /** The file's name without its extension */
  name: string;
  title: string;
  definitions: string;
  dataAsOf: string | null;
  /** The published data version the answer is from (a pinned one, with version=) */
  dataVersion: number;
  demo: boolean;
  table: () => AnswerTable;
  /** How the CSV writes its cells (default: machine-readable) */
  csv?: CsvStyle;
};

/**
 * An answer as CSV or Parquet, built once per data version and key (the answer it is made from is
 * cached already). Parquet carries the notes a CSV cannot — definitions, data version, source,
 * licence, citation, demo flag — in its key-value metadata; the citation names the URL on our
 * origin and the day it was read, so that file is kept per origin and day (with Vary for shared
 * caches, as the zip bundle is).
 */
export async function tableAnswer(
  request: Request,
  db: Database,
  format: TableFormat,
  file: TableFile,
  headers: Record<string, string>,
): Promise<Response> {
  if (format === "csv") {
    const csv = await renderedBody(db, `csv\n${file.key}`, async () =>
      utf8Body(tableCsv(file.table(), file.csv), CSV_TYPE),
    );
    return fileResponse(csv.value.body, CSV_TYPE, `${file.name}.csv`, { headers });
  }
  const origin = siteOrigin(request.headers);
  const vary = originVary();
  const url = new URL(request.url);
  const accessed = todayUtc();
  const parquet = await renderedBody(db, `parquet\n${origin}\n${accessed}\n${file.key}`, async () => {
    const query = `${url.pathname}${url.search}`;
    const body = tableParquet(file.table(), {
      definitions: file.definitions,
      dataVersion: String(file.dataVersion),
      dataAsOf: file.dataAsOf,
      demo: file.demo,
      source: DATA_SOURCE,
      licence: DATA_LICENCE,
      citation: citationText({
        title: file.title,
        dataAsOf: file.dataAsOf,
        dataVersion: file.dataVersion,
        url: `${origin}${query}`,
        accessed,
      }),
      query,
    });
    return { body, contentType: PARQUET_TYPE };
  });
  const all = { ...headers, ...(vary ? { Vary: vary } : {}), "Accept-Ranges": "bytes" };
  const body = parquet.value.body;
  const range = byteRange(request.headers.get("range"), body.byteLength);
  if (range === "unsatisfiable")
    return new Response(null, {
      status: 416,
      headers: { ...all, "Content-Range": `bytes */${body.byteLength}` },
    });
  if (range) {
    const part = body.slice(range.start, range.end + 1);
    return fileResponse(part, PARQUET_TYPE, `${file.name}.parquet`, {
      status: 206,
      headers: {
        ...all,
        "Content-Range": `bytes ${range.start}-${range.end}/${body.byteLength}`,
        "Content-Length": String(part.byteLength),
      },
    });
  }
  return fileResponse(body, PARQUET_TYPE, `${file.name}.parquet`, {
    headers: { ...all, "Content-Length": String(body.byteLength) },
  });
}

/**
 * One byte range of a `Range` header (RFC 9110 §14.1.2): DuckDB and other Parquet readers over
 * HTTP ask for the footer and then the column chunks they need. Several ranges, or a header that
 * does not parse, are answered with the whole file (a server may ignore Range).
 */
export function byteRange(
  header: string | null,
  size: number,
): { start: number; end: number } | "unsatisfiable" | null {
  const m = header ? /^\s*bytes=(\d*)-(\d*)\s*$/.exec(header) : null;
  if (!m || (m[1] === "" && m[2] === "")) return null;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  if (start >= size) return "unsatisfiable";
  const end = m[2] === "" ? size - 1 : Math.min(size - 1, Number(m[2]));
  return end < start ? null : { start, end };
}
