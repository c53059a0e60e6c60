import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INTER_RANGES, INTER_WIDTHS } from "@/lib/charts/inter-metrics";
import { fitText, textWidth, wrapText } from "@/lib/charts/text-metrics";
import { encodeWidths, loadInter, RANGES, WEIGHTS } from "@/tools/fonts/inter-metrics";

const weights = Object.keys(WEIGHTS).map(Number) as (keyof typeof WEIGHTS)[];

describe("text is measured with Inter's own advance widths", () => {
  it("lib/charts/inter-metrics.ts is the current export of the TTFs the PNGs are drawn with", async () => {
    expect(INTER_RANGES).toEqual(RANGES);
    for (const weight of weights)
      expect(INTER_WIDTHS[weight], `weight ${weight}`).toBe(encodeWidths(await loadInter(weight)));
  });

  it("a label's width is its glyphs' advances as the font file has them, kerning aside", async () => {
    const labels = [
      "China 17.1 %",
      "United States 15.8 %",
      "International / online 23.8 %",
      "Côte d’Ivoire – 0.4 %",
      "DeepSeek passes Meta, Aug 2025",
      "Ζ Москва 12",
    ];
    for (const weight of weights) {
      const font = await loadInter(weight);
      for (const label of labels) {
        let units = 0;
        for (const ch of label) units += font.charToGlyph(ch).advanceWidth ?? 0;
        const expected = (units / font.unitsPerEm) * 13;
        // Widths are stored to a thousandth of an em: 0.013 px per glyph at 13 px.
        expect(Math.abs(textWidth(label, 13, weight) - expected), `${label} at ${weight}`).toBeLessThan(0.5);
      }
    }
  });

  it("bold is wider than regular; East Asian text takes a full em a character", () => {
    expect(textWidth("Qwen", 13, 700)).toBeGreaterThan(textWidth("Qwen", 13, 400));
    expect(textWidth("通义千问", 10)).toBeCloseTo(40, 5);
  });

  it("fitting and wrapping never exceed the width they are given", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom("China", "United", "States", "DeepSeek-R1-Distill-Qwen-32B", "—", "17.1 %", "Ω"),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        fc.integer({ min: 60, max: 600 }),
        (words, width) => {
          const text = words.join(" ");
          expect(textWidth(fitText(text, 13, width), 13)).toBeLessThanOrEqual(width + 13);
          for (const line of wrapText(text, 11, width))
            if (line.includes(" ")) expect(textWidth(line, 11)).toBeLessThanOrEqual(width);
        },
      ),
    );
  });
});
