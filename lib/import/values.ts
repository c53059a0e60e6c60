import { BASE_MODEL_RELATIONS, type BaseModelRelation } from "../hf";

/**
 * Cell parsers shared by every format. Parquet hands over typed values (bigint for INT64, Date for
 * DATE/TIMESTAMP, arrays and objects for LIST/STRUCT/JSON); CSV hands over strings. Each parser
 * returns null for a missing value (null, undefined, "", NaN) and throws BadValue for a value it
 * cannot read, so the caller can name the row and column.
 */

export class BadValue extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "BadValue";
  }
}

const isMissing = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "") || Number.isNaN(v);

const WHOLE = /^\+?\d+$/;
const DECIMAL = /^\+?\d+(?:\.\d*)?(?:e\+?\d+)?$/i;

/** A download count: exact BigInt, never negative. */
export function parseCount(v: unknown): bigint | null {
  if (isMissing(v)) return null;
  if (typeof v === "bigint") {
    if (v < 0n) throw new BadValue("is negative");
    return v;
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v) || !Number.isInteger(v)) throw new BadValue("is not a whole number");
    if (v < 0) throw new BadValue("is negative");
    if (!Number.isSafeInteger(v)) throw new BadValue("is too large to be exact as a floating-point number");
    return BigInt(v);
  }
  if (typeof v === "string") {
    const s = v.trim();
    if (WHOLE.test(s)) return BigInt(s);
    if (s.startsWith("-")) throw new BadValue("is negative");
    // Spreadsheets and pandas write whole counts as "1234.0" or "1.5e+09".
    if (DECIMAL.test(s)) return parseCount(Number(s));
    throw new BadValue("is not a whole number");
  }
  throw new BadValue("is not a number");
}

