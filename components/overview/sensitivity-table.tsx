"use client";

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

const COLUMNS = [
  "Switch",
  "Choice",
  numeric("China"),
  numeric("vs now"),
  numeric("United States"),
  numeric("vs now"),
];

/**
 * How far each switch moves the chart's headline: China's and the US's share at the latest period
 * under every choice of every switch (GET /api/v1/sensitivity, keyed by the chart's question),
 * the chart's own choice marked and the others as a difference in points from it.
 */
export function SensitivityTable({ apiQuery }: { apiQuery: string }) {
  const answer = useApiQuery<Sensitivity>(
    ["sensitivity", apiQuery],
    `/api/v1/sensitivity${apiQuery ? `?${apiQuery}` : ""}`,
    { keepPrevious: true },
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
        (the others as the chart has them). Differences are in percentage points.{" "}
        <a href={`/api/v1/sensitivity?${apiQuery}${apiQuery ? "&" : ""}format=csv`}>CSV</a>
      </p>
      <DataTable
        columns={COLUMNS}
        caption="Headline share under each choice of each switch"
        testId="sensitivity"
      >
        {data.rows.map((row, i) => {
          const first = data.rows[i - 1]?.switch !== row.switch;
          const elsewhere = row.period !== headline.period && row.period !== null;
          return (
            <tr key={`${row.switch}-${row.option}`} aria-current={row.current ? "true" : undefined}>
              <th scope="row">{first ? SWITCH_LABELS[row.switch] : ""}</th>
              <td>
                {row.current ? <strong>{row.label} (now)</strong> : row.label}
                {elsewhere && row.period ? (
                  <span className="muted small"> · latest {bucketLabel(row.period, query.interval)}</span>
                ) : null}
              </td>
              <td className="num">{formatShare(row.CN)}</td>
              <td className="num">{row.current ? "" : formatPoints(row.difference.CN)}</td>
              <td className="num">{formatShare(row.US)}</td>
              <td className="num">{row.current ? "" : formatPoints(row.difference.US)}</td>
            </tr>
          );
        })}
      </DataTable>
    </>
  );
}
