import type { z } from "zod";
import { ApiError } from "./errors";

/**
 * Parses URL search params with a zod schema. Repeated keys and unknown keys are errors, so a
 * typo never silently falls back to a default.
 */
export function parseSearchParams<S extends z.ZodType>(
  schema: S,
  params: URLSearchParams,
  known: readonly string[],
): z.infer<S> {
  const raw: Record<string, string> = {};
  const issues: { path: string; message: string }[] = [];
  for (const [key, value] of params) {
    if (!known.includes(key)) issues.push({ path: key.slice(0, 40), message: "is not a known parameter" });
    else if (key in raw) issues.push({ path: key, message: "is given more than once" });
    else raw[key] = value;
  }
  if (issues.length > 0) {
    throw new ApiError(
      "bad_request",
      `Invalid query parameters: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      issues,
    );
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw ApiError.fromZod(result.error);
  return result.data;
}
