"use client";

import type { ReactNode } from "react";
import { addDays } from "@/lib/analytics/buckets";

export type FilterValues = Record<string, string | null>;

type Props = {
  values: FilterValues;
  onChange: (patch: FilterValues) => void;
  /** Latest data date: presets count back from it */
  dataAsOf: string | null;
  tasks: string[];
};

const PRESETS = [
  { id: "1y", label: "1 year", days: 365 },
  { id: "2y", label: "2 years", days: 730 },
  { id: "6m", label: "6 months", days: 182 },
  { id: "all", label: "All", days: 3650 },
];

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: every child passed in is a select or input
    <label style={{ display: "grid", gap: 2, fontSize: 12, color: "var(--muted)" }}>
      {label}
      {children}
    </label>
  );
}

/** The overview's filters; each change rewrites the URL, so every view is a permalink. */
export function FilterBar({ values, onChange, dataAsOf, tasks }: Props) {
  const to = values.to ?? dataAsOf ?? "";
  const preset = (days: number) => {
    if (!dataAsOf) return;
    onChange({ from: addDays(dataAsOf, -days), to: null });
  };
  const select = (name: string, options: [string, string][], fallback: string) => (
    <select
      value={values[name] ?? fallback}
      onChange={(e) => onChange({ [name]: e.target.value === fallback ? null : e.target.value })}
    >
      {options.map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </select>
  );
  const year = Number((dataAsOf ?? "2026").slice(0, 4));
  const cohorts: [string, string][] = [
    ["all", "All models"],
    ["new-12m", "New models (< 12 months old)"],
    ...Array.from({ length: 5 }, (_, i): [string, string] => [
      `created-${year - i}`,
      `Created in ${year - i}`,
    ]),
  ];
  return (
    <form
      aria-label="Chart filters"
      className="card"
      onSubmit={(e) => e.preventDefault()}
      style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "end", marginBottom: 16 }}
    >
      <Field label="Metric">
        {select(
          "metric",
          [
            ["downloads30d", "Downloads, trailing 30 days"],
            ["downloads", "Downloads in each period"],
            ["cumulative", "All-time downloads"],
          ],
          "downloads30d",
        )}
      </Field>
      <Field label="Interval">
        {select(
          "interval",
          [
            ["month", "Month"],
            ["week", "Week"],
            ["day", "Day"],
          ],
          "month",
        )}
      </Field>
      <fieldset
        style={{
          display: "grid",
          gap: 2,
          fontSize: 12,
          color: "var(--muted)",
          border: 0,
          padding: 0,
          margin: 0,
        }}
      >
        <legend style={{ padding: 0 }}>Range</legend>
        <div style={{ display: "flex", gap: 4, flexWrap: "wrap" }}>
          {PRESETS.map((p) => (
            <button key={p.id} type="button" className="btn" onClick={() => preset(p.days)}>
              {p.label}
            </button>
          ))}
        </div>
      </fieldset>
      <Field label="From">
        <input
          type="date"
          value={values.from ?? ""}
          max={to}
          onChange={(e) => onChange({ from: e.target.value || null })}
        />
      </Field>
      <Field label="To">
        <input
          type="date"
          value={values.to ?? ""}
          max={dataAsOf ?? undefined}
          onChange={(e) => onChange({ to: e.target.value || null })}
        />
      </Field>
      <Field label="Cohort">{select("cohort", cohorts, "all")}</Field>
      <Field label="Attribution">
        {select(
          "attribution",
          [
            ["developer", "Developer (who published)"],
            ["lineage", "Lineage (who made the base)"],
          ],
          "developer",
        )}
      </Field>
      <Field label="Task">
        {select("task", [["", "All tasks"], ...tasks.map((t): [string, string] => [t, t])], "")}
      </Field>
      <Field label="Derivatives">
        {select(
          "derivatives",
          [
            ["include", "Included"],
            ["exclude", "Excluded"],
          ],
          "include",
        )}
      </Field>
    </form>
  );
}
