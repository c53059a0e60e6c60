import { getVersionedFreshness } from "../analytics/freshness";
import type { VersionedAnswer } from "../analytics/versioned-answers";
import { type Database, getDb } from "../db";
import { formatOnlySchema } from "../domain/query-fragments";
import { answerHeaders, notModified } from "./cache";
import { csvAnswer } from "./csv-answer";
import { ApiError } from "./errors";
import { parseSearchParams } from "./parse";
import { jsonResponse } from "./respond";

type Table = { header: string[]; rows: (string | number | boolean | null | undefined)[][] };

/** How an answer becomes CSV: its cache key, the file's name and its table. */
type CsvOptions<T> = { key: string; filename: (value: T) => string; table: (value: T) => Table };

/**
 * A cached answer as the API sends it: 304 when the client's ETag is current, else JSON with the
 * data's freshness and demo flag, or CSV (built once per data version, a demo_data column on every
 * row) with format=csv: whatever is made from demo data says so.
 */
export async function answerResponse<T extends object>(
  request: Request,
  db: Database,
  answer: VersionedAnswer<T>,
  options: { json: (value: T) => unknown } & (
    | { format: "json"; csv?: undefined }
    | { format: "json" | "csv"; csv: CsvOptions<T> }
  ),
): Promise<Response> {
  const unchanged = notModified(request, answer.etag);
  if (unchanged) return unchanged;
  const headers = answerHeaders(answer);
  const { value: freshness } = await getVersionedFreshness(db);
  if (options.format === "csv") {
    const { key, filename, table } = options.csv;
    const withDemo = () => {
      const { header, rows } = table(answer.value);
      return { header: [...header, "demo_data"], rows: rows.map((r) => [...r, freshness.demo]) };
    };
    return csvAnswer(db, key, withDemo, filename(answer.value), headers);
  }
  const body = options.json(answer.value) as object;
  return jsonResponse({ ...body, demo: freshness.demo, freshness }, { headers });
}

/** The answer of a route whose only parameter is format: the answer itself as JSON, or its table. */
export async function formatOnlyAnswer<T extends object>(
  request: Request,
  getAnswer: (db: Database) => Promise<VersionedAnswer<T>>,
  csv: CsvOptions<T>,
): Promise<Response> {
  const { format } = parseSearchParams(formatOnlySchema, new URL(request.url).searchParams, ["format"]);
  const db = await getDb();
  return answerResponse(request, db, await getAnswer(db), { format, json: (value) => value, csv });
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
