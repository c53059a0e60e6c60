import { z } from "zod";

/**
 * A download count. The body is parsed with parseJsonExact, so a count arrives as a number when
 * it is a safe integer and as a bigint beyond 2^53; either way it leaves as an exact bigint.
 */
const count = z
  .custom<number | bigint>((v) => typeof v === "number" || typeof v === "bigint", {
    error: "expected number",
  })
  .transform((v, ctx): bigint => {
    if (typeof v === "bigint") {
      if (v >= 0n) return v;
    } else if (Number.isSafeInteger(v) && v >= 0) {
      return BigInt(v);
    }
    ctx.addIssue({ code: "custom", message: "expected a non-negative integer" });
    return z.NEVER;
  });

const nonNegativeInt = z.number().refine((n) => Number.isSafeInteger(n) && n >= 0, {
  error: "expected a non-negative integer",
});

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), {
  error: "expected an ISO 8601 date",
});

const gated = z.custom<boolean | "auto" | "manual">(
  (v) => typeof v === "boolean" || v === "auto" || v === "manual",
  { error: 'expected false, true, "auto" or "manual"' },
);

/** The Hub omits fields it has no value for; a null is read the same way. */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v) => v ?? undefined);
}

/**
 * One model of a `GET /api/models` page. Unknown fields are dropped. The counts are asked for
 * with `expand` and the Hub always sends them: a missing one is an error, never a silent 0.
 */
export const hubModelSchema = z.object({
  id: z.string().min(1, { error: "expected a non-empty string" }),
  _id: optional(z.string()),
  author: optional(z.string()),
  /** Downloads over the trailing 30 days. */
  downloads: count,
  /** Downloads since the repo was created. */
  downloadsAllTime: count,
  likes: nonNegativeInt,
  /** With a token the listing includes the token owner's private models: never stored. */
  private: optional(z.boolean()),
  /** ISO strings as the Hub sends them; 2022-03-02T23:29:04.000Z means "on or before". */
  createdAt: optional(isoDate),
  lastModified: optional(isoDate),
  pipeline_tag: optional(z.string()),
  library_name: optional(z.string()),
  tags: optional(z.array(z.string())),
  gated: optional(gated),
  safetensors: optional(
    z.object({
      total: optional(nonNegativeInt),
      parameters: optional(z.record(z.string(), nonNegativeInt)),
    }),
  ),
});

export type HubModel = z.output<typeof hubModelSchema>;

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Validates a whole page; the problem names the model and the field. */
export function checkModelPage(body: unknown): Checked<HubModel[]> {
  if (!Array.isArray(body)) {
    return { ok: false, problem: `expected a JSON array of models, got ${typeName(body)}` };
  }
  const models: HubModel[] = [];
  for (const [index, raw] of body.entries()) {
    const checked = checkModel(raw, index);
    if (!checked.ok) return checked;
    models.push(checked.value);
  }
  return { ok: true, value: models };
}

/** Validates one model object; `index` only labels a model that has no usable id. */
export function checkModel(raw: unknown, index = 0): Checked<HubModel> {
  const result = hubModelSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const id = isRecord(raw) && typeof raw.id === "string" ? raw.id : null;
  const who = id !== null ? `model ${JSON.stringify(id)}` : `model #${index + 1} (no id)`;
  const [first] = result.error.issues;
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : "";
  return { ok: false, problem: `${who}: ${first ? describeIssue(first, raw) : "invalid"}${more}` };
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  if (!isRecord(raw)) return `expected an object, got ${typeName(raw)}`;
  const field = fieldPath(issue.path);
  const value = valueAt(raw, issue.path);
  if (issue.code === "invalid_type") {
    return `field "${field}": expected ${issue.expected}, got ${typeName(value)}`;
  }
  if (value === undefined || TYPE_CHECK.test(issue.message)) {
    return `field "${field}": ${issue.message}, got ${typeName(value)}`;
  }
  return `field "${field}": ${issue.message}, got ${preview(value)}`;
}

/** Custom checks whose message names a type report the received type, like invalid_type. */
const TYPE_CHECK = /^expected (number|string|boolean|object|array)$/;

function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let current = raw;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === "number") current = current[key];
    else if (isRecord(current) && typeof key === "string") current = current[key];
    else return undefined;
  }
  return current;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function typeName(v: unknown): string {
  if (v === undefined) return "nothing (field missing)";
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function preview(v: unknown): string {
  const text = typeof v === "bigint" ? v.toString() : (JSON.stringify(v) ?? String(v));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
