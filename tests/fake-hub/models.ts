import { FAMILIES, hash, LIBRARIES, LICENSES, PIPELINES, pick } from "../../lib/bench/synthetic";

/** A model as the fake Hub stores it: the real Hub's JSON fields; counts may be bigint. */
export interface FakeModel {
  _id: string;
  id: string;
  author?: string;
  downloads?: number | bigint;
  downloadsAllTime?: number | bigint;
  likes?: number;
  createdAt?: string;
  lastModified?: string;
  pipeline_tag?: string;
  library_name?: string;
  tags?: string[];
  gated?: false | true | "auto" | "manual";
  safetensors?: { total?: number; parameters?: Record<string, number> };
  private?: boolean;
  /** Anything else, including deliberately wrong values for fault tests. */
  [field: string]: unknown;
}

/** Random access to a population too large to hold: `at(i)` builds model i on demand. */
export interface FakePopulation {
  readonly size: number;
  at(index: number): FakeModel;
  /** -1 when absent. */
  indexOf(id: string): number;
  /** Set when index order already is that sort, descending, so no sort index is built. */
  readonly naturalSort?: "downloads";
}

export const PRE_HISTORY_CREATED_AT = "2022-03-02T23:29:04.000Z";

const NAMESPACES = [
  "deepseek-ai",
  "Qwen",
  "meta-llama",
  "google",
  "mistralai",
  "microsoft",
  "openai",
  "unsloth",
  "bartowski",
  "TheBloke",
  "sentence-transformers",
  "BAAI",
  "THUDM",
  "stabilityai",
] as const;
const RELATIONS = ["finetune", "adapter", "quantized", "merge"];
const CREATED_FROM = Date.parse("2022-03-03T00:00:00.000Z");
const CREATED_TO = Date.parse("2025-10-31T00:00:00.000Z");
const DAY = 86_400_000;

/**
 * A deterministic population of `n` models: ids `<namespace>/<family>-<i>`, downloads strictly
 * non-increasing with i (so index order is sort=downloads), all-time counts past 2^31 at the top,
 * about 10% created at the Hub's pre-history stamp, and base_model tags pointing at earlier models.
 */
export function makeFakeModels(n: number, seed = 1): FakePopulation {
  const idOf = (i: number): string => {
    const h = hash(seed, i, 1);
    const namespace = h % 100 < 65 ? pick(NAMESPACES, h >>> 8) : `user${(h >>> 8) % 5000}`;
    return `${namespace}/${pick(FAMILIES, hash(seed, i, 2))}-${i}`;
  };

  const at = (i: number): FakeModel => {
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new RangeError(`no model ${i} in ${n}`);
    const id = idOf(i);
    const author = id.slice(0, id.indexOf("/"));
    const downloads = Math.floor(100_000_000 / (1 + i) ** 0.8);
    const downloadsAllTime = downloads * (30 + (hash(seed, i, 3) % 40)) + (hash(seed, i, 4) % 1000);
    const createdMs =
      hash(seed, i, 5) % 10 === 0
        ? Date.parse(PRE_HISTORY_CREATED_AT)
        : CREATED_FROM + (hash(seed, i, 6) % Math.floor((CREATED_TO - CREATED_FROM) / 1000)) * 1000;
    const lastModifiedMs = Math.min(CREATED_TO, createdMs + (hash(seed, i, 7) % 200) * DAY);
    const pipelineTag = hash(seed, i, 8) % 8 === 0 ? undefined : pick(PIPELINES, hash(seed, i, 9));
    const library = hash(seed, i, 10) % 9 === 0 ? undefined : pick(LIBRARIES, hash(seed, i, 11));
    const tags = [library, pipelineTag, `license:${pick(LICENSES, hash(seed, i, 12))}`].filter(
      (t): t is string => t !== undefined,
    );
    if (i > 0 && hash(seed, i, 13) % 10 < 3) {
      const base = idOf(hash(seed, i, 14) % i);
      tags.push(`base_model:${base}`, `base_model:${pick(RELATIONS, hash(seed, i, 15))}:${base}`);
    }
    const gatedRoll = hash(seed, i, 16) % 50;
    const model: FakeModel = {
      _id: (i.toString(16) + hash(seed, i, 17).toString(16)).padStart(24, "0").slice(-24),
      id,
      author,
      downloads,
      downloadsAllTime,
      likes: Math.floor(downloads / (500 + (hash(seed, i, 18) % 5000))),
      createdAt: new Date(createdMs).toISOString(),
      lastModified: new Date(lastModifiedMs).toISOString(),
      tags,
      gated: gatedRoll === 0 ? "manual" : gatedRoll === 1 ? "auto" : false,
      private: false,
    };
    if (pipelineTag) model.pipeline_tag = pipelineTag;
    if (library) model.library_name = library;
    if (hash(seed, i, 19) % 10 < 6) {
      const total = 100_000_000 + (hash(seed, i, 20) % 700_000) * 1_000_000;
      model.safetensors = { parameters: { BF16: total }, total };
    }
    return model;
  };

  return {
    size: n,
    at,
    naturalSort: "downloads",
    indexOf(id) {
      const i = Number(/-(\d+)$/.exec(id)?.[1] ?? Number.NaN);
      return Number.isInteger(i) && i < n && idOf(i) === id ? i : -1;
    },
  };
}

/** A population over an explicit list, for small hand-written fixtures. */
export function populationFrom(models: readonly FakeModel[]): FakePopulation {
  const byId = new Map(models.map((m, i) => [m.id, i]));
  return {
    size: models.length,
    at(i) {
      const model = models[i];
      if (!model) throw new RangeError(`no model ${i}`);
      return model;
    },
    indexOf: (id) => byId.get(id) ?? -1,
  };
}

/** JSON with bigint written as exact integer literals, as the real Hub writes large counts. */
export function toHubJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "bigint" ? `\u0000bigint:${v}` : v,
  ).replace(/"\\u0000bigint:(-?\d+)"/g, "$1");
}
