import { getShareAnswer } from "@/lib/analytics/answers";
import { answerHeaders, notModified } from "@/lib/api/cache";
import { parseSearchParams } from "@/lib/api/parse";
import { csvResponse, jsonResponse, route } from "@/lib/api/respond";
import { shareCsv, shareDefinitionLine } from "@/lib/api/share";
import { getDb } from "@/lib/db";
import { SHARE_PARAMS, shareQuerySchema } from "@/lib/domain/share-query";

export const dynamic = "force-dynamic";

export const GET = route(async (request: Request) => {
  const query = parseSearchParams(shareQuerySchema, new URL(request.url).searchParams, SHARE_PARAMS);
  const { result, etag, stale } = await getShareAnswer(await getDb(), query);
  const unchanged = notModified(request, etag);
  if (unchanged) return unchanged;
  const headers = { ...answerHeaders({ etag, stale }), "X-Data-As-Of": result.freshness.dataAsOf ?? "" };
  if (query.format === "csv") {
    const name = `share-${query.groupBy}-${query.metric}-${result.query.from}-${result.query.to}.csv`;
    return csvResponse(shareCsv(result), name, {
      headers: { ...headers, "X-Definitions": encodeURIComponent(shareDefinitionLine(result)) },
    });
  }
  return jsonResponse({ ...result, demo: result.freshness.demo }, { headers });
});
