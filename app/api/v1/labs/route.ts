import { listLabs } from "@/lib/analytics/labs";
import { PUBLIC_CACHE } from "@/lib/api/cache";
import { toCsv } from "@/lib/api/csv";
import { parseSearchParams } from "@/lib/api/parse";
import { formatOnlySchema } from "@/lib/api/query-fragments";
import { csvResponse, jsonResponse, route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = route(async (request: Request) => {
  const { format } = parseSearchParams(formatOnlySchema, new URL(request.url).searchParams, ["format"]);
  const result = await listLabs(await getDb());
  const headers = { "Cache-Control": PUBLIC_CACHE };
  if (format === "csv") {
    const rows = result.labs.map((l) => [
      l.slug,
      l.name,
      l.parent,
      l.country,
      l.region,
      l.namespaces.join(" "),
      l.models,
      l.downloads30d.toString(),
      l.share,
    ]);
    return csvResponse(
      toCsv(
        ["slug", "name", "parent", "country", "region", "namespaces", "models", "downloads_30d", "share"],
        rows,
      ),
      `labs-${result.date ?? "none"}.csv`,
      { headers },
    );
  }
  return jsonResponse(result, { headers });
});
