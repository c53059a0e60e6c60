"use client";

import { useQueryStates } from "nuqs";
import { type ReactNode, useCallback, useMemo, useRef } from "react";
import type { Fetched } from "@/components/data/api-fetch";
import { type ShareJson, useApiQuery } from "@/components/data/queries";
import { chartContext, chartModel } from "@/lib/charts/chart-model";
import { CHART_STATE_PARSERS, type ChartValues } from "@/lib/charts/chart-state";
import { referencesFor } from "@/lib/charts/references";
import { chartQueryString } from "@/lib/domain/chart-state";
import { ChartPanel } from "./chart-panel";
import { ShareFigure } from "./share-figure";

const RANGE = { from: CHART_STATE_PARSERS.from, to: CHART_STATE_PARSERS.to };

type Props = {
  title: string;
  subtitle?: string;
  /** The panel's fixed question (a lab page's lab, grouping, attribution); the range is the URL's */
  question: ChartValues;
  /** The server's answer for the URL it rendered */
  seed: { apiQuery: string; answer: Fetched<ShareJson> | null };
  /** The server's still drawing of that answer */
  still: ReactNode;
};

/**
 * A fixed share question as a chart panel (lab pages): the range is the page's `from` and `to`,
 * which the brush of any panel sets for all of them; answers come from GET /api/v1/share.
 */
export function ShareQueryPanel({ title, subtitle, question, seed, still }: Props) {
  const [range, setRange] = useQueryStates(RANGE, { shallow: true, history: "push", scroll: false });
  const values: ChartValues = { ...question, from: range.from ?? undefined, to: range.to ?? undefined };
  const apiQuery = chartQueryString("api", values);
  const answer = useApiQuery<ShareJson>(["share", apiQuery], `/api/v1/share?${apiQuery}`, {
    seed: apiQuery === seed.apiQuery ? seed.answer : null,
    keepPrevious: true,
  });
  const lastGood = useRef<ShareJson | null>(null);
  if (answer.data) lastGood.current = answer.data.data;
  const result = answer.data?.data ?? (answer.isError ? lastGood.current : null);
  const model = useMemo(
    () => (result ? chartModel(result, { mode: "lines", value: "share" }) : null),
    [result],
  );
  const references = useMemo(() => (result && model ? referencesFor(result, model) : []), [result, model]);
  const onRange = useCallback(
    (first: number, last: number) => {
      if (!result) return;
      const next = result.points[last + 1]?.date;
      void setRange({
        from: first > 0 ? (result.points[first]?.date ?? null) : result.query.from,
        to: next
          ? new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
          : result.query.to,
      });
    },
    [result, setRange],
  );
  const isInitial = apiQuery === seed.apiQuery && answer.data === seed.answer;
  const empty =
    !result ||
    result.points.every((p) => p.asOf === null || Object.values(p.values).every((v) => v.downloads === "0"));
  return (
    <ChartPanel
      title={title}
      subtitle={
        range.from || range.to ? (
          <>
            {subtitle ? `${subtitle} · ` : ""}
            <button
              type="button"
              className="link-button"
              onClick={() => void setRange({ from: null, to: null })}
            >
              Show the last year
            </button>
          </>
        ) : (
          subtitle
        )
      }
      values={values}
      data={result ? result.freshness : null}
    >
      {answer.isError && !result ? (
        <div role="alert" className="plot-error" style={{ position: "static" }}>
          <p>{answer.error.message}</p>
          <button type="button" className="btn" onClick={() => void answer.refetch()}>
            Try again
          </button>
        </div>
      ) : empty || !model || !result ? (
        <div style={{ padding: 24, textAlign: "center" }} className="muted">
          {range.from || range.to
            ? "No downloads in this range: show the last year, or choose another range."
            : "No downloads recorded for this selection yet."}
        </div>
      ) : (
        <ShareFigure
          model={model}
          references={references}
          context={chartContext(result.query)}
          still={isInitial ? still : undefined}
          onRange={onRange}
          pending={answer.isFetching && answer.isPlaceholderData}
          error={
            answer.isError ? { message: answer.error.message, retry: () => void answer.refetch() } : null
          }
          eager={!isInitial}
        />
      )}
    </ChartPanel>
  );
}
