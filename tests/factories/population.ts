import { refreshRollups } from "@/lib/analytics/rollups";
import type { Database } from "@/lib/db";
import { refreshLineage } from "@/lib/origins/lineage";
import type { OrganizationEntry, Registry } from "@/lib/origins/registry-schema";
import { syncRegistry } from "@/lib/origins/sync";
import type { ModelRecord } from "@/lib/store/model-record";
import { writeSnapshots } from "@/lib/store/write-snapshots";

/** Mulberry32: a tiny seeded PRNG so generated populations are reproducible. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PLACEHOLDER = new Date("2022-03-02T23:29:04.000Z");

/**
 * A registry organization: international exactly when it has no country (the registry's rule), a
 * lab unless told otherwise.
 */
export function organization(
  namespace: string,
  fields: Partial<Omit<OrganizationEntry, "namespace" | "international">> = {},
): OrganizationEntry {
  const { lab = null, country = null, kind = "lab", source = "https://a.example", ...rest } = fields;
  return { namespace, lab, country, international: country === null, kind, source, ...rest };
}

export function testRegistry(prefix: string): Registry {
  return {
    labs: [
      { slug: `${prefix}-qw`, name: "Qw", parent: null, country: "CN", color: "#CC79A7" },
      { slug: `${prefix}-me`, name: "Me", parent: null, country: "US", color: "#56B4E9" },
      { slug: `${prefix}-mi`, name: "Mi", parent: null, country: "FR", color: "#E69F00" },
    ],
    organizations: [
      organization(`${prefix}-cn1`, { lab: `${prefix}-qw`, country: "CN" }),
      organization(`${prefix}-cn2`, { lab: `${prefix}-qw`, country: "CN" }),
      organization(`${prefix}-us1`, { lab: `${prefix}-me`, country: "US" }),
      organization(`${prefix}-fr1`, { lab: `${prefix}-mi`, country: "FR" }),
      organization(`${prefix}-kr1`, { country: "KR", kind: "company" }),
      organization(`${prefix}-intl`, { kind: "community" }),
      organization(`${prefix}-repub`, { country: "GB", kind: "re-publisher" }),
    ],
  };
}

export type Population = { dates: string[]; models: ModelRecord[]; registry: Registry };

/**
 * A small random world: registry and unknown namespaces, base models and derivative chains,
 * placeholder/missing/recent creation dates, snapshots on irregular dates with models entering,
 * leaving and (rarely) losing all-time downloads.
 */
export async function seedPopulation(db: Database, seed: number, prefix: string): Promise<Population> {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const registry = testRegistry(prefix);
  await syncRegistry(db, registry);
  const namespaces = [
    ...registry.organizations.map((o) => o.namespace),
    `${prefix}-u1`,
    `${prefix}-u2`,
    `${prefix}-u3`,
  ];
  const dates: string[] = [];
  let day = Date.UTC(2024, 9, 1);
  while (dates.length < 24) {
    dates.push(new Date(day).toISOString().slice(0, 10));
    day += (rand() < 0.7 ? 1 : rand() < 0.7 ? 3 : 12) * 86_400_000;
  }
  const models: ModelRecord[] = [];
  for (let i = 0; i < 40; i++) {
    const namespace = pick(namespaces);
    const r = rand();
    const createdAt =
      r < 0.1
        ? null
        : r < 0.25
          ? PLACEHOLDER
          : new Date(Date.UTC(2023, 0, 1) + Math.floor(rand() * 700) * 86_400_000);
    const base = i > 5 && rand() < 0.4 ? (models[Math.floor(rand() * models.length)]?.hubId ?? null) : null;
    const missingBase = !base && rand() < 0.1 ? `${pick(namespaces)}/never-crawled-${i}` : null;
    const bases = base ? [base] : missingBase ? [missingBase] : [];
    models.push({
      hubId: `${namespace}/m${i}`,
      namespace,
      createdAt,
      lastModified: null,
      pipelineTag: pick(["text-generation", "text-generation", "feature-extraction", null]),
      libraryName: pick(["transformers", "gguf", null]),
      license: null,
      gated: false,
      parameters: null,
      baseModels: bases,
      baseRelation: bases.length ? pick(["finetune", "quantized", "adapter", "merge"] as const) : null,
      downloads: 0n,
      downloadsAllTime: 0n,
      likes: 0,
    });
  }
  const allTime = new Map<string, bigint>();
  for (const date of dates) {
    const page: ModelRecord[] = [];
    for (const m of models) {
      if (m.createdAt && m.createdAt.toISOString().slice(0, 10) > date) continue;
      if (rand() < 0.12) continue; // not in this day's crawl
      const previous = allTime.get(m.hubId) ?? BigInt(Math.floor(rand() * 5000));
      const step =
        rand() < 0.05 ? -BigInt(Math.floor(rand() * 50)) : BigInt(Math.floor(rand() * 3_000_000_000));
      const next = previous + step < 0n ? 0n : previous + step;
      allTime.set(m.hubId, next);
      page.push({ ...m, downloadsAllTime: next, downloads: BigInt(Math.floor(rand() * 4_000_000_000)) });
    }
    await writeSnapshots(db, page, date, { runId: null });
    await db.prisma.ingestRun.create({
      data: {
        asOf: new Date(`${date}T00:00:00Z`),
        status: "succeeded",
        trigger: "test",
        finishedAt: new Date(),
      },
    });
  }
  return { dates, models, registry };
}

/** seedPopulation, then published as a crawl is: the models' lineage resolved, the rollups built. */
export async function seedPublishedPopulation(
  db: Database,
  seed: number,
  prefix: string,
): Promise<Population> {
  const population = await seedPopulation(db, seed, prefix);
  await refreshLineage(db);
  await refreshRollups(db, null);
  return population;
}
