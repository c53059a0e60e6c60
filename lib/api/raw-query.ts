import { ApiError } from "./errors";

const NUL = String.fromCharCode(0);
const REPLACEMENT = "\uFFFD";

/**
 * Invalid UTF-8 in a query becomes U+FFFD on its way in (Next re-encodes the URL before any of
 * our code sees it, as URLSearchParams would), and NUL is kept, which Postgres refuses: both are
 * a 400 that names the parameter. A literal U+FFFD is refused too: it only ever stands for bytes
 * that were not text.
 */
export function checkRawQuery(url: string): void {
  const query = url.includes("?") ? (url.slice(url.indexOf("?") + 1).split("#")[0] ?? "") : "";
  if (!query) return;
  const issues: { path: string; message: string }[] = [];
  for (const part of query.split("&")) {
    if (!part) continue;
    const [rawKey = "", ...rest] = part.split("=");
    const rawValue = rest.join("=");
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, " "));
    } catch {
      issues.push({ path: rawKey.slice(0, 40), message: "is not valid UTF-8 (malformed percent-encoding)" });
      continue;
    }
    try {
      value = decodeURIComponent(rawValue.replace(/\+/g, " "));
    } catch {
      issues.push({ path: key.slice(0, 40), message: "is not valid UTF-8 (malformed percent-encoding)" });
      continue;
    }
    const path = key.split(NUL).join("\\0").slice(0, 40);
    if (key.includes(NUL) || value.includes(NUL))
      issues.push({ path, message: "must not contain NUL characters" });
    else if (key.includes(REPLACEMENT) || value.includes(REPLACEMENT))
      issues.push({
        path,
        message: "is not valid UTF-8 (it holds U+FFFD, the replacement for bytes that are not text)",
      });
  }
  if (issues.length > 0)
    throw new ApiError(
      "bad_request",
      `Invalid query parameters: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      issues,
    );
}

/** A path segment that does not decode (malformed percent-encoding, invalid UTF-8, NUL): the proxy answers 400. */
export function badPathSegment(pathname: string): string | null {
  for (const segment of pathname.split("/")) {
    try {
      const decoded = decodeURIComponent(segment);
      if (decoded.includes(NUL) || decoded.includes(REPLACEMENT)) return segment;
    } catch {
      return segment;
    }
  }
  return null;
}
