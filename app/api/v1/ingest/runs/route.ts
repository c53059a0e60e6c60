import { listIngestRuns } from "@/lib/analytics/ingest-runs";
import { jsonResponse, route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const runs = await listIngestRuns(await getDb());
  return jsonResponse({ runs }, { headers: { "Cache-Control": "public, max-age=30" } });
});
