import type { IngestRun } from "../domain/answers";
import { etagOf } from "../format/etag";

/**
 * The ETag of GET /api/v1/ingest/runs: the answer's own digest (runs change while one is going,
 * so there is no data version to key it by). The status page seeds its poll with the same tag.
 */
export const ingestRunsEtag = (runs: IngestRun[], format: "json" | "csv" = "json") =>
  etagOf("runs", format, JSON.stringify(runs));
