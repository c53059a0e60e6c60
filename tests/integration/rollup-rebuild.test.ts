import { describe, expect, it } from "vitest";
import { PUBLISHED_DATES, refreshRollups } from "@/lib/analytics/rollups";
import { withClient } from "@/lib/bench/pg";
import { type Database, openDatabase } from "@/lib/db";
import { seedPublishedPopulation } from "../factories/population";
import { suiteDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

const contents = async (db: Database) => {
  const [row] = await db.prisma.$queryRaw<{ scope: string; rollup: string; rows: number }[]>`
    SELECT (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM share_scope t) AS scope,
      (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM share_rollup t) AS rollup,
      (SELECT count(*)::int FROM share_rollup) AS rows`;
  return row;
};

/** How the rollup tables are defined: columns, indexes with their names, keys, storage. */
const definitions = (db: Database) =>
  db.prisma.$queryRaw<{ what: string }[]>`
    SELECT format('%s.%s %s %s %s', table_name, column_name, data_type, is_nullable, column_default) AS what
    FROM information_schema.columns WHERE table_name IN ('share_scope', 'share_rollup')
    UNION ALL SELECT indexdef FROM pg_indexes WHERE tablename IN ('share_scope', 'share_rollup')
    UNION ALL SELECT format('%s %s %s', conname, contype, pg_get_constraintdef(oid)) FROM pg_constraint
      WHERE conrelid IN ('share_scope'::regclass, 'share_rollup'::regclass)
    UNION ALL SELECT format('%s %s', relname, reloptions) FROM pg_class WHERE relname LIKE 'share\\_%'
    ORDER BY 1`;

describe.each(testBackends())("a full rollup rebuild on %s", (backend) => {
  const db = suiteDatabase(backend);

  it("gives the rows every date rebuilt in place gives, and leaves the tables as the migrations made them", async () => {
    await seedPublishedPopulation(db, 5, "rb");
    const dates = (await db.prisma.$queryRaw<{ date: Date }[]>`${PUBLISHED_DATES} ORDER BY 1`).map(
      (r) => r.date,
    );
    expect(dates.length).toBeGreaterThan(16);
    const before = await definitions(db);
    await refreshRollups(db, dates);
    const inPlace = await contents(db);
    expect(inPlace?.rows).toBeGreaterThan(0);
    await refreshRollups(db, null);
    expect(await contents(db)).toEqual(inPlace);
    expect(await definitions(db)).toEqual(before);
    // Twice: a rebuild of a rebuilt table, and nothing left behind.
    await refreshRollups(db, null);
    expect(await contents(db)).toEqual(inPlace);
    expect(await definitions(db)).toEqual(before);
  });

  it.runIf(backend === "postgres")(
    "a role granted the rows but not the tables rebuilds in place, with the same result",
    async () => {
      const expected = await contents(db);
      const role = `oms_test_writer_${process.pid}`;
      const admin = (sql: string) => withClient(db.url as string, (client) => client.query(sql));
      await admin(`DROP ROLE IF EXISTS ${role}`);
      await admin(`CREATE ROLE ${role} LOGIN`);
      await admin(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
      await admin(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
      const url = new URL(db.url as string);
      url.username = role;
      const writer = await openDatabase({ kind: "postgres", url: url.toString() });
      try {
        await refreshRollups(writer, null);
        expect(await contents(writer)).toEqual(expected);
      } finally {
        await writer.close();
        await admin(`DROP OWNED BY ${role}`);
        await admin(`DROP ROLE ${role}`);
      }
    },
  );
});
