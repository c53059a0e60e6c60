import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";

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
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(n))
    throw new Error(`TRUST_PROXY must be a number of proxies (or true/false), not "${value}"`);
  return n;
}

const list = (value: string | null) =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The socket's address, which Next's server does not pass on (it keeps a client's own
 * X-Forwarded-For, and writes the socket's there only when there is none): the server entry
 * (scripts/serve.ts) writes it into a header of its own, over any copy the client sent. Without
 * the server entry (plain `next start`, a serverless host) the header is ignored, since a client could
 * have written it: the process-wide mark says the entry is there.
 */
export const PEER_HEADER = "x-open-model-share-peer";

const entry = globalThis as { __openModelShareServerEntry?: boolean };

/** Called once by the server entry, before it serves: its headers are then believed. */
export function markServerEntry(): void {
  entry.__openModelShareServerEntry = true;
}

/** In the server entry, before Next sees the request: the header, from the connection. */
export function stampPeer(request: IncomingMessage): void {
  request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
}

/**
 * The client's address: behind N trusted proxies, the N-th X-Forwarded-For entry from the right
 * (the address the outermost trusted proxy saw); without one, the socket's. Null when neither is
 * known: no trusted proxy and no server entry (see the README's deployment section).
 */
export function clientAddress(request: Request): string | null {
  const hops = trustedProxies();
  const forwarded = hops > 0 ? list(request.headers.get("x-forwarded-for")) : [];
  if (forwarded.length > 0) return forwarded[Math.max(0, forwarded.length - hops)] as string;
  return entry.__openModelShareServerEntry ? request.headers.get(PEER_HEADER) || null : null;
}

/**
 * The key of an address's request budget: an IPv4 address as itself (IPv4-mapped IPv6 too), an
 * IPv6 address by its /64 (one subscriber's network: a client picks any address inside it).
 */
export function addressKey(address: string): string {
  const bare = address.replace(/^\[|\](:\d+)?$/g, "").replace(/%.*$/, "");
  if (!ipaddr.isValid(bare)) return address.slice(0, 100);
  const parsed = ipaddr.process(bare);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((p) => p.toString(16)).join(":")}::/64`;
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
