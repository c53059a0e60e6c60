import { ImageResponse } from "next/og";
import { type ChartGeometry, THEMES, type Theme } from "./layout";

/**
 * The same chart as PNG through next/og (satori + resvg, no browser): text as laid-out boxes,
 * the plot as an inline SVG of paths, both placed from the shared geometry.
 */
export function renderPngChart(g: ChartGeometry, theme: Theme): ImageResponse {
  const t = THEMES[theme];
  const perRow = Math.max(1, Math.floor((g.width - 40) / 190));
  const abs = (x: number, y: number) => ({ position: "absolute" as const, left: x, top: y, display: "flex" });
  return new ImageResponse(
    <div
      style={{
        width: g.width,
        height: g.height,
        background: t.bg,
        color: t.fg,
        display: "flex",
        position: "relative",
      }}
    >
      <div style={{ ...abs(20, 12), fontSize: 20, fontWeight: 700 }}>{g.title}</div>
      <div style={{ ...abs(20, 42), fontSize: 13, color: t.muted }}>{g.subtitle}</div>
      <svg
        width={g.width}
        height={g.height}
        style={{ position: "absolute", left: 0, top: 0 }}
        viewBox={`0 0 ${g.width} ${g.height}`}
        aria-hidden="true"
      >
        {g.yTicks.map((tick) => (
          <line
            key={tick.label}
            x1={g.plot.x}
            x2={g.plot.x + g.plot.w}
            y1={tick.y}
            y2={tick.y}
            stroke={t.grid}
            strokeDasharray="3 3"
          />
        ))}
        {g.crossovers.map((c) => (
          <line
            key={c.label}
            x1={c.x}
            x2={c.x}
            y1={g.plot.y}
            y2={g.plot.y + g.plot.h}
            stroke={t.fg}
            strokeDasharray="4 3"
          />
        ))}
        {g.series.map((s) =>
          s.path ? <path key={s.key} d={s.path} fill="none" stroke={s.color} strokeWidth={2.5} /> : null,
        )}
      </svg>
      {g.yTicks.map((tick) => (
        <div
          key={tick.label}
          style={{
            ...abs(0, tick.y - 8),
            width: g.plot.x - 8,
            justifyContent: "flex-end",
            fontSize: 12,
            color: t.muted,
          }}
        >
          {tick.label}
        </div>
      ))}
      {g.xTicks.map((tick) => (
        <div
          key={tick.label}
          style={{
            ...abs(tick.x - 45, g.plot.y + g.plot.h + 6),
            width: 90,
            justifyContent: "center",
            fontSize: 12,
            color: t.muted,
          }}
        >
          {tick.label}
        </div>
      ))}
      {g.crossovers.length > 0 ? (
        <div
          style={{
            ...abs(Math.max(g.plot.x, (g.crossovers.at(-1)?.x ?? 0) - 330), g.plot.y + 2),
            width: 326,
            justifyContent: "flex-end",
            fontSize: 12,
          }}
        >
          {g.crossovers.at(-1)?.label}
        </div>
      ) : null}
      {g.empty ? (
        <div
          style={{
            ...abs(g.plot.x, g.plot.y + g.plot.h / 2 - 10),
            width: g.plot.w,
            justifyContent: "center",
            fontSize: 14,
            color: t.muted,
          }}
        >
          No data for this selection
        </div>
      ) : null}
      {g.series.map((s, i) => (
        <div
          key={s.key}
          style={{
            ...abs(20 + (i % perRow) * 190, g.plot.y + g.plot.h + 28 + Math.floor(i / perRow) * 22),
            alignItems: "center",
            fontSize: 13,
          }}
        >
          <div style={{ width: 12, height: 12, borderRadius: 2, background: s.color, marginRight: 6 }} />
          {`${s.label} ${s.share}`}
        </div>
      ))}
      <div style={{ ...abs(20, g.height - 26), fontSize: 12, color: t.muted }}>{g.source}</div>
    </div>,
    { width: g.width, height: g.height },
  );
}
