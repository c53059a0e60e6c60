import {
  HubHttpError,
  HubNetworkError,
  HubRateLimitError,
  HubResponseError,
  redactSecret,
  redactUrl,
} from "./errors";
import { parseJsonExact } from "./exact-json";
import { type RateLimitInfo, type RequestPacer, readRateLimitHeaders, realSleep } from "./rate-limit";
import type { Checked } from "./schemas";

export interface RetryPolicy {
  /** Attempts in all, the first included, for failures other than 429. */
  maxAttempts: number;
  /** Backoff before retry n is random() × min(maxDelayMs, baseDelayMs × 2^(n−1)) ("full jitter"). */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * Total time one request may spend waiting out 429s. A 429 never counts against maxAttempts:
   * the Hub's windows are 5 minutes, so a crawl waits them out until this budget is spent.
   */
  rateLimitBudgetMs: number;
  /** Per attempt, headers and body together. */
  timeoutMs: number;
  /** Retries of a 2xx body that was truncated, not JSON, or invalid. */
  bodyRetries: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  // Four of the Hub's 5-minute windows.
  rateLimitBudgetMs: 20 * 60_000,
  timeoutMs: 30_000,
  bodyRetries: 1,
};

export interface HttpDeps {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
}

export const defaultHttpDeps: HttpDeps = {
  fetch: (input, init) => fetch(input, init),
  sleep: realSleep,
  random: Math.random,
  now: Date.now,
};

export interface RetryEvent {
  attempt: number;
  waitMs: number;
  reason: string;
}

export interface RequestOptions extends Partial<RetryPolicy>, Partial<HttpDeps> {
  /** Sent as Bearer, and only to `tokenOrigin` so a foreign link never receives it. */
  token?: string | null;
  tokenOrigin?: string;
  /** Prefix of error messages, e.g. "Hub page 3". */
  label?: string;
  signal?: AbortSignal;
  pacer?: RequestPacer;
  onRetry?: (event: RetryEvent) => void;
}

export interface FetchJsonOptions<T> extends RequestOptions {
  /** Validates the parsed body; a problem is retried like a corrupt body. */
  check: (body: unknown) => Checked<T>;
}

/** How a successful (2xx) answer is read: its value, or a problem retried like a corrupt body. */
export type ReadBody<T> = (response: Response) => Promise<Checked<T>>;

export interface FetchOptions<T> extends RequestOptions {
  method?: "GET" | "HEAD";
  headers?: Record<string, string>;
  /** Redirects: followed (the default) or answered as they are (the caller follows them). */
  redirect?: "follow" | "manual";
  read: ReadBody<T>;
}

export interface HubResponse<T> {
  url: string;
  status: number;
  headers: Headers;
  value: T;
  attempts: number;
  rateLimit: RateLimitInfo;
}
export type JsonResponse<T> = HubResponse<T>;

type Failure =
  | { kind: "transport"; reason: string; timedOut: boolean; cause: unknown }
  | { kind: "status"; status: number; statusText: string; detail: string; rateLimit: RateLimitInfo }
  | { kind: "body"; problem: string };

const USER_AGENT = "open-model-share (+https://github.com/open-model-share)";

/**
 * GET a JSON document from the Hub. 429 waits as its headers say (capped); 5xx, 408, network
 * errors and timeouts back off with full jitter; other 4xx fail at once; a 2xx body that is
 * truncated, not JSON or fails `check` is retried `bodyRetries` times.
 */
export function fetchJsonWithRetry<T>(url: string, options: FetchJsonOptions<T>): Promise<JsonResponse<T>> {
  return fetchWithRetry(url, {
    ...options,
    headers: { accept: "application/json" },
    read: async (response) => {
      const text = await response.text();
      let body: unknown;
      try {
        body = parseJsonExact(text);
      } catch (error) {
        const start = text.slice(0, 40).replace(/\s+/g, " ");
        return {
          ok: false,
          problem: `body is not valid JSON (${errorText(error)}; ${text.length} bytes starting ${JSON.stringify(start)})`,
        };
      }
      return options.check(body);
    },
  });
}

/**
 * One request to the Hub (or the CDN its files redirect to) under the Hub client's policy: the
 * same retries, waits and error messages for a JSON page and for a range of a dataset file.
 */
