import { getModelsAnswer } from "@/lib/analytics/answers";
import { answerResponse } from "@/lib/api/answer-response";
import { operationById } from "@/lib/api/operations";
import { parseSearchParams } from "@/lib/api/parse";
import { route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import { MODELS_PARAMS, modelsQuerySchema } from "@/lib/domain/models-query";

export const dynamic = "force-dynamic";

const COLUMNS = [
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

export const GET = route(operationById("listModels"), async (request: Request) => {
  const { format, ...answered } = parseSearchParams(
    modelsQuerySchema,
    new URL(request.url).searchParams,
    MODELS_PARAMS,
  );
  const db = await getDb();
  return answerResponse(request, db, await getModelsAnswer(db, { format, ...answered }), {
    format,
    json: (page) => ({ ...page, query: answered }),
    csv: {
      key: `models\n${JSON.stringify(answered)}`,
      filename: (page) => `models-${page.date ?? "none"}-page${page.page}.csv`,
      table: (page) => ({
        header: [...COLUMNS],
        rows: page.models.map((m) => COLUMNS.map((c) => (typeof m[c] === "bigint" ? m[c].toString() : m[c]))),
      }),
    },
  });
});
