import { getLabsAnswer } from "../analytics/answers";
import { type Database, getDb } from "../db";
import { FEED_QUERY_KEYS, feedQuerySchema } from "../domain/feed-query";
import { originVary } from "../http/client";
import { siteOrigin } from "../site";
import { notModified, PUBLIC_CACHE } from "./cache";
import { ApiError } from "./errors";
import { FEED_TYPES, type FeedFormat, feedDocument, feedEtag } from "./feeds";
import { parseSearchParams } from "./parse";

/**
 * A feed's answer: strict filters (an unknown or repeated key is a 400), an ETag of the data
 * version and filter (events change only when the data version does), and a 304 before any event
 * is read when the reader's copy is current.
 */
export async function feedResponse(request: Request, format: FeedFormat): Promise<Response> {
  const query = parseSearchParams(feedQuerySchema, new URL(request.url).searchParams, FEED_QUERY_KEYS);
  const db = await getDb();
  await refuseUnknownLabs(db, query.labs);
  const origin = siteOrigin(request.headers);
  const vary = originVary();
  const headers: Record<string, string> = {
    "Cache-Control": PUBLIC_CACHE,
    ETag: await feedEtag(db, format, query, origin),
    ...(vary ? { Vary: vary } : {}),
  };
  const unchanged = notModified(request, headers.ETag as string, vary ? { Vary: vary } : {});
  if (unchanged) return unchanged;
  const body = await feedDocument(db, format, query, origin);
  return new Response(body, { headers: { ...headers, "Content-Type": FEED_TYPES[format] } });
}

/** A filter naming a lab that does not exist would list nothing, silently: it is refused instead. */
async function refuseUnknownLabs(db: Database, labs: readonly string[] | undefined): Promise<void> {
  if (!labs || labs.length === 0) return;
  const { value } = await getLabsAnswer(db);
  const known = new Set(value.labs.map((l) => l.slug));
  const unknown = labs.filter((slug) => !known.has(slug));
  if (unknown.length > 0)
    throw new ApiError(
      "bad_request",
      `No lab ${unknown.map((s) => `"${s}"`).join(", ")}: GET /api/v1/labs lists them.`,
      [{ path: "labs", message: `has no lab ${unknown.join(", ")}` }],
    );
}
