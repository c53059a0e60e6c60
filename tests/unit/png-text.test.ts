import { crc32, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { chartDescription } from "@/lib/charts/alt-text";
import { chartModel } from "@/lib/charts/chart-model";
import { renderChartPng } from "@/lib/charts/render";
import { DEEPSEEK_R1, handAnswer } from "../fixtures/share-answers";

/** A PNG's chunks as the specification lays them out, each CRC checked with zlib's own. */
function chunks(png: Uint8Array) {
  const buffer = Buffer.from(png);
  expect(buffer.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < buffer.length; ) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString("latin1", at + 4, at + 8);
    const data = buffer.subarray(at + 8, at + 8 + length);
    expect(buffer.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(
      crc32(buffer.subarray(at + 4, at + 8 + length)),
    );
    out.push({ type, data });
    at += 12 + length;
  }
  return out;
}

/** iTXt: keyword NUL flag method language NUL translated NUL text (PNG 11.3.3.4). */
function itxt(data: Buffer) {
  const keywordEnd = data.indexOf(0);
  const flag = data[keywordEnd + 1];
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  const translatedEnd = data.indexOf(0, languageEnd + 1);
  const body = data.subarray(translatedEnd + 1);
  return {
    keyword: data.toString("latin1", 0, keywordEnd),
    text: (flag === 1 ? inflateSync(body) : body).toString("utf8"),
  };
}

describe("the PNG's text metadata", () => {
  it("carries the chart's title and its description, read back from the file", async () => {
    const answer = handAnswer({
      dates: ["2025-01-01", "2025-02-01"],
      series: [
        { key: "CN", label: "China", color: "#D55E00", shares: [12, 17.1] },
        { key: "US", label: "United States", color: "#0072B2", shares: [16, 15.8] },
      ],
      annotations: [DEEPSEEK_R1],
    });
    const chart = { mode: "lines", value: "share", theme: "light", width: 640, height: 400 } as const;
    const png = await renderChartPng(answer, chart);
    const list = chunks(png);
    expect(list[0]?.type).toBe("IHDR");
    expect(list.at(-1)?.type).toBe("IEND");
    const texts = list.filter((c) => c.type === "iTXt").map((c) => itxt(c.data));
    const model = chartModel(answer, chart);
    expect(texts).toEqual([
      { keyword: "Title", text: model.title },
      { keyword: "Description", text: chartDescription(model) },
    ]);
    // Its words: the leader, its move, the event (a non-Latin-1 text survives as UTF-8).
    const description = texts[1]?.text ?? "";
    expect(description).toContain(
      "Leader at the end (Feb 2025): China with 17.1 %, up 5.1 points from 12.0 % (Jan 2025).",
    );
    expect(description).toContain("DeepSeek-R1 (20 Jan 2025)");
    // Image data still follows the header and decodes.
    const idat = Buffer.concat(list.filter((c) => c.type === "IDAT").map((c) => c.data));
    expect(inflateSync(idat).length).toBeGreaterThan(0);
  });
});
