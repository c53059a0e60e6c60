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

/** The counts every listed model carries (asked for with expand). */
const counts = { downloads: 0, downloadsAllTime: 0, likes: 0 };

describe("checkModel", () => {
  it("accepts a full entry, counts as bigint, unknown fields dropped", () => {
    const { trendingScore: _unknown, config: _alsoUnknown, ...known } = full;
    expect(checkModel(full)).toEqual({
      ok: true,
      value: { ...known, downloads: 1_234_567n, downloadsAllTime: 3_000_000_000n },
    });
  });

  it("needs the id and the counts; missing and null optional fields read as absent", () => {
    const checked = checkModel({ id: "gpt2", pipeline_tag: null, private: null, ...counts });
    expect(checked).toEqual({
      ok: true,
      value: expect.objectContaining({
        id: "gpt2",
        pipeline_tag: undefined,
        private: undefined,
        downloads: 0n,
      }),
    });
  });

  it.each(["downloads", "downloadsAllTime", "likes"])("refuses a model without %s, naming it", (field) => {
    const raw: Record<string, unknown> = { id: "org/x", ...counts };
    delete raw[field];
    expect(checkModel(raw)).toEqual({
      ok: false,
      problem: `model "org/x": field "${field}": expected number, got nothing (field missing)`,
    });
    expect(checkModel({ ...raw, [field]: null })).toMatchObject({ ok: false });
  });

  it.each([true, false, "auto", "manual"])("accepts gated %j", (gated) => {
    expect(checkModel({ id: "a/b", gated, ...counts }).ok).toBe(true);
  });

  it("reads private", () => {
    expect(checkModel({ id: "a/b", private: true, ...counts })).toMatchObject({ value: { private: true } });
    expect(checkModel({ id: "a/b", private: "no", ...counts }).ok).toBe(false);
  });

  it("keeps a count above 2^53 exact when the body was parsed exactly", () => {
    const [raw] = parseJsonExact(
      '[{"id":"a/b","downloads":1,"likes":0,"downloadsAllTime":9007199254740993}]',
    ) as unknown[];
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
    const checked = checkModel({ ...counts, ...raw });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem).toContain(message);
  });
});

describe("checkModelPage", () => {
  it("validates every model and reports the first bad one", () => {
    const checked = checkModelPage([
      { id: "a/ok", ...counts },
      { id: "b/bad", ...counts, downloads: "x" },
      { id: "c/bad", ...counts, likes: "y" },
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
