import type { ShareResult } from "../domain/answers";
import { sentenceGap, type Translator, translator } from "../i18n";
import { chartDescription } from "./alt-text";
import { bucketLabel, type ChartModel, type ChartPresentation, chartModel } from "./chart-model";
import { chartLayout, FONT_FAMILY, THEMES, type Theme } from "./layout";
import { referencesFor } from "./references";
import { chartSvg } from "./svg";
// The server writes every locale: each translated table is made known (lib/i18n).
import "../i18n/all-translations";

export type EmbedOptions = {
  presentation: ChartPresentation & { theme: Theme; height?: number | undefined };
  links: { page: string; csv: string; png: string; zip: string };
  stale: boolean;
  siteName: string;
};

/** Widths the chart is drawn at; CSS shows the one that fits the iframe (no script needed). */
const WIDTHS = [360, 640, 960] as const;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A chart made to be framed, as one HTML document: header, a demo banner as visible as the site's,
 * tabs Chart / Table (radio buttons and CSS, no script), the definitions in play, source and date,
 * downloads, a link back to the same view. The same URL and data version give the same bytes (no
 * nonce, no inline script), so CDNs can serve it; one same-origin script reports its height.
 */
export function embedDocument(result: ShareResult, options: EmbedOptions): string {
  const { presentation, links, stale, siteName } = options;
  const model = chartModel(result, presentation);
  const tr = translator(model.locale);
  const t = THEMES[presentation.theme];
  const chartHeight = presentation.height ?? 420;
  const references = referencesFor(result, model);
  const description = chartDescription(model);
  // Only the drawing that fits is displayed: its <desc> is the one read out.
  const charts = WIDTHS.map(
    (width) =>
      `<div class="w w${width}">${chartSvg(chartLayout(model, { width, height: chartHeight, framed: false, references }), t, model.title, description)}</div>`,
  ).join("");
  const events = model.annotations.length ? `<p class="muted small events">${eventLinks(model, tr)}</p>` : "";
  const rows = result.points
    .filter((p) => p.asOf !== null)
    .map(
      (p) =>
        `<tr><th scope="row">${esc(bucketLabel(p.date, result.query.interval, tr))}</th>${result.series
          .map(
            (s) =>
              `<td title="${esc(tr.t("embed.downloads", { count: tr.exact(p.values[s.key]?.downloads) }))}">${esc(tr.share(p.values[s.key]?.share))}</td>`,
          )
          .join("")}</tr>`,
    )
    .join("");
  const table = `<div class="table-scroll"><table><caption class="visually-hidden">${esc(tr.t("embed.perPeriod", { title: model.title }))}</caption><thead><tr><th scope="col">${esc(tr.t("embed.period"))}</th>${model.series
    .map((s) => `<th scope="col">${esc(s.label)}</th>`)
    .join("")}</tr></thead><tbody>${rows}</tbody></table></div>`;
  // The charts are laid out with Inter's metrics (lib/charts/text-metrics.ts): the embed draws in Inter too.
  const css = `@font-face{font-family:Inter;font-style:normal;font-weight:100 900;font-display:swap;src:url(/fonts/inter-latin.woff2) format("woff2");unicode-range:U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD}
@font-face{font-family:Inter;font-style:normal;font-weight:100 900;font-display:swap;src:url(/fonts/inter-latin-ext.woff2) format("woff2");unicode-range:U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF}
:root{color-scheme:${presentation.theme}}
*{box-sizing:border-box}html,body{margin:0;background:${t.bg};color:${t.fg};font:14px/1.45 ${FONT_FAMILY}}
main{padding:10px 12px 8px}h1{font-size:17px;margin:0 0 2px;line-height:1.3}p{margin:4px 0}.muted{color:${t.muted}}.small{font-size:12px}
a{color:inherit}.demo{background:${t.band};border-radius:6px;padding:6px 10px;font-weight:600;margin:6px 0}
.tabs{display:flex;gap:6px;margin:8px 0 6px;flex-wrap:wrap;align-items:center}.tabs label{border:1px solid ${t.grid};border-radius:6px;padding:3px 10px;cursor:pointer;font-size:13px}
.tabs .dl{margin-left:auto}.tabs a{font-size:13px}
input[name=tab]{position:absolute;opacity:0}#tab-chart:checked~.tabs label[for=tab-chart],#tab-table:checked~.tabs label[for=tab-table]{background:${t.fg};color:${t.bg}}
#tab-chart:focus-visible~.tabs label[for=tab-chart],#tab-table:focus-visible~.tabs label[for=tab-table]{outline:2px solid ${t.fg};outline-offset:2px}
.panel{display:none}#tab-chart:checked~.chart,#tab-table:checked~.table{display:block}
.w{display:none}.w360{display:block}@media (min-width:560px){.w360{display:none}.w640{display:block}}@media (min-width:860px){.w640{display:none}.w960{display:block}}
.table-scroll{overflow:auto;max-height:${chartHeight}px}table{border-collapse:collapse;font-size:12px;width:100%}th,td{padding:3px 6px;border-bottom:1px solid ${t.grid};text-align:right;white-space:nowrap}th:first-child{text-align:left;font-weight:400}thead th{font-weight:600}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}`;
  return `<!doctype html><html lang="${tr.lang}" data-theme="${presentation.theme}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${esc(model.title)}</title><style>${css}</style></head><body><main>
<h1>${esc(model.title)}</h1>
<p class="muted small">${esc(model.subtitle)}${stale ? ` · ${esc(tr.t("embed.stale"))}` : ""}</p>
${model.demo ? `<p class="demo" role="note">${esc(tr.t("embed.demo"))}</p>` : ""}
<input type="radio" name="tab" id="tab-chart" checked aria-label="${esc(tr.t("embed.tab.chart"))}"><input type="radio" name="tab" id="tab-table" aria-label="${esc(tr.t("embed.tab.table"))}">
<div class="tabs"><label for="tab-chart">${esc(tr.t("embed.tab.chart"))}</label><label for="tab-table">${esc(tr.t("embed.tab.table"))}</label><a class="dl" href="${esc(links.csv)}" download>CSV</a><a href="${esc(links.png)}" download>PNG</a><a href="${esc(links.zip)}" download>${esc(tr.t("embed.download.zip"))}</a></div>
<div class="panel chart" role="group" aria-label="${esc(model.title)}" aria-describedby="chart-description">${charts}<p id="chart-description" class="visually-hidden">${esc(description)}</p></div>
<div class="panel table">${table}</div>
${events}
<p class="muted small"><span class="chart-notes">${esc(model.notes)}</span>${sentenceGap(model.notes)}${esc(tr.t("embed.legendNote", { note: model.legendNote }))}</p>
<p class="muted small">${esc(model.source)} · <a href="${esc(links.page)}" target="_blank" rel="noopener">${esc(tr.t("embed.open", { site: siteName }))}</a></p>
</main><script src="/embed-frame.js" async></script></body></html>`;
}

/**
 * The events marked on the chart as links to their sources, in the chart's language: the
 * messages' own text is fixed markup-free wording, the values put into it are escaped here.
 */
function eventLinks(model: ChartModel, tr: Translator): string {
  const events = model.annotations.map((a) =>
    tr.t("chart.event", {
      label: `<a href="${esc(a.source)}" target="_blank" rel="noopener" title="${esc(a.text)}">${esc(a.label)}</a>`,
      date: esc(bucketLabel(a.date, "day", tr)),
    }),
  );
  return tr.t("embed.marked", { events: events.join(" · ") });
}
