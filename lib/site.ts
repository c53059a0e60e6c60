export const SITE_NAME = "Open Model Share";

/**
 * Absolute URLs in embeds, oEmbed and social cards: SITE_URL when set, else the origin the
 * client used (its Host header; behind a proxy, X-Forwarded-Proto/Host).
 */
export function siteOrigin(request?: Request): string {
  const configured = process.env.SITE_URL?.replace(/\/+$/, "");
  if (configured) return configured;
  if (!request) return "http://localhost:3000";
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}
