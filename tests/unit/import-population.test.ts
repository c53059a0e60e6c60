import { describe, expect, it } from "vitest";
import { resolveColumns } from "@/lib/import/formats";
import { populationRule } from "@/lib/import/population";
import type { Row } from "@/lib/import/source";

const mapping = resolveColumns(
  "hub-stats",
  ["id", "author", "downloads", "private", "likes"],
  "listing.parquet",
);
const bytes = (text: string) => new TextEncoder().encode(text);

describe("the crawl's population rule on a listing's rows", async () => {
  // Without a database the rule takes the registry file's namespaces.
  const filter = (await populationRule(null, 100))(mapping);
  const probeId = filter?.probe?.[mapping.id as string] as (bytes: Uint8Array) => string;
  const probeAuthor = filter?.probe?.[mapping.author as string] as (bytes: Uint8Array) => string;
  const keeps = (id: string, downloads: number, author?: string) => {
    const row: Row = { [mapping.id as string]: probeId(bytes(id)), [mapping.downloads as string]: downloads };
    if (author !== undefined) row[mapping.author as string] = probeAuthor(bytes(author));
    return filter?.keep(row);
  };

  it("classes an id from its bytes as the text path does (trimmed, checked, any case)", () => {
    const ids = [
      "Qwen/Qwen2.5-7B",
      "qwen/tiny",
      "QWEN/x.y_z",
      "someone/model-1",
      "gpt2",
      "google",
      "a/b/c",
      "/leading",
      "trailing/",
      "two//slashes",
      "Qwen/ü-model",
      "ü/x",
      "white space/x",
      `someone/${"x".repeat(192)}`,
      `someone/${"x".repeat(193)}`,
      "deepseek-ai/DeepSeek-R1",
    ];
    // Spaces around an id send it down the text path (which trims): both paths must agree.
    for (const id of ids) expect(probeId(bytes(id)), id).toBe(probeId(bytes(` ${id} `)));
    expect(new Set(ids.map((id) => probeId(bytes(id)))).size).toBeGreaterThanOrEqual(4);
  });

  it("keeps registry namespaces in any case, others from the threshold on, and unreadable ids", () => {
    expect(keeps("Qwen/Qwen2.5-7B", 3)).toBe(true);
    expect(keeps("qwen/tiny", 3)).toBe(true);
    expect(keeps("someone/model", 99)).toBe(false);
    expect(keeps("someone/model", 100)).toBe(true);
    expect(keeps("a/b/c", 0)).toBe(true);
    expect(keeps(`someone/${"x".repeat(193)}`, 0)).toBe(true);
    // A legacy id without a namespace: its author decides.
    expect(keeps("t5-small", 3, "google")).toBe(true);
    expect(keeps("t5-small", 3, "someone")).toBe(false);
    expect(keeps("google", 3)).toBe(true);
  });

  it("reads the author only for ids without a namespace", () => {
    const where = filter?.onlyWhere?.[mapping.author as string] as (row: Row) => boolean;
    const row = (id: string): Row => ({ [mapping.id as string]: probeId(bytes(id)) });
    expect(where(row("gpt2"))).toBe(true);
    expect(where(row("google"))).toBe(true);
    expect(where(row("Qwen/x"))).toBe(false);
    expect(where(row("someone/x"))).toBe(false);
  });
});
