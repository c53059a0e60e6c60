import type { Prisma } from "./generated/client";
import type { Database } from "./open";

/**
 * A stamp of the published data: the number of its version (data_version). It changes whenever
 * what the pages can read changes (a date published, demo data removed, a registry edit
 * re-attributed), so one primary-key read tells whether an answer computed earlier is still
 * current, and a chart can be pinned to it.
 */
export const DATA_VERSION_KEY = "data_version";

export async function dataVersion(db: Database): Promise<string> {
  const row = await db.prisma.appState.findUnique({ where: { key: DATA_VERSION_KEY } });
  return row?.value ?? "0";
}

type Client = Pick<Prisma.TransactionClient, "appState" | "$queryRaw">;

/** The version a transaction is making, by its client: allocated at its first write of rollups. */
const making = new WeakMap<object, number>();

/**
 * The number of the data version the caller's transaction is making (the same for every call in
 * it): rows of the rollups it writes carry it, and the rows they replace are kept in the history
 * until it (lib/analytics/rollup-history.ts).
 */
export async function versionInTheMaking(client: Client): Promise<number> {
  const known = making.get(client);
  if (known !== undefined) return known;
  // max + 1 rather than a sequence: publishing needs rights on rows only. Writers hold the ingest
  // lock (lib/store/write-lock.ts); one that did not would fail on the key, never share a number.
  const [row] = await client.$queryRaw<{ id: number }[]>`
    INSERT INTO data_version (id, published_at)
    SELECT COALESCE(max(id), 0) + 1, now() FROM data_version RETURNING id`;
  if (!row) throw new Error("no data version was made");
  making.set(client, row.id);
  return row.id;
}

/**
 * A new data version, inside the caller's transaction when it passes one: the one its rollup
 * writes made, else a new one. It records the latest published date then.
 */
export async function bumpDataVersion(client: Client): Promise<void> {
  const id = await versionInTheMaking(client);
  making.delete(client);
  await client.$queryRaw`
    UPDATE data_version SET published_at = now(), data_as_of = (
      SELECT max(as_of) FROM ingest_run WHERE status = 'succeeded' AND NOT partial
    ) WHERE id = ${id}
    RETURNING id`;
  const value = String(id);
  await client.appState.upsert({
    where: { key: DATA_VERSION_KEY },
    create: { key: DATA_VERSION_KEY, value },
    update: { value },
  });
}
