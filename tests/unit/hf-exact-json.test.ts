import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJsonExact, parseJsonWithBigInts } from "../../lib/hf/exact-json";

describe("parseJsonExact", () => {
  it("keeps integers beyond 2^53 exact as bigint", () => {
    const text =
      '{"a":3000000000,"b":9007199254740991,"c":9007199254740993,"d":-12345678901234567890,"e":1.5e300}';
    expect(parseJsonExact(text)).toEqual({
      a: 3_000_000_000,
      b: 9_007_199_254_740_991,
      c: 9_007_199_254_740_993n,
      d: -12_345_678_901_234_567_890n,
      e: 1.5e300,
    });
  });

  it("agrees with JSON.parse, except that unsafe integer literals become exact bigints", () => {
    // For an integer-valued double under 1e21, JSON.stringify writes the digits String(v) gives.
    const exactly = (_key: string, v: unknown) =>
      typeof v === "number" && !Number.isSafeInteger(v) && /^-?\d+$/.test(String(v)) ? BigInt(String(v)) : v;
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(parseJsonWithBigInts(text)).toEqual(JSON.parse(text, exactly));
        expect(parseJsonExact(text)).toEqual(JSON.parse(text, exactly));
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips any integer exactly", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }), (n) => {
        const parsed = parseJsonExact(`[{"n":${n}}]`) as [{ n: number | bigint }];
        expect(BigInt(parsed[0].n)).toBe(n);
        expect(typeof parsed[0].n).toBe(Number.isSafeInteger(Number(n)) ? "number" : "bigint");
      }),
    );
  });

  it("rejects exactly what JSON.parse rejects", () => {
    const throws = (f: () => unknown) => {
      try {
        f();
        return false;
      } catch (error) {
        return error instanceof SyntaxError;
      }
    };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.string().map((s) => `[1234567890123456789${s}`),
        ),
        (text) => {
          expect(throws(() => parseJsonWithBigInts(text))).toBe(throws(() => JSON.parse(text)));
        },
      ),
    );
    for (const text of ["", "[1,]", '{"a":1', "01", '"\u0001"', "tru", "[1] x", "1.", "-", '{"a" 1}']) {
      expect(() => parseJsonWithBigInts(text), text).toThrow(SyntaxError);
    }
  });

  it("makes __proto__ an own property, never the prototype", () => {
    const parsed = parseJsonWithBigInts('{"__proto__":{"polluted":1},"n":12345678901234567890}') as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(["__proto__", "n"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
