import { z } from "zod";
import { ANNOTATION_KINDS } from "./annotations";
import type { FieldValue } from "./chart-fields";
import type { QuestionKey } from "./chart-state";
import { ATTRIBUTION_IDS, DERIVATIVE_IDS, GROUP_BY_IDS, INTERVAL_IDS, REPACK_IDS } from "./dimensions";
import { METRIC_IDS } from "./metrics";
import { MODEL_SORTS } from "./models-query";
import { POPULATION_IDS } from "./populations";
import { FORMATS } from "./query-fragments";
import { REGION_KEYS } from "./regions";

/**
 * What the API answers, as zod schemas: the analytics functions' return types are inferred from
 * these, and the OpenAPI document describes every body from them (lib/api/openapi.ts). Counts are
 * BigInt in memory and decimal strings in JSON (exact past 2^53).
 */

/** An exact count: BigInt in memory, a decimal string in JSON. */
export const count = z.bigint().meta({ description: "An exact integer, as a decimal string" });
/** A count already written as a decimal string. */
export const countText = z
  .string()
  .regex(/^\d+$/)
  .meta({ description: "An exact integer, as a decimal string" });
/** A calendar day, YYYY-MM-DD (JSON Schema's `date`). */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ format: "date" });
/** An instant, ISO 8601 with a time and an offset (JSON Schema's `date-time`). */
const time = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
  .meta({ format: "date-time" });
const shareValue = z.number().min(0).max(1);
const region = z.enum(REGION_KEYS);
const int = z.number().int();

export const freshnessSchema = z.object({
  /** Latest published snapshot date */
  dataAsOf: day.nullable(),
  /** The published data version the numbers are from: `version=` pins a chart to it */
  dataVersion: int.min(0),
  lastRun: z
    .object({ id: int, asOf: day, finishedAt: time.nullable(), population: int.nullable() })
    .nullable(),
  /** Models tracked at dataAsOf */
  modelsTracked: int,
  /** Share of trailing-30-day downloads at dataAsOf whose developer country is known (or INTL) */
  attributedShare: shareValue.nullable(),
  /** True while the database holds bundled demo data rather than a real crawl */
  demo: z.boolean(),
});
export type Freshness = z.infer<typeof freshnessSchema>;

const crossoverSchema = z.object({ date: day, leader: z.string(), previousLeader: z.string() });
export type Crossover = z.infer<typeof crossoverSchema>;

export const shareSeriesSchema = z.object({
  key: z.string(),
  label: z.string(),
  color: z.string(),
  downloads: countText,
  share: shareValue.nullable(),
});
export type ShareSeries = z.infer<typeof shareSeriesSchema>;

export const sharePointSchema = z.object({
  /** First day of the bucket */
  date: day,
  /** Snapshot date the bucket's values come from (the last in the bucket); null when none */
  asOf: day.nullable(),
  total: countText.nullable(),
  values: z.record(z.string(), z.object({ downloads: countText, share: shareValue.nullable() })),
});
export type SharePoint = z.infer<typeof sharePointSchema>;

/** The share query as answered: every default filled in, the range and population resolved. */
export const answeredShareQuerySchema = z.object({
  metric: z.enum(METRIC_IDS),
  groupBy: z.enum(GROUP_BY_IDS),
  interval: z.enum(INTERVAL_IDS),
  from: day,
  to: day,
  labs: z.array(z.string()).optional(),
  countries: z.array(z.string()).optional(),
  task: z.string().optional(),
  library: z.string().optional(),
  cohort: z.string(),
  attribution: z.enum(ATTRIBUTION_IDS),
  derivatives: z.enum(DERIVATIVE_IDS),
  repacks: z.enum(REPACK_IDS),
  population: z.enum(POPULATION_IDS),
  top: int,
  crossover: z.array(z.string()).optional(),
  version: int.min(1).optional(),
  format: z.enum(FORMATS),
});

/**
 * The answered query is written out for zod's JSON parser, and held here to the chart state's
 * question (lib/domain/chart-fields.ts): every question key, with the value it was read as, so a
 * key added to the chart state and not answered fails to compile.
 */
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Answered = z.infer<typeof answeredShareQuerySchema>;
export type AnswersTheQuestion = [
  Exactly<Exclude<keyof Answered, "format">, QuestionKey>,
  Exactly<
    { [K in QuestionKey]: NonNullable<Answered[K]> },
    { [K in QuestionKey]: NonNullable<FieldValue<K>> }
  >,
] extends [true, true]
  ? true
  : never;
export const answersTheQuestion: AnswersTheQuestion = true;

export const chartAnnotationSchema = z.object({
  id: z.string(),
  date: day,
  kind: z.enum(ANNOTATION_KINDS),
  /** A few words, as the marker says it */
  label: z.string(),
  /** The event in one sentence */
  text: z.string(),
  source: z.string(),
  lab: z.string().nullable(),
  model: z.string().nullable(),
  /** The series the event concerns (null: all of them, a change of the Hub's counting) */
  series: z.string().nullable(),
});
export type ChartAnnotation = z.infer<typeof chartAnnotationSchema>;

