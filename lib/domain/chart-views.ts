/** How a share chart is drawn: lines or stacked areas, shares or download counts. */
export const CHART_MODES = ["lines", "stacked"] as const;
export const CHART_VALUES = ["share", "downloads"] as const;
/** Where the overview shows it. */
export const VIEWS = ["chart", "map", "table"] as const;
export const THEME_IDS = ["light", "dark"] as const;
export type ChartMode = (typeof CHART_MODES)[number];
export type ChartValue = (typeof CHART_VALUES)[number];
export type View = (typeof VIEWS)[number];
export type ThemeId = (typeof THEME_IDS)[number];
