"use client";

import { useRef } from "react";
import {
  Area,
  AreaChart,
  Brush,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  Tooltip,
  type TooltipContentProps,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
  XAxis,
  type XAxisTickContentProps,
  YAxis,
  type YAxisTickContentProps,
} from "recharts";
import { type ChartModel, formatChartValue } from "@/lib/charts/chart-model";
import {
  ANNOTATION_SIZE,
  chartPad,
  endLabelAnchors,
  endLabelRoom,
  type LayoutOptions,
  LEGEND_SIZE,
  placeAnnotations,
  placeEndLabels,
  TICK_SIZE,
  X_AXIS_HEIGHT,
} from "@/lib/charts/layout";
import { PAGE_BRUSH_HEIGHT, pagePlotLayout } from "@/lib/charts/page-plot";
import { textWidth, wrapText } from "@/lib/charts/text-metrics";
import { translator } from "@/lib/i18n";

export type SharePlotProps = {
  model: ChartModel;
  references: LayoutOptions["references"];
  width: number;
  height: number;
  /** Series keys the legend has hidden */
  hidden: ReadonlySet<string>;
  /** What is in play, said in the tooltip (cohort, attribution) */
  context: string;
  /** A brush under the plot: called with the buckets chosen, once the reader lets go */
  onRange?: ((first: number, last: number) => void) | null;
  /** The id of the chart's description in words */
  describedBy?: string;
};

type Row = { date: string; label: string; partial: boolean } & Record<
  string,
  number | string | boolean | null
>;

const dataKey = (k: number) => `s${k}`;

/**
 * A page's share chart drawn by recharts, over the same model and layout as the still drawing
 * it replaces (lib/charts/page-plot.ts): the same plot box, colours, ticks, crossovers, reference
 * figures and labels at line ends, with a tooltip on hover, touch and arrow keys (recharts'
 * accessibility layer), series the legend hides, and a brush that chooses the range.
 */
