import { type ChartGeometry, THEMES, type Theme } from "./layout";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A complete chart as standalone SVG: title, axes, legend, crossover and source line. */
export function renderSvgChart(g: ChartGeometry, theme: Theme): string {
  const t = THEMES[theme];
  const font = `font-family="Inter, Helvetica, Arial, sans-serif"`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${g.height}" viewBox="0 0 ${g.width} ${g.height}" role="img" aria-label="${esc(g.title)}">`,
    `<title>${esc(g.title)}</title>`,
    `<rect width="100%" height="100%" fill="${t.bg}"/>`,
    `<text x="20" y="32" ${font} font-size="20" font-weight="700" fill="${t.fg}">${esc(g.title)}</text>`,
    `<text x="20" y="54" ${font} font-size="13" fill="${t.muted}">${esc(g.subtitle)}</text>`,
  ];
  for (const tick of g.yTicks) {
    parts.push(
      `<line x1="${g.plot.x}" x2="${g.plot.x + g.plot.w}" y1="${tick.y.toFixed(1)}" y2="${tick.y.toFixed(1)}" stroke="${t.grid}" stroke-dasharray="3 3"/>`,
      `<text x="${g.plot.x - 8}" y="${(tick.y + 4).toFixed(1)}" ${font} font-size="12" text-anchor="end" fill="${t.muted}">${esc(tick.label)}</text>`,
    );
  }
  for (const tick of g.xTicks) {
    parts.push(
      `<text x="${tick.x.toFixed(1)}" y="${g.plot.y + g.plot.h + 18}" ${font} font-size="12" text-anchor="middle" fill="${t.muted}">${esc(tick.label)}</text>`,
    );
  }
  for (const c of g.crossovers) {
    parts.push(
      `<line x1="${c.x.toFixed(1)}" x2="${c.x.toFixed(1)}" y1="${g.plot.y}" y2="${g.plot.y + g.plot.h}" stroke="${t.fg}" stroke-dasharray="4 3"/>`,
    );
  }
  const last = g.crossovers.at(-1);
  if (last) {
    parts.push(
      `<text x="${(last.x - 4).toFixed(1)}" y="${g.plot.y + 14}" ${font} font-size="12" text-anchor="end" fill="${t.fg}">${esc(last.label)}</text>`,
    );
  }
  for (const s of g.series) {
    if (s.path)
      parts.push(
        `<path d="${s.path}" fill="none" stroke="${s.color}" stroke-width="2.5" stroke-linejoin="round"/>`,
      );
  }
  if (g.empty) {
    parts.push(
      `<text x="${g.plot.x + g.plot.w / 2}" y="${g.plot.y + g.plot.h / 2}" ${font} font-size="14" text-anchor="middle" fill="${t.muted}">No data for this selection</text>`,
    );
  }
  const perRow = Math.max(1, Math.floor((g.width - 40) / 190));
  g.series.forEach((s, i) => {
    const x = 20 + (i % perRow) * 190;
    const y = g.plot.y + g.plot.h + 40 + Math.floor(i / perRow) * 22;
    parts.push(
      `<rect x="${x}" y="${y - 10}" width="12" height="12" rx="2" fill="${s.color}"/>`,
      `<text x="${x + 18}" y="${y}" ${font} font-size="13" fill="${t.fg}">${esc(`${s.label} ${s.share}`)}</text>`,
    );
  });
  parts.push(
    `<text x="20" y="${g.height - 12}" ${font} font-size="12" fill="${t.muted}">${esc(g.source)}</text>`,
    "</svg>",
  );
  return parts.join("");
}
