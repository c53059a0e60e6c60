import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeTarget, resolveDatabaseTarget } from "@/lib/db/config";

describe("resolveDatabaseTarget", () => {
  it.each([
    [{}, { kind: "pglite", dataDir: path.resolve(".data/pglite") }],
    [{ DATABASE_URL: "  " }, { kind: "pglite", dataDir: path.resolve(".data/pglite") }],
    [{ PGLITE_DIR: "/tmp/x" }, { kind: "pglite", dataDir: "/tmp/x" }],
    [{ PGLITE_DIR: "memory://" }, { kind: "pglite-memory" }],
    [
      { PGLITE_DIR: "/tmp/x", PGLITE_SHARED_BUFFERS: "32MB" },
      { kind: "pglite", dataDir: "/tmp/x", sharedBuffers: "32MB" },
    ],
    [{ DATABASE_URL: "postgres://u:p@h:5432/d" }, { kind: "postgres", url: "postgres://u:p@h:5432/d" }],
    [
      { DATABASE_URL: "postgresql://h/d", PGLITE_DIR: "/ignored" },
      { kind: "postgres", url: "postgresql://h/d" },
    ],
  ])("%j → %j", (env, expected) => {
    expect(resolveDatabaseTarget(env)).toEqual(expected);
  });

  it.each([
    ["not a url", /not a valid URL/],
    ["mysql://h/d", /must start with postgres:\/\//],
  ])("rejects DATABASE_URL=%s", (url, message) => {
    expect(() => resolveDatabaseTarget({ DATABASE_URL: url })).toThrow(message);
  });

  it.each(["32", "lots", "32 MB", "-1MB"])("rejects PGLITE_SHARED_BUFFERS=%s", (value) => {
    expect(() => resolveDatabaseTarget({ PGLITE_SHARED_BUFFERS: value })).toThrow(
      /PGLITE_SHARED_BUFFERS must be a size like 32MB/,
    );
  });

  it("never prints the password", () => {
    const text = describeTarget({ kind: "postgres", url: "postgres://user:s3cret@db.example:6543/prod" });
    expect(text).toBe("Postgres at db.example:6543/prod");
    expect(text).not.toContain("s3cret");
  });
});
