import type { Metadata } from "next";
import Link from "next/link";
import { ModelsTable } from "@/components/tables/models-table";
import { getModelsAnswer } from "@/lib/analytics/answers";
import { listTasks } from "@/lib/analytics/tasks";
import { getDb } from "@/lib/db";
import { MODEL_SORTS, MODELS_PARAMS, modelsQuerySchema } from "@/lib/domain/models-query";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Models" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const SORT_LABELS: Record<(typeof MODEL_SORTS)[number], string> = {
  downloads30d: "Downloads (30 d)",
  downloadsAllTime: "All-time downloads",
  likes: "Likes",
  createdAt: "Created",
};

export default async function ModelsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value && MODELS_PARAMS.includes(k)) params[k] = value;
  }
  const parsed = modelsQuerySchema.safeParse(params);
  const db = await getDb();
  const tasks = await listTasks(db);
  const labs = await db.prisma.lab.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
  const query = parsed.success ? parsed.data : modelsQuerySchema.parse({});
  const { value: result } = await getModelsAnswer(db, query);
  const pageLink = (page: number) => `/models?${new URLSearchParams({ ...params, page: String(page) })}`;
  return (
    <main>
      <h1>Models</h1>
      <p className="lede">
        Search every tracked model; filter by origin, lab, task, library and creation date.
      </p>
      {!parsed.success ? (
        <p role="alert" className="card" style={{ color: "var(--error)" }}>
          Some filters were invalid and were ignored:{" "}
          {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
        </p>
      ) : null}
      <form
        method="get"
        action="/models"
        className="card"
        style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "end", marginBottom: 16 }}
      >
        <label className="small muted" style={{ display: "grid", gap: 2 }}>
          Search
          <input
            type="search"
            name="q"
            defaultValue={query.q ?? ""}
            placeholder="e.g. DeepSeek-R1"
            maxLength={100}
          />
        </label>
        <label className="small muted" style={{ display: "grid", gap: 2 }}>
          Country
          <select name="country" defaultValue={query.country ?? ""}>
            <option value="">Any</option>
            <option value="CN">China</option>
            <option value="US">United States</option>
            <option value="INTL">International / online</option>
            <option value="UNKNOWN">Unattributed</option>
            {["FR", "DE", "GB", "CA", "KR", "JP", "AE", "IL", "SG", "IN"].map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="small muted" style={{ display: "grid", gap: 2 }}>
          Lab
          <select name="lab" defaultValue={query.lab ?? ""}>
            <option value="">Any</option>
            {labs.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label className="small muted" style={{ display: "grid", gap: 2 }}>
          Task
          <select name="task" defaultValue={query.task ?? ""}>
            <option value="">Any</option>
            {tasks.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="small muted" style={{ display: "grid", gap: 2 }}>
          Library
          <input
            type="text"
            name="library"
            defaultValue={query.library ?? ""}
            placeholder="transformers"
            size={12}
          />
        </label>
        <label className="small muted" style={{ display: "grid", gap: 2 }}>
          Created from
          <input type="date" name="createdFrom" defaultValue={query.createdFrom ?? ""} />
        </label>
        <label className="small muted" style={{ display: "grid", gap: 2 }}>
          to
          <input type="date" name="createdTo" defaultValue={query.createdTo ?? ""} />
        </label>
        <label className="small muted" style={{ display: "grid", gap: 2 }}>
          Sort by
          <select name="sort" defaultValue={query.sort}>
            {MODEL_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        {query.namespace ? <input type="hidden" name="namespace" value={query.namespace} /> : null}
        <button type="submit" className="btn" style={{ padding: "6px 14px" }}>
          Apply
        </button>
        <Link href="/models" className="small">
          Reset
        </Link>
      </form>
      <section className="card">
        <p className="muted small" style={{ marginTop: 0 }}>
          {result.total.toLocaleString("en-US")} models{query.namespace ? ` in ${query.namespace}` : ""} ·
          counts at {result.date ?? "–"} ·{" "}
          <a href={`/api/v1/models?${new URLSearchParams({ ...params, format: "csv" })}`}>CSV of this page</a>
        </p>
        <ModelsTable models={result.models} caption="Models" />
        <nav aria-label="Pages" style={{ display: "flex", gap: 8, marginTop: 12, alignItems: "center" }}>
          {result.page > 1 ? <Link href={pageLink(result.page - 1)}>← Previous</Link> : null}
          <span className="muted small">
            Page {result.page} of {result.pages}
          </span>
          {result.page < result.pages ? <Link href={pageLink(result.page + 1)}>Next →</Link> : null}
        </nav>
      </section>
    </main>
  );
}
