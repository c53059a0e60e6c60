import { getVersionedFreshness } from "../analytics/freshness";
import type { VersionedAnswer } from "../analytics/versioned-answers";
import { type Database, getDb } from "../db";
import { formatOnlySchema } from "../domain/query-fragments";
import { type AnswerTable, withDemoColumn } from "./answer-table";
import { answerHeaders, notModified } from "./cache";
import { ApiError } from "./errors";
import { parseSearchParams } from "./parse";
import { jsonResponse } from "./respond";
import { tableAnswer } from "./table-answer";

/** How an answer becomes a table (CSV, Parquet): its cache key, the file's name, title, definitions. */
type TableOptions<T> = {
  key: string;
  /** Without extension */
  filename: (value: T) => string;
  title: string;
  definitions: string;
  table: (value: T) => AnswerTable;
};

/**
 * A cached answer as the API sends it: 304 when the client's ETag is current, else JSON with the
 * data's freshness and demo flag, or a table (CSV or Parquet, built once per data version, a
 * demo_data column on every row) with format=csv or parquet: whatever is made from demo data says so.
 */
export async function answerResponse<T extends object>(
  request: Request,
  db: Database,
  answer: VersionedAnswer<T>,
  options: { json: (value: T) => unknown } & (
    | { format: "json"; table?: undefined }
    | { format: "json" | "csv" | "parquet"; table: TableOptions<T> }
  ),
): Promise<Response> {
  const unchanged = notModified(request, answer.etag);
  if (unchanged) return unchanged;
  const headers = answerHeaders(answer);
  const { value: freshness } = await getVersionedFreshness(db);
  if (options.format !== "json") {
    const { key, filename, table, title, definitions } = options.table;
    return tableAnswer(
      request,
      db,
      options.format,
      {
        key,
        name: filename(answer.value),
        title,
        definitions,
        dataAsOf: freshness.dataAsOf,
        dataVersion: freshness.dataVersion,
        demo: freshness.demo,
        table: () => withDemoColumn(table(answer.value), freshness.demo),
      },
      headers,
    );
  }
  const body = options.json(answer.value) as object;
  return jsonResponse({ ...body, demo: freshness.demo, freshness }, { headers });
}

/** The answer of a route whose only parameter is format: the answer itself as JSON, or its table. */
export async function formatOnlyAnswer<T extends object>(
  request: Request,
  getAnswer: (db: Database) => Promise<VersionedAnswer<T>>,
  table: TableOptions<T>,
): Promise<Response> {
  const { format } = parseSearchParams(formatOnlySchema, new URL(request.url).searchParams, ["format"]);
  const db = await getDb();
  return answerResponse(request, db, await getAnswer(db), { format, json: (value) => value, table });
}

/** One item's answer (a lab, a model): 404 saying `notFound` when there is no such item, else JSON. */
export async function detailResponse<D extends object>(
  request: Request,
  db: Database,
  answer: VersionedAnswer<{ detail: D | null }>,
  notFound: string,
): Promise<Response> {
  if (!answer.value.detail) throw new ApiError("not_found", notFound);
  return answerResponse(request, db, answer, { format: "json", json: (value) => value.detail });
}
