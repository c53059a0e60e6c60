import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ShareQueryPanel } from "@/components/charts/share-query-panel";
import { DataTable, numeric } from "@/components/tables/data-table";
import { ModelsTable } from "@/components/tables/models-table";
import { getLabDetailAnswer, getShareAnswer } from "@/lib/analytics/answers";
import { getDb } from "@/lib/db";
import { countryName } from "@/lib/domain/countries";
import { shareQuerySchema, shareQueryString } from "@/lib/domain/share-query";
import { formatExact } from "@/lib/format/numbers";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

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
      types: { "application/json+oembed": `/api/oembed?url=${encodeURIComponent(`/labs/${slug}`)}` },
    },
  };
}

export default async function LabPage({ params }: Params) {
  const { slug } = await params;
  if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(slug)) notFound();
  const db = await getDb();
  const detail = (await getLabDetailAnswer(db, slug)).value.detail;
  if (!detail) notFound();
  const { lab } = detail;
  const labQuery = shareQuerySchema.parse({ groupBy: "lab", labs: slug, interval: "month" });
  const orgQuery = shareQuerySchema.parse({ groupBy: "org", labs: slug, interval: "month" });
  const lineageQuery = shareQuerySchema.parse({
    groupBy: "lab",
    labs: slug,
    interval: "month",
    attribution: "lineage",
  });
  // One after another, not Promise.all: the embedded database (PGlite) serves one query at a time.
  const labShare = (await getShareAnswer(db, labQuery)).result;
  const orgShare = (await getShareAnswer(db, orgQuery)).result;
  const lineageShare = (await getShareAnswer(db, lineageQuery)).result;
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
        queryString={shareQueryString(labQuery)}
        result={labShare}
      />
      <ShareQueryPanel
        title={`${lab.name} including derivatives (lineage)`}
        subtitle="Lineage attribution: also fine-tunes, quantizations and merges of its models published by others"
        queryString={shareQueryString(lineageQuery)}
        result={lineageShare}
      />
      <ShareQueryPanel title="By namespace" queryString={shareQueryString(orgQuery)} result={orgShare} />
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
