"use client";

import { useId } from "react";
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ReferenceFigure } from "@/lib/analytics/reference-figures";
import type { ShareResult } from "@/lib/analytics/share-over-time";
import { formatCount, formatShare } from "@/lib/format/numbers";

export type ChartMode = "lines" | "stacked";
export type ChartValue = "share" | "downloads";

type Props = {
  result: ShareResult;
  mode?: ChartMode;
  value?: ChartValue;
  height?: number | string;
  references?: ReferenceFigure[];
  /** Name series by the crossover label, e.g. "China passes the US" */
  crossoverLabel?: (leader: string, previous: string, date: string) => string;
};

type Row = Record<string, number | string | null>;

/** Rows for recharts: one per bucket, a number per series (share in % or downloads). */
export function chartRows(result: ShareResult, value: ChartValue): Row[] {
  return result.points.map((p) => {
    const row: Row = { date: p.date };
    for (const s of result.series) {
      const v = p.values[s.key];
      row[s.key] = !v
        ? null
        : value === "share"
          ? v.share === null
            ? null
            : v.share * 100
          : Number(v.downloads);
    }
    return row;
  });
}

function labelOf(result: ShareResult, key: string) {
  return result.series.find((s) => s.key === key)?.label ?? key;
}

/**
 * The share-over-time chart used by the overview, lab pages and embeds. Series colours come from
 * the API (fixed per region and lab); the crossover between the two compared series is drawn
 * and labelled; published reference figures are shown as cited markers.
 */
export function ShareChart({
  result,
  mode = "lines",
  value = "share",
  height = 360,
  references = [],
  crossoverLabel,
}: Props) {
  const titleId = useId();
  const rows = chartRows(result, value);
  const stacked = mode === "stacked";
  const yFormat = (v: number) => (value === "share" ? `${Math.round(v)}%` : formatCount(v));
  const tooltipFormat = (v: unknown) =>
    typeof v === "number" ? (value === "share" ? formatShare(v / 100) : formatCount(v)) : "–";
  const crossovers = result.crossover?.dates ?? [];
  const describeCrossover = (c: { leader: string; previousLeader: string; date: string }) =>
    crossoverLabel
      ? crossoverLabel(c.leader, c.previousLeader, c.date)
      : `${labelOf(result, c.leader)} passes ${labelOf(result, c.previousLeader)}, ${c.date}`;
  const firstDate = result.points[0]?.date ?? "";
  const lastDate = result.points.at(-1)?.date ?? "";
  const visibleRefs =
    value === "share"
      ? references.filter((r) => r.to >= firstDate && r.to.slice(0, 7) <= lastDate.slice(0, 7))
      : [];
  const refX = (r: ReferenceFigure) =>
    rows
      .map((row) => String(row.date))
      .filter((d) => d <= r.to)
      .at(-1) ?? null;

  const common = { data: rows, margin: { top: 28, right: 16, bottom: 4, left: 0 } };
  const axes = (
    <>
      <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="date"
        tick={{ fontSize: 12, fill: "var(--subtle)" }}
        minTickGap={24}
        tickFormatter={(d: string) => (result.query.interval === "month" ? d.slice(0, 7) : d)}
      />
      <YAxis
        tick={{ fontSize: 12, fill: "var(--subtle)" }}
        tickFormatter={yFormat}
        width={52}
        domain={value === "share" && stacked ? [0, 100] : [0, "auto"]}
      />
      <Tooltip
        formatter={tooltipFormat}
        labelFormatter={(d) => `Bucket from ${String(d)}`}
        contentStyle={{
          background: "var(--bg)",
          border: "1px solid var(--border)",
          borderRadius: 8,
          fontSize: 13,
        }}
      />
      <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
      {crossovers.map((c, i) => (
        <ReferenceLine
          key={c.date}
          x={c.date}
          stroke="var(--fg)"
          strokeDasharray="4 3"
          // Only the latest crossover is labelled on the chart; all of them are listed below it.
          label={
            i === crossovers.length - 1
              ? {
                  value: describeCrossover(c),
                  position:
                    rows.findIndex((r) => r.date === c.date) < rows.length / 2
                      ? "insideTopLeft"
                      : "insideTopRight",
                  fontSize: 12,
                  fill: "var(--fg)",
                }
              : undefined
          }
        />
      ))}
      {!stacked &&
        [...visibleRefs]
          .sort((a, b) => b.share - a.share)
          .map((r, rank) => {
            const x = refX(r);
            return x ? (
              <ReferenceDot
                key={r.id}
                x={x}
                y={r.share * 100}
                r={5}
                fill="var(--bg)"
                stroke={result.series.find((s) => s.key === r.series)?.color ?? "var(--fg)"}
                strokeWidth={2}
                // Published figures sit close together: alternate label sides so they stay legible.
                label={{
                  value: `Study: ${r.label}`,
                  position: (["top", "right", "bottom"] as const)[rank % 3],
                  fontSize: 11,
                  fill: "var(--muted)",
                }}
              />
            ) : null;
          })}
    </>
  );

  return (
    <figure aria-labelledby={titleId} style={{ margin: 0, width: "100%", height }} data-testid="share-chart">
      <figcaption id={titleId} className="visually-hidden">
        {value === "share" ? "Share" : "Downloads"} by {result.query.groupBy} from {result.query.from} to{" "}
        {result.query.to}
      </figcaption>
      <ResponsiveContainer width="100%" height="100%">
        {stacked ? (
          <AreaChart {...common} stackOffset={value === "share" ? "none" : undefined}>
            {axes}
            {result.series.map((s) => (
              <Area
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stackId="all"
                stroke={s.color}
                fill={s.color}
                fillOpacity={0.75}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </AreaChart>
        ) : (
          <LineChart {...common}>
            {axes}
            {result.series.map((s) => (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
      {crossovers.length > 1 ? (
        <p className="muted small" style={{ margin: "4px 0 0" }}>
          Leader changes: {crossovers.map(describeCrossover).join(" · ")}
        </p>
      ) : null}
    </figure>
  );
}
