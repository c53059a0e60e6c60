import { describe, expect, it } from "vitest";
import { parseJsonExact } from "../../lib/hf/exact-json";
import { checkModel, checkModelPage } from "../../lib/hf/schemas";

const full = {
  _id: "65d1",
  id: "deepseek-ai/DeepSeek-R1",
  author: "deepseek-ai",
  downloads: 1_234_567,
  downloadsAllTime: 3_000_000_000,
  likes: 12_000,
  createdAt: "2025-01-20T03:46:11.000Z",
  lastModified: "2025-03-27T04:01:59.000Z",
  pipeline_tag: "text-generation",
  library_name: "transformers",
  tags: ["transformers", "base_model:deepseek-ai/DeepSeek-V3"],
  gated: false,
  safetensors: { parameters: { BF16: 3_918_786_560, F8_E4M3: 680_000_000_000 }, total: 684_531_386_000 },
  trendingScore: 77,
  config: { architectures: ["DeepseekV3ForCausalLM"] },
};

describe("checkModel", () => {
  it("accepts a full entry, counts as bigint, unknown fields dropped", () => {
    const checked = checkModel(full);
    expect(checked).toEqual({
      ok: true,
      value: {
        _id: "65d1",
        id: "deepseek-ai/DeepSeek-R1",
        author: "deepseek-ai",
        downloads: 1_234_567n,
        downloadsAllTime: 3_000_000_000n,
        likes: 12_000,
        createdAt: "2025-01-20T03:46:11.000Z",
        lastModified: "2025-03-27T04:01:59.000Z",
        pipeline_tag: "text-generation",
        library_name: "transformers",
        tags: ["transformers", "base_model:deepseek-ai/DeepSeek-V3"],
        gated: false,
        safetensors: full.safetensors,
      },
    });
  });

  it("needs only the id; missing and null optional fields read as absent", () => {
    const checked = checkModel({ id: "gpt2", pipeline_tag: null, downloads: null });
    expect(checked).toEqual({
      ok: true,
      value: expect.objectContaining({ id: "gpt2", pipeline_tag: undefined, downloads: undefined }),
    });
  });

  it.each([true, false, "auto", "manual"])("accepts gated %j", (gated) => {
    expect(checkModel({ id: "a/b", gated }).ok).toBe(true);
  });

  it("keeps a count above 2^53 exact when the body was parsed exactly", () => {
    const [raw] = parseJsonExact('[{"id":"a/b","downloadsAllTime":9007199254740993}]') as unknown[];
    expect(checkModel(raw)).toMatchObject({ ok: true, value: { downloadsAllTime: 9_007_199_254_740_993n } });
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      "downloads as a string",
      { id: "org/x", downloads: "12" },
      'model "org/x": field "downloads": expected number, got string',
    ],
    [
      "negative downloads",
      { id: "org/x", downloads: -1 },
      'model "org/x": field "downloads": expected a non-negative integer, got -1',
    ],
    [
      "fractional all-time",
      { id: "org/x", downloadsAllTime: 2.5 },
      'field "downloadsAllTime": expected a non-negative integer, got 2.5',
    ],
    [
      "unsafe count read by JSON.parse",
      { id: "org/x", downloadsAllTime: 2 ** 60 },
      'field "downloadsAllTime": expected a non-negative integer',
    ],
    ["likes as a string", { id: "org/x", likes: "5" }, 'field "likes": expected number, got string'],
    ["a tag not a string", { id: "org/x", tags: ["a", 3] }, 'field "tags[1]": expected string, got number'],
    ["tags not an array", { id: "org/x", tags: "a,b" }, 'field "tags": expected array, got string'],
    [
      "unknown gated value",
      { id: "org/x", gated: "yes" },
      'field "gated": expected false, true, "auto" or "manual", got "yes"',
    ],
    [
      "bad date",
      { id: "org/x", createdAt: "yesterday" },
      'field "createdAt": expected an ISO 8601 date, got "yesterday"',
    ],
    [
      "nested parameter",
      { id: "org/x", safetensors: { parameters: { BF16: "7B" } } },
      'field "safetensors.parameters.BF16": expected number, got string',
    ],
    [
      "id missing",
      { downloads: 1 },
      'model #1 (no id): field "id": expected string, got nothing (field missing)',
    ],
    ["id empty", { id: "" }, 'field "id": expected a non-empty string, got ""'],
  ])("names the model and the field: %s", (_name, raw, message) => {
    const checked = checkModel(raw);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem).toContain(message);
  });
});

describe("checkModelPage", () => {
  it("validates every model and reports the first bad one", () => {
    const checked = checkModelPage([
      { id: "a/ok" },
      { id: "b/bad", downloads: "x" },
      { id: "c/bad", likes: "y" },
    ]);
    expect(checked).toEqual({
      ok: false,
      problem: 'model "b/bad": field "downloads": expected number, got string',
    });
  });

  it("rejects a body that is not an array", () => {
    expect(checkModelPage({ error: "Invalid" })).toEqual({
      ok: false,
      problem: "expected a JSON array of models, got object",
    });
  });

  it("accepts an empty page", () => {
    expect(checkModelPage([])).toEqual({ ok: true, value: [] });
  });
});
