import type { ChartModel } from "./chart-model";
import { fitText, textWidth, wrapText } from "./text-metrics";

export type Theme = "light" | "dark";

/** Colours of the static renderings (images, embeds); pages use the site's CSS variables. */
export const THEMES: Record<Theme, { bg: string; fg: string; muted: string; grid: string; band: string }> = {
  light: { bg: "#ffffff", fg: "#111827", muted: "#4b5563", grid: "#e5e7eb", band: "#fef3c7" },
  dark: { bg: "#0b0f17", fg: "#e5e7eb", muted: "#a1a1aa", grid: "#263041", band: "#3f2f0a" },
};

/**
 * Latin text is set (and measured) in Inter; Chinese and Japanese characters, which Inter lacks,
 * are drawn in a span of CJK faces (lib/charts/svg.ts) whose ideographs and kana are a full em
 * wide, as text-metrics.ts counts them: Noto Sans SC in the PNG (lib/charts/render.ts), the
 * reader's own in browsers. The CJK faces' Latin is wider than Inter's: it never sets Latin.
 */
export const CJK_FONT_FAMILY =
  "'Noto Sans SC', 'Noto Sans CJK SC', 'PingFang SC', 'Hiragino Sans', 'Microsoft YaHei', 'Yu Gothic', sans-serif";
export const FONT_FAMILY = `Inter, ${CJK_FONT_FAMILY.replace(", sans-serif", "")}, Helvetica, Arial, sans-serif`;

const wrap = wrapText;

export type ChartText = {
  x: number;
  y: number;
  text: string;
  anchor: "start" | "middle" | "end";
  size: number;
  /** Title lines are bold and in the foreground colour */
  strong?: boolean;
};
type Text = ChartText;

export type ChartLayout = {
  width: number;
  height: number;
  /** Title, subtitle, notes and source drawn inside (images); else the page writes them */
  framed: boolean;
  header: Text[];
  footer: Text[];
  demo: { x: number; y: number; w: number; h: number; text: Text } | null;
  legend: { x: number; y: number; color: string; text: string; key: string }[];
  plot: { x: number; y: number; w: number; h: number };
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string; anchor: "start" | "middle" | "end" }[];
  /** Partial buckets, shaded, and what their tooltip says */
  partial: { x: number; w: number }[];
  partialNote: string;
  lines: { key: string; color: string; d: string; dots: { x: number; y: number }[] }[];
  areas: { key: string; color: string; d: string }[];
  endLabels: { key: string; color: string; x: number; y: number; text: string }[];
  crossovers: { x: number }[];
  crossoverLabel: Text[];
  references: { x: number; y: number; color: string; label: Text }[];
  /** Events marked on the plot: a line at each, and its label where one fits */
  annotations: {
    id: string;
    x: number;
    label: Text | null;
    /** Behind the label, in the background's colour: lines passing under it stay out of its words */
    box: { x: number; y: number; w: number; h: number } | null;
  }[];
  empty: Text | null;
  /** The brush's track under the x axis (pages), drawn still until the interactive chart takes over */
  brush: { x: number; y: number; w: number; h: number } | null;
  /** x of each bucket (the page's hover reads it) */
  xs: number[];
  yOf: (value: number) => number;
};

export type LayoutOptions = {
  width: number;
  height: number;
  framed: boolean;
  references?: { bucket: number; value: number; color: string; label: string }[];
  /** Draw the legend (false: the page writes it as HTML above the drawing) */
  legend?: boolean;
  /** Room kept under the x axis (the page's brush) */
  brush?: number;
};

export const LEGEND_SIZE = 13;
export const TICK_SIZE = 12;
/** Height of the x axis' labels under the plot */
export const X_AXIS_HEIGHT = 20;

/**
 * Places a chart model in pixels: header (framed renderings), legend rows that wrap, the plot with
 * ticks that fit, straight segments (never overshooting curves) or stacked bands, single points
 * where data is sparse, labels at line ends where they do not collide, the latest crossover label
 * wrapped inside the plot, and the notes and source wrapped below. Text is measured with Inter's
 * own advance widths (lib/charts/text-metrics.ts), so nothing collides at any width from 280 to
 * 2400 px.
 */
