import { z as classic } from "zod";
import * as z from "zod/mini";
import { LAB_SLUG_PATTERN, LAB_SLUG_RULE, TAG_PATTERN, TAG_RULE } from "./hub-names";
import { WHOLE_NUMBER, WHOLE_NUMBER_RULE } from "./whole-number";

/**
 * Shared zod pieces for query strings; every list, string and range is bounded. The pieces a
 * chart's URL is made of are zod/mini (the browser parses URLs with them: a few kB instead of
 * zod's whole API); server schemas compose them with zod's classic API.
 */
export const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD"),
  z.refine((s: string) => {
    const d = new Date(`${s}T00:00:00Z`);
    return (
      !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= "2015-01-01" && s <= "2100-12-31"
    );
  }, "must be a real date between 2015-01-01 and 2100-12-31"),
);

/** A comma-separated list with a cap on its length and on each item. */
export function csvList(item: z.ZodMiniType<string, string>, max: number) {
  return z.pipe(
    z.pipe(
      z.string().check(z.maxLength(2000, "is too long")),
      z.transform((s: string) =>
        s
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ),
    z.array(item).check(z.maxLength(max, `lists at most ${max} values`)),
  );
}

export const slugItem = z.string().check(z.regex(LAB_SLUG_PATTERN, LAB_SLUG_RULE));
export const countryItem = z
  .string()
  .check(z.regex(/^([A-Z]{2}|INTL|UNKNOWN)$/, "must be ISO 3166-1 alpha-2 codes (or INTL, UNKNOWN)"));
export const tagValue = z.string().check(z.maxLength(80, "is too long"), z.regex(TAG_PATTERN, TAG_RULE));

/** A tabular answer's formats: JSON, RFC 4180 CSV, or Parquet (typed columns, notes in its metadata). */
export const FORMATS = ["json", "csv", "parquet"] as const;
export const format = classic.enum(FORMATS).default("json");

/**
 * A whole number within bounds, from a URL's text (lib/domain/whole-number.ts). Its JSON Schema is
 * the integer it stands for: the output's for the browser's reader, the input's in the OpenAPI
 * document (lib/api/openapi.ts shows the integer rather than the text's pattern).
 */
export function wholeNumber(min: number, max: number) {
  return z.pipe(
    z.pipe(z.string().check(z.regex(WHOLE_NUMBER, WHOLE_NUMBER_RULE)), z.transform(Number)),
    z
      .number()
      .check(
        z.int("must be a whole number"),
        z.minimum(min, `must be at least ${min}`),
        z.maximum(max, `must be at most ${max}`),
      ),
  );
}

/** wholeNumber with the value an absent parameter takes, for server-side schemas. */
export function wholeNumberOr(fallback: number, min: number, max: number) {
  return classic._default(wholeNumber(min, max), fallback);
}

export const formatOnlySchema = classic.object({ format });

/** A log's formats (ingestion runs): JSON or CSV. */
export const logFormatSchema = classic.object({ format: classic.enum(["json", "csv"]).default("json") });
