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
