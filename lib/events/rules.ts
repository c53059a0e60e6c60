import { findCrossovers } from "../analytics/crossovers";
import { countryLabel } from "../domain/colors";
import {
  type EventKind,
  SHARE_CHANGE_THRESHOLDS,
  shareChangeThreshold,
  TOP_COUNTRIES,
  TOP_LABS,
  TOP_MODELS,
} from "../domain/event-kinds";
import { regionInfo } from "../domain/regions";
import { shareOf } from "../domain/share";
import { formatExact, formatShare } from "../format/numbers";
import {
  type EventView,
  type Groups,
  LAB_VIEWS,
  type Names,
  REGION_VIEWS,
  type Standing,
  viewKey,
} from "./standing";

/** An event before it is stored: what the id is made of, its sentence, its chart and filters. */
export type EventDraft = {
  kind: EventKind;
  date: string;
  previousDate: string | null;
  /** What, besides kind and date, makes it this event (the id is made of them) */
  subjects: string[];
  text: string;
  /** The chart that shows it (chart-state values; the version is added when stored) */
  chart: Record<string, unknown>;
  labs: string[];
  countries: string[];
  details: Record<string, unknown>;
};

const DAY_MS = 86_400_000;
export const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

/** Days a source's snapshots are apart when none is missing. */
export function cadenceDays(source: string): number {
  return source === "hub-weekly" || source === "study" ? 7 : 1;
}

const SOURCE_WORDS: Record<string, string> = {
  crawl: "the daily crawl",
  "hub-weekly": "the Hub's weekly snapshots",
  study: "the study's file",
  import: "an imported listing",
  demo: "demo data",
};
const sourceWords = (source: string) => SOURCE_WORDS[source] ?? source;

const REGION_CROSSING = ["CN", "US", "OTHER", "INTL"] as const;
const NOT_A_COUNTRY = new Set(["INTL", "UNKNOWN"]);

/** Where the view's words come from: "of all models, by developer" etc. */
function viewWords(v: EventView): string {
  const who = v.cohort === "all" ? "all models" : "new models (under 12 months old)";
  return `${who}${v.attribution === "lineage" ? ", counted by lineage" : ""}`;
}

