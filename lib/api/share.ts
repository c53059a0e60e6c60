import { getShareOverTime, type ShareResult } from "../analytics/share-over-time";
import type { Database } from "../db";
import { VersionedAnswers } from "./cache";
import { toCsv } from "./csv";
import { type ShareQuery, shareQueryString } from "./share-query";

const answers = new VersionedAnswers<ShareResult>("share");

export type ShareAnswer = { result: ShareResult; etag: string; stale: boolean };

/** The share answer every consumer uses (API, pages, embeds, images), cached per data version. */
export async function getShareAnswer(db: Database, query: ShareQuery): Promise<ShareAnswer> {
  const { value, etag, stale } = await answers.get(db, shareQueryString(query), () =>
    getShareOverTime(db, query),
  );
  return { result: value, etag, stale };
}

export const METRIC_DEFINITIONS: Record<ShareQuery["metric"], string> = {
  downloads30d: "the Hub's trailing-30-day download count at the snapshot date",
  downloads:
    "downloads inside each interval: increases of all-time downloads between consecutive snapshots (never negative; a model created inside the interval counts from zero)",
  cumulative: "all-time downloads at the snapshot date",
};

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
    `Share of ${q.metric} (${METRIC_DEFINITIONS[q.metric]}) by ${q.groupBy}, ${q.attribution} attribution, ` +
    `cohort ${q.cohort}, derivatives ${q.derivatives}${q.task ? `, task ${q.task}` : ""}${q.library ? `, library ${q.library}` : ""}; ` +
    `share = series downloads / downloads of every model in scope. Data: Hugging Face Hub, as of ${result.freshness.dataAsOf ?? "n/a"}.`
  );
}
