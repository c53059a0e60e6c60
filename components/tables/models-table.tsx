import Link from "next/link";
import type { ModelRow } from "@/lib/analytics/models";
import { formatCount, formatExact } from "@/lib/format/numbers";
import { REGION_LABELS, type Region } from "@/lib/origins/regions";

/** Models with their latest counts; links to the model page. */
export function ModelsTable({ models, caption }: { models: ModelRow[]; caption: string }) {
  if (models.length === 0) return <p className="muted">No models match.</p>;
  return (
    <div className="table-scroll">
      <table className="data" data-testid="models-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Origin</th>
            <th scope="col">Task</th>
            <th scope="col">Created</th>
            <th scope="col" className="num">
              Downloads (30 d)
            </th>
            <th scope="col" className="num">
              All-time
            </th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.hubId}>
              <td>
                <Link href={`/models/${m.hubId}`}>{m.hubId}</Link>
                {m.derivative ? <span className="muted small"> · derivative</span> : null}
              </td>
              <td>
                {REGION_LABELS[m.region as Region] ?? m.region}
                {m.country && m.region === "OTHER" ? ` (${m.country})` : ""}
                {m.lab ? (
                  <>
                    {" · "}
                    <Link href={`/labs/${m.lab}`}>{m.lab}</Link>
                  </>
                ) : null}
              </td>
              <td className="small">{m.pipelineTag ?? "–"}</td>
              <td className="small num">{m.createdAt?.slice(0, 10) ?? "–"}</td>
              <td className="num" title={formatExact(m.downloads30d)}>
                {formatCount(m.downloads30d)}
              </td>
              <td className="num" title={formatExact(m.downloadsAllTime)}>
                {formatCount(m.downloadsAllTime)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
