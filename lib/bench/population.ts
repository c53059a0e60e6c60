import { HUB_PLACEHOLDER_CREATED_AT } from "../domain/cohorts";
import type { Registry } from "../origins/registry-schema";
import type { ModelRecord } from "../store/model-record";
import { FAMILIES, hash, LIBRARIES, LICENSES, PIPELINES, pick } from "./synthetic";

/**
 * A deterministic synthetic Hub population for `npm run bench`: `models` snapshot rows per day on
 * average over `days` daily dates ending at `endDate`. Models created inside the window appear on
 * their creation day, so a few more than `models` exist by the last date and the table holds
 * ≈ models × days rows. Registry namespaces (attributed) and unknown ones (UNKNOWN) both publish;
 * about 30% are derivatives of earlier models (chains included, some of external bases), so
 * developer and lineage attribution differ. All-time counts follow a closed formula, so the bulk
 * SQL path (`allTimeSql`) and the write path (`snapshotAt`) produce identical rows.
 */
export type PopulationOptions = { models: number; days: number; endDate: string; seed?: number };

export type BenchModel = {
  /** Static fields as the crawl would normalise them */
  record: Omit<ModelRecord, "downloads" | "downloadsAllTime" | "likes">;
  /** Creation day relative to the first date (negative: before the window) */
  createdDay: number;
  /** Day the growth curve starts from: max(createdDay, -30) */
  trendStart: number;
  /** Downloads per day at trendStart */
  rate: number;
  /** Change of the daily rate, in thousandths of a download per day² (may be negative) */
  accel: number;
  /** All-time downloads before trendStart */
  base: number;
  likeDivisor: number;
};

export type Population = {
  startDate: string;
  endDate: string;
  dates: string[];
  models: BenchModel[];
  /** Snapshot rows the whole window holds */
  rows: number;
};

const DAY_MS = 86_400_000;
const HUB_HISTORY_START = Date.parse("2022-03-03T00:00:00Z");
/** The shared vocabulary, weighted towards what the Hub's head publishes. */
const HEAD_PIPELINES = ["text-generation", ...PIPELINES, "image-text-to-text"];
const HEAD_LIBRARIES = ["transformers", ...LIBRARIES];
const HEAD_LICENSES = [...LICENSES, "gemma", "qwen"];
const RELATIONS = ["finetune", "quantized", "quantized", "adapter", "merge"] as const;
const KIND_WEIGHT: Record<string, number> = {
  lab: 6,
  company: 3,
  university: 1,
  community: 1,
  individual: 1,
  "re-publisher": 1,
};
/** Growth of the daily rate over the window, by the publisher's region */
const GROWTH: Record<string, number> = { CN: 1.6, US: -0.35, OTHER: 0.25, INTL: 0.4, UNKNOWN: 0.5 };

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function weightedPicker<T>(items: readonly T[], weight: (item: T) => number): (h: number) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) {
    total += weight(item);
    cumulative.push(total);
  }
  return (h) => {
    const x = (h / 2 ** 32) * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}

