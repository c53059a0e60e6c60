import { getShareAnswer } from "../analytics/answers";
import { renderChartPng, renderChartSvg } from "../charts/render";
import type { Database } from "../db";
import { shareQueryString } from "../domain/share-query";
import { etagOf } from "../format/etag";
import { notModified, PUBLIC_CACHE } from "./cache";
import { parseImageQuery } from "./image-query";
import { renderedBody, utf8Body } from "./rendered-bodies";

const SVG_TYPE = "image/svg+xml; charset=utf-8";

/** PNG or SVG of a share chart: one drawing (lib/charts/svg.ts), the PNG rasterized from it. */
export async function shareImageResponse(
  db: Database,
  request: Request,
  format: "png" | "svg",
): Promise<Response> {
  const { share, presentation } = parseImageQuery(new URL(request.url).searchParams);
  const { result, etag } = await getShareAnswer(db, share);
  const key = `${format}\n${shareQueryString(share)}\n${JSON.stringify(presentation)}`;
  const imageEtag = etagOf(etag, key);
  const unchanged = notModified(request, imageEtag);
  if (unchanged) return unchanged;
  const rendered = await renderedBody(
    db,
    key,
    async () =>
      format === "svg"
        ? utf8Body(renderChartSvg(result, presentation), SVG_TYPE)
        : { body: await renderChartPng(result, presentation), contentType: "image/png" },
    { exclusive: format === "png" },
  );
  return new Response(rendered.value.body, {
    headers: { "Cache-Control": PUBLIC_CACHE, ETag: imageEtag, "Content-Type": rendered.value.contentType },
  });
}
