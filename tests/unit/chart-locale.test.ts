import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chartModel } from "@/lib/charts/chart-model";
import { chartLayout } from "@/lib/charts/layout";
import { referencesFor } from "@/lib/charts/references";
import { textWidth, wrapText } from "@/lib/charts/text-metrics";
import type { ShareResult } from "@/lib/domain/answers";
import type { Locale } from "@/lib/domain/locales";
import { REGIONS } from "@/lib/domain/regions";
import { shareAnswer } from "../helpers/share-answer";

const SERIES = REGIONS.map(({ key, label }) => ({ key, label }));

/**
 * New models' downloads by region over 20 months to Aug 2025: China rises from 10 % to 17.1 %,
 * the US falls from 20 % to 15.8 %, and China takes the lead in Feb 2025.
 */
function regionAnswer(): ShareResult {
  const result = shareAnswer(20, SERIES, (k, i) => {
    if (k === 0) return i === 19 ? 0.171 : 0.1 + (i * 0.07) / 19;
    if (k === 1) return i === 19 ? 0.158 : 0.2 - (i * 0.04) / 19;
    return [0.3, 0.238, 0.05][k - 2] ?? 0;
  });
  result.query.metric = "downloads";
  result.crossover = {
    between: ["CN", "US"],
    dates: [{ date: "2025-02-01", leader: "CN", previousLeader: "US" }],
  };
  return result;
}

/** Every text a chart shows, as the model writes it. */
function chartTexts(result: ShareResult, locale: Locale) {
  const model = chartModel(result, { mode: "lines", value: "share", locale });
  return {
    title: model.title,
    subtitle: model.subtitle,
    legend: model.series.map((s) => `${s.label} ${s.latest}`),
    yTicks: model.yTicks.map((t) => t.label),
    buckets: [model.buckets[0]?.label, model.buckets[8]?.label, model.buckets.at(-1)?.label],
    crossovers: model.crossovers.map((c) => c.text),
    references: referencesFor(result, model).map((r) => r.label),
    legendNote: model.legendNote,
    notes: model.notes,
    source: model.source,
    fixed: model.texts,
  };
}

const spaced = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("chart texts per locale", () => {
  it.each(["en", "de", "zh-CN", "ja"] as const)("%s", (locale) => {
    expect(chartTexts(regionAnswer(), locale)).toMatchSnapshot();
  });

  it("English reads as it always has", () => {
    const t = chartTexts(regionAnswer(), "en");
    expect(t.title).toBe("Share of downloads by country of origin");
    expect(t.legend.slice(0, 2)).toEqual(["China 17.1 %", "United States 15.8 %"]);
    expect(t.yTicks.at(-1)).toBe("30%");
    expect(t.buckets).toEqual(["Jan 2024", "Sep 2024", "Aug 2025"]);
    expect(t.crossovers).toEqual(["China passes the US, Feb 2025"]);
    expect(t.references).toContain("Study: China 17.1 %");
  });

  it("German: translated words, decimal commas, German months", () => {
    const t = chartTexts(regionAnswer(), "de");
    expect(t.title).toBe("Anteil an den Downloads nach Herkunftsland");
    expect(t.legend.slice(0, 2).map(spaced)).toEqual(["China 17,1 %", "Vereinigte Staaten 15,8 %"]);
    expect(spaced(t.yTicks.at(-1) ?? "")).toBe("30 %");
    expect(t.buckets).toEqual(["Jan. 2024", "Sept. 2024", "Aug. 2025"]);
    expect(t.crossovers).toEqual(["Neue Führung: China vor USA, Feb. 2025"]);
    expect(t.references.map(spaced)).toContain("Studie: China 17,1 %");
    expect(t.source).toMatch(/^Quelle: /);
  });

  it("Chinese: translated words, Chinese dates", () => {
    const t = chartTexts(regionAnswer(), "zh-CN");
    expect(t.title).toBe("按来源国划分的下载量份额");
    expect(t.legend.slice(0, 2)).toEqual(["中国 17.1%", "美国 15.8%"]);
    expect(t.buckets).toEqual(["2024年1月", "2024年9月", "2025年8月"]);
    expect(t.crossovers).toEqual(["中国超过美国，2025年2月"]);
  });

  it("Japanese: English words (no translation yet), Japanese numbers and dates", () => {
    const t = chartTexts(regionAnswer(), "ja");
    expect(t.title).toBe("Share of downloads by country of origin");
    expect(t.legend.slice(0, 2)).toEqual(["China 17.1%", "United States 15.8%"]);
    expect(t.buckets).toEqual(["2024年1月", "2024年9月", "2025年8月"]);
  });

  it("counts are compact in the locale's words", () => {
    const result = regionAnswer();
    const count = (locale: Locale) =>
      chartModel(result, { mode: "lines", value: "downloads", locale }).yTicks.map((t) => spaced(t.label));
    for (const point of result.points)
      for (const v of Object.values(point.values)) v.downloads = String(Number(v.downloads) * 100_000);
    expect(count("en").at(-1)).toBe("3M");
    expect(count("de").at(-1)).toBe("3 Mio.");
    expect(count("zh-CN").at(-1)).toBe("300万");
    expect(count("ja").at(-1)).toBe("300万");
  });

  it("country series are named by Intl in the locale", () => {
    const result = shareAnswer(
      3,
      [
        { key: "DE", label: "Germany" },
        { key: "UNKNOWN", label: "Unattributed" },
      ],
      () => 0.2,
    );
    result.query.groupBy = "country";
    const labels = (locale: Locale) =>
      chartModel(result, { mode: "lines", value: "share", locale }).series.map((s) => s.label);
    expect(labels("en")).toEqual(["Germany", "Unattributed"]);
    expect(labels("de")).toEqual(["Deutschland", "Nicht zugeordnet"]);
    expect(labels("zh-CN")).toEqual(["德国", "未归属"]);
    expect(labels("fr")).toEqual(["Allemagne", "Unattributed"]);
  });
});

