"use client";

import { useQueryStates } from "nuqs";
import { lazy, type ReactNode, Suspense, useCallback, useMemo, useRef, useState } from "react";
import { ChartPanel } from "@/components/charts/chart-panel";
import { CHART_CHANGE_MARK, ShareFigure } from "@/components/charts/share-figure";
import type { Fetched } from "@/components/data/api-fetch";
import { type ShareJson, useApiQuery } from "@/components/data/queries";
import { chartContext, chartModel } from "@/lib/charts/chart-model";
import { CHART_STATE_PARSERS, type ChartValues, chartUrl } from "@/lib/charts/chart-state";
import { findingOf } from "@/lib/charts/finding";
import { referencesFor } from "@/lib/charts/references";
import type { WorldMap } from "@/lib/charts/world-map";
import type { Sensitivity } from "@/lib/domain/answers";
import type { FieldKey } from "@/lib/domain/chart-state";
import {
  CHART_STATE_VERSION,
  chartQueryString,
  pageQuestion,
  resolveChartState,
  surfaceDefault,
  surfaceKeys,
  VERSION_KEY,
} from "@/lib/domain/chart-state";
import { VIEWS, type View } from "@/lib/domain/chart-views";
import type { Locale } from "@/lib/domain/locales";
import { activePreset } from "@/lib/domain/presets";
import { addTranslations, type Translations } from "@/lib/i18n";
import { LabPicker, type LabsJson } from "./lab-picker";
import { OverviewControls } from "./overview-controls";
import { PresetFigure } from "./preset-figure";

const ShareSummaryTable = lazy(() =>
  import("@/components/charts/share-summary-table").then((m) => ({ default: m.ShareSummaryTable })),
);
const SensitivityTable = lazy(() =>
  import("./sensitivity-table").then((m) => ({ default: m.SensitivityTable })),
);
const MapView = lazy(() => import("./map-view").then((m) => ({ default: m.MapView })));

const PAGE_KEYS = surfaceKeys("page");
const PAGE_PARSERS = {
  ...Object.fromEntries(PAGE_KEYS.map((k) => [k, CHART_STATE_PARSERS[k]])),
  [VERSION_KEY]: CHART_STATE_PARSERS[VERSION_KEY],
} as Pick<typeof CHART_STATE_PARSERS, (typeof PAGE_KEYS)[number] | typeof VERSION_KEY>;

const VIEW_LABELS: Record<View, string> = { chart: "Chart", map: "Map", table: "Table" };

type Props = {
  /** The server's answer to the URL it rendered (its query string for the API, and the JSON) */
  initial: {
    apiQuery: string;
    answer: Fetched<ShareJson> | null;
    sensitivity: Fetched<Sensitivity> | null;
    error: string | null;
  };
  labs: Fetched<LabsJson> | null;
  tasks: string[];
  dataAsOf: string | null;
  firstDate: string | null;
  /** The server's still drawing of the initial chart */
  still: ReactNode;
  /** The world's paths, when the page opened on the map */
  worldMap: Fetched<WorldMap> | null;
  /** The words of the page's locale (null: English), handed over so the bundle carries no others */
  translations: { locale: Locale; table: Translations } | null;
};

/**
 * The overview: the finding, the controls, the chart (or map, or table) and the lab picker, all
 * one state in the URL. A change of the state rewrites the URL without a navigation, and the
 * chart follows from GET /api/v1/share (TanStack Query: keyed by the question, the server's first
 * answer seeded, the previous chart kept on screen while the next one loads).
 */
