"use client";

import { useQueryStates } from "nuqs";
import { type ReactNode, useCallback, useMemo, useState } from "react";
import { CHART_STATE_PARSERS } from "@/lib/charts/chart-state";
import { type HistoryPoint, historyModel } from "@/lib/charts/history-model";
import { ShareFigure } from "./share-figure";

const RANGE = { from: CHART_STATE_PARSERS.from, to: CHART_STATE_PARSERS.to };

/**
 * One model's downloads at each snapshot: tooltips, keyboard and a brush whose range goes into the
 * page's URL (`from`, `to`); every snapshot is already on the page, so zooming fetches nothing.
 */
export function HistoryChart({
  hubId,
  history,
  still,
}: {
  hubId: string;
  history: HistoryPoint[];
  /** The server's still drawing of the range the page opened on */
  still: ReactNode;
}) {
  const [range, setRange] = useQueryStates(RANGE, { shallow: true, history: "push", scroll: false });
  const model = useMemo(
    () => historyModel(hubId, history, { from: range.from ?? undefined, to: range.to ?? undefined }),
    [hubId, history, range.from, range.to],
  );
  const [initial] = useState(() => ({ from: range.from, to: range.to }));
  const onRange = useCallback(
    (first: number, last: number) => {
      void setRange({ from: model.buckets[first]?.date ?? null, to: model.buckets[last]?.date ?? null });
    },
    [model, setRange],
  );
  const zoomed = range.from !== null || range.to !== null;
  return (
    <>
      <ShareFigure
        model={model}
        references={[]}
        context="The Hub's trailing-30-day count"
        still={range.from === initial.from && range.to === initial.to ? still : undefined}
        onRange={model.buckets.length > 2 ? onRange : null}
        eager={range.from !== initial.from || range.to !== initial.to}
      />
      {zoomed ? (
        <button type="button" className="btn" onClick={() => void setRange({ from: null, to: null })}>
          Show every snapshot
        </button>
      ) : null}
    </>
  );
}
