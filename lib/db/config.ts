import path from "node:path";

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string; sharedBuffers?: string }
  | { kind: "pglite-memory" };

/**
 * The one place that decides which database serves: Postgres when DATABASE_URL is set, otherwise
 * the embedded PGlite under .data/ (PGLITE_DIR overrides the folder; "memory://" keeps it in RAM).
 */
export function resolveDatabaseTarget(
  env: Readonly<Record<string, string | undefined>> = process.env,
): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error("DATABASE_URL is not a valid URL (expected postgres://user:pass@host:5432/db).");
    }
    if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
      throw new Error(
        `DATABASE_URL must start with postgres:// or postgresql:// (got ${parsed.protocol}//).`,
      );
    }
    return { kind: "postgres", url };
  }
  const dir = env.PGLITE_DIR?.trim();
  if (dir === "memory://") return { kind: "pglite-memory" };
  // The embedded Postgres lives inside the Node process: its buffer cache is that process's
  // memory. `npm run import` keeps it small; the web server keeps PGlite's default (128MB).
  const sharedBuffers = env.PGLITE_SHARED_BUFFERS?.trim();
  if (sharedBuffers && !/^\d{1,6}(kB|MB|GB)$/.test(sharedBuffers)) {
    throw new Error(`PGLITE_SHARED_BUFFERS must be a size like 32MB (got "${sharedBuffers}").`);
  }
  return {
    kind: "pglite",
    dataDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), dir || ".data/pglite"),
    ...(sharedBuffers ? { sharedBuffers } : {}),
  };
}

/** A description safe to print: never the password. */
export function describeTarget(target: DatabaseTarget): string {
  switch (target.kind) {
    case "postgres": {
      const u = new URL(target.url);
      return `Postgres at ${u.hostname}:${u.port || "5432"}${u.pathname}`;
    }
    case "pglite":
      return `embedded PGlite at ${target.dataDir}`;
    case "pglite-memory":
      return "in-memory PGlite";
  }
}
