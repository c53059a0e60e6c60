import type { DatabaseSummary } from "@/lib/analytics/database-summary";

const fmt = new Intl.NumberFormat("en-US");

export function DatabaseSummaryCard({ summary }: { summary: DatabaseSummary }) {
  const rows: [string, string][] = [
    ["Labs", fmt.format(summary.labs)],
    [
      "Hub namespaces",
      `${fmt.format(summary.organizations)} (${fmt.format(summary.attributedOrganizations)} attributed)`,
    ],
    ["Models", fmt.format(summary.models)],
    ["Snapshots", fmt.format(summary.snapshots)],
    ["Latest snapshot", summary.latestSnapshotDate ?? "none yet"],
    [
      "Last successful ingestion",
      summary.lastSucceededRun
        ? `run #${summary.lastSucceededRun.id}, as of ${summary.lastSucceededRun.asOf}`
        : "none yet",
    ],
  ];
  return (
    <section
      aria-labelledby="db-summary"
      style={{
        border: "1px solid var(--border)",
        borderRadius: "var(--radius)",
        padding: 16,
        background: "var(--card)",
      }}
    >
      <h2 id="db-summary" style={{ marginTop: 0, fontSize: 16 }}>
        Data held
      </h2>
      <dl
        data-testid="database-summary"
        style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: "4px 16px", margin: 0 }}
      >
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: "contents" }}>
            <dt style={{ color: "var(--muted)" }}>{label}</dt>
            <dd style={{ margin: 0, fontVariantNumeric: "tabular-nums" }}>{value}</dd>
          </div>
        ))}
      </dl>
      <p style={{ color: "var(--muted)", fontSize: 13, marginBottom: 0 }}>Served from {summary.database}.</p>
    </section>
  );
}
