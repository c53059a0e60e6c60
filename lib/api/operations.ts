import { z } from "zod";
import {
  answeredModelsQuerySchema,
  attributionGapSchema,
  freshnessSchema,
  ingestRunsSchema,
  labDetailSchema,
  labsSchema,
  modelDetailSchema,
  modelsPageSchema,
  oembedSchema,
  shareResultSchema,
} from "../domain/answers";
import { MODEL_NAME_PATTERN, NAMESPACE_PATTERN, NAMESPACE_RULE } from "../domain/hub-names";
import { modelsQuerySchema } from "../domain/models-query";
import { formatOnlySchema, logFormatSchema, slugItem } from "../domain/query-fragments";
import { shareQuerySchema, surfaceSchema } from "../domain/share-query";
import { ingestTriggerQuerySchema } from "./ingest-trigger-query";
import { oembedQuerySchema } from "./oembed";

/**
 * Every route of the public API, described once: the routes parse with these schemas, the proxy
 * answers unknown paths (404) and methods (405 with Allow) from this list, and the OpenAPI
 * document (lib/api/openapi.ts) is generated from it, bodies included.
 */
export type Body =
  | { kind: "json"; schema: z.ZodType }
  | { kind: "csv" }
  | { kind: "parquet" }
  | { kind: "png" }
  | { kind: "svg" }
  | { kind: "zip" }
  | { kind: "html" };

export type Answer = { description: string; bodies: Body[] };

export type Operation = {
  id: string;
  method: "GET" | "POST";
  /** OpenAPI path template, e.g. /api/v1/labs/{slug} */
  path: string;
  summary: string;
  description?: string;
  /** Query parameters (unknown or repeated ones are refused) */
  query?: z.ZodObject;
  /** Cross-field rules of the query, said in words (the schema checks them) */
  queryRules?: string;
  pathParams?: Record<string, z.core.$ZodType<string>>;
  /** Statuses besides the errors every route may answer (400, 404 on the path, 429, 500, 503) */
  answers: Record<number, Answer>;
  /** Needs `Authorization: Bearer CRON_SECRET` */
  bearer?: boolean;
  /** Spends the caller's request budget (lib/api/rate-limit.ts) */
  limited: boolean;
  /** Answers with ETag and 304 to If-None-Match */
  conditional: boolean;
};

const json = (schema: z.ZodType): Body => ({ kind: "json", schema });

/** A tabular answer's Parquet file read by ranges (DuckDB over HTTP asks for the footer first). */
const PARQUET_RANGES: Record<number, Answer> = {
  206: {
    description: "The byte range of the Parquet file a Range header asked for",
    bodies: [{ kind: "parquet" }],
  },
  416: { description: "The Range header's start is past the Parquet file's end", bodies: [] },
};

const ingestStepSchema = z.object({
  status: z.enum(["succeeded", "paused", "up-to-date"]),
  runId: z.number().int().nullable(),
  pages: z.number().int().optional(),
  models: z.number().int().optional(),
  privateSkipped: z.number().int().optional(),
  population: z.number().int().nullable().optional(),
  resumedFrom: z.number().int().nullable().optional(),
  done: z.boolean(),
  runs: z.string(),
});

const ingestStartedSchema = z.object({
  runId: z.number().int(),
  status: z.literal("running"),
  runs: z.string(),
});

const INGEST_ANSWERS: Record<number, Answer> = {
  200: { description: "A bounded step of today's run (with maxSeconds)", bodies: [json(ingestStepSchema)] },
  202: { description: "Run started in the background", bodies: [json(ingestStartedSchema)] },
  401: { description: "Missing or wrong secret, or no CRON_SECRET on the server", bodies: [] },
  409: { description: "A run is already going", bodies: [] },
};

/** Every data answer says whether it is demo data, and how fresh it is. */
const dataNotes = { demo: z.boolean(), freshness: freshnessSchema };
const shareWithDemo = shareResultSchema.extend({ demo: z.boolean() });
const modelsAnswer = modelsPageSchema.extend({ query: answeredModelsQuerySchema, ...dataNotes });
const imageQuerySchema = surfaceSchema("image");
const embedQuerySchema = surfaceSchema("embed");
const namespaceParam = z.string().regex(NAMESPACE_PATTERN, NAMESPACE_RULE);
/** A model's name: a dot segment (`.`, `..`) is a path trick, never a name. */
const modelNameParam = z
  .string()
  .regex(MODEL_NAME_PATTERN, "must be a Hub model name (letters, digits, . _ -)")
  .refine((name) => name !== "." && name !== "..", "must not be . or ..");

