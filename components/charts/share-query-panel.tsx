"use client";

import { useQuery } from "@tanstack/react-query";
import { ChartPanel } from "@/components/charts/chart-panel";
import { ShareChart } from "@/components/charts/lazy-charts";
import { ShareTable } from "@/components/charts/share-table";
import type { ShareResult } from "@/lib/analytics/share-over-time";
import { fetchShare } from "@/lib/api/client";

type Props = {
  title: string;
  subtitle?: string;
  queryString: string;
  initial: ShareResult | null;
  height?: number;
};

/** A fixed share query as a chart panel: server-rendered data first, then react-query's cache. */
export function ShareQueryPanel({ title, subtitle, queryString, initial, height = 320 }: Props) {
  const q = useQuery({
    queryKey: ["share", queryString],
    queryFn: () => fetchShare(queryString),
    initialData: initial ?? undefined,
  });
  const empty = q.data?.points.every(
    (p) => p.asOf === null || Object.values(p.values).every((v) => v.downloads === "0"),
  );
  return (
    <ChartPanel
      title={title}
      subtitle={subtitle}
      apiQuery={queryString}
      status={q.isPending ? "loading" : q.isError ? "error" : empty ? "empty" : "ready"}
      error={q.error?.message}
      onRetry={() => void q.refetch()}
      emptyMessage="No downloads recorded for this selection yet."
      table={q.data ? <ShareTable result={q.data} /> : null}
    >
      {q.data ? <ShareChart result={q.data} height={height} /> : null}
    </ChartPanel>
  );
}
