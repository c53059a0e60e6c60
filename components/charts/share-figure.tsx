"use client";

import { type ComponentType, type ReactNode, useEffect, useId, useMemo, useRef, useState } from "react";
import { chartDescription } from "@/lib/charts/alt-text";
import { bucketLabel, type ChartModel } from "@/lib/charts/chart-model";
import type { LayoutOptions } from "@/lib/charts/layout";
import type { SharePlotProps } from "./live/share-plot";
import { useBoxSize, useLiveModule } from "./use-live";

const loadPlot = () => import("./live/share-plot");

/** User Timing names: a reader changed the chart, and the time until the new chart was drawn. */
export const CHART_CHANGE_MARK = "oms:chart-change";
export const CHART_UPDATE_MEASURE = "oms:chart-update";
const plotCache: { current: ComponentType<SharePlotProps> | null } = { current: null };

type Props = {
  model: ChartModel;
  references: LayoutOptions["references"];
  /** What the tooltip says is in play (cohort, attribution) */
  context: string;
  /** The server's drawing of this model, shown until the interactive chart takes over */
  still?: ReactNode;
  /** A brush chooses the range (the page puts it in its URL) */
  onRange?: ((first: number, last: number) => void) | null;
  /** A newer answer is on its way: the chart shown is the previous one */
  pending?: boolean;
  /** Loading the answer failed: said in place of the chart, with a retry */
  error?: { message: string; retry: () => void } | null;
  /** Start loading the interactive chart now (the reader asked for something new) */
  eager?: boolean;
};

/**
 * A share chart on a page: the legend (each entry hides or shows its series), the plot and the
 * notes. The first paint is the server's still drawing; recharts takes over in the same box at
 * the first sign of a reader (components/charts/live/share-plot.tsx), and draws every later answer.
 */
export function ShareFigure({ model, references, context, still, onRange, pending, error, eager }: Props) {
  const [Plot, want] = useLiveModule(loadPlot, plotCache);
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const size = useBoxSize(box);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const focusAfter = useRef(false);
  const descriptionId = useId();
  const description = useMemo(() => chartDescription(model), [model]);
  useEffect(() => {
    if (eager) want();
  }, [eager, want]);
  const live = Plot !== null && size !== null && size.width > 0;
  // A keyboard reader who focused the still drawing lands on the interactive one.
  useEffect(() => {
    if (!live || !focusAfter.current || !box) return;
    focusAfter.current = false;
    box.querySelector<HTMLElement>("[tabindex='0']")?.focus();
  }, [live, box]);
  // A change that is drawn (the answer was there, or has come) is measured once, after the paint:
  // it runs each time the model drawn changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the model is what is drawn, not read here
  useEffect(() => {
    if (!live || pending || !performance.getEntriesByName(CHART_CHANGE_MARK).length) return;
    const frame = requestAnimationFrame(() => {
      if (!performance.getEntriesByName(CHART_CHANGE_MARK).length) return;
      performance.measure(CHART_UPDATE_MEASURE, CHART_CHANGE_MARK);
      performance.clearMarks(CHART_CHANGE_MARK);
    });
    return () => cancelAnimationFrame(frame);
  }, [model, live, pending]);
  const toggle = (key: string) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const plot = useMemo(
    () =>
      live && Plot ? (
        <Plot
          model={model}
          references={references}
          width={size.width}
          height={size.height}
          hidden={hidden}
          context={context}
          onRange={onRange ?? null}
          describedBy={descriptionId}
        />
      ) : (
        still
      ),
    [live, Plot, model, references, size, hidden, context, onRange, still, descriptionId],
  );
  return (
    <figure className="share-figure" data-testid="share-chart" data-live={live ? "true" : "false"}>
      <ul
        className="chart-legend"
        aria-label={`Series: ${model.legendNote.toLowerCase()}; press one to hide or show it`}
      >
        {model.series.map((s) => (
          <li key={s.key}>
            <button
              type="button"
              className="legend-item"
              aria-pressed={!hidden.has(s.key)}
              onClick={() => {
                want();
                toggle(s.key);
              }}
            >
              <span className="swatch" style={{ background: s.color }} />
              <span className="legend-label">{s.label}</span>{" "}
              <span className="legend-value num">{s.latest}</span>
            </button>
          </li>
        ))}
      </ul>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: pointing at, touching or focusing the still chart loads the interactive one */}
      <div
        ref={setBox}
        className={`plot-box${pending ? " is-pending" : ""}`}
        tabIndex={live ? undefined : 0}
        aria-describedby={live ? undefined : descriptionId}
        onPointerEnter={want}
        onTouchStart={want}
        onFocus={() => {
          if (!live) focusAfter.current = true;
          want();
        }}
      >
        {plot}
        {error ? (
          <div className="plot-error" role="alert">
            <p>{error.message}</p>
            <button type="button" className="btn" onClick={error.retry}>
              Try again
            </button>
          </div>
        ) : null}
      </div>
      <p id={descriptionId} className="visually-hidden">
        {description}
      </p>
      <p className="chart-status small muted" role="status" aria-live="polite">
        {pending ? "Updating the chart…" : ""}
      </p>
      <figcaption className="muted small">
        {model.legendNote} in the legend. <span className="chart-notes">{model.notes}</span>
        {model.crossovers.length > 1
          ? ` Leader changes: ${model.crossovers.map((c) => c.text).join(" · ")}.`
          : ""}
        {model.annotations.length > 0 ? (
          <span className="chart-events">
            {" "}
            Marked:{" "}
            {model.annotations.map((a, i) => (
              <span key={a.id}>
                {i > 0 ? " · " : ""}
                <a href={a.source} title={a.text} rel="noopener" target="_blank">
                  {a.label}
                </a>{" "}
                ({bucketLabel(a.date, "day")})
              </span>
            ))}
            .
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
