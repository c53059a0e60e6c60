/**
 * DEMO DATA GENERATOR — deterministic, documented, and clearly not real measurements.
 *
 * `npm start` on an empty database loads the file this writes (data/demo/), so a first run shows
 * a meaningful dashboard without the network. Everything below is an assumption; the data is
 * labelled "demo" wherever it appears and the first real ingestion run removes it.
 *
 * Determinism
 * - One seed (DEMO_SEED). Every random stream is keyed by the seed and a name (a model id, a
 *   re-publisher, a tail user), so adding a model does not reshuffle the others. No clock, no
 *   Math.random. Same seed and same code → byte-identical uncompressed output (the manifest keeps
 *   its SHA-256; a test regenerates and compares).
 *
 * Time axis
 * - Weekly snapshots every Sunday from 2024-07-07 to 2026-11-22 (125 dates, 28+ months), so the
 *   study's window (12 months to August 2025) and everything after it are covered, with eight
 *   weeks of lead-in. A snapshot dated D is taken at 00:00 UTC on D: `downloadsAllTime` counts
 *   every download before D, `downloads` (the Hub's trailing-30-day figure) the 30 days before D.
 *
 * Population (~3,250 models, ~290,000 snapshot rows)
 * - Real names: the model ids tracked by the ATOM Project (Interconnects-AI/tracked-models,
 *   Apache-2.0, see tools/demo/data/atom-model-ids.txt and lib/origins/atom/LICENSE) for the registry's labs,
 *   plus well-known models outside that list (tools/demo/data/catalog.json: BERT, MiniLM, CLIP, Whisper,
 *   BGE, FLUX, pyannote…, and a few popular community models of namespaces the registry does not
 *   attribute). Creation dates come from family rules (tools/demo/data/release-date-rules.txt): public release
 *   dates up to mid-2025, the ATOM corrections file and version order after that; ATOM models no
 *   rule dates, and those launching below 2,500 downloads per 30 days, are left out. Repos older
 *   than 2022-03-02 carry the Hub placeholder createdAt 2022-03-02T23:29:04.000Z.
 * - Same-lab derivatives get `base_model` relations (X-FP8 quantizes X, X-Instruct fine-tunes X
 *   or X-Base), plus cross-lab ones (DeepSeek-R1 distills on Qwen and Llama, Nemotron on Llama…).
 * - Re-publishers (TheBloke, unsloth, bartowski, mradermacher, lmstudio-community, mlx-community,
 *   QuantFactory, MaziyarPanahi, neuralmagic/RedHatAI, onnx-community, ggml-org) re-upload the
 *   popular text and vision-language models inside their real activity windows, as
 *   GGUF/GPTQ/MLX/ONNX/FP8 quantizations or mirrors, a few days after the original. From mid-2025
 *   their share of an original's audience halves every year (labs ship their own quantized builds).
 * - A long tail of invented namespaces, `demo-user-0001` … `demo-user-0420` (clearly fake),
 *   publishing fine-tunes, LoRA adapters, merges and GGUF quantizations of whatever base was
 *   popular at the time (bases drawn by their expected downloads then), plus a few originals.
 *   They stand for the unattributed namespaces a crawl keeps above its download threshold, so
 *   their launch levels are log-normal around 120,000 per 30 days (σ 1.3) at the Hub's mid-2025
 *   size, deflated by the Hub's growth at creation (its growth goes into more tail models, which a
 *   fixed sample cannot show), with slightly fewer users starting later. Their developer
 *   attribution is UNKNOWN; their lineage attribution is the base's country, so the two
 *   attribution rules differ visibly.
 *
 * Downloads
 * - Each model has a launch level L (trailing-30-day downloads after launch, catalog.ts), a ramp
 *   of a few days, and drifts from L towards `longRun`×L with time constant `tau`: new releases
 *   spike then decay; workhorse models (BERT, MiniLM, small Qwen/Llama instruct models used as
 *   fine-tuning bases) hold or grow. Daily downloads = L/30 × shape(age) × hub(t) × season(t) ×
 *   weekly noise (log-AR(1), σ 0.06 for classics up to 0.35 for the tail), rounded
 *   stochastically. hub(t) grows ×1.5 a year (the Hub's overall growth, normalised to 1 on
 *   2025-06-01); season(t) dips ~12 % around Christmas.
 * - `downloadsAllTime` accumulates daily downloads from the model's true creation (so it is
 *   monotonic, and classics like bert-base-uncased and all-MiniLM-L6-v2 pass 2^31); likes grow
 *   with √downloadsAllTime × a per-model hype factor (never decrease).
 * - Levels of models not named in catalog.ts: namespace level × name factors (size, Base and
 *   quantized variants, checkpoints) × log-normal noise (σ 0.7); re-uploads: the original's level
 *   × the re-publisher's share for that form × log-normal noise (σ 0.5).
 *
 * Calibration (what the levels were tuned for; checked by tests/unit/demo-generate.test.ts)
 * - Cohort new-12m (models less than 12 months old at each snapshot), developer attribution,
 *   period downloads summed over the snapshots from 2024-09-01 to 2025-08-31: China ≈ 17 % and
 *   the US ≈ 16 % (the study, arXiv 2512.03073, reports 17.1 % and 15.8 %), International/Online
 *   ≈ 20–25 % (study: 23.8 %). INTL in our registry is online communities and mlx-community, so
 *   mlx-community's re-uploads carry most of it — a calibration choice, not an observation.
 * - The US leads the new-model share through 2024 (Llama 3.1/3.2, Gemma 2); China overtakes in
 *   2025 (Qwen2.5 adoption, DeepSeek-R1, Qwen3) and stays ahead after (Qwen3.5+, DeepSeek-V4).
 * - To get there the unattributed side had to be large: quantizers outside the registry
 *   (bartowski, mradermacher, QuantFactory) and the tail together hold ~30 % of new-model
 *   downloads (28–35 % in every month), other countries (Mistral, FLUX, Jina, ggml-org…) ~14 %.
 * - The manifest (data/demo/manifest.json) records the figures actually obtained and the weekly
 *   CN/US leader changes.
 */
