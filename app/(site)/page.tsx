import type { Metadata } from "next";
import Link from "next/link";
import { ChartPanel } from "@/components/charts/chart-panel";
import { ShareChart } from "@/components/charts/share-chart";
import { ShareSummaryTable } from "@/components/charts/share-summary-table";
import { type Tab, TabLinks } from "@/components/layout/tab-links";
import { ShareMap } from "@/components/map/share-map";
import { LabPicker, OverviewControls } from "@/components/overview/overview-controls";
import { ModelsTable } from "@/components/tables/models-table";
import { getLabsAnswer, getModelsAnswer, getShareAnswer } from "@/lib/analytics/answers";
import { firstPublishedDate } from "@/lib/analytics/latest-date";
import { listTasks } from "@/lib/analytics/tasks";
import { ApiError } from "@/lib/api/errors";
import { parseSearchParams } from "@/lib/api/parse";
import { bucketLabel, chartModel } from "@/lib/charts/chart-model";
import {
  type ChartState,
  chartUrl,
  parseChartState,
  shareParams,
  VIEWS,
  withOverviewDefaults,
} from "@/lib/charts/chart-state";
import { findingOf } from "@/lib/charts/finding";
import { worldMap } from "@/lib/charts/world-map";
import { getDb } from "@/lib/db";
import type { ShareResult } from "@/lib/domain/answers";
import { modelsQuerySchema } from "@/lib/domain/models-query";
import { QueryError } from "@/lib/domain/query-error";
import { regionInfo } from "@/lib/domain/regions";
import { SHARE_PARAMS, shareQuerySchema } from "@/lib/domain/share-query";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const VIEW_LABELS = { chart: "Chart", map: "Map", table: "Table" } as const;

