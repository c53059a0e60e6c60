import { getAttributionGap } from "@/lib/analytics/attribution-gap";
import { PUBLIC_CACHE } from "@/lib/api/cache";
import { toCsv } from "@/lib/api/csv";
import { parseSearchParams } from "@/lib/api/parse";
import { csvResponse, jsonResponse, route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import { formatOnlySchema } from "@/lib/domain/query-fragments";

export const dynamic = "force-dynamic";

export const GET = route(async (request: Request) => {
  const { format } = parseSearchParams(formatOnlySchema, new URL(request.url).searchParams, ["format"]);
  const gap = await getAttributionGap(await getDb(), 100);
  const headers = { "Cache-Control": PUBLIC_CACHE };
  if (format === "csv") {
    const rows = gap.namespaces.map((n) => [n.namespace, n.models, n.downloads30d.toString(), n.share]);
    return csvResponse(
      toCsv(["namespace", "models", "downloads_30d", "share"], rows),
      `attribution-gap-${gap.date ?? "none"}.csv`,
      { headers },
    );
  }
  return jsonResponse(gap, { headers });
});
