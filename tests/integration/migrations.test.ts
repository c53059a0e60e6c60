import { copyFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffSchemaAgainstMigrations } from "@/lib/db/migrate";
import { migrateDatabase } from "@/lib/db/migrate/run";
import { suiteDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

describe("schema drift", () => {
  it("schema.prisma and prisma/migrations agree (the diff is empty)", async () => {
    expect(await diffSchemaAgainstMigrations()).toBe("");
  });

  it("a column added to schema.prisma without a migration is caught", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "oms-drift-"));
    const schema = await readFile("prisma/schema.prisma", "utf8");
    const drifted = schema.replace(
      "  likes            Int      @default(0)",
      "  likes            Int      @default(0)\n  spaces           Int?",
    );
    expect(drifted).not.toBe(schema);
    const file = path.join(dir, "schema.prisma");
    await writeFile(file, drifted);
    const sql = await diffSchemaAgainstMigrations(undefined, file);
    expect(sql).toMatch(/ALTER TABLE "model_snapshot" ADD COLUMN\s+"spaces" INTEGER/);
  });
});

describe.each(testBackends())("migrations on %s", (backend) => {
  const db = suiteDatabase(backend);

  it("records every migration in _prisma_migrations like migrate deploy", async () => {
    const dirs = (await import("node:fs")).readdirSync("prisma/migrations").filter((n) => /^\d/.test(n));
    const rows = await db.prisma.$queryRaw<
      { migration_name: string; finished_at: Date | null; checksum: string }[]
    >`
      SELECT migration_name, finished_at, checksum FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(dirs.sort());
    expect(rows.every((r) => r.finished_at !== null && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
  });

  it("is idempotent: a second run applies nothing", async () => {
    expect(await migrateDatabase(db)).toEqual([]);
  });

  it("stores counts above 2^31 and 2^53 exactly as BigInt", async () => {
    await db.prisma.organization.create({ data: { namespace: "big-org" } });
    const model = await db.prisma.model.create({ data: { hubId: "big-org/huge", namespace: "big-org" } });
    const huge = 9_007_199_254_740_993n;
    await db.prisma.modelSnapshot.create({
      data: {
        modelId: model.id,
        date: new Date("2025-08-01"),
        downloads: 3_000_000_000n,
        downloadsAllTime: huge,
      },
    });
    const row = await db.prisma.modelSnapshot.findFirstOrThrow({ where: { modelId: model.id } });
    expect(row.downloads).toBe(3_000_000_000n);
    expect(row.downloadsAllTime).toBe(huge);
  });

  it("keeps one snapshot per model and date", async () => {
    await db.prisma.organization.create({ data: { namespace: "uniq-org" } });
    const model = await db.prisma.model.create({ data: { hubId: "uniq-org/m", namespace: "uniq-org" } });
    const data = { modelId: model.id, date: new Date("2025-08-02"), downloads: 1n, downloadsAllTime: 1n };
    await db.prisma.modelSnapshot.create({ data });
    await expect(db.prisma.modelSnapshot.create({ data })).rejects.toThrow();
  });
});

describe("a migrations folder without its lock file", () => {
  it("fails with a message naming the missing file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "oms-nolock-"));
    await copyFile("prisma/schema.prisma", path.join(dir, "schema.prisma"));
    await expect(diffSchemaAgainstMigrations(dir)).rejects.toThrow(/migration_lock\.toml/);
  });
});