export const shareResultSchema = z.object({
  query: answeredShareQuerySchema,
  freshness: freshnessSchema,
  series: z.array(shareSeriesSchema),
  points: z.array(sharePointSchema),
  crossover: z
    .object({ between: z.tuple([z.string(), z.string()]), dates: z.array(crossoverSchema) })
    .nullable(),
  /** Releases and counting changes inside the range that concern the drawn series (lib/origins/annotations.json) */
  annotations: z.array(chartAnnotationSchema),
});
export type ShareResult = z.infer<typeof shareResultSchema>;

/** The switches a sensitivity table varies, in the order it lists them. */
export const SENSITIVITY_SWITCHES = [
  "attribution",
  "repacks",
  "derivatives",
  "cohort",
  "metric",
  "population",
] as const;

/** One headline (China's and the US's share at the latest period) under one choice of a switch. */
const headlineSchema = z.object({
  /** First day of the latest period with a value; null when the choice has none */
  period: day.nullable(),
  /** The snapshot date that period's values come from */
  asOf: day.nullable(),
  CN: shareValue.nullable(),
  US: shareValue.nullable(),
});

export const sensitivitySchema = z.object({
  /** The chart's question as answered, by country of origin (its series do not change the headline) */
  query: answeredShareQuerySchema,
  headline: headlineSchema,
  rows: z.array(
    headlineSchema.extend({
      switch: z.enum(SENSITIVITY_SWITCHES),
      option: z.string(),
      label: z.string(),
      /** The chart's own choice */
      current: z.boolean(),
      /** This choice's share minus the current choice's, in share units (0.01 = one point) */
      difference: z.object({ CN: z.number().nullable(), US: z.number().nullable() }),
    }),
  ),
});
export type Sensitivity = z.infer<typeof sensitivitySchema>;
export type SensitivitySwitch = (typeof SENSITIVITY_SWITCHES)[number];

export const labSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  parent: z.string().nullable(),
  country: z.string(),
  region,
  color: z.string(),
  namespaces: z.array(z.string()),
  models: int,
  downloads30d: count,
  /** Share of all trailing-30-day downloads at the latest date (developer attribution) */
  share: shareValue.nullable(),
  /** Monthly share over the last 12 months, oldest first */
  trend: z.array(z.object({ date: day, share: shareValue.nullable() })),
});
export type LabSummary = z.infer<typeof labSummarySchema>;

export const labsSchema = z.object({ date: day.nullable(), labs: z.array(labSummarySchema) });
export type Labs = z.infer<typeof labsSchema>;

const labModelSchema = z.object({
  hubId: z.string(),
  pipelineTag: z.string().nullable(),
  createdAt: time.nullable(),
  downloads30d: count,
  downloadsAllTime: count.nullable(),
});
export type LabModel = z.infer<typeof labModelSchema>;

export const labDetailSchema = z.object({
  lab: z.object({
    slug: z.string(),
    name: z.string(),
    parent: z.string().nullable(),
    country: z.string(),
    color: z.string(),
  }),
  namespaces: z.array(
    z.object({
      namespace: z.string(),
      kind: z.string().nullable(),
      source: z.string().nullable(),
      models: int,
    }),
  ),
  date: day.nullable(),
  topModels: z.array(labModelSchema),
  /** Models by other namespaces whose lineage root is one of this lab's models */
  derivatives: z.object({
    models: int,
    downloads30d: count,
    top: z.array(labModelSchema.extend({ namespace: z.string() })),
  }),
});
export type LabDetail = z.infer<typeof labDetailSchema>;

export const modelRowSchema = z.object({
  hubId: z.string(),
  namespace: z.string(),
  lab: z.string().nullable(),
  country: z.string().nullable(),
  region,
  pipelineTag: z.string().nullable(),
  libraryName: z.string().nullable(),
  createdAt: time.nullable(),
  derivative: z.boolean(),
  downloads30d: count.nullable(),
  downloadsAllTime: count.nullable(),
  likes: int.nullable(),
});
export type ModelRow = z.infer<typeof modelRowSchema>;

export const modelsPageSchema = z.object({
  date: day.nullable(),
  page: int,
  limit: int,
  total: int,
  pages: int,
  models: z.array(modelRowSchema),
});
export type ModelsPage = z.infer<typeof modelsPageSchema>;

/** The models query as answered, defaults filled in. */
export const answeredModelsQuerySchema = z.object({
  q: z.string().optional(),
  country: z.string().optional(),
  lab: z.string().optional(),
  namespace: z.string().optional(),
  task: z.string().optional(),
  library: z.string().optional(),
  createdFrom: day.optional(),
  createdTo: day.optional(),
  derivatives: z.enum(["include", "exclude", "only"]),
  sort: z.enum(MODEL_SORTS),
  order: z.enum(["desc", "asc"]),
  page: int,
  limit: int,
});

