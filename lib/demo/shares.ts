import { findCrossovers } from "../analytics/crossovers";
import { REGIONS, type Region, regionOf } from "../origins/regions";
import type { Registry } from "../origins/registry-schema";
import { type DemoDataset, HUB_PLACEHOLDER } from "./generate";

/**
 * Region shares computed in memory from a demo dataset, with the same definitions as the rollups
 * (lib/analytics/rollups.ts): period downloads are all-time differences between consecutive
 * snapshot dates (never negative; a model created after the previous date counts from zero), a
 * model is "new" while created less than 12 calendar months before the snapshot (placeholder
 * dates are never new), developer attribution uses the publishing namespace, lineage the
 * namespace of the first-base chain's root. Used to calibrate the generator and to test it.
 */

export type RegionTotals = Record<Region, number>;
export type ShareOptions = {
  cohort: "all" | "new-12m";
  attribution: "developer" | "lineage";
  /** Snapshot dates included, inclusive (ISO days) */
  from: string;
  to: string;
};

export type ShareSummary = {
  totals: RegionTotals;
  shares: RegionTotals;
  /** Per snapshot date in the range: each region's share of that date's period downloads */
  weekly: { date: string; totals: RegionTotals; shares: RegionTotals }[];
};

export type RegionLookup = (namespace: string) => Region;

export function regionLookup(registry: Registry): RegionLookup {
  const map = new Map(registry.organizations.map((o) => [o.namespace, regionOf(o.country, o.international)]));
  return (namespace) => map.get(namespace) ?? "UNKNOWN";
}

const zero = (): RegionTotals => ({ CN: 0, US: 0, OTHER: 0, INTL: 0, UNKNOWN: 0 });

/** Lineage root of every model: follow the first base through known models, as refreshLineage does. */
export function lineageRoots(ds: DemoDataset): string[] {
  const byId = new Map(ds.models.map((m) => [m.hubId, m]));
  return ds.models.map((m) => {
    const path = new Set([m.hubId]);
    let current = m;
    for (let depth = 0; depth < 32; depth++) {
      const next = current.baseModels[0];
      if (!next || path.has(next)) return current.hubId;
      const base = byId.get(next);
      if (!base) return next;
      path.add(next);
      current = base;
    }
    return current.hubId;
  });
}

/** The instant 12 calendar months before a snapshot date's midnight (Postgres interval semantics). */
function twelveMonthsBefore(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return Date.UTC(y - 1, m - 1, Math.min(d, lastDay));
}

export function computeShares(ds: DemoDataset, region: RegionLookup, options: ShareOptions): ShareSummary {
  const roots = options.attribution === "lineage" ? lineageRoots(ds) : null;
  const regionOfModel = ds.models.map((m, i) => {
    const hubId = roots ? (roots[i] as string) : m.hubId;
    return region(hubId.split("/")[0] ?? "");
  });
  const created = ds.models.map((m) =>
    m.createdAt === null || m.createdAt === HUB_PLACEHOLDER ? null : Date.parse(m.createdAt),
  );
  const createdOrNull = ds.models.map((m) => (m.createdAt === null ? null : Date.parse(m.createdAt)));
  const totals = zero();
  const weekly: ShareSummary["weekly"] = [];
  let previous = new Map<number, number>();
  ds.dates.forEach((date, i) => {
    const rows = ds.snapshots[i] ?? [];
    const current = new Map<number, number>();
    for (const row of rows) current.set(row.model, row.downloadsAllTime);
    if (i > 0 && date >= options.from && date <= options.to) {
      const prevMidnight = Date.parse(`${ds.dates[i - 1]}T00:00:00Z`);
      const cutoff = twelveMonthsBefore(date);
      const week = zero();
      for (const row of rows) {
        if (options.cohort === "new-12m") {
          const c = created[row.model];
          if (c === null || c === undefined || c <= cutoff) continue;
        }
        const before = previous.get(row.model);
        let delta = 0;
        if (before !== undefined) delta = Math.max(row.downloadsAllTime - before, 0);
        else if ((createdOrNull[row.model] ?? Number.NEGATIVE_INFINITY) >= prevMidnight)
          delta = row.downloadsAllTime;
        const r = regionOfModel[row.model] as Region;
        week[r] += delta;
        totals[r] += delta;
      }
      weekly.push({ date, totals: week, shares: normalise(week) });
    }
    previous = current;
  });
  return { totals, shares: normalise(totals), weekly };
}

function normalise(t: RegionTotals): RegionTotals {
  const sum = REGIONS.reduce((n, r) => n + t[r], 0);
  const out = zero();
  if (sum > 0) for (const r of REGIONS) out[r] = t[r] / sum;
  return out;
}

/** Dates where the leader between China and the US changes in a weekly share series. */
export function cnUsCrossovers(weekly: ShareSummary["weekly"]) {
  return findCrossovers(
    weekly.map((w) => ({ date: w.date, a: w.shares.CN, b: w.shares.US })),
    "CN",
    "US",
  );
}

/** Weekly period downloads summed into calendar months (share of each month's downloads). */
export function monthlyShares(weekly: ShareSummary["weekly"]): { month: string; shares: RegionTotals }[] {
  const months = new Map<string, RegionTotals>();
  for (const w of weekly) {
    const key = w.date.slice(0, 7);
    const m = months.get(key) ?? zero();
    for (const r of REGIONS) m[r] += w.totals[r];
    months.set(key, m);
  }
  return [...months.entries()].map(([month, t]) => ({ month, shares: normalise(t) }));
}
