import { z } from "zod";
import { REPO_PATTERN } from "../hf/datasets";
import { commandLine } from "../process/command-line";

/** The public datasets a backfill reads, and where. */
export const BACKFILL_DATASETS = {
  "hub-weekly": {
    repo: "hfmlsoc/hub_weekly_snapshots",
    describe: "weekly copies of the Hub's model listing, models/YYYY-MM-DD/models.parquet",
  },
  study: {
    repo: "mmpr/open_model_evolution_data",
    describe: "the study's file all_downloads_with_annotations.parquet (a curated subset of authors)",
  },
} as const;
export type BackfillDataset = keyof typeof BACKFILL_DATASETS;

/** The crawl's threshold: its population rule, so backfilled and crawled dates are comparable. */
export const DEFAULT_MIN_DOWNLOADS = 100;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "is not a real calendar date");

export const backfillOptionsSchema = z
  .object({
    dataset: z.enum(["hub-weekly", "study"], { message: "must be hub-weekly or study" }),
    repo: z
      .string()
      .refine(
        (r) => REPO_PATTERN.test(r) || /^file:.+/.test(r),
        "must be a dataset repository as OWNER/NAME, or file:DIR (a folder in its layout, e.g. an export)",
      )
      .optional(),
    /** hub-weekly: week labels (the folders' dates); study: snapshot dates. Inclusive. */
    from: isoDay.optional(),
    to: isoDay.optional(),
    /** Unset: the crawl's threshold, or none for an export (its files are a population already) */
    minDownloads: z.number().int().nonnegative().optional(),
    dryRun: z.boolean().default(false),
  })
  .refine((o) => !o.from || !o.to || o.from <= o.to, { message: "must not be after --to", path: ["from"] });

export type BackfillOptions = z.infer<typeof backfillOptionsSchema> & { repo: string };

export const BACKFILL_USAGE =
  "usage: npm run backfill -- --dataset hub-weekly|study [--repo OWNER/NAME|file:DIR] [--from YYYY-MM-DD] " +
  "[--to YYYY-MM-DD] [--min-downloads N] [--dry-run]";

/** The flag of each option, for the schema's messages. */
const FLAGS: Record<string, string> = {
  dataset: "--dataset",
  repo: "--repo",
  from: "--from",
  to: "--to",
  minDownloads: "--min-downloads",
};
/** The options taken as written (the schema checks them). */
const TEXT_OPTIONS = ["dataset", "repo", "from", "to"] as const;

/** Parses the command line; every mistake is one line naming the flag. */
export function parseBackfillArgs(argv: string[]): BackfillOptions {
  const raw: Record<string, unknown> = {};
  for (const { arg, flag, value } of commandLine(argv, BACKFILL_USAGE)) {
    const text = TEXT_OPTIONS.find((key) => FLAGS[key] === flag);
    if (text) {
      raw[text] = value();
      continue;
    }
    switch (flag) {
      case "--min-downloads": {
        const v = value();
        if (!/^\d+$/.test(v)) throw new Error(`--min-downloads must be a whole number (got "${v}")`);
        raw.minDownloads = Number(v);
        break;
      }
      case "--dry-run":
        raw.dryRun = true;
        break;
      default:
        throw new Error(`unknown option "${arg}"\n${BACKFILL_USAGE}`);
    }
  }
  if (raw.dataset === undefined) throw new Error(`--dataset is required\n${BACKFILL_USAGE}`);
  const parsed = backfillOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? "");
    throw new Error(`${FLAGS[key] ?? key} ${issue?.message ?? "is invalid"}`);
  }
  const options = parsed.data;
  return { ...options, repo: options.repo ?? BACKFILL_DATASETS[options.dataset].repo };
}
