import { oembedFor, oembedQuerySchema } from "@/lib/api/oembed";
import { operationById } from "@/lib/api/operations";
import { parseSearchParams } from "@/lib/api/parse";
import { jsonResponse, route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import { originVary } from "@/lib/http/client";
import { siteOrigin } from "@/lib/site";

export const GET = route(operationById("oembed"), async (request: Request) => {
  const query = parseSearchParams(oembedQuerySchema, new URL(request.url).searchParams, [
    "url",
    "maxwidth",
    "maxheight",
    "format",
  ]);
  const vary = originVary();
  return jsonResponse(await oembedFor(await getDb(), query, siteOrigin(request.headers)), {
    headers: { "Cache-Control": "public, max-age=3600", ...(vary ? { Vary: vary } : {}) },
  });
});
