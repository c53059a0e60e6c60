/** What the fake Hub does instead of (or to) its normal answer. */
export type Fault =
  /** 429 with Retry-After and/or RateLimit headers; null leaves a header out. */
  | {
      kind: "rate-limit";
      retryAfter?: string | null;
      rateLimit?: { remaining: number; reset: number } | null;
    }
  /** Any status, e.g. 503, 500, 404, 401; `body` defaults to {"error": "<status text>"}. */
  | { kind: "status"; status: number; body?: string; headers?: Record<string, string> }
  /** Accepts the request and never answers: the client must time out. */
  | { kind: "hang" }
  /** 200 with the real Content-Length, half the body, then the connection is cut. */
  | { kind: "truncated" }
  /** 200 with a body that is not JSON. */
  | { kind: "malformed"; body?: string }
  /** The normal page with one model's field replaced, e.g. downloads as a string. */
  | { kind: "invalid-field"; field: string; value: unknown; modelIndex?: number }
  /** TCP reset before any response. */
  | { kind: "reset" };

export interface FaultRule {
  fault: Fault;
  /** Only the request with this 1-based number (counted over the server's life). */
  request?: number;
  /** Exact pathname, or a RegExp tested against pathname + query. */
  path?: string | RegExp;
  /** How many matching requests the rule applies to; default 1, Infinity for always. */
  times?: number;
  /** A time window instead of a count: the rule applies to matching requests until this epoch ms. */
  untilMs?: number;
}

interface ActiveRule extends FaultRule {
  left: number;
}

export class FaultPlan {
  private rules: ActiveRule[] = [];

  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map(active);
  }

  add(rules: readonly FaultRule[]): void {
    this.rules.push(...rules.map(active));
  }

  /** The first rule matching this request, consumed once. */
  take(requestNumber: number, pathname: string, pathAndQuery: string): Fault | null {
    const rule = this.rules.find(
      (r) =>
        r.left > 0 &&
        (r.untilMs === undefined || Date.now() < r.untilMs) &&
        (r.request === undefined || r.request === requestNumber) &&
        (r.path === undefined ||
          (typeof r.path === "string" ? r.path === pathname : r.path.test(pathAndQuery))),
    );
    if (!rule) return null;
    rule.left--;
    return rule.fault;
  }
}

const active = (rule: FaultRule): ActiveRule => ({
  ...rule,
  left: rule.times ?? (rule.untilMs === undefined ? 1 : Number.POSITIVE_INFINITY),
});
