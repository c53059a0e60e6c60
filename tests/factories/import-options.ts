import type { ImportOptions } from "@/lib/import/options";

/** The options of `npm run import -- <file>`: format detected, rows checked, 30-day counts estimated. */
export const importOptions = (file: string, o: Partial<ImportOptions> = {}): ImportOptions => ({
  file,
  format: "auto",
  dryRun: false,
  skipInvalid: false,
  estimate: true,
  ...o,
});
