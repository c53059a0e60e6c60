"use client";

import type { ComponentType } from "react";
import type { SparklinePlotProps } from "./live/sparkline-plot";
import { useLiveModule } from "./use-live";

const loadPlot = () => import("./live/sparkline-plot");
const plotCache: { current: ComponentType<SparklinePlotProps> | null } = { current: null };

export const SPARK_WIDTH = 96;
export const SPARK_HEIGHT = 24;

/**
 * A small trend line: drawn still, and by recharts (with a tooltip giving each month's value)
 * once the reader points at, touches or focuses it.
 */
export function Sparkline({ points, color, label }: SparklinePlotProps) {
  const [Plot, want] = useLiveModule(loadPlot, plotCache);
  const known = points
    .map((p, i) => ({ v: p.value, i }))
    .filter((p): p is { v: number; i: number } => p.v !== null);
  if (known.length < 2) return <span className="muted small">–</span>;
  if (Plot)
    return (
      <span className="sparkline" data-live="true">
        <Plot points={points} color={color} label={label} />
      </span>
    );
  const max = Math.max(...known.map((p) => p.v), 1e-9);
  const step = SPARK_WIDTH / Math.max(1, points.length - 1);
  const d = known
    .map(
      (p) => `${(p.i * step).toFixed(1)},${(SPARK_HEIGHT - (p.v / max) * (SPARK_HEIGHT - 2) - 1).toFixed(1)}`,
    )
    .join(" ");
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: pointing at, touching or focusing the trend loads its tooltip
    <span
      className="sparkline"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: focusing the trend shows its values, period by period
      tabIndex={0}
      onPointerEnter={want}
      onTouchStart={want}
      onFocus={want}
      data-live="false"
    >
      <svg width={SPARK_WIDTH} height={SPARK_HEIGHT} role="img" aria-label={label}>
        <polyline points={d} fill="none" stroke={color} strokeWidth={1.5} />
      </svg>
    </span>
  );
}
