export interface LinkValue {
  /** Absolute when a base URL was given and the target parses against it. */
  url: string;
  /** Lower-cased relation types; `rel="next prev"` gives two. */
  rel: string[];
  params: Record<string, string>;
}

/**
 * RFC 8288 Link header: `<uri>; rel="next"; title="x", <uri2>; rel=prev`. Commas and semicolons
 * inside <…> and quoted strings do not split, parameter names are case-insensitive, and a bad
 * member is skipped rather than failing the whole header.
 */
export function parseLinkHeader(header: string, baseUrl?: string): LinkValue[] {
  const links: LinkValue[] = [];
  let pos = 0;
  const n = header.length;

  const skipSpace = () => {
    while (pos < n && /\s/.test(header.charAt(pos))) pos++;
  };
  const skipToNextMember = () => {
    while (pos < n && header[pos] !== ",") {
      if (header[pos] === '"') readQuoted();
      else pos++;
    }
    pos++;
  };
  const readQuoted = (): string => {
    let out = "";
    pos++;
    while (pos < n && header[pos] !== '"') {
      if (header[pos] === "\\" && pos + 1 < n) pos++;
      out += header[pos];
      pos++;
    }
    pos++;
    return out;
  };

  while (pos < n) {
    skipSpace();
    if (header[pos] === ",") {
      pos++;
      continue;
    }
    if (header[pos] !== "<") {
      skipToNextMember();
      continue;
    }
    const close = header.indexOf(">", pos);
    if (close === -1) break;
    const target = header.slice(pos + 1, close).trim();
    pos = close + 1;
    const params: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (header[pos] !== ";") break;
      pos++;
      skipSpace();
      const nameStart = pos;
      while (pos < n && /[^\s=;,]/.test(header.charAt(pos))) pos++;
      const name = header.slice(nameStart, pos).toLowerCase();
      skipSpace();
      let value = "";
      if (header[pos] === "=") {
        pos++;
        skipSpace();
        if (header[pos] === '"') value = readQuoted();
        else {
          const valueStart = pos;
          while (pos < n && /[^\s;,]/.test(header.charAt(pos))) pos++;
          value = header.slice(valueStart, pos);
        }
      }
      // The first occurrence of a parameter wins (RFC 8288 §3.3 for rel).
      if (name && !(name in params)) params[name] = value;
    }
    skipSpace();
    if (pos < n && header[pos] !== ",") skipToNextMember();
    links.push({
      url: resolve(target, baseUrl),
      rel: (params.rel ?? "").toLowerCase().split(/\s+/).filter(Boolean),
      params,
    });
  }
  return links;
}

/** The `rel="next"` target, or null when the header is absent or has none. */
export function findNextLink(header: string | null | undefined, baseUrl?: string): string | null {
  if (!header) return null;
  return parseLinkHeader(header, baseUrl).find((link) => link.rel.includes("next"))?.url ?? null;
}

function resolve(target: string, baseUrl: string | undefined): string {
  try {
    return new URL(target, baseUrl).toString();
  } catch {
    return target;
  }
}
