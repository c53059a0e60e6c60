import { type ChartValues, chartUrl } from "../charts/chart-state";

/** An event as stored: enough to write its links. */
export type EventChart = { chart: unknown; dataVersion: number };

/**
 * The chart of an event pinned to the data version that found it: the page, and its PNG (paths;
 * the feeds and webhooks make them absolute on the site's origin).
 */
export function eventLinks(event: EventChart): { permalink: string; png: string } {
  const values = event.chart as ChartValues;
  const pin = (url: string) => `${url}${url.includes("?") ? "&" : "?"}version=${event.dataVersion}`;
  return { permalink: pin(chartUrl("page", values)), png: pin(chartUrl("png", values)) };
}
