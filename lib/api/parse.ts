import { z } from "zod";
import { ApiError } from "./errors";

/**
 * Refuses keys a route does not know and keys given twice, so a typo never silently falls back to
 * a default. `__proto__`, `constructor` and `prototype` are keys like any other here: nothing is
 * looked up on an object's prototype.
 */
export function checkQueryKeys(params: URLSearchParams, known: readonly string[]): void {
  const seen = new Set<string>();
  const issues: { path: string; message: string }[] = [];
  for (const key of params.keys()) {
    if (!known.includes(key)) issues.push({ path: key.slice(0, 40), message: "is not a known parameter" });
    else if (seen.has(key)) issues.push({ path: key, message: "is given more than once" });
    seen.add(key);
  }
  if (issues.length > 0) {
    throw new ApiError(
      "bad_request",
      `Invalid query parameters: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      issues,
    );
  }
}

/** Parses URL search params with a zod schema, after checkQueryKeys. */
export function parseSearchParams<S extends z.ZodType>(
  schema: S,
  params: URLSearchParams,
  known: readonly string[],
): z.infer<S> {
  checkQueryKeys(params, known);
  const raw = new Map<string, string>();
  for (const [key, value] of params) raw.set(key, value);
  const result = schema.safeParse(Object.fromEntries(raw));
  if (!result.success) throw ApiError.fromZod(result.error);
  return result.data;
}

/** Parses a route's path parameters with the schemas its operation declares: the first that fails is named. */
export function parsePathParams<K extends string>(
  schemas: Record<string, z.core.$ZodType<string>> | undefined,
  values: Record<K, string>,
): Record<K, string> {
  const parsed = { ...values };
  for (const name of Object.keys(values) as K[]) {
    const schema = schemas?.[name];
    if (!schema) throw new Error(`the operation declares no path parameter ${name}`);
    const result = z.safeParse(schema, values[name]);
    if (!result.success) throw ApiError.fromZod(result.error, name);
    parsed[name] = result.data;
  }
  return parsed;
}