const regionCountries = (key: string) => (key === "OTHER" ? [] : [key]);
const ordinal = (n: number) =>
  n % 100 >= 11 && n % 100 <= 13 ? `${n}th` : `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;

const totalOf = (groups: Groups) => [...groups.values()].reduce((n, v) => n + v, 0n);
const shareIn = (groups: Groups, total: bigint, key: string) => shareOf(groups.get(key) ?? 0n, total);

/** Keys by downloads descending, then key: the order ranks and leads are read in. */
function ranked(groups: Groups, keep: (key: string) => boolean = () => true): string[] {
  return [...groups.entries()]
    .filter(([k, v]) => keep(k) && v > 0n)
    .sort((a, b) => (a[1] === b[1] ? (a[0] < b[0] ? -1 : 1) : a[1] > b[1] ? -1 : 1))
    .map(([k]) => k);
}

function chartOf(v: EventView, groupBy: string, now: Standing, extra: Record<string, unknown> = {}) {
  const interval = cadenceDays(now.source.source) === 1 ? "day" : "week";
  return {
    metric: "downloads30d",
    groupBy,
    interval,
    to: now.date,
    cohort: v.cohort,
    attribution: v.attribution,
    population: now.population,
    ...extra,
  };
}

/**
 * The events between a date and the previous published date of its population (`before`, null
 * for the first). Every list is in a fixed order, so the same two dates give the same drafts.
 */
export function eventsBetween(before: Standing | null, now: Standing, names: Names): EventDraft[] {
  const out = dataEvents(before, now);
  if (!before) return out;
  for (const v of REGION_VIEWS)
    out.push(...crossovers(before, now, v), ...regionShareChanges(before, now, v));
  for (const v of LAB_VIEWS) out.push(...labEvents(before, now, v, names));
  out.push(...topModelEntries(before, now, names));
  return out;
}

function dataEvents(before: Standing | null, now: Standing): EventDraft[] {
  const base = { date: now.date, previousDate: before?.date ?? null, labs: [], countries: [] };
  const chart = { metric: "downloads30d", groupBy: "region", to: now.date, population: now.population };
  const src = now.source;
  if (!before) {
    return [
      {
        ...base,
        kind: "population",
        subjects: [now.population, "start"],
        text: `Published data of ${now.population === "study" ? "the study's curated subset" : "the Hub's listing"} starts on ${now.date}: ${formatExact(src.models)} models, from ${sourceWords(src.source)}.`,
        chart,
        details: { population: now.population, source: src.source, models: src.models },
      },
    ];
  }
  const out: EventDraft[] = [];
  const gap = daysBetween(before.date, now.date);
  const cadence = Math.max(cadenceDays(before.source.source), cadenceDays(src.source));
  if (gap > cadence) {
    out.push({
      ...base,
      kind: "data-gap",
      subjects: [now.population, before.date],
      text: `No published snapshot between ${before.date} and ${now.date}: ${gap - 1} day(s) without data where ${sourceWords(src.source)} comes every ${cadence === 1 ? "day" : `${cadence} days`}.`,
      chart,
      details: { days: gap, missingDays: gap - 1, cadenceDays: cadence },
    });
  }
  if (before.source.source !== src.source) {
    out.push({
      ...base,
      kind: "population",
      subjects: [now.population, before.source.source, src.source],
      text: `From ${now.date} the snapshots come from ${sourceWords(src.source)} instead of ${sourceWords(before.source.source)}: ${formatExact(src.models)} models, against ${formatExact(before.source.models)} on ${before.date}.`,
      chart,
      details: {
        from: before.source.source,
        to: src.source,
        models: src.models,
        previousModels: before.source.models,
      },
    });
  }
  if (before.source.allTimeCounts !== src.allTimeCounts) {
    out.push({
      ...base,
      kind: "counting-rule",
      subjects: [now.population, src.allTimeCounts ? "all-time-counts" : "no-all-time-counts"],
      text: src.allTimeCounts
        ? `From ${now.date} the snapshots carry all-time download counts again: downloads in a period are measured from here, not across ${before.date}.`
        : `From ${now.date} the snapshots carry no all-time download counts: downloads in a period and cumulative counts are unknown on this date.`,
      chart,
      details: { allTimeCounts: src.allTimeCounts },
    });
  }
  return out;
}

function crossovers(before: Standing, now: Standing, v: EventView): EventDraft[] {
  const was = before.views.get(viewKey(v));
  const is = now.views.get(viewKey(v));
  if (!was || !is) return [];
  const out: EventDraft[] = [];
  const pairs = (groupBy: "region" | "country"): [string, string][] => {
    let keys: string[];
    if (groupBy === "region") keys = [...REGION_CROSSING];
    else {
      const top = (g: Groups) => ranked(g, (k) => !NOT_A_COUNTRY.has(k)).slice(0, TOP_COUNTRIES);
      keys = [...new Set([...top(was.country), ...top(is.country)])].sort();
    }
    const list: [string, string][] = [];
    for (const [i, a] of keys.entries())
      for (const b of keys.slice(i + 1)) {
        // China against the US is the regions' crossover already.
        if (groupBy === "country" && ((a === "CN" && b === "US") || (a === "US" && b === "CN"))) continue;
        list.push([a, b]);
      }
    return list;
  };
  for (const groupBy of ["region", "country"] as const) {
    const g0 = was[groupBy];
    const g1 = is[groupBy];
    const t0 = totalOf(g0);
    const t1 = totalOf(g1);
    for (const [a, b] of pairs(groupBy)) {
      const points = [
        { date: before.date, a: shareIn(g0, t0, a), b: shareIn(g0, t0, b) },
        { date: now.date, a: shareIn(g1, t1, a), b: shareIn(g1, t1, b) },
      ];
      for (const c of findCrossovers(points, a, b)) {
        const behind = c.previousLeader;
        const label = (k: string) => (groupBy === "region" ? (regionInfo(k)?.label ?? k) : countryLabel(k));
        const [p0, p1] = points;
        const sharesNow = (k: string) => (k === a ? p1?.a : p1?.b) ?? null;
        const sharesBefore = (k: string) => (k === a ? p0?.a : p0?.b) ?? null;
        out.push({
          kind: "crossover",
          date: now.date,
          previousDate: before.date,
          subjects: [groupBy, viewKey(v), ...[a, b].sort()],
          text: `${label(c.leader)} passed ${label(behind)} in share of 30-day downloads of ${viewWords(v)} on ${now.date}: ${formatShare(sharesNow(c.leader))} to ${formatShare(sharesNow(behind))}, from ${formatShare(sharesBefore(c.leader))} to ${formatShare(sharesBefore(behind))} on ${before.date}.`,
          chart: chartOf(v, groupBy, now, {
            crossover: [c.leader, behind],
            ...(groupBy === "country" ? { countries: [c.leader, behind].sort() } : {}),
          }),
          labs: [],
          countries:
            groupBy === "region"
              ? [...regionCountries(c.leader), ...regionCountries(behind)]
              : [c.leader, behind],
          details: {
            groupBy,
            ...v,
            leader: c.leader,
            passed: behind,
            shares: { [a]: sharesNow(a), [b]: sharesNow(b) },
            previousShares: { [a]: sharesBefore(a), [b]: sharesBefore(b) },
          },
        });
      }
    }
  }
  return out;
}

function thresholdWords(days: number, points: number) {
  const rule = SHARE_CHANGE_THRESHOLDS.find((t) => days <= t.maxDays);
  const span = rule && Number.isFinite(rule.maxDays) ? `up to ${rule.maxDays} day(s)` : "more than a month";
  return `${points} points for ${span} apart`;
}

function shareChange(
  before: Standing,
  now: Standing,
  v: EventView,
  groupBy: "region" | "lab",
  key: string,
  label: string,
  g0: Groups,
  g1: Groups,
): EventDraft | null {
  const s0 = shareIn(g0, totalOf(g0), key);
  const s1 = shareIn(g1, totalOf(g1), key);
  if (s0 === null || s1 === null) return null;
  const days = daysBetween(before.date, now.date);
  const threshold = shareChangeThreshold(days);
  const delta = (s1 - s0) * 100;
  if (Math.abs(delta) < threshold) return null;
  return {
    kind: "share-change",
    date: now.date,
    previousDate: before.date,
    subjects: [groupBy, viewKey(v), key],
    text: `${label}'s share of 30-day downloads of ${viewWords(v)} ${delta > 0 ? "rose" : "fell"} by ${Math.abs(delta).toFixed(1)} points to ${formatShare(s1)} between ${before.date} and ${now.date} (the threshold: ${thresholdWords(days, threshold)}).`,
    chart: chartOf(v, groupBy, now, groupBy === "lab" ? { labs: [key] } : {}),
    labs: groupBy === "lab" ? [key] : [],
    countries: groupBy === "region" ? regionCountries(key) : [],
    details: {
      groupBy,
      ...v,
      key,
      share: s1,
      previousShare: s0,
      points: delta,
      thresholdPoints: threshold,
      days,
    },
  };
}

