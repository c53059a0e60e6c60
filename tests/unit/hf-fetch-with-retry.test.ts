import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HubHttpError, HubNetworkError, HubRateLimitError, HubResponseError } from "../../lib/hf/errors";
import { type FetchJsonOptions, fetchJsonWithRetry } from "../../lib/hf/fetch-with-retry";
import { RequestPacer } from "../../lib/hf/rate-limit";
import { checkModelPage, type HubModel } from "../../lib/hf/schemas";
import { type FakeHub, makeFakeModels, startFakeHub } from "../fake-hub/server";

let hub: FakeHub;
let waits: number[];
const sleep = async (ms: number) => {
  waits.push(ms);
};

beforeEach(async () => {
  hub = await startFakeHub({ models: makeFakeModels(50, 3) });
  waits = [];
});
afterEach(async () => {
  await hub.close();
});

const pageUrl = () =>
  `${hub.url}/api/models?limit=10&expand[]=downloads&expand[]=downloadsAllTime&expand[]=likes`;

function get(extra: Partial<FetchJsonOptions<HubModel[]>> = {}) {
  return fetchJsonWithRetry(pageUrl(), {
    check: checkModelPage,
    sleep,
    random: () => 0.5,
    label: "Hub page 1",
    ...extra,
  });
}

describe("fetchJsonWithRetry: 429, as huggingface_hub waits it", () => {
  // random() is 0.5 here: every wait carries 5 % jitter on top.
  it("waits Retry-After plus one second, then retries", async () => {
    hub.setFaults([{ fault: { kind: "rate-limit", retryAfter: "7", rateLimit: null } }]);
    const res = await get();
    expect(waits).toEqual([8400]);
    expect(hub.requests).toHaveLength(2);
    expect(res.value).toHaveLength(10);
    expect(res.attempts).toBe(2);
  });

  it("waits the window's reset plus one second when RateLimit says none are left", async () => {
    hub.setFaults([
      { fault: { kind: "rate-limit", retryAfter: "3", rateLimit: { remaining: 0, reset: 12 } } },
    ]);
    await get();
    expect(waits).toEqual([13_650]);
  });

  it('never retries at once: "api";r=0;t=0 and Retry-After: 0 wait a second', async () => {
    hub.setFaults([
      { fault: { kind: "rate-limit", retryAfter: null, rateLimit: { remaining: 0, reset: 0 } } },
      { fault: { kind: "rate-limit", retryAfter: "0", rateLimit: null } },
    ]);
    await get();
    expect(waits).toEqual([1050, 1050]);
  });

  it("reads an HTTP-date Retry-After against the injected clock", async () => {
    hub.setFaults([
      { fault: { kind: "rate-limit", retryAfter: "Wed, 01 Jan 2025 00:01:30 GMT", rateLimit: null } },
    ]);
    await get({ now: () => Date.parse("2025-01-01T00:00:00Z") });
    expect(waits).toEqual([95_550]);
  });

  it("does not count 429s against maxAttempts", async () => {
    hub.setFaults([{ fault: { kind: "rate-limit", retryAfter: "1", rateLimit: null }, times: 5 }]);
    const res = await get({ maxAttempts: 2 });
    expect(res.attempts).toBe(6);
    expect(waits).toEqual([2100, 2100, 2100, 2100, 2100]);
  });

  it("does not wait twice when a shared pacer also learned the reset", async () => {
    let now = 0;
    const clock = {
      now: () => now,
      sleep: async (ms: number) => {
        now += ms;
        waits.push(ms);
      },
    };
    const pacer = new RequestPacer({ limit: 500, ...clock });
    hub.setFaults([
      { fault: { kind: "rate-limit", retryAfter: "30", rateLimit: { remaining: 0, reset: 30 } } },
    ]);
    await get({ ...clock, pacer });
    expect(waits).toEqual([32_550]);
  });

  it("fails with one clear line once the wait budget is spent", async () => {
    hub.setFaults([{ fault: { kind: "rate-limit", retryAfter: "1", rateLimit: null }, times: Infinity }]);
    const error = await get({ rateLimitBudgetMs: 10_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubRateLimitError);
    expect((error as HubRateLimitError).status).toBe(429);
    expect((error as Error).message).toMatch(
      /^Hub page 1: still rate limited \(HTTP 429\) after waiting 8 s in all; the Hub asks for 2 s more, past the 10 s budget\./,
    );
    expect((error as Error).message).not.toContain("\n");
    expect(hub.requests).toHaveLength(5);
    expect(waits).toEqual([2100, 2100, 2100, 2100]);
  });

  it("fails at once when a single wait is longer than the whole budget", async () => {
    hub.setFaults([{ fault: { kind: "rate-limit", retryAfter: "3600", rateLimit: null } }]);
    const error = await get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubRateLimitError);
    expect(waits).toEqual([]);
  });
});

