import type { ShareResult } from "@/lib/domain/answers";

/**
 * The answered query of a monthly share answer over `dates` (first day of each month), the last
 * bucket's snapshot on the 28th; `over` sets what a fixture cares about.
 */
export function monthlyQuery(
  dates: string[],
  over: Partial<ShareResult["query"]> = {},
): ShareResult["query"] {
  return {
    metric: "downloads30d",
    groupBy: "region",
    interval: "month",
    from: dates[0] ?? "2024-01-01",
    to: `${(dates.at(-1) ?? "2024-01-01").slice(0, 8)}28`,
    cohort: "all",
    attribution: "developer",
    derivatives: "include",
    repacks: "include",
    population: "hub",
    top: 10,
    format: "json",
    ...over,
  };
}

/** A share answer of `series` over `n` monthly buckets, shares from `f`. */
export function shareAnswer(
  n: number,
  series: { key: string; label: string }[],
  f: (s: number, i: number) => number | null,
): ShareResult {
  const dates = Array.from(
    { length: n },
    (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`,
  );
  return {
    query: monthlyQuery(dates, { cohort: "new-12m" }),
    freshness: {
      dataVersion: 7,
      dataAsOf: "2025-12-28",
      lastRun: null,
      modelsTracked: 10,
      attributedShare: 1,
      demo: true,
    },
    series: series.map((s, k) => ({ ...s, color: `#00000${k}`, downloads: "10", share: 0.1 })),
    points: dates.map((date, i) => ({
      date,
      asOf: date.replace(/01$/, "28"),
      total: "100",
      values: Object.fromEntries(
        series.map((s, k) => {
          const v = f(k, i);
          return [s.key, { downloads: String(Math.round((v ?? 0) * 100)), share: v }];
        }),
      ),
    })),
    crossover: null,
    annotations: [],
  };
}
