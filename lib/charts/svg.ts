import { type ChartLayout, type ChartText, FONT_FAMILY } from "./layout";

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

function text(t: ChartText, fill: string, weight: number | undefined, role: string): string {
  return `<text class="${role}" x="${n(t.x)}" y="${n(t.y)}" font-size="${t.size}" text-anchor="${t.anchor}" fill="${fill}"${
    weight ? ` font-weight="${weight}"` : ""
  }>${esc(t.text)}</text>`;
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
      `<text class="legend" data-series="${esc(item.key)}" x="${n(item.x + 18)}" y="${n(item.y)}" font-size="13" fill="${p.fg}">${esc(item.text)}</text>`,
    );
  for (const band of l.partial)
    out.push(
      `<rect x="${n(band.x)}" y="${n(l.plot.y)}" width="${n(band.w)}" height="${n(l.plot.h)}" fill="${p.grid}" opacity="0.45"><title>Partial period: not every day of it is in the data</title></rect>`,
    );
  for (const t of l.yTicks)
    out.push(
      `<line x1="${n(l.plot.x)}" x2="${n(l.plot.x + l.plot.w)}" y1="${n(t.y)}" y2="${n(t.y)}" stroke="${p.grid}" stroke-dasharray="3 3"/>`,
      `<text class="y-tick" x="${n(l.plot.x - 8)}" y="${n(t.y + 4)}" font-size="12" text-anchor="end" fill="${p.muted}">${esc(t.label)}</text>`,
    );
  for (const t of l.xTicks)
    out.push(
      `<text class="x-tick" x="${n(t.x)}" y="${n(l.plot.y + l.plot.h + 16)}" font-size="12" text-anchor="${t.anchor}" fill="${p.muted}">${esc(t.label)}</text>`,
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
        text(a.label, p.muted, 500, "annotation-label"),
      );
  for (const r of l.references)
    out.push(
      `<circle class="reference" cx="${n(r.x)}" cy="${n(r.y)}" r="5" fill="${p.bg}" stroke="${r.color}" stroke-width="2"/>`,
      text(r.label, p.muted, undefined, "reference-label"),
    );
  for (const e of l.endLabels)
    out.push(
      `<text class="end-label" data-series="${esc(e.key)}" x="${n(e.x)}" y="${n(e.y)}" font-size="13" fill="${e.color}" font-weight="600">${esc(e.text)}</text>`,
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
