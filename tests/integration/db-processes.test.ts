import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseLockedError, openDatabase } from "@/lib/db";
import { runScript } from "../helpers/run-script";

const freshDir = () => path.join(mkdtempSync(path.join(tmpdir(), "oms-pglite-")), "db");

describe("database selection from the command line", () => {
  it("a bad DATABASE_URL gives one clear line and a non-zero exit", async () => {
    const result = await runScript("scripts/db-migrate.ts", [], {
      DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere",
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: Cannot use Postgres at 127\.0\.0\.1:1\/nowhere: /);
  });

  it("migrates an embedded database in a fresh folder, then reports it up to date", {
    timeout: 240_000,
  }, async () => {
    const dir = freshDir();
    const env = { DATABASE_URL: undefined, PGLITE_DIR: dir };
    const first = await runScript("scripts/db-migrate.ts", [], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Applied \d+ migration\(s\) to embedded PGlite/);
    expect(first.stdout).toMatch(/Origin registry synced: \d+ labs, \d+ namespaces/);
    const second = await runScript("scripts/db-migrate.ts", [], env);
    expect(second.stdout).toMatch(/is up to date/);
    expect(second.stdout).not.toMatch(/registry synced/);
    const forced = await runScript("scripts/db-migrate.ts", ["--sync-registry"], env);
    expect(forced.stdout).toMatch(/Origin registry synced/);
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});

describe("one process per PGlite directory", () => {
  it("a second process gets a clear error while the first holds the directory", async () => {
    const dir = freshDir();
    const owner = await openDatabase({ kind: "pglite", dataDir: dir });
    try {
      const result = await runScript("scripts/db-migrate.ts", [], {
        DATABASE_URL: undefined,
        PGLITE_DIR: dir,
      });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(
        `error: The embedded database at ${dir} is already open in process ${process.pid}. ` +
          "PGlite allows one process per data directory: stop that process first, or set DATABASE_URL to use Postgres.",
      );
      await expect(openDatabase({ kind: "pglite", dataDir: dir })).rejects.toThrow(
        /already open in this process/,
      );
    } finally {
      await owner.close();
    }
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it("takes over a lock left by a process that no longer exists", async () => {
    const dir = freshDir();
    writeFileSync(`${dir}.lock`, "2147483646");
    const db = await openDatabase({ kind: "pglite", dataDir: dir });
    await db.close();
  });

  it("the lock error is typed", () => {
    const error = new DatabaseLockedError("/x", 42);
    expect(error.pid).toBe(42);
    expect(error.message).toContain("process 42");
  });
});
