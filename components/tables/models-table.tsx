import Link from "next/link";
import { type Column, DataTable, numeric } from "@/components/tables/data-table";
import type { ModelRow } from "@/lib/analytics/models";
import { createdLabel } from "@/lib/domain/cohorts";
import { regionInfo } from "@/lib/domain/regions";
import { formatCount, formatExact } from "@/lib/format/numbers";

/** What a row needs; the origin column shows when the rows carry a region. */
export type ModelsTableRow = Pick<
  ModelRow,
  "hubId" | "pipelineTag" | "createdAt" | "downloads30d" | "downloadsAllTime"
> &
  Partial<Pick<ModelRow, "region" | "country" | "lab" | "derivative">>;

/** Models with their latest counts; links to the model page (listings, overview, lab pages). */
export function ModelsTable({
  models,
  caption,
  empty = "No models match.",
  modelHeader = "Model",
}: {
  models: ModelsTableRow[];
  caption: string;
  empty?: string;
  modelHeader?: string;
}) {
  if (models.length === 0) return <p className="muted">{empty}</p>;
  const origin = models.some((m) => m.region !== undefined);
  const columns: Column[] = [
    modelHeader,
    ...(origin ? ["Origin"] : []),
    "Task",
    "Created",
    numeric("Downloads (30 d)"),
    numeric("All-time"),
  ];
  return (
    <DataTable columns={columns} caption={caption} testId="models-table">
      {models.map((m) => (
        <tr key={m.hubId}>
          <td>
            <Link href={`/models/${m.hubId}`}>{m.hubId}</Link>
            {m.derivative ? <span className="muted small"> · derivative</span> : null}
          </td>
          {origin ? (
            <td>
              {regionInfo(m.region ?? "")?.label ?? m.region}
              {m.country && m.region === "OTHER" ? ` (${m.country})` : ""}
              {m.lab ? (
                <>
                  {" · "}
                  <Link href={`/labs/${m.lab}`}>{m.lab}</Link>
                </>
              ) : null}
            </td>
          ) : null}
          <td className="small">{m.pipelineTag ?? "–"}</td>
          <td className="small num">{createdLabel(m.createdAt)}</td>
          <td className="num" title={formatExact(m.downloads30d)}>
            {formatCount(m.downloads30d)}
          </td>
          <td className="num" title={formatExact(m.downloadsAllTime)}>
            {formatCount(m.downloadsAllTime)}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
