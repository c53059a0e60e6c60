import { z } from "zod";
import { ANNOTATION_KINDS } from "../domain/annotations";
import type { Registry } from "./registry-schema";

const day = z.iso.date({ message: "must be a date, YYYY-MM-DD" });
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, "must be a lower-case slug");

export const annotationEntrySchema = z
  .object({
    id: slug,
    date: day,
    kind: z.enum(ANNOTATION_KINDS),
    lab: slug.nullable(),
    model: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/, "must be a Hub model id")
      .nullable(),
    /** What the marker on a chart says: a few words */
    label: z.string().min(1).max(32),
    /** The event in one sentence (lists, alt text, the methodology page) */
    text: z.string().min(1).max(200),
    source: z.url({ protocol: /^https$/, message: "must be an https URL" }),
  })
  .refine((a) => a.kind !== "release" || (a.lab !== null && a.model !== null), {
    message: "a release names its lab and model",
    path: ["model"],
  })
  .refine((a) => a.kind !== "counting-rule" || (a.lab === null && a.model === null), {
    message: "a counting-rule change is the Hub's: no lab or model",
    path: ["lab"],
  });

export const annotationsFileSchema = z
  .object({ $comment: z.string().optional(), annotations: z.array(annotationEntrySchema).max(500) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.annotations.forEach((a, i) => {
      if (seen.has(a.id))
        ctx.addIssue({ code: "custom", path: ["annotations", i, "id"], message: `duplicate id "${a.id}"` });
      seen.add(a.id);
    });
  });

export type AnnotationEntry = z.infer<typeof annotationEntrySchema>;

/** Parses an annotations file, naming every problem with its place in the file. */
export function parseAnnotations(data: unknown, file = "annotations"): AnnotationEntry[] {
  const result = annotationsFileSchema.safeParse(data);
  if (result.success) return result.data.annotations;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new Error(`${file} is invalid:\n${lines.join("\n")}`);
}

/**
 * What the registry must hold for the annotations to be drawn where they belong: each release's
 * lab, and its model's namespace among that lab's namespaces. One message per problem.
 */
export function annotationRegistryProblems(annotations: AnnotationEntry[], registry: Registry): string[] {
  const labs = new Set(registry.labs.map((l) => l.slug));
  const labOf = new Map(registry.organizations.map((o) => [o.namespace.toLowerCase(), o.lab]));
  return annotations.flatMap((a) => {
    if (a.lab === null) return [];
    if (!labs.has(a.lab)) return [`${a.id}: no lab "${a.lab}" in the registry`];
    const namespace = a.model?.split("/")[0]?.toLowerCase() ?? "";
    const owner = labOf.get(namespace);
    return owner === a.lab
      ? []
      : [`${a.id}: ${a.model}'s namespace is not one of ${a.lab}'s in the registry`];
  });
}
