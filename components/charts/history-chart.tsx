import { bucketLabel, niceTicks } from "@/lib/charts/chart-model";
import { textWidth } from "@/lib/charts/layout";
import { formatCount } from "@/lib/format/numbers";

const W = 960;
const H = 260;

/** One model's trailing-30-day downloads at each snapshot, as plain SVG (no script needed). */
export function HistoryChart({ history }: { history: { date: string; downloads30d: string | bigint }[] }) {
  const values = history.map((h) => Number(h.downloads30d));
  const { top, ticks } = niceTicks(Math.max(1, ...values));
  const plot = {
    x: 12 + Math.max(...ticks.map((t) => textWidth(formatCount(t), 12))),
    y: 10,
    w: 0,
    h: H - 40,
  };
  plot.w = W - plot.x - 16;
  const n = history.length;
  const x = (i: number) => plot.x + (n <= 1 ? plot.w / 2 : (i / (n - 1)) * plot.w);
  const y = (v: number) => plot.y + plot.h - (v / top) * plot.h;
  const d = values.map((v, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join("");
  const every = Math.max(1, Math.ceil(n / 8));
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={`Downloads in the last 30 days at each of ${n} snapshots`}
      data-testid="history-chart"
      style={{ display: "block", fontFamily: "inherit" }}
    >
      {ticks.map((t) => (
        <g key={t}>
          <line
            x1={plot.x}
            x2={plot.x + plot.w}
            y1={y(t)}
            y2={y(t)}
            stroke="var(--grid)"
            strokeDasharray="3 3"
          />
          <text x={plot.x - 8} y={y(t) + 4} fontSize={12} textAnchor="end" fill="var(--muted)">
            {formatCount(t)}
          </text>
        </g>
      ))}
      {history.map((h, i) =>
        (n - 1 - i) % every === 0 ? (
          <text
            key={h.date}
            x={x(i)}
            y={H - 10}
            fontSize={12}
            textAnchor={i === 0 ? "start" : i === n - 1 ? "end" : "middle"}
            fill="var(--muted)"
          >
            {bucketLabel(h.date, "day")}
          </text>
        ) : null,
      )}
      <path d={d} fill="none" stroke="var(--accent)" strokeWidth={2} />
      {n === 1 ? <circle cx={x(0)} cy={y(values[0] ?? 0)} r={4} fill="var(--accent)" /> : null}
    </svg>
  );
}
