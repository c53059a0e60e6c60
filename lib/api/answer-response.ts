import type { VersionedAnswer } from "../analytics/versioned-answers";
import type { Database } from "../db";
import { answerHeaders, notModified } from "./cache";
import { csvAnswer } from "./csv-answer";
import { jsonResponse } from "./respond";

type Table = { header: string[]; rows: (string | number | boolean | null | undefined)[][] };

/**
 * A cached answer as the API sends it: 304 when the client's ETag is current, else JSON, or CSV
 * (built once per data version) with format=csv.
 */
export async function answerResponse<T extends object>(
  request: Request,
  db: Database,
  answer: VersionedAnswer<T>,
  options: {
    format: "json" | "csv";
    json: (value: T) => unknown;
    csv: { key: string; filename: (value: T) => string; table: (value: T) => Table };
  },
): Promise<Response> {
  const unchanged = notModified(request, answer.etag);
  if (unchanged) return unchanged;
  const headers = answerHeaders(answer);
  if (options.format === "csv") {
    const { key, filename, table } = options.csv;
    return csvAnswer(db, key, () => table(answer.value), filename(answer.value), headers);
  }
  return jsonResponse(options.json(answer.value), { headers });
}
