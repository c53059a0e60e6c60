import { readFileSync } from "node:fs";
import path from "node:path";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import type { ShareResult } from "../domain/answers";
import { chartDescription } from "./alt-text";
import { type ChartPresentation, chartModel } from "./chart-model";
import { chartLayout, THEMES, type Theme } from "./layout";
import { withPngText } from "./png-text";
import { referencesFor } from "./references";
import { chartSvg } from "./svg";

export type StaticChart = ChartPresentation & { theme: Theme; width: number; height: number };

/** A share chart as a standalone SVG document: title, legend, notes and source inside. */
export function renderChartSvg(result: ShareResult, chart: StaticChart): string {
  const model = chartModel(result, chart);
  const layout = chartLayout(model, {
    width: chart.width,
    height: chart.height,
    framed: true,
    references: referencesFor(result, model),
  });
  return chartSvg(layout, THEMES[chart.theme], model.title, chartDescription(model));
}

const fromPackage = (file: string) =>
  readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", file));

let ready: Promise<Uint8Array[]> | null = null;
/** resvg's Wasm and the fonts the SVG names, loaded once per process. */
function rasterizer(): Promise<Uint8Array[]> {
  ready ??= initWasm(fromPackage("@resvg/resvg-wasm/index_bg.wasm")).then(() =>
    ["400Regular/Inter_400Regular.ttf", "600SemiBold/Inter_600SemiBold.ttf", "700Bold/Inter_700Bold.ttf"].map(
      (f) => new Uint8Array(fromPackage(`@expo-google-fonts/inter/${f}`)),
    ),
  );
  return ready;
}

/** The same SVG, rasterized (as OWID's grapher exports its PNGs): one drawing, two formats. */
export async function renderChartPng(
  result: ShareResult,
  chart: StaticChart,
): Promise<Uint8Array<ArrayBuffer>> {
  const fonts = await rasterizer();
  const model = chartModel(result, chart);
  const resvg = new Resvg(renderChartSvg(result, chart), {
    font: { fontBuffers: fonts, defaultFontFamily: "Inter", loadSystemFonts: false },
  });
  // The description travels with the file: a CMS or screen reader that reads PNG text finds it.
  return withPngText(resvg.render().asPng(), {
    Title: model.title,
    Description: chartDescription(model),
  });
}
