"use client";

import { useState } from "react";
import { type Column, DataTable } from "@/components/tables/data-table";
import type { ChartModel } from "@/lib/charts/chart-model";
import { formatCount } from "@/lib/format/numbers";

type Row = {
  key: string;
  label: string;
  color: string;
  first: number | null;
  last: number | null;
  change: number | null;
};
type SortKey = "label" | "first" | "last" | "change";

/** Each series' value at the start and the end of the range and the change, sortable. */
export function ShareSummaryTable({ model }: { model: ChartModel }) {
  const [sort, setSort] = useState<{ by: SortKey; desc: boolean }>({ by: "last", desc: true });
  const rows: Row[] = model.series.map((s) => {
    const first = s.values.find((v) => v !== null) ?? null;
    const last = s.latestValue;
    return {
      key: s.key,
      label: s.label,
      color: s.color,
      first,
      last,
      change: first === null || last === null ? null : last - first,
    };
  });
  const sorted = [...rows].sort((a, b) => {
    const va = a[sort.by];
    const vb = b[sort.by];
    const cmp =
      typeof va === "string" && typeof vb === "string"
        ? va.localeCompare(vb)
        : (va ?? -Infinity) > (vb ?? -Infinity)
          ? 1
          : (va ?? -Infinity) < (vb ?? -Infinity)
            ? -1
            : 0;
    return sort.desc ? -cmp : cmp;
  });
  const share = model.value === "share";
  const show = (v: number | null) => (v === null ? "–" : share ? `${v.toFixed(1)} %` : formatCount(v));
  const change = (v: number | null) =>
    v === null
      ? "–"
      : `${v > 0 ? "+" : v < 0 ? "−" : "±"}${share ? `${Math.abs(v).toFixed(1)} pp` : formatCount(Math.abs(v))}`;
  const first = model.buckets.find((b) => b.asOf !== null)?.label ?? "start";
  const last = model.buckets.findLast((b) => b.asOf !== null)?.label ?? "end";
  const column = (by: SortKey, label: string, numeric = true): Column => ({
    key: by,
    numeric,
    sort: sort.by === by ? (sort.desc ? "descending" : "ascending") : "none",
    label: (
      <button
        type="button"
        className="link-button"
        onClick={() => setSort({ by, desc: sort.by === by ? !sort.desc : numeric })}
      >
        {label}
        {sort.by === by ? (sort.desc ? " ↓" : " ↑") : ""}
      </button>
    ),
  });
  return (
    <DataTable
      caption={`${model.title}: values at the start and end of the range`}
      columns={[
        column("label", "Series", false),
        column("first", first),
        column("last", last),
        column("change", "Change"),
      ]}
    >
      {sorted.map((r) => (
        <tr key={r.key}>
          <th scope="row" style={{ fontWeight: 400 }}>
            <span className="swatch" style={{ background: r.color }} /> {r.label}
          </th>
          <td className="num">{show(r.first)}</td>
          <td className="num">{show(r.last)}</td>
          <td className="num">{change(r.change)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