export function chartLayout(model: ChartModel, options: LayoutOptions): ChartLayout {
  const { width, height, framed } = options;
  const showLegend = options.legend ?? true;
  const pad = chartPad(width);
  // What must fit: the plot keeps at least this much; notes, then the subtitle, give way first.
  const minPlot = Math.max(110, height * 0.38);
  const legendHeight = (w: number) => (showLegend ? legendRows(model, w, pad).height : 0);
  const textBlock = (text: string, size: number, lineHeight: number) =>
    wrap(text, size, width - 2 * pad).length * lineHeight;
  const titleSize = width < 480 ? 16 : 20;
  const wanted = {
    subtitle: framed,
    notes: framed,
  };
  const space = () =>
    height -
    2 * pad -
    (framed ? wrap(model.title, titleSize, width - 2 * pad, 700).length * titleSize * 1.25 + 8 : 0) -
    (wanted.subtitle ? textBlock(model.subtitle, 13, 18) : 0) -
    (framed && model.demo ? 30 : 0) -
    legendHeight(width) -
    (framed ? textBlock(model.source, 11, 15) + 4 : 0) -
    (wanted.notes ? textBlock(model.notes, 11, 15) : 0) -
    40;
  if (space() < minPlot) wanted.notes = false;
  if (space() < minPlot) wanted.subtitle = false;
  const header: Text[] = [];
  let y = pad;
  if (framed) {
    for (const line of wrap(model.title, titleSize, width - 2 * pad, 700)) {
      y += titleSize * 1.25;
      header.push({ x: pad, y, text: line, anchor: "start", size: titleSize, strong: true });
    }
    if (wanted.subtitle)
      for (const line of wrap(model.subtitle, 13, width - 2 * pad)) {
        y += 18;
        header.push({ x: pad, y, text: line, anchor: "start", size: 13 });
      }
    y += 8;
  }
  let demo: ChartLayout["demo"] = null;
  if (framed && model.demo) {
    const text = width < 520 ? model.texts.demoShort : model.texts.demoLong;
    demo = {
      x: pad,
      y,
      w: Math.min(width - 2 * pad, textWidth(text, 13, 600) + 16),
      h: 22,
      text: { x: pad + 8, y: y + 15, text, anchor: "start", size: 13 },
    };
    y += 30;
  }
  const rows = showLegend ? legendRows(model, width, pad) : { items: [], height: 0 };
  const legend = rows.items.map((item) => ({ ...item, y: item.y + y }));
  y += rows.height;
  // Footer, from the bottom up.
  const footer: Text[] = [];
  let bottom = height - pad + 2 - (options.brush ?? 0);
  if (framed) {
    const lines = [
      ...(wanted.notes ? wrap(model.notes, 11, width - 2 * pad) : []),
      ...wrap(model.source, 11, width - 2 * pad),
    ];
    for (const line of [...lines].reverse()) {
      footer.unshift({ x: pad, y: bottom, text: line, anchor: "start", size: 11 });
      bottom -= 15;
    }
    bottom -= 4;
  }
  const yLabelWidth = yAxisWidth(model);
  const endRoom = endLabelRoom(model, width);
  const plot = {
    x: pad + yLabelWidth,
    y: y + 6,
    w: Math.max(40, width - pad - yLabelWidth - pad - endRoom),
    h: Math.max(60, bottom - X_AXIS_HEIGHT - (y + 6)),
  };
  const n = model.buckets.length;
  const xs = model.buckets.map((_, i) => plot.x + (n <= 1 ? plot.w / 2 : (i / (n - 1)) * plot.w));
  const yOf = (v: number) => plot.y + plot.h - (Math.min(v, model.yMax) / model.yMax) * plot.h;
  const yTicks = model.yTicks.map((t) => ({ y: yOf(t.value), label: t.label }));
  const xTicks = xTickPlacement(
    model.buckets.map((b) => b.label),
    xs,
    { width, pad },
  );
  const step = n > 1 ? plot.w / (n - 1) : plot.w;
  const partial = model.buckets.flatMap((b, i) =>
    b.partial
      ? [
          {
            x: Math.max(plot.x, (xs[i] ?? 0) - step / 2),
            w: Math.min(step, plot.w) / (i === 0 || i === n - 1 ? 2 : 1),
          },
        ]
      : [],
  );
  const lines: ChartLayout["lines"] = [];
  const areas: ChartLayout["areas"] = [];
  if (model.mode === "stacked") {
    for (const s of model.series) {
      let d = "";
      let run: number[] = [];
      const flush = () => {
        if (run.length === 0) return;
        // A period with no neighbour is a narrow bar, not a band of no width.
        const lone = run.length === 1 ? (xs[run[0] ?? 0] ?? 0) : null;
        const stops =
          lone === null
            ? run.map((i) => ({ i, x: xs[i] ?? 0 }))
            : [
                { i: run[0] ?? 0, x: lone - 3 },
                { i: run[0] ?? 0, x: lone + 3 },
              ];
        const top = stops.map(({ i, x }) => `${x.toFixed(1)},${yOf(s.band[i]?.[1] ?? 0).toFixed(1)}`);
        const base = [...stops]
          .reverse()
          .map(({ i, x }) => `${x.toFixed(1)},${yOf(s.band[i]?.[0] ?? 0).toFixed(1)}`);
        d += `M${top.join("L")}L${base.join("L")}Z`;
        run = [];
      };
      s.band.forEach((b, i) => {
        if (b) run.push(i);
        else flush();
      });
      flush();
      areas.push({ key: s.key, color: s.color, d });
    }
  } else {
    for (const s of model.series) {
      let d = "";
      const dots: { x: number; y: number }[] = [];
      s.values.forEach((v, i) => {
        if (v === null) return;
        const px = (xs[i] ?? 0).toFixed(1);
        const py = yOf(v).toFixed(1);
        const prev = i > 0 ? s.values[i - 1] : null;
        const next = i < n - 1 ? s.values[i + 1] : null;
        d += `${prev === null || prev === undefined ? "M" : "L"}${px},${py}`;
        // A value with no neighbour draws no segment: show it as a point.
        if ((prev === null || prev === undefined) && (next === null || next === undefined))
          dots.push({ x: xs[i] ?? 0, y: yOf(v) });
      });
      lines.push({ key: s.key, color: s.color, d, dots });
    }
  }
  const endLabels =
    endRoom > 0
      ? placeEndLabels(
          endLabelAnchors(model).map((a) => ({ ...a, x: xs[a.bucket] ?? 0, y: yOf(a.value) })),
          { room: endRoom, bottom: plot.y + plot.h },
        )
      : [];
  const crossovers = model.crossovers.map((c) => ({ x: xs[c.bucket] ?? plot.x }));
  const latest = model.crossovers.at(-1);
  const crossoverLabel: Text[] = [];
  if (latest) {
    const x = xs[latest.bucket] ?? plot.x;
    const rightRoom = plot.x + plot.w - x - 6;
    const leftRoom = x - plot.x - 6;
    const onRight = rightRoom >= leftRoom;
    const room = Math.max(60, onRight ? rightRoom : leftRoom);
    wrap(latest.text, 12, room, 600).forEach((line, k) => {
      crossoverLabel.push({
        x: onRight ? x + 5 : x - 5,
        y: plot.y + 13 + k * 15,
        text: line,
        anchor: onRight ? "start" : "end",
        size: 12,
      });
    });
  }
  const references = (options.references ?? []).map((r, k) => {
    const x = xs[r.bucket] ?? plot.x;
    const ry = yOf(r.value);
    const right = x + 8 + textWidth(r.label, 11) <= plot.x + plot.w;
    return {
      x,
      y: ry,
      color: r.color,
      label: {
        x: right ? x + 8 : x - 8,
        y: ry + (k % 2 === 0 ? -8 : 14),
        text: r.label,
        anchor: right ? "start" : "end",
        size: 11,
      } as Text,
    };
  });
  const annotations = placeAnnotations(
    model.annotations.map((a) => ({ id: a.id, label: a.label, x: xs[a.bucket] ?? plot.x })),
    plot,
  );
  return {
    width,
    height,
    framed,
    header,
    footer,
    demo,
    legend,
    plot,
    yTicks,
    xTicks,
    partial,
    partialNote: model.texts.partial,
    lines,
    areas,
    endLabels,
    crossovers,
    crossoverLabel,
    references,
    annotations,
    empty: model.empty
      ? {
          x: plot.x + plot.w / 2,
          y: plot.y + plot.h / 2,
          text: model.texts.empty,
          anchor: "middle",
          size: 14,
        }
      : null,
    brush: options.brush
      ? { x: plot.x, y: plot.y + plot.h + X_AXIS_HEIGHT + 4, w: plot.w, h: options.brush - 8 }
      : null,
    xs,
    yOf,
  };
}

