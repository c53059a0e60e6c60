import type { z } from "zod";

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  service_unavailable: 503,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorIssue = { path: string; message: string };

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

  static fromZod(error: z.ZodError): ApiError {
    const issues = error.issues.map((issue) => ({
      path: issue.path.map(String).join(".") || "(query)",
      message: issue.message,
    }));
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
    return new ApiError("bad_request", `Invalid query parameters: ${summary}`, issues);
  }
}

export type ErrorBody = { error: { code: ErrorCode; message: string; issues: ErrorIssue[] } };

export function errorBody(error: ApiError): ErrorBody {
  return { error: { code: error.code, message: error.message, issues: error.issues } };
}
