import { describe, expect, it } from "vitest";
import { type BaseModelRef, parseBaseModelTags } from "../../lib/hf/base-models";

describe("parseBaseModelTags", () => {
  it.each<[string, string[], BaseModelRef[]]>([
    ["no tags", [], []],
    ["unrelated tags", ["transformers", "license:mit", "base_model"], []],
    ["bare form", ["base_model:Qwen/Qwen2.5-7B"], [{ id: "Qwen/Qwen2.5-7B", relation: null }]],
    [
      "relation form",
      ["base_model:finetune:Qwen/Qwen2.5-7B"],
      [{ id: "Qwen/Qwen2.5-7B", relation: "finetune" }],
    ],
    [
      "bare pairs with the relation form of the same id",
      ["base_model:meta-llama/Llama-3.1-8B", "base_model:adapter:meta-llama/Llama-3.1-8B"],
      [{ id: "meta-llama/Llama-3.1-8B", relation: "adapter" }],
    ],
    [
      "relation first, bare after",
      ["base_model:quantized:deepseek-ai/DeepSeek-R1", "base_model:deepseek-ai/DeepSeek-R1"],
      [{ id: "deepseek-ai/DeepSeek-R1", relation: "quantized" }],
    ],
    [
      "merge of two bases",
      ["base_model:merge:a/x", "base_model:merge:b/y", "base_model:a/x", "base_model:b/y"],
      [
        { id: "a/x", relation: "merge" },
        { id: "b/y", relation: "merge" },
      ],
    ],
    ["duplicates collapse", ["base_model:a/x", "base_model:a/x"], [{ id: "a/x", relation: null }]],
    [
      "one id with two relations keeps both",
      ["base_model:finetune:a/x", "base_model:adapter:a/x"],
      [
        { id: "a/x", relation: "finetune" },
        { id: "a/x", relation: "adapter" },
      ],
    ],
    ["legacy id without namespace", ["base_model:gpt2"], [{ id: "gpt2", relation: null }]],
    [
      "legacy id with relation",
      ["base_model:finetune:bert-base-uncased"],
      [{ id: "bert-base-uncased", relation: "finetune" }],
    ],
    ["unknown relation keeps the link", ["base_model:distillation:a/x"], [{ id: "a/x", relation: null }]],
    ["surrounding spaces", [" base_model:finetune:a/x "], [{ id: "a/x", relation: "finetune" }]],
    [
      "malformed tags are ignored",
      [
        "base_model:",
        "base_model:finetune:",
        "base_model:a/b/c",
        "base_model:has space/x",
        "base_model:finetune:a/x:y",
        "base_model:Finetune:a/x",
      ],
      [],
    ],
  ])("%s", (_name, tags, expected) => {
    expect(parseBaseModelTags(tags)).toEqual(expected);
  });
});
