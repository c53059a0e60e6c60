"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { type ChartMode, type ChartValue, chartModel } from "@/lib/charts/chart-model";
import { chartLayout } from "@/lib/charts/layout";
import { referencesFor } from "@/lib/charts/references";
import { CSS_PALETTE, chartSvg } from "@/lib/charts/svg";
import type { ShareResult } from "@/lib/domain/answers";

type Props = {
  result: ShareResult;
  mode?: ChartMode;
  value?: ChartValue;
  height?: number;
  /** Width to lay out before the first measurement (the server's render) */
  initialWidth?: number;
};

/**
 * The share chart on pages: the same drawing as the embed and the images (lib/charts/svg.ts),
 * laid out for the measured width, with a hover line and a tooltip listing every series in the
 * legend's order.
 */
export function ShareChart({
  result,
  mode = "lines",
  value = "share",
  height = 380,
  initialWidth = 960,
}: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(initialWidth);
  const [hover, setHover] = useState<number | null>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(280, Math.round(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const model = useMemo(() => chartModel(result, { mode, value }), [result, mode, value]);
  // A phone's chart is lower: it must share the first screen with the finding.
  const drawnHeight = width < 480 ? Math.min(height, 300) : height;
  const layout = useMemo(
    () =>
      chartLayout(model, {
        width,
        height: drawnHeight,
        framed: false,
        references: referencesFor(result, model),
      }),
    [model, result, width, drawnHeight],
  );
  const onMove = (event: React.PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = ((event.clientX - rect.left) / rect.width) * layout.width;
    if (x < layout.plot.x - 10 || x > layout.plot.x + layout.plot.w + 10) return setHover(null);
    let nearest = 0;
    layout.xs.forEach((bx, i) => {
      if (Math.abs(bx - x) < Math.abs((layout.xs[nearest] ?? 0) - x)) nearest = i;
    });
    setHover(nearest);
  };
  const bucket = hover === null ? null : model.buckets[hover];
  const hx = hover === null ? 0 : (layout.xs[hover] ?? 0);
  return (
    <figure style={{ margin: 0 }} data-testid="share-chart">
      <div
        ref={box}
        style={{ position: "relative", width: "100%" }}
        onPointerMove={onMove}
        onPointerLeave={() => setHover(null)}
      >
        <div
          // biome-ignore lint/security/noDangerouslySetInnerHtml: our own SVG, every text escaped (lib/charts/svg.ts)
          dangerouslySetInnerHTML={{ __html: chartSvg(layout, CSS_PALETTE, model.title) }}
        />
        {hover !== null ? (
          <div
            aria-hidden="true"
            className="chart-hover-line"
            style={{
              left: `${(hx / layout.width) * 100}%`,
              top: `${(layout.plot.y / layout.height) * 100}%`,
              height: `${(layout.plot.h / layout.height) * 100}%`,
            }}
          />
        ) : null}
        {bucket && hover !== null ? (
          <div
            role="status"
            className="chart-tooltip"
            style={{
              left: `${(hx / layout.width) * 100}%`,
              transform: hx > layout.width / 2 ? "translateX(calc(-100% - 12px))" : "translateX(12px)",
            }}
          >
            <strong>
              {bucket.label}
              {bucket.partial ? " (partial)" : ""}
            </strong>
            {model.series.map((s) => {
              const v = s.values[hover];
              return (
                <div key={s.key} style={{ display: "flex", gap: 8, justifyContent: "space-between" }}>
                  <span>
                    <span className="swatch" style={{ background: s.color }} /> {s.label}
                  </span>
                  <span>
                    {v === null || v === undefined
                      ? "–"
                      : value === "share"
                        ? `${v.toFixed(1)} %`
                        : v.toLocaleString("en-US")}
                  </span>
                </div>
              );
            })}
          </div>
        ) : null}
      </div>
      <figcaption className="muted small" style={{ marginTop: 6 }}>
        {model.legendNote} in the legend. {model.notes}
        {model.crossovers.length > 1
          ? ` Leader changes: ${model.crossovers.map((c) => c.text).join(" · ")}.`
          : ""}
      </figcaption>
    </figure>
  );
}
