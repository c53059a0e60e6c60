import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { annotationsFor, type StoredAnnotation } from "@/lib/analytics/annotations";
import { chartModel } from "@/lib/charts/chart-model";
import { chartLayout, placeAnnotations, THEMES } from "@/lib/charts/layout";
import { chartSvg } from "@/lib/charts/svg";
import { textWidth } from "@/lib/charts/text-metrics";
import { annotationRegistryProblems, parseAnnotations } from "@/lib/origins/annotations-schema";
import { parseRegistry } from "@/lib/origins/registry-schema";
import { DEEPSEEK_R1, GGUF_COUNTED, handAnswer } from "../fixtures/share-answers";

const file = JSON.parse(readFileSync("lib/origins/annotations.json", "utf8")) as unknown;
const registry = parseRegistry(
  JSON.parse(readFileSync("lib/origins/registry.json", "utf8")),
  "registry.json",
);

describe("the annotations file", () => {
  it("is valid, and every release is of a lab of the registry, under one of that lab's namespaces", () => {
    const annotations = parseAnnotations(file, "annotations.json");
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotationRegistryProblems(annotations, registry)).toEqual([]);
    for (const a of annotations) {
      if (a.kind !== "release") continue;
      const lab = registry.labs.find((l) => l.slug === a.lab);
      expect(lab, a.id).toBeDefined();
      const namespace = a.model?.split("/")[0];
      expect(
        registry.organizations.some((o) => o.namespace === namespace && o.lab === a.lab),
        `${a.id}: ${a.model}`,
      ).toBe(true);
    }
  });

  it("lists real days, oldest first, each with an https source", () => {
    const annotations = parseAnnotations(file);
    for (const a of annotations) {
      expect(new Date(`${a.date}T00:00:00Z`).toISOString().slice(0, 10), a.id).toBe(a.date);
      expect(new URL(a.source).protocol, a.id).toBe("https:");
    }
    const dates = annotations.map((a) => a.date);
    expect(dates).toEqual([...dates].sort());
  });

  it("names every problem: a release without a model, a counting change with a lab, a duplicate id", () => {
    const release = {
      id: "x",
      date: "2025-01-01",
      kind: "release",
      lab: "qwen",
      model: null,
      label: "X",
      text: "X",
      source: "https://a.example",
    };
    const counting = { ...release, id: "y", kind: "counting-rule", lab: "qwen", model: null };
    expect(() =>
      parseAnnotations({ annotations: [release, counting, { ...release, model: "Qwen/X" }] }, "f.json"),
    ).toThrow(
      /annotations\.0\.model: a release names its lab and model[\s\S]*annotations\.1\.lab: a counting-rule change[\s\S]*annotations\.2\.id: duplicate id "x"/,
    );
    expect(
      annotationRegistryProblems(
        parseAnnotations({ annotations: [{ ...release, lab: "nolab", model: "Qwen/X" }] }),
        registry,
      ),
    ).toEqual(['x: no lab "nolab" in the registry']);
    expect(
      annotationRegistryProblems(
        parseAnnotations({ annotations: [{ ...release, model: "meta-llama/X" }] }),
        registry,
      ),
    ).toEqual(["x: meta-llama/X's namespace is not one of qwen's in the registry"]);
  });
});

describe("which annotations a chart shows", () => {
  const stored: StoredAnnotation[] = [
    { ...DEEPSEEK_R1, country: "CN" },
    { ...GGUF_COUNTED, country: null },
    { ...DEEPSEEK_R1, id: "llama", lab: "meta", model: "meta-llama/L", country: "US", date: "2025-02-01" },
    { ...DEEPSEEK_R1, id: "later", date: "2026-01-01", country: "CN" },
  ];
  const range = { from: "2025-01-01", to: "2025-12-31" };
  const ids = (groupBy: "region" | "country" | "lab" | "org", keys: string[]) =>
    annotationsFor(stored, { groupBy, ...range, series: keys.map((key) => ({ key })) }).map(
      (a) => `${a.id}:${a.series}`,
    );

  it.each([
    ["region", ["CN", "US"], ["deepseek-r1:CN", "hub-counts-gguf:null", "llama:US"]],
    ["region", ["US"], ["hub-counts-gguf:null", "llama:US"]],
    ["country", ["CN"], ["deepseek-r1:CN", "hub-counts-gguf:null"]],
    ["lab", ["meta", "other"], ["hub-counts-gguf:null", "llama:meta"]],
    ["org", ["deepseek-ai"], ["deepseek-r1:deepseek-ai", "hub-counts-gguf:null"]],
  ] as const)("grouped by %s with series %j: %j", (groupBy, keys, expected) => {
    expect(ids(groupBy, [...keys])).toEqual(expected);
  });
});

describe("markers on the plot", () => {
  it("labels never overlap one another nor leave the plot, at any width", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.double({ min: 0, max: 1, noNaN: true }),
            label: fc.string({ minLength: 1, maxLength: 24 }),
          }),
          { maxLength: 25 },
        ),
        fc.integer({ min: 60, max: 2000 }),
        fc.integer({ min: 60, max: 900 }),
        (items, w, h) => {
          const plot = { x: 40, y: 20, w, h };
          const placed = placeAnnotations(
            items.map((it, k) => ({ id: String(k), label: it.label, x: plot.x + it.at * w })),
            plot,
          );
          const boxes = placed.flatMap((p) => {
            if (!p.label) return [];
            const width = textWidth(p.label.text, p.label.size);
            const left = p.label.anchor === "start" ? p.label.x : p.label.x - width;
            return [{ left, right: left + width, y: p.label.y }];
          });
          for (const b of boxes) {
            expect(b.left).toBeGreaterThanOrEqual(plot.x - 1e-6);
            expect(b.right).toBeLessThanOrEqual(plot.x + plot.w + 1e-6);
            expect(b.y).toBeLessThanOrEqual(plot.y + plot.h);
            expect(b.y - 11).toBeGreaterThanOrEqual(plot.y);
          }
          for (const [i, a] of boxes.entries())
            for (const b of boxes.slice(i + 1))
              if (a.y === b.y) expect(a.right <= b.left || b.right <= a.left).toBe(true);
        },
      ),
    );
  });

  it("are drawn where the chart shows them, and not at all with annotations=off", () => {
    const answer = handAnswer({
      dates: ["2025-01-01", "2025-02-01", "2025-03-01"],
      series: [{ key: "CN", label: "China", color: "#D55E00", shares: [10, 15, 20] }],
      annotations: [DEEPSEEK_R1, GGUF_COUNTED],
    });
    const svg = (annotations: "on" | "off") => {
      const model = chartModel(answer, { mode: "lines", value: "share", annotations });
      return chartSvg(
        chartLayout(model, { width: 640, height: 360, framed: true }),
        THEMES.light,
        model.title,
      );
    };
    expect(svg("on").match(/class="annotation"/g)).toHaveLength(2);
    expect(svg("on")).toContain(">DeepSeek-R1</text>");
    expect(svg("on")).toContain(">Hub: GGUF counted</text>");
    expect(svg("off")).not.toContain("annotation");
  });
});
