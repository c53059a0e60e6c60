import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The headers every delivery carries: the idempotency key (the same on every attempt of one event
 * to one subscription: a receiver drops a key it has seen), the time of the attempt (seconds since
 * the epoch) and an HMAC-SHA256 of `${timestamp}.${body}` with the subscription's secret, in hex.
 */
export const WEBHOOK_HEADERS = {
  id: "OMS-Webhook-Id",
  timestamp: "OMS-Webhook-Timestamp",
  signature: "OMS-Webhook-Signature",
} as const;

export function signBody(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** A receiver's check (the README shows the same in a few lines): the signature, and a recent timestamp. */
export function verifySignature(
  secret: string,
  header: { timestamp: string; signature: string },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(header.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signBody(secret, timestamp, body));
  const given = Buffer.from(header.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A new subscription's secret: 32 random bytes, base64url. */
export const newSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;