import { readFileSync } from "node:fs";
import type { BaseRelationName, DemoModel, DemoSnapshot } from "../../lib/demo/format";
import { HUB_PLACEHOLDER_CREATED_AT } from "../../lib/domain/cohorts";
import {
  CLASSIC_MODELS,
  type CurveOverride,
  FAMOUS,
  NAMESPACE_LEVEL,
  REPUBLISHERS,
  TAIL_ORIGINAL_NAMES,
  TAIL_SUFFIXES,
} from "./catalog";
import { Rng } from "./prng";
import { familyReleaseDate } from "./release-dates";

export const DEMO_GENERATOR_VERSION = "1.0.0";
export const DEMO_SEED = 20_251_203;
export const DEMO_FIRST_DATE = "2024-07-07";
export const DEMO_LAST_DATE = "2026-11-22";
export const HUB_PLACEHOLDER = HUB_PLACEHOLDER_CREATED_AT;
/** Model ids tracked by the ATOM Project (data/atom-model-ids.txt) and their sizes in billions. */
const ATOM_MODEL_IDS = readFileSync(new URL("./data/atom-model-ids.txt", import.meta.url), "utf8");
const ATOM_PARAMETERS_B = readFileSync(new URL("./data/atom-parameters-b.txt", import.meta.url), "utf8");

export type DemoDataset = {
  seed: number;
  generator: string;
  dates: string[];
  models: DemoModel[];
  /** snapshots[i] are the rows of dates[i], ordered by model index */
  snapshots: DemoSnapshot[][];
};

type Spec = {
  model: DemoModel;
  /** True creation, in days since 1970-01-01 (fractional: time of day) */
  born: number;
  level: number;
  longRun: number;
  tau: number;
  ramp: number;
  hype: number;
  noise: number;
};

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const REF_DAY = dayOf("2025-06-01");
const SIM_FLOOR = dayOf("2018-06-01");
const HUB_GROWTH_PER_YEAR = 1.5;
const TAIL_USERS = 420;
/** Median launch level (millions per 30 days, at the Hub's mid-2025 size) of a tail model. */
const TAIL_LEVEL = 0.12;
/** ATOM-listed models launching below 2,500 downloads per 30 days are left out. */
const MIN_ATOM_LEVEL = 0.0025;

/** Every Sunday from DEMO_FIRST_DATE to DEMO_LAST_DATE. */
export function demoDates(): string[] {
  const out: string[] = [];
  for (let d = dayOf(DEMO_FIRST_DATE); d <= dayOf(DEMO_LAST_DATE); d += 7) out.push(isoOfDay(d));
  return out;
}

export function generateDemoDataset(seed = DEMO_SEED): DemoDataset {
  const specs = buildPopulation(seed);
  const dates = demoDates();
  const dateDays = dates.map(dayOf);
  const snapshots: DemoSnapshot[][] = dates.map(() => []);
  specs.forEach((spec, index) => {
    simulate(seed, spec, index, dateDays, snapshots);
  });
  return { seed, generator: DEMO_GENERATOR_VERSION, dates, models: specs.map((s) => s.model), snapshots };
}

// ---------------------------------------------------------------------------------------------
// Population

