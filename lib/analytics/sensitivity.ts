import type { Database } from "../db";
import type { Sensitivity, SensitivitySwitch, ShareResult } from "../domain/answers";
import { cohortLabel, NEW_COHORT } from "../domain/cohorts";
import { ATTRIBUTIONS, DERIVATIVES, REPACKS } from "../domain/dimensions";
import { METRICS } from "../domain/metrics";
import { POPULATIONS } from "../domain/populations";
import type { ShareQuery } from "../domain/share-query";

type Option = { id: string; label: string };

/** A switch's alternatives, the chart's own choice among them (a created-YYYY cohort is added). */
function optionsOf(key: SensitivitySwitch, current: string): Option[] {
  const options: Option[] = (() => {
    switch (key) {
      case "attribution":
        return ATTRIBUTIONS.map((a) => ({ id: a.id, label: a.label }));
      case "repacks":
        return REPACKS.map((r) => ({ id: r.id, label: r.label }));
      case "derivatives":
        return DERIVATIVES.map((d) => ({ id: d.id, label: d.label }));
      case "cohort":
        return ["all", NEW_COHORT].map((c) => ({ id: c, label: cohortLabel(c) }));
      case "metric":
        return METRICS.map((m) => ({ id: m.id, label: m.label }));
      case "population":
        return POPULATIONS.map((p) => ({ id: p.id, label: p.label }));
    }
  })();
  if (!options.some((o) => o.id === current)) options.push({ id: current, label: cohortLabel(current) });
  return options;
}

const SWITCHES: SensitivitySwitch[] = [
  "attribution",
  "repacks",
  "derivatives",
  "cohort",
  "metric",
  "population",
];

/** The headline of an answer: China's and the US's share at its latest period with a value. */
export function headlineOf(result: ShareResult): Sensitivity["headline"] {
  const point = result.points.findLast((p) => p.asOf !== null && p.total !== null);
  return {
    period: point?.date ?? null,
    asOf: point?.asOf ?? null,
    CN: point?.values.CN?.share ?? null,
    US: point?.values.US?.share ?? null,
  };
}

/** The question a sensitivity table varies: the chart's, by country of origin, every region drawn. */
export function headlineQuery(query: ShareQuery): ShareQuery {
  return {
    ...query,
    groupBy: "region",
    labs: undefined,
    countries: undefined,
    crossover: undefined,
    top: 10,
  };
}

/**
 * How far each choice moves the chart's headline: for every switch (attribution, repacks,
 * derivatives, cohort, metric, population), China's and the US's share at the latest period under
 * each of its alternatives, the others as the chart has them, with the difference from the chart's
 * own choice. Every number is a share answer (`answer`: the cached one the API serves), so the table
 * says exactly what the chart would show with that switch changed.
 */
export async function getSensitivity(
  db: Database,
  query: ShareQuery,
  answer: (db: Database, q: ShareQuery) => Promise<ShareResult>,
): Promise<Sensitivity> {
  const base = headlineQuery(query);
  const current = await answer(db, base);
  const headline = headlineOf(current);
  const rows: Sensitivity["rows"] = [];
  for (const key of SWITCHES) {
    const chosen = String(current.query[key]);
    for (const option of optionsOf(key, chosen)) {
      const isCurrent = option.id === chosen;
      // One after another: the embedded database answers one query at a time anyway.
      const result = isCurrent ? current : await answer(db, { ...base, [key]: option.id } as ShareQuery);
      const h = isCurrent ? headline : headlineOf(result);
      rows.push({
        switch: key,
        option: option.id,
        label: option.label,
        current: isCurrent,
        ...h,
        difference: {
          CN: h.CN === null || headline.CN === null ? null : h.CN - headline.CN,
          US: h.US === null || headline.US === null ? null : h.US - headline.US,
        },
      });
    }
  }
  return { query: current.query, headline, rows };
}
