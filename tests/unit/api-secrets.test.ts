import * as crypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { requireCronSecret } from "@/lib/api/cron-auth";
import { ApiError, earlyErrorParts } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/respond";

vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

/** What the API tells a client when something goes wrong: never where our servers are, never a stack. */
describe("errors and secrets", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const INTERNAL = ["10.9.8.7", "db.internal.example", "s3cret", "/srv/app", "    at "];

  it.each([
    [
      "an unexpected error",
      Object.assign(new Error("boom at postgres://oms:s3cret@db.internal.example:5432/oms"), {
        stack: "Error: boom\n    at handler (/srv/app/lib/x.ts:1:1)",
      }),
      500,
    ],
    ["a database that cannot be reached", new Error("connect ECONNREFUSED 10.9.8.7:5432"), 503],
    [
      "a database that went away",
      Object.assign(new Error("terminating connection due to administrator command"), {
        code: "57P01",
        cause: new Error("server db.internal.example:5432 closed"),
      }),
      503,
    ],
    [
      "a read cancelled at its limit",
      Object.assign(new Error("canceling statement"), { code: "57014" }),
      503,
    ],
  ])("answers %s without an address or a stack", async (_, error, status) => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const response = errorResponse(error);
    expect(response.status).toBe(status);
    const text = `${JSON.stringify([...response.headers])}${await response.text()}`;
    for (const secret of INTERNAL) expect(text).not.toContain(secret);
    expect(JSON.parse(text.slice(text.indexOf("{"))).error.code).toMatch(
      /internal_error|service_unavailable/,
    );
  });

  it("answers early errors with the API's security headers", () => {
    const { headers, body } = earlyErrorParts(new ApiError("bad_request", "no"));
    expect(headers).toMatchObject({
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Cache-Control": "no-store",
    });
    expect(JSON.parse(body)).toEqual({ error: { code: "bad_request", message: "no", issues: [] } });
  });

  it("compares the ingest trigger's bearer in constant time: digests of one length, whatever is sent", () => {
    const compare = vi.mocked(crypto.timingSafeEqual);
    compare.mockClear();
    const withToken = (token: string) =>
      new Request("http://127.0.0.1/api/v1/ingest", { headers: { authorization: `Bearer ${token}` } });
    for (const token of ["s", "s3cre", "s3cret-but-longer", "x".repeat(500), "s3creT"])
      expect(() => requireCronSecret(withToken(token), "s3cret"), token).toThrow(/wrong bearer token/);
    expect(() => requireCronSecret(withToken("s3cret"), "s3cret")).not.toThrow();
    expect(compare).toHaveBeenCalledTimes(6);
    for (const [a, b] of compare.mock.calls) {
      expect((a as Buffer).length).toBe(32);
      expect((b as Buffer).length).toBe(32);
    }
  });
});
