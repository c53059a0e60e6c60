/**
 * What every synthetic Hub population draws from: a stateless hash (model i of seed s is the same
 * every time, with no stream to replay) and the vocabulary of the Hub's listing. The bench's
 * population (population.ts) and the tests' fake Hub (tests/fake-hub/models.ts) both use it.
 */

/** 32-bit mix of (seed, index, salt): the same inputs always give the same number. */
export function hash(seed: number, index: number, salt: number): number {
  let h =
    Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ Math.imul(salt, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The item of `list` a hash selects. */
export const pick = <T>(list: readonly T[], h: number): T => list[h % list.length] as T;

/** Model name stems: ids are `<namespace>/<family>-<i>`. */
export const FAMILIES = [
  "llm",
  "coder",
  "chat",
  "embed",
  "vision",
  "tts",
  "asr",
  "diffusion",
  "instruct",
  "base",
] as const;
/** Pipeline tags, each once (a population weights them by repeating some). */
export const PIPELINES = [
  "text-generation",
  "feature-extraction",
  "sentence-similarity",
  "text-to-image",
  "automatic-speech-recognition",
  "image-classification",
  "text-classification",
] as const;
export const LIBRARIES = [
  "transformers",
  "sentence-transformers",
  "diffusers",
  "gguf",
  "peft",
  "mlx",
] as const;
export const LICENSES = ["apache-2.0", "mit", "llama3.1", "other", "cc-by-nc-4.0"] as const;
