import type { SurfaceQuery } from "../domain/chart-state";
import { QUESTION_KEYS } from "../domain/chart-state";
import type { ShareQuery } from "../domain/share-query";
import { parseChartQuery } from "./chart-query";

type Split<S extends "embed" | "image"> = {
  share: ShareQuery;
  presentation: Omit<SurfaceQuery<S>, keyof ShareQuery>;
  /** The whole query (question and presentation) */
  query: SurfaceQuery<S>;
};

function split<S extends "embed" | "image">(query: SurfaceQuery<S>): Split<S> {
  const share: Record<string, unknown> = { format: "json" };
  const presentation: Record<string, unknown> = {};
  const questionKeys: readonly string[] = QUESTION_KEYS;
  for (const [key, value] of Object.entries(query))
    (questionKeys.includes(key) ? share : presentation)[key] = value;
  return { share: share as ShareQuery, presentation: presentation as Split<S>["presentation"], query };
}

/** share.png and share.svg: a share question and the image's presentation, every problem named at once. */
export function parseImageQuery(params: URLSearchParams): Split<"image"> {
  return split(parseChartQuery("image", params).query);
}

/** /embed/share, share.zip and oEmbed links: a share question and the embed's presentation. */
export function parseEmbedQuery(params: URLSearchParams): Split<"embed"> {
  return split(parseChartQuery("embed", params).query);
}

export type ImagePresentation = Split<"image">["presentation"];
export type EmbedPresentation = Split<"embed">["presentation"];
