"use client";

import { useMemo, useState } from "react";
import { Field } from "@/components/forms/field";
import { DataTable } from "@/components/tables/data-table";

export type RegistryRow = {
  namespace: string;
  lab: string | null;
  country: string | null;
  region: string;
  kind: string | null;
  source: string | null;
  note: string | null;
};

/** The origin registry with its sources, filterable as you type. */
export function RegistryTable({ rows }: { rows: RegistryRow[] }) {
  const [q, setQ] = useState("");
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    if (!needle) return rows;
    return rows.filter((r) =>
      [r.namespace, r.lab, r.country, r.region, r.kind, r.note].some((v) =>
        v?.toLowerCase().includes(needle),
      ),
    );
  }, [q, rows]);
  return (
    <>
      <Field label="Search the registry" style={{ maxWidth: 320, marginBottom: 8 }}>
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="namespace, lab, country, kind…"
        />
      </Field>
      <p className="muted small">
        {shown.length} of {rows.length} namespaces
      </p>
      <DataTable
        columns={["Namespace", "Lab", "Country", "Kind", "Source"]}
        testId="registry-table"
        scrollStyle={{ maxHeight: 520, overflowY: "auto" }}
      >
        {shown.map((r) => (
          <tr key={r.namespace}>
            <td>
              <code>{r.namespace}</code>
              {r.note ? <div className="muted small">{r.note}</div> : null}
            </td>
            <td>{r.lab ?? "–"}</td>
            <td>{r.country ?? r.region}</td>
            <td>{r.kind ?? "–"}</td>
            <td className="small">{r.source ? <a href={r.source}>{hostOf(r.source)}</a> : "–"}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
