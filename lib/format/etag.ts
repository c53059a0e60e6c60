import { createHash } from "node:crypto";

/** A strong ETag from the parts that make an answer what it is. */
export function etagOf(...parts: string[]): string {
  return `"${createHash("sha1").update(parts.join("\n")).digest("base64url").slice(0, 22)}"`;
}
