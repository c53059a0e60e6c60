import { z } from "zod";
import { getModelDetailAnswer } from "@/lib/analytics/answers";
import { detailResponse } from "@/lib/api/answer-response";
import { ApiError } from "@/lib/api/errors";
import { operationById } from "@/lib/api/operations";
import { parseSearchParams } from "@/lib/api/parse";
import { route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import { hubIdSchema } from "@/lib/domain/models-query";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ namespace: string; name: string }> };

export const GET = route(operationById("getModel"), async (request: Request, { params }: Params) => {
  parseSearchParams(z.object({}), new URL(request.url).searchParams, []);
  const { namespace, name } = await params;
  const parsed = hubIdSchema.safeParse(`${namespace}/${name}`);
  if (!parsed.success) throw ApiError.fromZod(parsed.error, "namespace/name");
  const db = await getDb();
  const answer = await getModelDetailAnswer(db, parsed.data);
  return detailResponse(request, db, answer, `Model "${parsed.data}" is not tracked.`);
});
