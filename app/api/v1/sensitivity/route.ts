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
    table: {
      key: `sensitivity\n${shareQueryString(query)}`,
      filename: (value) => `sensitivity-${value.query.metric}-${value.headline.period ?? "none"}`,
      title: "How far each switch moves China's and the US's share",
      definitions:
        "One row per switch (attribution, repacks, derivatives, cohort, metric, population) and choice: the share of downloads of China (cn_share) and of the US (us_share), 0–1, at the latest period with a value (period: its first day; snapshot_date: the snapshot its values come from) of the share answer GET /api/v1/share gives for the query with that one switch set to that choice, by country of origin; current marks the query's own choice; cn_difference and us_difference are each share minus the current choice's.",
      table: (value) => ({
        columns: [
          { name: "switch", type: "string" },
          { name: "option", type: "string" },
          { name: "label", type: "string" },
          { name: "current", type: "boolean" },
          { name: "period", type: "date" },
          { name: "snapshot_date", type: "date" },
          { name: "cn_share", type: "double" },
          { name: "us_share", type: "double" },
          { name: "cn_difference", type: "double" },
          { name: "us_difference", type: "double" },
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
