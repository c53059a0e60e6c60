/** The three download measures: ids as the API takes them, words as readers see them. */
export const METRICS = [
  {
    id: "downloads30d",
    label: "Downloads, last 30 days",
    short: "30-day downloads",
    definition: "the Hub's trailing-30-day download count at the snapshot date",
    needsAllTime: false,
  },
  {
    id: "downloads",
    label: "Downloads in each period",
    short: "downloads",
    definition:
      "downloads inside each interval: increases of all-time downloads between consecutive snapshots (never negative; a model created inside the interval counts from zero)",
    needsAllTime: true,
  },
  {
    id: "cumulative",
    label: "All-time downloads",
    short: "all-time downloads",
    definition: "all-time downloads at the snapshot date",
    needsAllTime: true,
  },
] as const;

export type Metric = (typeof METRICS)[number]["id"];
export const METRIC_IDS = METRICS.map((m) => m.id) as [Metric, ...Metric[]];

export const metricInfo = (id: Metric) => METRICS.find((m) => m.id === id) ?? METRICS[0];
