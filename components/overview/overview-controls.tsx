"use client";

import { useQueryStates } from "nuqs";
import { useState } from "react";
import { type Choice, choicesOf, InputField, SelectField } from "@/components/forms/field";
import { CHART_STATE_PARSERS, type ChartState, OVERVIEW_DEFAULTS } from "@/lib/charts/chart-state";
import { cohortDefinition, cohortLabel, NEW_COHORT } from "@/lib/domain/cohorts";
import { ATTRIBUTIONS, DERIVATIVES, GROUP_BYS, INTERVALS } from "@/lib/domain/dimensions";
import { METRICS } from "@/lib/domain/metrics";

export type LabChoice = { slug: string; name: string; color: string };

type Props = {
  state: ChartState;
  dataAsOf: string | null;
  firstDate: string | null;
  tasks: string[];
};

/** The chart state's keys that hold one string (a select's or an input's value). */
type TextKey = {
  [K in keyof ChartState]: NonNullable<ChartState[K]> extends string ? K : never;
}[keyof ChartState];

const METRIC_CHOICES = METRICS.map((m) => ({ id: m.id, label: m.label, title: m.definition }));
const ALL_TASKS: Choice = { id: "", label: "All tasks" };

/** The labs readers ask about first, offered as one-click chips. */
export const FEATURED_LABS = ["deepseek", "qwen", "meta", "google"];

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The overview's controls: presets (the study's view, all models, labs), the measure and the
 * grouping, a range, the rest in a drawer, and a lab picker. Every change rewrites the URL (the
 * same keys as the API, the embed and the images) and the server draws the new view.
 */
export function OverviewControls({ state, dataAsOf, firstDate, tasks }: Props) {
  const [, setState] = useQueryStates(CHART_STATE_PARSERS, {
    shallow: false,
    scroll: false,
    history: "push",
  });
  const metric = state.metric ?? OVERVIEW_DEFAULTS.metric;
  const cohort = state.cohort ?? OVERVIEW_DEFAULTS.cohort;
  const groupBy = state.groupBy ?? "region";
  const chosen = state.labs ?? [];
  const update = (patch: Partial<ChartState>) => void setState(patch);
  const preset =
    groupBy === "lab"
      ? "labs"
      : cohort === "new-12m" && metric === "downloads"
        ? "study"
        : cohort === "all"
          ? "all"
          : null;
  const presets: [string, string, Partial<ChartState>][] = [
    [
      "study",
      "New models (the study's view)",
      { metric: null, cohort: null, groupBy: null, labs: null, countries: null },
    ],
    [
      "all",
      "All models",
      { metric: "downloads30d", cohort: "all", groupBy: null, labs: null, countries: null },
    ],
    ["labs", "Labs", { groupBy: "lab", labs: chosen.length ? chosen : FEATURED_LABS, countries: null }],
  ];
  const ranges: [string, string | null][] = [
    ["1 year", null],
    ["2 years", dataAsOf ? addDays(dataAsOf, -730) : null],
    ["All", firstDate],
  ];
  const range = ranges.find(([, from]) => from === state.from)?.[0] ?? "custom";
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
  /** A text-valued key's select or input: its value, and a change that drops the key at its default. */
  const bind = <K extends TextKey>(key: K, fallback: NonNullable<ChartState[K]>) => ({
    value: state[key] ?? fallback,
    onChange: (value: NonNullable<ChartState[K]>) => {
      const patch: Partial<ChartState> = {};
      patch[key] = value === fallback ? null : value;
      update(patch);
    },
  });
  return (
    <div className="overview-controls">
      <fieldset className="presets">
        <legend className="visually-hidden">Views</legend>
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
          {...bind("metric", OVERVIEW_DEFAULTS.metric)}
        />
        <SelectField
          compact
          label="Group by"
          choices={GROUP_BYS}
          value={groupBy}
          onChange={(g) => update({ groupBy: g === "region" ? null : g, labs: null, countries: null })}
        />
        <SelectField
          compact
          label="Range"
          choices={rangeChoices}
          value={range}
          onChange={(label) => update({ from: ranges.find(([l]) => l === label)?.[1] ?? null, to: null })}
        />
        <details className="more">
          <summary className="btn">More filters</summary>
          <div className="control-row">
            <SelectField
              compact
              label="Models"
              choices={cohortChoices}
              {...bind("cohort", OVERVIEW_DEFAULTS.cohort)}
            />
            <SelectField compact label="Interval" choices={INTERVALS} {...bind("interval", "month")} />
            <SelectField
              compact
              label="Attribution"
              choices={ATTRIBUTIONS}
              {...bind("attribution", "developer")}
            />
            <SelectField
              compact
              label="Derivatives"
              choices={DERIVATIVES}
              {...bind("derivatives", "include")}
            />
            <SelectField compact label="Task" choices={taskChoices} {...bind("task", "")} />
            <InputField compact label="From" type="date" {...bind("from", "")} />
            <InputField compact label="To" type="date" {...bind("to", "")} />
          </div>
        </details>
      </div>
    </div>
  );
}

/**
 * The lab picker: DeepSeek, Qwen, Meta and Google one click away, any other lab by name; picking
 * one switches the chart to labs (two clicks: DeepSeek, then Qwen).
 */
export function LabPicker({ labs }: { labs: LabChoice[] }) {
  // The URL's own state, not the server's props: a second pick made before the server has drawn
  // the first must add to it, not replace it.
  const [state, setState] = useQueryStates(CHART_STATE_PARSERS, {
    shallow: false,
    scroll: false,
    history: "push",
  });
  const [search, setSearch] = useState("");
  const chosenIn = (s: Pick<ChartState, "groupBy" | "labs">) => (s.groupBy === "lab" ? (s.labs ?? []) : []);
  const groupBy = state.groupBy ?? "region";
  const chosen = chosenIn(state);
  const toggleLab = (slug: string) =>
    void setState((current) => {
      const was = chosenIn(current);
      const next = was.includes(slug) ? was.filter((s) => s !== slug) : [...was, slug];
      return { groupBy: "lab", labs: next.length ? next : null, countries: null };
    });
  const order = (l: LabChoice) => {
    const i = FEATURED_LABS.indexOf(l.slug);
    return i < 0 ? FEATURED_LABS.length : i;
  };
  const featured = labs
    .filter((l) => FEATURED_LABS.includes(l.slug) || chosen.includes(l.slug))
    .sort((a, b) => order(a) - order(b));
  const matches = search.trim()
    ? labs
        .filter((l) => l.name.toLowerCase().includes(search.trim().toLowerCase()) && !featured.includes(l))
        .slice(0, 8)
    : [];
  return (
    <fieldset className="lab-picker">
      <legend className="small muted">Compare labs</legend>
      {featured.map((l) => (
        <button
          key={l.slug}
          type="button"
          className="btn chip"
          aria-pressed={groupBy === "lab" && chosen.includes(l.slug)}
          onClick={() => toggleLab(l.slug)}
        >
          <span className="swatch" style={{ background: l.color }} /> {l.name}
        </button>
      ))}
      <input
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder="Find a lab…"
        aria-label="Find a lab"
        size={14}
      />
      {matches.map((l) => (
        <button
          key={l.slug}
          type="button"
          className="btn chip"
          onClick={() => {
            toggleLab(l.slug);
            setSearch("");
          }}
        >
          <span className="swatch" style={{ background: l.color }} /> {l.name}
        </button>
      ))}
    </fieldset>
  );
}
