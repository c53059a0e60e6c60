import { formatCount } from "../format/numbers";
import { translator } from "../i18n";
import { bucketLabel, type ChartModel, chartTexts, niceTicks } from "./chart-model";

export type HistoryPoint = { date: string; downloads30d: string };

/**
 * One model's trailing-30-day downloads at each snapshot, as a chart model: the page draws it like
 * every other chart (still first, then recharts), between `from` and `to` when they are given.
 */
export function historyModel(
  hubId: string,
  history: HistoryPoint[],
  range: { from?: string | undefined; to?: string | undefined } = {},
): ChartModel {
  const points = history.filter(
    (h) => (!range.from || h.date >= range.from) && (!range.to || h.date <= range.to),
  );
  const values = points.map((h) => Number(h.downloads30d));
  const { top, ticks } = niceTicks(Math.max(1, ...values));
  const latestValue = values.at(-1) ?? null;
  const first = points[0]?.date;
  const last = points.at(-1)?.date;
  return {
    title: `${hubId}: downloads in the last 30 days`,
    subtitle: first && last ? `${bucketLabel(first, "day")} – ${bucketLabel(last, "day")}` : "",
    notes: "The Hub's trailing-30-day download count at each snapshot date.",
    source: "Source: Hugging Face Hub download counts · Open Model Share",
    demo: false,
    mode: "lines",
    value: "downloads",
    buckets: points.map((h) => ({
      date: h.date,
      label: bucketLabel(h.date, "day"),
      asOf: h.date,
      partial: false,
    })),
    series: [
      {
        key: "downloads30d",
        label: "Downloads, last 30 days",
        color: "var(--accent)",
        values,
        band: values.map(() => null),
        latest: latestValue === null ? "–" : formatCount(latestValue),
        latestValue,
      },
    ],
    yMax: top,
    yTicks: ticks.map((t) => ({ value: t, label: formatCount(t) })),
    crossovers: [],
    annotations: [],
    legendNote: `Latest (${last ? bucketLabel(last, "day") : "–"}) value`,
    empty: values.every((v) => v === 0),
    locale: "en",
    texts: chartTexts(translator("en")),
  };
}
