import { z } from "zod";
import { commandLine } from "../process/command-line";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be dates as YYYY-MM-DD")
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "is not a real calendar date");

const verifyArgsSchema = z
  .object({
    dates: z.array(day).min(1).max(10_000).optional(),
    sample: z.number().int().positive().max(100_000).optional(),
  })
  .refine((o) => !(o.dates && o.sample), {
    message: "cannot go with --dates: take one or the other",
    path: ["sample"],
  });

export type VerifyArgs = z.infer<typeof verifyArgsSchema>;

export const VERIFY_USAGE = "usage: npm run verify -- [--dates YYYY-MM-DD,…] [--sample N]";

/** `--dates a,b` or `--sample N`; every mistake is one line naming the flag. */
export function parseVerifyArgs(argv: string[]): VerifyArgs {
  const raw: Record<string, unknown> = {};
  for (const { arg, flag, value } of commandLine(argv, VERIFY_USAGE)) {
    if (flag === "--dates")
      raw.dates = value()
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    else if (flag === "--sample") {
      const v = value();
      if (!/^\d+$/.test(v)) throw new Error(`--sample must be a whole number (got "${v}")`);
      raw.sample = Number(v);
    } else throw new Error(`Unknown option "${arg}" (${VERIFY_USAGE})`);
  }
  const parsed = verifyArgsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`--${String(issue?.path[0] ?? "dates")} ${issue?.message ?? "is invalid"}`);
  }
  return parsed.data;
}