function buildPopulation(seed: number): Spec[] {
  const last = dayOf(DEMO_LAST_DATE);
  const specs: Spec[] = [];
  const byId = new Map<string, Spec>();
  const add = (spec: Spec) => {
    if (byId.has(spec.model.hubId) || spec.born >= last) return;
    byId.set(spec.model.hubId, spec);
    specs.push(spec);
  };

  for (const m of CLASSIC_MODELS) {
    const rng = new Rng(`${seed}:classic:${m.id}`);
    const placeholder = m.created.startsWith("P:");
    const born = placeholder
      ? dayOf(`${m.created.slice(2)}-06-01`) + rng.uniform(-150, 150)
      : dayOf(m.created) + rng.uniform(0.3, 0.95);
    add({
      model: {
        hubId: m.id,
        createdAt: placeholder ? HUB_PLACEHOLDER : new Date(born * DAY_MS).toISOString(),
        pipelineTag: m.pipeline,
        libraryName: m.library,
        license: m.license,
        gated: m.gated ?? false,
        parameters: m.params !== undefined ? Math.round(m.params) : null,
        baseModels: m.base ? [m.base] : [],
        baseRelation: m.relation ?? null,
      },
      born,
      level: m.level * rng.lognormal(0.05),
      longRun: m.longRun ?? 1,
      tau: m.tau ?? 200,
      ramp: m.ramp ?? 10,
      hype: m.hype ?? 1,
      noise: 0.06,
    });
  }

  const params = parseAtomParameters();
  for (const hubId of atomModelIds()) {
    const release = familyReleaseDate(hubId);
    if (!release) continue;
    const rng = new Rng(`${seed}:atom:${hubId}`);
    const born = release.placeholder
      ? dayOf(release.date) + rng.uniform(-150, 150)
      : dayOf(release.date) + rng.uniform(0.3, 0.95);
    const namespace = hubId.split("/")[0] as string;
    const name = hubId.slice(namespace.length + 1);
    const famous: CurveOverride | undefined = FAMOUS[hubId];
    const level = famous
      ? famous.level * rng.lognormal(0.08)
      : (NAMESPACE_LEVEL[namespace] ?? 0.01) * nameFactor(name) * rng.lognormal(0.7);
    // The crawl's long tail of barely downloaded checkpoints adds rows, not insight.
    if (level < MIN_ATOM_LEVEL) continue;
    const kind = classify(hubId);
    add({
      model: {
        hubId,
        createdAt: release.placeholder ? HUB_PLACEHOLDER : new Date(born * DAY_MS).toISOString(),
        pipelineTag: kind.pipeline,
        libraryName: kind.library,
        license: licenseOf(hubId),
        gated: gatedOf(hubId),
        parameters: params.get(hubId) ?? parametersFromName(name),
        baseModels: [],
        baseRelation: null,
      },
      born,
      level,
      longRun: famous?.longRun ?? rng.uniform(0.2, 0.8),
      tau: famous?.tau ?? rng.uniform(60, 160),
      ramp: famous?.ramp ?? rng.uniform(4, 12),
      hype: famous?.hype ?? rng.uniform(0.5, 2),
      noise: level > 0.5 ? 0.08 : 0.14,
    });
  }

  linkSameLabBases(specs, byId);
  linkCrossLabBases(byId);
  addRepublished(seed, specs, add);
  addLongTail(seed, specs, add);
  return specs;
}

function atomModelIds(): string[] {
  const ids: string[] = [];
  for (const line of ATOM_MODEL_IDS.trim().split("\n")) {
    const [namespace, rest] = line.split(": ");
    if (!namespace || !rest) continue;
    for (const name of rest.split(" ")) if (name) ids.push(`${namespace}/${name}`);
  }
  return ids;
}

function parseAtomParameters(): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of ATOM_PARAMETERS_B.trim().split("\n")) {
    const [id, billions] = line.split(" ");
    const b = Number(billions);
    if (id && Number.isFinite(b) && b > 0) out.set(id, Math.round(b * 1e9));
  }
  return out;
}

/** Parameters from a size in the name: 7B, 1.5B, 1_8B, 270m, 8x7B, 30B-A3B (total). */
export function parametersFromName(name: string): number | null {
  const moe = /(?:^|[-_.])(\d+)x(\d+(?:\.\d+)?)B(?![a-z])/i.exec(name);
  if (moe) return Math.round(Number(moe[1]) * Number(moe[2]) * 1e9);
  const m = /(?:^|[-_.])(\d+(?:[._]\d+)?)([BbMm])(?![a-zA-Z])/.exec(name);
  if (!m?.[1] || !m[2]) return null;
  const value = Number(m[1].replace("_", "."));
  if (!Number.isFinite(value) || value <= 0) return null;
  return Math.round(value * (m[2].toLowerCase() === "b" ? 1e9 : 1e6));
}

