import { describe, expect, it } from "vitest";
import { citationBibtex, citationText } from "@/lib/charts/citation";

const facts = {
  title: "China's share of new models: 17% & rising_fast",
  dataVersion: 42,
  dataAsOf: "2026-11-30",
  url: "https://example.org/?cohort=new-12m&version=42&v=2",
  accessed: "2026-12-03",
};

describe("a chart's citation", () => {
  it("names the chart, its data version and date, the pinned link and the access date", () => {
    expect(citationText(facts)).toBe(
      'Open Model Share, "China\'s share of new models: 17% & rising_fast", Hugging Face Hub download counts as of 2026-11-30, data version 42. https://example.org/?cohort=new-12m&version=42&v=2 (accessed 2026-12-03).',
    );
  });

  it("is a BibTeX @misc entry with LaTeX's special characters escaped in the title, not in the URL", () => {
    const entry = citationBibtex(facts);
    expect(entry.split("\n")[0]).toBe("@misc{openmodelshare2026v42,");
    expect(entry).toContain("title        = {{China's share of new models: 17\\% \\& rising\\_fast}},");
    expect(entry).toContain("howpublished = {\\url{https://example.org/?cohort=new-12m&version=42&v=2}},");
    expect(entry).toContain("urldate      = {2026-12-03}");
    expect(entry).toContain("data version 42");
    // Braces balance: a reference manager reads it whole.
    const depth = [...entry].reduce((d, c) => d + (c === "{" ? 1 : c === "}" ? -1 : 0), 0);
    expect(depth).toBe(0);
  });
});
