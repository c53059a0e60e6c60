import { z } from "zod";
import { todayUtc } from "../domain/days";
import { commandLine } from "../process/command-line";

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: "is not a real calendar date",
    },
  );

const namespace = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/, "must be a Hub namespace (letters, digits, . _ -)");

export const ingestOptionsSchema = z.object({
  asOf: isoDay,
  /** Only these namespaces, no global list (for a quick partial crawl). */
  orgs: z.array(namespace).max(1000).optional(),
  maxModels: z.number().int().positive().max(10_000_000).optional(),
  minDownloads: z.number().int().nonnegative().default(100),
  dryRun: z.boolean().default(false),
});

export type IngestOptions = z.infer<typeof ingestOptionsSchema>;

export { todayUtc };

const INGEST_USAGE = "Options: --as-of YYYY-MM-DD --orgs a,b --max-models N --min-downloads N --dry-run";

/** Parses `--as-of 2025-08-01 --orgs a,b --max-models N --min-downloads N --dry-run`. */
export function parseIngestArgs(argv: string[], now = new Date()): IngestOptions {
  const raw: Record<string, unknown> = { asOf: todayUtc(now) };
  for (const { arg, flag, value } of commandLine(argv, INGEST_USAGE)) {
    const int = (name: string) => {
      const v = value();
      if (!/^\d+$/.test(v)) throw new Error(`${name} must be a whole number (got "${v}")`);
      return Number(v);
    };
    switch (flag) {
      case "--as-of":
        raw.asOf = value();
        break;
      case "--orgs":
        raw.orgs = value()
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case "--max-models":
        raw.maxModels = int("--max-models");
        break;
      case "--min-downloads":
        raw.minDownloads = int("--min-downloads");
        break;
      case "--dry-run":
        raw.dryRun = true;
        break;
      default:
        throw new Error(`Unknown option "${arg}". ${INGEST_USAGE}`);
    }
  }
  const parsed = ingestOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag =
      { asOf: "--as-of", orgs: "--orgs", maxModels: "--max-models", minDownloads: "--min-downloads" }[
        String(issue?.path[0])
      ] ?? String(issue?.path[0]);
    throw new Error(`${flag} ${issue?.message ?? "is invalid"}`);
  }
  return parsed.data;
}
