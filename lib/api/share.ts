import type { ShareResult } from "../analytics/share-over-time";
import { metricInfo } from "../domain/metrics";
import { toCsv } from "./csv";

/** Long format: one row per bucket and series, ready for a spreadsheet's pivot table. */
export function shareCsv(result: ShareResult): string {
  const rows: (string | number | null)[][] = [];
  for (const point of result.points) {
    for (const series of result.series) {
      const value = point.values[series.key];
      rows.push([
        point.date,
        point.asOf,
        series.key,
        series.label,
        value?.downloads ?? null,
        value?.share ?? null,
        point.total,
      ]);
    }
  }
  return toCsv(
    ["bucket_start", "snapshot_date", "series", "label", "downloads", "share", "total_downloads"],
    rows,
  );
}

export function shareDefinitionLine(result: ShareResult): string {
  const q = result.query;
  return (
    `Share of ${q.metric} (${metricInfo(q.metric).definition}) by ${q.groupBy}, ${q.attribution} attribution, ` +
    `cohort ${q.cohort}, derivatives ${q.derivatives}${q.task ? `, task ${q.task}` : ""}${q.library ? `, library ${q.library}` : ""}; ` +
    `share = series downloads / downloads of every model in scope. Data: Hugging Face Hub, as of ${result.freshness.dataAsOf ?? "n/a"}.`
  );
}
