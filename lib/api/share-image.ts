import { getShareAnswer } from "../analytics/answers";
import { chartGeometry } from "../charts/layout";
import { renderPngChart } from "../charts/png-chart";
import { renderSvgChart } from "../charts/svg-chart";
import type { Database } from "../db";
import { shareQueryString } from "../domain/share-query";
import { etagOf } from "../format/etag";
import { SITE_NAME } from "../site";
import { notModified, PUBLIC_CACHE } from "./cache";
import { parseImageQuery } from "./image-query";
import { renderedBody, utf8Body } from "./rendered-bodies";

/** PNG or SVG of a share chart: one geometry, two renderers. */
export async function shareImageResponse(
  db: Database,
  request: Request,
  format: "png" | "svg",
): Promise<Response> {
  const { share, presentation } = parseImageQuery(new URL(request.url).searchParams);
  const { result, etag } = await getShareAnswer(db, share);
  const key = `${format}\n${shareQueryString(share)}\n${JSON.stringify(presentation)}`;
  const rendered = await renderedBody(
    db,
    key,
    async () => {
      const geometry = chartGeometry(result, { ...presentation, siteName: SITE_NAME });
      if (format === "svg") return utf8Body(renderSvgChart(geometry, presentation.theme), SVG_TYPE);
      const png = renderPngChart(geometry, presentation.theme);
      return { body: new Uint8Array(await png.arrayBuffer()), contentType: "image/png" };
    },
    { exclusive: format === "png" },
  );
  const imageEtag = etagOf(etag, key);
  const unchanged = notModified(request, imageEtag);
  if (unchanged) return unchanged;
  return new Response(rendered.value.body, {
    headers: {
      "Cache-Control": PUBLIC_CACHE,
      ETag: imageEtag,
      "Content-Type": rendered.value.contentType,
    },
  });
}

const SVG_TYPE = "image/svg+xml; charset=utf-8";
