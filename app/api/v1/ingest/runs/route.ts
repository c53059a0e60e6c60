import { listIngestRuns } from "@/lib/analytics/ingest-runs";
import { notModified } from "@/lib/api/cache";
import { toCsv } from "@/lib/api/csv";
import { ingestRunsEtag } from "@/lib/api/ingest-runs-etag";
import { operationById } from "@/lib/api/operations";
import { parseSearchParams } from "@/lib/api/parse";
import { csvResponse, jsonResponse, route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import { logFormatSchema } from "@/lib/domain/query-fragments";

export const dynamic = "force-dynamic";

/** Runs change while one is going: answered fresh, cached 30 s by clients. */
const HEADERS = { "Cache-Control": "public, max-age=30" };

/**
 * The status page polls this while a run is going: the ETag is the answer's own digest, so a poll
 * between two pages of the crawl costs a 304.
 */

export const GET = route(operationById("listIngestRuns"), async (request: Request) => {
  const { format } = parseSearchParams(logFormatSchema, new URL(request.url).searchParams, ["format"]);
  const runs = await listIngestRuns(await getDb());
  const etag = ingestRunsEtag(runs, format);
  const unchanged = notModified(request, etag);
  if (unchanged) return new Response(null, { status: 304, headers: { ...HEADERS, ETag: etag } });
  if (format === "csv") {
    const header = [
      "id",
      "status",
      "as_of",
      "trigger",
      "source",
      "started_at",
      "finished_at",
      "pages",
      "models_seen",
      "snapshots_written",
      "private_skipped",
      "population",
      "resumed_from_id",
      "errors",
    ];
    const rows = runs.map((r) => [
      r.id,
      r.status,
      r.asOf,
      r.trigger,
      r.source,
      r.startedAt,
      r.finishedAt,
      r.pages,
      r.modelsSeen,
      r.snapshotsWritten,
      r.privateSkipped,
      r.population,
      r.resumedFromId,
      r.errors.map((e) => `${e.at}: ${e.message}`).join(" | "),
    ]);
    return csvResponse(toCsv(header, rows), "ingest-runs.csv", { headers: { ...HEADERS, ETag: etag } });
  }
  return jsonResponse({ runs }, { headers: { ...HEADERS, ETag: etag } });
});