/** Likes fit the int column. */
export function parseLikes(v: unknown): number | null {
  const n = parseCount(v);
  if (n === null) return null;
  if (n > 2_147_483_647n) throw new BadValue("is larger than 2,147,483,647");
  return Number(n);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DAY_PREFIX = /^\d{4}-\d{2}-\d{2}/;

function realDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** Unix time as a number: seconds, milliseconds, microseconds or nanoseconds by magnitude. */
function fromEpoch(n: number | bigint): Date {
  const big = typeof n === "bigint" ? n : BigInt(Math.trunc(n));
  const abs = big < 0n ? -big : big;
  const ms =
    abs < 100_000_000_000n
      ? big * 1000n
      : abs < 100_000_000_000_000n
        ? big
        : abs < 100_000_000_000_000_000n
          ? big / 1000n
          : big / 1_000_000n;
  return new Date(Number(ms));
}

/** A point in time: Date, ISO-8601 text ("2025-08-01", "2025-08-01 12:00:00+00:00"), or Unix time. */
export function parseTimestamp(v: unknown): Date | null {
  if (isMissing(v)) return null;
  let d: Date;
  if (v instanceof Date) d = v;
  else if (typeof v === "number" || typeof v === "bigint") d = fromEpoch(v);
  else if (typeof v === "string") {
    const s = v.trim();
    if (!ISO_DAY_PREFIX.test(s))
      throw new BadValue("is not a date (expected YYYY-MM-DD or an ISO-8601 time)");
    if (ISO_DAY.test(s)) {
      if (!realDay(s)) throw new BadValue("is not a real calendar date");
      d = new Date(`${s}T00:00:00Z`);
    } else {
      // "2025-08-01 12:00:00" is UTC, as the Hub and pandas mean it.
      let iso = s.replace(" ", "T");
      if (!/(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(iso)) iso += "Z";
      d = new Date(iso);
    }
  } else throw new BadValue("is not a date");
  if (Number.isNaN(d.getTime())) throw new BadValue("is not a date");
  const year = d.getUTCFullYear();
  if (year < 2000 || year > 2100) throw new BadValue(`is outside 2000–2100 (${d.toISOString()})`);
  return d;
}

/** The UTC calendar day of a snapshot time, as YYYY-MM-DD. */
export function parseSnapshotDay(v: unknown): string | null {
  const d = parseTimestamp(v);
  return d === null ? null : d.toISOString().slice(0, 10);
}

const HUB_ID = /^[\w.-]+(?:\/[\w.-]+)?$/;

/** A Hub model id, `namespace/name` (legacy ids have no namespace). */
export function parseHubId(v: unknown): string | null {
  if (isMissing(v)) return null;
  if (typeof v !== "string") throw new BadValue("is not text");
  const id = v.trim();
  if (id.length > 200 || !HUB_ID.test(id)) throw new BadValue("is not a Hub model id (namespace/name)");
  return id;
}

export function parseText(v: unknown, max = 200): string | null {
  if (isMissing(v)) return null;
  const s = String(v).trim();
  if (s.length > max) throw new BadValue(`is longer than ${max} characters`);
  return s;
}

const FALSE_WORDS = ["false", "0", "no"];
const TRUE_WORDS = ["true", "1", "yes"];
/** Gated on the Hub: "auto" or "manual" approval. */
const GATED_WORDS = [...TRUE_WORDS, "auto", "manual"];

/** A yes/no value: booleans, numbers (0 is no), and the words given for yes and FALSE_WORDS for no. */
function parseYesNo(v: unknown, yes: readonly string[], problem: string): boolean | null {
  if (isMissing(v)) return null;
  if (typeof v === "boolean") return v;
  if (typeof v === "number" || typeof v === "bigint") return Number(v) !== 0;
  if (typeof v === "string") {
    const s = v.trim().toLowerCase();
    if (FALSE_WORDS.includes(s)) return false;
    if (yes.includes(s)) return true;
  }
  throw new BadValue(problem);
}

/** The Hub's gated field: false, "auto" or "manual" (any truthy value means gated). */
export function parseGated(v: unknown): boolean | null {
  return parseYesNo(v, GATED_WORDS, "is not a gated value (false, auto, manual)");
}

/** A yes/no flag (the listing's `private`): booleans, 0/1, "true"/"false". */
export function parseFlag(v: unknown): boolean | null {
  return parseYesNo(v, TRUE_WORDS, "is not true or false");
}

/** A JSON column may arrive as text: parse objects and arrays, keep anything else as it is. */
function maybeJson(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const s = v.trim();
  if (!(s.startsWith("{") || s.startsWith("["))) return v;
  try {
    return JSON.parse(s);
  } catch {
    return v;
  }
}

/** safetensors `{parameters: {...}, total: N}` (struct or JSON text): the total parameter count. */
export function parseParameters(v: unknown): bigint | null {
  const value = maybeJson(v);
  if (isMissing(value)) return null;
  if (typeof value === "object" && value !== null && "total" in value) {
    return parseCount((value as { total: unknown }).total);
  }
  if (typeof value === "bigint" || typeof value === "number") return parseCount(value);
  return null;
}

/** Tags as a list, JSON text or a comma-separated string. */
export function parseTags(v: unknown): string[] {
  const value = maybeJson(v);
  if (isMissing(value)) return [];
  if (Array.isArray(value)) return value.filter((t): t is string => typeof t === "string");
  if (typeof value === "string")
    return value
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
  throw new BadValue("is not a list of tags");
}

export type BaseModels = { ids: string[]; relation: BaseModelRelation | null };

const RELATIONS: ReadonlySet<string> = new Set(BASE_MODEL_RELATIONS);
const ID_IN_TEXT = /[\w.-]+\/[\w.-]+/g;

/** What files write where a model has no base (the study's `merged_derived_from` says "No"). */
const NOT_A_BASE = new Set(["", "no", "none", "null", "nan", "n/a", "-"]);

/**
 * Base models however a file spells them: the Hub's `{relation, models: [{id}]}` (struct or JSON
 * text), a list of ids or of `{id}`, or text holding ids (`"a/b, c/d"`, `"['a/b']"`). Only
 * `namespace/name` ids are taken from free text. "No", empty strings and the model itself (ids
 * match as the Hub resolves them, ignoring case) are not bases.
 */
export function parseBaseModels(v: unknown, self?: string): BaseModels {
  const value = maybeJson(v);
  const out: BaseModels = { ids: [], relation: null };
  const selfKey = self?.toLowerCase();
  const add = (id: unknown) => {
    if (typeof id === "string") {
      const trimmed = id.trim();
      const key = trimmed.toLowerCase();
      if (NOT_A_BASE.has(key) || key === selfKey || !HUB_ID.test(trimmed)) return;
      if (!out.ids.some((known) => known.toLowerCase() === key)) out.ids.push(trimmed);
    } else if (typeof id === "object" && id !== null && "id" in id) add((id as { id: unknown }).id);
  };
  if (isMissing(value)) return out;
  if (Array.isArray(value)) {
    for (const item of value) add(item);
  } else if (typeof value === "object" && value !== null) {
    const o = value as { relation?: unknown; models?: unknown };
    if (typeof o.relation === "string" && RELATIONS.has(o.relation))
      out.relation = o.relation as BaseModelRelation;
    if (Array.isArray(o.models)) for (const item of o.models) add(item);
  } else if (typeof value === "string") {
    for (const match of value.matchAll(ID_IN_TEXT)) add(match[0]);
  } else throw new BadValue("is not a base-model list");
  return out;
}

/** A short, printable rendering of a cell for error messages. */
export function showValue(v: unknown): string {
  let s: string;
  if (typeof v === "bigint") s = `${v}`;
  else if (v instanceof Date) s = Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString();
  else if (typeof v === "string") s = JSON.stringify(v);
  else {
    try {
      s = JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}` : x)) ?? String(v);
    } catch {
      s = String(v);
    }
  }
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
