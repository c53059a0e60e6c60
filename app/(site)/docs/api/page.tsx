import type { Metadata } from "next";
import { headers } from "next/headers";
import { duckdbExample } from "@/components/api-docs/duckdb-example";
import { type JsonSchema, SchemaOutline, schemaLine } from "@/components/api-docs/schema-outline";
import { DataTable } from "@/components/tables/data-table";
import { openApiDocument } from "@/lib/api/openapi";
import { siteOrigin } from "@/lib/site";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "API",
  description: "Every route of the Open Model Share API: parameters, answers and their fields.",
};

type Parameter = { name: string; in: string; required: boolean; description?: string; schema: JsonSchema };
type Response = {
  description: string;
  content?: Record<string, { schema: JsonSchema }>;
  headers?: Record<string, { description?: string }>;
};
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  security: unknown[];
  parameters: Parameter[];
  responses: Record<string, Response>;
};

/** The API reference, rendered from the OpenAPI document the API serves (/api/v1/openapi.json). */
export default async function ApiDocsPage() {
  const origin = siteOrigin(await headers());
  const document = openApiDocument(origin);
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <main style={{ maxWidth: 960 }}>
      <h1>API</h1>
      <p className="lede">{document.info.description}</p>
      <p>
        Base URL <code>{origin}</code>. The machine-readable document is{" "}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Errors always have the shape{" "}
        <code>{'{"error":{"code","message","issues":[{"path","message"}]}}'}</code>; answers carry an ETag
        (send it back in <code>If-None-Match</code> for a 304) and any origin may read them.
      </p>
      <section id="duckdb" aria-labelledby="duckdb-title">
        <h2 id="duckdb-title">Query it from DuckDB</h2>
        <p>
          The share, labs, models and attribution-gap answers come as Parquet with <code>format=parquet</code>
          : typed columns, counts as exact 64-bit integers, and the definitions, data version, source,
          licence, citation and demo flag in the file's key-value metadata. DuckDB reads the URL as it is (it
          asks for byte ranges, which the API serves):
        </p>
        {/* Its URLs are long: they wrap rather than widen the page on any screen. */}
        <pre style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", maxWidth: "100%" }}>
          <code>{duckdbExample(origin)}</code>
        </pre>
      </section>
      <nav aria-label="Routes">
        <ul className="api-index">
          {operations.map(({ path, method, op }) => (
            <li key={op.operationId}>
              <a href={`#${op.operationId}`}>
                <code>
                  {method.toUpperCase()} {path}
                </code>
              </a>{" "}
              <span className="muted">{op.summary}</span>
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, op }) => (
        <section key={op.operationId} id={op.operationId} className="api-operation">
          <h2>
            <code>
              {method.toUpperCase()} {path}
            </code>
          </h2>
          <p>
            <strong>{op.summary}.</strong>{" "}
            {op.security.length > 0 ? "Needs Authorization: Bearer CRON_SECRET." : ""}
          </p>
          {op.description
            ? op.description.split("\n\n").map((paragraph) => <p key={paragraph}>{withCode(paragraph)}</p>)
            : null}
          {op.parameters.length > 0 ? (
            <DataTable
              className={null}
              caption={`Parameters of ${path}`}
              columns={["Parameter", "In", "Values"]}
            >
              {op.parameters.map((p) => (
                <tr key={`${p.in}-${p.name}`}>
                  <td>
                    <code>{p.name}</code>
                    {p.required ? " (required)" : ""}
                  </td>
                  <td>{p.in}</td>
                  <td>
                    {schemaLine(p.schema)}
                    {p.description ? <span className="muted"> — {withCode(p.description)}</span> : null}
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : null}
          <h3>Answers</h3>
          <dl>
            {Object.entries(op.responses).map(([status, response]) => (
              <div key={status}>
                <dt>
                  <strong>{status}</strong> {response.description}
                  {response.content ? (
                    <span className="muted"> · {Object.keys(response.content).join(", ")}</span>
                  ) : null}
                </dt>
                <dd>
                  {status.startsWith("2") && response.content?.["application/json"] ? (
                    <details>
                      <summary>Fields</summary>
                      <SchemaOutline schema={response.content["application/json"].schema} />
                    </details>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </main>
  );
}

/** Markdown's `inline code`, the only markup the document's descriptions use. */
function withCode(text: string) {
  return text.split("`").map((part, i) => (i % 2 === 1 ? <code key={part}>{part}</code> : part));
}