describe("Chinese and Japanese lay out without collisions", () => {
  it("lines break between CJK characters, never before closing punctuation", () => {
    const lines = wrapText(
      "模型仅在发布不足 12 个月时计入下载量（占位创建日期的模型从不算新模型）。",
      11,
      120,
    );
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(textWidth(line, 11)).toBeLessThanOrEqual(120);
      expect(line).not.toMatch(/^[，。）]/);
    }
    expect(lines.join("").replace(/ /g, "")).toBe(
      "模型仅在发布不足 12 个月时计入下载量（占位创建日期的模型从不算新模型）。".replace(/ /g, ""),
    );
  });

  it("from 280 to 2400 px: nothing past the edge, no tick or legend item on another", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Locale>("zh-CN", "ja", "de"),
        fc.integer({ min: 280, max: 2400 }),
        fc.integer({ min: 240, max: 1600 }),
        (locale, width, height) => {
          const result = regionAnswer();
          const model = chartModel(result, { mode: "lines", value: "share", locale });
          const l = chartLayout(model, {
            width,
            height,
            framed: true,
            references: referencesFor(result, model),
          });
          for (const t of [...l.header, ...l.footer])
            expect(t.x + textWidth(t.text, t.size, t.strong ? 700 : 400), t.text).toBeLessThanOrEqual(
              width + 1,
            );
          const spans = l.xTicks.map((t) => {
            const w = textWidth(t.label, 12);
            const left = t.anchor === "start" ? t.x : t.anchor === "end" ? t.x - w : t.x - w / 2;
            return [left, left + w] as const;
          });
          for (const [left, right] of spans) {
            expect(left).toBeGreaterThanOrEqual(-1);
            expect(right).toBeLessThanOrEqual(width + 1);
          }
          for (let i = 1; i < spans.length; i++)
            expect((spans[i]?.[0] ?? 0) - (spans[i - 1]?.[1] ?? 0)).toBeGreaterThanOrEqual(8);
          const rows = new Map<number, { x: number; w: number }[]>();
          for (const item of l.legend) {
            expect(item.x + 18 + textWidth(item.text, 13)).toBeLessThanOrEqual(width + 1);
            rows.set(item.y, [...(rows.get(item.y) ?? []), { x: item.x, w: 18 + textWidth(item.text, 13) }]);
          }
          for (const row of rows.values())
            for (let i = 1; i < row.length; i++)
              expect(row[i]?.x ?? 0).toBeGreaterThanOrEqual((row[i - 1]?.x ?? 0) + (row[i - 1]?.w ?? 0));
          const ys = l.endLabels.map((e) => e.y).sort((a, b) => a - b);
          for (let i = 1; i < ys.length; i++)
            expect((ys[i] ?? 0) - (ys[i - 1] ?? 0)).toBeGreaterThanOrEqual(16);
        },
      ),
      { numRuns: 120 },
    );
  });
});
