"use client";

import { type Choice, choicesOf, InputField, SelectField } from "@/components/forms/field";
import type { ChartValues } from "@/lib/charts/chart-state";
import { QUESTION_KEYS, type SurfaceQuery } from "@/lib/domain/chart-state";
import { cohortDefinition, cohortLabel, NEW_COHORT } from "@/lib/domain/cohorts";
import { ATTRIBUTIONS, DERIVATIVES, GROUP_BYS, INTERVALS, REPACKS } from "@/lib/domain/dimensions";
import { METRICS } from "@/lib/domain/metrics";
import { activePreset, PRESETS, type Preset, presetValues } from "@/lib/domain/presets";

/** The labs readers ask about first: one click away in the presets and the lab picker. */
export const FEATURED_LABS = ["deepseek", "qwen", "meta", "google"];

export type PageValues = SurfaceQuery<"page">;
/** A change of the page's state: a value, or undefined to go back to the page's default. */
export type Update = (patch: ChartValues) => void;

type Props = {
  values: PageValues;
  update: Update;
  dataAsOf: string | null;
  firstDate: string | null;
  tasks: string[];
};

const METRIC_CHOICES = METRICS.map((m) => ({ id: m.id, label: m.label, title: m.definition }));
const ALL_TASKS: Choice = { id: "", label: "All tasks" };
const REPACK_CHOICES = REPACKS.map((r) => ({ id: r.id, label: r.label, title: r.definition }));

/** What choosing a preset changes: every question key, to the preset's value or the default. */
function presetPatch(preset: Preset): ChartValues {
  const values = presetValues(preset) as Record<string, unknown>;
  return Object.fromEntries(QUESTION_KEYS.map((key) => [key, values[key]])) as ChartValues;
}

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The overview's controls: presets (lib/domain/presets.ts, and labs), the measure and the
 * grouping, a range, the rest in a drawer. Every change rewrites the URL (the same keys as the
 * API, the embed and the images) and the chart follows from the API's JSON, without a reload.
 */
export function OverviewControls({ values, update, dataAsOf, firstDate, tasks }: Props) {
  const { metric, cohort, groupBy } = values;
  const chosen = values.labs ?? [];
  const preset = groupBy === "lab" ? "labs" : (activePreset(values)?.id ?? null);
  const presets: [string, string, ChartValues][] = [
    ...PRESETS.map((p): [string, string, ChartValues] => [p.id, p.label, presetPatch(p)]),
    ["labs", "Labs", { groupBy: "lab", labs: chosen.length ? chosen : FEATURED_LABS, countries: undefined }],
  ];
  const ranges: [string, string | undefined][] = [
    ["1 year", undefined],
    ["2 years", dataAsOf ? addDays(dataAsOf, -730) : undefined],
    ["All", firstDate ?? undefined],
  ];
  const range = values.to ? "custom" : (ranges.find(([, from]) => from === values.from)?.[0] ?? "custom");
  const rangeChoices: Choice[] = [
    ...ranges.map(([label]) => ({ id: label, label })),
    ...(range === "custom" ? [{ id: "custom", label: "Custom" }] : []),
  ];
  const year = Number((dataAsOf ?? "2026").slice(0, 4));
  const cohortChoices: Choice[] = [
    ...["all", NEW_COHORT].map((c) => ({ id: c, label: cohortLabel(c), title: cohortDefinition(c) })),
    ...Array.from({ length: 5 }, (_, i) => ({ id: `created-${year - i}`, label: `Created in ${year - i}` })),
  ];
  const taskChoices = [ALL_TASKS, ...choicesOf(tasks)];
  return (
    <div className="overview-controls">
      <fieldset className="presets">
        <legend className="visually-hidden">Presets</legend>
        {presets.map(([id, label, patch]) => (
          <button
            key={id}
            type="button"
            className="btn"
            aria-pressed={preset === id}
            onClick={() => update(patch)}
          >
            {label}
          </button>
        ))}
      </fieldset>
      <div className="control-row">
        <SelectField
          compact
          label="Measure"
          title={METRICS.find((m) => m.id === metric)?.definition}
          choices={METRIC_CHOICES}
          value={metric}
          onChange={(m) => update({ metric: m })}
        />
        <SelectField
          compact
          label="Group by"
          choices={GROUP_BYS}
          value={groupBy}
          onChange={(g) => update({ groupBy: g, labs: undefined, countries: undefined })}
        />
        <SelectField
          compact
          label="Range"
          choices={rangeChoices}
          value={range}
          onChange={(label) => {
            if (label !== "custom") update({ from: ranges.find(([l]) => l === label)?.[1], to: undefined });
          }}
        />
        <details className="more">
          <summary className="btn">More filters</summary>
          <div className="control-row">
            <SelectField
              compact
              label="Models"
              choices={cohortChoices}
              value={cohort}
              onChange={(c) => update({ cohort: c })}
            />
            <SelectField
              compact
              label="Interval"
              choices={INTERVALS}
              value={values.interval}
              onChange={(i) => update({ interval: i })}
            />
            <SelectField
              compact
              label="Attribution"
              choices={ATTRIBUTIONS}
              value={values.attribution}
              onChange={(a) => update({ attribution: a })}
            />
            <SelectField
              compact
              label="Derivatives"
              choices={DERIVATIVES}
              value={values.derivatives}
              onChange={(d) => update({ derivatives: d })}
            />
            <SelectField
              compact
              label="Repacks"
              title={REPACKS.find((r) => r.id === values.repacks)?.definition}
              choices={REPACK_CHOICES}
              value={values.repacks}
              onChange={(r) => update({ repacks: r })}
            />
            <SelectField
              compact
              label="Task"
              choices={taskChoices}
              value={values.task ?? ""}
              onChange={(t) => update({ task: t || undefined })}
            />
            <InputField
              compact
              label="From"
              type="date"
              value={values.from ?? ""}
              onChange={(d) => update({ from: d || undefined })}
            />
            <InputField
              compact
              label="To"
              type="date"
              value={values.to ?? ""}
              onChange={(d) => update({ to: d || undefined })}
            />
          </div>
        </details>
      </div>
    </div>
  );
}
