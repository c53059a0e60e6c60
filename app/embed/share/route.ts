import { getShareAnswer } from "@/lib/analytics/answers";
import { notModified, PUBLIC_CACHE } from "@/lib/api/cache";
import { parseEmbedQuery } from "@/lib/api/image-query";
import { chartUrl } from "@/lib/charts/chart-state";
import { embedDocument } from "@/lib/charts/embed-document";
import { getDb } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { QueryError } from "@/lib/domain/query-error";
import { shareQueryString } from "@/lib/domain/share-query";
import { etagOf } from "@/lib/format/etag";
import { EMBED_CSP } from "@/lib/http/csp";
import { SITE_NAME } from "@/lib/site";

export const dynamic = "force-dynamic";

/**
 * The embeddable chart, as a complete HTML document rendered on the server: no inline script and no
 * per-request nonce, so the same URL and data version give the same bytes, cached like the API
 * (ETag, s-maxage, stale-while-revalidate). An invalid link is answered 400 by proxy.ts.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const { share, presentation, query } = parseEmbedQuery(url.searchParams);
  const headers = { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": EMBED_CSP };
  try {
    const { result, etag, stale } = await getShareAnswer(await getDb(), share);
    const pageEtag = etagOf(etag, "embed", shareQueryString(share), JSON.stringify(presentation));
    const unchanged = notModified(request, pageEtag);
    if (unchanged) return unchanged;
    const html = embedDocument(result, {
      presentation,
      stale,
      siteName: SITE_NAME,
      links: {
        page: chartUrl("page", query),
        csv: chartUrl("csv", query),
        png: chartUrl("png", query),
        zip: chartUrl("zip", query),
      },
    });
    return new Response(html, {
      headers: { ...headers, "Cache-Control": stale ? "public, max-age=30" : PUBLIC_CACHE, ETag: pageEtag },
    });
  } catch (error) {
    if (error instanceof QueryError)
      return new Response(
        `<!doctype html><html lang="en"><meta charset="utf-8"><title>Invalid embed</title><body style="font-family:system-ui,sans-serif;padding:16px"><strong>This embed link is invalid</strong><p>${error.message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p><p>${SITE_NAME}</p></body></html>`,
        { status: 400, headers: { ...headers, "Cache-Control": "no-store" } },
      );
    if (!isDatabaseUnavailable(error)) throw error;
    const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Figures briefly unavailable</title><body style="font-family:system-ui,sans-serif;padding:16px"><strong>Figures briefly unavailable</strong><p>The data source cannot be reached right now; this chart will be back shortly.</p><p>${SITE_NAME}</p></body></html>`;
    return new Response(html, {
      status: 503,
      headers: { ...headers, "Cache-Control": "no-store", "Retry-After": "30" },
    });
  }
}
