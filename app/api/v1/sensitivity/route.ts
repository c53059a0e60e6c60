import { getSensitivityAnswer } from "@/lib/analytics/answers";
import { answerResponse } from "@/lib/api/answer-response";
import { operationById } from "@/lib/api/operations";
import { parseSearchParams } from "@/lib/api/parse";
import { route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import { SHARE_PARAMS, shareQuerySchema, shareQueryString } from "@/lib/domain/share-query";

export const dynamic = "force-dynamic";

export const GET = route(operationById("getSensitivity"), async (request: Request) => {
  const query = parseSearchParams(shareQuerySchema, new URL(request.url).searchParams, SHARE_PARAMS);
  const db = await getDb();
  const answer = await getSensitivityAnswer(db, query);
  return answerResponse(request, db, answer, {
    format: query.format,
    json: (value) => value,
    csv: {
      key: `sensitivity\n${shareQueryString(query)}`,
      filename: (value) => `sensitivity-${value.query.metric}-${value.headline.period ?? "none"}.csv`,
      table: (value) => ({
        header: [
          "switch",
          "option",
          "label",
          "current",
          "period",
          "snapshot_date",
          "cn_share",
          "us_share",
          "cn_difference",
          "us_difference",
        ],
        rows: value.rows.map((r) => [
          r.switch,
          r.option,
          r.label,
          r.current,
          r.period,
          r.asOf,
          r.CN,
          r.US,
          r.difference.CN,
          r.difference.US,
        ]),
      }),
    },
  });
});
