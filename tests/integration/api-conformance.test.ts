import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as oembedGET } from "@/app/api/oembed/route";
import { GET as gapGET } from "@/app/api/v1/attribution-gap/route";
import { GET as runsGET } from "@/app/api/v1/ingest/runs/route";
import { GET as labGET } from "@/app/api/v1/labs/[slug]/route";
import { GET as labsGET } from "@/app/api/v1/labs/route";
import { GET as modelGET } from "@/app/api/v1/models/[namespace]/[name]/route";
import { GET as modelsGET } from "@/app/api/v1/models/route";
import { GET as openapiGET } from "@/app/api/v1/openapi.json/route";
import { GET as sensitivityGET } from "@/app/api/v1/sensitivity/route";
import { GET as shareGET } from "@/app/api/v1/share/route";
import { GET as pngGET } from "@/app/api/v1/share.png/route";
import { GET as svgGET } from "@/app/api/v1/share.svg/route";
import { GET as zipGET } from "@/app/api/v1/share.zip/route";
import { GET as feedAtomGET } from "@/app/feed.atom/route";
import { GET as feedJsonGET } from "@/app/feed.json/route";
import { openApiDocument } from "@/lib/api/openapi";
import { OPERATIONS, type Operation } from "@/lib/api/operations";
import { dataVersion } from "@/lib/db/data-version";
import { servedPopulationDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

/**
 * The OpenAPI document against the routes: for every public GET operation, parameter sets
 * generated from the document's own parameter schemas (property-based, with values of the seeded
 * data mixed in) are sent; each answer must have a status the document declares, a content type
 * it declares for that status, and a JSON body its schema accepts. Whether a set is valid is
 * decided by the zod schema the route parses with: valid sets answer 2xx (or 404 for a missing
 * name), invalid ones 400 in the error shape. Some sets are invalid whatever the schema says, and
 * are checked as such: a whole number written any other way than in decimal digits (`1e3`, `+5`,
 * `0x10`, ` 5`), a `__proto__`, `constructor` or `prototype` key, a `.` or `..` path segment. No
 * answer is a 5xx; dates are `date`s and timestamps `date-time`s (formats are validated).
 */
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const HANDLERS: Record<string, Handler> = {
  getShare: shareGET,
  getSharePng: pngGET,
  getShareSvg: svgGET,
  getShareZip: zipGET,
  getSensitivity: sensitivityGET,
  listLabs: labsGET,
  getLab: labGET as Handler,
  listModels: modelsGET,
  getModel: modelGET as Handler,
  getAttributionGap: gapGET,
  listIngestRuns: runsGET,
  oembed: oembedGET,
  getOpenApi: openapiGET,
  getFeedAtom: feedAtomGET,
  getFeedJson: feedJsonGET,
};

type JsonSchema = { type?: string; enum?: unknown[]; pattern?: string; minimum?: number; maximum?: number };
type Parameter = { name: string; in: "query" | "path"; required?: boolean; schema: JsonSchema };

const PREFIX = "conf";
/** Values of the seeded data, so that generated queries find something. */
const SAMPLES: Record<string, string[]> = {
  from: ["2024-10-01", "2025-01-01"],
  to: ["2025-03-01", "2025-06-30"],
  labs: [`${PREFIX}-qw`, `${PREFIX}-qw,${PREFIX}-me`],
  countries: ["CN", "US,CN", "UNKNOWN"],
  task: ["text-generation", "feature-extraction"],
  library: ["transformers", "gguf"],
  crossover: ["CN,US"],
  cohort: ["all", "new-12m", "created-2024"],
  slug: [`${PREFIX}-qw`, `${PREFIX}-me`, "nobody"],
  namespace: [`${PREFIX}-cn1`, `${PREFIX}-us1`],
  name: ["m1", "m2", "m999"],
  q: ["m1", "cn"],
  url: ["/", "/?groupBy=country", "/embed/share?metric=downloads", "https://elsewhere.example/", "/labs"],
  title: ["Downloads by country"],
  createdFrom: ["2024-01-01"],
  createdTo: ["2025-12-31"],
  kinds: ["crossover", "crossover,data-gap", "top-models"],
};

/** The labs of the seeded data: any other slug is refused. */
const SEEDED_LABS = [`${PREFIX}-qw`, `${PREFIX}-me`];

/** A value the parameter's schema accepts: an enum member, an in-range integer, a seeded sample. */
function likelyValue(param: Parameter): fc.Arbitrary<string> {
  const { schema } = param;
  const samples = SAMPLES[param.name];
  if (samples) return fc.constantFrom(...samples);
  if (schema.enum) return fc.constantFrom(...schema.enum.map(String));
  if (schema.type === "integer" || schema.type === "number")
    return fc
      .integer({
        min: schema.minimum ?? 1,
        max: Math.min(schema.maximum ?? 100, (schema.minimum ?? 1) + 100),
      })
      .map(String);
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).map((s) => s.slice(0, 60));
  return fc.string({ minLength: 1, maxLength: 20 });
}

