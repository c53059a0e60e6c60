import { describe, expect, it } from "vitest";
import { isIsoCountry } from "@/lib/domain/countries";
import { regionOf } from "@/lib/domain/regions";
import { parseRegistry } from "@/lib/origins/registry-schema";

const lab = { slug: "qwen", name: "Qwen", parent: "Alibaba", country: "CN", color: "#112233" };
const org = {
  namespace: "Qwen",
  lab: "qwen",
  country: "CN",
  international: false,
  kind: "lab",
  source: "https://qwen.ai",
};

describe("regionOf", () => {
  it.each([
    ["CN", false, "CN"],
    ["US", false, "US"],
    ["FR", false, "OTHER"],
    [null, true, "INTL"],
    [null, false, "UNKNOWN"],
    [undefined, false, "UNKNOWN"],
  ] as const)("%s international=%s → %s", (country, intl, region) => {
    expect(regionOf(country, intl)).toBe(region);
  });
});

describe("isIsoCountry", () => {
  it.each(["CN", "KR", "TW"])("accepts %s", (code) => {
    expect(isIsoCountry(code)).toBe(true);
  });

  // EU and UK are only reserved, XX never assigned; a code is two upper-case letters.
  it.each(["EU", "UK", "cn", "XX", "CHN"])("rejects %s", (code) => {
    expect(isIsoCountry(code)).toBe(false);
  });
});

describe("parseRegistry", () => {
  it("accepts a valid registry", () => {
    expect(parseRegistry({ labs: [lab], organizations: [org] }).organizations).toHaveLength(1);
  });

  it.each([
    [
      "a duplicate namespace (case-insensitive)",
      { organizations: [org, { ...org, namespace: "qwen" }] },
      /organizations\.1\.namespace: duplicate namespace "qwen"/,
    ],
    [
      "a bad country",
      { organizations: [{ ...org, country: "UK" }] },
      /organizations\.0\.country: is not an ISO 3166-1/,
    ],
    ["a missing source", { organizations: [{ ...org, source: undefined }] }, /organizations\.0\.source/],
    [
      "a non-URL source",
      { organizations: [{ ...org, source: "their website" }] },
      /organizations\.0\.source/,
    ],
    [
      "an unknown lab",
      { organizations: [{ ...org, lab: "nope" }] },
      /organizations\.0\.lab: unknown lab "nope"/,
    ],
    [
      "no country without international",
      { organizations: [{ ...org, country: null }] },
      /organizations\.0\.country: country must be set/,
    ],
    ["a bad kind", { organizations: [{ ...org, kind: "startup" }] }, /organizations\.0\.kind/],
    ["a bad colour", { labs: [{ ...lab, color: "red" }] }, /labs\.0\.color/],
  ])("rejects %s, naming where", (_, patch, message) => {
    expect(() => parseRegistry({ labs: [lab], organizations: [org], ...patch }, "registry.json")).toThrow(
      message,
    );
  });
});
