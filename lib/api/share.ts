import { strToU8, zipSync } from "fflate";
import { chartDescription } from "../charts/alt-text";
import { bucketLabel, type ChartPresentation, chartModel, seriesLabel } from "../charts/chart-model";
import { citationBibtex, citationText } from "../charts/citation";
import type { ShareResult } from "../domain/answers";
import type { Locale } from "../domain/locales";
import { metricInfo } from "../domain/metrics";
import { translator } from "../i18n";
import {
  type AnswerTable,
  type Cell,
  countCell,
  csvStyleOf,
  type TableColumn,
  tableCsv,
  withDemoColumn,
} from "./answer-table";
import { DATA_LICENCE } from "./data-notes";
// The server writes every locale: each translated table is made known (lib/i18n).
import "../i18n/all-translations";

const SHARE_COLUMNS: TableColumn[] = [
  { name: "bucket_start", type: "date" },
  { name: "snapshot_date", type: "date" },
  { name: "series", type: "string" },
  { name: "label", type: "string" },
  { name: "downloads", type: "int64" },
  { name: "share", type: "double" },
  { name: "total_downloads", type: "int64" },
];

/**
 * Long format: one row per bucket and series, ready for a spreadsheet's pivot table; series named
 * in `locale` (keys stay as they are).
 */
export function shareTable(result: ShareResult, locale: Locale = "en"): AnswerTable {
  const tr = translator(locale);
  const rows: Cell[][] = [];
  for (const point of result.points) {
    for (const series of result.series) {
      const value = point.values[series.key];
      rows.push([
        point.date,
        point.asOf,
        series.key,
        seriesLabel(series, result.query.groupBy, tr),
        countCell(value?.downloads),
        value?.share ?? null,
        countCell(point.total),
      ]);
    }
  }
  return { columns: SHARE_COLUMNS, rows };
}

/**
 * The long table as CSV, every row saying whether it is demo data, so a saved file never loses
 * that; in `locale`'s spreadsheet style only when asked (csvStyleOf).
 */
export const shareCsv = (result: ShareResult, locale: Locale = "en"): string =>
  tableCsv(withDemoColumn(shareTable(result, locale), result.freshness.demo), csvStyleOf(locale));

/** Wide format: one row per bucket, a share and a downloads column per series. */
export function shareWideCsv(result: ShareResult): string {
  const columns: TableColumn[] = [
    { name: "bucket_start", type: "date" },
    { name: "snapshot_date", type: "date" },
    ...result.series.flatMap((s): TableColumn[] => [
      { name: `${s.key}_share`, type: "double" },
      { name: `${s.key}_downloads`, type: "int64" },
    ]),
    { name: "total_downloads", type: "int64" },
  ];
  const rows = result.points.map((p) => [
    p.date,
    p.asOf,
    ...result.series.flatMap((s) => [p.values[s.key]?.share ?? null, countCell(p.values[s.key]?.downloads)]),
    countCell(p.total),
  ]);
  return tableCsv(withDemoColumn({ columns, rows }, result.freshness.demo));
}

export function shareDefinitionLine(result: ShareResult): string {
  const q = result.query;
  return (
    `Share of ${q.metric} (${metricInfo(q.metric).definition}) by ${q.groupBy}, ${q.attribution} attribution, ` +
    `cohort ${q.cohort}, derivatives ${q.derivatives}, repacks ${q.repacks}${q.task ? `, task ${q.task}` : ""}${q.library ? `, library ${q.library}` : ""}; ` +
    `share = series downloads / downloads of every model in scope. Data: Hugging Face Hub, as of ${result.freshness.dataAsOf ?? "n/a"}.${result.freshness.demo ? " DEMO DATA: a generated sample, not real downloads." : ""}`
  );
}

/**
 * The files a newsroom keeps: the data long and wide, and a README that says what it is (title,
 * definitions, columns, source, data version, citation, licence, demo) — one zip.
 */
export function shareBundle(
  result: ShareResult,
  options: { presentation: ChartPresentation; permalink: string; retrieved: string },
): Uint8Array<ArrayBuffer> {
  // The bundle is the archival copy: English notes and machine-readable files, whatever the embed's language.
  const model = chartModel(result, { ...options.presentation, locale: "en" });
  const q = result.query;
  const citation = {
    title: model.title,
    dataVersion: result.freshness.dataVersion,
    dataAsOf: result.freshness.dataAsOf,
    url: options.permalink,
    accessed: options.retrieved,
  };
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
    `Hugging Face Hub download counts, as of ${result.freshness.dataAsOf ?? "–"} (data version ${citation.dataVersion}). The chart, pinned to that version: ${options.permalink}`,
    "",
    "## Citation",
    "",
    citationText(citation),
    "",
    "```bibtex",
    citationBibtex(citation),
    "```",
    "",
    "## Licence",
    "",
    DATA_LICENCE,
    "",
  ].join("\n");
  return zipSync({
    "README.md": strToU8(readme),
    "data-long.csv": strToU8(shareCsv(result)),
    "data-wide.csv": strToU8(shareWideCsv(result)),
  }) as Uint8Array<ArrayBuffer>;
}
