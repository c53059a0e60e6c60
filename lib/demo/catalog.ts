/**
 * Hand-written inputs of the demo generator: well-known models outside the ATOM list, download
 * levels of famous models, per-namespace popularity, re-publishers and the long tail's vocabulary.
 * Every number here is an assumption for DEMO data (see the block at the top of generate.ts); the
 * levels are orders of magnitude seen on the Hub, not measurements.
 *
 * Units: `level` is the trailing-30-day download count a model reaches after its launch ramp, in
 * millions, at the Hub's mid-2025 size (the generator scales it by Hub growth over time).
 * `longRun` is where the launch level drifts to (0.3 = falls to 30 %, 1.5 = keeps growing),
 * `tau` how fast, in days. `hype` scales likes.
 */

export type CurveOverride = { level: number; longRun?: number; tau?: number; ramp?: number; hype?: number };

/** A model described by hand: Hub id, creation ("P:YYYY" = before the Hub stored dates). */
export type ClassicModel = CurveOverride & {
  id: string;
  created: string;
  pipeline: string;
  library: string;
  license: string;
  params?: number;
  gated?: boolean;
  base?: string;
  relation?: "finetune" | "adapter" | "quantized" | "merge";
};

const c = (
  id: string,
  created: string,
  pipeline: string,
  library: string,
  license: string,
  level: number,
  extra: Partial<ClassicModel> = {},
): ClassicModel => ({ id, created, pipeline, library, license, level, longRun: 1, tau: 200, ...extra });

const ST = "sentence-transformers";
const TF = "transformers";

