import { type ChartValues, chartUrl } from "../charts/chart-state";

/** An event as stored: enough to write its links. */
export type EventChart = { chart: unknown; dataVersion: number };

/**
 * The chart of an event pinned to the data version that found it (the chart state's `version`):
 * the page and its PNG, as paths (the feeds and webhooks make them absolute on the site's origin).
 * They show the same numbers after later publishes, while that version is kept.
 */
export function eventLinks(event: EventChart): { permalink: string; png: string } {
  const values = { ...(event.chart as ChartValues), version: event.dataVersion };
  return { permalink: chartUrl("page", values), png: chartUrl("png", values) };
}
