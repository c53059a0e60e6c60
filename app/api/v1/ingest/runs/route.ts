import { listIngestRuns } from "@/lib/analytics/ingest-runs";
import { toCsv } from "@/lib/api/csv";
import { operationById } from "@/lib/api/operations";
import { parseSearchParams } from "@/lib/api/parse";
import { csvResponse, jsonResponse, route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import { formatOnlySchema } from "@/lib/domain/query-fragments";

export const dynamic = "force-dynamic";

/** Runs change while one is going: answered fresh, cached 30 s by clients. */
const HEADERS = { "Cache-Control": "public, max-age=30" };

export const GET = route(operationById("listIngestRuns"), async (request: Request) => {
  const { format } = parseSearchParams(formatOnlySchema, new URL(request.url).searchParams, ["format"]);
  const runs = await listIngestRuns(await getDb());
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
    return csvResponse(toCsv(header, rows), "ingest-runs.csv", { headers: HEADERS });
  }
  return jsonResponse({ runs }, { headers: HEADERS });
});