/** Long-lived workhorses and well-known models that the ATOM list (LLM labs) does not cover. */
export const CLASSIC_MODELS: ClassicModel[] = [
  c("sentence-transformers/all-MiniLM-L6-v2", "P:2021", "sentence-similarity", ST, "apache-2.0", 85, {
    params: 22.7e6,
  }),
  c("google-bert/bert-base-uncased", "P:2018", "fill-mask", TF, "apache-2.0", 58, {
    params: 110e6,
  }),
  c("openai/clip-vit-large-patch14", "P:2021", "zero-shot-image-classification", TF, "other", 30, {
    params: 428e6,
  }),
  c("sentence-transformers/all-mpnet-base-v2", "P:2021", "sentence-similarity", ST, "apache-2.0", 20, {
    params: 109e6,
  }),
  c("FacebookAI/roberta-large", "P:2019", "fill-mask", TF, "mit", 14, { params: 355e6 }),
  c("FacebookAI/roberta-base", "P:2019", "fill-mask", TF, "mit", 12, { params: 125e6 }),
  c("openai/clip-vit-base-patch32", "P:2021", "zero-shot-image-classification", TF, "other", 14, {
    params: 151e6,
  }),
  c("openai-community/gpt2", "P:2019", "text-generation", TF, "mit", 12, { params: 137e6 }),
  c("FacebookAI/xlm-roberta-base", "P:2019", "fill-mask", TF, "mit", 10, { params: 278e6 }),
  c("FacebookAI/xlm-roberta-large", "P:2019", "fill-mask", TF, "mit", 7, { params: 560e6 }),
  c("distilbert/distilbert-base-uncased", "P:2019", "fill-mask", TF, "apache-2.0", 10, { params: 67e6 }),
  c(
    "sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2",
    "P:2021",
    "sentence-similarity",
    ST,
    "apache-2.0",
    9,
  ),
  c(
    "sentence-transformers/multi-qa-MiniLM-L6-cos-v1",
    "P:2021",
    "sentence-similarity",
    ST,
    "apache-2.0",
    2.5,
  ),
  c("cross-encoder/ms-marco-MiniLM-L-6-v2", "P:2021", "text-ranking", ST, "apache-2.0", 5),
  c("google-t5/t5-small", "P:2019", "translation", TF, "apache-2.0", 4, { params: 60e6 }),
  c("google/vit-base-patch16-224", "P:2021", "image-classification", TF, "apache-2.0", 3),
  c("facebook/bart-large-mnli", "P:2020", "zero-shot-classification", TF, "mit", 4),
  c("facebook/bart-large-cnn", "P:2020", "summarization", TF, "mit", 3),
  c("dslim/bert-base-NER", "P:2020", "token-classification", TF, "mit", 2),
  c("j-hartmann/emotion-english-distilroberta-base", "P:2021", "text-classification", TF, "other", 1),
  c(
    "jonatasgrosman/wav2vec2-large-xlsr-53-english",
    "P:2021",
    "automatic-speech-recognition",
    TF,
    "apache-2.0",
    3,
  ),
  c("MIT/ast-finetuned-audioset-10-10-0.4593", "P:2021", "audio-classification", TF, "bsd-3-clause", 2),
  c("ProsusAI/finbert", "P:2020", "text-classification", TF, "other", 1),
  c("nlptown/bert-base-multilingual-uncased-sentiment", "P:2020", "text-classification", TF, "mit", 1),
  c("Helsinki-NLP/opus-mt-en-de", "P:2020", "translation", TF, "cc-by-4.0", 1),
  c("Helsinki-NLP/opus-mt-zh-en", "P:2020", "translation", TF, "cc-by-4.0", 0.6),
  c("deepset/roberta-base-squad2", "P:2020", "question-answering", TF, "cc-by-4.0", 1),
  c("microsoft/resnet-50", "2022-03-16", "image-classification", TF, "apache-2.0", 3),
  c(
    "cardiffnlp/twitter-roberta-base-sentiment-latest",
    "2022-03-15",
    "text-classification",
    TF,
    "cc-by-4.0",
    3,
  ),
  c("bigscience/bloom-560m", "2022-05-19", "text-generation", TF, "bigscience-bloom-rail-1.0", 0.5),
  c("bigscience/bloomz-560m", "2022-10-08", "text-generation", TF, "bigscience-bloom-rail-1.0", 0.3),
  c(
    "laion/CLIP-ViT-H-14-laion2B-s32B-b79K",
    "2022-09-14",
    "zero-shot-image-classification",
    "open_clip",
    "mit",
    2,
  ),
  c("SamLowe/roberta-base-go_emotions", "2022-09-15", "text-classification", TF, "mit", 1),
  c("openai/whisper-small", "2022-09-26", "automatic-speech-recognition", TF, "apache-2.0", 2),
  c(
    "runwayml/stable-diffusion-v1-5",
    "2022-10-20",
    "text-to-image",
    "diffusers",
    "creativeml-openrail-m",
    1.5,
  ),
  c("google/flan-t5-base", "2022-10-21", "text2text-generation", TF, "apache-2.0", 3),
  c("facebook/esm2_t33_650M_UR50D", "2022-11-29", "fill-mask", TF, "mit", 0.8),
  c("timm/mobilenetv3_large_100.ra_in1k", "2022-12-16", "image-classification", "timm", "apache-2.0", 4),
  c("timm/resnet50.a1_in1k", "2023-04-05", "image-classification", "timm", "apache-2.0", 5),
  c("intfloat/e5-base-v2", "2023-05-19", "sentence-similarity", ST, "mit", 1.5),
  c("intfloat/multilingual-e5-large", "2023-06-30", "feature-extraction", ST, "mit", 4),
  c("intfloat/multilingual-e5-small", "2023-06-30", "sentence-similarity", ST, "mit", 2),
  c("facebook/dinov2-base", "2023-07-17", "image-feature-extraction", TF, "apache-2.0", 3),
  c("stabilityai/stable-diffusion-xl-base-1.0", "2023-07-25", "text-to-image", "diffusers", "openrail++", 2),
  c("BAAI/bge-base-en-v1.5", "2023-09-11", "feature-extraction", ST, "mit", 5),
  c("BAAI/bge-small-en-v1.5", "2023-09-12", "feature-extraction", ST, "mit", 6),
  c("BAAI/bge-large-en-v1.5", "2023-09-12", "feature-extraction", ST, "mit", 3),
  c("pyannote/segmentation-3.0", "2023-09-22", "voice-activity-detection", "pyannote-audio", "mit", 12, {
    gated: true,
  }),
  c("jinaai/jina-embeddings-v2-base-en", "2023-10-05", "feature-extraction", ST, "apache-2.0", 1.5),
  c("Falconsai/nsfw_image_detection", "2023-10-13", "image-classification", TF, "apache-2.0", 3),
  c("coqui/XTTS-v2", "2023-10-31", "text-to-speech", "coqui", "other", 1.5),
  c("openai/whisper-large-v3", "2023-11-07", "automatic-speech-recognition", TF, "apache-2.0", 6, {
    params: 1.54e9,
  }),
  c(
    "pyannote/speaker-diarization-3.1",
    "2023-11-16",
    "automatic-speech-recognition",
    "pyannote-audio",
    "mit",
    8,
    {
      gated: true,
    },
  ),
  c(
    "pyannote/wespeaker-voxceleb-resnet34-LM",
    "2023-11-16",
    "audio-classification",
    "pyannote-audio",
    "cc-by-4.0",
    6,
  ),
  c(
    "Systran/faster-whisper-large-v3",
    "2023-11-23",
    "automatic-speech-recognition",
    "ctranslate2",
    "mit",
    1.5,
  ),
  c("Systran/faster-whisper-small", "2023-11-23", "automatic-speech-recognition", "ctranslate2", "mit", 1),
  c("stabilityai/sd-turbo", "2023-11-27", "text-to-image", "diffusers", "other", 0.5),
  c("google/siglip-so400m-patch14-384", "2024-01-08", "zero-shot-image-classification", TF, "apache-2.0", 3, {
    longRun: 1,
  }),
  // From here on: "new" models inside the demo window, with launch curves.
  c("BAAI/bge-m3", "2024-01-27", "sentence-similarity", ST, "mit", 4, { longRun: 1.5, tau: 300 }),
  c("nomic-ai/nomic-embed-text-v1.5", "2024-02-10", "sentence-similarity", ST, "apache-2.0", 3, {
    longRun: 1.2,
    tau: 300,
  }),
  c("amazon/chronos-t5-small", "2024-02-21", "time-series-forecasting", TF, "apache-2.0", 1.5, {
    longRun: 0.8,
  }),
  c("mixedbread-ai/mxbai-embed-large-v1", "2024-03-07", "feature-extraction", ST, "apache-2.0", 2, {
    longRun: 1,
  }),
  c("BAAI/bge-reranker-v2-m3", "2024-03-15", "text-ranking", ST, "apache-2.0", 2, { longRun: 1.4, tau: 300 }),
  c("Alibaba-NLP/gte-large-en-v1.5", "2024-04-20", "sentence-similarity", ST, "apache-2.0", 1, {
    longRun: 1,
  }),
  c("Snowflake/snowflake-arctic-embed-m-v1.5", "2024-07-03", "sentence-similarity", ST, "apache-2.0", 1.5, {
    longRun: 1,
  }),
  c("facebook/sam2-hiera-large", "2024-07-24", "mask-generation", "sam2", "apache-2.0", 0.4, {
    longRun: 0.8,
  }),
  c("Alibaba-NLP/gte-multilingual-base", "2024-07-20", "sentence-similarity", ST, "apache-2.0", 1.5, {
    longRun: 1.3,
  }),
  c("black-forest-labs/FLUX.1-dev", "2024-07-31", "text-to-image", "diffusers", "other", 9, {
    longRun: 0.7,
    gated: true,
    hype: 6,
  }),
  c("black-forest-labs/FLUX.1-schnell", "2024-07-31", "text-to-image", "diffusers", "apache-2.0", 4, {
    longRun: 0.5,
    hype: 4,
  }),
  c(
    "ibm-granite/granite-timeseries-ttm-r2",
    "2024-08-16",
    "time-series-forecasting",
    "granite-tsfm",
    "apache-2.0",
    1.5,
  ),
  c("jinaai/jina-embeddings-v3", "2024-09-05", "feature-extraction", ST, "cc-by-nc-4.0", 7, {
    longRun: 1,
    tau: 300,
  }),
  c("jinaai/jina-reranker-v2-base-multilingual", "2024-06-19", "text-ranking", TF, "cc-by-nc-4.0", 2.5, {
    longRun: 1,
  }),
  c("utter-project/EuroLLM-1.7B-Instruct", "2024-08-06", "text-generation", TF, "apache-2.0", 0.4, {
    longRun: 0.7,
  }),
  c("kyutai/moshiko-pytorch-bf16", "2024-09-16", "text-to-speech", "moshi", "cc-by-4.0", 0.3, {
    longRun: 0.5,
  }),
  c(
    "mobiuslabsgmbh/faster-whisper-large-v3-turbo",
    "2024-10-02",
    "automatic-speech-recognition",
    "ctranslate2",
    "mit",
    3,
    {
      longRun: 1,
    },
  ),
  c("anthracite-org/magnum-v4-12b", "2024-10-20", "text-generation", TF, "apache-2.0", 0.3, {
    longRun: 0.5,
    base: "mistralai/Mistral-Nemo-Instruct-2407",
    relation: "finetune",
  }),
  c("stabilityai/stable-diffusion-3.5-medium", "2024-10-29", "text-to-image", "diffusers", "other", 2, {
    longRun: 0.6,
    gated: true,
  }),
  c("Lightricks/LTX-Video", "2024-11-21", "text-to-video", "diffusers", "other", 4, {
    longRun: 0.8,
    hype: 3,
  }),
  c("utter-project/EuroLLM-9B-Instruct", "2024-12-04", "text-generation", TF, "apache-2.0", 0.5, {
    longRun: 0.7,
  }),
  c("jinaai/jina-clip-v2", "2024-12-05", "feature-extraction", TF, "cc-by-nc-4.0", 2, { longRun: 1 }),
  c("jinaai/ReaderLM-v2", "2025-01-13", "text-generation", TF, "cc-by-nc-4.0", 0.6, { longRun: 0.6 }),
  c("tngtech/DeepSeek-R1T-Chimera", "2025-04-26", "text-generation", TF, "mit", 0.4, {
    longRun: 0.5,
    base: "deepseek-ai/DeepSeek-V3-0324",
    relation: "merge",
  }),
  c(
    "pyannote/speaker-diarization-community-1",
    "2025-09-29",
    "automatic-speech-recognition",
    "pyannote-audio",
    "cc-by-4.0",
    3,
    {
      longRun: 1.2,
      gated: true,
    },
  ),
  // Unattributed namespaces (not in the registry) with real, popular community models.
  c("lllyasviel/Annotators", "2023-03-28", "image-to-image", "diffusers", "other", 3),
  c("h94/IP-Adapter", "2023-08-15", "text-to-image", "diffusers", "apache-2.0", 2),
  c("Gryphe/MythoMax-L2-13b", "2023-08-10", "text-generation", TF, "other", 0.4, {
    base: "meta-llama/Llama-2-13b-hf",
    relation: "merge",
  }),
  c("SG161222/RealVisXL_V4.0", "2024-02-13", "text-to-image", "diffusers", "openrail++", 1.5, {
    longRun: 0.7,
    base: "stabilityai/stable-diffusion-xl-base-1.0",
    relation: "finetune",
  }),
  c("Sao10K/L3-8B-Stheno-v3.2", "2024-06-05", "text-generation", TF, "cc-by-nc-4.0", 0.4, {
    longRun: 0.5,
    base: "meta-llama/Meta-Llama-3-8B-Instruct",
    relation: "finetune",
  }),
  c("XLabs-AI/flux-RealismLora", "2024-08-06", "text-to-image", "diffusers", "other", 0.5, {
    longRun: 0.5,
    base: "black-forest-labs/FLUX.1-dev",
    relation: "adapter",
  }),
  c("city96/FLUX.1-dev-gguf", "2024-08-15", "text-to-image", "gguf", "other", 1.5, {
    longRun: 0.8,
    base: "black-forest-labs/FLUX.1-dev",
    relation: "quantized",
  }),
  c("InstantX/FLUX.1-dev-Controlnet-Union", "2024-08-23", "text-to-image", "diffusers", "other", 0.8, {
    longRun: 0.6,
    base: "black-forest-labs/FLUX.1-dev",
    relation: "finetune",
  }),
  c("Kijai/WanVideo_comfy", "2025-02-26", "text-to-video", "diffusion-single-file", "apache-2.0", 2, {
    longRun: 1.2,
  }),
  c("sesame/csm-1b", "2025-03-13", "text-to-speech", TF, "apache-2.0", 0.5, {
    longRun: 0.5,
    base: "meta-llama/Llama-3.2-1B",
    relation: "finetune",
  }),
  c("canopylabs/orpheus-3b-0.1-ft", "2025-03-18", "text-to-speech", TF, "apache-2.0", 0.5, {
    longRun: 0.5,
    base: "meta-llama/Llama-3.2-3B-Instruct",
    relation: "finetune",
  }),
  c("nari-labs/Dia-1.6B", "2025-04-20", "text-to-speech", "dia", "apache-2.0", 0.6, { longRun: 0.5 }),
  c("ResembleAI/chatterbox", "2025-05-28", "text-to-speech", "chatterbox", "mit", 1, { longRun: 0.9 }),
  c("openai/whisper-large-v3-turbo", "2024-10-01", "automatic-speech-recognition", TF, "mit", 4, {
    longRun: 1.1,
    params: 809e6,
  }),
  c("stabilityai/stable-diffusion-3.5-large", "2024-10-22", "text-to-image", "diffusers", "other", 1, {
    longRun: 0.4,
    gated: true,
  }),
  c(
    "amazon/chronos-bolt-small",
    "2024-11-25",
    "time-series-forecasting",
    "chronos-forecasting",
    "apache-2.0",
    2.5,
  ),
  c("black-forest-labs/FLUX.1-Fill-dev", "2024-11-20", "text-to-image", "diffusers", "other", 1.2, {
    longRun: 0.6,
  }),
  c("answerdotai/ModernBERT-base", "2024-12-19", "fill-mask", TF, "apache-2.0", 1.5, { longRun: 1, hype: 1 }),
  c("hexgrad/Kokoro-82M", "2024-12-25", "text-to-speech", "kokoro", "apache-2.0", 1.5, {
    longRun: 1,
    hype: 2,
  }),
  c("nvidia/parakeet-tdt-0.6b-v2", "2025-05-01", "automatic-speech-recognition", "nemo", "cc-by-4.0", 0.8, {
    longRun: 1,
  }),
  c("black-forest-labs/FLUX.1-Kontext-dev", "2025-05-28", "image-to-image", "diffusers", "other", 2.5, {
    longRun: 0.5,
    gated: true,
  }),
  c("Qwen/Qwen3-Embedding-0.6B", "2025-06-03", "feature-extraction", ST, "apache-2.0", 3, {
    longRun: 1.4,
    tau: 250,
  }),
  c("Qwen/Qwen3-Embedding-8B", "2025-06-03", "feature-extraction", ST, "apache-2.0", 0.6, { longRun: 1 }),
  c("Qwen/Qwen3-Reranker-0.6B", "2025-06-03", "text-ranking", TF, "apache-2.0", 0.8, { longRun: 1 }),
  c("nomic-ai/nomic-embed-text-v2-moe", "2025-02-07", "sentence-similarity", ST, "apache-2.0", 0.8, {
    longRun: 1.1,
  }),
  c("Wan-AI/Wan2.1-T2V-1.3B", "2025-02-25", "text-to-video", "diffusers", "apache-2.0", 1, { longRun: 0.9 }),
  c("mixedbread-ai/mxbai-rerank-large-v2", "2025-03-13", "text-ranking", ST, "apache-2.0", 0.6, {
    longRun: 1,
  }),
  c("jinaai/jina-embeddings-v4", "2025-06-24", "visual-document-retrieval", ST, "other", 1.5, {
    longRun: 1.2,
  }),
  c("black-forest-labs/FLUX.1-Krea-dev", "2025-07-30", "text-to-image", "diffusers", "other", 1, {
    longRun: 0.6,
    gated: true,
  }),
  c("Wan-AI/Wan2.2-T2V-A14B", "2025-07-28", "text-to-video", "diffusers", "apache-2.0", 1.5, {
    longRun: 0.9,
  }),
  c("Qwen/Qwen-Image", "2025-08-02", "text-to-image", "diffusers", "apache-2.0", 2.5, {
    longRun: 0.9,
    hype: 3,
  }),
  c("nvidia/parakeet-tdt-0.6b-v3", "2025-08-14", "automatic-speech-recognition", "nemo", "cc-by-4.0", 2.5, {
    longRun: 1.2,
  }),
  c("facebook/dinov3-vitb16-pretrain-lvd1689m", "2025-08-14", "image-feature-extraction", TF, "other", 1.5, {
    longRun: 1.2,
    gated: true,
  }),
  c("ibm-granite/granite-embedding-english-r2", "2025-08-15", "sentence-similarity", ST, "apache-2.0", 1, {
    longRun: 1.2,
  }),
  c("Qwen/Qwen-Image-Edit", "2025-08-18", "image-to-image", "diffusers", "apache-2.0", 1.5, { longRun: 0.8 }),
  c("microsoft/VibeVoice-1.5B", "2025-08-25", "text-to-speech", TF, "mit", 1, { longRun: 0.6, hype: 3 }),
  c("google/embeddinggemma-300m", "2025-09-04", "sentence-similarity", ST, "gemma", 1.5, {
    longRun: 1.2,
    gated: true,
  }),
];

