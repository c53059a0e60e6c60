import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Database, Prisma } from "../db";
import { inTransaction } from "../db/transaction";
import { parseRegistry, type Registry } from "./registry-schema";

/** The origin registry's file: ORIGIN_REGISTRY when set (a deployment's own), else the project's. */
export const registryPath = (): string =>
  process.env.ORIGIN_REGISTRY ||
  path.join(/*turbopackIgnore: true*/ process.cwd(), "lib/origins/registry.json");

export async function loadRegistry(file = registryPath()): Promise<Registry> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    throw new Error(`Cannot read the origin registry at ${file}.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseRegistry(data, file);
}

export type SyncSummary = { labs: number; organizations: number; detached: number };

/**
 * Makes the database's labs and organizations match the registry. Attribution is read through
 * organization, so publishing afterwards (lib/publish) re-attributes every model of a changed
 * namespace without a re-crawl. Namespaces dropped from the registry become unattributed again,
 * never keep a stale country.
 */
export async function syncRegistry(db: Database, registry: Registry): Promise<SyncSummary> {
  // A sync rewrites every organization and lab row of the registry: a publish's limits.
  return inTransaction(db, (tx) => syncRegistryIn(tx.client, registry));
}

/** `syncRegistry` inside the caller's transaction (a registry edit and its re-attribution). */
export async function syncRegistryIn(
  client: Prisma.TransactionClient,
  registry: Registry,
): Promise<SyncSummary> {
  const namespaces = registry.organizations.map((o) => o.namespace);
  for (const lab of registry.labs)
    await client.lab.upsert({ where: { slug: lab.slug }, create: lab, update: lab });
  for (const org of registry.organizations) {
    const data = {
      labSlug: org.lab,
      country: org.country,
      international: org.international,
      kind: org.kind === "re-publisher" ? ("re_publisher" as const) : org.kind,
      source: org.source,
      note: org.note ?? null,
      inRegistry: true,
    };
    await client.organization.upsert({
      where: { namespace: org.namespace },
      create: { namespace: org.namespace, ...data },
      update: data,
    });
  }
  const detached = await client.organization.updateMany({
    where: { inRegistry: true, namespace: { notIn: namespaces } },
    data: {
      inRegistry: false,
      labSlug: null,
      country: null,
      international: false,
      kind: null,
      source: null,
      note: null,
    },
  });
  await client.lab.deleteMany({ where: { slug: { notIn: registry.labs.map((l) => l.slug) } } });
  return {
    labs: registry.labs.length,
    organizations: registry.organizations.length,
    detached: detached.count,
  };
}
