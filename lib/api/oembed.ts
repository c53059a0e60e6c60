import { z } from "zod";
import { shareQueryString } from "../domain/share-query";
import { SITE_NAME } from "../site";
import { ApiError } from "./errors";
import { EMBED_PARAMS, parseEmbedQuery } from "./image-query";

export const oembedQuerySchema = z.object({
  url: z.string().min(1, "is required").max(4000, "is too long"),
  maxwidth: z.coerce.number().int().min(200).max(2400).optional(),
  maxheight: z.coerce.number().int().min(200).max(1600).optional(),
  format: z.enum(["json"], { message: 'only "json" is supported' }).default("json"),
});

/**
 * oEmbed (https://oembed.com) "rich" answer for a permalink of ours — the overview with its
 * query, or an embed URL — so a CMS turns a pasted link into the live iframe.
 */
export function oembedFor(input: z.infer<typeof oembedQuerySchema>, origin: string) {
  let url: URL;
  try {
    url = new URL(input.url, origin);
  } catch {
    throw new ApiError("bad_request", "url is not a valid URL.", [
      { path: "url", message: "is not a valid URL" },
    ]);
  }
  if (url.origin !== origin) {
    throw new ApiError("not_found", `Only ${origin} links can be embedded.`, [
      { path: "url", message: "is not a link to this site" },
    ]);
  }
  if (url.pathname !== "/" && url.pathname !== "/embed/share") {
    throw new ApiError(
      "not_found",
      "That page has no embeddable chart; use a link to the overview or to /embed/share.",
    );
  }
  const params = new URLSearchParams();
  for (const [k, v] of url.searchParams) if (EMBED_PARAMS.includes(k)) params.append(k, v);
  const { share, presentation } = parseEmbedQuery(params);
  const width = Math.min(input.maxwidth ?? 720, 720);
  const height = Math.min(input.maxheight ?? presentation.height ?? 420, presentation.height ?? 420);
  const title = presentation.title ?? "Share of open-model downloads by country";
  const embedQuery = shareQueryString(share);
  const src = `${origin}/embed/share?${embedQuery}${embedQuery ? "&" : ""}${new URLSearchParams({ title, theme: presentation.theme })}`;
  const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    version: "1.0",
    type: "rich",
    provider_name: SITE_NAME,
    provider_url: origin,
    title,
    width,
    height,
    html: `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="${width}" height="${height}" loading="lazy" style="border:0;max-width:100%"></iframe>`,
    thumbnail_url: `${origin}/api/v1/share.png?${embedQuery}`,
    thumbnail_width: 1200,
    thumbnail_height: 630,
  };
}
