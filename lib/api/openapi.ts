import { z } from "zod";
import { errorBodySchema } from "../domain/answers";
import { type Body, OPERATIONS, type Operation } from "./operations";
import { RATE_LIMIT_HEADERS } from "./rate-limit";
import { PARQUET_TYPE } from "./respond";

type JsonSchema = Record<string, unknown>;

/** BigInt counts travel as decimal strings (lib/api/respond.ts): the document says so. */
function override(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }) {
  const def = (ctx.zodSchema as { _zod?: { def?: { type?: string; defaultValue?: unknown } } })._zod?.def;
  // A whole number in a query (wholeNumber) is parsed from text, and shown as the integer it is,
  // with its default (zod leaves out the default of a value that is transformed).
  if (ctx.jsonSchema.type === "integer") delete ctx.jsonSchema.pattern;
  if (def?.type === "default" && ctx.jsonSchema.default === undefined)
    ctx.jsonSchema.default = def.defaultValue;
  if (def?.type !== "bigint") return;
  const description = ctx.jsonSchema.description;
  for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
  Object.assign(ctx.jsonSchema, { type: "string", pattern: "^-?\\d+$" }, description ? { description } : {});
}

/** A zod schema as the JSON Schema (2020-12, OpenAPI 3.1's dialect) of its input or output. */
export function jsonSchemaOf(schema: z.core.$ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override,
  }) as JsonSchema;
  return rest;
}

function parameters(op: Operation) {
  const query = Object.entries(op.query?.shape ?? {}).map(([name, schema]) => {
    const json = jsonSchemaOf(schema as z.ZodType, "input");
    const { description, ...rest } = json;
    return {
      name,
      in: "query",
      // Required where leaving it out is refused (oEmbed's url), as the route answers 400 then.
      required: !(schema as z.ZodType).safeParse(undefined).success,
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
  const path = Object.entries(op.pathParams ?? {}).map(([name, schema]) => ({
    name,
    in: "path",
    required: true,
    schema: jsonSchemaOf(schema, "input"),
  }));
  return [...path, ...query];
}

function content(bodies: Body[]) {
  const out: Record<string, { schema: JsonSchema }> = {};
  for (const body of bodies) {
    if (body.kind === "json") out["application/json"] = { schema: jsonSchemaOf(body.schema, "output") };
    if (body.kind === "csv") out["text/csv"] = { schema: { type: "string" } };
    if (body.kind === "parquet")
      out[PARQUET_TYPE] = { schema: { type: "string", contentMediaType: PARQUET_TYPE } };
    if (body.kind === "png") out["image/png"] = { schema: { type: "string", contentMediaType: "image/png" } };
    if (body.kind === "svg") out["image/svg+xml"] = { schema: { type: "string" } };
    if (body.kind === "html") out["text/html"] = { schema: { type: "string" } };
    if (body.kind === "zip")
      out["application/zip"] = { schema: { type: "string", contentMediaType: "application/zip" } };
  }
  return out;
}

const errorContent = (html: boolean) =>
  html
    ? { "text/html": { schema: { type: "string" } } }
    : { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };

const etagHeader = { ETag: { description: "Changes when the answer does", schema: { type: "string" } } };
const rateLimitHeaders = Object.fromEntries(
  RATE_LIMIT_HEADERS.map(({ name, description }) => [name, { description, schema: { type: "string" } }]),
);

function responses(op: Operation) {
  // A page answers its errors as a page; every other route in the error shape.
  const html = Object.values(op.answers).some((a) => a.bodies.some((b) => b.kind === "html"));
  const error = (description: string, headers?: Record<string, unknown>) => ({
    description,
    content: errorContent(html),
    ...(headers ? { headers } : {}),
  });
  const out: Record<string, unknown> = {};
  for (const [status, answer] of Object.entries(op.answers)) {
    const ok = Number(status) < 300;
    out[status] = ok
      ? {
          description: answer.description,
          content: content(answer.bodies),
          headers: { ...(op.conditional ? etagHeader : {}), ...(op.limited ? rateLimitHeaders : {}) },
        }
      : error(answer.description);
  }
  if (op.conditional) out["304"] = { description: "Not modified: the If-None-Match ETag is current" };
  if (op.query || op.pathParams)
    out["400"] ??= error(
      "Invalid parameters or path: unknown, repeated or malformed parameters (a number not in decimal digits included), NUL or invalid UTF-8, a dot segment; each issue is named",
    );
  if (op.pathParams) out["404"] ??= error("Nothing of that name is tracked");
  if (op.limited)
    out["429"] = error("The caller's request budget is spent: retry after Retry-After seconds", {
      "Retry-After": { description: "Seconds until a request is allowed again", schema: { type: "integer" } },
      ...rateLimitHeaders,
    });
  out["500"] = error("Something went wrong on our side");
  out["503"] = error("The database is unavailable right now (Retry-After)");
  return out;
}

/** The OpenAPI 3.1 document of every route, generated from the schemas the routes use. */
export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const description = [op.description, op.queryRules].filter(Boolean).join("\n\n");
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, unknown>)[op.method.toLowerCase()] = {
      operationId: op.id,
      summary: op.summary,
      ...(description ? { description } : {}),
      security: op.bearer ? [{ bearer: [] }] : [],
      parameters: parameters(op),
      responses: responses(op),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Open Model Share API",
      version: "1.0.0",
      description:
        "Shares of Hugging Face Hub model downloads by country and lab. Counts are decimal strings (exact integers). Every share answer carries its freshness (dataAsOf) and coverage. Public GET routes allow any origin (CORS) and spend a per-client request budget announced in the RateLimit headers.",
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: { Error: jsonSchemaOf(errorBodySchema, "output") },
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    },
  };
}
