import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { REGIONS, regionOf } from "@/lib/domain/regions";
import type { Registry } from "@/lib/origins/registry-schema";
import { loadRegistry } from "@/lib/origins/sync";

let registry: Registry;
beforeAll(async () => {
  registry = await loadRegistry();
});

const atomRows = readFileSync("lib/origins/atom/organization_regions.csv", "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [namespace = "", region = ""] = line.split(",");
    return { namespace, region };
  });

describe("the origin registry file", () => {
  it("is valid and has at least 150 sourced namespaces", () => {
    expect(registry.organizations.length).toBeGreaterThanOrEqual(150);
    expect(registry.organizations.every((o) => o.source.startsWith("http"))).toBe(true);
  });

  it.each([
    ["deepseek-ai", "CN"],
    ["Qwen", "CN"],
    ["THUDM", "CN"],
    ["zai-org", "CN"],
    ["moonshotai", "CN"],
    ["MiniMaxAI", "CN"],
    ["baidu", "CN"],
    ["tencent", "CN"],
    ["ByteDance-Seed", "CN"],
    ["stepfun-ai", "CN"],
    ["internlm", "CN"],
    ["01-ai", "CN"],
    ["baichuan-inc", "CN"],
    ["XiaomiMiMo", "CN"],
    ["meta-llama", "US"],
    ["facebook", "US"],
    ["google", "US"],
    ["microsoft", "US"],
    ["openai", "US"],
    ["nvidia", "US"],
    ["ibm-granite", "US"],
    ["allenai", "US"],
    ["apple", "US"],
    ["mistralai", "FR"],
    ["tiiuae", "AE"],
    ["CohereLabs", "CA"],
    ["LGAI-EXAONE", "KR"],
    ["SakanaAI", "JP"],
  ])("covers %s (%s)", (namespace, country) => {
    expect(registry.organizations.find((o) => o.namespace === namespace)?.country).toBe(country);
  });

  it("marks the large re-publishers as such", () => {
    for (const ns of ["unsloth", "TheBloke", "mlx-community", "lmstudio-community"]) {
      expect(registry.organizations.find((o) => o.namespace === ns)?.kind, ns).toBe("re-publisher");
    }
  });

  it("gives every lab a colour of its own, never a region's (a lab keeps its colour on every chart)", () => {
    const colours = registry.labs.map((l) => l.color.toUpperCase());
    expect(new Set(colours).size).toBe(colours.length);
    const regionColours = new Set(REGIONS.map((r) => r.color.toUpperCase()));
    expect(registry.labs.filter((l) => regionColours.has(l.color.toUpperCase())).map((l) => l.slug)).toEqual(
      [],
    );
  });

  it("groups several namespaces under one lab", () => {
    const meta = registry.organizations.filter((o) => o.lab === "meta").map((o) => o.namespace);
    expect(meta).toEqual(expect.arrayContaining(["meta-llama", "facebook"]));
  });

  it("includes every namespace the ATOM Project tracks, and explains disagreements", () => {
    const atomToRegion: Record<string, string> = { china: "CN", us: "US", eu: "OTHER", other: "OTHER" };
    for (const row of atomRows) {
      const entry = registry.organizations.find(
        (o) => o.namespace.toLowerCase() === row.namespace.toLowerCase(),
      );
      expect(entry, row.namespace).toBeDefined();
      if (!entry) continue;
      expect(entry.atomRegion, row.namespace).toBe(row.region);
      const ours = regionOf(entry.country, entry.international);
      const theirs = atomToRegion[row.region] ?? "UNKNOWN";
      if (ours !== theirs) expect(entry.note, `${row.namespace}: ours ${ours}, ATOM ${theirs}`).toBeTruthy();
    }
  });
});
