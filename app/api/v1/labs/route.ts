import { getLabsAnswer } from "@/lib/analytics/answers";
import { answerResponse } from "@/lib/api/answer-response";
import { operationById } from "@/lib/api/operations";
import { parseSearchParams } from "@/lib/api/parse";
import { route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import { formatOnlySchema } from "@/lib/domain/query-fragments";

export const dynamic = "force-dynamic";

export const GET = route(operationById("listLabs"), async (request: Request) => {
  const { format } = parseSearchParams(formatOnlySchema, new URL(request.url).searchParams, ["format"]);
  const db = await getDb();
  return answerResponse(request, db, await getLabsAnswer(db), {
    format,
    json: (labs) => labs,
    csv: {
      key: "labs",
      filename: (labs) => `labs-${labs.date ?? "none"}.csv`,
      table: (labs) => ({
        header: [
          "slug",
          "name",
          "parent",
          "country",
          "region",
          "namespaces",
          "models",
          "downloads_30d",
          "share",
        ],
        rows: labs.labs.map((l) => [
          l.slug,
          l.name,
          l.parent,
          l.country,
          l.region,
          l.namespaces.join(" "),
          l.models,
          l.downloads30d.toString(),
          l.share,
        ]),
      }),
    },
  });
});
