import { readFileSync } from "node:fs";

/**
 * Hand-written inputs of the demo generator (data/catalog.json): well-known models outside the ATOM list, download
 * levels of famous models, per-namespace popularity, re-publishers and the long tail's vocabulary.
 * Every number here is an assumption for DEMO data (see the block at the top of generate.ts); the
 * levels are orders of magnitude seen on the Hub, not measurements.
 *
 * Units: `level` is the trailing-30-day download count a model reaches after its launch ramp, in
 * millions, at the Hub's mid-2025 size (the generator scales it by Hub growth over time).
 * `longRun` is where the launch level drifts to (0.3 = falls to 30 %, 1.5 = keeps growing),
 * `tau` how fast, in days. `hype` scales likes.
 */

export type CurveOverride = { level: number; longRun?: number; tau?: number; ramp?: number; hype?: number };

/** A model described by hand: Hub id, creation ("P:YYYY" = before the Hub stored dates). */
export type ClassicModel = CurveOverride & {
  id: string;
  created: string;
  pipeline: string;
  library: string;
  license: string;
  params?: number;
  gated?: boolean;
  base?: string;
  relation?: "finetune" | "adapter" | "quantized" | "merge";
};

export type Republisher = {
  namespace: string;
  from: string;
  to?: string;
  /** [suffix, relation, share of the original's level, probability of publishing] */
  forms: [string, "finetune" | "quantized", number, number][];
  library?: string;
  /** Days after the original's creation */
  lag: [number, number];
  /** Only text-generation models below this size (billions), if set */
  maxParamsB?: number;
};

type Catalog = {
  classicModels: ClassicModel[];
  famous: Record<string, CurveOverride>;
  namespaceLevel: Record<string, number>;
  republishers: Republisher[];
  tailSuffixes: string[];
  tailOriginalNames: string[];
};

const catalog = JSON.parse(readFileSync(new URL("./data/catalog.json", import.meta.url), "utf8")) as Catalog;

/** Well-known models outside the ATOM list, described by hand. */
export const CLASSIC_MODELS = catalog.classicModels;
/** Launch curves of famous models. */
export const FAMOUS = catalog.famous;
/** Popularity of a namespace's models not named elsewhere. */
export const NAMESPACE_LEVEL = catalog.namespaceLevel;
/** Re-publishers: what they re-upload, when, and the share of the original's audience. */
export const REPUBLISHERS = catalog.republishers;
export const TAIL_SUFFIXES = catalog.tailSuffixes;
export const TAIL_ORIGINAL_NAMES = catalog.tailOriginalNames;