/** Launch levels (and shapes) of famous ATOM-listed models, overriding the namespace default. */
export const FAMOUS: Record<string, CurveOverride> = {
  // China
  "Qwen/Qwen2.5-7B-Instruct": { level: 7, longRun: 1.3, tau: 240, hype: 2 },
  "Qwen/Qwen2.5-1.5B-Instruct": { level: 6, longRun: 1.4, tau: 240 },
  "Qwen/Qwen2.5-0.5B-Instruct": { level: 4, longRun: 1.3, tau: 240 },
  "Qwen/Qwen2.5-3B-Instruct": { level: 3, longRun: 1.2, tau: 240 },
  "Qwen/Qwen2.5-7B": { level: 2, longRun: 1.4, tau: 240 },
  "Qwen/Qwen2.5-1.5B": { level: 1.5, longRun: 1.4 },
  "Qwen/Qwen2.5-0.5B": { level: 1.5, longRun: 1.4 },
  "Qwen/Qwen2.5-14B-Instruct": { level: 1.5, longRun: 1 },
  "Qwen/Qwen2.5-32B-Instruct": { level: 1.5, longRun: 1 },
  "Qwen/Qwen2.5-72B-Instruct": { level: 1.2, longRun: 0.8 },
  "Qwen/Qwen2.5-Coder-7B-Instruct": { level: 1.5, longRun: 1 },
  "Qwen/Qwen2.5-Coder-32B-Instruct": { level: 1.5, longRun: 0.8, hype: 3 },
  "Qwen/Qwen2.5-Coder-1.5B-Instruct": { level: 1.2, longRun: 1 },
  "Qwen/Qwen2.5-Math-1.5B": { level: 0.8, longRun: 1.3 },
  "Qwen/Qwen2.5-VL-7B-Instruct": { level: 4, longRun: 1.2, tau: 240, hype: 2 },
  "Qwen/Qwen2.5-VL-3B-Instruct": { level: 2.5, longRun: 1.1 },
  "Qwen/Qwen2.5-VL-32B-Instruct": { level: 0.8, longRun: 0.8 },
  "Qwen/Qwen2.5-VL-72B-Instruct": { level: 0.6, longRun: 0.6 },
  "Qwen/Qwen2-VL-7B-Instruct": { level: 2, longRun: 0.6 },
  "Qwen/Qwen2-VL-2B-Instruct": { level: 1.5, longRun: 0.6 },
  "Qwen/Qwen2-7B-Instruct": { level: 1.5, longRun: 0.5 },
  "Qwen/Qwen2-1.5B-Instruct": { level: 1.5, longRun: 0.6 },
  "Qwen/Qwen2-0.5B-Instruct": { level: 1.2, longRun: 0.6 },
  "Qwen/QwQ-32B": { level: 1.2, longRun: 0.5, hype: 5 },
  "Qwen/QwQ-32B-Preview": { level: 0.6, longRun: 0.3, hype: 4 },
  "Qwen/Qwen3-0.6B": { level: 5, longRun: 1.3, tau: 200 },
  "Qwen/Qwen3-1.7B": { level: 3, longRun: 1.2, tau: 200 },
  "Qwen/Qwen3-4B": { level: 3, longRun: 1.1, tau: 200 },
  "Qwen/Qwen3-8B": { level: 4, longRun: 1.1, tau: 200, hype: 2 },
  "Qwen/Qwen3-14B": { level: 1.5, longRun: 1 },
  "Qwen/Qwen3-32B": { level: 2, longRun: 0.9, hype: 2 },
  "Qwen/Qwen3-30B-A3B": { level: 2, longRun: 0.8, hype: 2 },
  "Qwen/Qwen3-235B-A22B": { level: 0.8, longRun: 0.4, hype: 3 },
  "Qwen/Qwen3-0.6B-Base": { level: 1.2, longRun: 1.2 },
  "Qwen/Qwen3-4B-Instruct-2507": { level: 2.5, longRun: 1.1 },
  "Qwen/Qwen3-30B-A3B-Instruct-2507": { level: 2, longRun: 0.9 },
  "Qwen/Qwen3-Coder-30B-A3B-Instruct": { level: 2, longRun: 1, hype: 2 },
  "Qwen/Qwen3-Next-80B-A3B-Instruct": { level: 1.2, longRun: 0.7 },
  "Qwen/Qwen3-VL-8B-Instruct": { level: 2, longRun: 1.1 },
  "Qwen/Qwen3-VL-4B-Instruct": { level: 1.5, longRun: 1.1 },
  "Qwen/Qwen3-VL-2B-Instruct": { level: 1.2, longRun: 1.1 },
  "Qwen/Qwen3.5-9B": { level: 4, longRun: 1.1, hype: 2 },
  "Qwen/Qwen3.5-4B": { level: 3, longRun: 1.1 },
  "Qwen/Qwen3.5-2B": { level: 2.5, longRun: 1.1 },
  "Qwen/Qwen3.5-0.8B": { level: 3, longRun: 1.1 },
  "Qwen/Qwen3.5-35B-A3B": { level: 2.5, longRun: 0.9 },
  "Qwen/Qwen3.5-27B": { level: 1.5, longRun: 0.9 },
  "Qwen/Qwen3.6-35B-A3B": { level: 2.5, longRun: 1 },
  "Qwen/Qwen3.6-27B": { level: 1.5, longRun: 1 },
  "Qwen/Qwen3.8-27B": { level: 2, longRun: 1 },
  "deepseek-ai/DeepSeek-R1": { level: 4, longRun: 0.25, tau: 70, ramp: 5, hype: 60 },
  "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B": { level: 2.5, longRun: 0.45, tau: 120, hype: 5 },
  "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B": { level: 1.8, longRun: 0.4, tau: 120, hype: 5 },
  "deepseek-ai/DeepSeek-R1-Distill-Qwen-14B": { level: 1.3, longRun: 0.35, tau: 120, hype: 5 },
  "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B": { level: 1.6, longRun: 0.35, tau: 120, hype: 5 },
  "deepseek-ai/DeepSeek-R1-Distill-Llama-8B": { level: 1.2, longRun: 0.35, tau: 120, hype: 5 },
  "deepseek-ai/DeepSeek-R1-Distill-Llama-70B": { level: 0.6, longRun: 0.3, tau: 120, hype: 5 },
  "deepseek-ai/DeepSeek-V3": { level: 1.5, longRun: 0.3, tau: 90, hype: 40 },
  "deepseek-ai/DeepSeek-V3-0324": { level: 1, longRun: 0.3, tau: 90, hype: 20 },
  "deepseek-ai/DeepSeek-R1-0528": { level: 1, longRun: 0.3, tau: 90, hype: 20 },
  "deepseek-ai/DeepSeek-R1-0528-Qwen3-8B": { level: 1, longRun: 0.4, hype: 10 },
  "deepseek-ai/DeepSeek-V3.1": { level: 0.8, longRun: 0.4, hype: 15 },
  "deepseek-ai/DeepSeek-OCR": { level: 2, longRun: 0.5, hype: 20 },
  "deepseek-ai/DeepSeek-V3.2": { level: 0.8, longRun: 0.5, hype: 15 },
  "deepseek-ai/DeepSeek-V4-Flash": { level: 2.5, longRun: 0.6, hype: 20 },
  "deepseek-ai/DeepSeek-V4-Pro": { level: 1.2, longRun: 0.4, hype: 20 },
  "deepseek-ai/Janus-Pro-7B": { level: 0.6, longRun: 0.3, hype: 15 },
  "zai-org/GLM-4.5-Air": { level: 0.8, longRun: 0.6, hype: 5 },
  "zai-org/GLM-4.6": { level: 0.8, longRun: 0.6, hype: 5 },
  "zai-org/GLM-4.7-Flash": { level: 1.5, longRun: 0.8, hype: 5 },
  "zai-org/GLM-5": { level: 1.2, longRun: 0.6, hype: 8 },
  "zai-org/chatglm3-6b": { level: 0.5, longRun: 0.6 },
  "moonshotai/Kimi-K2-Instruct": { level: 0.6, longRun: 0.4, hype: 15 },
  "moonshotai/Kimi-K2.5": { level: 0.8, longRun: 0.5, hype: 15 },
  "MiniMaxAI/MiniMax-M2": { level: 0.8, longRun: 0.5, hype: 10 },
  "OpenGVLab/InternVL2_5-8B": { level: 0.8, longRun: 0.6 },
  "OpenGVLab/InternVL3-8B": { level: 0.8, longRun: 0.6 },
  "openbmb/MiniCPM-V-2_6": { level: 0.8, longRun: 0.5 },
  "rednote-hilab/dots.ocr": { level: 1.2, longRun: 0.6, hype: 5 },
  "tencent/HunyuanOCR": { level: 0.8, longRun: 0.6 },
  // United States
  "meta-llama/Llama-3.1-8B-Instruct": { level: 7, longRun: 0.8, tau: 240, hype: 4 },
  "meta-llama/Llama-3.1-8B": { level: 2, longRun: 1, tau: 240 },
  "meta-llama/Llama-3.1-70B-Instruct": { level: 1.2, longRun: 0.5 },
  "meta-llama/Llama-3.2-1B-Instruct": { level: 4.8, longRun: 0.8, tau: 240 },
  "meta-llama/Llama-3.2-1B": { level: 3, longRun: 0.9, tau: 240 },
  "meta-llama/Llama-3.2-3B-Instruct": { level: 3.6, longRun: 0.8, tau: 240 },
  "meta-llama/Llama-3.2-3B": { level: 1.2, longRun: 0.9 },
  "meta-llama/Llama-3.2-11B-Vision-Instruct": { level: 1, longRun: 0.5 },
  "meta-llama/Llama-3.3-70B-Instruct": { level: 1.5, longRun: 0.6, hype: 4 },
  "meta-llama/Meta-Llama-3-8B-Instruct": { level: 4, longRun: 0.4, tau: 150, hype: 4 },
  "meta-llama/Meta-Llama-3-8B": { level: 1.5, longRun: 0.4, tau: 150 },
  "meta-llama/Llama-2-7b-chat-hf": { level: 1.5, longRun: 0.4, tau: 150 },
  "meta-llama/Llama-2-7b-hf": { level: 1.2, longRun: 0.4, tau: 150 },
  "meta-llama/Llama-4-Scout-17B-16E-Instruct": { level: 0.7, longRun: 0.3, tau: 60, hype: 8 },
  "meta-llama/Llama-4-Maverick-17B-128E-Instruct": { level: 0.3, longRun: 0.3, tau: 60, hype: 6 },
  "google/gemma-2-2b-it": { level: 1.5, longRun: 0.7, tau: 200 },
  "google/gemma-2-9b-it": { level: 1, longRun: 0.5 },
  "google/gemma-2-27b-it": { level: 0.5, longRun: 0.4 },
  "google/gemma-3-1b-it": { level: 2.5, longRun: 0.9, tau: 200 },
  "google/gemma-3-4b-it": { level: 2, longRun: 0.9, tau: 200 },
  "google/gemma-3-12b-it": { level: 1.2, longRun: 0.8 },
  "google/gemma-3-27b-it": { level: 1.2, longRun: 0.7, hype: 4 },
  "google/gemma-3-270m": { level: 1.5, longRun: 0.8 },
  "google/gemma-3n-E4B-it": { level: 0.6, longRun: 0.6 },
  "google/gemma-4-E4B-it": { level: 3.5, longRun: 1, hype: 4 },
  "google/gemma-4-E2B-it": { level: 2.5, longRun: 1 },
  "google/gemma-4-31B-it": { level: 1.5, longRun: 0.8, hype: 4 },
  "google/gemma-4-26B-A4B-it": { level: 2, longRun: 0.8 },
  "google/gemma-4-12B-it": { level: 1.5, longRun: 0.9 },
  "google/paligemma2-3b-pt-224": { level: 0.4, longRun: 0.6 },
  "microsoft/Phi-3-mini-4k-instruct": { level: 2, longRun: 0.5 },
  "microsoft/Phi-3.5-mini-instruct": { level: 1, longRun: 0.6 },
  "microsoft/phi-4": { level: 1, longRun: 0.6, hype: 4 },
  "microsoft/Phi-4-mini-instruct": { level: 1, longRun: 0.8 },
  "microsoft/phi-2": { level: 1, longRun: 0.5 },
  "microsoft/Florence-2-large": { level: 1.2, longRun: 0.8 },
  "microsoft/Florence-2-base": { level: 0.8, longRun: 0.8 },
  "openai/gpt-oss-20b": { level: 6, longRun: 0.7, tau: 120, ramp: 5, hype: 6 },
  "openai/gpt-oss-120b": { level: 3, longRun: 0.6, tau: 120, ramp: 5, hype: 8 },
  "HuggingFaceTB/SmolLM2-135M-Instruct": { level: 1, longRun: 1 },
  "HuggingFaceTB/SmolLM2-1.7B-Instruct": { level: 0.8, longRun: 0.8 },
  "HuggingFaceTB/SmolLM2-135M": { level: 1.2, longRun: 1 },
  "HuggingFaceTB/SmolVLM-256M-Instruct": { level: 0.6, longRun: 0.8 },
  "HuggingFaceTB/SmolLM3-3B": { level: 0.8, longRun: 0.7 },
  "ibm-granite/granite-3.3-8b-instruct": { level: 0.5, longRun: 0.6 },
  "ibm-granite/granite-docling-258M": { level: 0.8, longRun: 0.8 },
  "nvidia/NVIDIA-Nemotron-Nano-9B-v2": { level: 0.5, longRun: 0.6 },
  "nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16": { level: 1.5, longRun: 0.8, hype: 3 },
  "nvidia/NVIDIA-Nemotron-3-Nano-4B-BF16": { level: 1.2, longRun: 0.9 },
  "nvidia/NVIDIA-Nemotron-3-Super-120B-A12B-BF16": { level: 0.8, longRun: 0.6, hype: 3 },
  "ibm-granite/granite-4.0-micro": { level: 0.6, longRun: 0.8 },
  "ibm-granite/granite-4.0-h-small": { level: 0.6, longRun: 0.7 },
  "ibm-granite/granite-4.1-8b": { level: 0.8, longRun: 0.8 },
  "LiquidAI/LFM2.5-1.2B-JP-202606": { level: 0.4, longRun: 0.8 },
  "LiquidAI/LFM2-1.2B": { level: 1, longRun: 0.9 },
  "HuggingFaceTB/SmolLM3-3B-Base": { level: 0.4, longRun: 0.8 },
  "microsoft/Phi-4-mini-reasoning": { level: 0.6, longRun: 0.6 },
  "allenai/Olmo-3-7B-Instruct": { level: 0.4, longRun: 0.7 },
  "nvidia/Llama-3.1-Nemotron-70B-Instruct-HF": { level: 0.3, longRun: 0.4 },
  "vikhyatk/moondream2": { level: 1, longRun: 0.8 },
  "EleutherAI/pythia-160m": { level: 0.3, longRun: 1 },
  "EleutherAI/pythia-70m-deduped": { level: 0.3, longRun: 1 },
  "llava-hf/llava-1.5-7b-hf": { level: 0.6, longRun: 0.7 },
  "llava-hf/llava-onevision-qwen2-0.5b-ov-hf": { level: 0.4, longRun: 0.8 },
  // Elsewhere
  "mistralai/Mistral-7B-Instruct-v0.3": { level: 5.63, longRun: 0.7, tau: 240, hype: 3 },
  "mistralai/Mistral-7B-Instruct-v0.2": { level: 4.5, longRun: 0.5, tau: 200, hype: 3 },
  "mistralai/Mistral-7B-v0.1": { level: 3.37, longRun: 0.5, tau: 200, hype: 3 },
  "mistralai/Mistral-7B-Instruct-v0.1": { level: 2.25, longRun: 0.4, hype: 3 },
  "mistralai/Mixtral-8x7B-Instruct-v0.1": { level: 2.25, longRun: 0.4, hype: 4 },
  "mistralai/Mistral-Nemo-Instruct-2407": { level: 2.7, longRun: 0.7, hype: 3 },
  "mistralai/Mistral-Small-24B-Instruct-2501": { level: 2.25, longRun: 0.5, hype: 3 },
  "mistralai/Mistral-Small-3.1-24B-Instruct-2503": { level: 1.8, longRun: 0.5 },
  "mistralai/Mistral-Small-3.2-24B-Instruct-2506": { level: 2.25, longRun: 0.6 },
  "mistralai/Ministral-3-8B-Instruct-2512": { level: 2.25, longRun: 0.7 },
  "mistralai/Ministral-3-3B-Instruct-2512": { level: 2.25, longRun: 0.7 },
  "tiiuae/Falcon3-7B-Instruct": { level: 0.3, longRun: 0.5 },
  "TinyLlama/TinyLlama-1.1B-Chat-v1.0": { level: 1.5, longRun: 0.7, tau: 300 },
  "bigcode/starcoder2-3b": { level: 0.6, longRun: 0.6 },
  "bigcode/starcoder2-7b": { level: 0.4, longRun: 0.6 },
  "bigcode/starcoder2-15b": { level: 0.3, longRun: 0.6 },
  "CohereLabs/aya-expanse-8b": { level: 0.3, longRun: 0.5 },
  "LGAI-EXAONE/EXAONE-3.5-2.4B-Instruct": { level: 0.3, longRun: 0.5 },
  "swiss-ai/Apertus-8B-Instruct-2509": { level: 0.3, longRun: 0.6 },
};

