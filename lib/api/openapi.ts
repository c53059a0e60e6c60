import { z } from "zod";
import { modelsQuerySchema } from "../domain/models-query";
import { shareQuerySchema } from "../domain/share-query";

type Shape = Record<string, z.ZodType>;

/** Query parameters described straight from the zod schemas the routes parse with. */
function parameters(shape: Shape) {
  return Object.entries(shape).map(([name, schema]) => {
    const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    const { $schema: _, ...rest } = json;
    return { name, in: "query", required: false, schema: rest };
  });
}

const errorSchema = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        issues: {
          type: "array",
          items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } },
        },
      },
    },
  },
};

const errors = {
  "400": {
    description: "Invalid parameters; each issue is named",
    content: { "application/json": { schema: errorSchema } },
  },
  "503": { description: "Database unavailable", content: { "application/json": { schema: errorSchema } } },
};

const ok = (description: string, csv = false) => ({
  description,
  content: {
    "application/json": { schema: { type: "object" } },
    ...(csv ? { "text/csv": { schema: { type: "string" } } } : {}),
  },
});

const pathParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });

export function openApiDocument(serverUrl: string) {
  const share = parameters(shareQuerySchema.shape as Shape);
  return {
    openapi: "3.1.0",
    info: {
      title: "Open Model Share API",
      version: "1.0.0",
      description:
        "Shares of Hugging Face Hub model downloads by country and lab. Counts are strings (exact integers). Every response carries freshness (dataAsOf) and coverage.",
    },
    servers: [{ url: serverUrl }],
    paths: {
      "/api/v1/share": {
        get: {
          summary: "Share of downloads over time",
          parameters: share,
          responses: { "200": ok("Series and points", true), ...errors },
        },
      },
      "/api/v1/labs": {
        get: {
          summary: "Every lab with its latest share and trend",
          responses: { "200": ok("Labs", true), ...errors },
        },
      },
      "/api/v1/labs/{slug}": {
        get: {
          summary: "One lab: namespaces, models, derivatives",
          parameters: [pathParam("slug")],
          responses: { "200": ok("Lab"), "404": { description: "Unknown lab" }, ...errors },
        },
      },
      "/api/v1/models": {
        get: {
          summary: "Search and filter models",
          parameters: parameters(modelsQuerySchema.shape as Shape),
          responses: { "200": ok("A page of models", true), ...errors },
        },
      },
      "/api/v1/models/{namespace}/{name}": {
        get: {
          summary: "One model: history, attribution, bases and derivatives",
          parameters: [pathParam("namespace"), pathParam("name")],
          responses: { "200": ok("Model"), "404": { description: "Model not tracked" }, ...errors },
        },
      },
      "/api/v1/attribution-gap": {
        get: {
          summary: "Unattributed namespaces ranked by downloads",
          responses: { "200": ok("Gap", true), ...errors },
        },
      },
      "/api/v1/ingest/runs": {
        get: { summary: "Recent ingestion runs", responses: { "200": ok("Runs"), ...errors } },
      },
      "/api/v1/ingest": {
        post: {
          summary: "Start an ingestion run (Bearer CRON_SECRET)",
          security: [{ bearer: [] }],
          responses: {
            "202": ok("Run started"),
            "401": { description: "Missing or wrong secret" },
            "409": { description: "A run is already going" },
            "503": errors["503"],
          },
        },
      },
    },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
  };
}
