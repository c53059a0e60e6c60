import {
  createSerializer,
  parseAsArrayOf,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import { ATTRIBUTION_IDS, DERIVATIVE_IDS, GROUP_BY_IDS, INTERVAL_IDS } from "../domain/dimensions";
import { METRIC_IDS } from "../domain/metrics";
import { POPULATION_IDS } from "../domain/populations";
import { CHART_MODES, CHART_VALUES } from "./chart-model";

/**
 * One chart state for every surface: the share question (what /api/v1/share takes) plus how it is
 * drawn (lines or stacked, shares or downloads) and where (chart, map or table), with a title and
 * theme for embeds and images. The page's URL, the embed URL and the image URL are this state
 * serialised with the same keys (parsed by nuqs on the page, by zod on the server: the zod schemas
 * in lib/domain/share-query.ts and lib/api/image-query.ts take the same keys and values, as
 * tests/unit/chart-state.test.ts checks both ways). No zod in the browser: these parsers are
 * built from the same domain constants.
 */
export const VIEWS = ["chart", "map", "table"] as const;
export type View = (typeof VIEWS)[number];

const csv = parseAsArrayOf(parseAsString, ",");

export const CHART_STATE_PARSERS = {
  metric: parseAsStringLiteral(METRIC_IDS),
  groupBy: parseAsStringLiteral(GROUP_BY_IDS),
  interval: parseAsStringLiteral(INTERVAL_IDS),
  from: parseAsString,
  to: parseAsString,
  labs: csv,
  countries: csv,
  task: parseAsString,
  library: parseAsString,
  cohort: parseAsString,
  attribution: parseAsStringLiteral(ATTRIBUTION_IDS),
  derivatives: parseAsStringLiteral(DERIVATIVE_IDS),
  population: parseAsStringLiteral(POPULATION_IDS),
  top: parseAsInteger,
  crossover: csv,
  mode: parseAsStringLiteral(CHART_MODES),
  value: parseAsStringLiteral(CHART_VALUES),
  view: parseAsStringLiteral(VIEWS),
  title: parseAsString,
  theme: parseAsStringLiteral(["light", "dark"] as const),
};

export type ChartStateKey = keyof typeof CHART_STATE_PARSERS;

/** A chart state as parsed from a URL: absent keys are null (their default applies). */
export type ChartState = {
  [K in ChartStateKey]: ReturnType<(typeof CHART_STATE_PARSERS)[K]["parseServerSide"]>;
};

/** The keys that change the share question (the rest change only how it is shown). */
export const SHARE_KEYS = [
  "metric",
  "groupBy",
  "interval",
  "from",
  "to",
  "labs",
  "countries",
  "task",
  "library",
  "cohort",
  "attribution",
  "derivatives",
  "population",
  "top",
  "crossover",
] as const satisfies readonly ChartStateKey[];

/**
 * What the overview shows on a first visit: the study's framing (downloads of new models, month
 * by month, by country of origin); one click sets cohort=all.
 */
export const OVERVIEW_DEFAULTS = { metric: "downloads", cohort: "new-12m" } as const;

const serialize = createSerializer(CHART_STATE_PARSERS);

export function emptyChartState(): ChartState {
  return Object.fromEntries(Object.keys(CHART_STATE_PARSERS).map((k) => [k, null])) as ChartState;
}

/** Parses a URL's query into a chart state (unknown or malformed values are left out). */
export function parseChartState(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): ChartState {
  const get = (key: string) => {
    if (params instanceof URLSearchParams) return params.get(key);
    const v = params[key];
    return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
  };
  const state = emptyChartState() as Record<string, unknown>;
  for (const [key, parser] of Object.entries(CHART_STATE_PARSERS)) {
    const raw = get(key);
    state[key] = raw === null ? null : parser.parseServerSide(raw);
  }
  return state as ChartState;
}

/** The overview's state with its first-visit defaults filled in where the URL says nothing. */
export function withOverviewDefaults(state: ChartState): ChartState {
  return {
    ...state,
    metric: state.metric ?? OVERVIEW_DEFAULTS.metric,
    cohort: state.cohort ?? OVERVIEW_DEFAULTS.cohort,
  };
}

/** The share question of a state, as /api/v1/share's query string (defaults left to the API). */
export function shareParams(state: ChartState): string {
  const share = Object.fromEntries(SHARE_KEYS.map((k) => [k, state[k]]));
  return serialize(share).replace(/^\?/, "");
}

/** Where each surface shows a state: the same keys and values in every URL. */
export function chartUrl(
  surface: "page" | "embed" | "png" | "svg" | "csv" | "zip" | "json",
  state: ChartState,
  extra: Partial<ChartState> = {},
): string {
  const all = { ...state, ...extra };
  const presentation = (keys: ChartStateKey[]) =>
    Object.fromEntries(keys.map((k) => [k, all[k]])) as Partial<ChartState>;
  const share = Object.fromEntries(SHARE_KEYS.map((k) => [k, all[k]]));
  switch (surface) {
    case "page":
      return `/${serialize({ ...share, ...presentation(["mode", "value", "view"]) })}`;
    case "embed":
      return `/embed/share${serialize({ ...share, ...presentation(["mode", "value", "title", "theme"]) })}`;
    case "png":
    case "svg":
      return `/api/v1/share.${surface}${serialize({ ...share, ...presentation(["mode", "value", "title", "theme"]) })}`;
    case "zip":
      return `/api/v1/share.zip${serialize({ ...share, ...presentation(["mode", "value", "title"]) })}`;
    case "csv":
      return `/api/v1/share${serialize(share)}${Object.values(share).some((v) => v !== null) ? "&" : "?"}format=csv`;
    case "json":
      return `/api/v1/share${serialize(share)}`;
  }
}
