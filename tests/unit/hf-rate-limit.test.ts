import { describe, expect, it } from "vitest";
import {
  createHubPacer,
  parseRateLimitHeader,
  parseRateLimitPolicy,
  parseRetryAfter,
  RequestPacer,
  readRateLimitHeaders,
} from "../../lib/hf/rate-limit";

/** A virtual clock whose sleep advances time instantly. */
function virtualClock(start = 0) {
  let now = start;
  const waits: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
    waits,
  };
}

describe("parseRateLimitHeader", () => {
  it.each<[string, { remaining: number; resetSeconds: number } | null]>([
    ['"api";r=42;t=120', { remaining: 42, resetSeconds: 120 }],
    ['"api";r=0;t=55', { remaining: 0, resetSeconds: 55 }],
    [' "api" ; r=7 ; t=8 ', { remaining: 7, resetSeconds: 8 }],
    ['"api|pages|resolvers";r=3;t=9', { remaining: 3, resetSeconds: 9 }],
    ['"pages";r=3;t=10, "api";r=99;t=200', { remaining: 99, resetSeconds: 200 }],
    ['"foo";r=5;t=9, "bar";r=1;t=3', { remaining: 1, resetSeconds: 3 }],
    ["api;r=12;t=30", { remaining: 12, resetSeconds: 30 }],
    ["limit=100, remaining=50, reset=30", { remaining: 50, resetSeconds: 30 }],
    ['"api";r=5', null],
    ['"api";r=-1;t=3', null],
    ['"api";r=abc;t=3', null],
    ["garbage", null],
    ["", null],
  ])("%j", (value, expected) => {
    expect(parseRateLimitHeader(value)).toEqual(expected);
  });
});

describe("parseRateLimitPolicy", () => {
  it.each<[string, { quota: number; windowSeconds: number } | null]>([
    ['"fixed window";"api";q=500;w=300', { quota: 500, windowSeconds: 300 }],
    [
      '"fixed window";"resolvers";q=3000;w=300, "fixed window";"api";q=1000;w=300',
      { quota: 1000, windowSeconds: 300 },
    ],
    ['"default";q=100;w=60', { quota: 100, windowSeconds: 60 }],
    ['"api";q=100;w=0', null],
    ['"api";q=100', null],
  ])("%j", (value, expected) => {
    expect(parseRateLimitPolicy(value)).toEqual(expected);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  it.each<[string, number | null]>([
    ["7", 7000],
    [" 0 ", 0],
    ["1.5", 1500],
    ["Wed, 01 Jan 2025 00:01:30 GMT", 90_000],
    ["Tue, 31 Dec 2024 23:59:00 GMT", 0],
    ["-5", null],
    ["soon", null],
    ["", null],
  ])("%j", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe("readRateLimitHeaders", () => {
  it("reads the combined RateLimit field, the policy and Retry-After", () => {
    const headers = new Headers({
      RateLimit: '"api";r=0;t=42',
      "RateLimit-Policy": '"fixed window";"api";q=1000;w=300',
      "Retry-After": "40",
    });
    expect(readRateLimitHeaders(headers, 0)).toEqual({
      remaining: 0,
      resetMs: 42_000,
      retryAfterMs: 40_000,
      limit: 1000,
      windowMs: 300_000,
    });
  });

  it("falls back to RateLimit-Remaining / RateLimit-Reset", () => {
    const info = readRateLimitHeaders(
      new Headers({ "RateLimit-Remaining": "4", "RateLimit-Reset": "12" }),
      0,
    );
    expect(info).toMatchObject({ remaining: 4, resetMs: 12_000, retryAfterMs: null });
  });

  it("reads an epoch-seconds reset as a delay", () => {
    const now = 1_700_000_000_000;
    const info = readRateLimitHeaders(
      new Headers({ "X-RateLimit-Remaining": "1", "X-RateLimit-Reset": "1700000030" }),
      now,
    );
    expect(info).toMatchObject({ remaining: 1, resetMs: 30_000 });
  });

  it("reports nothing when no header is present", () => {
    expect(readRateLimitHeaders(new Headers(), 0)).toEqual({
      remaining: null,
      resetMs: null,
      retryAfterMs: null,
      limit: null,
      windowMs: null,
    });
  });
});

describe("RequestPacer", () => {
  it("uses the Hub's quotas: 500 anonymous, 1,000 with a token, minus headroom", () => {
    expect(createHubPacer(false).budget).toBe(450);
    expect(createHubPacer(true).budget).toBe(900);
  });

  it("never lets more than the budget through in any 5-minute span", async () => {
    const clock = virtualClock();
    const pacer = new RequestPacer({ limit: 500, now: clock.now, sleep: clock.sleep });
    const sent: number[] = [];
    for (let i = 0; i < 1400; i++) {
      await pacer.acquire();
      sent.push(clock.now());
      clock.advance(10);
    }
    for (let i = 0; i + 450 < sent.length; i++) {
      expect((sent[i + 450] ?? 0) - (sent[i] ?? 0)).toBeGreaterThanOrEqual(300_000);
    }
    // It does not wait more than it must: 1,400 requests need three full windows.
    expect(clock.now()).toBeLessThan(4 * 300_000);
  });

  it("waits for the reset when the Hub says none remain", async () => {
    const clock = virtualClock();
    const pacer = new RequestPacer({ limit: 500, now: clock.now, sleep: clock.sleep });
    pacer.observe({ remaining: 0, resetMs: 30_000, retryAfterMs: null, limit: null, windowMs: null });
    await pacer.acquire();
    expect(clock.waits).toEqual([30_000]);
  });

  it("spreads the last few requests over the rest of the window", async () => {
    const clock = virtualClock();
    const pacer = new RequestPacer({ limit: 500, now: clock.now, sleep: clock.sleep });
    pacer.observe({ remaining: 3, resetMs: 40_000, retryAfterMs: null, limit: null, windowMs: null });
    const sent: number[] = [];
    for (let i = 0; i < 4; i++) {
      await pacer.acquire();
      sent.push(clock.now());
    }
    expect(sent[0]).toBe(0);
    expect((sent[1] ?? 0) - (sent[0] ?? 0)).toBeGreaterThan(10_000);
    expect((sent[2] ?? 0) - (sent[1] ?? 0)).toBeGreaterThan(10_000);
    expect(sent[3]).toBeGreaterThanOrEqual(40_000);
  });

  it("adopts the quota and window the Hub announces", () => {
    const pacer = new RequestPacer({ limit: 500 });
    pacer.observe({ remaining: null, resetMs: null, retryAfterMs: null, limit: 2500, windowMs: 300_000 });
    expect(pacer.budget).toBe(2250);
  });

  it("serves concurrent callers in order", async () => {
    const clock = virtualClock();
    const pacer = new RequestPacer({
      limit: 2,
      headroom: 0,
      windowMs: 1000,
      now: clock.now,
      sleep: clock.sleep,
    });
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => pacer.acquire().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
    expect(clock.now()).toBe(1000);
  });
});