export const OPERATIONS: readonly Operation[] = [
  {
    id: "getShare",
    method: "GET",
    path: "/api/v1/share",
    summary: "Share of downloads over time",
    description:
      "Downloads by region, country, lab or registry namespace, as shares of every model in scope, per day, week or month. `format=csv` gives the same answer in long format, `format=parquet` the same rows as a Parquet file (typed columns, counts as exact INT64; the definitions, data version, source, licence, citation and demo flag in its key-value metadata). The CSV is machine-readable by default (decimal point, comma-separated, English labels); `locale=` changes it only when asked: de, fr, es and pt-BR write the decimal comma with semicolon-separated fields, as spreadsheets in those locales open them, and de and zh-CN name the series in their language (in Parquet too). Numbers are never rounded or grouped; column names, keys, dates and booleans stay the same. The JSON answer is the same in every locale.",
    query: shareQuerySchema,
    queryRules:
      "`from` must not be after `to` (at most 10 years apart); `labs` selects series of groupBy=lab or org; `countries` of groupBy=country, lab or org.",
    answers: {
      200: {
        description: "Series and points (JSON), CSV with format=csv, or Parquet with format=parquet",
        bodies: [json(shareWithDemo), { kind: "csv" }, { kind: "parquet" }],
      },
      ...PARQUET_RANGES,
    },
    limited: true,
    conditional: true,
  },
  {
    id: "getSharePng",
    method: "GET",
    path: "/api/v1/share.png",
    summary: "The share chart as a PNG image",
    description:
      "Any share query, plus title, theme, locale, width and height. `locale` sets the language of the texts (de, zh-CN translated; others English words) and the format of numbers and dates (Intl); Chinese and Japanese are drawn in Noto Sans SC. Hot-linking is allowed.",
    query: imageQuerySchema,
    queryRules: "As /api/v1/share.",
    answers: { 200: { description: "PNG image", bodies: [{ kind: "png" }] } },
    limited: true,
    conditional: true,
  },
  {
    id: "getShareSvg",
    method: "GET",
    path: "/api/v1/share.svg",
    summary: "The share chart as an SVG image",
    description:
      "Any share query, plus title, theme, locale, width and height. `locale` as for the PNG; the SVG names a CJK font stack after Inter, so readers' own Chinese or Japanese fonts draw those characters. Hot-linking is allowed.",
    query: imageQuerySchema,
    queryRules: "As /api/v1/share.",
    answers: { 200: { description: "SVG image", bodies: [{ kind: "svg" }] } },
    limited: true,
    conditional: true,
  },
  {
    id: "getShareZip",
    method: "GET",
    path: "/api/v1/share.zip",
    summary: "The share answer as files: CSV long and wide, and a README",
    description:
      "Any share query, plus title, mode and value (`locale` is accepted and ignored: the bundle is the archival copy, in English with machine-readable CSVs). The README says what the data measures, its source and data version, how to cite it, its licence, and whether it is demo data.",
    query: embedQuerySchema,
    queryRules: "As /api/v1/share.",
    answers: { 200: { description: "A zip archive", bodies: [{ kind: "zip" }] } },
    limited: true,
    conditional: true,
  },
  {
    id: "listLabs",
    method: "GET",
    path: "/api/v1/labs",
    summary: "Every lab with its latest share and 12-month trend",
    query: formatOnlySchema,
    answers: {
      200: {
        description: "Labs (JSON), CSV with format=csv, or Parquet with format=parquet",
        bodies: [json(labsSchema.extend(dataNotes)), { kind: "csv" }, { kind: "parquet" }],
      },
      ...PARQUET_RANGES,
    },
    limited: true,
    conditional: true,
  },
  {
    id: "getLab",
    method: "GET",
    path: "/api/v1/labs/{slug}",
    summary: "One lab: namespaces, top models, derivatives by others",
    pathParams: { slug: slugItem },
    answers: { 200: { description: "Lab", bodies: [json(labDetailSchema.extend(dataNotes))] } },
    limited: true,
    conditional: true,
  },
  {
    id: "listModels",
    method: "GET",
    path: "/api/v1/models",
    summary: "Search and filter models",
    query: modelsQuerySchema,
    queryRules:
      "`createdFrom` must not be after `createdTo`; `page` × `limit` must not pass 10,000 (the listing goes that deep in one order: narrow it with `q` or a filter).",
    answers: {
      200: {
        description: "A page of models (JSON), CSV with format=csv, or Parquet with format=parquet",
        bodies: [json(modelsAnswer), { kind: "csv" }, { kind: "parquet" }],
      },
      ...PARQUET_RANGES,
    },
    limited: true,
    conditional: true,
  },
  {
    id: "getModel",
    method: "GET",
    path: "/api/v1/models/{namespace}/{name}",
    summary: "One model: history, attribution, bases and derivatives",
    pathParams: { namespace: namespaceParam, name: modelNameParam },
    answers: {
      200: { description: "Model", bodies: [json(modelDetailSchema.extend({ freshness: freshnessSchema }))] },
    },
    limited: true,
    conditional: true,
  },
  {
    id: "getAttributionGap",
    method: "GET",
    path: "/api/v1/attribution-gap",
    summary: "Unattributed namespaces ranked by downloads",
    query: formatOnlySchema,
    answers: {
      200: {
        description: "Gap (JSON), CSV with format=csv, or Parquet with format=parquet",
        bodies: [json(attributionGapSchema.extend(dataNotes)), { kind: "csv" }, { kind: "parquet" }],
      },
      ...PARQUET_RANGES,
    },
    limited: true,
    conditional: true,
  },
  {
    id: "listIngestRuns",
    method: "GET",
    path: "/api/v1/ingest/runs",
    summary: "Recent ingestion runs, newest first",
    query: logFormatSchema,
    answers: {
      200: {
        description: "Runs (JSON), or CSV with format=csv",
        bodies: [json(ingestRunsSchema), { kind: "csv" }],
      },
    },
    limited: true,
    conditional: true,
  },
  {
    id: "triggerIngest",
    method: "POST",
    path: "/api/v1/ingest",
    summary: "Start or continue today's ingestion run (Bearer CRON_SECRET)",
    description:
      "Without maxSeconds the run starts in the background (202). With it, the request continues today's run for at most that long and answers 200 with where it stands. GET does the same, for hosted cron services.",
    query: ingestTriggerQuerySchema,
    bearer: true,
    answers: INGEST_ANSWERS,
    limited: false,
    conditional: false,
  },
  {
    id: "triggerIngestByGet",
    method: "GET",
    path: "/api/v1/ingest",
    summary: "The ingest trigger, for hosted cron services that call with GET (Bearer CRON_SECRET)",
    description: "As POST /api/v1/ingest.",
    query: ingestTriggerQuerySchema,
    bearer: true,
    answers: INGEST_ANSWERS,
    limited: false,
    conditional: false,
  },
  {
    id: "oembed",
    method: "GET",
    path: "/api/oembed",
    summary: "oEmbed for an overview or embed link of this site",
    query: oembedQuerySchema,
    answers: {
      200: { description: "oEmbed rich answer", bodies: [json(oembedSchema)] },
      404: { description: "Not a link to this site's overview or embed page", bodies: [] },
    },
    limited: true,
    conditional: false,
  },
  {
    id: "getEmbed",
    method: "GET",
    path: "/embed/share",
    summary: "The share chart as a page to put in an iframe",
    description:
      "Any share query, plus title, theme and height: a live chart with its source line, notes and a link back, made to be framed by any site (oEmbed gives the iframe code).",
    query: embedQuerySchema,
    queryRules: "As /api/v1/share. An invalid link answers 400 with a short page that says what is wrong.",
    answers: { 200: { description: "HTML page", bodies: [{ kind: "html" }] } },
    limited: false,
    conditional: false,
  },
  {
    id: "getOpenApi",
    method: "GET",
    path: "/api/v1/openapi.json",
    summary: "This document",
    query: z.object({}),
    answers: { 200: { description: "OpenAPI 3.1", bodies: [json(z.record(z.string(), z.unknown()))] } },
    limited: false,
    conditional: false,
  },
];

export const operationById = (id: string): Operation => {
  const op = OPERATIONS.find((o) => o.id === id);
  if (!op) throw new Error(`no operation ${id}`);
  return op;
};

/** The operations at a concrete path (/api/v1/labs/qwen → getLab), or none. */
export function operationsAt(pathname: string): Operation[] {
  return OPERATIONS.filter((op) => pathPattern(op.path).test(pathname));
}

function pathPattern(template: string): RegExp {
  const source = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[^/]+");
  return new RegExp(`^${source}$`);
}
