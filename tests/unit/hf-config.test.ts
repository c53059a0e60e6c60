import { describe, expect, it } from "vitest";
import { DEFAULT_HF_ENDPOINT, readHubConfig } from "../../lib/hf/config";

describe("readHubConfig", () => {
  it("defaults to huggingface.co without a token", () => {
    expect(readHubConfig({})).toEqual({ endpoint: DEFAULT_HF_ENDPOINT, token: null });
  });

  it.each([
    ["http://127.0.0.1:8080/", "http://127.0.0.1:8080"],
    ["https://hf-mirror.com///", "https://hf-mirror.com"],
    ["https://proxy.example/hf/", "https://proxy.example/hf"],
    ["  https://huggingface.co  ", "https://huggingface.co"],
    ["", DEFAULT_HF_ENDPOINT],
  ])("normalises HF_ENDPOINT %j to %j", (value, expected) => {
    expect(readHubConfig({ HF_ENDPOINT: value }).endpoint).toBe(expected);
  });

  it.each(["not a url", "ftp://example.com", "file:///etc/passwd", "https://h/?x=1", "https://u:p@h"])(
    "rejects HF_ENDPOINT %j with an error naming the variable",
    (value) => {
      expect(() => readHubConfig({ HF_ENDPOINT: value })).toThrow(/HF_ENDPOINT/);
    },
  );

  it("reads HF_TOKEN and treats a blank one as absent", () => {
    expect(readHubConfig({ HF_TOKEN: " hf_abc " }).token).toBe("hf_abc");
    expect(readHubConfig({ HF_TOKEN: "   " }).token).toBeNull();
  });
});