export async function fetchWithRetry<T>(url: string, options: FetchOptions<T>): Promise<HubResponse<T>> {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...definedOnly(options) };
  const deps: HttpDeps = { ...defaultHttpDeps, ...definedOnly(options) };
  const { token, signal, pacer } = options;
  const safeUrl = redactSecret(redactUrl(url), token);
  const prefix = options.label ?? "Hub request";
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { "user-agent": USER_AGENT, ...options.headers };
  if (token && sameOrigin(url, options.tokenOrigin)) headers.authorization = `Bearer ${token}`;
  const request = { method, headers, redirect: options.redirect ?? "follow" } as const;

  let bodyFailures = 0;
  let failures = 0;
  let rateLimitedMs = 0;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    await pacer?.acquire();
    const timeout = AbortSignal.timeout(policy.timeoutMs);
    const outcome = await attemptOnce(url, request, signal, timeout, deps, policy, options.read);
    if ("value" in outcome) {
      pacer?.observe(outcome.rateLimit);
      return { ...outcome, url, attempts: attempt };
    }
    const failure = outcome.failure;
    if (failure.kind === "status") pacer?.observe(failure.rateLimit);

    const clean = (text: string) => redactSecret(text, token);
    const suffix = `(${method} ${safeUrl}, ${attempt} attempt${attempt === 1 ? "" : "s"})`;
    let waitMs: number;
    if (failure.kind === "status" && failure.status === 429) {
      waitMs = rateLimitWait(failure.rateLimit, attempt, policy, deps);
      if (rateLimitedMs + waitMs > policy.rateLimitBudgetMs) {
        const asked = failure.rateLimit.retryAfterMs ?? failure.rateLimit.resetMs;
        throw new HubRateLimitError(
          `${prefix}: still rate limited (HTTP 429) after waiting ${formatWait(rateLimitedMs)} in all; ` +
            `the Hub asks for ${formatWait(waitMs)} more, past the ${formatWait(policy.rateLimitBudgetMs)} budget. ` +
            `Try again later, or set HF_TOKEN for a higher limit ${suffix}`,
          safeUrl,
          attempt,
          asked,
        );
      }
      rateLimitedMs += waitMs;
    } else {
      failures++;
      if (failure.kind === "status") {
        const { status, statusText, detail } = failure;
        const extra = detail && detail !== statusText ? `: ${detail}` : "";
        const what = clean(`HTTP ${status}${statusText ? ` ${statusText}` : ""}${extra}`);
        if (!(status >= 500 || status === 408) || failures >= policy.maxAttempts) {
          throw new HubHttpError(`${prefix}: ${what} ${suffix}`, safeUrl, attempt, status);
        }
      } else if (failure.kind === "transport") {
        if (failures >= policy.maxAttempts) {
          throw new HubNetworkError(
            `${prefix}: ${clean(failure.reason)} ${suffix}`,
            safeUrl,
            attempt,
            failure.timedOut,
            failure.cause,
          );
        }
      } else {
        bodyFailures++;
        if (bodyFailures > policy.bodyRetries || failures >= policy.maxAttempts) {
          const problem = clean(failure.problem);
          throw new HubResponseError(`${prefix}: ${problem} ${suffix}`, safeUrl, attempt, problem);
        }
      }
      waitMs = backoff(failures, policy, deps);
    }
    options.onRetry?.({ attempt, waitMs, reason: clean(describe(failure)) });
    if (waitMs > 0) await deps.sleep(waitMs);
  }
}

async function attemptOnce<T>(
  url: string,
  request: { method: string; headers: Record<string, string>; redirect: "follow" | "manual" },
  callerSignal: AbortSignal | undefined,
  timeout: AbortSignal,
  deps: HttpDeps,
  policy: RetryPolicy,
  read: ReadBody<T>,
): Promise<{ status: number; headers: Headers; value: T; rateLimit: RateLimitInfo } | { failure: Failure }> {
  const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
  const transport = (error: unknown, phase: string): { failure: Failure } => {
    if (callerSignal?.aborted) throw callerSignal.reason;
    const timedOut = timeout.aborted;
    const reason = timedOut
      ? `timed out after ${policy.timeoutMs} ms ${phase}`
      : `network error ${phase}: ${errorText(error)}`;
    return { failure: { kind: "transport", reason, timedOut, cause: error } };
  };

  let response: Response;
  try {
    response = await deps.fetch(url, { ...request, signal });
  } catch (error) {
    return transport(error, "waiting for the response");
  }
  const rateLimit = readRateLimitHeaders(response.headers, deps.now());

  // A redirect the caller follows itself is an answer, not a failure.
  const redirected = request.redirect === "manual" && response.status >= 300 && response.status < 400;
  if (!response.ok && !redirected) {
    const text = await response.text().catch(() => "");
    return {
      failure: {
        kind: "status",
        status: response.status,
        statusText: response.statusText,
        detail: errorDetail(text),
        rateLimit,
      },
    };
  }

  let checked: Checked<T>;
  try {
    checked = await read(response);
  } catch (error) {
    if (timeout.aborted || callerSignal?.aborted) return transport(error, "reading the body");
    return { failure: { kind: "body", problem: `body truncated (${errorText(error)})` } };
  }
  if (!checked.ok) return { failure: { kind: "body", problem: checked.problem } };
  return { status: response.status, headers: response.headers, value: checked.value, rateLimit };
}

/**
 * What a 429 asks, as huggingface_hub waits it: the window's reset plus one second when
 * `RateLimit` says none are left (`r=0;t=0` included), else `Retry-After` plus one second, else
 * backoff; never under one second, with up to 10 % jitter so clients sharing a window spread out.
 */
function rateLimitWait(
  rateLimit: RateLimitInfo,
  attempt: number,
  policy: RetryPolicy,
  deps: HttpDeps,
): number {
  const base =
    rateLimit.remaining === 0 && rateLimit.resetMs !== null
      ? rateLimit.resetMs + 1000
      : rateLimit.retryAfterMs !== null
        ? rateLimit.retryAfterMs + 1000
        : backoff(attempt, policy, deps);
  const wait = Math.max(1000, base);
  return Math.round(wait + deps.random() * wait * 0.1);
}

function formatWait(ms: number): string {
  return ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
}

function backoff(attempt: number, policy: RetryPolicy, deps: HttpDeps): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(deps.random() * ceiling);
}

function describe(failure: Failure): string {
  switch (failure.kind) {
    case "status":
      return `HTTP ${failure.status}`;
    case "transport":
      return failure.reason;
    case "body":
      return failure.problem;
  }
}

/** The Hub's `{"error": "..."}` message, or the start of any other error body. */
function errorDetail(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return "";
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (typeof parsed === "object" && parsed !== null && "error" in parsed) {
      const message = (parsed as { error: unknown }).error;
      if (typeof message === "string") return message.slice(0, 300);
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  return trimmed.replace(/\s+/g, " ").slice(0, 200);
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return `${error.message}: ${typeof code === "string" ? `${code} ` : ""}${cause.message}`;
  }
  return error.message;
}

function sameOrigin(url: string, origin: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(url).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}

/** Drops undefined values so an explicit `undefined` option never hides a default. */
function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}
