import { z } from "zod";
import { wholeNumber } from "../domain/query-fragments";

/**
 * POST /api/v1/ingest: without `maxSeconds` the run starts in the background (202); with it, the
 * request itself continues today's run for at most that long and answers 200 with where it stands
 * (for hosts that cut a request's work off when it answers).
 */
export const ingestTriggerQuerySchema = z.object({
  maxSeconds: z.optional(wholeNumber(5, 900)).describe("Seconds this request may crawl for"),
});

export const INGEST_TRIGGER_PARAMS: readonly string[] = Object.keys(ingestTriggerQuerySchema.shape);