export function OverviewExplorer({
  initial,
  labs,
  tasks,
  dataAsOf,
  firstDate,
  still,
  worldMap,
  translations,
}: Props) {
  const [url, setUrl] = useQueryStates(PAGE_PARSERS, { shallow: true, history: "push", scroll: false });
  const values = resolveChartState("page", url);
  if (translations) addTranslations(translations.locale, translations.table);
  const update = useCallback(
    (patch: ChartValues) => {
      const next: Record<string, unknown> = { [VERSION_KEY]: CHART_STATE_VERSION };
      for (const [key, value] of Object.entries(patch)) {
        const fallback = surfaceDefault("page", key as FieldKey);
        next[key] = value === undefined || String(value) === String(fallback) ? null : value;
      }
      // The chart marks when it has drawn the answer (components/charts/share-figure.tsx): the
      // time a change takes to reach the screen is measured in readers' browsers, not guessed.
      performance.mark(CHART_CHANGE_MARK);
      void setUrl(next);
    },
    [setUrl],
  );
  const apiQuery = chartQueryString("api", pageQuestion(values));
  const answer = useApiQuery<ShareJson>(
    ["share", apiQuery],
    `/api/v1/share${apiQuery ? `?${apiQuery}` : ""}`,
    {
      seed: apiQuery === initial.apiQuery ? initial.answer : null,
      keepPrevious: true,
    },
  );
  // A failed answer keeps the last chart on screen, with the error over it.
  const lastGood = useRef<ShareJson | null>(null);
  if (answer.data) lastGood.current = answer.data.data;
  const result = answer.data?.data ?? (answer.isError ? lastGood.current : null);
  // The server's still drawing shows its answer as it was drawn: lines or stacked, shares or counts.
  const [drawn] = useState(() => ({
    mode: values.mode,
    value: values.value,
    annotations: values.annotations,
  }));
  const isInitial =
    apiQuery === initial.apiQuery &&
    answer.data === initial.answer &&
    values.mode === drawn.mode &&
    values.value === drawn.value &&
    values.annotations === drawn.annotations;
  const model = useMemo(
    () =>
      result
        ? chartModel(result, {
            mode: values.mode,
            value: values.value,
            locale: values.locale,
            annotations: values.annotations,
          })
        : null,
    [result, values.mode, values.value, values.locale, values.annotations],
  );
  const references = useMemo(() => (result && model ? referencesFor(result, model) : []), [result, model]);
  const onRange = useCallback(
    (first: number, last: number) => {
      if (!result) return;
      const points = result.points;
      const next = points[last + 1]?.date;
      update({
        from: first > 0 ? points[first]?.date : result.query.from,
        to: next ? dayBefore(next) : result.query.to,
      });
    },
    [result, update],
  );
  const error = answer.isError
    ? {
        message: `The chart could not be updated: ${answer.error.message}`,
        retry: () => void answer.refetch(),
      }
    : null;
  const pending = answer.isFetching && answer.isPlaceholderData;
  const link = (patch: ChartValues) => chartUrl("page", { ...values, ...patch });
  const view = values.view;
  const preset = activePreset(values);
  return (
    <>
      <p className="finding">
        {(result && view !== "map" ? findingOf(result) : null) ??
          "Share of Hugging Face Hub model downloads by the country of the organisation that made each model."}
      </p>
      <OverviewControls
        values={values}
        update={update}
        dataAsOf={dataAsOf}
        firstDate={firstDate}
        tasks={tasks}
      />
      {preset && result ? <PresetFigure preset={preset} result={result} /> : null}
      {!result || !model ? (
        <div role="alert" className="card">
          <p style={{ marginTop: 0 }}>{initial.error ?? error?.message ?? "Loading the chart…"}</p>
          <a href="/">Reset the view</a>
        </div>
      ) : (
        <ChartPanel
          title={model.title}
          subtitle={`${model.subtitle} · ${result.freshness.modelsTracked.toLocaleString("en-US")} models tracked`}
          values={values}
          data={result.freshness}
          controls={
            <>
              <nav aria-label="Views" className="tabs">
                {VIEWS.map((v) => (
                  <StateLink
                    key={v}
                    href={link({ view: v })}
                    current={view === v ? "page" : undefined}
                    onChoose={() => update({ view: v })}
                  >
                    {VIEW_LABELS[v]}
                  </StateLink>
                ))}
              </nav>
              {view === "chart" ? (
                <div className="tabs">
                  {(
                    [
                      ["Lines", { mode: "lines" }],
                      ["Stacked", { mode: "stacked" }],
                      ["Share", { value: "share" }],
                      ["Downloads", { value: "downloads" }],
                    ] as const
                  ).map(([label, patch]) => (
                    <StateLink
                      key={label}
                      href={link(patch)}
                      current={
                        ("mode" in patch ? values.mode === patch.mode : values.value === patch.value)
                          ? "true"
                          : undefined
                      }
                      onChoose={() => update(patch)}
                    >
                      {label}
                    </StateLink>
                  ))}
                  <StateLink
                    href={link({ annotations: values.annotations === "off" ? "on" : "off" })}
                    current={values.annotations === "off" ? undefined : "true"}
                    onChoose={() => update({ annotations: values.annotations === "off" ? "on" : "off" })}
                  >
                    Events
                  </StateLink>
                </div>
              ) : null}
            </>
          }
        >
          {model.empty && view !== "map" ? (
            <div style={{ padding: 24, textAlign: "center" }} className="muted">
              {result.freshness.dataAsOf === null
                ? "No published data yet. An operator runs npm run ingest for today's snapshot, or npm run backfill -- --dataset hub-weekly for years of history."
                : "No downloads in this range and scope: widen the range or remove a filter."}
            </div>
          ) : view === "chart" ? (
            <ShareFigure
              model={model}
              references={references}
              context={chartContext(result.query)}
              still={isInitial ? still : undefined}
              onRange={onRange}
              pending={pending}
              error={error}
              eager={!isInitial}
            />
          ) : (
            <Suspense fallback={<p className="muted">Loading…</p>}>
              {view === "table" ? (
                <ShareSummaryTable model={model} />
              ) : (
                <MapView result={result} title="Share of downloads by developer country" seed={worldMap} />
              )}
            </Suspense>
          )}
        </ChartPanel>
      )}
      <LabPicker values={values} update={update} seed={labs} />
      <section className="card sensitivity" style={{ marginTop: 16 }} aria-labelledby="sensitivity-title">
        <h2 id="sensitivity-title">How much does each choice move the share?</h2>
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <SensitivityTable
            apiQuery={apiQuery}
            seed={apiQuery === initial.apiQuery ? initial.sensitivity : null}
          />
        </Suspense>
      </section>
    </>
  );
}

const dayBefore = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * A link to another state of this page: a real link (it opens in a new tab, and works before the
 * script has loaded), which otherwise changes the state in place.
 */
function StateLink({
  href,
  current,
  onChoose,
  children,
}: {
  href: string;
  current: "page" | "true" | undefined;
  onChoose: () => void;
  children: ReactNode;
}) {
  return (
    <a
      href={href}
      className="tab"
      aria-current={current}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
        e.preventDefault();
        onChoose();
      }}
    >
      {children}
    </a>
  );
}
