import { isDatabaseUnavailable } from "../db/errors";
import { ApiError, errorBody } from "./errors";

/** JSON that carries BigInt as decimal strings (exact), never as lossy numbers. */
export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const text = JSON.stringify(body, (_, v) => (typeof v === "bigint" ? v.toString() : v));
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(text, { ...init, headers });
}

export function csvResponse(csv: string, filename: string, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "text/csv; charset=utf-8");
  headers.set("Content-Disposition", `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`);
  return new Response(csv, { ...init, headers });
}

/** Maps any error to the API's error shape (lib/api/errors.ts): bad input 400, missing 404, database down 503. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    const headers: Record<string, string> = { "Cache-Control": "no-store" };
    if (error.code === "unauthorized") headers["WWW-Authenticate"] = 'Bearer realm="ingest"';
    return jsonResponse(errorBody(error), { status: error.status, headers });
  }
  if (isDatabaseUnavailable(error)) {
    const apiError = new ApiError(
      "service_unavailable",
      "The database is unavailable right now; the data is safe. Try again in a minute.",
    );
    return jsonResponse(errorBody(apiError), {
      status: 503,
      headers: { "Retry-After": "30", "Cache-Control": "no-store" },
    });
  }
  console.error("Unhandled API error:", error);
  return jsonResponse(errorBody(new ApiError("internal_error", "Something went wrong on our side.")), {
    status: 500,
    headers: { "Cache-Control": "no-store" },
  });
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Route wrapper: one place that turns thrown errors into responses. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
