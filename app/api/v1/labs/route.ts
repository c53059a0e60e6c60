import { getLabsAnswer } from "@/lib/analytics/answers";
import { answerHeaders, notModified } from "@/lib/api/cache";
import { toCsv } from "@/lib/api/csv";
import { parseSearchParams } from "@/lib/api/parse";
import { csvResponse, jsonResponse, route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import { formatOnlySchema } from "@/lib/domain/query-fragments";

export const dynamic = "force-dynamic";

export const GET = route(async (request: Request) => {
  const { format } = parseSearchParams(formatOnlySchema, new URL(request.url).searchParams, ["format"]);
  const { value: result, etag, stale } = await getLabsAnswer(await getDb());
  const unchanged = notModified(request, etag);
  if (unchanged) return unchanged;
  const headers = answerHeaders({ etag, stale });
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