describe("fetchJsonWithRetry: 5xx, network, timeouts", () => {
  it("backs off exponentially with full jitter on 503, then succeeds", async () => {
    hub.setFaults([{ fault: { kind: "status", status: 503 }, times: 3 }]);
    const res = await get();
    expect(waits).toEqual([500, 1000, 2000]);
    expect(res.attempts).toBe(4);
  });

  it("caps the backoff at maxDelayMs", async () => {
    hub.setFaults([{ fault: { kind: "status", status: 500 }, times: 5 }]);
    await get({ random: () => 1, baseDelayMs: 1000, maxDelayMs: 4000 });
    expect(waits).toEqual([1000, 2000, 4000, 4000, 4000]);
  });

  it("fails with status and URL once attempts run out", async () => {
    hub.setFaults([{ fault: { kind: "status", status: 502 }, times: Infinity }]);
    const error = await get({ maxAttempts: 4 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubHttpError);
    expect(error).toMatchObject({ status: 502, attempts: 4 });
    expect((error as Error).message).toContain("HTTP 502 Bad Gateway");
    expect((error as Error).message).toContain(`GET ${hub.url}/api/models?limit=10`);
    expect(hub.requests).toHaveLength(4);
  });

  it("fails at once on a 4xx other than 429, with status and URL", async () => {
    hub.setFaults([{ fault: { kind: "status", status: 404, body: '{"error":"Repository not found"}' } }]);
    const error = await get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubHttpError);
    expect((error as Error).message).toBe(
      `Hub page 1: HTTP 404 Not Found: Repository not found (GET ${pageUrl()}, 1 attempt)`,
    );
    expect(hub.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("retries a connection reset", async () => {
    hub.setFaults([{ fault: { kind: "reset" } }]);
    const res = await get();
    expect(res.value).toHaveLength(10);
    expect(hub.requests).toHaveLength(2);
    expect(waits).toHaveLength(1);
  });

  it("times out a hanging request and retries", async () => {
    hub.setFaults([{ fault: { kind: "hang" } }]);
    const reasons: string[] = [];
    const res = await get({ timeoutMs: 150, onRetry: (e) => reasons.push(e.reason) });
    expect(res.value).toHaveLength(10);
    expect(reasons).toEqual(["timed out after 150 ms waiting for the response"]);
  }, 5_000);

  it("reports a timeout as HubNetworkError after the last attempt", async () => {
    hub.setFaults([{ fault: { kind: "hang" }, times: Infinity }]);
    const error = await get({ timeoutMs: 100, maxAttempts: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubNetworkError);
    expect(error).toMatchObject({ timedOut: true, attempts: 2 });
  }, 5_000);

  it("stops at once when the caller aborts, without retrying", async () => {
    hub.setFaults([{ fault: { kind: "hang" }, times: Infinity }]);
    const controller = new AbortController();
    // Aborted once the request is hanging at the Hub, however slow the machine is to send it.
    const abortWhenSent = setInterval(() => {
      if (hub.requests.length > 0) controller.abort(new Error("shutting down"));
    }, 10);
    await expect(get({ signal: controller.signal, timeoutMs: 10_000 })).rejects.toThrow("shutting down");
    clearInterval(abortWhenSent);
    expect(hub.requests).toHaveLength(1);
  }, 5_000);
});

describe("fetchJsonWithRetry: bodies", () => {
  it.each([
    ["truncated", { kind: "truncated" }],
    ["malformed", { kind: "malformed" }],
    ["invalid field", { kind: "invalid-field", field: "downloads", value: "12" }],
  ] as const)("retries a %s body once and then succeeds", async (_name, fault) => {
    hub.setFaults([{ fault }]);
    const res = await get();
    expect(res.value).toHaveLength(10);
    expect(hub.requests).toHaveLength(2);
  });

  it("fails after one retry of a truncated body, naming the page and the problem", async () => {
    hub.setFaults([{ fault: { kind: "truncated" }, times: Infinity }]);
    const error = await get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubResponseError);
    expect((error as Error).message).toMatch(/^Hub page 1: body truncated/);
    expect((error as Error).message).toContain(`(GET ${pageUrl()}, 2 attempts)`);
    expect(hub.requests).toHaveLength(2);
  });

  it("fails after one retry of a malformed body", async () => {
    hub.setFaults([{ fault: { kind: "malformed", body: "<html>Bad gateway</html>" }, times: Infinity }]);
    const error = await get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubResponseError);
    expect((error as HubResponseError).problem).toMatch(
      /^body is not valid JSON .*starting "<html>Bad gateway<\/html>"/,
    );
    expect(hub.requests).toHaveLength(2);
  });

  it("fails after one retry of an invalid field, naming the model and the field", async () => {
    const first = makeFakeModels(50, 3).at(0).id;
    hub.setFaults([{ fault: { kind: "invalid-field", field: "downloads", value: "12" }, times: Infinity }]);
    const error = await get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubResponseError);
    expect((error as Error).message).toMatch(
      new RegExp(`^Hub page 1: model "${first}": field "downloads": expected number, got string \\(GET `),
    );
    expect(hub.requests).toHaveLength(2);
  });
});

describe("fetchJsonWithRetry: token", () => {
  it("sends the token as Bearer to the endpoint's origin only", async () => {
    await get({ token: "hf_abc", tokenOrigin: hub.url });
    await get({ token: "hf_abc", tokenOrigin: "https://huggingface.co" });
    expect(hub.requests.map((r) => r.authorization)).toEqual(["Bearer hf_abc", null]);
  });

  it("keeps the token out of error messages", async () => {
    hub.setFaults([
      { fault: { kind: "status", status: 401, body: '{"error":"Invalid token hf_secret_123"}' } },
    ]);
    const error = await get({ token: "hf_secret_123" }).catch((e: unknown) => e);
    expect((error as Error).message).toContain("Invalid token hf_***");
    expect((error as Error).message).not.toContain("hf_secret_123");
  });
});
