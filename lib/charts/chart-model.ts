import type { ChartAnnotation, ShareResult } from "../domain/answers";
import type { ChartMode, ChartValue } from "../domain/chart-views";
import { NEW_COHORT, NEW_MODEL_MONTHS } from "../domain/cohorts";
import { type GroupBy, isPlaceGrouping, OTHER_SERIES } from "../domain/dimensions";
import type { Locale } from "../domain/locales";
import { regionInfo } from "../domain/regions";
import { capitalize, type Translator, translator } from "../i18n";

export type { ChartMode, ChartValue };
export type ChartPresentation = {
  mode: ChartMode;
  value: ChartValue;
  title?: string | undefined;
  /** The language of the chart's texts and the format of its numbers and dates (default en) */
  locale?: Locale | undefined;
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

/** Fixed texts the layout draws in the model's language. */
export type ChartTexts = { demoLong: string; demoShort: string; empty: string; partial: string };

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
  locale: Locale;
  texts: ChartTexts;
};

export function chartTexts(tr: Translator): ChartTexts {
  return {
    demoLong: tr.t("chart.demo.long"),
    demoShort: tr.t("chart.demo.short"),
    empty: tr.t("chart.empty"),
    partial: tr.t("chart.partial"),
  };
}

/** What a cohort is called, and what it means, in a locale. */
export function cohortWords(cohort: string, tr: Translator): { label: string; definition: string } {
  if (cohort === "all") return { label: tr.t("cohort.all.label"), definition: tr.t("cohort.all.definition") };
  if (cohort === NEW_COHORT) {
    const months = { months: NEW_MODEL_MONTHS };
    return { label: tr.t("cohort.new.label", months), definition: tr.t("cohort.new.definition", months) };
  }
  const year = /^created-(\d{4})$/.exec(cohort)?.[1];
  return year
    ? {
        label: tr.t("cohort.created.label", { year }),
        definition: tr.t("cohort.created.definition", { year }),
      }
    : { label: cohort, definition: cohort };
}

/**
 * A series' name in a locale: regions, countries and the catch-all series are translated by key;
 * labs and namespaces keep their own names. English keeps the answer's labels as they are.
 */
export function seriesLabel(
  series: { key: string; label: string },
  groupBy: GroupBy,
  tr: Translator,
): string {
  if (tr.locale === "en") return series.label;
  if (series.key === OTHER_SERIES.key) return tr.t("series.other");
  if (groupBy === "region") return tr.region(series.key);
  if (groupBy === "country") return tr.country(series.key);
  if (series.key === "") return tr.t(groupBy === "lab" ? "series.noLab" : "series.unregistered");
  return series.label;
}

/** "China passes the US", "Qwen passes Meta": the sentence a crossover is written as. */
export function crossoverSentence(
  result: ShareResult,
  leader: string,
  previous: string,
  tr: Translator = translator(),
): string {
  const name = (key: string) => {
    if (regionInfo(key) && isPlaceGrouping(result.query.groupBy)) return tr.regionInSentence(key);
    const series = result.series.find((s) => s.key === key);
    return series ? seriesLabel(series, result.query.groupBy, tr) : key;
  };
  return capitalize(tr.t("chart.crossover", { leader: name(leader), previous: name(previous) }));
}

/** A value of a chart as a tooltip or table says it: a share to a tenth of a point, a count exactly. */
export function formatChartValue(
  v: number | null | undefined,
  value: ChartValue,
  tr: Translator = translator(),
): string {
  if (v === null || v === undefined) return "–";
  return value === "share" ? tr.share(v / 100) : tr.exact(Math.round(v));
}

/** What a chart's values are taken under, in readers' words (the cohort and the attribution rule). */
export function chartContext(
  q: Pick<ShareResult["query"], "cohort" | "attribution">,
  tr: Translator = translator(),
): string {
  return tr.t("chart.context", {
    cohort: cohortWords(q.cohort, tr).label,
    attribution: tr.t(`attribution.${q.attribution}.rule`),
  });
}

