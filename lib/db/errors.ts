import { DatabaseLockedError } from "./pglite-lock";

const UNAVAILABLE = [
  /ECONNREFUSED/,
  /ECONNRESET/,
  /Can't reach database server/,
  /Connection terminated/,
  /the database system is (starting up|shutting down)/,
  /terminating connection/,
  /Cannot use (Postgres|embedded PGlite)/,
  /timeout exceeded when trying to connect/i,
  /Connection (is )?closed/i,
];

/** True when an error means "the database cannot be reached now", which the API answers with 503. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseLockedError) return true;
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && !seen.has(current)) {
    seen.add(current);
    const message = current instanceof Error ? current.message : String(current);
    const code = (current as { code?: string }).code;
    if (code === "ECONNREFUSED" || code === "57P01" || code === "57P03" || code === "P1001") return true;
    if (UNAVAILABLE.some((re) => re.test(message))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** True when Postgres cancelled a statement at its statement_timeout (lib/db/bounded-read.ts). */
export function isStatementTimeout(error: unknown): boolean {
  return causes(error).some(
    ({ code, originalCode, message }) =>
      code === "57014" || originalCode === "57014" || /statement timeout/i.test(message ?? ""),
  );
}

/** True when a row broke a unique constraint (23505), from pg, PGlite or Prisma. */
export function isUniqueViolation(error: unknown): boolean {
  return causes(error).some(({ code, originalCode }) => code === "23505" || originalCode === "23505");
}

type Cause = { code?: string; originalCode?: string; message?: string };

/** The error and what it wraps: `cause`, or a Prisma error's driver adapter error. */
function causes(error: unknown): Cause[] {
  const chain: Cause[] = [];
  let current: unknown = error;
  while (current && typeof current === "object" && !chain.includes(current as Cause)) {
    chain.push(current as Cause);
    current =
      (current as { cause?: unknown }).cause ??
      (current as { meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError;
  }
  return chain;
}
