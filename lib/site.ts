import { requestOrigin } from "./http/client";

export { SITE_NAME } from "./domain/site-name";

/**
 * Absolute URLs in embeds, oEmbed, the API document and social cards: SITE_URL when set (it should
 * be, in production), else the origin the client used (lib/http/client.ts: a forwarded host only
 * behind a trusted proxy), else localhost. Answers built from a request's origin carry
 * `Vary` (originVary) so a shared cache never serves one host's links to another.
 */
export function siteOrigin(headers?: Headers): string {
  const configured = process.env.SITE_URL?.replace(/\/+$/, "");
  if (configured) return configured;
  return (headers && requestOrigin(headers)) ?? `http://localhost:${process.env.PORT || 3000}`;
}