/** Numbers as Number() would read them, never as a query may write them. */
const NOT_DECIMAL = ["1e3", "+5", "0x10", " 5", "5 ", "0b1", "1.0", "Infinity", "NaN", "", "٣"];
/** Keys an object lookup could mistake for known ones. */
const PROTO_KEYS = ["__proto__", "constructor", "prototype"];
const DOT_SEGMENTS = [".", ".."];

/** Anything: out of range, the wrong type, hostile text. */
function anyValue(param: Parameter): fc.Arbitrary<string> {
  const { schema } = param;
  const wrong = [
    fc.string({ maxLength: 30 }),
    fc.constantFrom("", " ", "-1", "1.5", "x".repeat(300), "a,b,c"),
  ];
  if (param.in === "path") wrong.push(fc.constantFrom(...DOT_SEGMENTS));
  if (schema.type === "integer" || schema.type === "number") {
    wrong.push(fc.integer({ min: (schema.minimum ?? 0) - 3, max: (schema.maximum ?? 1000) + 3 }).map(String));
    const inRange = fc.integer({ min: schema.minimum ?? 1, max: schema.maximum ?? 100 });
    wrong.push(
      fc.constantFrom(...NOT_DECIMAL),
      inRange.map((n) => `+${n}`),
      inRange.map((n) => `${n}e0`),
      inRange.map((n) => `0x${n.toString(16)}`),
      inRange.map((n) => ` ${n}`),
    );
  }
  if (schema.pattern) wrong.push(fc.stringMatching(new RegExp(schema.pattern)).map((s) => s.slice(0, 300)));
  return fc.oneof(...wrong);
}

