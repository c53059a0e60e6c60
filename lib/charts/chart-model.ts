import type { ChartAnnotation, ShareResult } from "../domain/answers";
import type { ChartMode, ChartValue } from "../domain/chart-views";
import { cohortDefinition, cohortLabel } from "../domain/cohorts";
import { ATTRIBUTIONS, groupByInfo, isPlaceGrouping } from "../domain/dimensions";
import { metricInfo } from "../domain/metrics";
import { regionInfo } from "../domain/regions";
import { formatCount, formatExact, formatShare } from "../format/numbers";

export type { ChartMode, ChartValue };
export type ChartPresentation = {
  mode: ChartMode;
  value: ChartValue;
  title?: string | undefined;
  /** Markers of releases and counting changes ("off" hides them) */
  annotations?: "on" | "off" | undefined;
};

/** An event marked on the chart, at the bucket that holds its date. */
export type ModelAnnotation = {
  id: string;
  bucket: number;
  date: string;
  label: string;
  text: string;
  kind: ChartAnnotation["kind"];
  source: string;
};

export type ModelSeries = {
  key: string;
  label: string;
  color: string;
  /** One value per bucket (share in %, or downloads); null where there is none */
  values: (number | null)[];
  /** Stacked: the band's bottom and top per bucket */
  band: ([number, number] | null)[];
  /** The value at the last bucket that has one, as written in the legend */
  latest: string;
  latestValue: number | null;
};

export type ChartModel = {
  title: string;
  subtitle: string;
  /** The definitions in play, in readers' words */
  notes: string;
  source: string;
  demo: boolean;
  mode: ChartMode;
  value: ChartValue;
  /** Bucket start dates, and how each is written on the axis */
  buckets: { date: string; label: string; asOf: string | null; partial: boolean }[];
  series: ModelSeries[];
  yMax: number;
  yTicks: { value: number; label: string }[];
  /** The leader changes of the compared pair; only the latest is labelled on the plot */
  crossovers: { bucket: number; text: string }[];
  /** Releases and counting changes, marked on the plot (none with annotations=off) */
  annotations: ModelAnnotation[];
  /** What the legend says its values are */
  legendNote: string;
  empty: boolean;
};

/** "China passes the US", "Qwen passes Meta": the sentence a crossover is written as. */
export function crossoverSentence(result: ShareResult, leader: string, previous: string): string {
  const name = (key: string, start: boolean) => {
    const region = regionInfo(key);
    if (region && isPlaceGrouping(result.query.groupBy)) {
      const words = region.inSentence;
      return start ? words.charAt(0).toUpperCase() + words.slice(1) : words;
    }
    return result.series.find((s) => s.key === key)?.label ?? key;
  };
  return `${name(leader, true)} passes ${name(previous, false)}`;
}

/** A value of a chart as a tooltip or table says it: a share to a tenth of a point, a count exactly. */
export function formatChartValue(v: number | null | undefined, value: ChartValue): string {
  if (v === null || v === undefined) return "–";
  return value === "share" ? formatShare(v / 100) : formatExact(Math.round(v));
}

