import Link from "next/link";
import type { Freshness } from "@/lib/analytics/freshness";

/** Demo data is labelled on every page; so is an empty database and an unreachable one. */
export function DataBanner({
  freshness,
  unavailable,
}: {
  freshness: Freshness | null;
  unavailable?: boolean;
}) {
  const style = {
    background: "var(--warn-bg)",
    color: "var(--warn-fg)",
    padding: "6px 16px",
    fontSize: 14,
    textAlign: "center" as const,
  };
  if (unavailable) {
    return (
      <div role="status" style={style}>
        The database is unavailable right now: anything shown is the last data this server had, and live
        figures will return shortly.
      </div>
    );
  }
  if (freshness?.demo) {
    return (
      <div role="status" data-testid="demo-banner" style={style}>
        <strong>Demo data:</strong> a generated sample, not real Hub downloads, until the first ingestion run.{" "}
        <Link href="/methodology#demo-data">What is this?</Link>
      </div>
    );
  }
  if (freshness && !freshness.dataAsOf) {
    return (
      <div role="status" style={style}>
        No data yet: run <code>npm run ingest</code> to take the first snapshot.{" "}
        <Link href="/status">Data status</Link>
      </div>
    );
  }
  return null;
}
