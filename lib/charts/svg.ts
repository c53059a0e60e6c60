import { type ChartLayout, type ChartText, CJK_FONT_FAMILY, FONT_FAMILY } from "./layout";
import { isWide, textWidth } from "./text-metrics";

/** The colours a rendering uses: a theme's hex values (images, embeds) or the site's CSS variables. */
export type Palette = { bg: string; fg: string; muted: string; grid: string; band: string };

export const CSS_PALETTE: Palette = {
  bg: "var(--bg)",
  fg: "var(--fg)",
  muted: "var(--muted)",
  grid: "var(--grid)",
  band: "var(--band)",
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const n = (v: number) => String(Math.round(v * 10) / 10);

const wideChar = (ch: string) => isWide(ch.codePointAt(0) ?? 0);

/** A text cut where it changes between CJK and other characters; spaces stay with the run before. */
function scriptRuns(text: string): { text: string; wide: boolean }[] {
  const runs: { text: string; wide: boolean }[] = [];
  for (const ch of text) {
    const last = runs.at(-1);
    const wide = wideChar(ch);
    if (last && (last.wide === wide || ch === " ")) last.text += ch;
    else runs.push({ text: ch, wide });
  }
  return runs;
}

type Draw = {
  /** Attributes before x: class, data-series */
  before: string;
  x: number;
  y: number;
  size: number;
  anchor?: "start" | "middle" | "end";
  fill: string;
  weight?: 600 | 700;
  text: string;
};

/**
 * One line of text. A line with Chinese or Japanese in it is cut into runs, each placed where the
 * layout measured it (lib/charts/text-metrics.ts) and set in its own faces: Latin in Inter, CJK in
 * the CJK faces, a full em a character, in the line's weight. Each run starts a text chunk of its
 * own, because resvg shapes a chunk whose glyph Inter lacks wholly in the fallback face (its Latin
 * wider than Inter's, its weight the first face's), which would push text past where it was
 * measured to end.
 */
function textTag(d: Draw): string {
  let x = d.x;
  let anchor = d.anchor;
  let content = esc(d.text);
  if ([...d.text].some(wideChar)) {
    const weight = d.weight ?? 400;
    const total = textWidth(d.text, d.size, weight);
    x = anchor === "middle" ? d.x - total / 2 : anchor === "end" ? d.x - total : d.x;
    if (anchor) anchor = "start";
    let at = x;
    content = scriptRuns(d.text)
      .map((run) => {
        const span = `<tspan x="${n(at)}"${run.wide ? ` font-family="${CJK_FONT_FAMILY}"` : ""}>${esc(run.text)}</tspan>`;
        at += textWidth(run.text, d.size, weight);
        return span;
      })
      .join("");
  }
  return `<text ${d.before} x="${n(x)}" y="${n(d.y)}" font-size="${d.size}"${anchor ? ` text-anchor="${anchor}"` : ""} fill="${d.fill}"${
    d.weight ? ` font-weight="${d.weight}"` : ""
  }>${content}</text>`;
}

function text(t: ChartText, fill: string, weight: 600 | 700 | undefined, role: string): string {
  return textTag({
    before: `class="${role}"`,
    x: t.x,
    y: t.y,
    size: t.size,
    anchor: t.anchor,
    fill,
    ...(weight ? { weight } : {}),
    text: t.text,
  });
}

/**
 * The one drawing of a share chart, as SVG markup: the page (with its hover on top), the embed,
 * the SVG image and the PNG (this SVG, rasterized) all show exactly this. Plain strings, so it
 * renders anywhere: route handlers, server components, the browser.
 */
export function chartSvg(l: ChartLayout, p: Palette, title: string, description?: string): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${l.width}" height="${l.height}" viewBox="0 0 ${l.width} ${l.height}" role="img" aria-label="${esc(title)}" font-family="${FONT_FAMILY}" style="display:block;max-width:100%;height:auto">`,
    `<title>${esc(title)}</title>`,
    description ? `<desc>${esc(description)}</desc>` : "",
  ];
  if (l.framed) out.push(`<rect width="${l.width}" height="${l.height}" fill="${p.bg}"/>`);
  for (const t of l.header)
    out.push(text(t, t.strong ? p.fg : p.muted, t.strong ? 700 : undefined, t.strong ? "title" : "subtitle"));
  if (l.demo)
    out.push(
      `<rect x="${n(l.demo.x)}" y="${n(l.demo.y)}" width="${n(l.demo.w)}" height="${l.demo.h}" rx="4" fill="${p.band}"/>`,
      text(l.demo.text, p.fg, 600, "demo"),
    );
  for (const item of l.legend)
    out.push(
      `<rect class="legend-swatch" data-series="${esc(item.key)}" x="${n(item.x)}" y="${n(item.y - 10)}" width="12" height="12" rx="2" fill="${item.color}"/>`,
      textTag({
        before: `class="legend" data-series="${esc(item.key)}"`,
        x: item.x + 18,
        y: item.y,
        size: 13,
        fill: p.fg,
        text: item.text,
      }),
    );
  for (const band of l.partial)
    out.push(
      `<rect x="${n(band.x)}" y="${n(l.plot.y)}" width="${n(band.w)}" height="${n(l.plot.h)}" fill="${p.grid}" opacity="0.45"><title>${esc(l.partialNote)}</title></rect>`,
    );
  for (const t of l.yTicks)
    out.push(
      `<line x1="${n(l.plot.x)}" x2="${n(l.plot.x + l.plot.w)}" y1="${n(t.y)}" y2="${n(t.y)}" stroke="${p.grid}" stroke-dasharray="3 3"/>`,
      textTag({
        before: `class="y-tick"`,
        x: l.plot.x - 8,
        y: t.y + 4,
        size: 12,
        anchor: "end",
        fill: p.muted,
        text: t.label,
      }),
    );
  for (const t of l.xTicks)
    out.push(
      textTag({
        before: `class="x-tick"`,
        x: t.x,
        y: l.plot.y + l.plot.h + 16,
        size: 12,
        anchor: t.anchor,
        fill: p.muted,
        text: t.label,
      }),
    );
  for (const a of l.areas)
    out.push(
      `<path class="series-area" data-series="${esc(a.key)}" d="${a.d}" fill="${a.color}" fill-opacity="0.8" stroke="${a.color}" stroke-width="0.5"/>`,
    );
  for (const x of new Set(l.annotations.map((a) => n(a.x))))
    out.push(
      `<line class="annotation" x1="${x}" x2="${x}" y1="${n(l.plot.y)}" y2="${n(l.plot.y + l.plot.h)}" stroke="${p.muted}" stroke-dasharray="1 3" stroke-linecap="round" opacity="0.8"/>`,
    );
  for (const c of l.crossovers)
    out.push(
      `<line class="crossover" x1="${n(c.x)}" x2="${n(c.x)}" y1="${n(l.plot.y)}" y2="${n(l.plot.y + l.plot.h)}" stroke="${p.fg}" stroke-dasharray="4 3"/>`,
    );
  for (const line of l.lines) {
    if (line.d)
      out.push(
        `<path class="series-line" data-series="${esc(line.key)}" d="${line.d}" fill="none" stroke="${line.color}" stroke-width="2.5" stroke-linejoin="round"/>`,
      );
    for (const d of line.dots)
      out.push(`<circle cx="${n(d.x)}" cy="${n(d.y)}" r="3.5" fill="${line.color}"/>`);
  }
  for (const t of l.crossoverLabel) out.push(text(t, p.fg, 600, "crossover-label"));
  for (const a of l.annotations)
    if (a.label && a.box)
      out.push(
        `<rect class="annotation-box" x="${n(a.box.x)}" y="${n(a.box.y)}" width="${n(a.box.w)}" height="${n(a.box.h)}" rx="2" fill="${p.bg}" opacity="0.9"/>`,
        text(a.label, p.muted, undefined, "annotation-label"),
      );
  for (const r of l.references)
    out.push(
      `<circle class="reference" cx="${n(r.x)}" cy="${n(r.y)}" r="5" fill="${p.bg}" stroke="${r.color}" stroke-width="2"/>`,
      text(r.label, p.muted, undefined, "reference-label"),
    );
  for (const e of l.endLabels)
    out.push(
      textTag({
        before: `class="end-label" data-series="${esc(e.key)}"`,
        x: e.x,
        y: e.y,
        size: 13,
        fill: e.color,
        weight: 600,
        text: e.text,
      }),
    );
  if (l.empty) out.push(text(l.empty, p.muted, undefined, "empty"));
  if (l.brush)
    out.push(
      `<g class="brush-track"><rect x="${n(l.brush.x)}" y="${n(l.brush.y)}" width="${n(l.brush.w)}" height="${n(l.brush.h)}" rx="3" fill="none" stroke="${p.grid}"/>`,
      `<rect x="${n(l.brush.x)}" y="${n(l.brush.y)}" width="8" height="${n(l.brush.h)}" rx="2" fill="${p.muted}"/>`,
      `<rect x="${n(l.brush.x + l.brush.w - 8)}" y="${n(l.brush.y)}" width="8" height="${n(l.brush.h)}" rx="2" fill="${p.muted}"/></g>`,
    );
  for (const t of l.footer) out.push(text(t, p.muted, undefined, "note"));
  out.push("</svg>");
  return out.join("");
}
