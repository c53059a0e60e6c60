import { requireCronSecret } from "@/lib/api/cron-auth";
import { ApiError } from "@/lib/api/errors";
import { jsonResponse, route } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import { IngestBusyError } from "@/lib/ingest/run-lock";
import { startIngestInBackground } from "@/lib/ingest/trigger";

export const dynamic = "force-dynamic";

const trigger = route(async (request: Request) => {
  requireCronSecret(request);
  try {
    const { runId } = await startIngestInBackground(await getDb());
    return jsonResponse(
      { runId, status: "running", runs: "/api/v1/ingest/runs" },
      { status: 202, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof IngestBusyError) throw new ApiError("conflict", error.message);
    throw error;
  }
});

export const POST = trigger;
/** Hosted cron services (Vercel Cron) call with GET and the same bearer secret. */
export const GET = trigger;
