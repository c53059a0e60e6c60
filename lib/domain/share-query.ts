import { z } from "zod";
import { COHORT_PATTERN } from "./cohorts";
import { ATTRIBUTION_IDS, DERIVATIVE_IDS, GROUP_BY_IDS, INTERVAL_IDS } from "./dimensions";
import { METRIC_IDS } from "./metrics";
import { POPULATION_IDS } from "./populations";
import { countryItem, csvList, format, isoDate, slugItem, tagValue } from "./query-fragments";

export const cohortSchema = z.string().regex(COHORT_PATTERN, 'must be "all", "new-12m" or "created-YYYY"');

const MAX_RANGE_DAYS = 366 * 10;

/** GET /api/v1/share (and its images and embeds): one schema for server and client. */
export const shareQuerySchema = z
  .object({
    metric: z.enum(METRIC_IDS).default("downloads30d"),
    groupBy: z.enum(GROUP_BY_IDS).default("region"),
    interval: z.enum(INTERVAL_IDS).default("month"),
    from: isoDate.optional(),
    to: isoDate.optional(),
    labs: csvList(slugItem, 50).optional(),
    countries: csvList(countryItem, 50).optional(),
    task: tagValue.optional(),
    library: tagValue.optional(),
    cohort: cohortSchema.default("all"),
    attribution: z.enum(ATTRIBUTION_IDS).default("developer"),
    derivatives: z.enum(DERIVATIVE_IDS).default("include"),
    /** Absent: the Hub's listing when it has dates, else the study's subset (never both). */
    population: z.enum(POPULATION_IDS).optional(),
    top: z.coerce.number().int("must be a whole number").min(1).max(50).default(10),
    crossover: csvList(z.string().min(1).max(100), 2)
      .refine((l) => l.length === 2, "must name two series, e.g. CN,US")
      .optional(),
    format,
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to)
      ctx.addIssue({ code: "custom", path: ["from"], message: "must not be after to" });
    if (q.from && q.to && (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 > MAX_RANGE_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "range must be at most 10 years" });
    }
    if (q.labs && (q.groupBy === "region" || q.groupBy === "country")) {
      ctx.addIssue({
        code: "custom",
        path: ["labs"],
        message: "selects series of groupBy=lab or groupBy=org",
      });
    }
    if (q.countries && q.groupBy === "region") {
      ctx.addIssue({
        code: "custom",
        path: ["countries"],
        message: "selects series of groupBy=country, lab or org",
      });
    }
  });

export const SHARE_PARAMS: readonly string[] = Object.keys(shareQuerySchema.shape);

export type ShareQuery = z.infer<typeof shareQuerySchema>;
export type ShareQueryInput = z.input<typeof shareQuerySchema>;

/** Canonical query string of a parsed query: permalinks, cache keys, embed URLs. */
export function shareQueryString(q: Partial<ShareQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) {
    if (value === undefined || value === null || key === "format") continue;
    params.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  return params.toString();
}
