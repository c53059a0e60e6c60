import { z } from "zod";
import { LAB_SLUG_PATTERN, LAB_SLUG_RULE, TAG_PATTERN, TAG_RULE } from "./hub-names";

/** Shared zod pieces for query strings; every list, string and range is bounded. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return (
      !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= "2015-01-01" && s <= "2100-12-31"
    );
  }, "must be a real date between 2015-01-01 and 2100-12-31");

/** A comma-separated list with a cap on its length and on each item. */
export function csvList(item: z.ZodType<string, string>, max: number) {
  return z
    .string()
    .max(2000, "is too long")
    .transform((s) =>
      s
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(max, `lists at most ${max} values`));
}

export const slugItem = z.string().regex(LAB_SLUG_PATTERN, LAB_SLUG_RULE);
export const countryItem = z
  .string()
  .regex(/^([A-Z]{2}|INTL|UNKNOWN)$/, "must be ISO 3166-1 alpha-2 codes (or INTL, UNKNOWN)");
export const tagValue = z.string().max(80, "is too long").regex(TAG_PATTERN, TAG_RULE);

export const format = z.enum(["json", "csv"]).default("json");

/**
 * A whole number as people write one in a URL: decimal digits, an optional minus, nothing else.
 * Number() would read `1e3`, `+5`, `0x10`, ` 5` and "" (as 0); a query refuses them. The document
 * shows it as the integer it stands for (lib/api/openapi.ts drops the pattern).
 */
export function wholeNumber(min: number, max: number) {
  return z
    .string()
    .regex(/^-?[0-9]{1,12}$/, "must be a whole number written in decimal digits (e.g. 25)")
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .meta({ type: "integer", minimum: min, maximum: max });
}

/** wholeNumber with the value an absent parameter takes. */
export function wholeNumberOr(fallback: number, min: number, max: number) {
  return wholeNumber(min, max).default(fallback);
}

export const formatOnlySchema = z.object({ format });
