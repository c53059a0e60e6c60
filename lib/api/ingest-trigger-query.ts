import { z } from "zod";

/**
 * POST /api/v1/ingest: without `maxSeconds` the run starts in the background (202); with it, the
 * request itself continues today's run for at most that long and answers 200 with where it stands
 * (for hosts that cut a request's work off when it answers).
 */
export const ingestTriggerQuerySchema = z.object({
  maxSeconds: z.coerce
    .number()
    .int("must be a whole number of seconds")
    .min(5, "must be at least 5 seconds")
    .max(900, "must be at most 900 seconds")
    .optional(),
});

export const INGEST_TRIGGER_PARAMS: readonly string[] = Object.keys(ingestTriggerQuerySchema.shape);
