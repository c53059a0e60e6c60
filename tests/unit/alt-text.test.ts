import { describe, expect, it } from "vitest";
import { chartDescription } from "@/lib/charts/alt-text";
import { type ChartPresentation, chartModel } from "@/lib/charts/chart-model";
import type { ShareResult } from "@/lib/domain/answers";
// The German and Chinese words, as the server makes them known.
import "@/lib/i18n/all-translations";
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

/** Qwen leads by lab but falls; the first period has no data. */
const labsFalling = handAnswer({
  groupBy: "lab",
  dates: ["2024-12-01", ...QUARTER],
  missing: [0],
  series: [
    { key: "qwen", label: "Qwen", color: "#EE7733", shares: [null, 30, 28, 25.04] },
    { key: "meta", label: "Meta", color: "#56B4E9", shares: [null, 12, 12.02, 11.96] },
  ],
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
    expect(chartDescription(chartModel(labsFalling, { mode: "lines", value: "share" }))).toBe(
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

const described = (answer: ShareResult, presentation: ChartPresentation) =>
  chartDescription(chartModel(answer, presentation));
// Intl writes a no-break space in "20,0 %" and "200 k": compared here as a space (the fr test
// below checks the character itself).
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

// The same fixtures in German and Chinese, written out by hand: the words of the locale's
// messages, its names of the series, its numbers and dates.
describe("a chart's description in the chart's language", () => {
  it("de: a line chart of shares, with points, a lead change and events", () => {
    expect(plain(described(overtaking, { mode: "lines", value: "share", locale: "de" }))).toBe(
      "Liniendiagramm: Anteil an den 30-Tage-Downloads nach Herkunftsland, Jan. 2025 bis März 2025. " +
        "Spitzenreiter am Ende (März 2025): China mit 20,0 %, 10,0 Prozentpunkte mehr als zu Beginn (10,0 %, Jan. 2025). " +
        "Dahinter: USA mit 14,0 % (zu Beginn 20,0 %), nicht zugeordnete Modelle mit 5,0 % (zu Beginn 5,0 %). " +
        "Neue Führung: China vor USA, März 2025. " +
        "Im Diagramm markiert: DeepSeek-R1 (20. Jan. 2025); Hub: GGUF counted (10. Feb. 2025).",
    );
  });

  it("de: a stacked chart of counts, and a lab going down", () => {
    expect(
      plain(described(overtaking, { mode: "stacked", value: "downloads", annotations: "off", locale: "de" })),
    ).toBe(
      "Gestapeltes Flächendiagramm: Downloads der letzten 30 Tage nach Herkunftsland, Jan. 2025 bis März 2025. " +
        "Spitzenreiter am Ende (März 2025): China mit 200.000, mehr als zu Beginn (100.000, Jan. 2025). " +
        "Dahinter: USA mit 140.000 (zu Beginn 200.000), nicht zugeordnete Modelle mit 50.000 (zu Beginn 50.000). " +
        "Neue Führung: China vor USA, März 2025.",
    );
    expect(plain(described(labsFalling, { mode: "lines", value: "share", locale: "de" }))).toBe(
      "Liniendiagramm: Anteil an den 30-Tage-Downloads nach Lab, Jan. 2025 bis März 2025. " +
        "Spitzenreiter am Ende (März 2025): Qwen mit 25,0 %, 5,0 Prozentpunkte weniger als zu Beginn (30,0 %, Jan. 2025). " +
        "Dahinter: Meta mit 12,0 % (zu Beginn 12,0 %).",
    );
  });

  it("zh-CN: full-width punctuation, no space after a full stop, Intl's numbers", () => {
    expect(described(overtaking, { mode: "lines", value: "share", locale: "zh-CN" })).toBe(
      "折线图：按来源国划分的近 30 天下载量份额，2025年1月至2025年3月。" +
        "期末（2025年3月）中国以 20.0% 领先，较期初（2025年1月）的 10.0% 上升 10.0 个百分点。" +
        "其后为美国 14.0%（期初 20.0%），未归属的模型 5.0%（期初 5.0%）。" +
        "领先易位：中国超过美国，2025年3月。" +
        "图中标注：DeepSeek-R1（2025年1月20日）；Hub: GGUF counted（2025年2月10日）。",
    );
    expect(
      described(overtaking, { mode: "stacked", value: "downloads", annotations: "off", locale: "zh-CN" }),
    ).toBe(
      "堆叠面积图：按来源国划分的近 30 天下载量，2025年1月至2025年3月。" +
        "期末（2025年3月）中国以 20万 领先，较期初（2025年1月）的 10万 有所上升。" +
        "其后为美国 14万（期初 20万），未归属的模型 5万（期初 5万）。" +
        "领先易位：中国超过美国，2025年3月。",
    );
    expect(described(labsFalling, { mode: "lines", value: "share", locale: "zh-CN" })).toBe(
      "折线图：按实验室划分的近 30 天下载量份额，2025年1月至2025年3月。" +
        "期末（2025年3月）Qwen以 25.0% 领先，较期初（2025年1月）的 30.0% 下降 5.0 个百分点。" +
        "其后为Meta 12.0%（期初 12.0%）。",
    );
  });

  it("says one point as one, demo data and an empty chart in the locale's words", () => {
    const onePoint = handAnswer({
      dates: QUARTER,
      demo: true,
      series: [
        { ...CN, shares: [10, 15, 11] },
        { ...US, shares: [9, 8, 8] },
      ],
    });
    const leader = (locale: "en" | "de" | "zh-CN") =>
      described(onePoint, { mode: "lines", value: "share", locale });
    expect(leader("en")).toContain("China with 11.0 %, up 1 point from 10.0 % (Jan 2025).");
    expect(plain(leader("de"))).toContain(
      "Demodaten: eine erzeugte Stichprobe, keine echten Hugging-Face-Downloads. " +
        "Spitzenreiter am Ende (März 2025): China mit 11,0 %, 1 Prozentpunkt mehr als zu Beginn (10,0 %, Jan. 2025).",
    );
    expect(leader("zh-CN")).toContain(
      "演示数据：生成的样本，并非真实的 Hugging Face 下载量。" +
        "期末（2025年3月）中国以 11.0% 领先，较期初（2025年1月）的 10.0% 上升 1.0 个百分点。",
    );
    const empty = handAnswer({ dates: ["2025-03-01"], series: [{ ...CN, shares: [0] }] });
    expect(described(empty, { mode: "lines", value: "share", locale: "de" })).toBe(
      "Liniendiagramm: Anteil an den 30-Tage-Downloads nach Herkunftsland, März 2025. Keine Downloads für diese Auswahl.",
    );
    expect(described(empty, { mode: "lines", value: "share", locale: "zh-CN" })).toBe(
      "折线图：按来源国划分的近 30 天下载量份额，2025年3月。此选择没有下载数据。",
    );
  });

  it("fr: English words with French numbers and dates", () => {
    // The space in "20,0 %" is the no-break space Intl's French percent writes.
    expect(described(overtaking, { mode: "lines", value: "share", locale: "fr" })).toContain(
      "Leader at the end (mars 2025): China with 20,0\u00a0%, up 10,0 points from 10,0\u00a0% (janv. 2025).",
    );
  });
});
