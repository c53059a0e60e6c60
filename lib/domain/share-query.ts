import { z } from "zod";
import { CHART_FIELDS, type FieldKey, type FieldValue } from "./chart-fields";
import {
  CHART_STATE_VERSION,
  QUESTION_KEYS,
  SURFACES,
  type Surface,
  type SurfaceKey,
  type SurfaceQuery,
  surfaceDefault,
  surfaceKeys,
  VERSION_KEY,
} from "./chart-state";
import { wholeNumber } from "./query-fragments";

const MAX_RANGE_DAYS = 366 * 10;

type Issue = { path: string; message: string };
type Question = Partial<{ [K in FieldKey]: FieldValue<K> }>;

/** The rules across a share question's keys, for every surface that asks one. */
export function shareQuestionIssues(q: Question): Issue[] {
  const issues: Issue[] = [];
  if (q.from && q.to && q.from > q.to) issues.push({ path: "from", message: "must not be after to" });
  if (q.from && q.to && (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 > MAX_RANGE_DAYS)
    issues.push({ path: "to", message: "range must be at most 10 years" });
  if (q.labs && (q.groupBy === "region" || q.groupBy === "country"))
    issues.push({ path: "labs", message: "selects series of groupBy=lab or groupBy=org" });
  if (q.countries && q.groupBy === "region")
    issues.push({ path: "countries", message: "selects series of groupBy=country, lab or org" });
  return issues;
}

/** Rules of a surface's presentation (a framed image needs room for its title and notes). */
const PRESENTATION_RULES: Partial<Record<Surface, (q: Question) => Issue[]>> = {
  image: (q) =>
    q.height !== undefined && q.height < 240 ? [{ path: "height", message: "must be at least 240" }] : [],
};

type SurfaceShape<S extends Surface> = {
  [K in SurfaceKey<S>]: z.ZodType<SurfaceQuery<S>[K & keyof SurfaceQuery<S>], string | undefined>;
};

/**
 * A surface's zod schema, made from the chart state's fields (lib/domain/chart-fields.ts): its
 * keys, each with its surface's default or optional, described for the OpenAPI document, and the
 * rules across keys. The API, the embed, the images and the page all parse with one of these.
 */
export function surfaceSchema<S extends Surface>(surface: S) {
  const shape: Record<string, z.ZodType> = {};
  for (const key of surfaceKeys(surface)) {
    const field = CHART_FIELDS[key];
    const fallback = surfaceDefault(surface, key);
    const schema = fallback === undefined ? z.optional(field.schema) : z._default(field.schema, fallback);
    shape[key] = schema.describe(field.description);
  }
  // Read before the schema runs (old links are migrated first); declared so the API document lists it.
  if (SURFACES[surface].versioned)
    shape[VERSION_KEY] = z
      .optional(wholeNumber(1, CHART_STATE_VERSION))
      .describe(
        `Link format (now ${CHART_STATE_VERSION}); links without it are read in their original format`,
      );
  return z.object(shape as SurfaceShape<S>).superRefine((q, ctx) => {
    const values = q as Question;
    for (const issue of [...shareQuestionIssues(values), ...(PRESENTATION_RULES[surface]?.(values) ?? [])])
      ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  });
}

/** GET /api/v1/share: one schema for server and client. */
export const shareQuerySchema = surfaceSchema("api");

export const SHARE_PARAMS: readonly string[] = surfaceKeys("api");

/** A parsed /api/v1/share query: the question, and how its answer is written (format, locale). */
export type ShareApiQuery = SurfaceQuery<"api">;
/** What a share answer is computed for: the question and the format (the locale only formats text). */
export type ShareQuery = Omit<ShareApiQuery, "locale">;

/** A query without its locale: answers are computed, cached and echoed once for every language. */
export function shareQuestionOf(query: ShareQuery | ShareApiQuery): ShareQuery {
  if (!("locale" in query)) return query;
  const { locale: _locale, ...question } = query;
  return question;
}
export type ShareQueryInput = z.input<typeof shareQuerySchema>;

/**
 * Canonical query string of a parsed query's question (what is asked of the data, not how it is
 * shown): cache keys, ETags.
 */
export function shareQueryString(q: Partial<ShareQuery>): string {
  const params = new URLSearchParams();
  const question: readonly string[] = QUESTION_KEYS;
  for (const [key, value] of Object.entries(q)) {
    if (value === undefined || value === null || !question.includes(key)) continue;
    params.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  return params.toString();
}
