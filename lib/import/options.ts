import { commandLine } from "../process/command-line";
import { FORMATS, type FormatName } from "./formats";

export type ImportOptions = {
  file: string;
  format: FormatName | "auto";
  /** Snapshot date of a single-snapshot file (hub-stats) without a date column */
  asOf?: string;
  dryRun: boolean;
  /** Skip (and count) rows with unreadable values instead of stopping at the first */
  skipInvalid: boolean;
  /** Estimate 30-day counts a file lacks from downloadsAllTime (on unless --no-estimate) */
  estimate: boolean;
};

export const IMPORT_USAGE =
  "usage: npm run import -- FILE [--format auto|" +
  FORMATS.join("|") +
  "] [--as-of YYYY-MM-DD] [--dry-run] [--skip-invalid] [--no-estimate]";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Parses `FILE [--format F] [--as-of YYYY-MM-DD] [--dry-run] [--skip-invalid] [--no-estimate]`. */
export function parseImportArgs(argv: string[]): ImportOptions {
  const options: Omit<ImportOptions, "file"> & { file?: string } = {
    format: "auto",
    dryRun: false,
    skipInvalid: false,
    estimate: true,
  };
  for (const { arg, flag, value } of commandLine(argv, IMPORT_USAGE)) {
    switch (flag) {
      case "--format": {
        const v = value();
        if (v !== "auto" && !(FORMATS as readonly string[]).includes(v))
          throw new Error(`--format must be auto or one of ${FORMATS.join(", ")} (got "${v}")`);
        options.format = v as ImportOptions["format"];
        break;
      }
      case "--as-of": {
        const v = value();
        const d = new Date(`${v}T00:00:00Z`);
        if (!ISO_DAY.test(v) || Number.isNaN(d.getTime()) || !d.toISOString().startsWith(v))
          throw new Error(`--as-of must be a date as YYYY-MM-DD (got "${v}")`);
        options.asOf = v;
        break;
      }
      case "--dry-run":
        options.dryRun = true;
        break;
      case "--skip-invalid":
        options.skipInvalid = true;
        break;
      case "--no-estimate":
        options.estimate = false;
        break;
      default:
        if (flag.startsWith("-")) throw new Error(`unknown option ${flag}\n${IMPORT_USAGE}`);
        if (options.file !== undefined)
          throw new Error(`one FILE at a time (got ${options.file} and ${arg})`);
        options.file = arg;
    }
  }
  if (options.file === undefined) throw new Error(`no FILE given\n${IMPORT_USAGE}`);
  return { ...options, file: options.file };
}
