/**
 * A shared cache (a CDN, a caching proxy) as RFC 9111 describes one: it stores an answer a shared
 * cache may store (200, `public` or `s-maxage`, not `private`, `no-store` or `no-cache`) under its
 * URL, and serves it to a later request whose headers named in the answer's `Vary` are the same
 * (`Vary: *` is never served). Nothing is keyed that `Vary` does not name, as at a real CDN.
 */
type Stored = { vary: Record<string, string | null>; status: number; headers: Headers; body: Uint8Array };

export class SharedCache {
  private readonly entries = new Map<string, Stored[]>();
  hits = 0;

  async fetch(
    url: string,
    request: Request,
    origin: (request: Request) => Promise<Response>,
  ): Promise<Response> {
    for (const stored of this.entries.get(url) ?? []) {
      const same = Object.entries(stored.vary).every(([name, value]) => request.headers.get(name) === value);
      if (same) {
        this.hits++;
        return new Response(stored.body.slice(), { status: stored.status, headers: stored.headers });
      }
    }
    const response = await origin(request);
    const body = new Uint8Array(await response.arrayBuffer());
    if (storable(response)) {
      const names = (response.headers.get("vary") ?? "")
        .split(",")
        .map((n) => n.trim().toLowerCase())
        .filter(Boolean);
      if (!names.includes("*")) {
        const vary = Object.fromEntries(names.map((n) => [n, request.headers.get(n)]));
        const list = this.entries.get(url) ?? [];
        list.push({ vary, status: response.status, headers: new Headers(response.headers), body });
        this.entries.set(url, list);
      }
    }
    return new Response(body, { status: response.status, headers: response.headers });
  }
}

function storable(response: Response): boolean {
  if (response.status !== 200) return false;
  const directives = (response.headers.get("cache-control") ?? "").toLowerCase();
  if (/\b(private|no-store|no-cache)\b/.test(directives)) return false;
  return /\bpublic\b|\bs-maxage=/.test(directives);
}