export function makePopulation(registry: Registry, options: PopulationOptions): Population {
  const { days, endDate } = options;
  const seed = options.seed ?? 42;
  const endMs = Date.parse(`${endDate}T00:00:00Z`);
  const startMs = endMs - (days - 1) * DAY_MS;
  const dates = Array.from({ length: days }, (_, t) => isoDay(startMs + t * DAY_MS));
  const orgs = registry.organizations;
  const regionOf = new Map(
    orgs.map((o) => [
      o.namespace,
      o.country === "CN" || o.country === "US" ? o.country : o.country ? "OTHER" : "INTL",
    ]),
  );
  const registryPick = weightedPicker(orgs, (o) => KIND_WEIGHT[o.kind] ?? 1);
  const republishers = orgs.filter((o) => o.kind === "re-publisher");
  const labs = orgs.filter((o) => o.kind === "lab");
  const target = options.models * days;
  const historyDays = Math.floor((HUB_HISTORY_START - startMs) / DAY_MS);

  const models: BenchModel[] = [];
  let rows = 0;
  for (let i = 0; rows < target; i++) {
    const h = (salt: number) => hash(seed, i, salt);
    // Publisher: the popular head is mostly registry labs, the tail mostly unknown namespaces.
    const derivative = i > 20 && h(1) % 100 < 30;
    let namespace: string;
    const roll = h(2) % 100;
    if (derivative) {
      if (roll < 35) namespace = pick(republishers, h(3)).namespace;
      else if (roll < 50) namespace = pick(labs, h(3)).namespace;
      else namespace = `user-${h(3) % 4000}`;
    } else if (roll < (i < 500 ? 85 : 40)) {
      namespace = registryPick(h(3)).namespace;
    } else {
      namespace = h(4) % 5 === 0 ? `org-${h(3) % 800}` : `user-${h(3) % 4000}`;
    }
    let baseModels: string[] = [];
    let baseRelation: ModelRecord["baseRelation"] = null;
    if (derivative) {
      const external = h(5) % 100 < 5;
      const base = models[h(6) % Math.min(i, 2000)];
      baseModels = [
        external || !base ? decoded(`ext-org-${h(6) % 50}/base-${h(6) % 500}`) : base.record.hubId,
      ];
      baseRelation = pick(RELATIONS, h(7));
    }

    // Creation: 10% at the Hub's placeholder stamp, 75% before the window, 15% inside it.
    const createdRoll = h(8) % 100;
    let createdAt: Date;
    if (createdRoll < 10) createdAt = new Date(HUB_PLACEHOLDER_CREATED_AT);
    else if (createdRoll < 85 && historyDays < 0)
      createdAt = new Date(HUB_HISTORY_START + (h(9) % (-historyDays * 86_400)) * 1000);
    else createdAt = new Date(startMs + (h(9) % (days * 86_400)) * 1000);
    const createdDay = Math.floor((createdAt.getTime() - startMs) / DAY_MS);
    const trendStart = Math.max(createdDay, -30);

    const region = regionOf.get(namespace) ?? "UNKNOWN";
    const rate = Math.max(1, Math.floor((3_000_000 / (i + 1) ** 1.05) * (0.3 + (h(10) % 2700) / 1000)));
    const growth = (GROWTH[region] ?? 0) * (0.5 + (h(11) % 1000) / 1000);
    const span = days + 31;
    const accel = Math.max(Math.round((rate * growth * 1000) / span), -Math.floor((rate * 1000) / span));
    const base = Math.floor(rate * Math.max(0, -createdDay - 30) * 0.5);
    const params = 100_000_000 + (h(12) % 700_000) * 1_000_000;
    const lastModified = new Date(Math.min(createdAt.getTime() + (h(13) % 200) * DAY_MS, endMs));

    models.push({
      record: {
        hubId: decoded(`${namespace}/${pick(FAMILIES, h(14))}-${i}`),
        namespace: decoded(namespace),
        createdAt,
        lastModified,
        pipelineTag: h(15) % 8 === 0 ? null : pick(HEAD_PIPELINES, h(16)),
        libraryName: h(17) % 9 === 0 ? null : pick(HEAD_LIBRARIES, h(18)),
        license: pick(HEAD_LICENSES, h(19)),
        gated: h(20) % 50 === 0,
        parameters: h(21) % 10 < 6 ? BigInt(params) : null,
        baseModels,
        baseRelation,
      },
      createdDay,
      trendStart,
      rate,
      accel,
      base,
      likeDivisor: 100 + (h(22) % 900),
    });
    rows += days - Math.max(createdDay, 0);
  }
  return { startDate: dates[0] as string, endDate, dates, models, rows };
}

/**
 * A string as a decoder returns it (Parquet's, JSON's): one flat run of characters. A template
 * literal is a rope of its parts in V8, and reading one character at a time from a rope (as the
 * writer's fingerprint does) took three times as long: the bench would time an artefact of its own.
 */
function decoded(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}

/** All-time downloads of a model at day t (0 before it exists); non-decreasing in t. */
export function allTimeAt(m: BenchModel, t: number): number {
  if (t < m.createdDay) return 0;
  const x = t - m.trendStart + 1;
  return m.base + m.rate * x + Math.trunc((m.accel * x * x) / 2000);
}

/** The same formula in SQL over a row of bench_param (columns c, s, a, b, a0) and a day `t`. */
export function allTimeSql(t: string): string {
  return `CASE WHEN ${t} < p.c THEN 0::bigint ELSE p.a0 + p.a * (${t} - p.s + 1) + (p.b * (${t} - p.s + 1) * (${t} - p.s + 1)) / 2000 END`;
}

/** The model as a crawl on day t would see it, or null if it does not exist yet. */
export function snapshotAt(m: BenchModel, t: number): ModelRecord | null {
  if (t < m.createdDay) return null;
  const total = allTimeAt(m, t);
  return {
    ...m.record,
    downloads: BigInt(total - allTimeAt(m, t - 30)),
    downloadsAllTime: BigInt(total),
    likes: Math.trunc(total / m.likeDivisor),
  };
}
