import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ShareQueryPanel } from "@/components/charts/share-query-panel";
import { StaticPlot } from "@/components/charts/static-plot";
import { DataTable, numeric } from "@/components/tables/data-table";
import { ModelsTable } from "@/components/tables/models-table";
import { getLabDetailAnswer, getShareAnswer } from "@/lib/analytics/answers";
import { parseChartQuery } from "@/lib/api/chart-query";
import { chartModel } from "@/lib/charts/chart-model";
import type { ChartValues } from "@/lib/charts/chart-state";
import { referencesFor } from "@/lib/charts/references";
import { getDb } from "@/lib/db";
import { chartQueryString, readChartState } from "@/lib/domain/chart-state";
import { countryName } from "@/lib/domain/countries";
import { QueryError } from "@/lib/domain/query-error";
import { formatExact } from "@/lib/format/numbers";
import { FEED_ALTERNATES } from "@/lib/site";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const detail = /^[a-z0-9-]{1,41}$/.test(slug)
    ? (await getLabDetailAnswer(await getDb(), slug)).value.detail
    : null;
  if (!detail) return { title: "Lab not found" };
  const image = `/api/v1/share.png?groupBy=lab&labs=${slug}&title=${encodeURIComponent(`${detail.lab.name}: share of open-model downloads`)}`;
  return {
    title: `${detail.lab.name} — share of open-model downloads`,
    openGraph: { images: [{ url: image, width: 1200, height: 630 }] },
    twitter: { card: "summary_large_image", images: [image] },
    alternates: {
      types: {
        ...FEED_ALTERNATES,
        "application/json+oembed": `/api/oembed?url=${encodeURIComponent(`/labs/${slug}`)}`,
      },
    },
  };
}

/** One of the lab's charts: its question over the page's range, answered, and drawn still for the first paint. */
async function labChart(db: Awaited<ReturnType<typeof getDb>>, question: ChartValues) {
  const apiQuery = chartQueryString("api", question);
  try {
    const { result, etag } = await getShareAnswer(
      db,
      parseChartQuery("api", new URLSearchParams(apiQuery)).query,
    );
    const model = chartModel(result, { mode: "lines", value: "share" });
    return {
      seed: { apiQuery, answer: { data: { ...result, demo: result.freshness.demo }, etag } },
      still: <StaticPlot model={model} references={referencesFor(result, model)} />,
    };
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    return { seed: { apiQuery, answer: null }, still: null };
  }
}

export default async function LabPage({ params, searchParams }: Params & { searchParams: SearchParams }) {
  const { slug } = await params;
  if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(slug)) notFound();
  const db = await getDb();
  const detail = (await getLabDetailAnswer(db, slug)).value.detail;
  if (!detail) notFound();
  const { lab } = detail;
  // The range the page's brush chose (a value that does not read as a date is left out).
  const url = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) if (typeof v === "string") url.set(k, v);
  const { from, to } = readChartState(url);
  const range = { from: from ?? undefined, to: to ?? undefined, interval: "month" } as const;
  const labQuestion: ChartValues = { groupBy: "lab", labs: [slug], ...range };
  const lineageQuestion: ChartValues = { ...labQuestion, attribution: "lineage" };
  const orgQuestion: ChartValues = { groupBy: "org", labs: [slug], ...range };
  // One after another, not Promise.all: the embedded database (PGlite) serves one query at a time.
  const labChartData = await labChart(db, labQuestion);
  const lineageChartData = await labChart(db, lineageQuestion);
  const orgChartData = await labChart(db, orgQuestion);
  return (
    <main className="stack">
      <div>
        <p className="small" style={{ margin: 0 }}>
          <Link href="/labs">Labs</Link>
        </p>
        <h1>
          <span
            aria-hidden
            style={{
              display: "inline-block",
              width: 14,
              height: 14,
              borderRadius: 3,
              background: lab.color,
              marginRight: 8,
            }}
          />
          {lab.name}
        </h1>
        <p className="lede">
          {countryName(lab.country)}
          {lab.parent ? ` · ${lab.parent}` : ""} · {detail.namespaces.length} Hub namespace
          {detail.namespaces.length === 1 ? "" : "s"}
        </p>
      </div>
      <ShareQueryPanel
        title={`${lab.name}: share of all downloads`}
        subtitle="Developer attribution: models it published"
        question={{ ...labQuestion, from: undefined, to: undefined }}
        {...labChartData}
      />
      <ShareQueryPanel
        title={`${lab.name} including derivatives (lineage)`}
        subtitle="Lineage attribution: also fine-tunes, quantizations and merges of its models published by others"
        question={{ ...lineageQuestion, from: undefined, to: undefined }}
        {...lineageChartData}
      />
      <ShareQueryPanel
        title="By namespace"
        question={{ ...orgQuestion, from: undefined, to: undefined }}
        {...orgChartData}
      />
      <section className="card">
        <h2>Namespaces</h2>
        <DataTable columns={["Namespace", "Kind", numeric("Models tracked"), "Source"]}>
          {detail.namespaces.map((n) => (
            <tr key={n.namespace}>
              <td>
                <Link href={`/models?namespace=${encodeURIComponent(n.namespace)}`}>{n.namespace}</Link>
              </td>
              <td>{n.kind ?? "–"}</td>
              <td className="num">{n.models}</td>
              <td className="small">
                {n.source ? <a href={n.source}>{new URL(n.source).hostname}</a> : "–"}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section className="card">
        <h2>Most downloaded models</h2>
        <p className="muted small" style={{ marginTop: 0 }}>
          Trailing 30 days at {detail.date ?? "–"}
        </p>
        <ModelsTable
          models={detail.topModels}
          caption={`${lab.name}: most downloaded models`}
          empty="None yet."
        />
      </section>
      <section className="card">
        <h2>Derivatives by others</h2>
        <p className="muted small" style={{ marginTop: 0 }}>
          {detail.derivatives.models.toLocaleString("en-US")} models by other namespaces descend from{" "}
          {lab.name}'s models, with {formatExact(detail.derivatives.downloads30d)} downloads in the trailing
          30 days.
        </p>
        <ModelsTable
          models={detail.derivatives.top}
          caption={`Most downloaded derivatives of ${lab.name}'s models`}
          empty="None yet."
          modelHeader="Model (publisher)"
        />
      </section>
    </main>
  );
}
