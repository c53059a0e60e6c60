import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chartModel, niceTicks } from "@/lib/charts/chart-model";
import { findingOf } from "@/lib/charts/finding";
import { chartLayout } from "@/lib/charts/layout";
import { CSS_PALETTE, chartSvg } from "@/lib/charts/svg";
import { textWidth } from "@/lib/charts/text-metrics";
import { REGIONS as REGION_BUCKETS } from "@/lib/domain/regions";

import { shareAnswer as answer } from "../helpers/share-answer";

/** The region series as an answer names them. */
const REGIONS = REGION_BUCKETS.map(({ key, label }) => ({ key, label }));

describe("the chart model", () => {
  it("ticks never repeat a label, whatever the range", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1e12, noNaN: true }), (max) => {
        const { top, ticks } = niceTicks(max);
        expect(top).toBeGreaterThanOrEqual(max * 0.999);
        expect(new Set(ticks.map(String)).size).toBe(ticks.length);
        expect(ticks.length).toBeGreaterThanOrEqual(3);
      }),
    );
    const small = chartModel(
      answer(12, REGIONS, (k) => [0.012, 0.008, 0.004, 0.002, 0.001][k] ?? 0),
      { mode: "lines", value: "share" },
    );
    expect(new Set(small.yTicks.map((t) => t.label)).size).toBe(small.yTicks.length);
  });

  it("the legend shows the latest value and says so; stacked bands add up; demo and notes travel", () => {
    const model = chartModel(
      answer(6, REGIONS, (k, i) => (k === 0 ? 0.1 + i / 100 : 0.2)),
      { mode: "stacked", value: "share" },
    );
    expect(model.series[0]?.latest).toBe("15.0 %");
    expect(model.legendNote).toMatch(/^Latest /);
    expect(model.series.at(-1)?.band.at(-1)?.[1]).toBeCloseTo(95, 5);
    expect(model.demo).toBe(true);
    expect(model.notes).toMatch(/New models \(first 12 months\)/);
    expect(model.notes).toMatch(/Unattributed: namespaces not \(yet\) in the origin registry/);
  });

  it("lays out without a text past the edge or an end label on another, from 280 to 2400 px", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 280, max: 2400 }),
        fc.integer({ min: 240, max: 1600 }),
        fc.integer({ min: 1, max: 40 }),
        (width, height, n) => {
          const model = chartModel(
            answer(n, REGIONS, (k, i) => (((k + 1) * (i + 3)) % 7) / 30),
            { mode: "lines", value: "share" },
          );
          const l = chartLayout(model, { width, height, framed: true });
          for (const t of [...l.header, ...l.footer])
            expect(t.x + textWidth(t.text, t.size, t.strong ? 700 : 400)).toBeLessThanOrEqual(width + 1);
          for (const item of l.legend)
            expect(item.x + 18 + textWidth(item.text, 13)).toBeLessThanOrEqual(width + 1);
          for (const t of l.xTicks) {
            const w = textWidth(t.label, 12);
            const left = t.anchor === "start" ? t.x : t.anchor === "end" ? t.x - w : t.x - w / 2;
            expect(left).toBeGreaterThanOrEqual(-1);
            expect(left + w).toBeLessThanOrEqual(width + 1);
          }
          const ys = l.endLabels.map((e) => e.y).sort((a, b) => a - b);
          for (let i = 1; i < ys.length; i++)
            expect((ys[i] ?? 0) - (ys[i - 1] ?? 0)).toBeGreaterThanOrEqual(16);
          // Tick labels side by side never touch; legend items neither, row by row.
          const spans = l.xTicks.map((t) => {
            const w = textWidth(t.label, 12);
            const left = t.anchor === "start" ? t.x : t.anchor === "end" ? t.x - w : t.x - w / 2;
            return [left, left + w] as const;
          });
          for (let i = 1; i < spans.length; i++)
            expect((spans[i]?.[0] ?? 0) - (spans[i - 1]?.[1] ?? 0)).toBeGreaterThanOrEqual(8);
          const rows = new Map<number, { x: number; w: number }[]>();
          for (const item of l.legend)
            rows.set(item.y, [...(rows.get(item.y) ?? []), { x: item.x, w: 18 + textWidth(item.text, 13) }]);
          for (const row of rows.values())
            for (let i = 1; i < row.length; i++)
              expect(row[i]?.x ?? 0).toBeGreaterThanOrEqual((row[i - 1]?.x ?? 0) + (row[i - 1]?.w ?? 0));
          expect(chartSvg(l, CSS_PALETTE, model.title)).toMatch(/^<svg[^>]+width="\d+"/);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("a lone value is drawn as a point; an empty selection says so", () => {
    const sparse = chartModel(
      answer(5, REGIONS.slice(0, 2), (_k, i) => (i === 4 ? 0.3 : null)),
      { mode: "lines", value: "share" },
    );
    const l = chartLayout(sparse, { width: 800, height: 400, framed: false });
    expect(l.lines[0]?.dots).toHaveLength(1);
    const empty = chartModel(
      answer(5, REGIONS.slice(0, 2), () => null),
      { mode: "lines", value: "share" },
    );
    expect(chartLayout(empty, { width: 800, height: 400, framed: false }).empty?.text).toMatch(
      /No downloads/,
    );
  });

  it("the finding names the leader with its figures, in readers' words", () => {
    const result = answer(3, REGIONS, (k) => [0.171, 0.158, 0.3, 0.1, 0.271][k] ?? 0);
    expect(findingOf(result)).toBe(
      "New models (first 12 months): China leads the US: 17.1 % vs 15.8 % in Mar 2024.",
    );
    result.crossover = {
      between: ["CN", "US"],
      dates: [{ date: "2024-02-01", leader: "CN", previousLeader: "US" }],
    };
    expect(findingOf(result)).toBe(
      "New models (first 12 months): China passed the US in Feb 2024 — 17.1 % vs 15.8 % in Mar 2024.",
    );
  });
});
