import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryChart } from "@/components/charts/history-chart";
import { StaticPlot } from "@/components/charts/static-plot";
import { type Column, DataTable } from "@/components/tables/data-table";
import { getModelDetailAnswer } from "@/lib/analytics/answers";
import { historyModel } from "@/lib/charts/history-model";
import { getDb } from "@/lib/db";
import { readChartState } from "@/lib/domain/chart-state";
import { createdLabel } from "@/lib/domain/cohorts";
import { hubIdSchema } from "@/lib/domain/models-query";
import { regionInfo } from "@/lib/domain/regions";
import { formatExact } from "@/lib/format/numbers";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ namespace: string; name: string }> };
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { namespace, name } = await params;
  return { title: `${decodeURIComponent(namespace)}/${decodeURIComponent(name)}` };
}

const LISTED_AS_COLUMNS: Column[] = ["Listed", "Task", "Library", "Base models", "Created"];

export default async function ModelPage({ params, searchParams }: Params & { searchParams: SearchParams }) {
  const { namespace, name } = await params;
  const id = hubIdSchema.safeParse(`${decodeURIComponent(namespace)}/${decodeURIComponent(name)}`);
  if (!id.success) notFound();
  const model = (await getModelDetailAnswer(await getDb(), id.data)).value.detail;
  if (!model) notFound();
  const latest = model.history.at(-1);
  const url = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) if (typeof v === "string") url.set(k, v);
  const { from, to } = readChartState(url);
  const history = model.history.map((h) => ({ date: h.date, downloads30d: h.downloads30d.toString() }));
  const still = historyModel(model.hubId, history, { from: from ?? undefined, to: to ?? undefined });
  const a = model.attribution;
  const origin = (o: NonNullable<typeof a>["developer"]) =>
    `${regionInfo(o.region)?.label ?? o.region}${o.country && o.region === "OTHER" ? ` (${o.country})` : ""}`;
  return (
    <main className="stack">
      <div>
        <p className="small" style={{ margin: 0 }}>
          <Link href="/models">Models</Link> /{" "}
          <Link href={`/models?namespace=${encodeURIComponent(model.namespace)}`}>{model.namespace}</Link>
        </p>
        <h1 style={{ wordBreak: "break-word" }}>{model.hubId}</h1>
        <p className="lede">
          {model.pipelineTag ?? "no task tag"} · {model.libraryName ?? "no library tag"} · created{" "}
          {createdLabel(model.createdAt)} · <a href={model.hubUrl}>Open on the Hub ↗</a>
        </p>
      </div>
      <div className="grid-cards">
        <div className="card">
          <div className="muted small">Downloads, trailing 30 days</div>
          <div className="num" style={{ fontSize: 24, fontWeight: 700 }}>
            {formatExact(latest?.downloads30d)}
          </div>
          <div className="muted small">at {latest?.date ?? "–"}</div>
        </div>
        <div className="card">
          <div className="muted small">All-time downloads</div>
          <div className="num" style={{ fontSize: 24, fontWeight: 700 }}>
            {formatExact(latest?.downloadsAllTime)}
          </div>
        </div>
        <div className="card">
          <div className="muted small">Derivatives tracked</div>
          <div className="num" style={{ fontSize: 24, fontWeight: 700 }}>
            {model.derivatives.total.toLocaleString("en-US")}
          </div>
          <div className="muted small">
            {model.derivatives.byRelation.map((r) => `${r.models} ${r.relation}`).join(", ") || "none"}
          </div>
        </div>
      </div>
      <section className="card">
        <h2>Downloads history</h2>
        {model.history.length > 1 ? (
          <HistoryChart
            hubId={model.hubId}
            history={history}
            still={<StaticPlot model={still} references={[]} brush={history.length > 2} />}
          />
        ) : (
          <p className="muted">One snapshot so far; the history grows with each daily run.</p>
        )}
      </section>
      <section className="card">
        <h2>Attribution, and why</h2>
        {a ? (
          <dl style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: "6px 16px", margin: 0 }}>
            <dt className="muted">Developer</dt>
            <dd style={{ margin: 0 }}>
              <strong>{origin(a.developer)}</strong> — published by the namespace{" "}
              <code>{a.developer.namespace}</code>
              {a.developer.inRegistry ? (
                <>
                  , which the <Link href="/methodology#registry">origin registry</Link> attributes
                  {a.developer.lab ? (
                    <>
                      {" "}
                      to <Link href={`/labs/${a.developer.lab}`}>{a.developer.lab}</Link>
                    </>
                  ) : null}
                  .
                </>
              ) : (
                ", which the origin registry does not know yet (unattributed)."
              )}
            </dd>
            <dt className="muted">Lineage</dt>
            <dd style={{ margin: 0 }}>
              <strong>{origin(a.lineage)}</strong> — its base-model chain ends at <code>{a.lineageRoot}</code>{" "}
              (namespace <code>{a.lineage.namespace}</code>).
            </dd>
          </dl>
        ) : null}
      </section>
      {model.listedAs.length > 1 ? (
        <section className="card" data-testid="listed-as">
          <h2>How its listing changed</h2>
          <p className="muted small" style={{ marginTop: 0 }}>
            Each date counts the model as it was listed that day (see{" "}
            <Link href="/methodology#over-time">attributes as of the date</Link>).
          </p>
          <DataTable columns={LISTED_AS_COLUMNS} testId="listed-as-table">
            {model.listedAs.map((v) => (
              <tr key={v.from}>
                <td className="num">{v.from === v.to ? v.from : `${v.from} – ${v.to}`}</td>
                <td>{v.pipelineTag ?? "–"}</td>
                <td>{v.libraryName ?? "–"}</td>
                <td>{v.baseModels.join(", ") || "none"}</td>
                <td className="num">{v.createdAt?.slice(0, 10) ?? "–"}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}
      <section className="card">
        <h2>Base models</h2>
        {model.baseModels.length === 0 ? (
          <p className="muted">None declared: this is a base model (or its card names no base).</p>
        ) : (
          <ul>
            {model.baseModels.map((b, i) => (
              <li key={b.hubId}>
                {b.tracked ? (
                  <Link href={`/models/${b.hubId}`}>{b.hubId}</Link>
                ) : (
                  <span>{b.hubId} (not tracked)</span>
                )}
                {b.relation ? <span className="muted small"> · {b.relation}</span> : null}
                {i === 0 && model.baseModels.length > 1 ? (
                  <span className="muted small"> · followed for lineage</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
