import { requireCronSecret } from "@/lib/api/cron-auth";
import { ApiError } from "@/lib/api/errors";
import { INGEST_TRIGGER_PARAMS, ingestTriggerQuerySchema } from "@/lib/api/ingest-trigger-query";
import { operationById } from "@/lib/api/operations";
import { parseSearchParams } from "@/lib/api/parse";
import { jsonResponse, route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import { runIngestStep, startIngestInBackground } from "@/lib/ingest/trigger";
import { IngestBusyError } from "@/lib/store/write-lock";

export const dynamic = "force-dynamic";
/** Hosts that bound a request's duration (Vercel) read this; a step stays inside it. */
export const maxDuration = 60;

const handler = async (request: Request) => {
  requireCronSecret(request);
  const { maxSeconds } = parseSearchParams(
    ingestTriggerQuerySchema,
    new URL(request.url).searchParams,
    INGEST_TRIGGER_PARAMS,
  );
  try {
    const db = await getDb();
    if (maxSeconds !== undefined) {
      const step = await runIngestStep(db, maxSeconds);
      return jsonResponse(
        { ...step, done: step.status !== "paused", runs: "/api/v1/ingest/runs" },
        { status: 200, headers: { "Cache-Control": "no-store" } },
      );
    }
    const { runId } = await startIngestInBackground(db);
    return jsonResponse(
      { runId, status: "running", runs: "/api/v1/ingest/runs" },
      { status: 202, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof IngestBusyError) throw new ApiError("conflict", error.message);
    throw error;
  }
};

export const POST = route(operationById("triggerIngest"), handler);
/** Hosted cron services (Vercel Cron) call with GET and the same bearer secret. */
export const GET = route(operationById("triggerIngestByGet"), handler);
