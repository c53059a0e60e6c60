import { z } from "zod";
import { getModelDetailAnswer } from "@/lib/analytics/answers";
import { detailResponse } from "@/lib/api/answer-response";
import { operationById } from "@/lib/api/operations";
import { parsePathParams, parseSearchParams } from "@/lib/api/parse";
import { route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ namespace: string; name: string }> };

const operation = operationById("getModel");

export const GET = route(operation, async (request: Request, { params }: Params) => {
  parseSearchParams(z.object({}), new URL(request.url).searchParams, []);
  const { namespace, name } = parsePathParams(operation.pathParams, await params);
  const hubId = `${namespace}/${name}`;
  const db = await getDb();
  const answer = await getModelDetailAnswer(db, hubId);
  return detailResponse(request, db, answer, `Model "${hubId}" is not tracked.`);
});