/** The page's state: the URL's, with the study's framing where the URL says nothing. */
async function stateOf(searchParams: SearchParams) {
  const raw = await searchParams;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(raw))
    for (const item of Array.isArray(v) ? v : v ? [v] : []) params.append(k, item);
  return { params, state: withOverviewDefaults(parseChartState(params)) };
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { state } = await stateOf(searchParams);
  const image = chartUrl("png", state, { view: null });
  return {
    title: { absolute: "Open Model Share — whose open models does the world download?" },
    description:
      "Daily Hugging Face Hub download shares of open models by country and lab: China, the United States and the rest.",
    openGraph: {
      type: "website",
      siteName: "Open Model Share",
      images: [{ url: image, width: 1200, height: 630 }],
    },
    twitter: { card: "summary_large_image", images: [image] },
    alternates: {
      types: { "application/json+oembed": `/api/oembed?url=${encodeURIComponent(chartUrl("page", state))}` },
    },
  };
}

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const { params, state } = await stateOf(searchParams);
  const view = state.view ?? "chart";
  const db = await getDb();
  // The share question, checked as the API checks it: a bad link says what is wrong.
  let error: string | null = null;
  let result: ShareResult | null = null;
  const shareOnly = new URLSearchParams(shareParams(state));
  try {
    for (const key of params.keys())
      if (![...SHARE_PARAMS, "mode", "value", "view", "title", "theme"].includes(key))
        throw new ApiError("bad_request", `Invalid link: ${key} is not a known parameter`);
    const query = parseSearchParams(shareQuerySchema, shareOnly, SHARE_PARAMS);
    if (view === "map") Object.assign(query, { groupBy: "country", top: 50, labs: undefined });
    // One after another, not Promise.all: the embedded database (PGlite) serves one query at a time.
    result = (await getShareAnswer(db, query)).result;
  } catch (e) {
    if (!(e instanceof ApiError) && !(e instanceof QueryError)) throw e;
    error = e.message;
  }
  const labs = (await getLabsAnswer(db)).value.labs;
  const tasks = await listTasks(db);
  const firstDate = await firstPublishedDate(db);
  const top = (await getModelsAnswer(db, modelsQuerySchema.parse({ limit: "10" }))).value;
  const dataAsOf = result?.freshness.dataAsOf ?? null;
  const model = result
    ? chartModel(result, { mode: state.mode ?? "lines", value: state.value ?? "share" })
    : null;
  const finding = result && view !== "map" ? findingOf(result) : null;
  const link = (patch: Partial<ChartState>) => chartUrl("page", state, patch);
  const viewTabs: Tab[] = VIEWS.map((v) => ({
    label: VIEW_LABELS[v],
    href: link({ view: v === "chart" ? null : v }),
    current: view === v,
  }));
  // The chart view's toggles: lines or stacked, shares or downloads.
  const chartTabs: Tab[] = model
    ? [
        { label: "Lines", href: link({ mode: null }), current: model.mode === "lines" },
        { label: "Stacked", href: link({ mode: "stacked" }), current: model.mode === "stacked" },
        { label: "Share", href: link({ value: null }), current: model.value === "share" },
        { label: "Downloads", href: link({ value: "downloads" }), current: model.value === "downloads" },
      ]
    : [];
  return (
    <main className="overview">
      <h1>Whose open models does the world download?</h1>
      <p className="finding">
        {finding ??
          "Share of Hugging Face Hub model downloads by the country of the organisation that made each model."}
      </p>
      <OverviewControls state={state} dataAsOf={dataAsOf} firstDate={firstDate} tasks={tasks} />
      {error || !result || !model ? (
        <div role="alert" className="card">
          <p style={{ marginTop: 0 }}>{error ?? "No data yet."}</p>
          <Link href="/">Reset the view</Link>
        </div>
      ) : (
        <ChartPanel
          title={model.title}
          subtitle={`${model.subtitle} · ${result.freshness.modelsTracked.toLocaleString("en-US")} models tracked`}
          state={state}
          empty={model.empty && view !== "map"}
          emptyMessage={
            result.freshness.dataAsOf === null ? (
              <>
                No published data yet. An operator runs <code>npm run ingest</code> for today's snapshot, or{" "}
                <code>npm run backfill -- --dataset hub-weekly</code> for years of history.
              </>
            ) : (
              "No downloads in this range and scope: widen the range or remove a filter."
            )
          }
          controls={
            <>
              <nav aria-label="Views" className="tabs">
                <TabLinks current="page" tabs={viewTabs} />
              </nav>
              {view === "chart" ? (
                <div className="tabs">
                  <TabLinks current="true" tabs={chartTabs} />
                </div>
              ) : null}
            </>
          }
        >
          {view === "chart" ? (
            <ShareChart result={result} mode={model.mode} value={model.value} />
          ) : view === "table" ? (
            <ShareSummaryTable model={model} />
          ) : (
            <MapView result={result} title={`Share of downloads by developer country`} />
          )}
        </ChartPanel>
      )}
      <LabPicker labs={labs.map((l) => ({ slug: l.slug, name: l.name, color: l.color }))} />
      <section className="card" style={{ marginTop: 16 }}>
        <h2>Most downloaded models</h2>
        <p className="muted small" style={{ marginTop: 0 }}>
          Last 30 days, as of {top.date ?? "–"}. <Link href="/models">All models</Link>
        </p>
        <ModelsTable models={top.models} caption="Most downloaded models" />
      </section>
    </main>
  );
}

/** The map view: the country answer's shares per period, on paths drawn here (server). */
function MapView({ result, title }: { result: ShareResult; title: string }) {
  const shares: Record<string, (number | null)[]> = {};
  for (const s of result.series)
    if (/^[A-Z]{2}$/.test(s.key))
      shares[s.key] = result.points.map((p) => (p.asOf ? (p.values[s.key]?.share ?? null) : null));
  const box = (key: string) => ({
    key,
    label: regionInfo(key)?.label ?? key,
    color: regionInfo(key)?.color ?? "var(--grid)",
    values: result.points.map((p) => (p.asOf ? (p.values[key]?.share ?? null) : null)),
  });
  const points = result.points.filter((p) => p.asOf !== null);
  const keep = result.points.map((p) => p.asOf !== null);
  const pick = <T,>(list: T[]) => list.filter((_, i) => keep[i]);
  return (
    <ShareMap
      map={worldMap()}
      title={title}
      buckets={points.map((p) => ({ date: p.date, label: bucketLabel(p.date, result.query.interval) }))}
      shares={Object.fromEntries(Object.entries(shares).map(([k, v]) => [k, pick(v)]))}
      boxes={[box("INTL"), box("UNKNOWN")].map((b) => ({ ...b, values: pick(b.values) }))}
    />
  );
}
