import { describe, expect, it } from "vitest";
import { parseWebhooksArgs } from "@/lib/webhooks/command";

describe("npm run webhooks -- …", () => {
  it.each([
    [["add", "https://h.example/x"], { action: "add", url: "https://h.example/x" }],
    [
      ["add", "https://h.example/x", "--labs", "deepseek,qwen", "--kinds=crossover"],
      { action: "add", url: "https://h.example/x", labs: "deepseek,qwen", kinds: "crossover" },
    ],
    [
      ["add", "--countries", "CN", "https://h.example/x"],
      { action: "add", url: "https://h.example/x", countries: "CN" },
    ],
    [["list"], { action: "list" }],
    [["remove", "12"], { action: "remove", id: 12 }],
    [["deliver"], { action: "deliver", once: false }],
    [["deliver", "--once"], { action: "deliver", once: true }],
  ])("%j", (argv, expected) => {
    expect(parseWebhooksArgs(argv)).toMatchObject(expected);
  });

  it.each([
    [[], /Usage/],
    [["frob"], /Usage/],
    [["add"], /add takes 1 argument/],
    [["add", "https://h.example/x", "--labs"], /--labs needs a value/],
    [["add", "https://h.example/x", "--labs", "a", "--labs", "b"], /--labs is given twice/],
    [["add", "https://h.example/x", "--once"], /Unknown option --once/],
    [["remove", "x"], /subscription id/],
    [["list", "extra"], /list takes 0 argument/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseWebhooksArgs(argv)).toThrow(message);
  });
});
