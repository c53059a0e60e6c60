import type { Prisma } from "./generated/client";
import type { Database } from "./open";

/**
 * A stamp of the published data. It changes whenever what the pages can read changes (a date
 * published, demo data removed, a registry edit re-attributed), so one primary-key read tells
 * whether an answer computed earlier is still current.
 */
export const DATA_VERSION_KEY = "data_version";

export async function dataVersion(db: Database): Promise<string> {
  const row = await db.prisma.appState.findUnique({ where: { key: DATA_VERSION_KEY } });
  return row?.value ?? "0";
}

/** A new data version, inside the caller's transaction when it passes one. */
export async function bumpDataVersion(client: Pick<Prisma.TransactionClient, "appState">): Promise<void> {
  const value = new Date().toISOString();
  await client.appState.upsert({
    where: { key: DATA_VERSION_KEY },
    create: { key: DATA_VERSION_KEY, value },
    update: { value },
  });
}
