import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedPublishedPopulation } from "../factories/population";
import { type FakeHub, type FakeHubOptions, startFakeHub } from "../fake-hub/server";
import { type Backend, createTestDatabase, type TestDatabase } from "./test-db";

/**
 * Something the tests of the enclosing describe block share: opened in a beforeAll, closed in an
 * afterAll. The returned object is filled in by that beforeAll, so, like the `let` it replaces, it
 * is for the tests and for hooks declared after this call (before-hooks run in the order they are
 * declared, after-hooks in reverse: what is opened first is closed last).
 */
export function suiteResource<T extends object>(
  open: () => Promise<T>,
  close: (resource: T) => Promise<void>,
): T {
  let opened: T | undefined;
  const shared = {} as T;
  beforeAll(async () => {
    opened = await open();
    Object.assign(shared, opened);
  });
  afterAll(async () => {
    if (opened) await close(opened);
  });
  return shared;
}

/** A fresh, migrated database of the enclosing describe block (createTestDatabase), dropped after it. */
export function suiteDatabase(backend: Backend): TestDatabase {
  return suiteResource(
    () => createTestDatabase(backend),
    (db) => db.drop(),
  );
}

/**
 * suiteDatabase with a published population (seedPublishedPopulation) that the app's routes read:
 * it is made the process's database (useDatabase).
 */
export function servedPopulationDatabase(backend: Backend, seed: number, prefix: string): TestDatabase {
  const db = suiteDatabase(backend);
  beforeAll(async () => {
    await seedPublishedPopulation(db, seed, prefix);
    useDatabase(db);
  });
  return db;
}

/** A fake Hub serving the enclosing describe block, closed after it. */
export function suiteFakeHub(options: FakeHubOptions): FakeHub {
  return suiteResource(
    () => startFakeHub(options),
    (hub) => hub.close(),
  );
}

/** A new temporary folder for the enclosing describe block, removed with everything in it after it. */
export function suiteTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
