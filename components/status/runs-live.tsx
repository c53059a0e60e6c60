"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { Fetched } from "@/components/data/api-fetch";
import { useApiQuery } from "@/components/data/queries";
import { type Column, DataTable, numeric } from "@/components/tables/data-table";
import type { IngestRun } from "@/lib/domain/answers";

type RunsJson = { runs: IngestRun[] };

/** Text colours with at least 4.5:1 contrast on either theme (WCAG AA). */
const STATUS_COLOR: Record<string, string> = {
  succeeded: "var(--ok)",
  failed: "var(--error)",
  interrupted: "var(--caution)",
  running: "var(--accent)",
  stored: "var(--accent)",
};

const RUN_COLUMNS: Column[] = [
  "Run",
  "Status",
  "As of",
  "Started",
  "Finished",
  numeric("Pages"),
  numeric("Models"),
  "Trigger",
  "Errors",
];

/** Polls every few seconds while a run is going; else now and then, to notice the next one. */
const RUNNING_POLL_MS = 3_000;
const IDLE_POLL_MS = 15_000;

const time = (iso: string | null) => iso?.slice(0, 19).replace("T", " ") ?? "–";

/**
 * The ingestion runs, followed live from GET /api/v1/ingest/runs while one is going: its pages,
 * models and how far it is against the last finished run's model count. The server's list seeds
 * it; unchanged polls cost a 304; when a run ends, the page's other figures are re-rendered.
 */
export function RunsLive({ seed, shown = 30 }: { seed: Fetched<RunsJson>; shown?: number }) {
  const router = useRouter();
  const runs = useApiQuery<RunsJson>(["ingest-runs"], "/api/v1/ingest/runs", {
    seed,
    refetchInterval: (data) =>
      data?.runs.some((r) => r.status === "running") ? RUNNING_POLL_MS : IDLE_POLL_MS,
  });
  const list = runs.data?.data.runs ?? [];
  const running = list.find((r) => r.status === "running") ?? null;
  const wasRunning = useRef(running !== null);
  useEffect(() => {
    if (wasRunning.current && running === null) router.refresh();
    wasRunning.current = running !== null;
  }, [running, router]);
  const previous = list.find((r) => r.status === "succeeded" && r.modelsSeen > 0);
  const progress = running && previous ? Math.min(1, running.modelsSeen / previous.modelsSeen) : null;
  return (
    <>
      {running ? (
        <div className="card run-live" data-testid="run-live">
          <h3 style={{ margin: "0 0 6px" }}>
            Run #{running.id} is going{" "}
            <span className="muted small">
              (as of {running.asOf}, {running.trigger})
            </span>
          </h3>
          {progress !== null ? (
            <progress
              max={1}
              value={progress}
              aria-label={`About ${Math.round(progress * 100)} % of the last run's ${previous?.modelsSeen.toLocaleString("en-US")} models`}
              style={{ width: "100%" }}
            />
          ) : null}
          <p className="small" style={{ margin: "6px 0 0" }} role="status" aria-live="polite">
            <span className="num">{running.pages.toLocaleString("en-US")}</span> pages ·{" "}
            <span className="num" data-testid="run-live-models">
              {running.modelsSeen.toLocaleString("en-US")}
            </span>{" "}
            models
            {progress !== null ? ` · about ${Math.round(progress * 100)} % of the last run's models` : ""} ·
            last heartbeat {time(running.heartbeatAt)}
          </p>
        </div>
      ) : null}
      {list.length === 0 ? (
        <p className="muted">
          No run yet. Start one with <code>npm run ingest</code>, or schedule <code>npm run scheduler</code>.
        </p>
      ) : (
        <DataTable columns={RUN_COLUMNS} testId="runs-table">
          {list.slice(0, shown).map((r) => (
            <tr key={r.id}>
              <td>
                #{r.id}
                {r.resumedFromId ? <span className="muted small"> (resumes #{r.resumedFromId})</span> : null}
              </td>
              <td style={{ color: STATUS_COLOR[r.status], fontWeight: 600 }}>
                {r.status}
                {r.test ? <span className="muted small"> (test: never published)</span> : null}
              </td>
              <td className="num">{r.asOf}</td>
              <td className="small num">{time(r.startedAt)}</td>
              <td className="small num">{time(r.finishedAt)}</td>
              <td className="num">{r.pages}</td>
              <td className="num">{r.modelsSeen.toLocaleString("en-US")}</td>
              <td className="small">{r.trigger}</td>
              <td className="small">{r.errors.at(-1)?.message ?? ""}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {runs.isError ? (
        <p role="alert" className="small">
          The runs could not be refreshed: {runs.error.message}{" "}
          <button type="button" className="link-button" onClick={() => void runs.refetch()}>
            Try again
          </button>
        </p>
      ) : null}
    </>
  );
}
