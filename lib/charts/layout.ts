import type { ShareResult } from "../analytics/share-over-time";
import { formatCount, formatShare } from "../format/numbers";

export type Theme = "light" | "dark";

export const THEMES: Record<Theme, { bg: string; fg: string; muted: string; grid: string }> = {
  light: { bg: "#ffffff", fg: "#111827", muted: "#4b5563", grid: "#e5e7eb" },
  dark: { bg: "#0b0f17", fg: "#e5e7eb", muted: "#a1a1aa", grid: "#263041" },
};

export type ChartGeometry = {
  width: number;
  height: number;
  plot: { x: number; y: number; w: number; h: number };
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
  series: { key: string; label: string; color: string; path: string; share: string }[];
  crossovers: { x: number; label: string }[];
  title: string;
  subtitle: string;
  source: string;
  empty: boolean;
};

type Options = {
  width: number;
  height: number;
  title?: string;
  siteName: string;
  value?: "share" | "downloads";
};

/**
 * Scales, ticks and line paths of a share chart, shared by the SVG and PNG renderers so an
 * image shows exactly what the dashboard shows.
 */
export function chartGeometry(result: ShareResult, options: Options): ChartGeometry {
  const { width, height } = options;
  const value = options.value ?? "share";
  const legendRows = Math.ceil(result.series.length / Math.max(1, Math.floor((width - 40) / 190)));
  const plot = { x: 64, y: 78, w: width - 64 - 44, h: height - 78 - 44 - legendRows * 22 - 28 };
  const points = result.points;
  const valueAt = (p: (typeof points)[number], key: string): number | null => {
    const v = p.values[key];
    if (!v) return null;
    return value === "share" ? (v.share === null ? null : v.share * 100) : Number(v.downloads);
  };
  let max = 0;
  for (const p of points) for (const s of result.series) max = Math.max(max, valueAt(p, s.key) ?? 0);
  const top = niceCeiling(max || 1);
  const xOf = (i: number) => plot.x + (points.length <= 1 ? plot.w / 2 : (i / (points.length - 1)) * plot.w);
  const yOf = (v: number) => plot.y + plot.h - (v / top) * plot.h;
  const yTicks = [0, 0.2, 0.4, 0.6, 0.8, 1].map((f) => ({
    y: yOf(top * f),
    label: value === "share" ? `${Math.round(top * f)}%` : formatCount(top * f),
  }));
  const every = Math.max(1, Math.ceil(points.length / Math.max(2, Math.floor(plot.w / 90))));
  const xTicks = points
    .map((p, i) => ({ x: xOf(i), label: result.query.interval === "month" ? p.date.slice(0, 7) : p.date, i }))
    .filter((t) => t.i % every === 0)
    .map(({ x, label }) => ({ x, label }));
  const series = result.series.map((s) => {
    let d = "";
    let pen = false;
    points.forEach((p, i) => {
      const v = valueAt(p, s.key);
      if (v === null || p.asOf === null) {
        pen = false;
        return;
      }
      d += `${pen ? "L" : "M"}${xOf(i).toFixed(1)},${yOf(v).toFixed(1)}`;
      pen = true;
    });
    return { key: s.key, label: s.label, color: s.color, path: d, share: formatShare(s.share) };
  });
  const indexOf = new Map(points.map((p, i) => [p.date, i]));
  const label = (k: string) => result.series.find((s) => s.key === k)?.label ?? k;
  const crossovers = (result.crossover?.dates ?? []).map((c) => ({
    x: xOf(indexOf.get(c.date) ?? 0),
    label: `${label(c.leader)} passes ${label(c.previousLeader)}, ${c.date}`,
  }));
  const q = result.query;
  return {
    width,
    height,
    plot,
    yTicks,
    xTicks,
    series,
    crossovers,
    title:
      options.title ||
      `Share of ${q.metric === "downloads30d" ? "downloads (trailing 30 days)" : q.metric === "downloads" ? "downloads" : "all-time downloads"} by ${q.groupBy}`,
    subtitle: `${q.from} to ${q.to} · ${q.attribution} attribution · cohort ${q.cohort}${q.derivatives === "exclude" ? " · derivatives excluded" : ""}${result.freshness.demo ? " · DEMO DATA" : ""}`,
    source: `Data: Hugging Face Hub downloads, ${result.freshness.dataAsOf ?? "n/a"} · ${options.siteName}`,
    empty: series.every((s) => s.path === ""),
  };
}

function niceCeiling(v: number): number {
  const exp = 10 ** Math.floor(Math.log10(v));
  // Multiples that split into five round steps.
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (v <= m * exp) return m * exp;
  return 10 * exp;
}
