/**
 * Published figures shown on charts as cited markers, so readers can compare our live measure
 * with them. Each has its source; add only figures you can cite.
 */
export type ReferenceFigure = {
  id: string;
  /** Series key in a region chart */
  series: "CN" | "US" | "INTL" | "OTHER";
  share: number;
  /** The period the figure covers, ISO dates (inclusive) */
  from: string;
  to: string;
  metric: "downloads";
  cohort: "new-12m" | "all";
  label: string;
  source: { title: string; url: string; note: string };
};

const STUDY = {
  title: "Economies of Open Intelligence (arXiv 2512.03073, Nov 2025)",
  url: "https://arxiv.org/abs/2512.03073",
  note: "Share of downloads of models released in the prior year, 12 months to August 2025; dataset mmpr/open_model_evolution_data (weekly snapshots of cumulative downloads).",
};

export const REFERENCE_FIGURES: ReferenceFigure[] = [
  {
    id: "study-cn-2025-08",
    series: "CN",
    share: 0.171,
    from: "2024-09-01",
    to: "2025-08-31",
    metric: "downloads",
    cohort: "new-12m",
    label: "China 17.1 %",
    source: STUDY,
  },
  {
    id: "study-us-2025-08",
    series: "US",
    share: 0.158,
    from: "2024-09-01",
    to: "2025-08-31",
    metric: "downloads",
    cohort: "new-12m",
    label: "USA 15.8 %",
    source: STUDY,
  },
  {
    id: "study-intl-2025-08",
    series: "INTL",
    share: 0.238,
    from: "2024-09-01",
    to: "2025-08-31",
    metric: "downloads",
    cohort: "new-12m",
    label: "International/Online 23.8 %",
    source: STUDY,
  },
];
