import { describe, expect, it } from "vitest";
import * as values from "@/lib/import/values";

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof values.BadValue) return error.reason;
    throw error;
  }
  return "no error";
};

describe("parseCount", () => {
  it.each([
    [9_007_199_254_740_993n, 9_007_199_254_740_993n],
    [0n, 0n],
    [42, 42n],
    [3_000_000_000, 3_000_000_000n],
    ["4294967296", 4_294_967_296n],
    [" 12 ", 12n],
    ["1234.0", 1234n],
    ["1.5e+09", 1_500_000_000n],
    ["+7", 7n],
    ["", null],
    ["  ", null],
    [null, null],
    [undefined, null],
    [Number.NaN, null],
  ])("%s → %s", (input, expected) => {
    expect(values.parseCount(input)).toBe(expected);
  });

  it.each([
    ["12x", "is not a whole number"],
    ["-3", "is negative"],
    [-3n, "is negative"],
    [1.5, "is not a whole number"],
    ["1.5", "is not a whole number"],
    [2 ** 60, "is too large to be exact as a floating-point number"],
    [true, "is not a number"],
  ])("%s is rejected: %s", (input, why) => {
    expect(reason(() => values.parseCount(input))).toBe(why);
  });

  it("likes must fit an int", () => {
    expect(values.parseLikes(2_147_483_647n)).toBe(2_147_483_647);
    expect(reason(() => values.parseLikes(2_147_483_648n))).toBe("is larger than 2,147,483,647");
  });
});

describe("parseSnapshotDay / parseTimestamp", () => {
  it.each([
    [new Date("2025-08-01T23:59:59Z"), "2025-08-01"],
    ["2025-08-01", "2025-08-01"],
    ["2025-08-01T00:00:00Z", "2025-08-01"],
    ["2025-08-01 12:00:00", "2025-08-01"],
    ["2025-08-01 23:00:00-05:00", "2025-08-02"],
    ["2025-08-01T10:00:00.123+02:00", "2025-08-01"],
    [1_754_006_400, "2025-08-01"], // seconds
    [1_754_006_400_000n, "2025-08-01"], // milliseconds
    [1_754_006_400_000_000n, "2025-08-01"], // microseconds
    [1_754_006_400_000_000_000n, "2025-08-01"], // nanoseconds
    ["", null],
    [null, null],
  ])("%s → %s", (input, expected) => {
    expect(values.parseSnapshotDay(input)).toBe(expected);
  });

  it.each([
    ["2025-02-30", "is not a real calendar date"],
    ["01/08/2025", "is not a date (expected YYYY-MM-DD or an ISO-8601 time)"],
    ["2025-08-01Tnoon", "is not a date"],
    ["1999-12-31", "is outside 2000–2100 (1999-12-31T00:00:00.000Z)"],
    [true, "is not a date"],
  ])("%s is rejected: %s", (input, why) => {
    expect(reason(() => values.parseSnapshotDay(input))).toBe(why);
  });

  it("keeps the time of a creation timestamp", () => {
    expect(values.parseTimestamp("2022-03-02T23:29:04.000Z")?.toISOString()).toBe("2022-03-02T23:29:04.000Z");
  });
});

describe("parseHubId", () => {
  it("accepts namespace/name and legacy ids, rejects anything else", () => {
    expect(values.parseHubId(" Qwen/Qwen2.5-7B ")).toBe("Qwen/Qwen2.5-7B");
    expect(values.parseHubId("gpt2")).toBe("gpt2");
    expect(values.parseHubId("")).toBeNull();
    expect(reason(() => values.parseHubId("a/b/c"))).toBe("is not a Hub model id (namespace/name)");
    expect(reason(() => values.parseHubId("has space/x"))).toBe("is not a Hub model id (namespace/name)");
    expect(reason(() => values.parseHubId(12))).toBe("is not text");
  });
});

describe("base models, tags, gated, parameters", () => {
  it.each([
    [{ relation: "finetune", models: [{ id: "Qwen/Qwen2.5-7B" }] }, ["Qwen/Qwen2.5-7B"], "finetune"],
    ['{"relation":"merge","models":[{"id":"a/b"},{"id":"c/d"}]}', ["a/b", "c/d"], "merge"],
    [{ relation: "something-new", models: [{ id: "a/b" }] }, ["a/b"], null],
    [["a/b", { id: "c/d" }, "a/b"], ["a/b", "c/d"], null],
    ["['meta-llama/Llama-3.1-8B', 'Qwen/Qwen2-7B']", ["meta-llama/Llama-3.1-8B", "Qwen/Qwen2-7B"], null],
    ["a/b; c/d", ["a/b", "c/d"], null],
    ["self/model", [], null],
    [null, [], null],
    ["", [], null],
  ])("%j → %j (%s)", (input, ids, relation) => {
    expect(values.parseBaseModels(input, "self/model")).toEqual({ ids, relation });
  });

  it("tags from a list, JSON text or comma-separated text", () => {
    expect(values.parseTags(["license:mit", "base_model:a/b"])).toEqual(["license:mit", "base_model:a/b"]);
    expect(values.parseTags('["x","y"]')).toEqual(["x", "y"]);
    expect(values.parseTags("x, y")).toEqual(["x", "y"]);
    expect(values.parseTags(null)).toEqual([]);
  });

  it("gated as the Hub spells it", () => {
    expect([false, "auto", "manual", "False", true, 0, "", null].map(values.parseGated)).toEqual([
      false,
      true,
      true,
      false,
      true,
      false,
      null,
      null,
    ]);
    expect(reason(() => values.parseGated("maybe"))).toBe("is not a gated value (false, auto, manual)");
  });

  it("parameters from safetensors.total", () => {
    expect(values.parseParameters({ parameters: { BF16: 7n }, total: 7_615_616_512n })).toBe(7_615_616_512n);
    expect(values.parseParameters('{"total": 1000}')).toBe(1000n);
    expect(values.parseParameters(null)).toBeNull();
    expect(values.parseParameters({ other: 1 })).toBeNull();
  });
});

describe("showValue", () => {
  it("renders cells for error messages, shortened", () => {
    expect(values.showValue("12x")).toBe('"12x"');
    expect(values.showValue(5n)).toBe("5");
    expect(values.showValue({ a: 1n })).toBe('{"a":"1"}');
    expect(values.showValue("x".repeat(200))).toHaveLength(78);
  });
});
