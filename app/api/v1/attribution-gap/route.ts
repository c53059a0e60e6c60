import { getAttributionGapAnswer } from "@/lib/analytics/answers";
import { answerResponse } from "@/lib/api/answer-response";
import { operationById } from "@/lib/api/operations";
import { parseSearchParams } from "@/lib/api/parse";
import { route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import { formatOnlySchema } from "@/lib/domain/query-fragments";

export const dynamic = "force-dynamic";

export const GET = route(operationById("getAttributionGap"), async (request: Request) => {
  const { format } = parseSearchParams(formatOnlySchema, new URL(request.url).searchParams, ["format"]);
  const db = await getDb();
  return answerResponse(request, db, await getAttributionGapAnswer(db), {
    format,
    json: (gap) => gap,
    csv: {
      key: "gap",
      filename: (gap) => `attribution-gap-${gap.date ?? "none"}.csv`,
      table: (gap) => ({
        header: ["namespace", "models", "downloads_30d", "share"],
        rows: gap.namespaces.map((n) => [n.namespace, n.models, n.downloads30d.toString(), n.share]),
      }),
    },
  });
});
