import { z } from "zod";
import { getModelDetailAnswer } from "@/lib/analytics/answers";
import { getVersionedFreshness } from "@/lib/analytics/freshness";
import { answerHeaders, notModified } from "@/lib/api/cache";
import { ApiError } from "@/lib/api/errors";
import { operationById } from "@/lib/api/operations";
import { parseSearchParams } from "@/lib/api/parse";
import { jsonResponse, route } from "@/lib/api/respond";
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
  if (!answer.value.detail) throw new ApiError("not_found", `Model "${parsed.data}" is not tracked.`);
  const unchanged = notModified(request, answer.etag);
  if (unchanged) return unchanged;
  const { value: freshness } = await getVersionedFreshness(db);
  return jsonResponse(
    { ...answer.value.detail, demo: freshness.demo, freshness },
    { headers: answerHeaders(answer) },
  );
});
