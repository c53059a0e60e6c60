"use client";

import { useEffect, useRef } from "react";
import { ShareChart } from "@/components/charts/lazy-charts";
import type { ShareResult } from "@/lib/analytics/share-over-time";

type Props = {
  result: ShareResult;
  title: string;
  height: number | null;
  permalink: string;
  siteName: string;
  stale: boolean;
};

/**
 * The chart-only embed: title, chart with legend and crossover, one-line source linking back.
 * It fills its iframe, and tells the parent page its height (for auto-resizing embeds).
 */
export function EmbedView({ result, title, height, permalink, siteName, stale }: Props) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = root.current;
    if (!el || window.parent === window) return;
    const post = () =>
      window.parent.postMessage({ type: "open-model-share:resize", height: el.scrollHeight }, "*");
    const observer = new ResizeObserver(post);
    observer.observe(el);
    post();
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={root}
      style={{
        padding: "10px 12px 8px",
        display: "flex",
        flexDirection: "column",
        height: height ? undefined : "100vh",
      }}
    >
      <div style={{ fontWeight: 700, fontSize: 16 }}>{title}</div>
      <div className="muted small">
        {result.query.from} to {result.query.to} · {result.query.attribution} attribution · cohort{" "}
        {result.query.cohort}
        {result.freshness.demo ? " · demo data" : ""}
        {stale ? " · showing the last available figures" : ""}
      </div>
      <div style={{ flex: 1, minHeight: 180 }}>
        <ShareChart result={result} height={height ?? "100%"} />
      </div>
      <div className="muted small" style={{ marginTop: 4 }}>
        Data: Hugging Face Hub downloads, {result.freshness.dataAsOf ?? "n/a"} ·{" "}
        <a href={permalink} target="_blank" rel="noopener">
          {siteName}
        </a>
      </div>
    </div>
  );
}
