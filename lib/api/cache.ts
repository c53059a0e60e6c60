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

const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

/**
 * Conditional GET (RFC 9110 §13.1.2): 304 when If-None-Match is `*` or names the current ETag,
 * compared weakly (a `W/` prefix on either side does not matter).
 */
export function notModified(
  request: Request,
  etag: string,
  headers: Record<string, string> = {},
): Response | null {
  const header = request.headers.get("if-none-match");
  if (!header) return null;
  const current = opaque(etag);
  const match = header.trim() === "*" || header.split(",").some((t) => opaque(t) === current);
  if (!match) return null;
  return new Response(null, {
    status: 304,
    headers: { ETag: etag, "Cache-Control": PUBLIC_CACHE, ...headers },
  });
}
