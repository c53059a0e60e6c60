import { oembedFor, oembedQuerySchema } from "@/lib/api/oembed";
import { parseSearchParams } from "@/lib/api/parse";
import { jsonResponse, route } from "@/lib/api/respond";
import { siteOrigin } from "@/lib/site";

export const GET = route(async (request: Request) => {
  const query = parseSearchParams(oembedQuerySchema, new URL(request.url).searchParams, [
    "url",
    "maxwidth",
    "maxheight",
    "format",
  ]);
  return jsonResponse(oembedFor(query, siteOrigin(request)), {
    headers: { "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" },
  });
});
