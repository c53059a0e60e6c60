"use client";

import { Line, LineChart, Tooltip, type TooltipContentProps, YAxis } from "recharts";

export type SparklinePlotProps = {
  points: { label: string; value: number | null; text: string }[];
  color: string;
  label: string;
};

/** A sparkline drawn by recharts: the same line, with the period and its value on hover, touch or keys. */
export default function SparklinePlot({ points, color, label }: SparklinePlotProps) {
  const max = Math.max(1e-9, ...points.map((p) => p.value ?? 0));
  return (
    <LineChart
      width={96}
      height={24}
      data={points}
      margin={{ top: 1, right: 0, bottom: 1, left: 0 }}
      accessibilityLayer
      role="img"
      aria-label={`${label}: use the arrow keys to read each month`}
    >
      <YAxis hide domain={[0, max]} />
      <Tooltip
        isAnimationActive={false}
        cursor={{ stroke: "var(--muted)", strokeWidth: 1 }}
        allowEscapeViewBox={{ x: true, y: true }}
        wrapperStyle={{ zIndex: 3 }}
        content={({ active, payload }: TooltipContentProps) => {
          const point = payload?.[0]?.payload as SparklinePlotProps["points"][number] | undefined;
          return active && point ? (
            <div className="chart-tooltip" role="status">
              <strong>{point.label}</strong> {point.text}
            </div>
          ) : null;
        }}
      />
      <Line
        dataKey="value"
        type="linear"
        stroke={color}
        strokeWidth={1.5}
        dot={false}
        activeDot={{ r: 2.5 }}
        isAnimationActive={false}
        connectNulls={false}
      />
    </LineChart>
  );
}
