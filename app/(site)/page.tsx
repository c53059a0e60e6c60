import type { Metadata } from "next";
import Link from "next/link";
import { OverviewExplorer } from "@/components/overview/overview-explorer";
import { ModelsTable } from "@/components/tables/models-table";
import { getModelsAnswer, getShareAnswer } from "@/lib/analytics/answers";
import { listTasks } from "@/lib/analytics/tasks";
import { overviewQueries } from "@/lib/api/overview-queries";
import { getDb } from "@/lib/db";
import { modelsQuerySchema } from "@/lib/domain/models-query";
import { shareQuerySchema } from "@/lib/domain/share-query";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const raw = await searchParams;
  const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const { region } = overviewQueries(params);
  const image = `/api/v1/share.png?${region ?? ""}`;
  const permalink = `/?${new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])))}`;
  return {
    title: { absolute: "Open Model Share — whose open models does the world download?" },
    openGraph: {
      type: "website",
      siteName: "Open Model Share",
      images: [{ url: image, width: 1200, height: 630 }],
    },
    twitter: { card: "summary_large_image", images: [image] },
    alternates: { types: { "application/json+oembed": `/api/oembed?url=${encodeURIComponent(permalink)}` } },
  };
}

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const queries = overviewQueries(params);
  const db = await getDb();
  const answer = async (qs: string | null) =>
    qs
      ? (await getShareAnswer(db, shareQuerySchema.parse(Object.fromEntries(new URLSearchParams(qs))))).result
      : null;
  // One after another, not Promise.all: the embedded database (PGlite) serves one query at a time.
  const regionResult = await answer(queries.region);
  const labsResult = await answer(queries.labs);
  const tasks = await listTasks(db);
  const top = (await getModelsAnswer(db, modelsQuerySchema.parse({ limit: "10" }))).value;
  return (
    <main>
      <h1>Whose open models does the world download?</h1>
      <p className="lede">
        Share of Hugging Face Hub model downloads by the country of the organisation that made each model —
        China, the United States, other countries, international communities, and what is not attributed yet.
        Every view is a permalink.
      </p>
      <OverviewExplorer
        initial={{ region: queries.region, regionResult, labs: queries.labs, labsResult }}
        dataAsOf={regionResult?.freshness.dataAsOf ?? null}
        tasks={tasks}
      />
      <section className="card" style={{ marginTop: 16 }}>
        <h2>Most downloaded models</h2>
        <p className="muted small" style={{ marginTop: 0 }}>
          Trailing 30 days at {top.date ?? "–"}. <Link href="/models">All models</Link>
        </p>
        <ModelsTable models={top.models} caption="Most downloaded models" />
      </section>
    </main>
  );
}
