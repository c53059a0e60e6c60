// A URL runs to a space, quote or bracket; ", " after it is the sentence's, not the URL's.
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s)"'<>\]]+?(?=,\s|[\s)"'<>\]]|$)/gi;
const REQUEST_SUFFIX = /\((?:GET|HEAD) \[address\], (\d+ attempts?)\)/g;
const IP_HOST = /\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g;
const NAMED_HOST_PORT = /\b(?=[\w.-]*[a-z])[a-z0-9-]+(?:\.[a-z0-9-]+)*:\d{2,5}\b/gi;
const ABSOLUTE_PATH = /(?<![\w.])\/(?:[\w.@-]+\/)+[\w.@-]+/g;

/**
 * A failure as the public may read it (the runs list, the status page): one line, with no URL
 * (HF_ENDPOINT may be an internal address), host, port, file path or stack trace. The full text
 * belongs in the server's log.
 */
export function publicErrorText(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const firstLine = raw.split("\n").find((line) => line.trim() !== "") ?? "unknown error";
  return firstLine
    .replace(URL_IN_TEXT, "[address]")
    .replace(REQUEST_SUFFIX, "($1)")
    .replace(IP_HOST, "[host]")
    .replace(NAMED_HOST_PORT, "[host]")
    .replace(ABSOLUTE_PATH, "[path]")
    .trim()
    .slice(0, 500);
}
