import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Database } from "../db";
import { parseRegistry, type Registry } from "./registry-schema";

export const registryPath = (): string =>
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
  const { prisma } = db;
  const namespaces = registry.organizations.map((o) => o.namespace);
  const writes = [
    ...registry.labs.map((lab) => prisma.lab.upsert({ where: { slug: lab.slug }, create: lab, update: lab })),
    ...registry.organizations.map((org) => {
      const data = {
        labSlug: org.lab,
        country: org.country,
        international: org.international,
        kind: org.kind === "re-publisher" ? ("re_publisher" as const) : org.kind,
        source: org.source,
        note: org.note ?? null,
        inRegistry: true,
      };
      return prisma.organization.upsert({
        where: { namespace: org.namespace },
        create: { namespace: org.namespace, ...data },
        update: data,
      });
    }),
  ];
  const results = await prisma.$transaction([
    ...writes,
    prisma.organization.updateMany({
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
    }),
    prisma.lab.deleteMany({ where: { slug: { notIn: registry.labs.map((l) => l.slug) } } }),
  ]);
  const detached = results[writes.length] as { count: number };
  return {
    labs: registry.labs.length,
    organizations: registry.organizations.length,
    detached: detached.count,
  };
}