/**
 * Launch level (millions per 30 days) of a typical instruct model of each namespace, before the
 * name-based adjustments (size, Base/quantized variants, checkpoints); unlisted namespaces 0.01.
 */
export const NAMESPACE_LEVEL: Record<string, number> = {
  Qwen: 0.28,
  "deepseek-ai": 0.2,
  "meta-llama": 0.5,
  google: 0.12,
  mistralai: 0.6,
  "mistral-community": 0.02,
  microsoft: 0.12,
  nvidia: 0.015,
  allenai: 0.012,
  "ibm-granite": 0.05,
  internlm: 0.015,
  OpenGVLab: 0.08,
  "zai-org": 0.05,
  inclusionAI: 0.006,
  openbmb: 0.02,
  tencent: 0.02,
  HuggingFaceTB: 0.1,
  "arcee-ai": 0.01,
  baidu: 0.02,
  Skywork: 0.01,
  tiiuae: 0.08,
  moonshotai: 0.08,
  MiniMaxAI: 0.05,
  "ByteDance-Seed": 0.03,
  XiaomiMiMo: 0.02,
  "llava-hf": 0.08,
  ai21labs: 0.01,
  EleutherAI: 0.1,
  Snowflake: 0.02,
  "baichuan-inc": 0.01,
  LiquidAI: 0.08,
  "rednote-hilab": 0.05,
  vikhyatk: 0.2,
  moondream: 0.03,
  poolside: 0.01,
  facebook: 0.01,
  openai: 1,
  bigcode: 0.08,
  CohereLabs: 0.1,
  "LGAI-EXAONE": 0.08,
  "AIDC-AI": 0.02,
  apple: 0.03,
  TinyLlama: 0.1,
  Salesforce: 0.1,
  "state-spaces": 0.1,
  "swiss-ai": 0.03,
  h2oai: 0.02,
  "GSAI-ML": 0.01,
  "llm-jp": 0.01,
  opendatalab: 0.05,
  OpenHands: 0.01,
  openvla: 0.02,
  "typhoon-ai": 0.01,
  "docling-project": 0.3,
};