function regionShareChanges(before: Standing, now: Standing, v: EventView): EventDraft[] {
  const was = before.views.get(viewKey(v));
  const is = now.views.get(viewKey(v));
  if (!was || !is) return [];
  return REGION_CROSSING.flatMap((key) => {
    const e = shareChange(
      before,
      now,
      v,
      "region",
      key,
      regionInfo(key)?.label ?? key,
      was.region,
      is.region,
    );
    return e ? [e] : [];
  });
}

function labEvents(before: Standing, now: Standing, v: EventView, names: Names): EventDraft[] {
  const was = before.views.get(viewKey(v));
  const is = now.views.get(viewKey(v));
  if (!was || !is) return [];
  const isLab = (k: string) => k !== "";
  const r0 = ranked(was.lab, isLab);
  const r1 = ranked(is.lab, isLab);
  const t1 = totalOf(is.lab);
  const out: EventDraft[] = [];
  const lead0 = r0[0];
  const lead1 = r1[0];
  if (lead0 && lead1 && lead0 !== lead1) {
    const s1 = shareIn(is.lab, t1, lead1);
    const second = shareIn(is.lab, t1, lead0);
    out.push({
      kind: "new-leader",
      date: now.date,
      previousDate: before.date,
      subjects: ["lab", viewKey(v), lead1],
      text: `${names.lab(lead1)} took the lead among labs in 30-day downloads of ${viewWords(v)} on ${now.date} with ${formatShare(s1)}, ahead of ${names.lab(lead0)} (${formatShare(second)}), which led on ${before.date}.`,
      chart: chartOf(v, "lab", now, { labs: [lead1, lead0] }),
      labs: [lead1, lead0],
      countries: [],
      details: { ...v, leader: lead1, previousLeader: lead0, share: s1, previousLeaderShare: second },
    });
  }
  for (const [i, slug] of r1.slice(0, TOP_LABS).entries()) {
    const rank = i + 1;
    const at = r0.indexOf(slug);
    if (at >= 0 && at + 1 !== rank) {
      const previousRank = at + 1;
      out.push({
        kind: "rank-change",
        date: now.date,
        previousDate: before.date,
        subjects: ["lab", viewKey(v), slug, String(previousRank), String(rank)],
        text: `${names.lab(slug)} ${rank < previousRank ? "rose" : "fell"} from ${ordinal(previousRank)} to ${ordinal(rank)} among labs in 30-day downloads of ${viewWords(v)} on ${now.date}, with ${formatShare(shareIn(is.lab, t1, slug))}.`,
        chart: chartOf(v, "lab", now, { labs: [slug] }),
        labs: [slug],
        countries: [],
        details: { ...v, lab: slug, rank, previousRank, share: shareIn(is.lab, t1, slug) },
      });
    }
  }
  for (const slug of r1.slice(0, TOP_LABS)) {
    const e = shareChange(before, now, v, "lab", slug, names.lab(slug), was.lab, is.lab);
    if (e) out.push(e);
  }
  return out;
}

function topModelEntries(before: Standing, now: Standing, names: Names): EventDraft[] {
  const was = new Set(before.topModels.slice(0, TOP_MODELS).map((m) => m.hubId));
  return now.topModels.slice(0, TOP_MODELS).flatMap((m, i) => {
    if (was.has(m.hubId)) return [];
    const lab = m.lab ? ` (${names.lab(m.lab)})` : "";
    return [
      {
        kind: "top-models" as const,
        date: now.date,
        previousDate: before.date,
        subjects: [m.hubId],
        text: `${m.hubId}${lab} entered the ${TOP_MODELS} most downloaded models on ${now.date}, at ${ordinal(i + 1)} with ${formatExact(m.downloads)} downloads in 30 days.`,
        chart: {
          metric: "downloads30d",
          groupBy: "lab",
          to: now.date,
          population: now.population,
          ...(m.lab ? { labs: [m.lab] } : {}),
        },
        labs: m.lab ? [m.lab] : [],
        countries: [m.country],
        details: { model: m.hubId, rank: i + 1, downloads: m.downloads.toString() },
      },
    ];
  });
}
