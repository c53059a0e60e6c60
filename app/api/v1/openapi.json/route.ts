import { openApiDocument } from "@/lib/api/openapi";
import { jsonResponse, route } from "@/lib/api/respond";

export const GET = route(async (request: Request) => {
  const origin = new URL(request.url).origin;
  return jsonResponse(openApiDocument(origin), { headers: { "Cache-Control": "public, max-age=3600" } });
});
