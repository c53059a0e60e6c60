import { getModelsAnswer } from "@/lib/analytics/answers";
import { answerResponse } from "@/lib/api/answer-response";
import type { ColumnType } from "@/lib/api/answer-table";
import { operationById } from "@/lib/api/operations";
import { parseSearchParams } from "@/lib/api/parse";
import { route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import type { ModelRow } from "@/lib/domain/answers";
import { MODELS_PARAMS, modelsQuerySchema } from "@/lib/domain/models-query";

export const dynamic = "force-dynamic";

const COLUMNS: readonly { name: keyof ModelRow; type: ColumnType }[] = [
  { name: "hubId", type: "string" },
  { name: "namespace", type: "string" },
  { name: "lab", type: "string" },
  { name: "country", type: "string" },
  { name: "region", type: "string" },
  { name: "pipelineTag", type: "string" },
  { name: "libraryName", type: "string" },
  { name: "createdAt", type: "timestamp" },
  { name: "derivative", type: "boolean" },
  { name: "downloads30d", type: "int64" },
  { name: "downloadsAllTime", type: "int64" },
  { name: "likes", type: "int32" },
];

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
    table: {
      key: `models\n${JSON.stringify(answered)}`,
      filename: (page) => `models-${page.date ?? "none"}-page${page.page}`,
      title: "Models",
      definitions:
        "One row per model of this page of the listing (its query's filters and order), at the latest published date: downloads30d = the Hub's trailing-30-day downloads, downloadsAllTime = downloads since the model was created (null where the source has none), likes; lab, country and region are the developer's (the namespace's in the origin registry; null and UNKNOWN when unattributed); derivative = the model names a base model; createdAt is the Hub's (2022-03-02T23:29:04Z means on or before that day).",
      table: (page) => ({
        columns: [...COLUMNS],
        rows: page.models.map((m) => COLUMNS.map((c) => m[c.name])),
      }),
    },
  });
});