const QUANT_SUFFIX =
  /-(FP8(-Block|-dynamic)?|fp8|NVFP4(-DFlash|-DSpark)?|MXFP8|FP4-DFlash|fp4|W4A16|w4a16|INT4|int4|Int4|Int8|int8|4bit|8bit|bf16|BF16|GGUF|AWQ|GPTQ|gptq-int4|4bit-awq|4bit-gptq|unquantized|qat-[a-z0-9_-]+|mlx|ONNX|ov)$/;

/** Launch-level multiplier from a model's name: size, variant, checkpoint. */
function nameFactor(name: string): number {
  let f = 1;
  const lower = name.toLowerCase();
  if (QUANT_SUFFIX.test(name) || /-(fp8|nvfp4|int4|awq|gptq|gguf)(-|$)/i.test(name)) f *= 0.15;
  if (/(-base|-pt|pretrain|-base-)/i.test(name)) f *= 0.35;
  if (
    /(preview|checkpoint|ckpt|intermediate|steps|unsharded|pre-anneal|-rm$|-prm|reward|genrm|tokenizer|random|dev$)/i.test(
      lower,
    )
  )
    f *= 0.25;
  const params = parametersFromName(name);
  if (params !== null) {
    const b = params / 1e9;
    f *= b <= 2 ? 1.3 : b <= 9 ? 1 : b <= 20 ? 0.5 : b <= 40 ? 0.35 : b <= 100 ? 0.2 : 0.08;
  }
  return f;
}

export type ModelKind = { pipeline: string; library: string };

/** Pipeline tag and library guessed from a model's name (for models not described by hand). */
export function classify(hubId: string): ModelKind {
  const name = hubId.split("/")[1] ?? hubId;
  if (/GGUF|gguf/.test(name)) return { pipeline: "text-generation", library: "gguf" };
  if (/embed|Embedding|bge-|e5-|MiniLM|mpnet|gte-|arctic-embed|VisRAG-Ret/i.test(name))
    return { pipeline: "feature-extraction", library: "sentence-transformers" };
  if (/rerank|Reranker|ms-marco/i.test(name))
    return { pipeline: "text-ranking", library: "sentence-transformers" };
  if (/whisper|parakeet|ASR|speech|wav2vec|ForcedAligner|Audio|UniAudio|MingTok-Audio/i.test(name))
    return { pipeline: "automatic-speech-recognition", library: "transformers" };
  if (/TTS|VoxCPM|chattts|voice/i.test(name)) return { pipeline: "text-to-speech", library: "transformers" };
  if (/FLUX|stable-diffusion|CogView|VisCPM-Paint|Kolors|HiDream/i.test(name))
    return { pipeline: "text-to-image", library: "diffusers" };
  if (/CogVideoX|Matrix-Game|Hunyuan3D/i.test(name))
    return { pipeline: "text-to-video", library: "diffusers" };
  if (/MambaVision|resnet|vit-|dinov2|mobilenet/i.test(name))
    return { pipeline: "image-classification", library: "transformers" };
  if (
    /VL|vl2|Vision|vision|llava|LLaVA|InternVL|Molmo|paligemma|Florence|moondream|OCR|ocr|Ovis|MiniCPM-V|MiniCPM-o|Llama3-V|Janus|cogvlm|CogVLM|CogAgent|cogagent|Omni|SmolVLM|SmolDocling|docling|Pixtral|pixtral|dots|MinerU|Qianfan|QVQ|glm-4v|BAGEL|UI-TARS|Eagle|NVLM|Cosmos|chameleon|xcomposer|kosmos|blip|maira|udop|Penguin|POINTS|OmniLMM|RLAIF-V|RLHF-V|openvla|MolmoAct|Fara|UI-Venus|ViLaSR|ZwZ|SAIL|Skywork-R1V|R1V|WebVIA|UI2Code|Glyph|VINCIE|AutoGLM|androidgen/.test(
      name,
    )
  )
    return { pipeline: "image-text-to-text", library: "transformers" };
  if (/(-RM|-PRM|Reward|reward|GenRM|classifier)/.test(name))
    return { pipeline: "text-classification", library: "transformers" };
  if (/t5gemma|glm-roberta|nemo-megatron-(mt5|t5)/i.test(name))
    return { pipeline: "text2text-generation", library: "transformers" };
  return { pipeline: "text-generation", library: "transformers" };
}

