import { describe, expect, it } from "vitest";
import { parseChartQuery } from "@/lib/api/chart-query";
import { CHART_STATE_VERSION, QUESTION_KEYS } from "@/lib/domain/chart-state";
import { activePreset, PRESETS, presetValues } from "@/lib/domain/presets";
import { REFERENCE_FIGURES } from "@/lib/domain/reference-figures";

describe.each(PRESETS.map((p) => [p.id, p] as const))("preset %s", (_id, preset) => {
  const params = new URLSearchParams(preset.query);

  it("is a current link the overview parses strictly, each switch as written", () => {
    expect(params.get("v")).toBe(String(CHART_STATE_VERSION));
    const { query, version } = parseChartQuery("page", params);
    expect(version).toBe(CHART_STATE_VERSION);
    for (const [key, text] of params) {
      if (key === "v") continue;
      expect(String(query[key as keyof typeof query]), key).toBe(text);
    }
    // The lenient reading the browser makes agrees with the strict one on every question.
    const values = presetValues(preset);
    for (const key of QUESTION_KEYS)
      expect(values[key as keyof typeof values], key).toEqual(query[key as keyof typeof query]);
  });

  it("says every switch it needs, so the API and the embed read the same question as the overview", () => {
    // The overview opens on other defaults (metric, cohort) than the other surfaces: a preset that
    // left one of them to the default would ask another question through its API link.
    const page = parseChartQuery("page", params).query;
    const api = new URLSearchParams(params);
    api.delete("v");
    const asApi = parseChartQuery("api", api).query;
    const asEmbed = parseChartQuery("embed", params).query;
    for (const key of QUESTION_KEYS) {
      expect(asApi[key as keyof typeof asApi], key).toEqual(page[key as keyof typeof page]);
      expect(asEmbed[key as keyof typeof asEmbed], key).toEqual(page[key as keyof typeof page]);
    }
  });

  it("is recognised, and by nothing else", () => {
    expect(activePreset(presetValues(preset))?.id).toBe(preset.id);
    // Changing a switch it sets leaves it.
    const values = presetValues(preset);
    const moved = {
      ...values,
      attribution: values.attribution === "developer" ? "lineage" : "developer",
    } as const;
    expect(activePreset(moved)?.id).not.toBe(preset.id);
    // Drawing other series keeps it (the figure still describes the chart's countries).
    expect(activePreset({ ...values, groupBy: "country", interval: "week" })?.id).toBe(preset.id);
  });

  it("names a source for each figure", () => {
    expect(preset.source.url).toMatch(/^https:\/\//);
    for (const f of preset.figures) {
      expect(f.share).toBeGreaterThan(0);
      expect(f.share).toBeLessThan(1);
      expect(f.label).toContain((f.share * 100).toFixed(1).replace(/\.0$/, ""));
    }
  });
});

describe("the study's preset", () => {
  it("asks what the study's reference figures describe, and quotes them", () => {
    const study = PRESETS.find((p) => p.id === "study");
    if (!study) throw new Error("no study preset");
    const values = presetValues(study);
    for (const figure of study.figures) {
      const ref = REFERENCE_FIGURES.find(
        (r) => r.series === figure.series && r.source.url === study.source.url,
      );
      expect(ref, figure.series).toBeDefined();
      expect(figure.share).toBe(ref?.share);
      expect(values.metric).toBe(ref?.metric);
      expect(values.cohort).toBe(ref?.cohort);
      expect(values.from).toBe(ref?.from);
      expect(values.to).toBe(ref?.to);
    }
    expect(values.attribution).toBe("developer");
    expect(values.population).toBe("study");
  });
});
