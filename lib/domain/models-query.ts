import { z } from "zod";
import { MODEL_ID_PATTERN, MODEL_ID_RULE, NAMESPACE_PATTERN, NAMESPACE_RULE } from "./hub-names";
import { countryItem, format, isoDate, slugItem, tagValue } from "./query-fragments";

export const MODEL_SORTS = ["downloads30d", "downloadsAllTime", "likes", "createdAt"] as const;

export const modelsQuerySchema = z
  .object({
    q: z.string().trim().max(100, "is too long (100 characters at most)").optional(),
    country: z.optional(countryItem),
    lab: z.optional(slugItem),
    namespace: z.string().regex(NAMESPACE_PATTERN, NAMESPACE_RULE).optional(),
    task: z.optional(tagValue),
    library: z.optional(tagValue),
    createdFrom: z.optional(isoDate),
    createdTo: z.optional(isoDate),
    derivatives: z.enum(["include", "exclude", "only"]).default("include"),
    sort: z.enum(MODEL_SORTS).default("downloads30d"),
    order: z.enum(["desc", "asc"]).default("desc"),
    page: z.coerce.number().int("must be a whole number").min(1).max(10_000).default(1),
    limit: z.coerce.number().int("must be a whole number").min(1).max(100).default(25),
    format,
  })
  .superRefine((q, ctx) => {
    if (q.createdFrom && q.createdTo && q.createdFrom > q.createdTo) {
      ctx.addIssue({ code: "custom", path: ["createdFrom"], message: "must not be after createdTo" });
    }
  });

export const MODELS_PARAMS: readonly string[] = Object.keys(modelsQuerySchema.shape);
export type ModelsQuery = z.infer<typeof modelsQuerySchema>;

export const hubIdSchema = z.string().max(200).regex(MODEL_ID_PATTERN, MODEL_ID_RULE);
