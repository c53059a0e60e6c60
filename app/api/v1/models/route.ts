import { getModelsAnswer } from "@/lib/analytics/answers";
import { answerHeaders, notModified } from "@/lib/api/cache";
import { toCsv } from "@/lib/api/csv";
import { parseSearchParams } from "@/lib/api/parse";
import { csvResponse, jsonResponse, route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import { MODELS_PARAMS, modelsQuerySchema } from "@/lib/domain/models-query";

export const dynamic = "force-dynamic";

export const GET = route(async (request: Request) => {
  const query = parseSearchParams(modelsQuerySchema, new URL(request.url).searchParams, MODELS_PARAMS);
  const { value: result, etag, stale } = await getModelsAnswer(await getDb(), query);
  const unchanged = notModified(request, etag);
  if (unchanged) return unchanged;
  const headers = answerHeaders({ etag, stale });
  if (query.format === "csv") {
    const columns = [
      "hubId",
      "namespace",
      "lab",
      "country",
      "region",
      "pipelineTag",
      "libraryName",
      "createdAt",
      "derivative",
      "downloads30d",
      "downloadsAllTime",
      "likes",
    ] as const;
    const rows = result.models.map((m) =>
      columns.map((c) => (typeof m[c] === "bigint" ? m[c].toString() : m[c])),
    );
    return csvResponse(toCsv([...columns], rows), `models-${result.date ?? "none"}-page${result.page}.csv`, {
      headers,
    });
  }
  return jsonResponse({ ...result, query }, { headers });
});
