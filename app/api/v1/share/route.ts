import { getShareAnswer } from "@/lib/analytics/answers";
import { csvStyleOf, withDemoColumn } from "@/lib/api/answer-table";
import { answerHeaders, notModified } from "@/lib/api/cache";
import { operationById } from "@/lib/api/operations";
import { parseSearchParams } from "@/lib/api/parse";
import { jsonResponse, route } from "@/lib/api/respond";
import { shareDefinitionLine, shareTable } from "@/lib/api/share";
import { tableAnswer } from "@/lib/api/table-answer";
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
  if (query.format !== "json") {
    const definitions = shareDefinitionLine(result);
    const suffix = query.locale === "en" ? "" : `-${query.locale}`;
    return tableAnswer(
      request,
      db,
      query.format,
      {
        key: `${query.locale}\n${shareQueryString(query)}`,
        name: `share-${query.groupBy}-${query.metric}-${result.query.from}-${result.query.to}${suffix}`,
        title: `Share of downloads by ${query.groupBy}`,
        definitions,
        dataAsOf: result.freshness.dataAsOf,
        dataVersion: result.freshness.dataVersion,
        demo: result.freshness.demo,
        table: () => withDemoColumn(shareTable(result, query.locale), result.freshness.demo),
        csv: csvStyleOf(query.locale),
      },
      { ...headers, "X-Definitions": encodeURIComponent(definitions) },
    );
  }
  return jsonResponse({ ...result, demo: result.freshness.demo }, { headers });
});
