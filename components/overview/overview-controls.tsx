"use client";

import { useQueryStates } from "nuqs";
import { type ReactNode, useState } from "react";
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

/** The labs readers ask about first, offered as one-click chips. */
export const FEATURED_LABS = ["deepseek", "qwen", "meta", "google"];

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: every child passed in is a select or input
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

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
  const year = Number((dataAsOf ?? "2026").slice(0, 4));
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
        <Field label="Measure">
          <select
            title={METRICS.find((m) => m.id === metric)?.definition}
            value={metric}
            onChange={(e) =>
              update({
                metric:
                  e.target.value === OVERVIEW_DEFAULTS.metric
                    ? null
                    : (e.target.value as ChartState["metric"]),
              })
            }
          >
            {METRICS.map((m) => (
              <option key={m.id} value={m.id} title={m.definition}>
                {m.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Group by">
          <select
            value={groupBy}
            onChange={(e) =>
              update({
                groupBy: e.target.value === "region" ? null : (e.target.value as ChartState["groupBy"]),
                labs: null,
                countries: null,
              })
            }
          >
            {GROUP_BYS.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Range">
          <select
            value={ranges.find(([, from]) => from === state.from)?.[0] ?? "custom"}
            onChange={(e) =>
              update({ from: ranges.find(([label]) => label === e.target.value)?.[1] ?? null, to: null })
            }
          >
            {ranges.map(([label]) => (
              <option key={label} value={label}>
                {label}
              </option>
            ))}
            {ranges.some(([, from]) => from === state.from) ? null : <option value="custom">Custom</option>}
          </select>
        </Field>
        <details className="more">
          <summary className="btn">More filters</summary>
          <div className="control-row">
            <Field label="Models">
              <select
                value={cohort}
                onChange={(e) =>
                  update({ cohort: e.target.value === OVERVIEW_DEFAULTS.cohort ? null : e.target.value })
                }
              >
                <option value="all" title={cohortDefinition("all")}>
                  {cohortLabel("all")}
                </option>
                <option value={NEW_COHORT} title={cohortDefinition(NEW_COHORT)}>
                  {cohortLabel(NEW_COHORT)}
                </option>
                {Array.from({ length: 5 }, (_, i) => year - i).map((y) => (
                  <option key={y} value={`created-${y}`}>
                    Created in {y}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Interval">
              <select
                value={state.interval ?? "month"}
                onChange={(e) =>
                  update({
                    interval: e.target.value === "month" ? null : (e.target.value as ChartState["interval"]),
                  })
                }
              >
                {INTERVALS.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Attribution">
              <select
                value={state.attribution ?? "developer"}
                onChange={(e) =>
                  update({
                    attribution:
                      e.target.value === "developer" ? null : (e.target.value as ChartState["attribution"]),
                  })
                }
              >
                {ATTRIBUTIONS.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Derivatives">
              <select
                value={state.derivatives ?? "include"}
                onChange={(e) =>
                  update({
                    derivatives:
                      e.target.value === "include" ? null : (e.target.value as ChartState["derivatives"]),
                  })
                }
              >
                {DERIVATIVES.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Task">
              <select value={state.task ?? ""} onChange={(e) => update({ task: e.target.value || null })}>
                <option value="">All tasks</option>
                {tasks.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="From">
              <input
                type="date"
                value={state.from ?? ""}
                onChange={(e) => update({ from: e.target.value || null })}
              />
            </Field>
            <Field label="To">
              <input
                type="date"
                value={state.to ?? ""}
                onChange={(e) => update({ to: e.target.value || null })}
              />
            </Field>
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
export function LabPicker({ state, labs }: { state: ChartState; labs: LabChoice[] }) {
  const [, setState] = useQueryStates(CHART_STATE_PARSERS, {
    shallow: false,
    scroll: false,
    history: "push",
  });
  const [search, setSearch] = useState("");
  const groupBy = state.groupBy ?? "region";
  const chosen = groupBy === "lab" ? (state.labs ?? []) : [];
  const toggleLab = (slug: string) => {
    const next = chosen.includes(slug) ? chosen.filter((s) => s !== slug) : [...chosen, slug];
    void setState({ groupBy: "lab", labs: next.length ? next : null, countries: null });
  };
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
