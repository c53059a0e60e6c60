import { z } from "zod";

/**
 * What `npm run export` writes beside its files, and what a `file:` backfill reads first: the
 * files' exact dates (their folders are named by the snapshot date, not by a week's label, so the
 * weekly rule that dates a file inside its labelled week must not move them), each date's
 * population, and the registry the shares were attributed with.
 */
export const MANIFEST_FILE = "open-model-share-export.json";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD");

export const manifestDateSchema = z.object({
  date: day,
  /** Relative to the folder, with forward slashes */
  path: z
    .string()
    .regex(
      /^(models|study)\/\d{4}-\d{2}-\d{2}\/models\.parquet$/,
      "must be models|study/YYYY-MM-DD/models.parquet",
    ),
  population: z.enum(["hub", "study"]),
  rows: z.number().int().nonnegative(),
});
export type ManifestDate = z.infer<typeof manifestDateSchema>;

export const exportManifestSchema = z.object({
  format: z.literal("open-model-share-export"),
  version: z.literal(1),
  dating: z.literal("exact"),
  exportedAt: z.string(),
  dataVersion: z.string(),
  registry: z.object({ file: z.string(), sha256: z.string() }),
  dates: z.array(manifestDateSchema),
});
export type ExportManifest = z.infer<typeof exportManifestSchema>;
