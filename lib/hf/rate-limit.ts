/** The Hub counts API requests in fixed 5-minute windows. */
export const HUB_WINDOW_MS = 300_000;
export const HUB_LIMITS = { anonymous: 500, token: 1_000 } as const;

export interface RateLimitInfo {
  /** Requests left in the current window. */
  remaining: number | null;
  /** Milliseconds until the current window resets. */
  resetMs: number | null;
  /** Retry-After, in milliseconds from now. */
  retryAfterMs: number | null;
  /** The window's quota and length from RateLimit-Policy, when sent. */
  limit: number | null;
  windowMs: number | null;
}

interface SfMember {
  /** Bare items of the member: `"fixed window";"api";q=1` has two. */
  names: string[];
  params: Record<string, string>;
}

/**
 * Splits a structured-field list (`"api";r=5;t=30, "pages";r=1;t=9`) into members and their
 * parameters, tolerating the draft-07 dictionary form (`limit=10, remaining=5, reset=30`) and
 * the Hub's policy form with two names (`"fixed window";"api";q=500;w=300`).
 */
function parseSfList(value: string): SfMember[] {
  return splitOutsideQuotes(value, ",").map((rawMember) => {
    const names: string[] = [];
    const params: Record<string, string> = {};
    for (const part of splitOutsideQuotes(rawMember, ";").map((p) => p.trim())) {
      const eq = part.indexOf("=");
      if (eq === -1 || part.startsWith('"')) {
        names.push(unquote(part));
        continue;
      }
      const key = part.slice(0, eq).trim().toLowerCase();
      if (key && !(key in params)) params[key] = unquote(part.slice(eq + 1).trim());
    }
    return { names, params };
  });
}

function splitOutsideQuotes(value: string, separator: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (c === "\\" && quoted) {
      current += c + value.charAt(i + 1);
      i++;
    } else if (c === '"') {
      quoted = !quoted;
      current += c;
    } else if (c === separator && !quoted) {
      out.push(current);
      current = "";
    } else current += c;
  }
  out.push(current);
  return out.filter((p) => p.trim() !== "");
}

function unquote(value: string): string {
  return value.startsWith('"') && value.endsWith('"') && value.length >= 2
    ? value.slice(1, -1).replace(/\\(.)/g, "$1")
    : value;
}

function nonNegative(value: string | undefined): number | null {
  if (value === undefined || !/^\d+(\.\d+)?$/.test(value.trim())) return null;
  return Number(value);
}

/** Picks the member for `bucket` ("api" for /api/*), else the one with the fewest left. */
function pickMember(members: SfMember[], bucket: string, key: string): SfMember | undefined {
  const named = members.find((m) => m.names.some((name) => name.split("|").includes(bucket)));
  if (named) return named;
  return members
    .filter((m) => nonNegative(m.params[key]) !== null)
    .sort((a, b) => (nonNegative(a.params[key]) ?? 0) - (nonNegative(b.params[key]) ?? 0))[0];
}

/** `RateLimit: "api";r=<remaining>;t=<seconds>`; null when the value has no usable member. */
export function parseRateLimitHeader(
  value: string,
  bucket = "api",
): { remaining: number; resetSeconds: number } | null {
  const members = parseSfList(value);
  const dictionary = Object.fromEntries(
    members.filter((m) => m.names.length === 0).flatMap((m) => Object.entries(m.params)),
  );
  if (dictionary.remaining !== undefined) {
    const remaining = nonNegative(dictionary.remaining);
    const resetSeconds = nonNegative(dictionary.reset);
    return remaining !== null && resetSeconds !== null ? { remaining, resetSeconds } : null;
  }
  const member = pickMember(members, bucket, "r");
  const remaining = nonNegative(member?.params.r);
  const resetSeconds = nonNegative(member?.params.t);
  return remaining !== null && resetSeconds !== null ? { remaining, resetSeconds } : null;
}

/** `RateLimit-Policy: "fixed window";"api";q=500;w=300`. */
export function parseRateLimitPolicy(
  value: string,
  bucket = "api",
): { quota: number; windowSeconds: number } | null {
  const chosen = pickMember(parseSfList(value), bucket, "q");
  const quota = nonNegative(chosen?.params.q);
  const windowSeconds = nonNegative(chosen?.params.w);
  return quota !== null && windowSeconds !== null && windowSeconds > 0 ? { quota, windowSeconds } : null;
}

