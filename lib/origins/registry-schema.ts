import { z } from "zod";
import { isIsoCountry } from "../domain/countries";

const country = z.string().refine(isIsoCountry, { message: "is not an ISO 3166-1 alpha-2 country code" });
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, "must be a lower-case slug");

export const ORG_KINDS = ["lab", "company", "university", "community", "individual", "re-publisher"] as const;

export const labEntrySchema = z.object({
  slug,
  name: z.string().min(1).max(80),
  parent: z.string().min(1).max(120).nullable(),
  country,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a #rrggbb colour"),
});

export const organizationEntrySchema = z
  .object({
    namespace: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/, "must be a Hub namespace"),
    lab: slug.nullable(),
    country: country.nullable(),
    international: z.boolean(),
    kind: z.enum(ORG_KINDS),
    source: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }),
    note: z.string().max(500).optional(),
    atomRegion: z.enum(["us", "china", "eu", "other", "unknown"]).optional(),
  })
  .refine((o) => (o.country === null) === o.international, {
    message: "country must be set unless the organisation is deliberately international (and then null)",
    path: ["country"],
  });

export const registrySchema = z
  .object({
    $comment: z.string().optional(),
    labs: z.array(labEntrySchema).min(1),
    organizations: z.array(organizationEntrySchema).min(1),
  })
  .superRefine((registry, ctx) => {
    const labs = new Set<string>();
    registry.labs.forEach((lab, i) => {
      if (labs.has(lab.slug))
        ctx.addIssue({ code: "custom", path: ["labs", i, "slug"], message: `duplicate lab "${lab.slug}"` });
      labs.add(lab.slug);
    });
    const seen = new Set<string>();
    registry.organizations.forEach((org, i) => {
      const key = org.namespace.toLowerCase();
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["organizations", i, "namespace"],
          message: `duplicate namespace "${org.namespace}"`,
        });
      }
      seen.add(key);
      if (org.lab !== null && !labs.has(org.lab)) {
        ctx.addIssue({
          code: "custom",
          path: ["organizations", i, "lab"],
          message: `unknown lab "${org.lab}"`,
        });
      }
    });
  });

export type Registry = z.infer<typeof registrySchema>;
export type LabEntry = z.infer<typeof labEntrySchema>;
export type OrganizationEntry = z.infer<typeof organizationEntrySchema>;

/** Parses a registry, naming every problem with its place in the file. */
export function parseRegistry(data: unknown, file = "registry"): Registry {
  const result = registrySchema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new Error(`${file} is invalid:\n${lines.join("\n")}`);
}
