import type { Metadata } from "next";
import Link from "next/link";
import { permanentRedirect } from "next/navigation";
import { StaticPlot } from "@/components/charts/static-plot";
import type { ShareJson } from "@/components/data/queries";
import type { LabsJson } from "@/components/overview/lab-picker";
import { OverviewExplorer } from "@/components/overview/overview-explorer";
import { ModelsTable } from "@/components/tables/models-table";
import {
  getFirstDateAnswer,
  getLabsAnswer,
  getModelsAnswer,
  getSensitivityAnswer,
  getShareAnswer,
  getTasksAnswer,
} from "@/lib/analytics/answers";
import { parseChartQuery, readChartQuery } from "@/lib/api/chart-query";
import { ApiError } from "@/lib/api/errors";
import { chartModel } from "@/lib/charts/chart-model";
import { chartUrl } from "@/lib/charts/chart-state";
import { referencesFor } from "@/lib/charts/references";
import { worldMap } from "@/lib/charts/world-map";
import { getDb } from "@/lib/db";
import type { Sensitivity } from "@/lib/domain/answers";
import { migrateChartQuery } from "@/lib/domain/chart-migrations";
import { chartQueryString, pageQuestion, VERSION_KEY } from "@/lib/domain/chart-state";
import type { Locale } from "@/lib/domain/locales";
import { modelsQuerySchema } from "@/lib/domain/models-query";
import { QueryError } from "@/lib/domain/query-error";
import { ALL_TRANSLATIONS } from "@/lib/i18n/all-translations";
import { FEED_ALTERNATES } from "@/lib/site";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function paramsOf(searchParams: SearchParams): Promise<URLSearchParams> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams))
    for (const item of Array.isArray(v) ? v : v ? [v] : []) params.append(k, item);
  return params;
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const values = readChartQuery("page", await paramsOf(searchParams));
  const image = chartUrl("png", values);
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
      types: {
        ...FEED_ALTERNATES,
        "application/json+oembed": `/api/oembed?url=${encodeURIComponent(chartUrl("page", values))}`,
      },
    },
  };
}

/** A link in an older format whose meaning its migration spelled differently: its current URL. */
function movedTo(params: URLSearchParams): string | null {
  const migrated = migrateChartQuery("page", params);
  const as = new URLSearchParams(params);
  as.delete(VERSION_KEY);
  if (migrated.issues.length > 0 || migrated.params.toString() === as.toString()) return null;
  return chartUrl("page", readChartQuery("page", params));
}

/** The page's locale's words for the browser's chart (English is in every bundle). */
function translationsOf(locale: Locale) {
  const table = ALL_TRANSLATIONS[locale];
  return table ? { locale, table } : null;
}

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await paramsOf(searchParams);
  const moved = movedTo(params);
  if (moved) permanentRedirect(moved);
  const db = await getDb();
  let error: string | null = null;
  let answer: { data: ShareJson; etag: string } | null = null;
  let sensitivity: { data: Sensitivity; etag: string } | null = null;
  let apiQuery = "";
  let values = readChartQuery("page", new URLSearchParams());
  // The state, checked as the API checks it: a bad link says what is wrong.
  try {
    values = parseChartQuery("page", params).query;
    apiQuery = chartQueryString("api", pageQuestion(values));
    const query = parseChartQuery("api", new URLSearchParams(apiQuery)).query;
    // One after another, not Promise.all: the embedded database (PGlite) serves one query at a time.
    const { result, etag } = await getShareAnswer(db, query);
    answer = { data: { ...result, demo: result.freshness.demo }, etag };
    // Made of share answers cached per data version: the table is on the first paint too.
    const table = await getSensitivityAnswer(db, query);
    sensitivity = { data: table.value, etag: table.etag };
  } catch (e) {
    if (!(e instanceof ApiError) && !(e instanceof QueryError)) throw e;
    error = `Invalid link: ${e.message}`;
  }
  const labsAnswer = await getLabsAnswer(db);
  const labs: LabsJson = {
    labs: labsAnswer.value.labs.map((l) => ({ slug: l.slug, name: l.name, color: l.color })),
  };
  const tasks = (await getTasksAnswer(db)).value.tasks;
  const firstDate = (await getFirstDateAnswer(db)).value.date;
  const top = (await getModelsAnswer(db, modelsQuerySchema.parse({ limit: "10" }))).value;
  const result = answer?.data ?? null;
  const model =
    result && values.view === "chart"
      ? chartModel(result, {
          mode: values.mode,
          value: values.value,
          locale: values.locale,
          annotations: values.annotations,
        })
      : null;
  return (
    <main className="overview">
      <h1>Whose open models does the world download?</h1>
      {error ? (
        <div role="alert" className="card">
          <p style={{ marginTop: 0 }}>{error}</p>
          <Link href="/">Reset the view</Link>
        </div>
      ) : (
        <OverviewExplorer
          initial={{ apiQuery, answer, sensitivity, error }}
          labs={{ data: labs, etag: labsAnswer.etag }}
          tasks={tasks}
          dataAsOf={result?.freshness.dataAsOf ?? null}
          firstDate={firstDate}
          still={
            model && result ? <StaticPlot model={model} references={referencesFor(result, model)} /> : null
          }
          worldMap={values.view === "map" ? { data: worldMap(), etag: null } : null}
          translations={translationsOf(values.locale)}
        />
      )}
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