export const ANNOTATION_SIZE = 11;
/** Between the baselines of two rows of annotation labels */
const ANNOTATION_ROW = 14;

/**
 * Labels of the events marked on a plot, in rows along its bottom (the crossover's sentence takes
 * the top): each beside its line, on the right unless that runs out of the plot, in the lowest
 * row where it touches no other label. A label that fits no row is left out; its line stays (the
 * caption lists every event). Text is measured, so labels never overlap at any width.
 */
export function placeAnnotations(
  items: { id: string; label: string; x: number }[],
  plot: { x: number; y: number; w: number; h: number },
): ChartLayout["annotations"] {
  const rows = plot.h >= 220 ? 3 : plot.h >= 120 ? 2 : 1;
  const taken: [number, number][][] = Array.from({ length: rows }, () => []);
  const gap = 6;
  return [...items]
    .sort((a, b) => a.x - b.x)
    .map((item) => {
      const w = textWidth(item.label, ANNOTATION_SIZE);
      const right = item.x + 4 + w <= plot.x + plot.w;
      const left = right ? item.x + 4 : item.x - 4 - w;
      if (left < plot.x) return { id: item.id, x: item.x, label: null, box: null };
      const row = taken.findIndex((spans) => spans.every(([a, b]) => left + w + gap <= a || left >= b + gap));
      if (row < 0) return { id: item.id, x: item.x, label: null, box: null };
      taken[row]?.push([left, left + w]);
      const y = plot.y + plot.h - 5 - row * ANNOTATION_ROW;
      return {
        id: item.id,
        x: item.x,
        label: {
          x: right ? item.x + 4 : item.x - 4,
          y,
          text: item.label,
          anchor: right ? "start" : "end",
          size: ANNOTATION_SIZE,
        } satisfies Text,
        // Inter's ascender and descender at this size, and a pixel either side.
        box: { x: left - 1, y: y - ANNOTATION_SIZE + 1, w: w + 2, h: ANNOTATION_SIZE + 2 },
      };
    });
}

