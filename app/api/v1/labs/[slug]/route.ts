import { getLabDetail } from "@/lib/analytics/lab-detail";
import { PUBLIC_CACHE } from "@/lib/api/cache";
import { ApiError } from "@/lib/api/errors";
import { jsonResponse, route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import { slugItem } from "@/lib/domain/query-fragments";

export const dynamic = "force-dynamic";

export const GET = route(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const parsed = slugItem.safeParse(slug);
  if (!parsed.success) throw ApiError.fromZod(parsed.error);
  const detail = await getLabDetail(await getDb(), parsed.data);
  if (!detail) throw new ApiError("not_found", `No lab "${parsed.data}". GET /api/v1/labs lists them.`);
  return jsonResponse(detail, { headers: { "Cache-Control": PUBLIC_CACHE } });
});
