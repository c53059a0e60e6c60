import type { Metadata } from "next";
import Link from "next/link";
import { OverviewExplorer } from "@/components/overview/overview-explorer";
import { ModelsTable } from "@/components/tables/models-table";
import { listModels } from "@/lib/analytics/models";
import { listTasks } from "@/lib/analytics/tasks";
import { modelsQuerySchema } from "@/lib/api/models-query";
import { overviewQueries } from "@/lib/api/overview-queries";
import { getShareAnswer } from "@/lib/api/share";
import { shareQuerySchema } from "@/lib/api/share-query";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { absolute: "Open Model Share — whose open models does the world download?" },
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const queries = overviewQueries(params);
  const db = await getDb();
  const answer = async (qs: string | null) =>
    qs
      ? (await getShareAnswer(db, shareQuerySchema.parse(Object.fromEntries(new URLSearchParams(qs))))).result
      : null;
  const [regionResult, labsResult, tasks, top] = [
    await answer(queries.region),
    await answer(queries.labs),
    await listTasks(db),
    await listModels(db, modelsQuerySchema.parse({ limit: "10" })),
  ];
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