function requestsFor(path: string, parameters: Parameter[]) {
  const query = parameters.filter((p) => p.in === "query");
  const pathParams = parameters.filter((p) => p.in === "path");
  // Half the sets use the required parameters and a few others with likely values (most of them
  // valid), half anything: a route with a required parameter (oEmbed's url) answers 200 often enough.
  const required = query.filter((p) => p.required);
  const optional = query.filter((p) => !p.required);
  const likely = fc.record({
    query: fc
      .subarray(optional, { maxLength: Math.min(3, optional.length) })
      .chain((chosen) =>
        fc.tuple(...[...required, ...chosen].map((p) => likelyValue(p).map((v) => [p.name, v] as const))),
      ),
    path: fc.tuple(...pathParams.map((p) => likelyValue(p).map((v) => [p.name, v] as const))),
    unknown: fc.constant(undefined as string | undefined),
  });
  const hostile = fc.record({
    query: fc
      .subarray(query, { maxLength: Math.min(5, query.length) })
      .chain((chosen) =>
        fc.tuple(
          ...chosen.map((p) => fc.oneof(likelyValue(p), anyValue(p)).map((v) => [p.name, v] as const)),
        ),
      ),
    path: fc.tuple(
      ...pathParams.map((p) => fc.oneof(likelyValue(p), anyValue(p)).map((v) => [p.name, v] as const)),
    ),
    unknown: fc.option(fc.constantFrom("nope", "Metric", "groupby", ...PROTO_KEYS), {
      nil: undefined,
      freq: 4,
    }),
  });
  // A likely set with one value malformed in a way the document's types cannot say: a number not
  // in decimal digits, a dot segment, a prototype key.
  const integers = query.filter((p) => p.schema.type === "integer" || p.schema.type === "number");
  const malformed = likely.chain((set) => {
    const ways: fc.Arbitrary<typeof set>[] = [
      fc.constantFrom(...PROTO_KEYS).map((unknown) => ({ ...set, unknown })),
    ];
    if (integers.length > 0)
      ways.push(
        fc
          .tuple(fc.constantFrom(...integers), fc.constantFrom(...NOT_DECIMAL, "+5", "1e1", "0x10", " 5"))
          .map(([p, v]) => ({
            ...set,
            query: [...set.query.filter(([k]) => k !== p.name), [p.name, v] as const],
          })),
      );
    if (set.path.length > 0)
      ways.push(
        fc.tuple(fc.nat(set.path.length - 1), fc.constantFrom(...DOT_SEGMENTS)).map(([i, v]) => ({
          ...set,
          path: set.path.map(([k, old], j) => [k, j === i ? v : old] as const),
        })),
      );
    return fc.oneof(...ways);
  });
  return fc.oneof(likely, hostile, malformed).map(({ query: q, path: p, unknown }) => {
    const params = new URLSearchParams();
    for (const [k, v] of q) params.set(k, v);
    if (unknown) params.set(unknown, "1");
    const values = Object.fromEntries(p) as Record<string, string>;
    const concrete = path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(values[name] ?? ""),
    );
    return { params, values, url: `${concrete}${params.size ? `?${params}` : ""}` };
  });
}

/**
 * Refused whatever the route's own schema says: an integer parameter not written in decimal
 * digits, a prototype key, a dot segment for a path parameter.
 */
function mustBeRefused(parameters: Parameter[], params: URLSearchParams, values: Record<string, string>) {
  const integers = parameters
    .filter((p) => p.in === "query" && p.schema.type === "integer")
    .map((p) => p.name);
  for (const [key, value] of params) {
    if (PROTO_KEYS.includes(key)) return `${key} is a prototype key`;
    if (integers.includes(key) && !/^-?[0-9]+$/.test(value))
      return `${key}=${JSON.stringify(value)} is not decimal`;
  }
  const dot = Object.entries(values).find(([, v]) => DOT_SEGMENTS.includes(v));
  return dot ? `${dot[0]} is a dot segment` : null;
}

function isValid(op: Operation, params: URLSearchParams, values: Record<string, string>): boolean {
  const raw = Object.fromEntries(params);
  const knownKeys = Object.keys(op.query?.shape ?? {});
  if ([...params.keys()].some((k) => !knownKeys.includes(k))) return false;
  const parsed = op.query?.safeParse(raw);
  if (parsed && !parsed.success) return false;
  // A well-formed lab slug that names no lab is refused too (400, "No lab …").
  const labs = (parsed?.data as { labs?: unknown } | undefined)?.labs;
  if (Array.isArray(labs) && labs.some((slug) => !SEEDED_LABS.includes(String(slug)))) return false;
  return Object.entries(op.pathParams ?? {}).every(
    ([name, schema]) => z.safeParse(schema, values[name]).success,
  );
}

