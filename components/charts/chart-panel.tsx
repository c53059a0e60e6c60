"use client";

import { type ReactNode, useState } from "react";
import { EmbedDialog } from "@/components/embed/embed-dialog";

type Props = {
  title: string;
  subtitle?: ReactNode;
  /** Query string of the chart's /api/v1/share request */
  apiQuery: string;
  status: "loading" | "error" | "empty" | "ready";
  error?: string;
  onRetry?: () => void;
  emptyMessage?: ReactNode;
  controls?: ReactNode;
  table?: ReactNode;
  children: ReactNode;
};

/**
 * Every chart goes through this frame: one loading, error and empty treatment, and the same
 * actions (CSV, PNG, copy link, data table).
 */
export function ChartPanel({
  title,
  subtitle,
  apiQuery,
  status,
  error,
  onRetry,
  emptyMessage,
  controls,
  table,
  children,
}: Props) {
  const [copied, setCopied] = useState(false);
  const copyLink = async () => {
    await navigator.clipboard?.writeText(window.location.href).catch(() => {});
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <section className="card" aria-label={title}>
      <div
        style={{
          display: "flex",
          flexWrap: "wrap",
          alignItems: "baseline",
          justifyContent: "space-between",
          gap: 8,
        }}
      >
        <div>
          <h2 style={{ marginBottom: 2 }}>{title}</h2>
          {subtitle ? (
            <p className="muted small" style={{ margin: 0 }}>
              {subtitle}
            </p>
          ) : null}
        </div>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 6 }}>
          {controls}
          <EmbedDialog queryString={apiQuery} defaultTitle={title} />
          <a className="btn" href={`/api/v1/share?${apiQuery}${apiQuery ? "&" : ""}format=csv`} download>
            CSV
          </a>
          {/* The server renders the image: same numbers, with legend and source line. */}
          <a
            className="btn"
            href={`/api/v1/share.png?${apiQuery}${apiQuery ? "&" : ""}${new URLSearchParams({ title })}`}
            download
          >
            PNG
          </a>
          <button type="button" className="btn" onClick={copyLink}>
            {copied ? "Copied" : "Copy link"}
          </button>
        </div>
      </div>
      <div style={{ marginTop: 12, minHeight: 200 }}>
        {status === "loading" ? (
          <div className="skeleton" style={{ height: 320 }} role="status" aria-label="Loading chart" />
        ) : status === "error" ? (
          <div role="alert" style={{ padding: 24, textAlign: "center" }}>
            <p style={{ color: "var(--error)", marginTop: 0 }}>
              Could not load this chart: {error ?? "unknown error"}
            </p>
            {onRetry ? (
              <button type="button" className="btn" onClick={onRetry}>
                Retry
              </button>
            ) : null}
          </div>
        ) : status === "empty" ? (
          <div style={{ padding: 24, textAlign: "center" }} className="muted">
            {emptyMessage ?? "No data for these filters."}
          </div>
        ) : (
          children
        )}
      </div>
      {status === "ready" && table ? (
        <details style={{ marginTop: 8 }}>
          <summary className="small" style={{ cursor: "pointer" }}>
            Data table
          </summary>
          {table}
        </details>
      ) : null}
    </section>
  );
}