/** How a bucket is written on the axis: its month, or its first day. */
export function bucketLabel(date: string, interval: string, tr: Translator = translator()): string {
  return interval === "month" ? tr.month(date) : tr.day(date);
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
  const tr = translator(presentation.locale);
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
    label: bucketLabel(p.date, q.interval, tr),
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
      label: seriesLabel(s, q.groupBy, tr),
      color: s.color,
      values,
      band: values.map(() => null),
      latestValue,
      latest:
        latestValue === null ? "–" : value === "share" ? tr.share(latestValue / 100) : tr.count(latestValue),
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
  const format = (v: number) => (value === "share" ? tr.percentTick(v) : tr.count(v));
  const crossovers = (result.crossover?.dates ?? [])
    .map((c) => ({
      bucket: points.findIndex((p) => p.date === c.date),
      text: tr.t("chart.crossoverWhen", {
        sentence: crossoverSentence(result, c.leader, c.previousLeader, tr),
        period: bucketLabel(c.date, q.interval, tr),
      }),
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
  const title = chartTitle(q, presentation);
  const cohort = cohortWords(q.cohort, tr);
  const note = (term: string, definition: string) => tr.t("chart.note.definition", { term, definition });
  const notes = tr.sentences([
    note(tr.t(`metric.${q.metric}.label`), tr.t(`metric.${q.metric}.definition`)),
    q.cohort === "all" ? null : note(cohort.label, cohort.definition),
    tr.t("chart.note.attribution", {
      rule: tr.t(`attribution.${q.attribution}.rule`),
      definition: tr.t(`attribution.${q.attribution}.definition`),
    }),
    isPlaceGrouping(q.groupBy) || q.groupBy === "org" ? tr.t("chart.note.unattributed") : null,
    q.derivatives === "exclude" ? tr.t("chart.note.derivativesExcluded") : null,
    repackNote(q, tr),
    q.task ? tr.t("chart.note.task", { task: q.task }) : null,
    q.library ? tr.t("chart.note.library", { library: q.library }) : null,
    q.population === "study" ? tr.t("chart.note.studyPopulation") : null,
    q.version === undefined ? null : tr.t("chart.note.pinned", { version: q.version }),
  ]);
  return {
    title,
    subtitle: `${tr.day(q.from)} – ${tr.day(q.to)} · ${cohort.label}${
      stacked ? ` · ${tr.t("chart.subtitle.stacked")}` : ""
    }`,
    notes,
    source: tr.t("chart.source", { date: result.freshness.dataAsOf ?? "–" }),
    demo: result.freshness.demo,
    mode,
    value,
    buckets,
    series,
    yMax: top,
    yTicks: ticks.map((t) => ({ value: t, label: format(t) })),
    crossovers,
    annotations,
    legendNote: tr.t("chart.legendNote", { period: buckets.findLast((b) => b.asOf !== null)?.label ?? "" }),
    locale: tr.locale,
    texts: chartTexts(tr),
    empty: series.every((s) => s.values.every((v) => v === null || v === 0)),
  };
}

/**
 * What the chart says of repacks when they are not counted as uploaded: left out, or moved to
 * their base model's developer (under lineage attribution they already count for their root).
 */
function repackNote(q: Pick<ShareResult["query"], "repacks" | "attribution">, tr: Translator): string | null {
  if (q.repacks === "include") return null;
  if (q.repacks === "to-base" && q.attribution === "lineage") return tr.t("chart.note.repacksToBaseLineage");
  return tr.t("chart.note.definition", {
    term: tr.t(`repacks.${q.repacks}.label`),
    definition: tr.t(`repacks.${q.repacks}.definition`),
  });
}

/** What a chart is titled when it is given no title: the measure and the grouping. */
export function chartTitle(
  q: Pick<ShareResult["query"], "metric" | "groupBy">,
  presentation: Pick<ChartPresentation, "value" | "title" | "locale">,
): string {
  if (presentation.title) return presentation.title;
  const tr = translator(presentation.locale);
  const grouping = tr.t(`groupBy.${q.groupBy}.noun`);
  return presentation.value === "share"
    ? tr.t("chart.title.share", { measure: tr.t(`metric.${q.metric}.short`), grouping })
    : tr.t("chart.title.count", { measure: tr.t(`metric.${q.metric}.label`), grouping });
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
