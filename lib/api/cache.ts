export { etagOf } from "../format/etag";

export const PUBLIC_CACHE = "public, max-age=60, s-maxage=300, stale-while-revalidate=86400";

/** Caching headers of a versioned answer: while the database is down the last answer is served, marked stale and cached briefly. */
export function answerHeaders(answer: { etag: string; stale: boolean }): Record<string, string> {
  return {
    "Cache-Control": answer.stale ? "public, max-age=30" : PUBLIC_CACHE,
    ETag: answer.etag,
    ...(answer.stale ? { "X-Data-Stale": "true" } : {}),
  };
}

/** Conditional GET: 304 when the client's ETag matches. */
export function notModified(request: Request, etag: string): Response | null {
  const match = request.headers.get("if-none-match");
  if (match?.split(",").some((t) => t.trim() === etag)) {
    return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": PUBLIC_CACHE } });
  }
  return null;
}
