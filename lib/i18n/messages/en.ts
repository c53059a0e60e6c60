import { cohortDefinition, cohortLabel, NEW_COHORT, NEW_MODEL_MONTHS } from "../../domain/cohorts";
import { NO_LAB, UNREGISTERED_NAMESPACES } from "../../domain/colors";
import { ATTRIBUTIONS, GROUP_BYS, OTHER_SERIES, REPACKS } from "../../domain/dimensions";
import { METRICS } from "../../domain/metrics";
import { REGIONS } from "../../domain/regions";

/**
 * Words of a domain list by key, as messages: English is read from lib/domain, where labels are
 * defined once, so a region or metric renamed there is renamed here too.
 */
function byId<
  const T extends { readonly [k in I]: string },
  I extends string,
  P extends string,
  F extends string,
>(items: readonly T[], id: I, prefix: P, fields: Record<F, (item: T) => string>) {
  const out: Record<string, string> = {};
  for (const item of items)
    for (const [field, read] of Object.entries(fields) as [F, (item: T) => string][])
      out[`${prefix}.${item[id]}.${field}`] = read(item);
  return out as { [K in `${P}.${T[I]}.${F}`]: string };
}

/** A domain phrase with a value in it, as a template: the value's text becomes `{name}`. */
const template = (text: string, value: string | number, name: string) =>
  text.replace(String(value), `{${name}}`);

/**
 * The chart's texts in English: the message keys every other locale translates (their type,
 * MessageKey, is derived from this table). `{name}` marks a value filled in when the text is used.
 */
export const en = {
  ...byId(REGIONS, "key", "region", { label: (r) => r.label, inSentence: (r) => r.inSentence }),
  ...byId(METRICS, "id", "metric", {
    label: (m) => m.label,
    short: (m) => m.short,
    definition: (m) => m.definition,
  }),
  ...byId(GROUP_BYS, "id", "groupBy", { noun: (g) => g.noun }),
  ...byId(REPACKS, "id", "repacks", { label: (r) => r.label, definition: (r) => r.definition }),
  ...byId(ATTRIBUTIONS, "id", "attribution", {
    label: (a) => a.label,
    rule: (a) => a.label.toLowerCase(),
    definition: (a) => a.definition,
  }),
  "cohort.all.label": cohortLabel("all"),
  "cohort.all.definition": cohortDefinition("all"),
  "cohort.new.label": template(cohortLabel(NEW_COHORT), NEW_MODEL_MONTHS, "months"),
  "cohort.new.definition": template(cohortDefinition(NEW_COHORT), NEW_MODEL_MONTHS, "months"),
  "cohort.created.label": template(cohortLabel("created-2020"), 2020, "year"),
  "cohort.created.definition": template(cohortDefinition("created-2020"), 2020, "year"),
  "series.other": OTHER_SERIES.label,
  "series.noLab": NO_LAB.label,
  "series.unregistered": UNREGISTERED_NAMESPACES.label,

  "chart.title.share": "Share of {measure} by {grouping}",
  "chart.title.count": "{measure} by {grouping}",
  "chart.subtitle.stacked": "stacked",
  "chart.context": "{cohort} · {attribution} attribution",
  "chart.note.definition": "{term}: {definition}.",
  "chart.note.attribution": "Attribution by {rule}: {definition}.",
  "chart.note.unattributed": "Unattributed: namespaces not (yet) in the origin registry.",
  "chart.note.derivativesExcluded": "Derivatives (fine-tunes, quantizations, merges, adapters) excluded.",
  "chart.note.repacksToBaseLineage":
    "Repacks credited to their base: under lineage attribution they already count for their root model's developer.",
  "chart.note.task": "Task: {task}.",
  "chart.note.library": "Library: {library}.",
  "chart.note.studyPopulation": "Population: the study's curated subset of authors.",
  "chart.note.pinned":
    "Pinned to data version {version}: the numbers as published then, whatever came later.",
  "chart.source": "Source: Hugging Face Hub download counts, as of {date} · Open Model Share",
  "chart.legendNote": "Latest {period} values",
  "chart.crossover": "{leader} passes {previous}",
  "chart.crossoverWhen": "{sentence}, {period}",
  "chart.reference": "Study: {figure}",
  "chart.event": "{label} ({date})",
  "chart.demo.long": "DEMO DATA — generated sample, not real Hub downloads",
  "chart.demo.short": "DEMO DATA — not real downloads",
  "chart.empty": "No downloads for this selection",
  "chart.partial": "Partial period: not every day of it is in the data",

  // A chart's description (lib/charts/alt-text.ts): whole sentences, and the parts {move},
  // {points}, {items} are made of. A move starts with its own separator, so a language puts it
  // where it reads naturally.
  "alt.kind.lines": "Line chart",
  "alt.kind.stacked": "Stacked area chart",
  "alt.intro": "{kind}: {title}, {first} to {last}.",
  "alt.intro.one": "{kind}: {title}, {period}.",
  "alt.sentence": "{text}.",
  "alt.leader": "Leader at the end ({last}): {name} with {value}{move}.",
  "alt.move.upBy": ", up {points} from {from} ({first})",
  "alt.move.up": ", up from {from} ({first})",
  "alt.move.downBy": ", down {points} from {from} ({first})",
  "alt.move.down": ", down from {from} ({first})",
  "alt.move.same": ", as at the start ({first})",
  "alt.points.one": "1 point",
  "alt.points.other": "{points} points",
  "alt.others": "Then {items}.",
  "alt.other": "{name} with {value} ({from} at the start)",
  "alt.other.noStart": "{name} with {value}",
  "alt.crossovers.one": "Lead change: {text}.",
  "alt.crossovers.other": "Lead changes: {texts}.",
  "alt.events": "Marked on the chart: {events}.",
  "alt.join.items": ", ",
  "alt.join.events": "; ",

  "embed.stale": "showing the last available figures",
  "embed.demo": "Demo data: a generated sample, not real Hugging Face downloads.",
  "embed.tab.chart": "Chart",
  "embed.tab.table": "Table",
  "embed.download.zip": "Data + notes (zip)",
  "embed.period": "Period",
  "embed.perPeriod": "{title}, per period",
  "embed.downloads": "{count} downloads",
  "embed.legendNote": "{note} in the legend.",
  "embed.marked": "Marked: {events}",
  "embed.open": "Open the interactive chart on {site}",
};

export type MessageKey = keyof typeof en;
/** A locale's translations: any key may be missing (English is shown), which a test reports. */
export type Translations = Partial<Record<MessageKey, string>>;
