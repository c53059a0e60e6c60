import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_MANIFEST_FILE, demoDataDir, demoDataPath, readDemoFile } from "@/lib/demo/format";
import { type DemoManifest, demoFileContent } from "@/tools/demo/bundle";
import {
  DEMO_FIRST_DATE,
  DEMO_LAST_DATE,
  DEMO_SEED,
  type DemoDataset,
  generateDemoDataset,
  HUB_PLACEHOLDER,
  parametersFromName,
} from "@/tools/demo/generate";
import { Rng } from "@/tools/demo/prng";

// The demo's shares are measured by the site's own queries (tests/integration/demo-load.test.ts).
let ds: DemoDataset;

beforeAll(() => {
  ds = generateDemoDataset();
});

describe("demo generator", () => {
  it("is deterministic: the same seed gives the same content, another seed another", () => {
    const again = generateDemoDataset(DEMO_SEED);
    expect(again.snapshots[60]?.slice(0, 50)).toEqual(ds.snapshots[60]?.slice(0, 50));
    expect(again.models.slice(0, 50)).toEqual(ds.models.slice(0, 50));
    expect(demoFileContent(again).sha256).toBe(demoFileContent(ds).sha256);
    expect(demoFileContent(generateDemoDataset(DEMO_SEED + 1)).sha256).not.toBe(demoFileContent(ds).sha256);
  });

  it("matches the committed file and manifest (regenerate with npm run demo:generate after changes)", async () => {
    const manifest = JSON.parse(
      await readFile(path.join(demoDataDir(), DEMO_MANIFEST_FILE), "utf8"),
    ) as DemoManifest;
    const { sha256 } = demoFileContent(ds);
    expect(manifest.sha256).toBe(sha256);
    expect(manifest).toMatchObject({
      seed: DEMO_SEED,
      generator: ds.generator,
      models: ds.models.length,
      dates: { first: DEMO_FIRST_DATE, last: DEMO_LAST_DATE, count: ds.dates.length },
    });
    expect(manifest.bytes).toBeLessThan(3_000_000);

    // The committed file reads back to exactly the generated rows.
    let date = 0;
    let models = 0;
    for await (const event of readDemoFile(demoDataPath())) {
      if (event.kind === "model") expect(event.model).toEqual(ds.models[models++]);
      if (event.kind === "date") {
        expect(event.date).toBe(ds.dates[date]);
        expect(event.rows).toEqual(ds.snapshots[date]);
        date++;
      }
    }
    expect([models, date]).toEqual([ds.models.length, ds.dates.length]);
  });

  it("covers 24+ months of weekly snapshots ending 2026-11-22", () => {
    expect(ds.dates.length).toBeGreaterThanOrEqual(105);
    expect(ds.dates.at(-1)).toBe("2026-11-22");
    const first = Date.parse(ds.dates[0] ?? "");
    expect(Date.parse("2026-11-22") - first).toBeGreaterThan(730 * 86_400_000);
    for (let i = 1; i < ds.dates.length; i++)
      expect(Date.parse(ds.dates[i] ?? "") - Date.parse(ds.dates[i - 1] ?? "")).toBe(7 * 86_400_000);
  });

  it("builds a realistic population: real labs, re-publishers, an invented tail, derivatives", () => {
    const ids = new Set(ds.models.map((m) => m.hubId));
    expect(ids.size).toBe(ds.models.length);
    expect(ds.models.length).toBeGreaterThan(1500);
    for (const id of [
      "deepseek-ai/DeepSeek-R1",
      "Qwen/Qwen2.5-7B-Instruct",
      "meta-llama/Llama-3.1-8B-Instruct",
      "google/gemma-2-2b-it",
      "mistralai/Mistral-7B-Instruct-v0.3",
      "openai/gpt-oss-20b",
      "sentence-transformers/all-MiniLM-L6-v2",
      "google-bert/bert-base-uncased",
    ])
      expect(ids.has(id), id).toBe(true);
    const namespaces = new Set(ds.models.map((m) => m.hubId.split("/")[0]));
    for (const ns of ["unsloth", "bartowski", "TheBloke", "mlx-community"])
      expect(namespaces.has(ns), ns).toBe(true);
    const tail = ds.models.filter((m) => /^demo-user-\d{4}\//.test(m.hubId));
    expect(tail.length).toBeGreaterThan(300);
    expect(tail.filter((m) => m.baseModels.length > 0).length / tail.length).toBeGreaterThan(0.8);
    expect(ds.models.filter((m) => m.createdAt === HUB_PLACEHOLDER).length).toBeGreaterThan(10);
    const r1 = ds.models.find((m) => m.hubId === "deepseek-ai/DeepSeek-R1-Distill-Llama-8B");
    expect(r1?.baseModels).toEqual(["meta-llama/Llama-3.1-8B"]);
    // Most of the tail derives from models the dataset holds (their lineage is attributed).
    const ids2 = new Set(ds.models.map((m) => m.hubId));
    expect(tail.filter((m) => ids2.has(m.baseModels[0] ?? "")).length / tail.length).toBeGreaterThan(0.7);
  });

  it("keeps counts consistent: all-time and likes never decrease, a few all-time counts pass 2^31", () => {
    const allTime = new Map<number, number>();
    const likes = new Map<number, number>();
    const problems: string[] = [];
    let big = 0;
    ds.snapshots.forEach((rows, i) => {
      const midnight = Date.parse(`${ds.dates[i]}T00:00:00Z`);
      for (const r of rows) {
        const id = `${ds.models[r.model]?.hubId} ${ds.dates[i]}`;
        if (r.downloads < 0 || !Number.isSafeInteger(r.downloadsAllTime)) problems.push(`bad counts ${id}`);
        if (r.downloadsAllTime < (allTime.get(r.model) ?? 0)) problems.push(`all-time decreased ${id}`);
        if (r.likes < (likes.get(r.model) ?? 0)) problems.push(`likes decreased ${id}`);
        const created = ds.models[r.model]?.createdAt;
        if (created && created !== HUB_PLACEHOLDER && Date.parse(created) >= midnight)
          problems.push(`snapshot before creation ${id}`);
        allTime.set(r.model, r.downloadsAllTime);
        likes.set(r.model, r.likes);
      }
    });
    expect(problems.slice(0, 5)).toEqual([]);
    for (const r of ds.snapshots.at(-1) ?? []) if (r.downloadsAllTime > 2 ** 31) big++;
    expect(big).toBeGreaterThanOrEqual(2);
  });
});

describe("demo file format", () => {
  it("round-trips a dataset through gzip and the streaming reader", async () => {
    const small: DemoDataset = {
      seed: 1,
      generator: "test",
      dates: ["2025-01-05", "2025-01-12"],
      models: [
        {
          hubId: "a/one",
          createdAt: HUB_PLACEHOLDER,
          pipelineTag: "fill-mask",
          libraryName: "transformers",
          license: "mit",
          gated: false,
          parameters: 110_000_000,
          baseModels: [],
          baseRelation: null,
        },
        {
          hubId: "b/two",
          createdAt: "2025-01-06T10:00:00.000Z",
          pipelineTag: null,
          libraryName: null,
          license: null,
          gated: true,
          parameters: null,
          baseModels: ["a/one"],
          baseRelation: "finetune",
        },
      ],
      snapshots: [
        [{ model: 0, downloads: 5, downloadsAllTime: 9_007_199_254_740_000, likes: 3 }],
        [
          { model: 0, downloads: 7, downloadsAllTime: 9_007_199_254_740_990, likes: 4 },
          { model: 1, downloads: 2, downloadsAllTime: 2, likes: 0 },
        ],
      ],
    };
    const dir = await mkdtemp(path.join(tmpdir(), "oms-demo-"));
    try {
      const file = path.join(dir, "demo.jsonl.gz");
      await writeFile(file, gzipSync(demoFileContent(small).text));
      const events = [];
      for await (const e of readDemoFile(file)) events.push(e);
      expect(events[0]).toMatchObject({
        kind: "header",
        header: { models: 2, snapshots: 3, dates: small.dates },
      });
      expect(events.filter((e) => e.kind === "model").map((e) => e.model)).toEqual(small.models);
      expect(events.filter((e) => e.kind === "date").map((e) => e.rows)).toEqual(small.snapshots);

      await writeFile(file, gzipSync('{"format":"something-else"}\n'));
      await expect(async () => {
        for await (const _ of readDemoFile(file)) {
          // drain
        }
      }).rejects.toThrow(/not a demo file/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("parses parameter counts from names and seeds streams by key", () => {
    expect(parametersFromName("Qwen2.5-7B-Instruct")).toBe(7_000_000_000);
    expect(parametersFromName("internlm2-chat-1_8b")).toBe(1_800_000_000);
    expect(parametersFromName("gemma-3-270m")).toBe(270_000_000);
    expect(parametersFromName("Mixtral-8x7B-v0.1")).toBe(56_000_000_000);
    expect(parametersFromName("bert-base-uncased")).toBeNull();
    const a = new Rng("k");
    const b = new Rng("k");
    expect([a.next(), a.next()]).toEqual([b.next(), b.next()]);
    expect(new Rng("other").next()).not.toBe(new Rng("k").next());
  });
});
