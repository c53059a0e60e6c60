import { regionInfo } from "../domain/regions";
import { formatCount, formatShare } from "../format/numbers";
import { bucketLabel, type ChartModel, type ModelSeries } from "./chart-model";

/**
 * Every word of a chart's description, in one table: the sentences are assembled from these and
 * the chart's numbers only, so a locale supplies its own table and nothing else changes.
 */
export const ALT_TEXT_EN = {
  kind: { lines: "Line chart", stacked: "Stacked area chart" },
  /** "Line chart: Share of 30-day downloads by region, Jan 2025 to Dec 2025." */
  intro: (kind: string, title: string, first: string, last: string) =>
    first === last ? `${kind}: ${title}, ${first}.` : `${kind}: ${title}, ${first} to ${last}.`,
  empty: "No downloads for this selection.",
  demo: "Demo data: a generated sample, not real Hugging Face downloads.",
  /** "Leader at the end (Dec 2025): China with 17.1 %, up 5.1 points from 12.0 % (Jan 2025)." */
  leader: (name: string, last: string, value: string, move: string) =>
    `Leader at the end (${last}): ${name} with ${value}${move}.`,
  /** A share moves by points, a count just from its first value */
  up: (by: string | null, from: string, first: string) =>
    by === null ? `, up from ${from} (${first})` : `, up ${by} from ${from} (${first})`,
  down: (by: string | null, from: string, first: string) =>
    by === null ? `, down from ${from} (${first})` : `, down ${by} from ${from} (${first})`,
  same: (first: string) => `, as at the start (${first})`,
  points: (p: string) => (p === "1.0" ? "1 point" : `${p} points`),
  /** "Then the US with 14.2 % (15.8 % at the start), other countries with …" */
  others: (items: string[]) => `Then ${items.join(", ")}.`,
  other: (name: string, value: string, from: string | null) =>
    from === null ? `${name} with ${value}` : `${name} with ${value} (${from} at the start)`,
  crossovers: (texts: string[]) =>
    texts.length === 1 ? `Lead change: ${texts[0]}.` : `Lead changes: ${texts.join("; ")}.`,
  events: (items: string[]) => `Marked on the chart: ${items.join("; ")}.`,
  event: (label: string, date: string) => `${label} (${date})`,
} as const;

export type AltTextMessages = typeof ALT_TEXT_EN;

/** How many series after the leader the description names. */
const NAMED_AFTER_LEADER = 3;

/**
 * A chart's description for readers who cannot see it, from its model alone: what is charted and
 * over which periods, the leader at the end and how its value moved since the start, the next
 * series, the lead changes of the compared pair, and the events marked. The same text goes to the
 * page chart's aria-describedby, the embed, the oEmbed answer, the PNG's metadata and the zip.
 */
export function chartDescription(model: ChartModel, words: AltTextMessages = ALT_TEXT_EN): string {
  const withData = model.buckets.flatMap((b, i) => (b.asOf === null ? [] : [i]));
  const firstIndex = withData[0] ?? 0;
  const lastIndex = withData.at(-1) ?? 0;
  const label = (i: number) => model.buckets[i]?.label ?? "";
  const out: string[] = [
    words.intro(words.kind[model.mode], model.title, label(firstIndex), label(lastIndex)),
  ];
  if (model.demo) out.push(words.demo);
  if (model.empty || withData.length === 0) {
    out.push(words.empty);
    return out.join(" ");
  }
  const value = (v: number) => (model.value === "share" ? formatShare(v / 100) : formatCount(v));
  // Ranked by the last period's value; a series without one there is not ranked.
  const ranked = model.series
    .map((s) => ({ s, last: s.values[lastIndex] ?? null }))
    .filter((r): r is { s: ModelSeries; last: number } => r.last !== null)
    .sort((a, b) => b.last - a.last);
  const leader = ranked[0];
  if (leader) {
    const first = leader.s.values[firstIndex] ?? null;
    out.push(
      words.leader(
        nameOf(leader.s),
        label(lastIndex),
        value(leader.last),
        firstIndex === lastIndex || first === null ? "" : move(leader.last, first),
      ),
    );
  }
  const next = ranked.slice(1, 1 + NAMED_AFTER_LEADER);
  if (next.length > 0)
    out.push(
      words.others(
        next.map(({ s, last }) => {
          const first = s.values[firstIndex] ?? null;
          return words.other(
            nameOf(s),
            value(last),
            firstIndex === lastIndex || first === null ? null : value(first),
          );
        }),
      ),
    );
  if (model.crossovers.length > 0) out.push(words.crossovers(model.crossovers.map((c) => c.text)));
  if (model.annotations.length > 0)
    out.push(words.events(model.annotations.map((a) => words.event(a.label, bucketLabel(a.date, "day")))));
  return out.join(" ");

  function move(last: number, first: number): string {
    const from = value(first);
    const firstLabel = label(firstIndex);
    // A move too small to be written (as the values are) is no move.
    if (from === value(last)) return words.same(firstLabel);
    // Points between the values as written, so the sentence adds up for a reader.
    const points = Math.abs(Math.round(last * 10) - Math.round(first * 10)) / 10;
    const by = model.value === "share" ? words.points(points.toFixed(1)) : null;
    return last > first ? words.up(by, from, firstLabel) : words.down(by, from, firstLabel);
  }
}

/** A series as a sentence names it: "the US", "other countries"; a lab or namespace as labelled. */
function nameOf(s: ModelSeries): string {
  return regionInfo(s.key)?.inSentence ?? s.label;
}
