import { createHash, timingSafeEqual } from "node:crypto";
import { ApiError } from "./errors";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Bearer CRON_SECRET, compared in constant time (hashing first makes the lengths equal). */
export function requireCronSecret(request: Request, secret = process.env.CRON_SECRET): void {
  if (!secret) {
    throw new ApiError(
      "unauthorized",
      "The ingest trigger is disabled: CRON_SECRET is not set on this server.",
    );
  }
  // The scheme is case-insensitive (RFC 9110 §11.1): "bearer" and "BEARER" are Bearer.
  const token = /^bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!token || !timingSafeEqual(digest(token), digest(secret))) {
    throw new ApiError("unauthorized", "Missing or wrong bearer token for the ingest trigger.");
  }
}
