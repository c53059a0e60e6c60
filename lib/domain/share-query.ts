import { z } from "zod";
import { COHORT_PATTERN } from "./cohorts";
import { ATTRIBUTION_IDS, DERIVATIVE_IDS, GROUP_BY_IDS, INTERVAL_IDS } from "./dimensions";
import { METRIC_IDS } from "./metrics";
import { POPULATION_IDS } from "./populations";
import { countryItem, csvList, format, isoDate, slugItem, tagValue, wholeNumberOr } from "./query-fragments";

export const cohortSchema = z.string().regex(COHORT_PATTERN, 'must be "all", "new-12m" or "created-YYYY"');

const MAX_RANGE_DAYS = 366 * 10;

/** GET /api/v1/share's parameters (its images and embeds add their presentation to these). */
export const shareQueryFields = {
  metric: z.enum(METRIC_IDS).default("downloads30d").describe("What is counted (see /methodology#metrics)"),
  groupBy: z
    .enum(GROUP_BY_IDS)
    .default("region")
    .describe("One series per region, country, lab or registry namespace"),
  interval: z.enum(INTERVAL_IDS).default("month").describe("Bucket size of the points"),
  from: isoDate.optional().describe("First day (default: a year before `to`)"),
  to: isoDate.optional().describe("Last day (default: the latest published date)"),
  labs: csvList(slugItem, 50)
    .optional()
    .describe("Comma-separated lab slugs (at most 50): only these series are drawn"),
  countries: csvList(countryItem, 50)
    .optional()
    .describe("Comma-separated ISO 3166-1 alpha-2 codes, INTL or UNKNOWN (at most 50): only these series"),
  task: tagValue.optional().describe("Only models of this pipeline tag (e.g. text-generation)"),
  library: tagValue.optional().describe("Only models of this library (e.g. transformers, gguf)"),
  cohort: cohortSchema
    .default("all")
    .describe("all, new-12m (models younger than 12 months) or created-YYYY"),
  attribution: z
    .enum(ATTRIBUTION_IDS)
    .default("developer")
    .describe(
      "Who a model counts for: its own namespace (developer), or the root of its base-model chain (lineage)",
    ),
  derivatives: z
    .enum(DERIVATIVE_IDS)
    .default("include")
    .describe("Count fine-tunes, quantizations, merges and adapters (include) or not"),
  /** Absent: the Hub's listing when it has dates, else the study's subset (never both). */
  population: z
    .enum(POPULATION_IDS)
    .optional()
    .describe(
      "hub: the Hub's whole listing; study: the study's curated subset (default: hub when it has dates)",
    ),
  top: wholeNumberOr(10, 1, 50).describe(
    "Series drawn when no labs or countries are chosen; the rest is Other",
  ),
  crossover: csvList(z.string().min(1).max(100), 2)
    .refine((l) => l.length === 2, "must name two series, e.g. CN,US")
    .optional()
    .describe("Two series keys whose lead changes are marked (default CN,US, or the top two)"),
  format,
};

type ShareFields = z.infer<z.ZodObject<typeof shareQueryFields>>;

/** The rules across parameters, for every schema built on shareQueryFields. */
export function shareQueryRules(
  q: Pick<ShareFields, "from" | "to" | "labs" | "countries" | "groupBy">,
  ctx: z.RefinementCtx,
): void {
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
}

/** GET /api/v1/share: one schema for server and client. */
export const shareQuerySchema = z.object(shareQueryFields).superRefine(shareQueryRules);

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
