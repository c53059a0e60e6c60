import { describe, expect, it } from "vitest";
import { chartDescription } from "@/lib/charts/alt-text";
import { chartModel } from "@/lib/charts/chart-model";
import { DEEPSEEK_R1, GGUF_COUNTED, handAnswer } from "../fixtures/share-answers";

const CN = { key: "CN", label: "China", color: "#D55E00" };
const US = { key: "US", label: "United States", color: "#0072B2" };
const UNKNOWN = { key: "UNKNOWN", label: "Unattributed", color: "#9CA3AF" };
const QUARTER = ["2025-01-01", "2025-02-01", "2025-03-01"];

/** China overtakes the US in March; two events are marked. */
const overtaking = handAnswer({
  dates: QUARTER,
  series: [
    { ...CN, shares: [10, 15, 20] },
    { ...US, shares: [20, 16, 14] },
    { ...UNKNOWN, shares: [5, 5, 5] },
  ],
  crossover: { between: ["CN", "US"], dates: [{ date: "2025-03-01", leader: "CN", previousLeader: "US" }] },
  annotations: [DEEPSEEK_R1, GGUF_COUNTED],
});

// Expected texts written out by hand from the fixtures' numbers (English).
describe("a chart's description", () => {
  it("says what is charted, the leader and its move in points, the next series, lead changes and events", () => {
    expect(chartDescription(chartModel(overtaking, { mode: "lines", value: "share" }))).toBe(
      "Line chart: Share of 30-day downloads by country of origin, Jan 2025 to Mar 2025. " +
        "Leader at the end (Mar 2025): China with 20.0 %, up 10.0 points from 10.0 % (Jan 2025). " +
        "Then the US with 14.0 % (20.0 % at the start), unattributed models with 5.0 % (5.0 % at the start). " +
        "Lead change: China passes the US, Mar 2025. " +
        "Marked on the chart: DeepSeek-R1 (20 Jan 2025); Hub: GGUF counted (10 Feb 2025).",
    );
  });

  it("writes counts as counts, and leaves the events out when annotations are off", () => {
    expect(
      chartDescription(chartModel(overtaking, { mode: "stacked", value: "downloads", annotations: "off" })),
    ).toBe(
      "Stacked area chart: Downloads, last 30 days by country of origin, Jan 2025 to Mar 2025. " +
        "Leader at the end (Mar 2025): China with 200K, up from 100K (Jan 2025). " +
        "Then the US with 140K (200K at the start), unattributed models with 50K (50K at the start). " +
        "Lead change: China passes the US, Mar 2025.",
    );
  });

  it("reads the range from the periods that have data, and says a leader going down and a lab by its name", () => {
    const answer = handAnswer({
      groupBy: "lab",
      dates: ["2024-12-01", ...QUARTER],
      missing: [0],
      series: [
        { key: "qwen", label: "Qwen", color: "#EE7733", shares: [null, 30, 28, 25.04] },
        { key: "meta", label: "Meta", color: "#56B4E9", shares: [null, 12, 12.02, 11.96] },
      ],
    });
    expect(chartDescription(chartModel(answer, { mode: "lines", value: "share" }))).toBe(
      "Line chart: Share of 30-day downloads by lab, Jan 2025 to Mar 2025. " +
        "Leader at the end (Mar 2025): Qwen with 25.0 %, down 5.0 points from 30.0 % (Jan 2025). " +
        "Then Meta with 12.0 % (12.0 % at the start).",
    );
  });

  it("says a leader that did not move as unchanged, and marks demo data", () => {
    const answer = handAnswer({
      dates: QUARTER,
      demo: true,
      series: [
        { ...CN, shares: [17.1, 18, 17.14] },
        { ...US, shares: [15.8, 15, 15.8] },
      ],
    });
    expect(chartDescription(chartModel(answer, { mode: "lines", value: "share" }))).toBe(
      "Line chart: Share of 30-day downloads by country of origin, Jan 2025 to Mar 2025. " +
        "Demo data: a generated sample, not real Hugging Face downloads. " +
        "Leader at the end (Mar 2025): China with 17.1 %, as at the start (Jan 2025). " +
        "Then the US with 15.8 % (15.8 % at the start).",
    );
  });

  it("says so when there is nothing to describe, and names one period once", () => {
    const empty = handAnswer({ dates: ["2025-03-01"], series: [{ ...CN, shares: [0] }] });
    expect(chartDescription(chartModel(empty, { mode: "lines", value: "share" }))).toBe(
      "Line chart: Share of 30-day downloads by country of origin, Mar 2025. No downloads for this selection.",
    );
  });
});
