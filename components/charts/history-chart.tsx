"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/lib/format/numbers";

/** One model's trailing-30-day downloads at each snapshot. */
export function HistoryChart({ history }: { history: { date: string; downloads30d: string }[] }) {
  const rows = history.map((h) => ({ date: h.date, downloads: Number(h.downloads30d) }));
  return (
    <div style={{ width: "100%", height: 260 }} data-testid="history-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tick={{ fontSize: 12, fill: "var(--subtle)" }} minTickGap={24} />
          <YAxis
            tick={{ fontSize: 12, fill: "var(--subtle)" }}
            tickFormatter={(v: number) => formatCount(v)}
            width={52}
          />
          <Tooltip
            formatter={(v) => (typeof v === "number" ? formatCount(v) : "–")}
            contentStyle={{
              background: "var(--bg)",
              border: "1px solid var(--border)",
              borderRadius: 8,
              fontSize: 13,
            }}
          />
          <Line
            type="monotone"
            dataKey="downloads"
            name="Downloads (30 d)"
            stroke="var(--accent)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
