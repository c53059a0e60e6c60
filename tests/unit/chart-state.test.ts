import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseChartQuery, readChartQuery } from "@/lib/api/chart-query";
import { ApiError } from "@/lib/api/errors";
import { type ChartValues, chartUrl, type LinkTarget } from "@/lib/charts/chart-state";
import { CHART_FIELDS, CHART_MODES, CHART_VALUES, VIEWS } from "@/lib/domain/chart-fields";
import { MIGRATIONS } from "@/lib/domain/chart-migrations";
import {
  CHART_STATE_VERSION,
  decodeValue,
  FIELD_KEYS,
  type SURFACES,
  surfaceKeys,
} from "@/lib/domain/chart-state";
import { URL_FIELDS } from "@/lib/domain/chart-url-fields";
import { ATTRIBUTION_IDS, DERIVATIVE_IDS, GROUP_BY_IDS, INTERVAL_IDS } from "@/lib/domain/dimensions";
import { METRIC_IDS } from "@/lib/domain/metrics";
import { shareQuerySchema } from "@/lib/domain/share-query";
import { chartUrlFields } from "@/tools/chart-state/url-fields";
import { permalinks } from "../fixtures/permalinks";

const day = fc
  .date({ min: new Date("2020-01-01"), max: new Date("2026-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/);

/** Chart values every surface accepts: each key present or absent. */
const charts: fc.Arbitrary<ChartValues> = fc.record({
  metric: maybe(fc.constantFrom(...METRIC_IDS)),
  // labs= and countries= select series of these groupings (the API refuses them by region).
  groupBy: fc.constantFrom("lab" as const, "org" as const),
  interval: maybe(fc.constantFrom(...INTERVAL_IDS)),
  from: maybe(fc.constant("2024-01-01")),
  to: maybe(day.filter((d) => d >= "2024-01-01")),
  labs: maybe(fc.array(slug, { minLength: 1, maxLength: 4 })),
  countries: maybe(
    fc.array(fc.constantFrom("CN", "US", "FR", "INTL", "UNKNOWN"), { minLength: 1, maxLength: 3 }),
  ),
  task: maybe(fc.constantFrom("text-generation", "feature-extraction")),
  library: maybe(fc.constantFrom("transformers", "gguf")),
  cohort: maybe(fc.constantFrom("all", "new-12m", "created-2024")),
  attribution: maybe(fc.constantFrom(...ATTRIBUTION_IDS)),
  derivatives: maybe(fc.constantFrom(...DERIVATIVE_IDS)),
  population: maybe(fc.constantFrom("hub" as const, "study" as const)),
  top: maybe(fc.integer({ min: 1, max: 50 })),
  crossover: maybe(fc.constant(["CN", "US"])),
  mode: maybe(fc.constantFrom(...CHART_MODES)),
  value: maybe(fc.constantFrom(...CHART_VALUES)),
  view: maybe(fc.constantFrom(...VIEWS)),
  title: maybe(fc.constantFrom("China vs the US", "Labs, compared & more")),
  theme: maybe(fc.constantFrom("light" as const, "dark" as const)),
  width: maybe(fc.integer({ min: 320, max: 2400 })),
  height: maybe(fc.integer({ min: 240, max: 1600 })),
});

const queryOf = (url: string) => new URLSearchParams(url.split("?")[1] ?? "");

const SURFACE_OF_TARGET = { page: "page", embed: "embed", png: "image" } as const satisfies Partial<
  Record<LinkTarget, keyof typeof SURFACES>
>;

describe("one chart state, one codec", () => {
  it("values → each surface's URL → the same values, read by that surface's zod schema", () => {
    fc.assert(
      fc.property(charts, (values) => {
        for (const [target, surface] of Object.entries(SURFACE_OF_TARGET) as [
          keyof typeof SURFACE_OF_TARGET,
          keyof typeof SURFACES,
        ][]) {
          const url = chartUrl(target, values);
          const { query, version } = parseChartQuery(surface, queryOf(url));
          expect(version, url).toBe(CHART_STATE_VERSION);
          for (const key of surfaceKeys(surface))
            if (values[key] !== undefined)
              expect(query[key as keyof typeof query], `${url}: ${key}`).toEqual(values[key]);
        }
        const api = shareQuerySchema.safeParse(Object.fromEntries(queryOf(chartUrl("json", values))));
        expect(api.success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("a page's chart and its embed, image and API links ask the same question", () => {
    fc.assert(
      fc.property(charts, (values) => {
        const page = parseChartQuery("page", queryOf(chartUrl("page", values))).query;
        const embed = parseChartQuery("embed", queryOf(chartUrl("embed", page))).query;
        const image = parseChartQuery("image", queryOf(chartUrl("png", page))).query;
        const api = parseChartQuery("api", queryOf(chartUrl("json", page))).query;
        for (const key of FIELD_KEYS.filter((k) => CHART_FIELDS[k].question)) {
          expect(embed[key as keyof typeof embed], key).toEqual(page[key as keyof typeof page]);
          expect(image[key as keyof typeof image], key).toEqual(page[key as keyof typeof page]);
          expect(api[key as keyof typeof api], key).toEqual(page[key as keyof typeof page]);
        }
        expect([embed.mode, image.mode, embed.value, image.value]).toEqual([
          page.mode,
          page.mode,
          page.value,
          page.value,
        ]);
      }),
      { numRuns: 200 },
    );
  });

  it("defaults live in one place: the overview opens on the study's framing, the API and images on the fields'", () => {
    expect(readChartQuery("page", new URLSearchParams())).toMatchObject({
      metric: "downloads",
      cohort: "new-12m",
      groupBy: "region",
      view: "chart",
    });
    expect(readChartQuery("api", new URLSearchParams())).toMatchObject({
      metric: "downloads30d",
      cohort: "all",
    });
    expect(readChartQuery("image", new URLSearchParams())).toMatchObject({
      width: 1200,
      height: 630,
      theme: "light",
    });
    expect(readChartQuery("embed", new URLSearchParams()).height).toBeUndefined();
    // The overview's own framing, written for the embed, is said explicitly.
    expect(chartUrl("embed", readChartQuery("page", new URLSearchParams()))).toBe(
      "/embed/share?v=2&metric=downloads&cohort=new-12m",
    );
    expect(chartUrl("page", readChartQuery("page", new URLSearchParams()))).toBe("/");
  });

  it("every problem of a link is named at once; the version key is checked too", () => {
    const bad = () => parseChartQuery("image", new URLSearchParams("metric=views&theme=pink&v=9&evil=1"));
    expect(bad).toThrow(ApiError);
    try {
      bad();
    } catch (e) {
      const paths = (e as ApiError).issues.map((i) => i.path).sort();
      expect(paths).toEqual(["evil", "v"]);
    }
    expect(() => parseChartQuery("image", new URLSearchParams("metric=views&theme=pink"))).toThrow(
      /metric: Invalid option.*theme: Invalid option/,
    );
    expect(() => parseChartQuery("image", new URLSearchParams("height=220"))).toThrow(
      /height: must be at least 240/,
    );
    expect(parseChartQuery("embed", new URLSearchParams("height=220")).query.height).toBe(220);
    expect(() => parseChartQuery("page", new URLSearchParams("metric=downloads&metric=cumulative"))).toThrow(
      /metric: is given more than once/,
    );
  });

  it("every group-by the API takes is a state the page can hold", () => {
    for (const groupBy of GROUP_BY_IDS)
      expect(parseChartQuery("page", new URLSearchParams({ groupBy })).query.groupBy).toBe(groupBy);
  });
});

describe("earlier permalinks keep opening the same chart", () => {
  it.each(permalinks("qwen", "meta"))("$format: $link", ({ surface, link, chart, now }) => {
    const { query } = parseChartQuery(surface, queryOf(link));
    expect(query).toMatchObject(chart);
    const target: LinkTarget = surface === "image" ? "png" : surface;
    expect(chartUrl(target, query)).toBe(now);
    // The current link reads as the same chart.
    expect(parseChartQuery(surface, queryOf(now)).query).toEqual(query);
  });

  it("each format step says what it changed, and the steps reach the current version", () => {
    expect(MIGRATIONS.at(-1)?.to).toBe(CHART_STATE_VERSION);
    for (const step of MIGRATIONS) expect(step.change.length).toBeGreaterThan(20);
  });
});

describe("the browser reads URLs with the fields' own JSON Schema", () => {
  it("lib/domain/chart-url-fields.ts is the current export of the zod fields", () => {
    expect(JSON.parse(JSON.stringify(URL_FIELDS))).toEqual(chartUrlFields());
  });

  it("reads what zod reads, for valid values and for junk alike", () => {
    // zod is the oracle; refinements JSON Schema cannot carry are the only allowed difference.
    const refined = new Set(["from", "to", "crossover"]);
    const texts = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("downloads", "lab", "week", "2024-02-30", "CN,US", "a,b,c", "10", "0", "51", "1.5", ""),
      fc.constantFrom("qwen,meta", "created-2024", "new-12m", "x".repeat(130), "stacked", "dark", "2400"),
      // Numbers as people do not write them in a URL: both refuse them (lib/domain/whole-number.ts).
      fc.constantFrom("1e1", "+5", "0x10", " 5", "5 ", "05", "-0", "1_0", "10.0"),
    );
    fc.assert(
      fc.property(fc.constantFrom(...FIELD_KEYS), texts, (key, text) => {
        const zod = CHART_FIELDS[key].schema.safeParse(text);
        const browser = decodeValue(key, text);
        if (zod.success) {
          const expected = key === "title" ? String(zod.data).trim() : zod.data;
          expect(key === "title" ? String(browser).trim() : browser, `${key}=${text}`).toEqual(expected);
        } else if (!refined.has(key)) expect(browser, `${key}=${text}`).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });
});
