import { z } from "zod";
import { getLabDetailAnswer } from "@/lib/analytics/answers";
import { detailResponse } from "@/lib/api/answer-response";
import { ApiError } from "@/lib/api/errors";
import { operationById } from "@/lib/api/operations";
import { parseSearchParams } from "@/lib/api/parse";
import { route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import { slugItem } from "@/lib/domain/query-fragments";

export const dynamic = "force-dynamic";

export const GET = route(
  operationById("getLab"),
  async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    parseSearchParams(z.object({}), new URL(request.url).searchParams, []);
    const { slug } = await params;
    const parsed = slugItem.safeParse(slug);
    if (!parsed.success) throw ApiError.fromZod(parsed.error, "slug");
    const db = await getDb();
    const answer = await getLabDetailAnswer(db, parsed.data);
    return detailResponse(request, db, answer, `No lab "${parsed.data}". GET /api/v1/labs lists them.`);
  },
);
