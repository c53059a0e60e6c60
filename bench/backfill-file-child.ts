/**
 * The backfill steps' weekly listings, written in a process of their own so that the bench's
 * process does not carry the generator's heap (several GB at its peak) into the timed backfill:
 * `tsx bench/backfill-file-child.ts <file> <models> <kept-few|real>`.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { log, round } from "../lib/bench/stats";
import { type WeeklyRow, weeklyFile } from "../tests/fixtures/backfill/files";

const MB = 1024 * 1024;
const REGISTRY = ["deepseek-ai", "Qwen", "meta-llama", "google", "mistralai", "microsoft"];

/**
 * The `backfill` step's week: one model in eight passes the crawl's threshold (100 downloads in 30
 * days) or belongs to a registry namespace: most of the Hub's ≈ 2.5M listed models are downloaded
 * less than that, so a real week keeps a few hundred thousand. One model in a hundred is in the
 * registry, every fifth a fine-tune, one in a thousand private.
 */
function keptFew(models: number): WeeklyRow[] {
  const rows: WeeklyRow[] = new Array(models);
  for (let i = 0; i < models; i++) {
    const namespace = i % 100 === 0 ? (REGISTRY[i % REGISTRY.length] as string) : `user-${i % 40_000}`;
    rows[i] = {
      id: `${namespace}/model-${i}`,
      downloads: i % 8 === 0 ? 100 + ((i * 7919) % 1_000_000) : i % 97,
      downloadsAllTime: BigInt(1000 + i * 13),
      likes: i % 500,
      createdAt: new Date(Date.UTC(2022, 3, 1) + (i % 1000) * 86_400_000).toISOString(),
      pipeline: i % 3 === 0 ? "text-generation" : "feature-extraction",
      base:
        i % 5 === 0
          ? { relation: "finetune", models: [{ id: `${REGISTRY[i % 6]}/model-${i % 1000}` }] }
          : null,
      private: i % 1000 === 999,
    };
  }
  return rows;
}

const TASKS = [
  "text-generation",
  "text-classification",
  "image-text-to-text",
  "automatic-speech-recognition",
  "feature-extraction",
  "text-to-image",
  "token-classification",
  "sentence-similarity",
  "reinforcement-learning",
  "translation",
];
const LIBRARIES = [
  "transformers",
  "peft",
  "diffusers",
  "sentence-transformers",
  "gguf",
  "timm",
  "mlx",
  "onnx",
];
const LICENSES = ["apache-2.0", "mit", "llama3.1", "cc-by-nc-4.0", "other", "gemma"];
const RELATIONS = ["finetune", "adapter", "quantized", "merge"];

/** A deterministic number in [0, 1) for row `i` and stream `salt`. */
function unit(i: number, salt: number): number {
  let h = Math.imul(i ^ Math.imul(salt, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

/**
 * The `backfill-all` step's week, shaped like the Hub's listing where it costs a reader: ≈ 90,000
 * namespaces (a long tail of users with a handful of models each, a few large ones), ids of real
 * lengths, a 7-element `tags` list on every row, a `safetensors` struct (counts by dtype and their
 * total) on half of them, `baseModels` {relation, models:[{id}]} on a third (bases among the
 * file's own models, as fine-tunes of popular ones), task and library missing on some rows,
 * downloads heavy-tailed (most models near zero). One model in a hundred is in the registry.
 */
function realShaped(models: number, registry: string[]): WeeklyRow[] {
  const rows: WeeklyRow[] = new Array(models);
  const ids: string[] = new Array(models);
  for (let i = 0; i < models; i++) {
    const r = unit(i, 1);
    const namespace =
      i % 100 === 0 ? (registry[(i / 100) % registry.length] as string) : `user${Math.floor(89_000 * r * r)}`;
    const id = `${namespace}/${["Llama", "qwen2.5", "bert-base", "sd-xl", "whisper", "phi"][i % 6]}-ft-${i.toString(36)}`;
    ids[i] = id;
    const popularity = unit(i, 2) ** 6;
    const downloads = Math.floor(10 ** (7 * popularity)) - 1;
    const task = TASKS[Math.floor(unit(i, 3) * TASKS.length)] as string;
    const library = LIBRARIES[Math.floor(unit(i, 4) * LIBRARIES.length)] as string;
    const total = BigInt(Math.floor(10 ** (6 + 5 * unit(i, 5))));
    const baseAt = Math.floor(unit(i, 6) ** 3 * i);
    rows[i] = {
      id,
      downloads,
      downloadsAllTime: BigInt(downloads) * BigInt(1 + (i % 40)) + BigInt(i % 1000),
      likes: Math.floor(downloads / 100),
      createdAt: new Date(Date.UTC(2021, 0, 1) + Math.floor(unit(i, 7) * 1_600) * 86_400_000).toISOString(),
      pipeline: i % 5 === 4 ? null : task,
      library: i % 7 === 6 ? null : library,
      tags: [
        library,
        task,
        `license:${LICENSES[i % LICENSES.length]}`,
        "safetensors",
        "en",
        `arxiv:2${(i % 400).toString().padStart(3, "0")}.0${i % 9}${i % 7}21`,
        i % 2 ? "region:us" : "endpoints_compatible",
      ],
      base:
        i % 3 === 0 && i > 0
          ? { relation: RELATIONS[i % RELATIONS.length] as string, models: [{ id: ids[baseAt] as string }] }
          : null,
      safetensors:
        i % 2 === 0 ? { parameters: i % 4 ? { BF16: total } : { F32: total, I8: 1024n }, total } : null,
      gated: i % 50 === 0 ? "auto" : "False",
      private: false,
    };
  }
  return rows;
}

function generate(file: string, models: number, shape: string): void {
  log(`writing a weekly listing (${shape}) of ${models.toLocaleString()} models in one row group…`);
  const registry = (
    JSON.parse(readFileSync("lib/origins/registry.json", "utf8")) as {
      organizations: { namespace: string }[];
    }
  ).organizations.map((o) => o.namespace);
  const rows = shape === "real" ? realShaped(models, registry) : keptFew(models);
  // A card a model: a real file is ≈ 600 bytes a model, most of it columns a backfill never reads.
  const filler = "x".repeat(64);
  const card = (id: string, i: number) => `${id}\n${(i * 2654435761).toString(16)}${filler}`.repeat(5);
  writeFileSync(file, weeklyFile(rows, { allTime: true, rowGroupSize: models, card }));
  log(`  ${file}: ${round(statSync(file).size / MB)} MB`);
}

const [file, models, shape = "kept-few"] = process.argv.slice(2);
if (!file || !models || !["kept-few", "real"].includes(shape))
  throw new Error("usage: backfill-file-child.ts <file> <models> [kept-few|real]");
generate(file, Number(models), shape);
