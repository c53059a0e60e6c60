/**
 * Who is asking and at which address they reached us. X-Forwarded-* headers are believed only
 * when TRUST_PROXY says how many proxies set them (TRUST_PROXY=1 behind one reverse proxy; "true"
 * means 1): otherwise any client could name another host or another address.
 */
export function trustedProxies(value = process.env.TRUST_PROXY): number {
  const v = value?.trim().toLowerCase();
  if (!v || v === "0" || v === "false") return 0;
  if (v === "true") return 1;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`TRUST_PROXY must be a number of proxies (or true/false), not "${value}"`);
  return n;
}

const list = (value: string | null) =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The client's address: behind N trusted proxies, the N-th X-Forwarded-For entry from the right
 * (the address the outermost trusted proxy saw). Without a trusted proxy, what Next's server put
 * there: the connection's address, unless the client sent the header itself (then its last entry
 * stands for that client — set TRUST_PROXY behind a proxy, where it always is).
 */
export function clientAddress(request: Request): string {
  const forwarded = list(request.headers.get("x-forwarded-for"));
  const hops = trustedProxies();
  if (hops > 0 && forwarded.length > 0) return forwarded[Math.max(0, forwarded.length - hops)] as string;
  return forwarded.at(-1) ?? "unknown";
}

const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

/**
 * The origin the client used: from X-Forwarded-Proto/Host behind a trusted proxy, else the Host
 * header over plain HTTP (Next's own server speaks no TLS). Null when the host is not a host name.
 */
export function requestOrigin(headers: Headers): string | null {
  const trusted = trustedProxies() > 0;
  const host = (trusted ? list(headers.get("x-forwarded-host"))[0] : undefined) ?? headers.get("host") ?? "";
  const proto = trusted ? (list(headers.get("x-forwarded-proto"))[0] ?? "http") : "http";
  if (!HOST.test(host) || (proto !== "http" && proto !== "https")) return null;
  return `${proto}://${host.toLowerCase()}`;
}

/** The request headers an answer that names our origin varies with (for shared caches). */
export function originVary(): string | null {
  if (process.env.SITE_URL) return null;
  return trustedProxies() > 0 ? "Host, X-Forwarded-Host, X-Forwarded-Proto" : "Host";
}
