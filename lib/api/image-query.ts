import { z } from "zod";
import { CHART_MODES, CHART_VALUES } from "../charts/chart-model";
import { wholeNumber, wholeNumberOr } from "../domain/query-fragments";
import { SHARE_PARAMS, type ShareQuery, shareQueryFields, shareQueryRules } from "../domain/share-query";
import { parseSearchParams } from "./parse";

/**
 * Presentation parameters of images and embeds, on top of the share query: what the page shows
 * (lines or stacked, shares or downloads) travels with the chart into every format.
 */
const presentationFields = {
  title: z
    .string()
    .trim()
    .max(120, "is too long (120 characters at most)")
    .optional()
    .describe("Replaces the title"),
  theme: z.enum(["light", "dark"]).default("light").describe("Colours, whatever the reader's system prefers"),
  mode: z.enum(CHART_MODES).default("lines").describe("lines, or stacked areas"),
  value: z.enum(CHART_VALUES).default("share").describe("Shares, or download counts"),
};

const imagePresentationFields = {
  ...presentationFields,
  width: wholeNumberOr(1200, 320, 2400).describe("Width in pixels"),
  height: wholeNumberOr(630, 240, 1600).describe("Height in pixels"),
};

const embedPresentationFields = {
  ...presentationFields,
  height: wholeNumber(200, 1600).optional().describe("Height in pixels (default: the chart's own)"),
};

const { format: _format, ...shareFields } = shareQueryFields;

/** share.png and share.svg: a share query (no format) and the image's presentation. */
export const imageQuerySchema = z
  .object({ ...shareFields, ...imagePresentationFields })
  .superRefine(shareQueryRules);
/** /embed/share and oEmbed links: a share query and the embed's presentation. */
export const embedQuerySchema = z
  .object({ ...shareFields, ...embedPresentationFields })
  .superRefine(shareQueryRules);

export type ImagePresentation = Pick<z.infer<typeof imageQuerySchema>, keyof typeof imagePresentationFields>;
export type EmbedPresentation = Pick<z.infer<typeof embedQuerySchema>, keyof typeof embedPresentationFields>;

export const IMAGE_PARAMS: readonly string[] = Object.keys(imageQuerySchema.shape);
export const EMBED_PARAMS: readonly string[] = Object.keys(embedQuerySchema.shape);

type Parsed<S extends typeof imageQuerySchema | typeof embedQuerySchema> = z.infer<S>;

/** Splits a parsed image or embed query into the share query and its presentation. */
function split<P>(
  parsed: Record<string, unknown>,
  presentationKeys: readonly string[],
): { share: ShareQuery; presentation: P } {
  const share: Record<string, unknown> = { format: "json" };
  const presentation: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed))
    (presentationKeys.includes(key) && !SHARE_PARAMS.includes(key) ? presentation : share)[key] = value;
  return { share: share as ShareQuery, presentation: presentation as P };
}

/** Validates an image query in one pass: every problem is reported at once. */
export function parseImageQuery(params: URLSearchParams): {
  share: ShareQuery;
  presentation: ImagePresentation;
} {
  const parsed: Parsed<typeof imageQuerySchema> = parseSearchParams(imageQuerySchema, params, IMAGE_PARAMS);
  return split(parsed, Object.keys(imagePresentationFields));
}

/** Validates an embed query in one pass: every problem is reported at once. */
export function parseEmbedQuery(params: URLSearchParams): {
  share: ShareQuery;
  presentation: EmbedPresentation;
} {
  const parsed: Parsed<typeof embedQuerySchema> = parseSearchParams(embedQuerySchema, params, EMBED_PARAMS);
  return split(parsed, Object.keys(embedPresentationFields));
}
