import { ChartPanel } from "@/components/charts/chart-panel";
import { ShareChart } from "@/components/charts/share-chart";
import { parseChartState } from "@/lib/charts/chart-state";
import type { ShareResult } from "@/lib/domain/answers";

type Props = {
  title: string;
  subtitle?: string;
  queryString: string;
  result: ShareResult | null;
  height?: number;
};

/** A fixed share query as a chart panel (lab pages): the server's answer, drawn. */
export function ShareQueryPanel({ title, subtitle, queryString, result, height = 320 }: Props) {
  const empty =
    !result ||
    result.points.every((p) => p.asOf === null || Object.values(p.values).every((v) => v.downloads === "0"));
  return (
    <ChartPanel
      title={title}
      subtitle={subtitle}
      state={parseChartState(new URLSearchParams(queryString))}
      empty={empty}
      emptyMessage="No downloads recorded for this selection yet."
    >
      {result ? <ShareChart result={result} height={height} /> : null}
    </ChartPanel>
  );
}
