import LinkHeader from "http-link-header";

export class MalformedLinkHeaderError extends Error {
  override name = "MalformedLinkHeaderError";
}

/**
 * The `rel="next"` target of an RFC 8288 Link header (http-link-header parses it: commas inside
 * <…> and quoted strings, case-insensitive names, several relation types), resolved against the
 * page's URL; null when the header is absent or has no next link. A header that does not parse
 * is an error, never a silent last page.
 */
export function findNextLink(header: string | null | undefined, baseUrl?: string): string | null {
  if (!header) return null;
  let parsed: LinkHeader;
  try {
    parsed = LinkHeader.parse(header);
  } catch (error) {
    throw new MalformedLinkHeaderError(`the Link header does not parse (${(error as Error).message})`);
  }
  const target = parsed.rel("next")[0]?.uri;
  if (target === undefined) return null;
  try {
    return new URL(target, baseUrl).toString();
  } catch {
    throw new MalformedLinkHeaderError(`the next link is not a URL: ${JSON.stringify(target.slice(0, 100))}`);
  }
}
