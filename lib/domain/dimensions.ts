/**
 * How a share can be cut: the grouping, the attribution rule, the treatment of derivatives, the
 * time interval. Ids as the API takes them; labels as readers see them.
 */
export const GROUP_BYS = [
  { id: "region", label: "Country of origin", noun: "country of origin" },
  { id: "country", label: "Country", noun: "country" },
  { id: "lab", label: "Lab", noun: "lab" },
  { id: "org", label: "Hub namespace", noun: "Hub namespace" },
] as const;
export type GroupBy = (typeof GROUP_BYS)[number]["id"];
export const GROUP_BY_IDS = GROUP_BYS.map((g) => g.id) as [GroupBy, ...GroupBy[]];
export const groupByInfo = (id: GroupBy) => GROUP_BYS.find((g) => g.id === id) ?? GROUP_BYS[0];

/** Groupings whose series are places (region buckets or countries), not organisations. */
export const isPlaceGrouping = (groupBy: GroupBy): boolean => groupBy === "region" || groupBy === "country";

export const ATTRIBUTIONS = [
  {
    id: "developer",
    label: "Developer",
    definition: "the country of the namespace that published the model",
  },
  {
    id: "lineage",
    label: "Base-model lineage",
    definition: "the country of the developer of the model's root base model",
  },
] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number]["id"];
export const ATTRIBUTION_IDS = ATTRIBUTIONS.map((a) => a.id) as [Attribution, ...Attribution[]];

export const DERIVATIVES = [
  { id: "include", label: "Including derivatives" },
  { id: "exclude", label: "Excluding derivatives (fine-tunes, quantizations, merges)" },
] as const;
export type Derivatives = (typeof DERIVATIVES)[number]["id"];
export const DERIVATIVE_IDS = DERIVATIVES.map((d) => d.id) as [Derivatives, ...Derivatives[]];

/**
 * What a repack's downloads count for (lib/domain/repacks.ts says what a repack is). `to-base`
 * credits them to whatever the repack's first base model counts for under the chosen attribution:
 * with developer attribution the base's own namespace (one hop: a quantization of a US fine-tune
 * of Qwen counts for the US); with lineage attribution every model already counts for its root,
 * through its base, so `to-base` changes nothing there. A repack that names no base model keeps
 * its own namespace.
 */
export const REPACKS = [
  {
    id: "include",
    label: "Repacks as uploaded",
    definition: "repacks count for the namespace that uploaded them",
  },
  {
    id: "exclude",
    label: "Repacks excluded",
    definition: "GGUF, MLX and quantized re-uploads are left out of every series and of the denominator",
  },
  {
    id: "to-base",
    label: "Repacks credited to their base",
    definition:
      "a repack's downloads count for the developer of the model it repacks (one hop: its first base model; with lineage attribution, the root as before); a repack that names no base counts for its own namespace",
  },
] as const;
export type Repacks = (typeof REPACKS)[number]["id"];
export const REPACK_IDS = REPACKS.map((r) => r.id) as [Repacks, ...Repacks[]];

export const INTERVALS = [
  { id: "day", label: "Daily" },
  { id: "week", label: "Weekly" },
  { id: "month", label: "Monthly" },
] as const;
export type Interval = (typeof INTERVALS)[number]["id"];
export const INTERVAL_IDS = INTERVALS.map((i) => i.id) as [Interval, ...Interval[]];

/** The series the rest of a top-N cut is summed into. */
export const OTHER_SERIES = { key: "other", label: "Other", color: "#BDBDBD" } as const;
