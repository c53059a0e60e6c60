import { readFile } from "node:fs/promises";
import opentype from "opentype.js";
import { beforeAll, describe, expect, it } from "vitest";
import { FONT_FAMILY } from "@/lib/charts/layout";
import { inkBox, rasterizeSvg, renderChartSvg } from "@/lib/charts/render";
import { textWidth } from "@/lib/charts/text-metrics";
import { isIsoCountry } from "@/lib/domain/countries";
import { REGIONS } from "@/lib/domain/regions";
import { translator } from "@/lib/i18n";
import { ALL_TRANSLATIONS } from "@/lib/i18n/all-translations";
import { loadInter } from "@/tools/fonts/inter-metrics";
import { shareAnswer } from "../helpers/share-answer";

const SERIES = REGIONS.map(({ key, label }) => ({ key, label }));

async function loadFont(file: string): Promise<opentype.Font> {
  const bytes = await readFile(file);
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

const CODES = Array.from({ length: 26 * 26 }, (_, i) =>
  String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)),
).filter(isIsoCountry);
const MONTHS = Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, "0")}-01`);

/** Every character a Chinese or Japanese chart can draw: messages, dates, numbers, country names. */
function cjkChartText(): string {
  const parts: string[] = [...Object.values(ALL_TRANSLATIONS["zh-CN"] ?? {}).map(String)];
  for (const locale of ["zh-CN", "ja"] as const) {
    const tr = translator(locale);
    parts.push(...MONTHS.flatMap((d) => [tr.month(d), tr.day(d)]), tr.count(123456789), tr.share(0.171));
    parts.push(...CODES.map((c) => tr.country(c)));
  }
  return parts.join("");
}

describe("Chinese and Japanese in the PNG: Noto Sans SC, measured a full em", () => {
  let inter: opentype.Font;
  let noto: opentype.Font;
  beforeAll(async () => {
    inter = await loadInter(400);
    noto = await loadFont(
      "node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
    );
  }, 60_000);

  it("every character Inter lacks is in Noto Sans SC, a full em wide as text-metrics counts it", () => {
    const lacking = [...new Set(cjkChartText())].filter((ch) => inter.charToGlyphIndex(ch) === 0);
    expect(lacking.length).toBeGreaterThan(100);
    const tofu = lacking.filter((ch) => noto.charToGlyphIndex(ch) === 0);
    expect(tofu, "characters neither font draws").toEqual([]);
    for (const ch of lacking) {
      const em = (noto.charToGlyph(ch).advanceWidth ?? 0) / noto.unitsPerEm;
      expect(textWidth(ch, 10), `${ch} U+${ch.codePointAt(0)?.toString(16)}`).toBeCloseTo(em * 10, 5);
    }
  });

  it("the rasterizer draws each character as its own glyph, not a box", async () => {
    const png = (text: string) =>
      rasterizeSvg(
        `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" font-family="${FONT_FAMILY}"><rect width="40" height="40" fill="#fff"/><text x="4" y="30" font-size="28">${text}</text></svg>`,
      );
    const [blank, zhong, guo, kana] = await Promise.all([png(""), png("中"), png("国"), png("カ")]);
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
    // A missing glyph is drawn as nothing or as one .notdef box: either way, two characters alike.
    for (const drawn of [zhong, guo, kana]) expect(same(drawn, blank)).toBe(false);
    expect(same(zhong, guo)).toBe(false);
    expect(same(guo, kana)).toBe(false);
  }, 60_000);
});

describe("mixed Chinese and Latin lines end where the layout measured them", () => {
  it("every text of a zh-CN and a ja chart, drawn by resvg, stays inside its measured box", async () => {
    const result = shareAnswer(20, SERIES, (k, i) =>
      k === 0 ? 0.1 + i * 0.004 : k === 1 ? 0.2 - i * 0.002 : 0.1,
    );
    result.crossover = {
      between: ["CN", "US"],
      dates: [{ date: "2025-02-01", leader: "CN", previousLeader: "US" }],
    };
    let checked = 0;
    // A reader's own title mixing Chinese and digits: where the faces' Latin widths differ most.
    const cases = [
      { locale: "zh-CN", title: undefined },
      { locale: "ja", title: undefined },
      { locale: "zh-CN", title: "中国 2025 年 11111111 · 111111" },
    ] as const;
    for (const { locale, title } of cases) {
      const svg = renderChartSvg(result, {
        mode: "lines",
        value: "share",
        theme: "light",
        width: 900,
        height: 520,
        locale,
        title,
      });
      const texts = [...svg.matchAll(/<text ([^>]*)>(.*?)<\/text>/g)].filter(([, , body]) =>
        body?.includes("<tspan"),
      );
      expect(texts.length).toBeGreaterThan(title ? 0 : 5);
      for (const [element, attrs = "", body = ""] of texts) {
        const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1];
        const size = Number(attr("font-size"));
        const weight = Number(attr("font-weight") ?? 400) as 400 | 600 | 700;
        const content = body
          .replace(/<[^>]+>/g, "")
          .replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c)));
        const start = Number(/<tspan x="([^"]+)"/.exec(body)?.[1]);
        const box = await inkBox(
          `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="520" font-family="${FONT_FAMILY}">${element}</svg>`,
        );
        expect(box, content).not.toBeNull();
        // Glyphs' ink sits inside their advances, bar a hair of overhang.
        expect(box?.x ?? 0, content).toBeGreaterThanOrEqual(start - 1.5);
        expect((box?.x ?? 0) + (box?.width ?? 0), content).toBeLessThanOrEqual(
          start + textWidth(content, size, weight) + 1.5,
        );
        // Drawn in the measured faces: not narrower than three quarters of the measure either.
        expect(box?.width ?? 0, content).toBeGreaterThan(textWidth(content.trim(), size, weight) * 0.75);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  }, 120_000);
});