export default function SharePlot({
  model,
  references,
  width,
  height,
  hidden,
  context,
  onRange,
  describedBy,
}: SharePlotProps) {
  const brush = onRange ? PAGE_BRUSH_HEIGHT : 0;
  const layout = pagePlotLayout(model, { width, height }, references, Boolean(onRange));
  const { plot } = layout;
  const rows: Row[] = model.buckets.map((b, i) => {
    const row: Row = { date: b.date, label: b.label, partial: b.partial };
    model.series.forEach((s, k) => {
      row[dataKey(k)] = s.values[i] ?? null;
    });
    return row;
  });
  const ticks = new Map(layout.xTicks.map((t) => [t.label, t.anchor]));
  const tickDates = model.buckets.filter((b) => ticks.has(b.label)).map((b) => b.date);
  const labelOf = new Map(model.buckets.map((b) => [b.date, b.label]));
  const margin = {
    top: plot.y,
    left: chartPad(width),
    right: width - plot.x - plot.w,
    bottom: height - plot.y - plot.h - X_AXIS_HEIGHT - brush,
  };
  // The brush reports every step of a drag; the range is chosen when the reader lets go (or
  // stops pressing arrow keys on a handle).
  const pending = useRef<{ start: number; end: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commit = () => {
    if (timer.current) clearTimeout(timer.current);
    const range = pending.current;
    pending.current = null;
    if (range && onRange && (range.start > 0 || range.end < rows.length - 1)) onRange(range.start, range.end);
  };
  const common = {
    width,
    height,
    data: rows,
    margin,
    accessibilityLayer: true,
    role: "img",
    "aria-label": `${model.title}: use the left and right arrow keys to read each period`,
    "aria-describedby": describedBy,
  } as const;
  const axes = [
    <CartesianGrid key="grid" vertical={false} stroke="var(--grid)" strokeDasharray="3 3" />,
    <XAxis
      key="x"
      dataKey="date"
      type="category"
      ticks={tickDates}
      interval={0}
      height={X_AXIS_HEIGHT}
      axisLine={false}
      tickLine={false}
      tick={(props: XAxisTickContentProps) => {
        const value = String(props.payload.value);
        const label = labelOf.get(value) ?? value;
        const anchor = ticks.get(label) ?? "middle";
        const x =
          anchor === "end" ? width - chartPad(width) : anchor === "start" ? chartPad(width) : Number(props.x);
        return (
          <text
            className="x-tick"
            x={x}
            y={Number(props.y) + 12}
            fontSize={TICK_SIZE}
            textAnchor={anchor}
            fill="var(--muted)"
          >
            {label}
          </text>
        );
      }}
    />,
    <YAxis
      key="y"
      type="number"
      domain={[0, model.yMax]}
      ticks={model.yTicks.map((t) => t.value)}
      interval={0}
      allowDataOverflow
      width={plot.x - chartPad(width)}
      axisLine={false}
      tickLine={false}
      tick={(props: YAxisTickContentProps) => (
        <text
          className="y-tick"
          x={Number(props.x)}
          y={Number(props.y) + 4}
          fontSize={TICK_SIZE}
          textAnchor="end"
          fill="var(--muted)"
        >
          {model.yTicks.find((t) => t.value === props.payload.value)?.label ?? String(props.payload.value)}
        </text>
      )}
    />,
    <Tooltip
      key="tooltip"
      isAnimationActive={false}
      // A period without a snapshot is shown too, and says so.
      filterNull={false}
      cursor={{ stroke: "var(--muted)", strokeWidth: 1 }}
      content={(props: TooltipContentProps) => (
        <ShareTooltip {...props} model={model} context={context} hidden={hidden} />
      )}
    />,
    ...model.crossovers.map((c) => (
      <ReferenceLine
        key={`x-${c.bucket}`}
        x={model.buckets[c.bucket]?.date}
        stroke="var(--fg)"
        strokeDasharray="4 3"
        ifOverflow="hidden"
      />
    )),
    ...[...new Set(model.annotations.map((a) => model.buckets[a.bucket]?.date))].map((date) => (
      <ReferenceLine
        key={`a-${date}`}
        x={date}
        className="annotation"
        stroke="var(--muted)"
        strokeDasharray="1 3"
        strokeLinecap="round"
        strokeOpacity={0.8}
        ifOverflow="hidden"
      />
    )),
    ...(references ?? []).map((r) => (
      <ReferenceDot
        key={`ref-${r.label}`}
        x={model.buckets[r.bucket]?.date}
        y={r.value}
        r={5}
        fill="var(--bg)"
        stroke={r.color}
        strokeWidth={2}
        ifOverflow="hidden"
      />
    )),
    <Overlay key="overlay" model={model} references={references} width={width} />,
    ...(onRange
      ? [
          <Brush
            key="brush"
            dataKey="label"
            height={brush - 8}
            y={height - brush + 4}
            travellerWidth={8}
            stroke="var(--subtle)"
            fill="var(--bg)"
            ariaLabel="Range of the chart: drag either handle, or focus it and press the arrow keys"
            onChange={(range) => {
              pending.current = { start: range.startIndex, end: range.endIndex };
              if (timer.current) clearTimeout(timer.current);
              timer.current = setTimeout(commit, 700);
            }}
            onDragEnd={commit}
          />,
        ]
      : []),
  ];
  return model.mode === "stacked" ? (
    <AreaChart {...common}>
      {axes}
      {model.series.map((s, k) => (
        <Area
          key={s.key}
          dataKey={dataKey(k)}
          name={s.label}
          type="linear"
          stackId="share"
          stroke={s.color}
          strokeWidth={0.5}
          fill={s.color}
          fillOpacity={0.8}
          isAnimationActive={false}
          hide={hidden.has(s.key)}
          className="series-area"
        />
      ))}
    </AreaChart>
  ) : (
    <LineChart {...common}>
      {axes}
      {model.series.map((s, k) => (
        <Line
          key={s.key}
          dataKey={dataKey(k)}
          name={s.label}
          type="linear"
          stroke={s.color}
          strokeWidth={2.5}
          connectNulls={false}
          isAnimationActive={false}
          hide={hidden.has(s.key)}
          className="series-line"
          activeDot={{ r: 4, strokeWidth: 0 }}
          dot={(props: { cx?: number; cy?: number; index: number }) => {
            const lone =
              s.values[props.index] !== null &&
              (s.values[props.index - 1] ?? null) === null &&
              (s.values[props.index + 1] ?? null) === null;
            return lone && props.cx !== undefined && props.cy !== undefined ? (
              <circle key={props.index} cx={props.cx} cy={props.cy} r={3.5} fill={s.color} />
            ) : (
              <g key={props.index} />
            );
          }}
        />
      ))}
    </LineChart>
  );
}

/**
 * What recharts has no component for, drawn with its scales so it follows the brush: partial
 * periods shaded, the latest crossover's sentence, the reference figures' labels, and labels at
 * line ends pushed apart (lib/charts/layout.ts places them, with measured text).
 */
function Overlay({
  model,
  references,
  width,
}: {
  model: ChartModel;
  references: LayoutOptions["references"];
  width: number;
}) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const area = usePlotArea();
  if (!x || !y || !area) return null;
  const xOf = (bucket: number) => {
    const date = model.buckets[bucket]?.date;
    const px = date === undefined ? undefined : x(date);
    return typeof px === "number" && Number.isFinite(px) ? px : null;
  };
  const yOf = (value: number) => Number(y(Math.min(value, model.yMax)));
  const visible = model.buckets.map((_, i) => xOf(i)).filter((v): v is number => v !== null);
  const step =
    visible.length > 1 ? ((visible.at(-1) ?? 0) - (visible[0] ?? 0)) / (visible.length - 1) : area.width;
  const out: React.ReactNode[] = [];
  model.buckets.forEach((b, i) => {
    const bx = xOf(i);
    if (!b.partial || bx === null) return;
    const left = Math.max(area.x, bx - step / 2);
    const right = Math.min(area.x + area.width, bx + step / 2);
    out.push(
      <rect
        key={`p${b.date}`}
        x={left}
        y={area.y}
        width={Math.max(0, right - left)}
        height={area.height}
        fill="var(--grid)"
        opacity={0.45}
      />,
    );
  });
  const latest = model.crossovers.at(-1);
  const cx = latest ? xOf(latest.bucket) : null;
  if (latest && cx !== null) {
    const rightRoom = area.x + area.width - cx - 6;
    const leftRoom = cx - area.x - 6;
    const onRight = rightRoom >= leftRoom;
    wrapText(latest.text, 12, Math.max(60, onRight ? rightRoom : leftRoom), 600).forEach((line, k) => {
      out.push(
        <text
          key={`c${line}`}
          className="crossover-label"
          x={onRight ? cx + 5 : cx - 5}
          y={area.y + 13 + k * 15}
          fontSize={12}
          fontWeight={600}
          textAnchor={onRight ? "start" : "end"}
          fill="var(--fg)"
        >
          {line}
        </text>,
      );
    });
  }
  (references ?? []).forEach((r, k) => {
    const rx = xOf(r.bucket);
    if (rx === null) return;
    const ry = yOf(r.value);
    const right = rx + 8 + textWidth(r.label, 11) <= area.x + area.width;
    out.push(
      <text
        key={`r${r.label}`}
        className="reference-label"
        x={right ? rx + 8 : rx - 8}
        y={ry + (k % 2 === 0 ? -8 : 14)}
        fontSize={11}
        textAnchor={right ? "start" : "end"}
        fill="var(--muted)"
      >
        {r.label}
      </text>,
    );
  });
  const marked = model.annotations.flatMap((a) => {
    const ax = xOf(a.bucket);
    return ax === null ? [] : [{ id: a.id, label: a.label, x: ax }];
  });
  for (const a of placeAnnotations(marked, { x: area.x, y: area.y, w: area.width, h: area.height }))
    if (a.label && a.box)
      out.push(
        <rect
          key={`ab${a.id}`}
          className="annotation-box"
          x={a.box.x}
          y={a.box.y}
          width={a.box.w}
          height={a.box.h}
          rx={2}
          fill="var(--bg)"
          opacity={0.9}
        />,
        <text
          key={`a${a.id}`}
          className="annotation-label"
          x={a.label.x}
          y={a.label.y}
          fontSize={ANNOTATION_SIZE}
          textAnchor={a.label.anchor}
          fill="var(--muted)"
        >
          {a.label.text}
        </text>,
      );
  const room = endLabelRoom(model, width);
  if (room > 0) {
    const ends = endLabelAnchors(model).flatMap((a) => {
      const ax = xOf(a.bucket);
      return ax === null ? [] : [{ ...a, x: ax, y: yOf(a.value) }];
    });
    for (const l of placeEndLabels(ends, { room, bottom: area.y + area.height }))
      out.push(
        <text
          key={`e${l.key}`}
          className="end-label"
          x={l.x}
          y={l.y}
          fontSize={LEGEND_SIZE}
          fontWeight={600}
          fill={l.color}
        >
          {l.text}
        </text>,
      );
  }
  return (
    <g className="chart-overlay" pointerEvents="none">
      {out}
    </g>
  );
}

/**
 * The tooltip: the period, each shown series' value in the chart's measure (a dash where it has
 * none), and what is in play. Read from the model, so a period without a snapshot says so too.
 */
function ShareTooltip({
  active,
  label,
  model,
  context,
  hidden,
}: TooltipContentProps & { model: ChartModel; context: string; hidden: ReadonlySet<string> }) {
  const index = model.buckets.findIndex((b) => b.date === label);
  const bucket = model.buckets[index];
  if (!active || !bucket) return null;
  return (
    <div className="chart-tooltip" role="status">
      <strong>
        {bucket.label}
        {bucket.partial ? " (partial period)" : ""}
      </strong>
      <div className="muted small">{bucket.asOf ? context : "No snapshot in this period"}</div>
      <table>
        <tbody>
          {model.series
            .filter((s) => !hidden.has(s.key))
            .map((s) => (
              <tr key={s.key}>
                <th scope="row">
                  <span className="swatch" style={{ background: s.color }} /> {s.label}
                </th>
                <td className="num">
                  {formatChartValue(s.values[index], model.value, translator(model.locale))}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
