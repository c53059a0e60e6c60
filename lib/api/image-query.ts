import { z } from "zod";
import { SHARE_PARAMS, type ShareQuery, shareQuerySchema } from "../domain/share-query";
import { ApiError, type ErrorIssue } from "./errors";

/** Presentation parameters of images and embeds, on top of the share query. */
const presentationFields = {
  title: z.string().trim().max(120, "is too long (120 characters at most)").optional(),
  theme: z.enum(["light", "dark"]).default("light"),
};

export const imagePresentationSchema = z.object({
  ...presentationFields,
  width: z.coerce.number().int("must be a whole number").min(320).max(2400).default(1200),
  height: z.coerce.number().int("must be a whole number").min(240).max(1600).default(630),
});

export const embedPresentationSchema = z.object({
  ...presentationFields,
  height: z.coerce.number().int("must be a whole number").min(200).max(1600).optional(),
});

export const IMAGE_PARAMS: readonly string[] = [...SHARE_PARAMS, "title", "theme", "width", "height"];
export const EMBED_PARAMS: readonly string[] = [...SHARE_PARAMS, "title", "theme", "height"];

/**
 * Validates a share query plus its presentation in one pass, so every problem is reported at
 * once: unknown or repeated keys, bad share parameters, bad width/height/theme/title.
 */
export function parseSharePresentation<P extends z.ZodType>(
  params: URLSearchParams,
  presentationSchema: P,
  known: readonly string[],
): { share: ShareQuery; presentation: z.infer<P> } {
  const share: Record<string, string> = {};
  const presentation: Record<string, string> = {};
  const issues: ErrorIssue[] = [];
  const seen = new Set<string>();
  const presentationKeys = known.filter((k) => !SHARE_PARAMS.includes(k));
  for (const [k, v] of params) {
    if (!known.includes(k)) issues.push({ path: k.slice(0, 40), message: "is not a known parameter" });
    else if (seen.has(k)) issues.push({ path: k, message: "is given more than once" });
    else (presentationKeys.includes(k) ? presentation : share)[k] = v;
    seen.add(k);
  }
  const s = shareQuerySchema.safeParse(share);
  const p = presentationSchema.safeParse(presentation);
  for (const result of [s, p]) {
    if (!result.success) {
      for (const i of result.error.issues)
        issues.push({ path: i.path.map(String).join(".") || "(query)", message: i.message });
    }
  }
  if (issues.length > 0 || !s.success || !p.success) {
    throw new ApiError(
      "bad_request",
      `Invalid query parameters: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      issues,
    );
  }
  return { share: s.data, presentation: p.data };
}
