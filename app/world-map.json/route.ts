import { worldMap } from "@/lib/charts/world-map";

/**
 * The overview's world map as paths (projected once on the server): the map view loads it when a
 * reader opens it. It changes only with the map package, so it is cached like a static file.
 */
export function GET() {
  return Response.json(worldMap(), {
    headers: { "Cache-Control": "public, max-age=86400, stale-while-revalidate=604800" },
  });
}
