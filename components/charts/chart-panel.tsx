"use client";

import { type ReactNode, useRef, useState } from "react";
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
  const figure = useRef<HTMLDivElement>(null);
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
          <button
            type="button"
            className="btn"
            onClick={() => downloadPng(figure.current, title)}
            disabled={status !== "ready"}
          >
            PNG
          </button>
          <button type="button" className="btn" onClick={copyLink}>
            {copied ? "Copied" : "Copy link"}
          </button>
        </div>
      </div>
      <div ref={figure} style={{ marginTop: 12, minHeight: 200 }}>
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

/** Renders the chart's SVG onto a canvas with a white/dark background and a source line. */
async function downloadPng(container: HTMLElement | null, title: string) {
  const svg = container?.querySelector("svg.recharts-surface");
  if (!svg || !container) return;
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  const style = getComputedStyle(document.documentElement);
  const css = ["--grid", "--subtle", "--fg", "--muted", "--bg", "--border"]
    .map((v) => `${v}:${style.getPropertyValue(v)}`)
    .join(";");
  clone.setAttribute("style", css);
  const data = new XMLSerializer().serializeToString(clone);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(data)}`;
  await image.decode();
  const scale = 2;
  const canvas = document.createElement("canvas");
  canvas.width = width * scale;
  canvas.height = (height + 56) * scale;
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.scale(scale, scale);
  ctx.fillStyle = style.getPropertyValue("--bg") || "#fff";
  ctx.fillRect(0, 0, width, height + 56);
  ctx.fillStyle = style.getPropertyValue("--fg") || "#111";
  ctx.font = "600 15px sans-serif";
  ctx.fillText(title, 8, 20);
  ctx.drawImage(image, 0, 28, width, height);
  ctx.font = "12px sans-serif";
  ctx.fillStyle = style.getPropertyValue("--muted") || "#555";
  ctx.fillText(
    `Data: Hugging Face Hub downloads · Open Model Share · ${window.location.href}`.slice(0, 160),
    8,
    height + 48,
  );
  const link = document.createElement("a");
  link.download = `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.png`;
  link.href = canvas.toDataURL("image/png");
  link.click();
}
