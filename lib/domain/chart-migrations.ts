import { CHART_STATE_VERSION, type Surface, VERSION_KEY } from "./chart-state";

/**
 * How a link of an older format is read: each step rewrites a query of the version before it to
 * its own version's, so a link printed in an article keeps opening the same chart. A link
 * without `v` was written before links had a version: version 1. A change that alters what an
 * existing key or its absence means adds a step here (and bumps CHART_STATE_VERSION); a new key
 * whose absence means what links already meant needs none.
 */
export type Migration = {
  to: number;
  /** What changed, in readers' words (docs/ARCHITECTURE.md's table of link formats). */
  change: string;
  migrate: (params: URLSearchParams, surface: Surface) => void;
};

export const MIGRATIONS: readonly Migration[] = [
  {
    to: 2,
    change:
      "Links carry v=2. The first dashboard's compare=a,b (the labs its second chart compared, with 30-day downloads of all models unless the link said otherwise; the labs page wrote it too) opens that comparison: groupBy=lab&labs=a,b. The overview ignored title and theme: they are dropped from its links.",
    migrate(params, surface) {
      if (surface !== "page") return;
      const compare = params.get("compare");
      params.delete("compare");
      params.delete("title");
      params.delete("theme");
      if (!compare) return;
      params.set("groupBy", "lab");
      params.set("labs", compare);
      params.delete("countries");
      if (!params.has("metric")) params.set("metric", "downloads30d");
      if (!params.has("cohort")) params.set("cohort", "all");
    },
  },
];

export type MigratedQuery = {
  /** The query in the current format, without its version key */
  params: URLSearchParams;
  /** The version the link was written in */
  version: number;
  /** What is wrong with the version key, if anything */
  issues: { path: string; message: string }[];
};

/** A versioned surface's query brought to the current format (the input is left as it was). */
export function migrateChartQuery(surface: Surface, input: URLSearchParams): MigratedQuery {
  const params = new URLSearchParams(input);
  const text = params.get(VERSION_KEY);
  params.delete(VERSION_KEY);
  if (text === null) return { params: applyFrom(1, params, surface), version: 1, issues: [] };
  const version = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  if (!(version >= 1 && version <= CHART_STATE_VERSION))
    return {
      params,
      version: CHART_STATE_VERSION,
      issues: [
        {
          path: VERSION_KEY,
          message: `must be a link format from 1 to ${CHART_STATE_VERSION} (this server reads no newer links)`,
        },
      ],
    };
  return { params: applyFrom(version, params, surface), version, issues: [] };
}

function applyFrom(version: number, params: URLSearchParams, surface: Surface): URLSearchParams {
  for (const step of MIGRATIONS) if (step.to > version) step.migrate(params, surface);
  return params;
}
