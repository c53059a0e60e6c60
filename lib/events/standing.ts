import type { Population } from "../domain/populations";

/** What the rules compare: who had how much of the 30-day downloads on one published date. */

/** A cut of the share charts the events are looked for in. */
export type EventView = { cohort: "all" | "new-12m"; attribution: "developer" | "lineage" };

/** Crossovers and region shares: all models and new models, by developer and by lineage. */
export const REGION_VIEWS: EventView[] = [
  { cohort: "all", attribution: "developer" },
  { cohort: "new-12m", attribution: "developer" },
  { cohort: "all", attribution: "lineage" },
  { cohort: "new-12m", attribution: "lineage" },
];

/** Labs are developers: their ranks and leads are read by developer attribution. */
export const LAB_VIEWS: EventView[] = REGION_VIEWS.filter((v) => v.attribution === "developer");

export const viewKey = (v: EventView) => `${v.cohort}/${v.attribution}`;

/** 30-day downloads per group key. */
export type Groups = Map<string, bigint>;

export type ViewStanding = { region: Groups; country: Groups; lab: Groups };

export type TopModel = {
  hubId: string;
  downloads: bigint;
  lab: string | null;
  /** countryKeyOf the namespace: ISO code, INTL or UNKNOWN */
  country: string;
};

/** The run that made the date's snapshots. */
export type DateSource = {
  source: string;
  allTimeCounts: boolean;
  /** Models in the date's population */
  models: number;
};

export type Standing = {
  date: string;
  population: Population;
  views: Map<string, ViewStanding>;
  /** The most downloaded models, in order (downloads descending, then Hub id) */
  topModels: TopModel[];
  source: DateSource;
};

/** Labels the rules write sentences with. */
export type Names = { lab: (slug: string) => string };
