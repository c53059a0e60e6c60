import { describe, expect, it } from "vitest";
import { findNextLink, MalformedLinkHeaderError } from "../../lib/hf/link-header";

const hub = "https://huggingface.co/api/models";

describe("findNextLink", () => {
  it.each<[string, string | null | undefined, string | null]>([
    ["the Hub's form", `<${hub}?limit=1000&cursor=eyJ9>; rel="next"`, `${hub}?limit=1000&cursor=eyJ9`],
    ["no space after ;", `<${hub}?cursor=a>;rel="next"`, `${hub}?cursor=a`],
    ["unquoted rel", `<${hub}?cursor=a>; rel=next`, `${hub}?cursor=a`],
    ["rel is case-insensitive", `<${hub}?cursor=a>; REL="Next"`, `${hub}?cursor=a`],
    ["several rel values", `<${hub}?cursor=a>; rel="last next"`, `${hub}?cursor=a`],
    ["next after prev", `<${hub}?p=1>; rel="prev", <${hub}?p=3>; rel="next"`, `${hub}?p=3`],
    ["comma inside the URL", `<${hub}?tags=a,b&cursor=c>; rel="next"`, `${hub}?tags=a,b&cursor=c`],
    [
      "comma inside a quoted param",
      `<${hub}?p=1>; title="a, b"; rel="prev", <${hub}?p=2>; rel="next"`,
      `${hub}?p=2`,
    ],
    ["only prev", `<${hub}?p=1>; rel="prev"`, null],
    ["rel without next substring match", `<${hub}?p=1>; rel="nextish"`, null],
    ["empty header", "", null],
    ["absent header", null, null],
  ])("%s", (_name, header, expected) => {
    expect(findNextLink(header)).toBe(expected);
  });

  it("resolves a relative target against the page URL", () => {
    expect(findNextLink('</api/models?cursor=x>; rel="next"', "http://127.0.0.1:9/api/models?a=1")).toBe(
      "http://127.0.0.1:9/api/models?cursor=x",
    );
  });
});

describe("a Link header that does not parse", () => {
  it.each([
    ["garbage member", `junk; x=1, <${hub}?p=2>; rel="next"`],
    ["unterminated target", `<${hub}?p=1; rel="next"`],
  ])("%s is an error, never a silent last page", (_name, header) => {
    expect(() => findNextLink(header)).toThrow(MalformedLinkHeaderError);
  });
});
