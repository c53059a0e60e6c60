"use client";

import { type ComponentType, type ReactNode, useState } from "react";
import { type ChartValues, chartUrl } from "@/lib/charts/chart-state";
import { type ChartData, CiteChart } from "./cite-chart";

type EmbedDialogProps = {
  embedPath: string;
  pinnedPath: string | null;
  data: ChartData | null;
  defaultTitle: string;
  startOpen: boolean;
};

type Props = {
  title: string;
  subtitle?: ReactNode;
  /** The chart's values: every link (embed, CSV, PNG, data bundle) is these, written for its surface */
  values: ChartValues;
  /** The data version the chart shows (absent while nothing is loaded) */
  data?: ChartData | null;
  /** Above the chart (view tabs, mode and value toggles) */
  controls?: ReactNode;
  children: ReactNode;
};

/**
 * Every chart goes through this frame: the same actions, made from the same state the chart shows
 * (embed, CSV, PNG, a zip of the data with its notes, copy link). The embed dialog's code loads
 * when it is first opened.
 */
export function ChartPanel({ title, subtitle, values, data = null, controls, children }: Props) {
  const [copied, setCopied] = useState(false);
  const [Dialog, setDialog] = useState<ComponentType<EmbedDialogProps> | null>(null);
  const copyLink = async () => {
    await navigator.clipboard?.writeText(window.location.href).catch(() => {});
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  const embedPath = chartUrl("embed", values);
  const pinned = data ? { ...values, version: values.version ?? data.dataVersion } : null;
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
      <div style={{ marginTop: 8, minHeight: 120 }}>{children}</div>
      <div className="chart-actions">
        {Dialog ? (
          <Dialog
            embedPath={embedPath}
            pinnedPath={pinned ? chartUrl("embed", pinned) : null}
            data={data}
            defaultTitle={title}
            startOpen
          />
        ) : (
          <button
            type="button"
            className="btn"
            onClick={() =>
              void import("@/components/embed/embed-dialog").then((m) => setDialog(() => m.EmbedDialog))
            }
          >
            Embed
          </button>
        )}
        <a className="btn" href={chartUrl("csv", values)} download>
          CSV
        </a>
        <a
          className="btn"
          href={chartUrl("parquet", values)}
          download
          title="Typed columns, exact counts, definitions and citation in the file's metadata"
        >
          Parquet
        </a>
        <a className="btn" href={chartUrl("png", { ...values, title })} download>
          PNG
        </a>
        <a
          className="btn"
          href={chartUrl("zip", { ...values, title })}
          download
          title="CSV long and wide, notes, citation"
        >
          Data (zip)
        </a>
        <button type="button" className="btn" onClick={copyLink}>
          {copied ? "Copied" : "Copy link"}
        </button>
      </div>
      {data && pinned ? <CiteChart title={title} data={data} pagePath={chartUrl("page", pinned)} /> : null}
    </section>
  );
}
