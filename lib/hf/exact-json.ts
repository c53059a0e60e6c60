import { parse } from "lossless-json";

/**
 * JSON parsing that keeps every integer exact: integers beyond Number.MAX_SAFE_INTEGER become
 * `bigint`, everything else is what JSON.parse returns. A text with a run of 16+ digits (the only
 * way to write an unsafe integer) goes through lossless-json; every other text takes the fast
 * native JSON.parse.
 */
export function parseJsonExact(text: string): unknown {
  return /\d{16}/.test(text) ? parseJsonWithBigInts(text) : JSON.parse(text);
}

/** Always the exact parser; exported for tests. */
export function parseJsonWithBigInts(text: string): unknown {
  return parse(text, null, exactNumber);
}

function exactNumber(literal: string): number | bigint {
  if (!/^-?\d+$/.test(literal)) return Number(literal);
  const value = Number(literal);
  return Number.isSafeInteger(value) ? value : BigInt(literal);
}
