/** Base class of every failure of the Hub client; `url` never carries a secret. */
export class HubError extends Error {
  override name = "HubError";
  readonly url: string;
  readonly attempts: number;

  constructor(message: string, url: string, attempts: number, options?: { cause?: unknown }) {
    super(message, options);
    this.url = url;
    this.attempts = attempts;
  }
}

/** The Hub answered with an HTTP error status (4xx at once; 5xx after the retries ran out). */
export class HubHttpError extends HubError {
  override name = "HubHttpError";
  readonly status: number;

  constructor(message: string, url: string, attempts: number, status: number) {
    super(message, url, attempts);
    this.status = status;
  }
}

/** Still 429 after every retry. */
export class HubRateLimitError extends HubHttpError {
  override name = "HubRateLimitError";
  /** What the Hub last asked us to wait, before our cap. */
  readonly retryAfterMs: number | null;

  constructor(message: string, url: string, attempts: number, retryAfterMs: number | null) {
    super(message, url, attempts, 429);
    this.retryAfterMs = retryAfterMs;
  }
}

/** Connection refused or reset, DNS failure, or timeout, after every retry. */
export class HubNetworkError extends HubError {
  override name = "HubNetworkError";
  readonly timedOut: boolean;

  constructor(message: string, url: string, attempts: number, timedOut: boolean, cause: unknown) {
    super(message, url, attempts, { cause });
    this.timedOut = timedOut;
  }
}

/** A 2xx whose body was truncated, not JSON, or not the shape we expect. */
export class HubResponseError extends HubError {
  override name = "HubResponseError";
  readonly problem: string;

  constructor(message: string, url: string, attempts: number, problem: string) {
    super(message, url, attempts);
    this.problem = problem;
  }
}

const SECRET_PARAMS = /^(token|access_token|api_key|apikey|key|hf_token|password|secret)$/i;

/** A URL safe to print: no userinfo, secret-looking query values replaced. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const secretKeys = [...parsed.searchParams.keys()].filter((key) => SECRET_PARAMS.test(key));
  if (!parsed.username && !parsed.password && secretKeys.length === 0) return url;
  parsed.username = "";
  parsed.password = "";
  for (const key of secretKeys) parsed.searchParams.set(key, "REDACTED");
  return parsed.toString();
}

/** Removes the token from any text we put into an error message or log. */
export function redactSecret(text: string, token: string | null | undefined): string {
  if (!token) return text;
  return text.split(token).join("hf_***");
}