function licenseOf(hubId: string): string {
  const [ns, name = ""] = hubId.split("/");
  switch (ns) {
    case "meta-llama": {
      const v = /Llama-(\d(?:\.\d)?)/.exec(name)?.[1] ?? (name.startsWith("CodeLlama") ? "2" : "3");
      return v === "2" ? "llama2" : v.startsWith("4") ? "llama4" : `llama${v.startsWith("3") ? v : "3"}`;
    }
    case "google":
      return /gemma/i.test(name) ? "gemma" : "apache-2.0";
    case "deepseek-ai":
      return /^(deepseek-(llm|coder|moe|math|vl)|DeepSeek-V2|DeepSeek-Coder-V2)/.test(name) ? "other" : "mit";
    case "Qwen":
      return /-(3B|72B)/.test(name) && !/Qwen3/.test(name) ? "other" : "apache-2.0";
    case "microsoft":
    case "MiniMaxAI":
    case "XiaomiMiMo":
      return "mit";
    case "nvidia":
    case "tencent":
    case "moonshotai":
    case "baichuan-inc":
    case "Skywork":
      return "other";
    case "zai-org":
      return /GLM-4\.[5-9]|GLM-5/.test(name) ? "mit" : "other";
    case "allenai":
    case "ibm-granite":
    case "mistralai":
    case "openai":
      return "apache-2.0";
    default:
      return "apache-2.0";
  }
}

function gatedOf(hubId: string): boolean {
  const [ns, name = ""] = hubId.split("/");
  if (ns === "meta-llama") return true;
  if (ns === "google") return /gemma/i.test(name);
  if (ns === "mistralai") return /Large|Codestral|Ministral-8B|Pixtral-Large/.test(name);
  return false;
}

/** X-FP8 quantizes X; X-Instruct (-it, -Chat, -chat-hf) fine-tunes X, X-Base or X-pt. */
function linkSameLabBases(specs: Spec[], byId: Map<string, Spec>): void {
  for (const spec of specs) {
    const m = spec.model;
    if (m.baseModels.length > 0) continue;
    const ns = m.hubId.split("/")[0] as string;
    const name = m.hubId.slice(ns.length + 1);
    const quant = QUANT_SUFFIX.exec(name);
    if (quant) {
      const base = `${ns}/${name.slice(0, quant.index)}`;
      const b = byId.get(base);
      if (b && b.born <= spec.born + 2) {
        m.baseModels = [base];
        m.baseRelation = "quantized";
        continue;
      }
    }
    const tuned = /^(.*?)-(Instruct|instruct|it|Chat|chat|chat-hf|SFT|DPO|Thinking|Reasoning)(-.*)?$/.exec(
      name,
    );
    if (tuned?.[1]) {
      const stem = tuned[1];
      for (const candidate of [stem, `${stem}-Base`, `${stem}-base`, `${stem}-pt`, `${stem}-hf`]) {
        const base = `${ns}/${candidate}`;
        if (base === m.hubId) continue;
        const b = byId.get(base);
        if (b && b.born <= spec.born + 2) {
          m.baseModels = [base];
          m.baseRelation = "finetune";
          break;
        }
      }
    }
  }
}

