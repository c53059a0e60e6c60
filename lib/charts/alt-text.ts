import { regionInfo } from "../domain/regions";
import { type Translator, translator } from "../i18n";
import { bucketLabel, type ChartModel, type ModelSeries } from "./chart-model";

/** How many series after the leader the description names. */
const NAMED_AFTER_LEADER = 3;

type Ranked = { s: ModelSeries; last: number };

/** The chart's numbers as its description writes them, in its locale. */
type Reading = {
  tr: Translator;
  model: ChartModel;
  firstIndex: number;
  lastIndex: number;
  label: (i: number) => string;
  value: (v: number) => string;
};

/**
 * A chart's description for readers who cannot see it, from its model alone, in the model's
 * locale (its words from lib/i18n/messages, its numbers and dates by the locale's formats): what
 * is charted and over which periods, the leader at the end and how its value moved since the
 * start, the next series, the lead changes of the compared pair, and the events marked. The same
 * text goes to the page chart's aria-describedby, the embed, the oEmbed answer, the PNG's
 * metadata and the zip.
 */
export function chartDescription(model: ChartModel): string {
  const tr = translator(model.locale);
  const withData = model.buckets.flatMap((b, i) => (b.asOf === null ? [] : [i]));
  const reading: Reading = {
    tr,
    model,
    firstIndex: withData[0] ?? 0,
    lastIndex: withData.at(-1) ?? 0,
    label: (i) => model.buckets[i]?.label ?? "",
    value: (v) => (model.value === "share" ? tr.share(v / 100) : tr.count(v)),
  };
  const intro = introSentence(reading);
  const demo = model.demo ? tr.t("embed.demo") : null;
  if (model.empty || withData.length === 0)
    return tr.sentences([intro, demo, tr.t("alt.sentence", { text: tr.t("chart.empty") })]);
  // Ranked by the last period's value; a series without one there is not ranked.
  const ranked = model.series
    .map((s) => ({ s, last: s.values[reading.lastIndex] ?? null }))
    .filter((r): r is Ranked => r.last !== null)
    .sort((a, b) => b.last - a.last);
  return tr.sentences([
    intro,
    demo,
    ranked[0] && leaderSentence(reading, ranked[0]),
    othersSentence(reading, ranked.slice(1, 1 + NAMED_AFTER_LEADER)),
    crossoversSentence(model, tr),
    eventsSentence(model, tr),
  ]);
}

/** "Line chart: Share of …, Jan 2025 to Mar 2025." (one period is named once) */
function introSentence({ tr, model, firstIndex, lastIndex, label }: Reading): string {
  const kind = tr.t(`alt.kind.${model.mode}`);
  const [first, last] = [label(firstIndex), label(lastIndex)];
  return first === last
    ? tr.t("alt.intro.one", { kind, title: model.title, period: first })
    : tr.t("alt.intro", { kind, title: model.title, first, last });
}

/** "Leader at the end (Mar 2025): China with 20.0 %, up 10.0 points from 10.0 % (Jan 2025)." */
function leaderSentence(reading: Reading, { s, last }: Ranked): string {
  const { tr, firstIndex, lastIndex, label, value } = reading;
  const first = s.values[firstIndex] ?? null;
  return tr.t("alt.leader", {
    name: nameOf(s, tr),
    last: label(lastIndex),
    value: value(last),
    move: firstIndex === lastIndex || first === null ? "" : move(reading, last, first),
  });
}

/** How the leader's value moved since the first period: by points for a share, else just up or down. */
function move({ tr, model, firstIndex, label, value }: Reading, last: number, first: number): string {
  const from = value(first);
  const firstLabel = label(firstIndex);
  // A move too small to be written (as the values are) is no move.
  if (from === value(last)) return tr.t("alt.move.same", { first: firstLabel });
  const up = last > first;
  if (model.value !== "share") return tr.t(up ? "alt.move.up" : "alt.move.down", { from, first: firstLabel });
  // Points between the values as written, so the sentence adds up for a reader.
  const points = Math.abs(Math.round(last * 10) - Math.round(first * 10)) / 10;
  return tr.t(up ? "alt.move.upBy" : "alt.move.downBy", {
    points: pointsText(points, tr),
    from,
    first: firstLabel,
  });
}

/** "1 point", "2.0 points": one point is said as a whole ("1 Prozentpunkt", "1.0 个百分点"). */
function pointsText(points: number, tr: Translator): string {
  if (points === 1) return tr.t("alt.points.one");
  // Under 100 points: no grouping, so the locale's decimal mark is all that differs.
  return tr.t("alt.points.other", { points: points.toFixed(1).replace(".", tr.decimal) });
}

/** "Then the US with 14.0 % (20.0 % at the start), …" */
function othersSentence({ tr, firstIndex, lastIndex, value }: Reading, next: Ranked[]): string | null {
  if (next.length === 0) return null;
  const items = next.map(({ s, last }) => {
    const first = s.values[firstIndex] ?? null;
    const name = nameOf(s, tr);
    return firstIndex === lastIndex || first === null
      ? tr.t("alt.other.noStart", { name, value: value(last) })
      : tr.t("alt.other", { name, value: value(last), from: value(first) });
  });
  return tr.t("alt.others", { items: items.join(tr.t("alt.join.items")) });
}

/** The lead changes as the chart labels them (chart-model.ts writes them in the locale). */
function crossoversSentence(model: ChartModel, tr: Translator): string | null {
  const texts = model.crossovers.map((c) => c.text);
  if (texts.length === 0) return null;
  return texts.length === 1
    ? tr.t("alt.crossovers.one", { text: texts[0] ?? "" })
    : tr.t("alt.crossovers.other", { texts: texts.join(tr.t("alt.join.events")) });
}

/** "Marked on the chart: DeepSeek-R1 (20 Jan 2025); …": events keep the names the data gives them. */
function eventsSentence(model: ChartModel, tr: Translator): string | null {
  if (model.annotations.length === 0) return null;
  const events = model.annotations.map((a) =>
    tr.t("chart.event", { label: a.label, date: bucketLabel(a.date, "day", tr) }),
  );
  return tr.t("alt.events", { events: events.join(tr.t("alt.join.events")) });
}

/**
 * A series as a sentence names it: a region in its sentence form ("the US", "USA", "美国"); any
 * other series (a country, lab or namespace) by the label the model gave it in its locale.
 */
function nameOf(s: ModelSeries, tr: Translator): string {
  return regionInfo(s.key) ? tr.regionInSentence(s.key) : s.label;
}
