import { z } from "zod";
import { openApiDocument } from "@/lib/api/openapi";
import { operationById } from "@/lib/api/operations";
import { parseSearchParams } from "@/lib/api/parse";
import { jsonResponse, route } from "@/lib/api/respond";
import { originVary } from "@/lib/http/client";
import { siteOrigin } from "@/lib/site";

export const GET = route(operationById("getOpenApi"), async (request: Request) => {
  parseSearchParams(z.object({}), new URL(request.url).searchParams, []);
  const vary = originVary();
  return jsonResponse(openApiDocument(siteOrigin(request.headers)), {
    headers: { "Cache-Control": "public, max-age=3600", ...(vary ? { Vary: vary } : {}) },
  });
});
