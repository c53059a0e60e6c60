"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { HeadlineCards } from "@/components/cards/headline-cards";
import { ChartPanel } from "@/components/charts/chart-panel";
import { ShareChart } from "@/components/charts/lazy-charts";
import type { ChartMode, ChartValue } from "@/components/charts/share-chart";
import { ShareTable } from "@/components/charts/share-table";
import { FilterBar, type FilterValues } from "@/components/filters/filter-bar";
import { useShareFilters } from "@/components/filters/use-share-filters";
import { REFERENCE_FIGURES } from "@/lib/analytics/reference-figures";
import type { ShareResult } from "@/lib/analytics/share-over-time";
import { fetchShare } from "@/lib/api/client";
import { DEFAULT_COMPARE, overviewQueries } from "@/lib/api/overview-queries";

type Props = {
  initial: {
    region: string | null;
    regionResult: ShareResult | null;
    labs: string | null;
    labsResult: ShareResult | null;
  };
  dataAsOf: string | null;
  tasks: string[];
};

/** No snapshot in range, or every drawn series is zero. */
function isEmpty(result: ShareResult): boolean {
  return result.points.every(
    (p) => p.asOf === null || Object.values(p.values).every((v) => v.downloads === "0"),
  );
}

export function OverviewExplorer({ initial, dataAsOf, tasks }: Props) {
  const [filters, setFilters] = useShareFilters();
  const queries = useMemo(() => overviewQueries(filters), [filters]);
  const mode = (filters.mode === "stacked" ? "stacked" : "lines") satisfies ChartMode;
  const value = (filters.value === "downloads" ? "downloads" : "share") satisfies ChartValue;

  const region = useQuery({
    queryKey: ["share", queries.region],
    queryFn: () => fetchShare(queries.region ?? ""),
    enabled: queries.region !== null,
    placeholderData: keepPreviousData,
    initialData: queries.region === initial.region ? (initial.regionResult ?? undefined) : undefined,
  });
  const labs = useQuery({
    queryKey: ["share", queries.labs],
    queryFn: () => fetchShare(queries.labs ?? ""),
    enabled: queries.labs !== null,
    placeholderData: keepPreviousData,
    initialData: queries.labs === initial.labs ? (initial.labsResult ?? undefined) : undefined,
  });

  const onChange = (patch: FilterValues) => void setFilters(patch);
  const statusOf = (q: typeof region) =>
    q.isPending ? "loading" : q.isError ? "error" : isEmpty(q.data) ? "empty" : "ready";
  const toggle = (name: string, options: [string, string][], current: string) => (
    <fieldset aria-label={name} style={{ display: "inline-flex", gap: 2, border: 0, padding: 0, margin: 0 }}>
      {options.map(([v, label]) => (
        <button
          key={v}
          type="button"
          className="btn"
          aria-pressed={current === v}
          onClick={() => onChange({ [name]: v === options[0]?.[0] ? null : v })}
        >
          {label}
        </button>
      ))}
    </fieldset>
  );
  const refs = REFERENCE_FIGURES.filter(
    (r) => r.cohort === (filters.cohort ?? "all") || (filters.cohort === "new-12m" && r.cohort === "new-12m"),
  );

  if (queries.error) {
    return (
      <div role="alert" className="card">
        This link has invalid filters ({queries.error}).{" "}
        <a href="/" onClick={() => void setFilters(null)}>
          Reset the view
        </a>
      </div>
    );
  }

  return (
    <div className="stack">
      <FilterBar values={filters} onChange={onChange} dataAsOf={dataAsOf} tasks={tasks} />
      {region.data && statusOf(region) === "ready" ? <HeadlineCards result={region.data} /> : null}
      <ChartPanel
        title={
          region.isPlaceholderData
            ? "Share of downloads by country of origin (updating…)"
            : "Share of downloads by country of origin"
        }
        subtitle={
          region.data
            ? `${region.data.query.from} to ${region.data.query.to} · ${region.data.freshness.modelsTracked.toLocaleString("en-US")} models tracked · ${Math.round((region.data.freshness.attributedShare ?? 0) * 100)} % of downloads attributed`
            : undefined
        }
        apiQuery={queries.region ?? ""}
        status={statusOf(region)}
        error={region.error?.message}
        onRetry={() => void region.refetch()}
        emptyMessage="No snapshots in this range. Widen the date range, or run an ingestion."
        controls={
          <>
            {toggle(
              "mode",
              [
                ["lines", "Lines"],
                ["stacked", "Stacked"],
              ],
              mode,
            )}
            {toggle(
              "value",
              [
                ["share", "Share"],
                ["downloads", "Downloads"],
              ],
              value,
            )}
          </>
        }
        table={region.data ? <ShareTable result={region.data} /> : null}
      >
        {region.data ? (
          <ShareChart
            result={region.data}
            mode={mode}
            value={value}
            references={refs}
            crossoverLabel={(leader, previous, date) =>
              `${leader === "CN" ? "China" : leader === "US" ? "The US" : leader} passes ${previous === "US" ? "the US" : previous === "CN" ? "China" : previous}, ${date}`
            }
          />
        ) : null}
      </ChartPanel>
      {refs.length > 0 ? (
        <p className="muted small" style={{ margin: 0 }}>
          Reference markers: {refs.map((r) => r.label).join(", ")} — {refs[0]?.source.title}.{" "}
          <a href={refs[0]?.source.url}>Source</a>. {refs[0]?.source.note}
        </p>
      ) : null}
      <ChartPanel
        title="Compare labs"
        subtitle={`Share of all downloads in scope · ${(filters.compare || DEFAULT_COMPARE.join(",")).split(",").join(", ")}`}
        apiQuery={queries.labs ?? ""}
        status={statusOf(labs)}
        error={labs.error?.message}
        onRetry={() => void labs.refetch()}
        emptyMessage="None of these labs has downloads in this range and scope."
        table={labs.data ? <ShareTable result={labs.data} /> : null}
      >
        {labs.data ? <ShareChart result={labs.data} mode="lines" value={value} height={300} /> : null}
      </ChartPanel>
    </div>
  );
}