/** Derivatives across labs that the Hub records (distillations, Nemotron on Llama, Tulu…). */
const CROSS_BASES: [RegExp, string][] = [
  [/^deepseek-ai\/DeepSeek-R1-Distill-Qwen-(1\.5|7)B$/, "Qwen/Qwen2.5-Math-$1B"],
  [/^deepseek-ai\/DeepSeek-R1-Distill-Qwen-(14|32)B$/, "Qwen/Qwen2.5-$1B"],
  [/^deepseek-ai\/DeepSeek-R1-Distill-Llama-8B$/, "meta-llama/Llama-3.1-8B"],
  [/^deepseek-ai\/DeepSeek-R1-Distill-Llama-70B$/, "meta-llama/Llama-3.3-70B-Instruct"],
  [/^deepseek-ai\/DeepSeek-R1-0528-Qwen3-8B$/, "Qwen/Qwen3-8B-Base"],
  [/^allenai\/Llama-3\.1-Tulu-3-(8|70|405)B/, "meta-llama/Llama-3.1-$1B"],
  [/^nvidia\/Llama-3\.1-Nemotron-70B/, "meta-llama/Llama-3.1-70B-Instruct"],
  [/^nvidia\/Llama-3_3-Nemotron-Super-49B/, "meta-llama/Llama-3.3-70B-Instruct"],
  [/^nvidia\/Llama-3_1-Nemotron-Ultra/, "meta-llama/Llama-3.1-405B-Instruct"],
  [/^nvidia\/Llama-3\.1-Nemotron-Nano-8B/, "meta-llama/Llama-3.1-8B-Instruct"],
  [/^nvidia\/OpenMath-Mistral-7B/, "mistralai/Mistral-7B-v0.1"],
  [
    /^nvidia\/(OpenMath|OpenCodeReasoning|OpenReasoning|AceReason)-Nemotron-(1\.1-)?(7|14|32)B/,
    "Qwen/Qwen2.5-$3B",
  ],
  [/^nvidia\/AceInstruct-(7|72)B/, "Qwen/Qwen2.5-$1B"],
  [/^nvidia\/Nemotron-Research-Reasoning-Qwen-1\.5B/, "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B"],
  [/^nvidia\/Kimi-K2-Thinking-Eagle3/, "moonshotai/Kimi-K2-Thinking"],
  [/^nvidia\/gpt-oss-120b-Eagle3/, "openai/gpt-oss-120b"],
  [/^Snowflake\/Llama-3\.1-SwiftKV-8B/, "meta-llama/Llama-3.1-8B-Instruct"],
  [/^Snowflake\/Llama-3\.3-SwiftKV-70B/, "meta-llama/Llama-3.3-70B-Instruct"],
  [/^Skywork\/Skywork-o1-Open-Llama-3\.1-8B/, "meta-llama/Llama-3.1-8B-Instruct"],
  [/^Skywork\/Skywork-OR1-(7B|32B)/, "deepseek-ai/DeepSeek-R1-Distill-Qwen-$1"],
  [/^internlm\/OREAL-DeepSeek-R1-Distill-Qwen-7B/, "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B"],
  [/^llava-hf\/llava-onevision-qwen2-(0\.5|7)b/, "Qwen/Qwen2-$1B-Instruct"],
  [/^llava-hf\/llava-interleave-qwen-(0\.5|7)b/, "Qwen/Qwen1.5-$1B-Chat"],
  [/^OpenGVLab\/InternVL3_5-GPT-OSS-20B/, "openai/gpt-oss-20b"],
  [/^AIDC-AI\/Ovis1\.6-Gemma2-9B/, "google/gemma-2-9b-it"],
  [/^AIDC-AI\/Ovis2\.5-9B/, "Qwen/Qwen3-8B"],
  [/^typhoon-ai\/typhoon2\.1-gemma3-(4|12)b/, "google/gemma-3-$1b-it"],
  [/^typhoon-ai\/llama-3-typhoon-v1\.5-8b/, "meta-llama/Meta-Llama-3-8B"],
  [/^openbmb\/RLPR-Qwen2\.5-7B-Base/, "Qwen/Qwen2.5-7B"],
  [/^openbmb\/MiniCPM-Llama3-V-2_5/, "meta-llama/Meta-Llama-3-8B-Instruct"],
  [/^arcee-ai\/Arcee-Spark/, "Qwen/Qwen2-7B"],
  [/^OpenHands\/openhands-lm-32b/, "Qwen/Qwen2.5-Coder-32B-Instruct"],
  [/^docling-project\/SmolDocling-256M/, "HuggingFaceTB/SmolVLM-256M-Instruct"],
];

function linkCrossLabBases(byId: Map<string, Spec>): void {
  for (const spec of byId.values()) {
    if (spec.model.baseModels.length > 0) continue;
    for (const [re, target] of CROSS_BASES) {
      const match = re.exec(spec.model.hubId);
      if (!match) continue;
      spec.model.baseModels = [target.replace(/\$(\d)/g, (_, i: string) => match[Number(i)] ?? "")];
      spec.model.baseRelation = "finetune";
      break;
    }
  }
}

/** The launch-shape multiplier at `age` days (ramp, then drift towards longRun). */
function shape(spec: Pick<Spec, "ramp" | "longRun" | "tau">, age: number): number {
  if (age < 0) return 0;
  const ramp = Math.min(1, (age + 1) / spec.ramp);
  return ramp * (spec.longRun + (1 - spec.longRun) * Math.exp(-age / spec.tau));
}

function hub(day: number): number {
  return HUB_GROWTH_PER_YEAR ** ((Math.max(day, SIM_FLOOR) - REF_DAY) / 365);
}

/** Expected trailing-30-day downloads (millions) at `day`, without noise. */
function expectedLevel(spec: Spec, day: number): number {
  return spec.level * shape(spec, day - spec.born) * hub(day);
}

/**
 * Third-party re-uploads draw less of a model's audience once labs ship their own quantized
 * builds (FP8, GGUF, MLX) at launch: from mid-2025 their share halves every year.
 */
function republishDecline(day: number): number {
  return 0.5 ** (Math.max(0, day - dayOf("2025-06-01")) / 365);
}

