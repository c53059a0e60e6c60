import { z } from "zod";
import { MODEL_ID_PATTERN, MODEL_ID_RULE, NAMESPACE_PATTERN, NAMESPACE_RULE } from "./hub-names";
import { countryItem, format, isoDate, slugItem, tagValue, wholeNumberOr } from "./query-fragments";

export const MODEL_SORTS = ["downloads30d", "downloadsAllTime", "likes", "createdAt"] as const;

/** How deep the listing goes in one order: pages past it are narrowed with a search or a filter. */
export const MAX_MODELS_DEPTH = 10_000;

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
    page: wholeNumberOr(1, 1, MAX_MODELS_DEPTH).describe("Page number, from 1"),
    limit: wholeNumberOr(25, 1, 100).describe("Models per page"),
    format,
  })
  .superRefine((q, ctx) => {
    if (q.page * q.limit > MAX_MODELS_DEPTH)
      ctx.addIssue({
        code: "custom",
        path: ["page"],
        message: `goes past the first ${MAX_MODELS_DEPTH.toLocaleString("en-US")} models of this order: narrow the search or sort the other way`,
      });
    if (q.createdFrom && q.createdTo && q.createdFrom > q.createdTo) {
      ctx.addIssue({ code: "custom", path: ["createdFrom"], message: "must not be after createdTo" });
    }
  });

export const MODELS_PARAMS: readonly string[] = Object.keys(modelsQuerySchema.shape);
export type ModelsQuery = z.infer<typeof modelsQuerySchema>;

export const hubIdSchema = z.string().max(200).regex(MODEL_ID_PATTERN, MODEL_ID_RULE);