/**
 * Re-publishers: who re-uploads popular models, from when, in which forms, and how many
 * downloads a re-upload draws as a fraction of the original's level.
 */
export type Republisher = {
  namespace: string;
  from: string;
  to?: string;
  /** [suffix, relation, share of the original's level, probability of publishing] */
  forms: [string, "finetune" | "quantized", number, number][];
  library?: string;
  /** Days after the original's creation */
  lag: [number, number];
  /** Only text-generation models below this size (billions), if set */
  maxParamsB?: number;
};

export const REPUBLISHERS: Republisher[] = [
  {
    namespace: "TheBloke",
    from: "2023-05-01",
    to: "2024-02-01",
    forms: [
      ["-GGUF", "quantized", 0.12, 0.95],
      ["-GPTQ", "quantized", 0.05, 0.6],
    ],
    lag: [0, 4],
  },
  {
    namespace: "unsloth",
    from: "2024-01-15",
    forms: [
      ["", "finetune", 0.04, 0.5],
      ["-bnb-4bit", "quantized", 0.06, 0.7],
      ["-GGUF", "quantized", 0.1, 0.6],
    ],
    lag: [0, 3],
  },
  { namespace: "bartowski", from: "2024-03-01", forms: [["-GGUF", "quantized", 0.7, 0.9]], lag: [0, 4] },
  {
    namespace: "mradermacher",
    from: "2024-02-15",
    forms: [
      ["-GGUF", "quantized", 0.4, 0.8],
      ["-i1-GGUF", "quantized", 0.26, 0.5],
    ],
    lag: [1, 20],
  },
  {
    namespace: "lmstudio-community",
    from: "2024-04-15",
    forms: [["-GGUF", "quantized", 0.06, 0.6]],
    lag: [0, 5],
  },
  {
    namespace: "mlx-community",
    from: "2023-12-15",
    forms: [
      ["-4bit", "quantized", 1, 0.95],
      ["-8bit", "quantized", 0.45, 0.6],
    ],
    library: "mlx",
    lag: [0, 6],
  },
  {
    namespace: "QuantFactory",
    from: "2024-05-01",
    to: "2025-01-31",
    forms: [["-GGUF", "quantized", 0.2, 0.5]],
    lag: [1, 10],
  },
  { namespace: "MaziyarPanahi", from: "2024-02-01", forms: [["-GGUF", "quantized", 0.3, 0.5]], lag: [1, 8] },
  {
    namespace: "neuralmagic",
    from: "2024-05-01",
    to: "2025-01-15",
    forms: [["-FP8-dynamic", "quantized", 0.03, 0.4]],
    lag: [1, 14],
  },
  {
    namespace: "RedHatAI",
    from: "2025-01-15",
    forms: [["-FP8-dynamic", "quantized", 0.04, 0.5]],
    lag: [1, 14],
  },
  {
    namespace: "onnx-community",
    from: "2024-06-01",
    forms: [["-ONNX", "quantized", 0.05, 0.6]],
    library: "transformers.js",
    lag: [1, 20],
    maxParamsB: 4,
  },
  { namespace: "ggml-org", from: "2024-11-01", forms: [["-GGUF", "quantized", 0.9, 0.6]], lag: [0, 7] },
];

/** Vocabulary of the invented long tail (namespaces are demo-user-NNNN: clearly not real users). */
export const TAIL_SUFFIXES = [
  "sft",
  "dpo",
  "orpo",
  "grpo",
  "medical",
  "legal",
  "finance",
  "chat-ko",
  "chat-pt",
  "turkish",
  "vi-instruct",
  "roleplay",
  "math",
  "code",
  "reasoning",
  "distilled",
  "v2",
  "abliterated",
  "uncensored",
  "tool-use",
  "function-calling",
  "summarizer",
  "rag",
  "arabic",
  "hindi",
  "japanese",
  "indonesian",
  "persian",
  "ft-customer-support",
];

export const TAIL_ORIGINAL_NAMES = [
  "tiny-gpt-pretrain",
  "sentiment-classifier",
  "ner-multilingual",
  "intent-detector",
  "spam-filter",
  "toxicity-classifier",
  "image-tagger",
  "speech-commands",
  "resume-parser",
  "pii-detector",
  "news-topic-classifier",
  "product-embedder",
];