describe.each(testBackends())("the API against its OpenAPI document on %s", (backend) => {
  const db = servedPopulationDatabase(backend, 5, PREFIX);
  const document = openApiDocument("http://127.0.0.1");
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validators = new Map<unknown, ReturnType<typeof ajv.compile>>();
  /** A response schema, its references into the document's components resolved. */
  const validatorOf = (schema: unknown) => {
    let validate = validators.get(schema);
    if (!validate) {
      validate = ajv.compile({ ...(schema as object), components: document.components });
      validators.set(schema, validate);
    }
    return validate;
  };

  beforeAll(async () => {
    // Names that exist, all in one namespace, so that a generated pair finds a model.
    const models = await db.prisma.model.findMany({ where: { namespace: `${PREFIX}-cn1` }, take: 3 });
    SAMPLES.namespace = [`${PREFIX}-cn1`];
    SAMPLES.name = [...models.map((m) => m.hubId.split("/")[1] ?? ""), "m999"];
    // A pinned chart asks a version the database has: a later one is refused (400) by design.
    SAMPLES.version = [await dataVersion(db)];
  });

  const checked = OPERATIONS.filter((op) => op.method === "GET" && !op.bearer && HANDLERS[op.id]);

  it("covers every public GET route of the document", () => {
    const documented = Object.values(document.paths).flatMap((item) =>
      Object.entries(item as Record<string, { operationId: string; security: unknown[] }>)
        .filter(([method, op]) => method === "get" && op.security.length === 0)
        .map(([, op]) => op.operationId),
    );
    expect(documented.filter((id) => id !== "getEmbed").sort()).toEqual(checked.map((o) => o.id).sort());
  });

  for (const op of checked) {
    it(`${op.id}: every answer is declared, with a body its schema accepts`, async () => {
      const described = (
        document.paths as Record<
          string,
          Record<
            string,
            {
              parameters: Parameter[];
              responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
            }
          >
        >
      )[op.path]?.get;
      if (!described) throw new Error(`${op.path} is not in the document`);
      const handler = HANDLERS[op.id] as Handler;
      // A PNG is rasterised, a sensitivity table asks a dozen share questions: fewer runs of each.
      const runs = op.id === "getSharePng" || op.id === "getSensitivity" ? 12 : 60;
      const seen = { ok: 0, invalid: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(requestsFor(op.path, described.parameters), async ({ params, values, url }) => {
          const response = await handler(new Request(`http://127.0.0.1${url}`), {
            params: Promise.resolve(values),
          });
          const status = String(response.status);
          const declared = described.responses[status];
          expect(declared, `${url}: status ${status} is not declared`).toBeDefined();
          expect(response.status, `${url}: a 5xx`).toBeLessThan(500);
          const refused = mustBeRefused(described.parameters, params, values);
          if (refused) {
            seen.refused++;
            expect(isValid(op, params, values), `${url}: the route's schema takes it (${refused})`).toBe(
              false,
            );
            expect([400, 404], `${url}: ${refused}`).toContain(response.status);
          }
          const valid = isValid(op, params, values);
          if (valid) expect([200, 404], `${url} is valid`).toContain(response.status);
          else expect(response.status, `${url} is invalid`).toBe(400);
          if (response.status === 200) seen.ok++;
          if (response.status === 400) seen.invalid++;
          const type = (response.headers.get("content-type") ?? "").split(";")[0] ?? "";
          const content = declared?.content;
          if (!content) {
            expect((await response.arrayBuffer()).byteLength).toBe(0);
            return;
          }
          expect(Object.keys(content), `${url}: ${type} is not declared for ${status}`).toContain(type);
          if (type === "application/json" || type === "application/feed+json") {
            const body = await response.json();
            const validate = validatorOf(content[type]?.schema);
            expect(validate(body), `${url}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
          } else if (type === "application/zip") {
            const bytes = new Uint8Array(await response.arrayBuffer());
            expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
          } else if (type === "image/png") {
            const bytes = new Uint8Array(await response.arrayBuffer());
            expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
          } else expect((await response.text()).length).toBeGreaterThan(0);
        }),
        { numRuns: runs },
      );
      // Not vacuous: the generated sets reach both the answers and the refusals.
      expect(seen.ok, "answers 200").toBeGreaterThan(0);
      if (op.query && Object.keys(op.query.shape).length > 0)
        expect(seen.invalid, "answers 400").toBeGreaterThan(0);
      expect(seen.refused, "malformed sets were sent").toBeGreaterThan(0);
    });
  }
});
