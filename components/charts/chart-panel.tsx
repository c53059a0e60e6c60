"use client";

import { type ReactNode, useState } from "react";
import { EmbedDialog } from "@/components/embed/embed-dialog";
import { type ChartState, chartUrl } from "@/lib/charts/chart-state";

type Props = {
  title: string;
  subtitle?: ReactNode;
  /** The chart's state: every link (embed, CSV, PNG, data bundle) is this state serialised */
  state: ChartState;
  empty?: boolean;
  emptyMessage?: ReactNode;
  /** Above the chart, on the right (view tabs, mode and value toggles) */
  controls?: ReactNode;
  children: ReactNode;
};

/**
 * Every chart goes through this frame: one empty treatment, and the same actions, made from the
 * same state the chart shows (embed, CSV, PNG, a zip of the data with its notes, copy link).
 */
export function ChartPanel({ title, subtitle, state, empty, emptyMessage, controls, children }: Props) {
  const [copied, setCopied] = useState(false);
  const copyLink = async () => {
    await navigator.clipboard?.writeText(window.location.href).catch(() => {});
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <section className="card chart-panel" aria-label={title}>
      <div className="chart-panel-head">
        <div>
          <h2 style={{ marginBottom: 2 }}>{title}</h2>
          {subtitle ? (
            <p className="muted small panel-subtitle" style={{ margin: 0 }}>
              {subtitle}
            </p>
          ) : null}
        </div>
      </div>
      {controls ? <div className="chart-controls">{controls}</div> : null}
      <div style={{ marginTop: 8, minHeight: 120 }}>
        {empty ? (
          <div style={{ padding: 24, textAlign: "center" }} className="muted">
            {emptyMessage ?? "No data for these filters."}
          </div>
        ) : (
          children
        )}
      </div>
      <div className="chart-actions">
        <EmbedDialog embedPath={chartUrl("embed", state)} defaultTitle={title} />
        <a className="btn" href={chartUrl("csv", state)} download>
          CSV
        </a>
        <a className="btn" href={chartUrl("png", state, { title })} download>
          PNG
        </a>
        <a
          className="btn"
          href={chartUrl("zip", state, { title })}
          download
          title="CSV long and wide, notes, citation"
        >
          Data (zip)
        </a>
        <button type="button" className="btn" onClick={copyLink}>
          {copied ? "Copied" : "Copy link"}
        </button>
      </div>
    </section>
  );
}
