import { getVersionedFreshness } from "../analytics/freshness";
import type { VersionedAnswer } from "../analytics/versioned-answers";
import type { Database } from "../db";
import { answerHeaders, notModified } from "./cache";
import { csvAnswer } from "./csv-answer";
import { jsonResponse } from "./respond";

type Table = { header: string[]; rows: (string | number | boolean | null | undefined)[][] };

/**
 * A cached answer as the API sends it: 304 when the client's ETag is current, else JSON with the
 * data's freshness and demo flag, or CSV (built once per data version, a demo_data column on every
 * row) with format=csv: whatever is made from demo data says so.
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
