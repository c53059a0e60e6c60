"use client";

import Link from "next/link";
import { useState } from "react";
import { Sparkline } from "@/components/charts/sparkline";
import { type Column, DataTable, numeric } from "@/components/tables/data-table";
import type { LabSummary } from "@/lib/analytics/labs";
import { bucketLabel } from "@/lib/charts/chart-model";
import { chartUrl } from "@/lib/charts/chart-state";
import { countryName } from "@/lib/domain/countries";
import { formatCount, formatShare } from "@/lib/format/numbers";

type Row = Omit<LabSummary, "downloads30d"> & { downloads30d: string };

const COLUMNS: Column[] = [
  { key: "select", label: <span className="visually-hidden">Select</span> },
  "Lab",
  "Country",
  numeric("Share (30 d)"),
  "Trend (12 months)",
  numeric("Models"),
  numeric("Downloads (30 d)"),
];

/** Every lab; pick several and compare them on the overview's lab chart. */
export function LabsCompare({ labs }: { labs: Row[] }) {
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (slug: string) =>
    setPicked((p) => (p.includes(slug) ? p.filter((s) => s !== slug) : [...p, slug].slice(-8)));
  return (
    <>
      <div style={{ display: "flex", gap: 8, alignItems: "center", margin: "0 0 8px", flexWrap: "wrap" }}>
        <Link
          className="btn"
          aria-disabled={picked.length === 0}
          href={picked.length ? chartUrl("page", { groupBy: "lab", labs: picked }) : "/labs"}
          style={picked.length ? undefined : { opacity: 0.5, pointerEvents: "none" }}
        >
          Compare {picked.length || ""} selected
        </Link>
        <span className="muted small">Select up to 8 labs.</span>
      </div>
      <DataTable columns={COLUMNS} testId="labs-table">
        {labs.map((lab) => (
          <tr key={lab.slug}>
            <td>
              <input
                type="checkbox"
                aria-label={`Compare ${lab.name}`}
                checked={picked.includes(lab.slug)}
                onChange={() => toggle(lab.slug)}
              />
            </td>
            <td>
              <span
                aria-hidden
                style={{
                  display: "inline-block",
                  width: 10,
                  height: 10,
                  borderRadius: 2,
                  background: lab.color,
                  marginRight: 6,
                }}
              />
              <Link href={`/labs/${lab.slug}`}>{lab.name}</Link>
              {lab.parent ? <span className="muted small"> · {lab.parent}</span> : null}
            </td>
            <td>{countryName(lab.country)}</td>
            <td className="num">{formatShare(lab.share)}</td>
            <td>
              <Sparkline
                points={lab.trend.map((t) => ({
                  label: bucketLabel(t.date, "month"),
                  value: t.share,
                  text: formatShare(t.share),
                }))}
                color={lab.color}
                label={`${lab.name}: share of downloads, month by month`}
              />
            </td>
            <td className="num">{lab.models.toLocaleString("en-US")}</td>
            <td className="num">{formatCount(lab.downloads30d)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