function addRepublished(seed: number, specs: Spec[], add: (s: Spec) => void): void {
  const originals = specs.filter(
    (s) =>
      (s.model.pipelineTag === "text-generation" || s.model.pipelineTag === "image-text-to-text") &&
      s.model.baseRelation !== "quantized" &&
      s.model.libraryName === "transformers" &&
      s.level >= 1,
  );
  for (const rep of REPUBLISHERS) {
    const from = dayOf(rep.from);
    const to = rep.to ? dayOf(rep.to) : Number.POSITIVE_INFINITY;
    for (const orig of originals) {
      const rng = new Rng(`${seed}:republish:${rep.namespace}:${orig.model.hubId}`);
      const born = orig.born + rng.uniform(rep.lag[0], rep.lag[1] + 1);
      if (born < from || born > to) continue;
      const sizeB = (orig.model.parameters ?? 7e9) / 1e9;
      if (rep.maxParamsB !== undefined && sizeB > rep.maxParamsB) continue;
      if (sizeB > 150 && rep.namespace !== "unsloth" && rep.namespace !== "bartowski") continue;
      const name = orig.model.hubId.split("/")[1] as string;
      for (const [suffix, relation, share, probability] of rep.forms) {
        if (!rng.chance(probability * Math.min(1, orig.level / 2))) continue;
        const level = orig.level * share * republishDecline(born) * rng.lognormal(0.5);
        const library = suffix.includes("GGUF") ? "gguf" : (rep.library ?? "transformers");
        add({
          model: {
            hubId: `${rep.namespace}/${name}${suffix}`,
            createdAt: new Date(born * DAY_MS).toISOString(),
            pipelineTag: orig.model.pipelineTag,
            libraryName: library,
            license: orig.model.license,
            gated: false,
            parameters: orig.model.parameters,
            baseModels: [orig.model.hubId],
            baseRelation: relation,
          },
          born: born + rng.uniform(0, 0.5),
          level,
          longRun: Math.min(1.2, orig.longRun * rng.uniform(0.6, 1)),
          tau: orig.tau * rng.uniform(0.6, 1),
          ramp: rng.uniform(2, 6),
          hype: rng.uniform(0.1, 0.4),
          noise: 0.15,
        });
      }
    }
  }
}

function addLongTail(seed: number, specs: Spec[], add: (s: Spec) => void): void {
  const textBases = specs.filter(
    (s) =>
      s.model.pipelineTag === "text-generation" &&
      s.model.libraryName === "transformers" &&
      s.model.baseRelation !== "quantized" &&
      !s.model.hubId.startsWith("unsloth/") &&
      (s.model.parameters ?? 7e9) <= 80e9 &&
      s.level >= 0.05,
  );
  const encoderBases = specs.filter(
    (s) =>
      /^(google-bert|FacebookAI|distilbert|sentence-transformers|BAAI|intfloat|answerdotai|Alibaba-NLP|nomic-ai)\//.test(
        s.model.hubId,
      ) && s.level >= 1,
  );
  const start = dayOf("2023-03-01");
  const end = dayOf(DEMO_LAST_DATE) - 3;
  for (let u = 1; u <= TAIL_USERS; u++) {
    const user = `demo-user-${String(u).padStart(4, "0")}`;
    const rng = new Rng(`${seed}:tail:${user}`);
    const count = 1 + Math.floor(-Math.log(1 - rng.next()) * 1.4);
    // Slightly fewer users start later (with the deflation above, the tail's share stays steady).
    const first = start + (end - start) * rng.next() ** 1.3;
    for (let k = 0; k < count; k++) {
      const born = Math.min(end, first + rng.uniform(0, 200)) + rng.next();
      const roll = rng.next();
      // The Hub's growth in the tail goes into more models, which a fixed-size sample cannot
      // show: tail levels are deflated by the Hub's size when they appear.
      const level = (TAIL_LEVEL * rng.lognormal(1.3)) / hub(born);
      const common = { born, level, longRun: rng.uniform(0.2, 0.9), tau: rng.uniform(40, 200) };
      const curve = { ramp: rng.uniform(1, 5), hype: rng.uniform(0.3, 1.5), noise: 0.35 };
      const created = new Date(born * DAY_MS).toISOString();
      if (roll < 0.06) {
        const name = `${rng.pick(TAIL_ORIGINAL_NAMES)}-v${rng.int(1, 4)}`;
        const kind = /image/.test(name)
          ? "image-classification"
          : /speech/.test(name)
            ? "audio-classification"
            : "text-classification";
        add({
          model: tailModel(`${user}/${name}`, created, kind, "transformers", [], null, rng),
          ...common,
          ...curve,
        });
        continue;
      }
      if (roll < 0.16 && encoderBases.length > 0) {
        const base = pickBase(rng, encoderBases, born);
        if (!base) continue;
        const baseName = base.model.hubId.split("/")[1] as string;
        const st = base.model.libraryName === "sentence-transformers";
        const suffix = st
          ? rng.pick(["finetuned-legal", "matryoshka", "nli", "quora", "msmarco"])
          : rng.pick(["imdb", "sst2", "ner-conll", "emotion", "squad"]);
        add({
          model: tailModel(
            `${user}/${baseName}-${suffix}`,
            created,
            st
              ? base.model.pipelineTag
              : suffix.startsWith("ner")
                ? "token-classification"
                : "text-classification",
            base.model.libraryName,
            [base.model.hubId],
            "finetune",
            rng,
            base.model.parameters,
          ),
          ...common,
          ...curve,
        });
        continue;
      }
      const base = pickBase(rng, textBases, born);
      if (!base) continue;
      const baseName = (base.model.hubId.split("/")[1] as string).replace(/^Meta-/, "");
      /** A text-generation derivative of `base` (its name drawn before its licence). */
      const derive = (
        name: string,
        library: string,
        relation: BaseRelationName,
        parameters = base.model.parameters,
        baseModels = [base.model.hubId],
      ) =>
        add({
          model: tailModel(
            `${user}/${baseName}-${name}`,
            created,
            "text-generation",
            library,
            baseModels,
            relation,
            rng,
            parameters,
          ),
          ...common,
          ...curve,
        });
      if (roll < 0.66) {
        derive(rng.pick(TAIL_SUFFIXES), "transformers", "finetune");
      } else if (roll < 0.8) {
        derive(`lora-${rng.pick(TAIL_SUFFIXES)}`, "peft", "adapter", null);
      } else if (roll < 0.9) {
        const other = pickBase(rng, textBases, born);
        const second = other && other !== base ? [other.model.hubId] : [];
        derive(
          `${rng.pick(["slerp", "ties", "dare-ties", "passthrough"])}-merge`,
          "transformers",
          "merge",
          base.model.parameters,
          [base.model.hubId, ...second],
        );
      } else {
        derive(`${rng.pick(["Q4_K_M", "Q8_0", "IQ4_XS"])}-GGUF`, "gguf", "quantized");
      }
    }
  }
}

