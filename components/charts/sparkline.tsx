/** A tiny inline trend line (no chart library: it is drawn dozens of times per page). */
export function Sparkline({
  values,
  color,
  label,
}: {
  values: (number | null)[];
  color: string;
  label: string;
}) {
  const points = values.map((v, i) => ({ v, i })).filter((p): p is { v: number; i: number } => p.v !== null);
  if (points.length < 2) return <span className="muted small">–</span>;
  const max = Math.max(...points.map((p) => p.v), 1e-9);
  const w = 96;
  const h = 24;
  const step = w / Math.max(1, values.length - 1);
  const d = points
    .map((p) => `${(p.i * step).toFixed(1)},${(h - (p.v / max) * (h - 2) - 1).toFixed(1)}`)
    .join(" ");
  return (
    <svg width={w} height={h} role="img" aria-label={label}>
      <polyline points={d} fill="none" stroke={color} strokeWidth={1.5} />
    </svg>
  );
}
