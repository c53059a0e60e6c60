import { getModelDetail } from "@/lib/analytics/model-detail";
import { PUBLIC_CACHE } from "@/lib/api/cache";
import { ApiError } from "@/lib/api/errors";
import { jsonResponse, route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import { hubIdSchema } from "@/lib/domain/models-query";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ namespace: string; name: string }> };

export const GET = route(async (_request: Request, { params }: Params) => {
  const { namespace, name } = await params;
  const parsed = hubIdSchema.safeParse(`${namespace}/${name}`);
  if (!parsed.success) throw ApiError.fromZod(parsed.error);
  const detail = await getModelDetail(await getDb(), parsed.data);
  if (!detail) throw new ApiError("not_found", `Model "${parsed.data}" is not tracked.`);
  return jsonResponse(detail, { headers: { "Cache-Control": PUBLIC_CACHE } });
});
