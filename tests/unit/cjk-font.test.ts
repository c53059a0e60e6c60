import { readFile } from "node:fs/promises";
import opentype from "opentype.js";
import { beforeAll, describe, expect, it } from "vitest";
import { FONT_FAMILY } from "@/lib/charts/layout";
import { rasterizeSvg } from "@/lib/charts/render";
import { textWidth } from "@/lib/charts/text-metrics";
import { isIsoCountry } from "@/lib/domain/countries";
import { TRANSLATIONS, translator } from "@/lib/i18n";
import { loadInter } from "@/tools/fonts/inter-metrics";

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
  const parts: string[] = [...Object.values(TRANSLATIONS["zh-CN"] ?? {}).map(String)];
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
