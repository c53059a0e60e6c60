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
// The server writes every locale: each translated table is made known (lib/i18n).
import "../i18n/all-translations";

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
/** resvg's Wasm and the Inter faces the SVG names, loaded once per process. */
function rasterizer(): Promise<Uint8Array[]> {
  ready ??= initWasm(fromPackage("@resvg/resvg-wasm/index_bg.wasm")).then(() =>
    ["400Regular/Inter_400Regular.ttf", "600SemiBold/Inter_600SemiBold.ttf", "700Bold/Inter_700Bold.ttf"].map(
      (f) => new Uint8Array(fromPackage(`@expo-google-fonts/inter/${f}`)),
    ),
  );
  return ready;
}

let cjk: Uint8Array[] | null = null;
/**
 * Noto Sans SC (Chinese ideographs, Japanese kana, full-width punctuation; ~10 MB a weight), read
 * only by a process that draws such text: the regular face, and the bold one for titles.
 */
function cjkFonts(): Uint8Array[] {
  cjk ??= ["400Regular/NotoSansSC_400Regular.ttf", "700Bold/NotoSansSC_700Bold.ttf"].map(
    (f) => new Uint8Array(fromPackage(`@expo-google-fonts/noto-sans-sc/${f}`)),
  );
  return cjk;
}

/** Characters Inter has no glyph for that a CJK face draws (text-metrics.ts counts them a full em). */
const CJK_TEXT = /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** An SVG of ours as PNG, with the fonts its text needs (resvg never reads the system's). */
export async function rasterizeSvg(svg: string): Promise<Uint8Array<ArrayBuffer>> {
  const fonts = [...(await rasterizer()), ...(CJK_TEXT.test(svg) ? cjkFonts() : [])];
  const resvg = new Resvg(svg, {
    font: { fontBuffers: fonts, defaultFontFamily: "Inter", loadSystemFonts: false },
  });
  return new Uint8Array(resvg.render().asPng());
}

/** Where an SVG of ours puts ink, as resvg draws it with the fonts it rasterizes with. */
export async function inkBox(
  svg: string,
): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const fonts = [...(await rasterizer()), ...(CJK_TEXT.test(svg) ? cjkFonts() : [])];
  const resvg = new Resvg(svg, {
    font: { fontBuffers: fonts, defaultFontFamily: "Inter", loadSystemFonts: false },
  });
  const box = resvg.getBBox();
  return box ? { x: box.x, y: box.y, width: box.width, height: box.height } : null;
}

/** The same SVG, rasterized (as OWID's grapher exports its PNGs): one drawing, two formats. */
export async function renderChartPng(
  result: ShareResult,
  chart: StaticChart,
): Promise<Uint8Array<ArrayBuffer>> {
  const model = chartModel(result, chart);
  // The description travels with the file: a CMS or screen reader that reads PNG text finds it.
  return withPngText(await rasterizeSvg(renderChartSvg(result, chart)), {
    Title: model.title,
    Description: chartDescription(model),
  });
}