/** Outer padding of a drawing: narrower on phones. */
export const chartPad = (width: number) => (width < 480 ? 10 : 20);

/** Room for the y axis' labels: the widest tick label and a gap. */
export const yAxisWidth = (model: ChartModel) =>
  Math.max(...model.yTicks.map((t) => textWidth(t.label, TICK_SIZE))) + 10;

/** Room on the right for labels at line ends: only when the plot stays wide enough. */
export const endLabelRoom = (model: ChartModel, width: number) =>
  width >= 560 && !model.empty ? Math.min(170, width * 0.22) : 0;

/**
 * Which buckets' labels the x axis shows, and how each is anchored: as many as fit side by side
 * (measured), counted back from the latest bucket; the outermost labels stay inside the drawing.
 */
export function xTickPlacement(
  labels: string[],
  xs: number[],
  box: { width: number; pad: number },
): ChartLayout["xTicks"] {
  const n = labels.length;
  if (n === 0) return [];
  const plotW = (xs.at(-1) ?? 0) - (xs[0] ?? 0);
  const widest = Math.max(...labels.map((l) => textWidth(l, TICK_SIZE)));
  const maxTicks = Math.max(2, Math.floor(plotW / (widest + 16)) + 1);
  const every = Math.max(1, Math.ceil(n / maxTicks));
  const placed = labels.flatMap((label, i): ChartLayout["xTicks"] => {
    if ((n - 1 - i) % every !== 0) return [];
    const x = xs[i] ?? 0;
    const half = textWidth(label, TICK_SIZE) / 2;
    if (x + half > box.width - box.pad) return [{ x: box.width - box.pad, label, anchor: "end" as const }];
    if (x - half < box.pad) return [{ x: box.pad, label, anchor: "start" as const }];
    return [{ x, label, anchor: "middle" as const }];
  });
  // An outermost label pulled inside the drawing may now touch its neighbour: the neighbour gives way.
  const span = (t: ChartLayout["xTicks"][number]) => {
    const w = textWidth(t.label, TICK_SIZE);
    const left = t.anchor === "start" ? t.x : t.anchor === "end" ? t.x - w : t.x - w / 2;
    return [left, left + w] as const;
  };
  const kept: ChartLayout["xTicks"] = [];
  for (const tick of placed.reverse()) {
    const next = kept.at(-1);
    if (next && span(tick)[1] + 8 > span(next)[0]) continue;
    kept.push(tick);
  }
  return kept.reverse();
}

