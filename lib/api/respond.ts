import { isDatabaseUnavailable, isStatementTimeout } from "../db/errors";
import { QueryError } from "../domain/query-error";
import { ApiError, errorBody } from "./errors";
import type { Operation } from "./operations";
import { spendBudget } from "./rate-limit";
import { checkRawQuery } from "./raw-query";

/** JSON that carries BigInt as decimal strings (exact), never as lossy numbers. */
export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const text = JSON.stringify(body, (_, v) => (typeof v === "bigint" ? v.toString() : v));
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(text, { ...init, headers });
}

export const CSV_TYPE = "text/csv; charset=utf-8";
/** Registered with IANA in 2024 */
export const PARQUET_TYPE = "application/vnd.apache.parquet";

/** A downloadable file: its type, and its name (characters a filename may not hold become _). */
export function fileResponse(
  body: string | Uint8Array<ArrayBuffer>,
  contentType: string,
  filename: string,
  init: ResponseInit = {},
): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", contentType);
  headers.set("Content-Disposition", `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`);
  return new Response(body, { ...init, headers });
}

export const csvResponse = (
  csv: string | Uint8Array<ArrayBuffer>,
  filename: string,
  init: ResponseInit = {},
) => fileResponse(csv, CSV_TYPE, filename, init);

/** The error shape (lib/api/errors.ts) with its status; `headers` add to it. */
export function apiErrorResponse(error: ApiError, headers: Record<string, string> = {}): Response {
  const all: Record<string, string> = { "Cache-Control": "no-store", ...headers };
  if (error.code === "unauthorized") all["WWW-Authenticate"] = 'Bearer realm="ingest"';
  return jsonResponse(errorBody(error), { status: error.status, headers: all });
}

/** Maps any error to the API's error shape: bad input 400, missing 404, database down 503. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) return apiErrorResponse(error);
  if (error instanceof QueryError)
    return apiErrorResponse(new ApiError("bad_request", error.message, error.issues));
  if (isDatabaseUnavailable(error)) {
    const apiError = new ApiError(
      "service_unavailable",
      "The database is unavailable right now; the data is safe. Try again in a minute.",
    );
    return apiErrorResponse(apiError, { "Retry-After": "30" });
  }
  if (isStatementTimeout(error)) {
    const apiError = new ApiError(
      "service_unavailable",
      "That question took too long to answer; narrow it (a search term, a filter) or try again later.",
    );
    return apiErrorResponse(apiError, { "Retry-After": "30" });
  }
  console.error("Unhandled API error:", error);
  return apiErrorResponse(new ApiError("internal_error", "Something went wrong on our side."));
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * The one wrapper of every API route (lib/api/operations.ts describes each): refuses a query
 * that is not valid UTF-8 or holds NUL, spends the caller's request budget, turns thrown errors
 * into the error shape, and lets any origin read a public answer (CORS, no credentials).
 */
export function route<C>(operation: Operation, handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    let response: Response;
    let spent: Record<string, string> = {};
    try {
      checkRawQuery(request.url);
      const budget = operation.limited ? await spendBudget(request) : null;
      if (budget) spent = budget.headers;
      if (budget && !budget.allowed) {
        response = apiErrorResponse(
          new ApiError(
            "too_many_requests",
            `Too many requests from your address: retry in ${spent["Retry-After"]} s (the budget is in the RateLimit-Policy header).`,
          ),
          spent,
        );
      } else response = await handler(request, context);
    } catch (error) {
      response = errorResponse(error);
    }
    return withHeaders(response, {
      ...spent,
      ...(operation.bearer
        ? {}
        : { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": EXPOSED }),
    });
  };
}

/** What a browser script on another origin may read of an answer. */
const EXPOSED =
  "Accept-Ranges, Content-Range, ETag, RateLimit, RateLimit-Policy, Retry-After, X-Data-As-Of, X-Data-Stale, X-Definitions";

function withHeaders(response: Response, headers: Record<string, string>): Response {
  try {
    for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
    return response;
  } catch {
    // An immutable Response (made by a library): copy it.
    const copy = new Response(response.body, response);
    for (const [k, v] of Object.entries(headers)) copy.headers.set(k, v);
    return copy;
  }
}
