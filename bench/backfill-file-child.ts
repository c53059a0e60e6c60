/**
 * The backfill step's weekly listing, written in a process of its own so that the bench's process
 * does not carry the generator's heap (≈ 4 GB at its peak) into the timed backfill:
 * `tsx bench/backfill-file-child.ts <file> <models>`.
 */
import { statSync, writeFileSync } from "node:fs";
import { log, round } from "../lib/bench/stats";
import { type WeeklyRow, weeklyFile } from "../tests/fixtures/backfill/files";

const MB = 1024 * 1024;
const REGISTRY = ["deepseek-ai", "Qwen", "meta-llama", "google", "mistralai", "microsoft"];

/**
 * One model in eight passes the crawl's threshold (100 downloads in 30 days) or belongs to a
 * registry namespace: most of the Hub's ≈ 2.5M listed models are downloaded less than that, so a
 * real week keeps a few hundred thousand. One model in a hundred is in the registry, every fifth a
 * fine-tune, one in a thousand private.
 */
function generate(file: string, models: number): void {
  log(`writing a weekly listing of ${models.toLocaleString()} models in one row group…`);
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
  // ≈ 400 bytes of card a model: a real file is ≈ 600 bytes a model, most of it columns never read.
  const filler = "x".repeat(64);
  const card = (id: string, i: number) => `${id}\n${(i * 2654435761).toString(16)}${filler}`.repeat(5);
  writeFileSync(file, weeklyFile(rows, { allTime: true, rowGroupSize: models, card }));
  log(`  ${file}: ${round(statSync(file).size / MB)} MB`);
}

const [file, models] = process.argv.slice(2);
if (!file || !models) throw new Error("usage: backfill-file-child.ts <file> <models>");
generate(file, Number(models));
