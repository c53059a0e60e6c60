import { Prisma } from "./generated/client";

type Tx = Pick<Prisma.TransactionClient, "$executeRawUnsafe" | "$queryRaw">;

/** A twin filled and indexed, ready to take its table's place in the same transaction. */
export type Twin = { name: Prisma.Sql; swapIn: () => Promise<void> };

/**
 * Whether this connection may rebuild `tables` into twins: it must own them (to drop them) and
 * may create tables in their schema. A role granted only their rows may not, and rebuilds in place.
 */
export async function mayBuildTwins(tx: Tx, tables: string[]): Promise<boolean> {
  const rows = await tx.$queryRaw<{ allowed: boolean }[]>`
    SELECT pg_has_role(c.relowner, 'USAGE') AND has_schema_privilege(c.relnamespace, 'CREATE') AS allowed
    FROM pg_class c WHERE c.oid = ANY(${tables}::regclass[])`;
  return rows.length === tables.length && rows.every((r) => r.allowed);
}

/**
 * Rebuilds a table's rows into a twin (Postgres): the twin is created without indexes, `fill`
 * inserts its rows, then the table's own indexes and key are built on it in one sort each, read
 * from the catalog (the migrations stay their one definition), and the twin is analysed.
 * `swapIn` drops the table and gives the twin its name and its indexes' names. Readers see the
 * old rows until the commit: the table is locked only from `swapIn` to the commit.
 */
export async function buildTwin(
  tx: Tx,
  table: string,
  fill: (twin: Prisma.Sql) => Promise<void>,
): Promise<Twin> {
  const twin = `${table}_twin`;
  await tx.$executeRawUnsafe(`DROP TABLE IF EXISTS "${twin}"`);
  await tx.$executeRawUnsafe(
    `CREATE TABLE "${twin}" (LIKE "${table}" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
  );
  const [storage] = await tx.$queryRaw<{ options: string | null }[]>`
    SELECT array_to_string(reloptions, ', ') AS options FROM pg_class WHERE oid = ${table}::regclass`;
  if (storage?.options) await tx.$executeRawUnsafe(`ALTER TABLE "${twin}" SET (${storage.options})`);
  await fill(Prisma.raw(`"${twin}"`));

  const indexes = await tx.$queryRaw<{ name: string; definition: string; kind: string | null }[]>`
    SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition, k.contype::text AS kind
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid
    LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid
    WHERE i.indrelid = ${table}::regclass
    ORDER BY c.relname`;
  const renames: { from: string; to: string; constraint: boolean }[] = [];
  for (const [n, index] of indexes.entries()) {
    const temporary = `${twin}_${n}`;
    const definition = index.definition.replace(
      /^CREATE (UNIQUE )?INDEX \S+ ON \S+ USING /,
      (_, unique: string | undefined) => `CREATE ${unique ?? ""}INDEX "${temporary}" ON "${twin}" USING `,
    );
    if (definition === index.definition)
      throw new Error(
        `cannot rebuild ${table}: unexpected definition of index ${index.name}: ${index.definition}`,
      );
    await tx.$executeRawUnsafe(definition);
    if (index.kind === "p" || index.kind === "u") {
      const constraint = index.kind === "p" ? "PRIMARY KEY" : "UNIQUE";
      await tx.$executeRawUnsafe(
        `ALTER TABLE "${twin}" ADD CONSTRAINT "${temporary}" ${constraint} USING INDEX "${temporary}"`,
      );
    } else if (index.kind !== null) {
      throw new Error(
        `cannot rebuild ${table}: index ${index.name} backs a constraint of kind "${index.kind}"`,
      );
    }
    renames.push({ from: temporary, to: index.name, constraint: index.kind !== null });
  }
  await tx.$executeRawUnsafe(`ANALYZE "${twin}"`);

  return {
    name: Prisma.raw(`"${twin}"`),
    async swapIn() {
      await tx.$executeRawUnsafe(`DROP TABLE "${table}"`);
      await tx.$executeRawUnsafe(`ALTER TABLE "${twin}" RENAME TO "${table}"`);
      for (const { from, to, constraint } of renames) {
        await tx.$executeRawUnsafe(
          constraint
            ? `ALTER TABLE "${table}" RENAME CONSTRAINT "${from}" TO "${to}"`
            : `ALTER INDEX "${from}" RENAME TO "${to}"`,
        );
      }
    },
  };
}
