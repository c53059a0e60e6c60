import { describe, expect, it } from "vitest";
import { fingerprints, KnownModels } from "@/lib/store/known-models";
import type { ModelRecord } from "@/lib/store/model-record";
import { modelRecord } from "../factories/model-record";

describe("KnownModels", () => {
  it("finds a model only by the exact record it was remembered with", () => {
    const known = new KnownModels();
    const record = modelRecord({ hubId: "a/b", parameters: 7_000_000_000n, baseModels: ["x/y"] });
    expect(known.idOf(fingerprints([record]), 0)).toBeNull();
    known.remember(fingerprints([record]), 0, 12);
    expect(
      known.idOf(fingerprints([{ ...record, downloads: 5n, downloadsAllTime: null, likes: 3 }]), 0),
    ).toBe(12);
    const changes: Partial<ModelRecord>[] = [
      { namespace: "A" },
      { createdAt: null },
      { lastModified: new Date("2025-02-01T10:00:00.001Z") },
      { pipelineTag: null },
      { libraryName: "" },
      { license: "mit" },
      { gated: null },
      { gated: true },
      { parameters: 7_000_000_001n },
      { parameters: null },
      { baseModels: [] },
      { baseModels: ["x/y", "z/w"] },
      { baseModels: ["x", "/y"] },
      { baseRelation: "merge" },
    ];
    for (const change of changes)
      expect(known.idOf(fingerprints([{ ...record, ...change }]), 0), Object.keys(change).join()).toBeNull();
    known.remember(fingerprints([{ ...record, license: "mit" }]), 0, 12);
    expect(known.idOf(fingerprints([record]), 0)).toBeNull();
    expect(known.idOf(fingerprints([{ ...record, license: "mit" }]), 0)).toBe(12);
    expect(known.size).toBe(1);
  });

  it("tells apart fields that would run together as text", () => {
    const base = modelRecord({ hubId: "a/b" });
    const prints = [
      { ...base, pipelineTag: "ab", libraryName: "c" },
      { ...base, pipelineTag: "a", libraryName: "bc" },
      { ...base, pipelineTag: null, libraryName: "null" },
      { ...base, pipelineTag: "", libraryName: null },
      { ...base, parameters: 2n ** 80n },
      { ...base, parameters: 2n ** 80n + 1n },
    ].map((r) => {
      const [, a, b] = fingerprints([r]);
      return `${a}:${b}`;
    });
    expect(new Set(prints).size).toBe(prints.length);
  });

  it("keeps every one of many models through growth", () => {
    const known = new KnownModels(16);
    const records = Array.from({ length: 50_000 }, (_, i) =>
      modelRecord({ hubId: `ns${i % 97}/model-${i}` }),
    );
    const prints = fingerprints(records);
    for (let i = 0; i < records.length; i++) known.remember(prints, i, i + 1);
    expect(known.size).toBeGreaterThan(49_990);
    let found = 0;
    for (let i = 0; i < records.length; i++) if (known.idOf(prints, i) === i + 1) found++;
    // Two Hub ids may share a slot's 32-bit key: the later one holds it, the other is merged again.
    expect(found).toBeGreaterThan(49_990);
    expect(records.filter((r) => known.idOf(fingerprints([{ ...r, license: "other" }]), 0) !== null)).toEqual(
      [],
    );
  });
});