/** Where each series' line ends (its last value; the middle of its band when stacked). */
export function endLabelAnchors(model: ChartModel) {
  return model.series.flatMap((s) => {
    const bucket = s.values.findLastIndex((v) => v !== null);
    if (bucket < 0) return [];
    const value =
      model.mode === "stacked"
        ? ((s.band[bucket]?.[0] ?? 0) + (s.band[bucket]?.[1] ?? 0)) / 2
        : (s.values[bucket] ?? 0);
    return [{ key: s.key, color: s.color, label: s.label, bucket, value }];
  });
}

/**
 * Labels at line ends (x, y: the end of the line in pixels), shortened to the room on the right
 * and pushed apart vertically so no two overlap; one pushed below the plot is left out.
 */
export function placeEndLabels(
  ends: { key: string; color: string; label: string; x: number; y: number }[],
  space: { room: number; bottom: number },
): ChartLayout["endLabels"] {
  const wanted = ends
    .map((e) => ({
      key: e.key,
      color: e.color,
      x: e.x + 6,
      y: e.y + 4,
      text: fitText(e.label, LEGEND_SIZE, space.room - 8, 600),
    }))
    .sort((a, b) => a.y - b.y);
  const placed: ChartLayout["endLabels"] = [];
  // A line of Inter is 1.21 em high (ascender to descender): labels keep a line and a bit apart.
  const gap = Math.ceil(LEGEND_SIZE * 1.3);
  for (const label of wanted) {
    const previous = placed.at(-1);
    if (previous && label.y - previous.y < gap) label.y = previous.y + gap;
    if (label.y <= space.bottom + 4) placed.push(label);
  }
  return placed;
}

/** Legend items (swatch, label, latest value) wrapped into rows; y relative to the legend's top. */
function legendRows(model: ChartModel, width: number, pad: number) {
  const items: ChartLayout["legend"] = [];
  let x = pad;
  let y = LEGEND_SIZE;
  for (const s of model.series) {
    const text = fitText(`${s.label} ${s.latest}`, LEGEND_SIZE, width - 2 * pad - 18);
    const w = 18 + textWidth(text, LEGEND_SIZE) + 16;
    if (x > pad && x + w - 16 > width - pad) {
      x = pad;
      y += LEGEND_SIZE + 9;
    }
    items.push({ x, y, color: s.color, text, key: s.key });
    x += w;
  }
  return { items, height: y + 14 };
}
