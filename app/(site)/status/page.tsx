import type { Metadata } from "next";
import Link from "next/link";
import { RunsLive } from "@/components/status/runs-live";
import { type Column, DataTable, numeric } from "@/components/tables/data-table";
import { getAttributionGapAnswer } from "@/lib/analytics/answers";
import { getFreshness } from "@/lib/analytics/freshness";
import { listIngestRuns } from "@/lib/analytics/ingest-runs";
import { getLastVerification } from "@/lib/analytics/verification";
import { ingestRunsEtag } from "@/lib/api/ingest-runs-etag";
import { getDb } from "@/lib/db";
import { formatCount, formatShare } from "@/lib/format/numbers";
import { deliveryLog, listSubscriptions } from "@/lib/webhooks/subscriptions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Data status" };

const GAP_COLUMNS: Column[] = ["Namespace", numeric("Models"), numeric("Downloads (30 d)"), numeric("Share")];
const SUBSCRIPTION_COLUMNS: Column[] = [
  "#",
  "Receiver",
  "Events",
  numeric("Delivered"),
  numeric("Pending"),
  numeric("Failed"),
];
const DELIVERY_COLUMNS: Column[] = [
  "Last try (UTC)",
  "#",
  "Event",
  "Status",
  numeric("Tries"),
  "Last answer",
];

/** A receiver by its origin only: a webhook URL's path and query are often its secret. */
const receiverOf = (url: string) => {
  try {
    return `${new URL(url).origin}/…`;
  } catch {
    return "–";
  }
};
const utc = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "–");

export default async function StatusPage() {
  const db = await getDb();
  // One after another, not Promise.all: the embedded database (PGlite) serves one query at a time.
  const freshness = await getFreshness(db);
  // The list the API answers (its ETag seeds the page's poll); the page shows the latest 30.
  const runs = await listIngestRuns(db);
  const gap = (await getAttributionGapAnswer(db)).value;
  const verification = await getLastVerification(db);
  const subscriptions = await listSubscriptions(db);
  const deliveries = await deliveryLog(db, 30);
  return (
    <main className="stack">
      <div>
        <h1>Data status</h1>
        <p className="lede">
          How fresh and how complete the data is, and what the ingestion job has been doing.
        </p>
      </div>
      <div className="grid-cards">
        <div className="card">
          <div className="muted small">Data as of</div>
          <div style={{ fontSize: 24, fontWeight: 700 }}>{freshness.dataAsOf ?? "–"}</div>
          <div className="muted small">
            {freshness.demo ? "demo data" : freshness.lastRun ? `run #${freshness.lastRun.id}` : "no run yet"}
          </div>
        </div>
        <div className="card">
          <div className="muted small">Models tracked</div>
          <div className="num" style={{ fontSize: 24, fontWeight: 700 }}>
            {freshness.modelsTracked.toLocaleString("en-US")}
          </div>
        </div>
        <div className="card">
          <div className="muted small">Downloads attributed</div>
          <div className="num" style={{ fontSize: 24, fontWeight: 700 }}>
            {formatShare(freshness.attributedShare)}
          </div>
          <div className="muted small">the rest is the attribution gap</div>
        </div>
        <div className="card" data-testid="verification">
          <div className="muted small">Last verification</div>
          <div
            style={{
              fontSize: 24,
              fontWeight: 700,
              color: verification && !verification.ok ? "var(--error)" : undefined,
            }}
          >
            {verification ? (verification.ok ? "no drift" : `${verification.driftCount} drift(s)`) : "–"}
          </div>
          <div className="muted small">
            {verification
              ? `${verification.dates} of ${verification.publishedDates} published dates recomputed, ${verification.at.slice(0, 16).replace("T", " ")} UTC`
              : "not run yet: npm run verify"}
          </div>
        </div>
      </div>
      <section className="card">
        <h2>Ingestion runs</h2>
        <RunsLive seed={{ data: { runs }, etag: ingestRunsEtag(runs) }} />
      </section>
      <section className="card">
        <h2>Attribution gap</h2>
        <p className="muted small" style={{ marginTop: 0 }}>
          Unattributed namespaces ranked by trailing-30-day downloads at {gap.date ?? "–"}: together{" "}
          {formatShare(gap.unattributedShare)} of all downloads. The top ones are the most valuable next
          registry entries. <a href="/api/v1/attribution-gap?format=csv">CSV</a>
        </p>
        {gap.namespaces.length === 0 ? (
          <p className="muted">Nothing unattributed.</p>
        ) : (
          <DataTable columns={GAP_COLUMNS} testId="gap-table">
            {gap.namespaces.slice(0, 25).map((n) => (
              <tr key={n.namespace}>
                <td>
                  <Link href={`/models?namespace=${encodeURIComponent(n.namespace)}`}>{n.namespace}</Link>
                </td>
                <td className="num">{n.models}</td>
                <td className="num">{formatCount(n.downloads30d)}</td>
                <td className="num">{formatShare(n.share, 2)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section className="card">
        <h2 id="webhooks">Webhooks</h2>
        <p className="muted small" style={{ marginTop: 0 }}>
          Where the events of each publish are sent (<code>npm run webhooks</code>; the feeds are{" "}
          <a href="/feed.atom">Atom</a> and <a href="/feed.json">JSON Feed</a>), and the latest deliveries.
        </p>
        {subscriptions.length === 0 ? (
          <p className="muted">No subscriptions.</p>
        ) : (
          <DataTable columns={SUBSCRIPTION_COLUMNS} testId="webhook-subscriptions">
            {subscriptions.map((s) => (
              <tr key={s.id}>
                <td>{s.id}</td>
                <td>
                  {receiverOf(s.url)}
                  {s.removedAt ? " (removed)" : ""}
                </td>
                <td>
                  {[
                    s.labs.length ? `labs ${s.labs.join(", ")}` : "",
                    s.countries.length ? `countries ${s.countries.join(", ")}` : "",
                    s.kinds.length ? `kinds ${s.kinds.join(", ")}` : "",
                  ]
                    .filter(Boolean)
                    .join("; ") || "all"}
                </td>
                <td className="num">{s.delivered}</td>
                <td className="num">{s.pending}</td>
                <td className="num">{s.failed}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {deliveries.length > 0 ? (
          <DataTable columns={DELIVERY_COLUMNS} testId="webhook-deliveries">
            {deliveries.map((d) => (
              <tr key={d.id}>
                <td>{utc(d.lastAttemptAt)}</td>
                <td>{d.subscriptionId}</td>
                <td>
                  {d.date} {d.kind}
                </td>
                <td>
                  {d.status === "pending" && d.attempts > 0 ? `retry at ${utc(d.nextAttemptAt)}` : d.status}
                </td>
                <td className="num">{d.attempts}</td>
                <td>{d.lastStatus ?? d.lastError ?? "–"}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>
    </main>
  );
}
