import {
  encodeValue,
  type FieldKey,
  QUESTION_KEYS,
  readChartState,
  resolveChartState,
  type SurfaceQuery,
} from "./chart-state";

/**
 * Presets: the switches behind a published figure, so a reader can see our number under the same
 * choices beside theirs. A preset is a link to the overview (its query, in the chart state's
 * current format: lib/domain/chart-state.ts); the overview offers them, shows each preset's figure
 * beside our share for the chart in view, and the methodology page explains them with their sources.
 */

/** A published share a preset reproduces. */
export type PublishedFigure = {
  /** Region series key the figure is about */
  series: "CN" | "US";
  share: number;
  label: string;
};

export type Preset = {
  id: string;
  label: string;
  /**
   * The overview's query string: what the preset switches to, every switch spelled out (surfaces
   * differ in their defaults); keys it leaves out take the field's default
   */
  query: string;
  /** What the choices are, in readers' words */
  description: string;
  /** The figures it reproduces (none: a framing without one published share) */
  figures: PublishedFigure[];
  /** Over which period the source measured, in words */
  period: string;
  source: { title: string; url: string };
};

export const PRESETS: readonly Preset[] = [
  {
    id: "study",
    label: "The study",
    query:
      "v=2&metric=downloads&from=2024-09-01&to=2025-08-31&cohort=new-12m&attribution=developer&population=study",
    description:
      "New models over their first 12 months, credited to the namespace that published them, among the study's curated authors: each model's downloads count only while it is younger than a year, summed over the twelve months to August 2025.",
    figures: [
      { series: "CN", share: 0.171, label: "China 17.1 %" },
      { series: "US", share: 0.158, label: "USA 15.8 %" },
    ],
    period: "September 2024 – August 2025",
    source: {
      title: "Economies of Open Intelligence (arXiv 2512.03073, Nov 2025)",
      url: "https://arxiv.org/abs/2512.03073",
    },
  },
  {
    id: "atom",
    label: "ATOM-style",
    query: "v=2&metric=downloads30d&task=text-generation&cohort=all&repacks=exclude",
    description:
      "Language models only (pipeline tag text-generation), GGUF, MLX and quantized re-uploads left out, every model whatever its age, 30-day downloads: the ATOM Project's choices for its download rankings, which publish no single country share to compare with.",
    figures: [],
    period: "the latest 30 days",
    source: { title: "The ATOM Project (American Truly Open Models)", url: "https://atomproject.ai/" },
  },
  {
    id: "past-year",
    label: "Past year, all models",
    query: "v=2&metric=downloads&cohort=all",
    description:
      "Every model, whatever its age, its downloads over the past year (the increase of its all-time count), credited to the namespace that published it: the framing of Hugging Face's Spring 2026 report.",
    figures: [{ series: "CN", share: 0.41, label: "China 41 %" }],
    period: "the year before the report (March 2026)",
    source: {
      title: "State of Open Source on Hugging Face: Spring 2026 (Hugging Face, Mar 2026)",
      url: "https://huggingface.co/blog/huggingface/state-of-os-hf-spring-2026",
    },
  },
];

export const presetById = (id: string): Preset | undefined => PRESETS.find((p) => p.id === id);

/** The keys that say which series are drawn and how finely: a preset leaves them to the reader. */
const SERIES_KEYS: readonly FieldKey[] = ["groupBy", "interval", "top", "labs", "countries", "crossover"];

/** A preset's page values: its link read as the overview reads links, the page's defaults filled in. */
export function presetValues(preset: Preset): SurfaceQuery<"page"> {
  return resolveChartState("page", readChartState(new URLSearchParams(preset.query)));
}

/**
 * The preset a page state is in: every question it asks as the preset asks it, whatever series
 * are drawn (the published figure still describes the chart's countries).
 */
export function activePreset(values: SurfaceQuery<"page">): Preset | undefined {
  const same = (a: unknown, b: unknown) =>
    (a === undefined || a === null ? "" : encodeValue(a)) ===
    (b === undefined || b === null ? "" : encodeValue(b));
  return PRESETS.find((preset) => {
    const wanted = presetValues(preset) as Record<string, unknown>;
    const have = values as Record<string, unknown>;
    return QUESTION_KEYS.every((key) => SERIES_KEYS.includes(key) || same(wanted[key], have[key]));
  });
}
