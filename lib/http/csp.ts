/** Paths whose pages any site may frame (journalists' embeds). */
export const isFrameablePage = (pathname: string): boolean =>
  pathname === "/embed" || pathname.startsWith("/embed/");

/**
 * The pages' Content-Security-Policy: scripts only with this request's nonce (Next.js applies it
 * to its own scripts), nothing from other origins. Inline style attributes are allowed: React
 * and the charts set them. Only embeds may be framed, by anyone.
 */
export function pageCsp(
  nonce: string,
  pathname: string,
  dev = process.env.NODE_ENV === "development",
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${isFrameablePage(pathname) ? "*" : "'none'"}`,
  ].join("; ");
}

/**
 * The embed's policy: the same for every request (no nonce, so the page can be cached), one
 * same-origin script file (it reports the page's height to the parent), its own inline styles,
 * and the site's own Inter (its charts are laid out with Inter's metrics).
 */
export const EMBED_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors *",
].join("; ");
