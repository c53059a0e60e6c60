"use client";

import { useMemo, useState } from "react";

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
      <label className="small muted" style={{ display: "grid", gap: 2, maxWidth: 320, marginBottom: 8 }}>
        Search the registry
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="namespace, lab, country, kind…"
        />
      </label>
      <p className="muted small">
        {shown.length} of {rows.length} namespaces
      </p>
      <div className="table-scroll" style={{ maxHeight: 520, overflowY: "auto" }}>
        <table className="data" data-testid="registry-table">
          <thead>
            <tr>
              <th scope="col">Namespace</th>
              <th scope="col">Lab</th>
              <th scope="col">Country</th>
              <th scope="col">Kind</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
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
