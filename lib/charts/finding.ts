import type { ShareResult } from "../domain/answers";
import { cohortLabel } from "../domain/cohorts";
import { isPlaceGrouping } from "../domain/dimensions";
import { regionInfo } from "../domain/regions";
import { bucketLabel, crossoverSentence } from "./chart-model";

/**
 * The overview's one-line finding, computed from the data it shows: when China and the US swap
 * the lead, when and by how much ("New models: China passed the US in Mar 2025 — 17.1 % vs
 * 15.8 % in Aug 2025"); else who leads, with the figures; else nothing.
 */
export function findingOf(result: ShareResult): string | null {
  const latest = result.points.findLast((p) => p.asOf !== null && p.total !== null && p.total !== "0");
  if (!latest) return null;
  const interval = result.query.interval;
  const when = `${interval === "month" ? "in" : interval === "week" ? "in the week of" : "on"} ${bucketLabel(latest.date, interval)}`;
  const pct = (key: string) => {
    const share = latest.values[key]?.share;
    return share === null || share === undefined ? null : `${(share * 100).toFixed(1)} %`;
  };
  const cohort = result.query.cohort === "all" ? "" : `${cohortLabel(result.query.cohort)}: `;
  if (isPlaceGrouping(result.query.groupBy) && pct("CN") && pct("US")) {
    const crossing = result.crossover?.dates.at(-1);
    const leader = (latest.values.CN?.share ?? 0) >= (latest.values.US?.share ?? 0) ? "CN" : "US";
    const other = leader === "CN" ? "US" : "CN";
    const figures = `${pct(leader)} vs ${pct(other)} ${when}`;
    if (crossing && crossing.leader === leader)
      return `${cohort}${crossoverSentence(result, leader, other).replace(" passes ", " passed ")} in ${bucketLabel(crossing.date, result.query.interval)} — ${figures}.`;
    const name = (key: string) => regionInfo(key)?.inSentence ?? key;
    const leaderName = name(leader);
    return `${cohort}${leaderName.charAt(0).toUpperCase()}${leaderName.slice(1)} leads ${name(other)}: ${figures}.`;
  }
  const top = [...result.series]
    .filter((s) => s.key !== "other" && s.key !== "" && s.key !== "UNKNOWN")
    .sort((a, b) => (latest.values[b.key]?.share ?? 0) - (latest.values[a.key]?.share ?? 0))[0];
  if (!top || !pct(top.key)) return null;
  return `${cohort}${top.label} leads with ${pct(top.key)} ${when}.`;
}
