"use client";

import type { Fetched } from "@/components/data/api-fetch";
import { useApiQuery } from "@/components/data/queries";
import { DataTable, numeric } from "@/components/tables/data-table";
import { bucketLabel } from "@/lib/charts/chart-model";
import type { Sensitivity, SensitivitySwitch } from "@/lib/domain/answers";
import { formatPoints, formatShare } from "@/lib/format/numbers";

const SWITCH_LABELS: Record<SensitivitySwitch, string> = {
  attribution: "Attribution",
  repacks: "Repacks",
  derivatives: "Derivatives",
  cohort: "Models",
  metric: "Measure",
  population: "Population",
};

const COLUMNS = ["Choice", numeric("China"), numeric("United States")];

/**
 * How far each switch moves the chart's headline: China's and the US's share at the latest period
 * under every choice of every switch (GET /api/v1/sensitivity, keyed by the chart's question),
 * the chart's own choice marked and the others as a difference in points from it.
 */
export function SensitivityTable({
  apiQuery,
  seed,
}: {
  apiQuery: string;
  /** The server's table for the page's first question */
  seed: Fetched<Sensitivity> | null;
}) {
  const answer = useApiQuery<Sensitivity>(
    ["sensitivity", apiQuery],
    `/api/v1/sensitivity${apiQuery ? `?${apiQuery}` : ""}`,
    { seed, keepPrevious: true },
  );
  const data = answer.data?.data;
  if (!data)
    return (
      <p className="muted" role={answer.isError ? "alert" : undefined}>
        {answer.isError ? `The table could not be loaded: ${answer.error.message}` : "Loading…"}
      </p>
    );
  const { headline, query } = data;
  const period = headline.period ? bucketLabel(headline.period, query.interval) : "–";
  return (
    <>
      <p className="muted small" style={{ marginTop: 0 }}>
        China's and the US's share of {period}, the chart's latest period, if one switch were set otherwise
        (the others as the chart has them), and the difference from now in percentage points.{" "}
        <a href={`/api/v1/sensitivity?${apiQuery}${apiQuery ? "&" : ""}format=csv`}>CSV</a>
      </p>
      <DataTable
        columns={COLUMNS}
        caption="Headline share under each choice of each switch"
        testId="sensitivity"
      >
        {data.rows.flatMap((row, i) => {
          const elsewhere = row.period !== headline.period && row.period !== null;
          const cell = (share: number | null, difference: number | null) => (
            <td className="num">
              {formatShare(share)}
              {row.current ? null : (
                <span className="muted small sensitivity-delta">{formatPoints(difference)}</span>
              )}
            </td>
          );
          const line = (
            <tr key={`${row.switch}-${row.option}`} aria-current={row.current ? "true" : undefined}>
              <td>
                {row.current ? <strong>{row.label} (now)</strong> : row.label}
                {elsewhere && row.period ? (
                  <span className="muted small"> · latest {bucketLabel(row.period, query.interval)}</span>
                ) : null}
              </td>
              {cell(row.CN, row.difference.CN)}
              {cell(row.US, row.difference.US)}
            </tr>
          );
          if (data.rows[i - 1]?.switch === row.switch) return [line];
          return [
            <tr key={row.switch} className="sensitivity-switch">
              <th scope="colgroup" colSpan={3}>
                {SWITCH_LABELS[row.switch]}
              </th>
            </tr>,
            line,
          ];
        })}
      </DataTable>
    </>
  );
}
