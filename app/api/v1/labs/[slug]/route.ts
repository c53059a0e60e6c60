import { z } from "zod";
import { getLabDetailAnswer } from "@/lib/analytics/answers";
import { detailResponse } from "@/lib/api/answer-response";
import { operationById } from "@/lib/api/operations";
import { parsePathParams, parseSearchParams } from "@/lib/api/parse";
import { route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

const operation = operationById("getLab");

export const GET = route(
  operation,
  async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    parseSearchParams(z.object({}), new URL(request.url).searchParams, []);
    const { slug } = parsePathParams(operation.pathParams, await params);
    const db = await getDb();
    const answer = await getLabDetailAnswer(db, slug);
    return detailResponse(request, db, answer, `No lab "${slug}". GET /api/v1/labs lists them.`);
  },
);
