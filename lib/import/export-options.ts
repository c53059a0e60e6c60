import { z } from "zod";
import { commandLine } from "../process/command-line";
import type { ExportOptions } from "./export";

export const EXPORT_USAGE = "usage: npm run export -- --out DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD]";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "is not a real calendar date");

const schema = z
  .object({ out: z.string().min(1, "needs a folder"), from: day.optional(), to: day.optional() })
  .refine((o) => !o.from || !o.to || o.from <= o.to, { message: "must not be after --to", path: ["from"] });

/** Parses the command line; every mistake is one line naming the flag. */
export function parseExportArgs(argv: string[]): ExportOptions {
  const raw: Record<string, string> = {};
  for (const { arg, flag, value } of commandLine(argv, EXPORT_USAGE)) {
    if (flag === "--out" || flag === "--from" || flag === "--to") raw[flag.slice(2)] = value();
    else throw new Error(`unknown option "${arg}"\n${EXPORT_USAGE}`);
  }
  if (raw.out === undefined) throw new Error(`--out is required\n${EXPORT_USAGE}`);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`--${String(issue?.path[0] ?? "")} ${issue?.message ?? "is invalid"}`);
  }
  return parsed.data;
}
