import type { ChartModel } from "./chart-model";
import { type ChartLayout, chartLayout, type LayoutOptions } from "./layout";
import { CSS_PALETTE, chartSvg } from "./svg";

/**
 * The sizes a page's chart is drawn at before its script runs, smallest first: the chart's box
 * keeps the shown drawing's proportions (app/globals.css, `.plot-box`), so the interactive chart
 * that takes over later fills the same box, and nothing below it moves.
 */
export const PAGE_PLOT_SIZES = [
  { name: "s", width: 360, height: 300 },
  { name: "m", width: 640, height: 320 },
  { name: "l", width: 960, height: 380 },
] as const;

/** Room under a page chart's x axis for its brush. */
export const PAGE_BRUSH_HEIGHT = 34;

type References = LayoutOptions["references"];

/** A page chart's layout at a size: no legend (the page writes it above) and room for the brush. */
export function pagePlotLayout(
  model: ChartModel,
  size: { width: number; height: number },
  references: References,
  brush = true,
): ChartLayout {
  return chartLayout(model, {
    ...size,
    framed: false,
    legend: false,
    brush: brush ? PAGE_BRUSH_HEIGHT : 0,
    references,
  });
}

/** The still drawings of a page chart, one per size, in the site's colours (CSS variables). */
export function pagePlotSvgs(model: ChartModel, references: References, brush = true) {
  return PAGE_PLOT_SIZES.map((size) => ({
    name: size.name,
    svg: chartSvg(pagePlotLayout(model, size, references, brush), CSS_PALETTE, model.title),
  }));
}
