import { migrateChartQuery } from "../domain/chart-migrations";
import {
  readChartState,
  resolveChartState,
  SURFACES,
  type Surface,
  type SurfaceQuery,
  surfaceKeys,
  VERSION_KEY,
} from "../domain/chart-state";
import { surfaceSchema } from "../domain/share-query";
import { ApiError } from "./errors";

const schemas = new Map<Surface, ReturnType<typeof surfaceSchema>>();
const schemaOf = (surface: Surface) => {
  let schema = schemas.get(surface);
  if (!schema) {
    schema = surfaceSchema(surface);
    schemas.set(surface, schema);
  }
  return schema;
};

export type ParsedChartQuery<S extends Surface> = {
  query: SurfaceQuery<S>;
  /** The link's format: older than the current one when it was migrated */
  version: number;
};

/**
 * A surface's URL query, strictly: an old link is first brought to the current format
 * (lib/domain/chart-migrations.ts), then unknown or repeated keys and every value are checked in
 * one pass, so a typo never silently falls back to a default and every problem is named at once.
 */
export function parseChartQuery<S extends Surface>(surface: S, input: URLSearchParams): ParsedChartQuery<S> {
  const versioned = SURFACES[surface].versioned;
  const migrated = versioned
    ? migrateChartQuery(surface, input)
    : { params: input, version: 0, issues: [] as { path: string; message: string }[] };
  const known: readonly string[] = surfaceKeys(surface);
  const issues = [...migrated.issues];
  const seen = new Set<string>();
  for (const key of input.keys()) {
    if (seen.has(key)) issues.push({ path: key.slice(0, 40), message: "is given more than once" });
    seen.add(key);
  }
  const raw: Record<string, string> = {};
  for (const [key, value] of migrated.params) {
    if (!known.includes(key) && !(versioned && key === VERSION_KEY))
      issues.push({ path: key.slice(0, 40), message: "is not a known parameter" });
    else raw[key] = value;
  }
  if (issues.length > 0)
    throw new ApiError(
      "bad_request",
      `Invalid query parameters: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      issues,
    );
  const result = schemaOf(surface).safeParse(raw);
  if (!result.success) throw ApiError.fromZod(result.error);
  return { query: result.data as SurfaceQuery<S>, version: migrated.version };
}

/**
 * A surface's URL read leniently (old links migrated, values that do not parse left out, the
 * surface's defaults filled in): for links quoted elsewhere (oEmbed), where a best reading beats
 * an error.
 */
export function readChartQuery<S extends Surface>(surface: S, input: URLSearchParams): SurfaceQuery<S> {
  const params = SURFACES[surface].versioned ? migrateChartQuery(surface, input).params : input;
  return resolveChartState(surface, readChartState(params));
}
