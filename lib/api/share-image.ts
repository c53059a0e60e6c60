import { getShareAnswer } from "../analytics/answers";
import { chartGeometry } from "../charts/layout";
import { renderPngChart } from "../charts/png-chart";
import { renderSvgChart } from "../charts/svg-chart";
import type { Database } from "../db";
import { SITE_NAME } from "../site";
import { PUBLIC_CACHE } from "./cache";
import { IMAGE_PARAMS, imagePresentationSchema, parseSharePresentation } from "./image-query";

/** PNG or SVG of a share chart: one geometry, two renderers. */
export async function shareImageResponse(
  db: Database,
  request: Request,
  format: "png" | "svg",
): Promise<Response> {
  const { share, presentation } = parseSharePresentation(
    new URL(request.url).searchParams,
    imagePresentationSchema,
    IMAGE_PARAMS,
  );
  const { result, etag } = await getShareAnswer(db, share);
  const geometry = chartGeometry(result, { ...presentation, siteName: SITE_NAME });
  const headers = {
    "Cache-Control": PUBLIC_CACHE,
    ETag: `${etag.slice(0, -1)}-${format}-${presentation.width}x${presentation.height}-${presentation.theme}"`,
    "Access-Control-Allow-Origin": "*",
  };
  if (format === "svg") {
    return new Response(renderSvgChart(geometry, presentation.theme), {
      headers: { ...headers, "Content-Type": "image/svg+xml; charset=utf-8" },
    });
  }
  return renderPngChart(geometry, presentation.theme, headers);
}
