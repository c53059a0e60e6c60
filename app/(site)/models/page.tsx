import type { Metadata } from "next";
import Link from "next/link";
import { type Choice, choicesOf, InputField, SelectField } from "@/components/forms/field";
import { ModelSearch } from "@/components/forms/model-search";
import { ModelsTable } from "@/components/tables/models-table";
import { getLabsAnswer, getModelsAnswer, getTasksAnswer } from "@/lib/analytics/answers";
import { getDb } from "@/lib/db";
import { MODEL_SORTS, MODELS_PARAMS, modelsQuerySchema } from "@/lib/domain/models-query";
import { REGIONS } from "@/lib/domain/regions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Models" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const SORT_LABELS: Record<(typeof MODEL_SORTS)[number], string> = {
  downloads30d: "Downloads (30 d)",
  downloadsAllTime: "All-time downloads",
  likes: "Likes",
  createdAt: "Created",
};
const SORT_CHOICES = MODEL_SORTS.map((s) => ({ id: s, label: SORT_LABELS[s] }));

const ANY: Choice = { id: "", label: "Any" };
/** Origins (the regions a model's country falls in, "other countries" aside), then some countries. */
const COUNTRY_CHOICES: Choice[] = [
  ANY,
  ...REGIONS.filter((r) => r.key !== "OTHER").map((r) => ({ id: r.key, label: r.label })),
  ...choicesOf(["FR", "DE", "GB", "CA", "KR", "JP", "AE", "IL", "SG", "IN"]),
];

/** The filters the form sends, each named as its query key and showing the value in force. */
type FilterKey = "q" | "country" | "lab" | "task" | "library" | "createdFrom" | "createdTo";

export default async function ModelsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value && MODELS_PARAMS.includes(k)) params[k] = value;
  }
  const parsed = modelsQuerySchema.safeParse(params);
  const db = await getDb();
  // One after another, not Promise.all: the embedded database (PGlite) serves one query at a time.
  const tasks = (await getTasksAnswer(db)).value.tasks;
  const labs = [...(await getLabsAnswer(db)).value.labs].sort((a, b) => a.name.localeCompare(b.name));
  const query = parsed.success ? parsed.data : modelsQuerySchema.parse({});
  const { value: result } = await getModelsAnswer(db, query);
  const filter = (name: FilterKey) => ({ name, defaultValue: query[name] ?? "" });
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
        <ModelSearch defaultValue={query.q ?? ""} />
        <SelectField label="Country" {...filter("country")} choices={COUNTRY_CHOICES} />
        <SelectField
          label="Lab"
          {...filter("lab")}
          choices={[ANY, ...labs.map((l) => ({ id: l.slug, label: l.name }))]}
        />
        <SelectField label="Task" {...filter("task")} choices={[ANY, ...choicesOf(tasks)]} />
        <InputField label="Library" type="text" {...filter("library")} placeholder="transformers" size={12} />
        <InputField label="Created from" type="date" {...filter("createdFrom")} />
        <InputField label="to" type="date" {...filter("createdTo")} />
        <SelectField label="Sort by" name="sort" defaultValue={query.sort} choices={SORT_CHOICES} />
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
          <a href={`/api/v1/models?${new URLSearchParams({ ...params, format: "csv" })}`}>CSV</a> or{" "}
          <a href={`/api/v1/models?${new URLSearchParams({ ...params, format: "parquet" })}`}>Parquet</a> of
          this page
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
