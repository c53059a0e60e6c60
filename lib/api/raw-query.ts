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

const DOT_SEGMENT = /^\.{1,2}$/;

/**
 * What only the request target as sent shows (the server entry checks it before Next, which
 * redirects `//` and `\\` with a 308, removes dot segments and drops a `__proto__` parameter):
 * an API path with a dot segment, encoded or not, an empty segment or a backslash, or a
 * `__proto__` parameter, is a 400 naming it.
 */
export function rawTargetError(target: string): ApiError | null {
  const [path = "", query = ""] = target.split(/\?(.*)/s, 2);
  const segments = path.split("/").slice(1);
  for (const [i, segment] of segments.entries()) {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      continue; // the proxy names undecodable segments
    }
    const last = i === segments.length - 1;
    if (DOT_SEGMENT.test(decoded) || decoded.includes("\\") || (decoded === "" && !last))
      return new ApiError(
        "bad_request",
        `The path segment "${segment.slice(0, 40)}" is not allowed: name the resource itself (no ".", "..", empty segments or backslashes).`,
        [{ path: "(path)", message: "has a dot segment, an empty segment or a backslash" }],
      );
  }
  for (const part of query.split("&")) {
    const key = part.split("=")[0] ?? "";
    let decoded = key;
    try {
      decoded = decodeURIComponent(key.replace(/\+/g, " "));
    } catch {
      continue;
    }
    if (decoded === "__proto__")
      return new ApiError("bad_request", "Invalid query parameters: __proto__: is not a known parameter", [
        { path: "__proto__", message: "is not a known parameter" },
      ]);
  }
  return null;
}
