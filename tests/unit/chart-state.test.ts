import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { embedQuerySchema, imageQuerySchema } from "@/lib/api/image-query";
import { CHART_MODES, CHART_VALUES } from "@/lib/charts/chart-model";
import {
  type ChartState,
  chartUrl,
  emptyChartState,
  parseChartState,
  shareParams,
  VIEWS,
  withOverviewDefaults,
} from "@/lib/charts/chart-state";
import { ATTRIBUTION_IDS, DERIVATIVE_IDS, GROUP_BY_IDS, INTERVAL_IDS } from "@/lib/domain/dimensions";
import { METRIC_IDS } from "@/lib/domain/metrics";
import { shareQuerySchema } from "@/lib/domain/share-query";

const day = fc
  .date({ min: new Date("2020-01-01"), max: new Date("2026-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const option = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/);

/** Chart states the zod schemas accept: every key, present or absent. */
const states: fc.Arbitrary<ChartState> = fc.record({
  metric: option(fc.constantFrom(...METRIC_IDS)),
  // labs= and countries= select series of these groupings (the API refuses them by region).
  groupBy: fc.constantFrom("lab" as const, "org" as const),
  interval: option(fc.constantFrom(...INTERVAL_IDS)),
  from: option(fc.constant("2024-01-01")),
  to: option(day.filter((d) => d >= "2024-01-01")),
  labs: option(fc.array(slug, { minLength: 1, maxLength: 4 })),
  countries: option(
    fc.array(fc.constantFrom("CN", "US", "FR", "INTL", "UNKNOWN"), { minLength: 1, maxLength: 3 }),
  ),
  task: option(fc.constantFrom("text-generation", "feature-extraction")),
  library: option(fc.constantFrom("transformers", "gguf")),
  cohort: option(fc.constantFrom("all", "new-12m", "created-2024")),
  attribution: option(fc.constantFrom(...ATTRIBUTION_IDS)),
  derivatives: option(fc.constantFrom(...DERIVATIVE_IDS)),
  population: option(fc.constantFrom("hub" as const, "study" as const)),
  top: option(fc.integer({ min: 1, max: 50 })),
  crossover: option(fc.constant(["CN", "US"])),
  mode: option(fc.constantFrom(...CHART_MODES)),
  value: option(fc.constantFrom(...CHART_VALUES)),
  view: option(fc.constantFrom(...VIEWS)),
  title: option(fc.constantFrom("China vs the US", "Labs, compared & more")),
  theme: option(fc.constantFrom("light" as const, "dark" as const)),
});

const paramsOf = (url: string) => new URLSearchParams(url.split("?")[1] ?? "");

describe("one chart state, one codec", () => {
  it("state → page URL → state, for every state", () => {
    fc.assert(
      fc.property(states, (state) => {
        const page = { ...state, title: null, theme: null };
        expect(parseChartState(paramsOf(chartUrl("page", page)))).toEqual(page);
      }),
      { numRuns: 300 },
    );
  });

  it("the embed and image URLs carry the same state, and the server's zod schemas read it as the page does", () => {
    fc.assert(
      fc.property(states, (state) => {
        for (const [surface, schema] of [
          ["embed", embedQuerySchema],
          ["png", imageQuerySchema],
        ] as const) {
          const params = paramsOf(chartUrl(surface, state));
          const parsed = schema.safeParse(Object.fromEntries(params));
          expect(parsed.success, `${surface}: ${params}`).toBe(true);
          if (!parsed.success) return;
          const back = parseChartState(params);
          for (const key of [
            "metric",
            "groupBy",
            "cohort",
            "labs",
            "mode",
            "value",
            "title",
            "theme",
          ] as const)
            expect(back[key], key).toEqual(state[key]);
          if (state.metric) expect(parsed.data.metric).toBe(state.metric);
          if (state.labs) expect(parsed.data.labs).toEqual(state.labs);
        }
        const api = shareQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(shareParams(state))));
        expect(api.success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("the overview's first visit is the study's framing; the embed of it says so explicitly", () => {
    const first = withOverviewDefaults(emptyChartState());
    expect(first).toMatchObject({ metric: "downloads", cohort: "new-12m" });
    const embed = paramsOf(chartUrl("embed", first));
    expect(embed.get("metric")).toBe("downloads");
    expect(embed.get("cohort")).toBe("new-12m");
    expect(chartUrl("page", emptyChartState())).toBe("/");
  });

  it("leaves out what does not parse instead of guessing", () => {
    expect(parseChartState(new URLSearchParams("metric=views&groupBy=lab&top=x"))).toMatchObject({
      metric: null,
      groupBy: "lab",
      top: null,
    });
  });

  it("every group-by the API takes is a state the page can hold", () => {
    for (const groupBy of GROUP_BY_IDS)
      expect(parseChartState(new URLSearchParams({ groupBy })).groupBy).toBe(groupBy);
  });
});
