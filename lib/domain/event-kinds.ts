/**
 * The kinds of notable change a publish records (lib/events) and the feeds and webhooks filter
 * by: what each means, said once for the methodology page, the feeds and the command line.
 */
export const EVENT_KINDS = [
  {
    id: "crossover",
    label: "Crossover",
    definition:
      "one region (China, the US, other countries, international communities) or one of the top 10 countries passes another in share of 30-day downloads, for all models and for new models, by developer and by lineage",
  },
  {
    id: "new-leader",
    label: "New leader",
    definition:
      "another lab leads in share of 30-day downloads (all models, new models; developer attribution)",
  },
  {
    id: "rank-change",
    label: "Rank change",
    definition: "a lab in the top 10 by 30-day downloads holds another rank than on the previous date",
  },
  {
    id: "top-models",
    label: "Into the top 20",
    definition: "a model enters the 20 most downloaded models (30-day downloads)",
  },
  {
    id: "share-change",
    label: "Share change",
    definition:
      "a region's, or a top-10 lab's, share of 30-day downloads moves by at least the threshold for the time between the two dates",
  },
  {
    id: "data-gap",
    label: "Gap in the data",
    definition: "more days than the source's cadence pass without a published snapshot",
  },
  {
    id: "population",
    label: "New population",
    definition:
      "the first published date of a population, or a date whose snapshots come from another source than the previous date's",
  },
  {
    id: "counting-rule",
    label: "Counting-rule change",
    definition:
      "the snapshots start or stop carrying all-time download counts (what period downloads are measured from)",
  },
] as const;

export type EventKind = (typeof EVENT_KINDS)[number]["id"];
export const EVENT_KIND_IDS = EVENT_KINDS.map((k) => k.id) as [EventKind, ...EventKind[]];
export const isEventKind = (id: string): id is EventKind => EVENT_KIND_IDS.includes(id as EventKind);

/**
 * The share change that makes an event, in percentage points, by the days between the two dates
 * compared: a day's move of a trailing 30-day count is small, a month's larger.
 */
export const SHARE_CHANGE_THRESHOLDS = [
  { maxDays: 1, points: 1 },
  { maxDays: 7, points: 2 },
  { maxDays: 31, points: 3 },
  { maxDays: Number.POSITIVE_INFINITY, points: 5 },
] as const;

export function shareChangeThreshold(days: number): number {
  return (SHARE_CHANGE_THRESHOLDS.find((t) => days <= t.maxDays) ?? SHARE_CHANGE_THRESHOLDS[3]).points;
}

/** How many labs rank changes watch, and how many models the downloads top holds. */
export const TOP_LABS = 10;
export const TOP_MODELS = 20;
/** Countries whose crossovers count: the top ones by share at either date. */
export const TOP_COUNTRIES = 10;
