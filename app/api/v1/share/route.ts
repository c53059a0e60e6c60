import { getShareAnswer } from "@/lib/analytics/answers";
import { answerHeaders, notModified } from "@/lib/api/cache";
import { operationById } from "@/lib/api/operations";
import { parseSearchParams } from "@/lib/api/parse";
import { renderedBody, utf8Body } from "@/lib/api/rendered-bodies";
import { CSV_TYPE, csvResponse, jsonResponse, route } from "@/lib/api/respond";
import { shareCsv, shareDefinitionLine } from "@/lib/api/share";
import { getDb } from "@/lib/db";
import { SHARE_PARAMS, shareQuerySchema, shareQueryString } from "@/lib/domain/share-query";

export const dynamic = "force-dynamic";

export const GET = route(operationById("getShare"), async (request: Request) => {
  const query = parseSearchParams(shareQuerySchema, new URL(request.url).searchParams, SHARE_PARAMS);
  const db = await getDb();
  const { result, etag, stale } = await getShareAnswer(db, query);
  const unchanged = notModified(request, etag);
  if (unchanged) return unchanged;
  const headers = { ...answerHeaders({ etag, stale }), "X-Data-As-Of": result.freshness.dataAsOf ?? "" };
  if (query.format === "csv") {
    const suffix = query.locale === "en" ? "" : `-${query.locale}`;
    const name = `share-${query.groupBy}-${query.metric}-${result.query.from}-${result.query.to}${suffix}.csv`;
    const csv = await renderedBody(db, `csv\n${query.locale}\n${shareQueryString(query)}`, async () =>
      utf8Body(shareCsv(result, query.locale), CSV_TYPE),
    );
    return csvResponse(csv.value.body, name, {
      headers: { ...headers, "X-Definitions": encodeURIComponent(shareDefinitionLine(result)) },
    });
  }
  return jsonResponse({ ...result, demo: result.freshness.demo }, { headers });
});
