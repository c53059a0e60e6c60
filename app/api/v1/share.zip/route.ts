import { getShareAnswer } from "@/lib/analytics/answers";
import { notModified, PUBLIC_CACHE } from "@/lib/api/cache";
import { parseEmbedQuery } from "@/lib/api/image-query";
import { operationById } from "@/lib/api/operations";
import { renderedBody } from "@/lib/api/rendered-bodies";
import { route } from "@/lib/api/respond";
import { shareBundle } from "@/lib/api/share";
import { chartUrl } from "@/lib/charts/chart-state";
import { getDb } from "@/lib/db";
import { shareQueryString } from "@/lib/domain/share-query";
import { etagOf } from "@/lib/format/etag";
import { originVary } from "@/lib/http/client";
import { siteOrigin } from "@/lib/site";

export const dynamic = "force-dynamic";

export const GET = route(operationById("getShareZip"), async (request: Request) => {
  const url = new URL(request.url);
  const { share, presentation, query } = parseEmbedQuery(url.searchParams);
  const db = await getDb();
  const { result, etag } = await getShareAnswer(db, share);
  // The README names the chart's permalink on our origin: the bundle is kept, tagged and cached
  // per origin (SITE_URL, else the one the client used, with Vary for shared caches).
  const origin = siteOrigin(request.headers);
  const vary = originVary();
  const varyHeaders: Record<string, string> = vary ? { Vary: vary } : {};
  const key = `zip\n${origin}\n${shareQueryString(share)}\n${JSON.stringify(presentation)}`;
  const zipEtag = etagOf(etag, key);
  const unchanged = notModified(request, zipEtag, varyHeaders);
  if (unchanged) return unchanged;
  const bundle = await renderedBody(db, key, async () => ({
    body: shareBundle(result, {
      presentation,
      permalink: `${origin}${chartUrl("page", { ...query, version: result.freshness.dataVersion })}`,
      retrieved: new Date().toISOString().slice(0, 10),
    }),
    contentType: "application/zip",
  }));
  const name = `open-model-share-${share.groupBy}-${result.query.from}-${result.query.to}.zip`;
  return new Response(bundle.value.body, {
    headers: {
      "Cache-Control": PUBLIC_CACHE,
      ETag: zipEtag,
      ...varyHeaders,
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${name}"`,
    },
  });
});