function tailModel(
  hubId: string,
  createdAt: string,
  pipelineTag: string | null,
  libraryName: string | null,
  baseModels: string[],
  baseRelation: BaseRelationName | null,
  rng: Rng,
  parameters: number | null = null,
): DemoModel {
  return {
    hubId,
    createdAt,
    pipelineTag,
    libraryName,
    license: rng.pick(["apache-2.0", "apache-2.0", "mit", "cc-by-nc-4.0", "other"]),
    gated: false,
    parameters,
    baseModels,
    baseRelation,
  };
}

/** A base that exists at `day`, weighted by its expected popularity then (fine-tunes follow fashion). */
function pickBase(rng: Rng, pool: Spec[], day: number): Spec | null {
  const alive = pool.filter((s) => s.born < day - 3);
  if (alive.length === 0) return null;
  return rng.weighted(alive, (s) => expectedLevel(s, day) ** 0.85);
}

// ---------------------------------------------------------------------------------------------
// Downloads

function season(day: number): number {
  const d = new Date(day * DAY_MS);
  const doy =
    (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) /
    DAY_MS;
  const x = (Math.min(Math.abs(doy - 358), Math.abs(doy + 7)) / 7) ** 2;
  return 1 - 0.12 * Math.exp(-x);
}

function simulate(seed: number, spec: Spec, index: number, dateDays: number[], out: DemoSnapshot[][]): void {
  const rng = new Rng(`${seed}:downloads:${spec.model.hubId}`);
  const bornDay = Math.floor(spec.born);
  const lastDay = dateDays[dateDays.length - 1] as number;
  const start = Math.max(bornDay, SIM_FLOOR);
  const ring = new Float64Array(30);
  let rolling = 0;
  let allTime = 0;
  let noise = 0;
  let week = Math.floor(start / 7);
  let next = dateDays.findIndex((d) => d > spec.born);
  if (next < 0) return;
  const perDay = (spec.level * 1e6) / 30;
  for (let day = start; day < lastDay; day++) {
    const w = Math.floor(day / 7);
    if (w !== week || day === start) {
      noise = 0.5 * noise + spec.noise * rng.normal();
      week = w;
    }
    // The creation day counts only from the creation time on.
    const fraction = day === bornDay ? 1 - (spec.born - bornDay) : 1;
    const expected =
      perDay * shape(spec, day - spec.born) * hub(day) * season(day) * Math.exp(noise) * fraction;
    const n = Math.floor(expected + rng.next());
    allTime += n;
    const slot = day % 30;
    rolling += n - (ring[slot] as number);
    ring[slot] = n;
    while (next < dateDays.length && (dateDays[next] as number) === day + 1) {
      out[next]?.push({
        model: index,
        downloads: Math.round(rolling),
        downloadsAllTime: allTime,
        likes: Math.floor(0.05 * spec.hype * Math.sqrt(allTime)),
      });
      next++;
    }
  }
}
