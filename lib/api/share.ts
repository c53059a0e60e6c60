import { strToU8, zipSync } from "fflate";
import { chartDescription } from "../charts/alt-text";
import { bucketLabel, type ChartPresentation, chartModel } from "../charts/chart-model";
import type { ShareResult } from "../domain/answers";
import { metricInfo } from "../domain/metrics";
import { toCsv } from "./csv";

/**
 * Long format: one row per bucket and series, ready for a spreadsheet's pivot table. Every row
 * says whether it is demo data, so a saved file never loses that.
 */
export function shareCsv(result: ShareResult): string {
  const demo = result.freshness.demo;
  const rows: (string | number | boolean | null)[][] = [];
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
        demo,
      ]);
    }
  }
  return toCsv(
    [
      "bucket_start",
      "snapshot_date",
      "series",
      "label",
      "downloads",
      "share",
      "total_downloads",
      "demo_data",
    ],
    rows,
  );
}

/** Wide format: one row per bucket, a share and a downloads column per series. */
export function shareWideCsv(result: ShareResult): string {
  const header = [
    "bucket_start",
    "snapshot_date",
    ...result.series.flatMap((s) => [`${s.key}_share`, `${s.key}_downloads`]),
    "total_downloads",
    "demo_data",
  ];
  const rows = result.points.map((p) => [
    p.date,
    p.asOf,
    ...result.series.flatMap((s) => [p.values[s.key]?.share ?? null, p.values[s.key]?.downloads ?? null]),
    p.total,
    result.freshness.demo,
  ]);
  return toCsv(header, rows);
}

export function shareDefinitionLine(result: ShareResult): string {
  const q = result.query;
  return (
    `Share of ${q.metric} (${metricInfo(q.metric).definition}) by ${q.groupBy}, ${q.attribution} attribution, ` +
    `cohort ${q.cohort}, derivatives ${q.derivatives}${q.task ? `, task ${q.task}` : ""}${q.library ? `, library ${q.library}` : ""}; ` +
    `share = series downloads / downloads of every model in scope. Data: Hugging Face Hub, as of ${result.freshness.dataAsOf ?? "n/a"}.${result.freshness.demo ? " DEMO DATA: a generated sample, not real downloads." : ""}`
  );
}

/**
 * The files a newsroom keeps: the data long and wide, and a README that says what it is (title,
 * definitions, columns, source, data version, citation, licence, demo) — one zip.
 */
export function shareBundle(
  result: ShareResult,
  options: { presentation: ChartPresentation; permalink: string; dataVersion: string; retrieved: string },
): Uint8Array<ArrayBuffer> {
  const model = chartModel(result, options.presentation);
  const q = result.query;
  const readme = [
    `# ${model.title}`,
    "",
    result.freshness.demo
      ? "**DEMO DATA.** These figures are a generated sample, not real Hugging Face Hub downloads. Do not publish them.\n"
      : "",
    `${model.subtitle}. ${model.legendNote} in the chart's legend.`,
    "",
    "## The chart in words",
    "",
    chartDescription(model),
    "",
    ...(model.annotations.length
      ? [
          "## Events marked on the chart",
          "",
          ...model.annotations.map((a) => `- ${bucketLabel(a.date, "day")}: ${a.text}. Source: ${a.source}`),
          "",
        ]
      : []),
    "## What it measures",
    "",
    model.notes,
    "",
    `Share = a series' downloads / the downloads of every model in scope at that date (${q.groupBy} series; selection of series never changes the denominator).`,
    "",
    "## Files",
    "",
    "- `data-long.csv`: one row per period and series: bucket_start, snapshot_date (the snapshot the period's values come from), series (key), label, downloads, share (0–1), total_downloads, demo_data.",
    "- `data-wide.csv`: one row per period: <series>_share and <series>_downloads for each series, total_downloads, demo_data.",
    "- Counts are exact integers; an empty cell means no value (no snapshot, or no all-time counts for that period).",
    "",
    "## Source",
    "",
    `Hugging Face Hub download counts, as of ${result.freshness.dataAsOf ?? "–"} (data version ${options.dataVersion}). Query: ${options.permalink}`,
    "",
    "## Citation",
    "",
    `Open Model Share, "${model.title}", data as of ${result.freshness.dataAsOf ?? "–"}, retrieved ${options.retrieved}, ${options.permalink}`,
    "",
    "## Licence",
    "",
    "Download counts are published by Hugging Face on the Hub. The origin registry (who made each model, and where) is partly derived from the ATOM Project (Apache-2.0); its sources are listed on the methodology page.",
    "",
  ].join("\n");
  return zipSync({
    "README.md": strToU8(readme),
    "data-long.csv": strToU8(shareCsv(result)),
    "data-wide.csv": strToU8(shareWideCsv(result)),
  }) as Uint8Array<ArrayBuffer>;
}