/** Retry-After as delay-seconds or an HTTP-date, in milliseconds from `nowMs`. */
export function parseRetryAfter(value: string, nowMs: number): number | null {
  const trimmed = value.trim();
  const seconds = nonNegative(trimmed);
  if (seconds !== null) return Math.round(seconds * 1000);
  if (!/[a-z]/i.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** Everything the rate-limit headers of one response tell us. */
export function readRateLimitHeaders(headers: Headers, nowMs: number, bucket = "api"): RateLimitInfo {
  const info: RateLimitInfo = {
    remaining: null,
    resetMs: null,
    retryAfterMs: null,
    limit: null,
    windowMs: null,
  };
  const combined = headers.get("ratelimit");
  const parsed = combined ? parseRateLimitHeader(combined, bucket) : null;
  if (parsed) {
    info.remaining = parsed.remaining;
    info.resetMs = parsed.resetSeconds * 1000;
  } else {
    info.remaining = nonNegative(
      headers.get("ratelimit-remaining") ?? headers.get("x-ratelimit-remaining") ?? undefined,
    );
    const reset = nonNegative(
      headers.get("ratelimit-reset") ?? headers.get("x-ratelimit-reset") ?? undefined,
    );
    // Some servers send the reset as epoch seconds rather than a delay.
    if (reset !== null) info.resetMs = reset > 1e9 ? Math.max(0, reset * 1000 - nowMs) : reset * 1000;
  }
  const policy = headers.get("ratelimit-policy");
  const parsedPolicy = policy ? parseRateLimitPolicy(policy, bucket) : null;
  if (parsedPolicy) {
    info.limit = parsedPolicy.quota;
    info.windowMs = parsedPolicy.windowSeconds * 1000;
  }
  const retryAfter = headers.get("retry-after");
  if (retryAfter) info.retryAfterMs = parseRetryAfter(retryAfter, nowMs);
  return info;
}

export interface PacerOptions {
  limit: number;
  windowMs?: number;
  /** Share of the window's quota left unused, for other tools on the same IP or token. */
  headroom?: number;
  /** Below this many remaining requests (per the Hub), spread them over the rest of the window. */
  lowWater?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Keeps requests under the Hub's window quota. Locally it allows at most limit × (1 − headroom)
 * requests in any sliding window, which bounds every fixed window the Hub may use; when the
 * Hub's own RateLimit header reports few requests left, it spaces the rest out until the reset.
 */
export class RequestPacer {
  private limit: number;
  private windowMs: number;
  private readonly headroom: number;
  private readonly lowWater: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly sent: number[] = [];
  private server: { remaining: number; resetAt: number } | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(options: PacerOptions) {
    this.limit = options.limit;
    this.windowMs = options.windowMs ?? HUB_WINDOW_MS;
    this.headroom = options.headroom ?? 0.1;
    this.lowWater = options.lowWater ?? Math.max(5, Math.ceil(options.limit * 0.05));
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
  }

  get budget(): number {
    return Math.max(1, Math.floor(this.limit * (1 - this.headroom)));
  }

  /** Milliseconds the next request would have to wait now. */
  delayMs(): number {
    const now = this.now();
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - this.windowMs) this.sent.shift();
    let delay = 0;
    if (this.sent.length >= this.budget) {
      const oldest = this.sent[this.sent.length - this.budget] ?? now;
      delay = oldest + this.windowMs - now;
    }
    if (this.server && now < this.server.resetAt) {
      const { remaining, resetAt } = this.server;
      if (remaining <= 0) delay = Math.max(delay, resetAt - now);
      else if (remaining <= this.lowWater) {
        const last = this.sent[this.sent.length - 1] ?? now - this.windowMs;
        const spacing = (resetAt - last) / (remaining + 1);
        delay = Math.max(delay, last + spacing - now);
      }
    }
    return Math.max(0, Math.ceil(delay));
  }

  /** Waits until a request may go, then counts it. Concurrent callers queue in order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(async () => {
      for (let delay = this.delayMs(); delay > 0; delay = this.delayMs()) await this.sleep(delay);
      this.sent.push(this.now());
      if (this.server && this.server.remaining > 0) this.server.remaining--;
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Learns from a response's rate-limit headers. */
  observe(info: RateLimitInfo): void {
    if (info.limit !== null && info.limit > 0) this.limit = info.limit;
    if (info.windowMs !== null && info.windowMs > 0) this.windowMs = info.windowMs;
    if (info.remaining !== null && info.resetMs !== null) {
      this.server = { remaining: info.remaining, resetAt: this.now() + info.resetMs };
    } else if (info.retryAfterMs !== null) {
      this.server = { remaining: 0, resetAt: this.now() + info.retryAfterMs };
    }
  }
}

/** A pacer for the Hub's default quota: 500 requests per 5 minutes, 1,000 with a token. */
export function createHubPacer(
  hasToken: boolean,
  deps: Pick<PacerOptions, "now" | "sleep"> = {},
): RequestPacer {
  return new RequestPacer({
    limit: hasToken ? HUB_LIMITS.token : HUB_LIMITS.anonymous,
    now: deps.now,
    sleep: deps.sleep,
  });
}
