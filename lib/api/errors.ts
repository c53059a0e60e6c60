import type { z } from "zod";
import type { ErrorBody } from "../domain/answers";
import { API_CSP } from "../http/security-headers";

export type ErrorCode = ErrorBody["error"]["code"];
export type ErrorIssue = ErrorBody["error"]["issues"][number];

export const ERROR_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  too_many_requests: 429,
  service_unavailable: 503,
  internal_error: 500,
};

/**
 * The one error type routes throw; `errorResponse` (respond.ts) answers it as
 * `{"error":{"code","message","issues":[{"path","message"}]}}` with the code's status.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** `path` names a path parameter; without it the issues are the query's. */
  static fromZod(error: z.core.$ZodError, path?: string): ApiError {
    const issues = error.issues.map((issue) => ({
      path: path ?? (issue.path.map(String).join(".") || "(query)"),
      message: issue.message,
    }));
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
    return new ApiError("bad_request", `Invalid ${path ? "path" : "query parameters"}: ${summary}`, issues);
  }
}

export type { ErrorBody };

export function errorBody(error: ApiError): ErrorBody {
  return { error: { code: error.code, message: error.message, issues: error.issues } };
}

/**
 * An error answered before any route runs (by proxy.ts, or the server entry before Next): the
 * error shape with the headers the API's answers carry, since next.config's headers are not added
 * to these.
 */
export function earlyErrorParts(
  error: ApiError,
  headers: Record<string, string> = {},
): { status: number; headers: Record<string, string>; body: string } {
  return {
    status: error.status,
    body: JSON.stringify(errorBody(error)),
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": API_CSP,
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      ...headers,
    },
  };
}