const originSchema = z.object({
  namespace: z.string(),
  country: z.string().nullable(),
  region,
  lab: z.string().nullable(),
  inRegistry: z.boolean(),
});
export type Origin = z.infer<typeof originSchema>;

export const modelAttributionSchema = z.object({
  hubId: z.string(),
  developer: originSchema,
  /** The root of the base-model chain and the origin of its namespace */
  lineageRoot: z.string(),
  lineage: originSchema,
});
export type ModelAttribution = z.infer<typeof modelAttributionSchema>;

const relation = z.enum(["finetune", "adapter", "quantized", "merge"]);

export const modelDetailSchema = z.object({
  hubId: z.string(),
  namespace: z.string(),
  hubUrl: z.string(),
  createdAt: time.nullable(),
  lastModified: time.nullable(),
  pipelineTag: z.string().nullable(),
  libraryName: z.string().nullable(),
  license: z.string().nullable(),
  gated: z.boolean(),
  parameters: count.nullable(),
  demo: z.boolean(),
  baseModels: z.array(z.object({ hubId: z.string(), relation: relation.nullable(), tracked: z.boolean() })),
  baseRelation: relation.nullable(),
  attribution: modelAttributionSchema.nullable(),
  derivatives: z.object({
    total: int,
    byRelation: z.array(z.object({ relation: z.string(), models: int })),
  }),
  history: z.array(
    z.object({ date: day, downloads30d: count, downloadsAllTime: count.nullable(), likes: int }),
  ),
  /**
   * The model's attributes as its listings had them, oldest first: a new entry each time its task,
   * library, base models or creation date changed (what each date's numbers use).
   */
  listedAs: z.array(
    z.object({
      from: day,
      to: day,
      pipelineTag: z.string().nullable(),
      libraryName: z.string().nullable(),
      baseModels: z.array(z.string()),
      createdAt: time.nullable(),
    }),
  ),
});
export type ModelDetail = z.infer<typeof modelDetailSchema>;

export const attributionGapSchema = z.object({
  date: day.nullable(),
  totalDownloads30d: count,
  unattributedShare: shareValue.nullable(),
  namespaces: z.array(
    z.object({ namespace: z.string(), models: int, downloads30d: count, share: shareValue }),
  ),
});
export type AttributionGap = z.infer<typeof attributionGapSchema>;

export const ingestRunSchema = z.object({
  id: int,
  /**
   * stored: every snapshot written, its publish next; superseded: another run took its date (the
   * daily crawl's listing wins over a history file's).
   */
  status: z.enum(["running", "stored", "succeeded", "failed", "interrupted", "superseded"]),
  asOf: day,
  /** A test run (--orgs, --max-models): a part of the listing, never published */
  test: z.boolean(),
  trigger: z.string(),
  source: z.string(),
  startedAt: time,
  finishedAt: time.nullable(),
  heartbeatAt: time,
  pages: int,
  privateSkipped: int,
  modelsSeen: int,
  snapshotsWritten: int,
  population: int.nullable(),
  resumedFromId: int.nullable(),
  errors: z.array(z.object({ at: time, message: z.string() })),
});
export type IngestRun = z.infer<typeof ingestRunSchema>;

export const ingestRunsSchema = z.object({ runs: z.array(ingestRunSchema) });

/** One published number that differs from its recomputation from the stored snapshots. */
export const driftSchema = z.object({
  table: z.enum(["share_rollup", "share_scope"]),
  date: day,
  /** The cut, as its key says it (attribution, cohort, grouping…) */
  cut: z.string(),
  published: z.string().nullable(),
  recomputed: z.string().nullable(),
});
export type Drift = z.infer<typeof driftSchema>;

/** A verification of the published shares (`npm run verify`). */
export const verificationSchema = z.object({
  at: time,
  /** Published dates checked, of how many */
  dates: int,
  publishedDates: int,
  rows: z.object({ rollup: int, scope: int }),
  /** Versions whose stored lineage differs from resolving it again */
  lineageDrift: int,
  driftCount: int,
  /** The first drifts found */
  drifts: z.array(driftSchema),
  ok: z.boolean(),
  seconds: z.number(),
});
export type Verification = z.infer<typeof verificationSchema>;

export const oembedSchema = z.object({
  version: z.literal("1.0"),
  type: z.literal("rich"),
  provider_name: z.string(),
  provider_url: z.string(),
  title: z.string(),
  width: int,
  height: int,
  html: z.string(),
  thumbnail_url: z.string(),
  thumbnail_width: int,
  thumbnail_height: int,
  /** The chart described in words, from its numbers (alt text for the thumbnail and the iframe) */
  description: z.string(),
});
export type OEmbed = z.infer<typeof oembedSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum([
      "bad_request",
      "unauthorized",
      "not_found",
      "method_not_allowed",
      "conflict",
      "too_many_requests",
      "service_unavailable",
      "internal_error",
    ]),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
