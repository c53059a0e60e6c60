import * as z from "zod/mini";
import { CHART_MODES, CHART_VALUES, THEME_IDS, VIEWS } from "./chart-views";
import { COHORT_PATTERN } from "./cohorts";
import { ATTRIBUTION_IDS, DERIVATIVE_IDS, GROUP_BY_IDS, INTERVAL_IDS, REPACK_IDS } from "./dimensions";
import { LOCALE_IDS } from "./locales";
import { METRIC_IDS } from "./metrics";
import { PINNED_VERSION_DAYS } from "./pinned-versions";
import { POPULATION_IDS } from "./populations";
import { countryItem, csvList, FORMATS, isoDate, slugItem, tagValue, wholeNumber } from "./query-fragments";

export type { ChartMode, ChartValue, View } from "./chart-views";
export { CHART_MODES, CHART_VALUES, VIEWS };

/**
 * One key of the chart state. `schema` reads the key's text in a URL (zod/mini, so the browser
 * can use it too); `question` keys change what is asked of the data, the others only how or where
 * it is shown; `default` is what an absent key means (surfaces may say otherwise, in
 * lib/domain/chart-state.ts); `list` values are written comma-separated.
 */
type FieldSpec = {
  schema: z.ZodMiniType;
  question: boolean;
  description: string;
  default?: unknown;
  list?: true;
};

/** A field as written, its default checked against its schema. */
const field = <const S extends FieldSpec>(spec: S & { default?: z.output<S["schema"]> }): S => spec;

/**
 * The chart state, defined once: every key a chart's URL may carry, in the order URLs write them.
 * The API's, the embed's and the images' zod schemas are made from this table, and so are the
 * page's nuqs parsers and the URL codec, through its JSON Schema export
 * (lib/domain/chart-url-fields.ts, `tsx scripts/chart-url-fields.ts`: the browser reads URLs
 * without zod). A new switch is one entry here (and, if it changes what an old link means, a
 * migration in lib/domain/chart-migrations.ts).
 */
export const CHART_FIELDS = {
  metric: field({
    schema: z.enum(METRIC_IDS),
    question: true,
    default: "downloads30d",
    description: "What is counted (see /methodology#metrics)",
  }),
  groupBy: field({
    schema: z.enum(GROUP_BY_IDS),
    question: true,
    default: "region",
    description: "One series per region, country, lab or registry namespace",
  }),
  interval: field({
    schema: z.enum(INTERVAL_IDS),
    question: true,
    default: "month",
    description: "Bucket size of the points",
  }),
  from: field({ schema: isoDate, question: true, description: "First day (default: a year before `to`)" }),
  to: field({
    schema: isoDate,
    question: true,
    description: "Last day (default: the latest published date)",
  }),
  labs: field({
    schema: csvList(slugItem, 50),
    question: true,
    list: true,
    description: "Comma-separated lab slugs (at most 50): only these series are drawn",
  }),
  countries: field({
    schema: csvList(countryItem, 50),
    question: true,
    list: true,
    description: "Comma-separated ISO 3166-1 alpha-2 codes, INTL or UNKNOWN (at most 50): only these series",
  }),
  task: field({
    schema: tagValue,
    question: true,
    description: "Only models of this pipeline tag (e.g. text-generation)",
  }),
  library: field({
    schema: tagValue,
    question: true,
    description: "Only models of this library (e.g. transformers, gguf)",
  }),
  cohort: field({
    schema: z.string().check(z.regex(COHORT_PATTERN, 'must be "all", "new-12m" or "created-YYYY"')),
    question: true,
    default: "all",
    description: "all, new-12m (models younger than 12 months) or created-YYYY",
  }),
  attribution: field({
    schema: z.enum(ATTRIBUTION_IDS),
    question: true,
    default: "developer",
    description:
      "Who a model counts for: its own namespace (developer), or the root of its base-model chain (lineage)",
  }),
  derivatives: field({
    schema: z.enum(DERIVATIVE_IDS),
    question: true,
    default: "include",
    description: "Count fine-tunes, quantizations, merges and adapters (include) or not",
  }),
  repacks: field({
    schema: z.enum(REPACK_IDS),
    question: true,
    default: "include",
    description:
      "GGUF, MLX and quantized re-uploads: counted for their uploader (include), left out (exclude), or credited to their base model's developer (to-base: one hop; under lineage attribution the root, as include)",
  }),
  /** Absent: the Hub's listing when it has dates, else the study's subset (never both). */
  population: field({
    schema: z.enum(POPULATION_IDS),
    question: true,
    description:
      "hub: the Hub's whole listing; study: the study's curated subset (default: hub when it has dates)",
  }),
  top: field({
    schema: wholeNumber(1, 50),
    question: true,
    default: 10,
    description: "Series drawn when no labs or countries are chosen; the rest is Other",
  }),
  crossover: field({
    schema: csvList(z.string().check(z.minLength(1), z.maxLength(100)), 2).check(
      z.refine((l: string[]) => l.length === 2, "must name two series, e.g. CN,US"),
    ),
    question: true,
    list: true,
    description: "Two series keys whose lead changes are marked (default CN,US, or the top two)",
  }),
  /** Absent: the current data, whatever is published later. */
  version: field({
    schema: wholeNumber(1, 2_147_483_647),
    question: true,
    description: `A published data version (freshness.dataVersion): the chart's numbers as that version had them, kept ${PINNED_VERSION_DAYS} days after a newer version is published (default: the current data)`,
  }),
  mode: field({
    schema: z.enum(CHART_MODES),
    question: false,
    default: "lines",
    description: "lines, or stacked areas",
  }),
  value: field({
    schema: z.enum(CHART_VALUES),
    question: false,
    default: "share",
    description: "Shares, or download counts",
  }),
  annotations: field({
    schema: z.enum(["on", "off"]),
    question: false,
    default: "on",
    description:
      "Markers of releases and of the Hub's counting changes (see /methodology#annotations), or off",
  }),
  view: field({
    schema: z.enum(VIEWS),
    question: false,
    default: "chart",
    description: "The overview's chart, world map or table",
  }),
  title: field({
    schema: z.string().check(z.trim(), z.maxLength(120, "is too long (120 characters at most)")),
    question: false,
    description: "Replaces the title",
  }),
  theme: field({
    schema: z.enum(THEME_IDS),
    question: false,
    default: "light",
    description: "Colours, whatever the reader's system prefers",
  }),
  locale: field({
    schema: z.enum(LOCALE_IDS),
    question: false,
    default: "en",
    description:
      "Language of the chart's texts and format of its numbers and dates (en, de, fr, es, pt-BR, zh-CN, ja; words are translated for de and zh-CN, the others use English words). On CSV: the labels, and a comma as decimal mark with semicolon-separated fields where the locale writes one; en is the machine-readable default",
  }),
  width: field({ schema: wholeNumber(320, 2400), question: false, description: "Width in pixels" }),
  height: field({ schema: wholeNumber(200, 1600), question: false, description: "Height in pixels" }),
  format: field({
    schema: z.enum(FORMATS),
    question: false,
    default: "json",
    description:
      "json; csv (RFC 4180, one row per period and series); or parquet (the same rows, typed columns with exact 64-bit counts, and the definitions, data version, source, licence, citation and demo flag in the file's key-value metadata)",
  }),
};

export type FieldKey = keyof typeof CHART_FIELDS;
export type FieldValue<K extends FieldKey> = z.output<(typeof CHART_FIELDS)[K]["schema"]>;