/** What a chart's values are taken under, in readers' words (the cohort and the attribution rule). */
export function chartContext(q: Pick<ShareResult["query"], "cohort" | "attribution">): string {
  const attribution = ATTRIBUTIONS.find((a) => a.id === q.attribution)?.label ?? q.attribution;
  return `${cohortLabel(q.cohort)} · ${attribution.toLowerCase()} attribution`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function bucketLabel(date: string, interval: string): string {
  const month = MONTHS[Number(date.slice(5, 7)) - 1] ?? "";
  if (interval === "month") return `${month} ${date.slice(0, 4)}`;
  return `${Number(date.slice(8, 10))} ${month} ${date.slice(0, 4)}`;
}

/**
 * The chart as data, before any pixel: series values per bucket (or stacked bands), ticks whose
 * labels never repeat, the leader changes, the legend's latest values, the title, the notes that
 * define what is drawn, and the source line. The page, the embed, the SVG and the PNG all draw
 * this one model (lib/charts/layout.ts places it).
 */
export function chartModel(result: ShareResult, presentation: ChartPresentation): ChartModel {
  const q = result.query;
  const { mode, value } = presentation;
  const stacked = mode === "stacked";
  const points = result.points;
  const valueAt = (p: (typeof points)[number], key: string): number | null => {
    const v = p.values[key];
    if (!v || p.asOf === null) return null;
    return value === "share" ? (v.share === null ? null : v.share * 100) : Number(v.downloads);
  };
  const last = points.length - 1;
  const buckets = points.map((p, i) => ({
    date: p.date,
    label: bucketLabel(p.date, q.interval),
    asOf: p.asOf,
    // The first bucket may start before the range, the last end after the data: marked partial.
    partial: q.interval !== "day" && ((i === 0 && p.date < q.from) || (i === last && (p.asOf ?? "") < q.to)),
  }));
  const series: ModelSeries[] = result.series.map((s) => {
    const values = points.map((p) => valueAt(p, s.key));
    const lastIndex = values.findLastIndex((v) => v !== null);
    const latestValue = lastIndex >= 0 ? (values[lastIndex] ?? null) : null;
    return {
      key: s.key,
      label: s.label,
      color: s.color,
      values,
      band: values.map(() => null),
      latestValue,
      latest:
        latestValue === null
          ? "–"
          : value === "share"
            ? formatShare(latestValue / 100)
            : formatCount(latestValue),
    };
  });
  if (stacked) {
    points.forEach((_, i) => {
      let base = 0;
      for (const s of series) {
        const v = s.values[i];
        if (v === null || v === undefined) continue;
        s.band[i] = [base, base + v];
        base += v;
      }
    });
  }
  let max = 0;
  for (const s of series)
    for (let i = 0; i < points.length; i++)
      max = Math.max(max, stacked ? (s.band[i]?.[1] ?? 0) : (s.values[i] ?? 0));
  // A stack of every series reaches 100 %: show the whole scale; a selection keeps its own.
  if (stacked && value === "share" && max > 90) max = 100;
  const { top, ticks } = niceTicks(max || (value === "share" ? 1 : 10));
  const format = (v: number) => (value === "share" ? `${v}%` : formatCount(v));
  const crossovers = (result.crossover?.dates ?? [])
    .map((c) => ({
      bucket: points.findIndex((p) => p.date === c.date),
      text: `${crossoverSentence(result, c.leader, c.previousLeader)}, ${bucketLabel(c.date, q.interval)}`,
    }))
    .filter((c) => c.bucket >= 0);
  const annotations =
    presentation.annotations === "off"
      ? []
      : (result.annotations ?? []).flatMap((a): ModelAnnotation[] => {
          const bucket = points.findLastIndex((p) => p.date <= a.date);
          if (bucket < 0) return [];
          const { id, date, label, text, kind, source } = a;
          return [{ id, bucket, date, label, text, kind, source }];
        });
  const metric = metricInfo(q.metric);
  const title = chartTitle(q, presentation);
  const attribution = ATTRIBUTIONS.find((a) => a.id === q.attribution);
  const notes = [
    `${metric.label}: ${metric.definition}.`,
    q.cohort === "all" ? null : `${cohortLabel(q.cohort)}: ${cohortDefinition(q.cohort)}.`,
    `Attribution by ${attribution?.label.toLowerCase() ?? q.attribution}: ${attribution?.definition ?? ""}.`,
    isPlaceGrouping(q.groupBy) || q.groupBy === "org"
      ? "Unattributed: namespaces not (yet) in the origin registry."
      : null,
    q.derivatives === "exclude"
      ? "Derivatives (fine-tunes, quantizations, merges, adapters) excluded."
      : null,
    q.task ? `Task: ${q.task}.` : null,
    q.library ? `Library: ${q.library}.` : null,
    q.population === "study" ? "Population: the study's curated subset of authors." : null,
    q.version === undefined
      ? null
      : `Pinned to data version ${q.version}: the numbers as published then, whatever came later.`,
  ]
    .filter(Boolean)
    .join(" ");
  return {
    title,
    subtitle: `${bucketLabel(q.from, "day")} – ${bucketLabel(q.to, "day")} · ${cohortLabel(q.cohort)}${
      stacked ? " · stacked" : ""
    }`,
    notes,
    source: `Source: Hugging Face Hub download counts, as of ${result.freshness.dataAsOf ?? "–"} · Open Model Share`,
    demo: result.freshness.demo,
    mode,
    value,
    buckets,
    series,
    yMax: top,
    yTicks: ticks.map((t) => ({ value: t, label: format(t) })),
    crossovers,
    annotations,
    legendNote: `Latest ${buckets.findLast((b) => b.asOf !== null)?.label ?? ""} values`,
    empty: series.every((s) => s.values.every((v) => v === null || v === 0)),
  };
}

/** What a chart is titled when it is given no title: the measure and the grouping. */
export function chartTitle(
  q: Pick<ShareResult["query"], "metric" | "groupBy">,
  presentation: Pick<ChartPresentation, "value" | "title">,
): string {
  if (presentation.title) return presentation.title;
  const metric = metricInfo(q.metric);
  const noun = groupByInfo(q.groupBy).noun;
  return presentation.value === "share"
    ? `Share of ${metric.short} by ${noun}`
    : `${metric.label} by ${noun}`;
}

/**
 * A round top and four or five steps below it, with as many decimals as the steps need: shares
 * under 5 % get 0.5 % or 1 % steps, never labels like "0% 0% 1% 1%".
 */
export function niceTicks(max: number): { top: number; ticks: number[] } {
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude;
  const top = Math.ceil(max / step - 1e-9) * step;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (step / magnitude === 2.5 ? 1 : 0));
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Number(v.toFixed(decimals)));
  return { top: ticks.at(-1) ?? top, ticks };
}
