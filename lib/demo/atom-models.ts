/**
 * Model ids tracked by the ATOM Project (Interconnects-AI/tracked-models, commit 3cd80206db5e,
 * Apache-2.0; licence in lib/origins/atom/LICENSE): the modelId column of models.csv and
 * extra_models.csv, grouped by namespace. THUDM/* is left out: the same repos live on as zai-org/*.
 * Used only by the demo generator (lib/demo/generate.ts) for real model names.
 */
export const ATOM_MODEL_IDS = `
ai21labs: AI21-Jamba-Large-1.5 AI21-Jamba-Large-1.6 AI21-Jamba-Large-1.7 AI21-Jamba-Large-1.7-FP8
ai21labs: AI21-Jamba-Mini-1.5 AI21-Jamba-Mini-1.6 AI21-Jamba-Mini-1.7 AI21-Jamba-Mini-1.7-FP8
ai21labs: AI21-Jamba-Reasoning-3B Jamba-tiny-dev Jamba-tiny-random Jamba-v0.1
allenai: BAR-2x7B-Base BAR-2x7B-Code BAR-2x7B-Code-SFT BAR-2x7B-Math BAR-2x7B-Math-SFT BAR-2x7B-Tool-Use
allenai: BAR-5x7B BAR-7B Bolmo-1B Bolmo-7B codetulu-2-13b codetulu-2-34b codetulu-2-7b
allenai: dolma2-tokenizer-U10F0F0 Flex-public-7B-1T FlexOlmo-7x7B-1T Llama-3.1-Tulu-3-405B
allenai: Llama-3.1-Tulu-3-405B-DPO Llama-3.1-Tulu-3-405B-SFT Llama-3.1-Tulu-3-70B
allenai: Llama-3.1-Tulu-3-70B-broken Llama-3.1-Tulu-3-70B-DPO Llama-3.1-Tulu-3-70B-SFT Llama-3.1-Tulu-3-8B
allenai: Llama-3.1-Tulu-3-8B-DPO Llama-3.1-Tulu-3-8B-RM Llama-3.1-Tulu-3-8B-SFT Llama-3.1-Tulu-3.1-8B
allenai: Molmo-72B-0924 Molmo-7B-D-0924 Molmo-7B-O-0924 Molmo2-4B Molmo2-8B Molmo2-ER Molmo2-O-7B
allenai: Molmo2-VideoPoint-4B MolmoAct-7B-D-0812 MolmoE-1B-0924 MolmoPoint-8B MolmoPoint-GUI-8B
allenai: MolmoPoint-Vid-4B MolmoWeb-4B MolmoWeb-8B OLMo-1B OLMo-1B-0724-954000steps-unsharded
allenai: OLMo-1B-0724-hf OLMo-1B-hf OLMo-2-0325-32B OLMo-2-0325-32B-DPO OLMo-2-0325-32B-Instruct
allenai: OLMo-2-0325-32B-SFT OLMo-2-0425-1B OLMo-2-0425-1B-DPO OLMo-2-0425-1B-Instruct OLMo-2-0425-1B-RLVR1
allenai: OLMo-2-0425-1B-SFT OLMo-2-1124-13B OLMo-2-1124-13B-DPO OLMo-2-1124-13B-DPO-Preview
allenai: OLMo-2-1124-13B-Instruct OLMo-2-1124-13B-Instruct-preview OLMo-2-1124-13B-Instruct-RLVR1
allenai: OLMo-2-1124-13B-Instruct-RLVR2 OLMo-2-1124-13B-RM OLMo-2-1124-13B-SFT OLMo-2-1124-13B-SFT-Preview
allenai: OLMo-2-1124-7B OLMo-2-1124-7B-DPO OLMo-2-1124-7B-DPO-Preview OLMo-2-1124-7B-Instruct
allenai: OLMo-2-1124-7B-Instruct-preview OLMo-2-1124-7B-RM OLMo-2-1124-7B-RM-Preview OLMo-2-1124-7B-SFT
allenai: OLMo-2-1124-7B-SFT-Preview Olmo-3-1125-32B Olmo-3-32B-Think Olmo-3-32B-Think-DPO
allenai: Olmo-3-32B-Think-SFT Olmo-3-7B-Instruct Olmo-3-7B-Instruct-DPO Olmo-3-7B-Instruct-SFT
allenai: Olmo-3-7B-RL-Zero-Code Olmo-3-7B-RL-Zero-General Olmo-3-7B-RL-Zero-IF Olmo-3-7B-RL-Zero-Math
allenai: Olmo-3-7B-Think Olmo-3-7B-Think-DPO Olmo-3-7B-Think-SFT Olmo-3.1-32B-Instruct
allenai: Olmo-3.1-32B-Instruct-DPO Olmo-3.1-32B-Instruct-SFT Olmo-3.1-32B-Think Olmo-3.1-7B-RL-Zero-Code
allenai: Olmo-3.1-7B-RL-Zero-Math OLMo-7B OLMo-7B-0424 OLMo-7B-0424-hf OLMo-7B-0424-Instruct-hf
allenai: OLMo-7B-0424-SFT-hf OLMo-7B-0724-hf OLMo-7B-0724-Instruct-hf OLMo-7B-0724-SFT-hf
allenai: OLMo-7B-1024-preview OLMo-7B-hf OLMo-7B-Instruct OLMo-7B-Instruct-hf OLMo-7B-SFT OLMo-7B-SFT-hf
allenai: OLMo-7B-Twin-2T OLMo-7B-Twin-2T-hf Olmo-Hybrid-Instruct-DPO-7B Olmo-Hybrid-Instruct-SFT-7B
allenai: Olmo-Hybrid-Think-SFT-7B OLMo-Ladder-760M-0.5xC olmOCR-2-7B-1025 olmOCR-2-7B-1025-FP8
allenai: olmOCR-7B-0225-preview olmOCR-7B-0225-preview-FP8 OLMoE-1B-7B-0125 OLMoE-1B-7B-0125-DPO
allenai: OLMoE-1B-7B-0125-Instruct OLMoE-1B-7B-0125-SFT OLMoE-1B-7B-0924 OLMoE-1B-7B-0924-Instruct
allenai: OLMoE-1B-7B-0924-SFT tulu-13b tulu-2-13b tulu-2-70b tulu-2-7b tulu-30b tulu-65b tulu-7b
allenai: tulu-v1-llama2-13b tulu-v1-llama2-7b Olmo-3-1025-7B tulu-2-dpo-7b
arcee-ai: AFM-4.5B AFM-4.5B-Base AFM-4.5B-GGUF AFM-4.5B-ov AFM-4.5B-Preview Trinity-Large-Preview
arcee-ai: Trinity-Large-Preview-FP8 Trinity-Large-Preview-FP8-Block Trinity-Large-Preview-NVFP4
arcee-ai: Trinity-Large-Preview-W4A16 Trinity-Large-Thinking Trinity-Large-Thinking-FP8-Block
arcee-ai: Trinity-Large-Thinking-NVFP4 Trinity-Large-Thinking-W4A16 Trinity-Mini Trinity-Mini-Base
arcee-ai: Trinity-Mini-Base-Pre-Anneal Trinity-Mini-FP8-Block Trinity-Mini-GGUF Trinity-Mini-NVFP4
arcee-ai: Trinity-Mini-W4A16 Trinity-Nano-Base Trinity-Nano-Base-Pre-Anneal Trinity-Nano-Preview
arcee-ai: Trinity-Nano-Preview-FP8-Block Trinity-Nano-Preview-GGUF Trinity-Nano-Preview-NVFP4
arcee-ai: Trinity-Nano-Preview-W4A16 Arcee-Spark Arcee-Spark-FP32 Arcee-VyLinh
baichuan-inc: Baichuan-13B-Base Baichuan-13B-Chat Baichuan-7B Baichuan-M2-32B Baichuan2-13B-Base
baichuan-inc: Baichuan2-13B-Chat Baichuan2-7B-Base Baichuan2-7B-Chat
baidu: ERNIE-4.5-0.3B-Base-PT ERNIE-4.5-0.3B-PT ERNIE-4.5-21B-A3B-Base-PT ERNIE-4.5-21B-A3B-PT
baidu: ERNIE-4.5-21B-A3B-Thinking ERNIE-4.5-300B-A47B-Base-Paddle ERNIE-4.5-300B-A47B-Base-PT
baidu: ERNIE-4.5-300B-A47B-PT ERNIE-4.5-VL-28B-A3B-Base-PT ERNIE-4.5-VL-28B-A3B-PT
baidu: ERNIE-4.5-VL-28B-A3B-Thinking ERNIE-4.5-VL-424B-A47B-Base-PT ERNIE-4.5-VL-424B-A47B-PT Qianfan-OCR
baidu: Qianfan-VL-3B Qianfan-VL-70B Qianfan-VL-8B
ByteDance-Seed: academic-ds-9B BAGEL-7B-MoT BFS-Prover-V1-7B Cola-DLM SAIL-7B Seed-Coder-8B-Base
ByteDance-Seed: Seed-Coder-8B-Instruct Seed-Coder-8B-Reasoning Seed-Coder-8B-Reasoning-bf16
ByteDance-Seed: Seed-OSS-36B-Base Seed-OSS-36B-Base-woSyn Seed-OSS-36B-Instruct UI-TARS-1.5-7B
ByteDance-Seed: UI-TARS-7B-DPO VINCIE-3B
deepseek-ai: deepseek-coder-1.3b-base deepseek-coder-1.3b-instruct deepseek-coder-33b-base
deepseek-ai: deepseek-coder-33b-instruct deepseek-coder-5.7bmqa-base deepseek-coder-6.7b-base
deepseek-ai: deepseek-coder-6.7b-instruct deepseek-coder-7b-base-v1.5 deepseek-coder-7b-instruct-v1.5
deepseek-ai: DeepSeek-Coder-V2-Base DeepSeek-Coder-V2-Instruct DeepSeek-Coder-V2-Instruct-0724
deepseek-ai: DeepSeek-Coder-V2-Lite-Base DeepSeek-Coder-V2-Lite-Instruct deepseek-llm-67b-base
deepseek-ai: deepseek-llm-67b-chat deepseek-llm-7b-base deepseek-llm-7b-chat deepseek-math-7b-base
deepseek-ai: deepseek-math-7b-instruct deepseek-math-7b-rl DeepSeek-Math-V2 deepseek-moe-16b-base
deepseek-ai: deepseek-moe-16b-chat DeepSeek-OCR DeepSeek-OCR-2 DeepSeek-Prover-V1 DeepSeek-Prover-V1.5-Base
deepseek-ai: DeepSeek-Prover-V1.5-RL DeepSeek-Prover-V1.5-SFT DeepSeek-Prover-V2-671B DeepSeek-Prover-V2-7B
deepseek-ai: DeepSeek-R1 DeepSeek-R1-0528 DeepSeek-R1-0528-Qwen3-8B DeepSeek-R1-Distill-Llama-70B
deepseek-ai: DeepSeek-R1-Distill-Llama-8B DeepSeek-R1-Distill-Qwen-1.5B DeepSeek-R1-Distill-Qwen-14B
deepseek-ai: DeepSeek-R1-Distill-Qwen-32B DeepSeek-R1-Distill-Qwen-7B DeepSeek-R1-Zero DeepSeek-V2
deepseek-ai: DeepSeek-V2-Chat DeepSeek-V2-Chat-0628 DeepSeek-V2-Lite DeepSeek-V2-Lite-Chat DeepSeek-V2.5
deepseek-ai: DeepSeek-V2.5-1210 DeepSeek-V3 DeepSeek-V3-0324 DeepSeek-V3-Base DeepSeek-V3.1
deepseek-ai: DeepSeek-V3.1-Base DeepSeek-V3.1-Terminus DeepSeek-V3.2 DeepSeek-V3.2-Exp
deepseek-ai: DeepSeek-V3.2-Exp-Base DeepSeek-V3.2-Speciale DeepSeek-V4-Flash DeepSeek-V4-Flash-0731
deepseek-ai: DeepSeek-V4-Flash-Base DeepSeek-V4-Flash-DSpark DeepSeek-V4-Pro DeepSeek-V4-Pro-0813
deepseek-ai: DeepSeek-V4-Pro-Base DeepSeek-V4-Pro-DSpark deepseek-vl-1.3b-base deepseek-vl-1.3b-chat
deepseek-ai: deepseek-vl-7b-base deepseek-vl-7b-chat deepseek-vl2 deepseek-vl2-small deepseek-vl2-tiny
deepseek-ai: Janus-1.3B Janus-Pro-1B Janus-Pro-7B JanusFlow-1.3B
EleutherAI: llemma_7b pythia-1.4b pythia-12b pythia-14m pythia-160m pythia-1b pythia-2.8b pythia-31m
EleutherAI: pythia-410m pythia-6.9b pythia-70m-deduped
facebook: chameleon-7b
google: codegemma-1.1-2b codegemma-1.1-2b-pytorch codegemma-1.1-7b-it codegemma-1.1-7b-it-pytorch
google: codegemma-2b codegemma-2b-pytorch codegemma-7b codegemma-7b-it codegemma-7b-it-pytorch
google: codegemma-7b-pytorch diffusiongemma-26B-A4B-it gemma-1.1-2b-it gemma-1.1-2b-it-pytorch
google: gemma-1.1-2b-it-tflite gemma-1.1-7b-it gemma-1.1-7b-it-pytorch gemma-2-27b gemma-2-27b-it
google: gemma-2-27b-it-pytorch gemma-2-27b-pytorch gemma-2-2b gemma-2-2b-it gemma-2-2b-it-pytorch
google: gemma-2-2b-jpn-it gemma-2-2b-jpn-it-flax gemma-2-2b-jpn-it-pytorch gemma-2-2b-pytorch gemma-2-9b
google: gemma-2-9b-it gemma-2-9b-it-pytorch gemma-2-9b-pytorch gemma-2b gemma-2b-aps-it gemma-2b-flax
google: gemma-2b-it gemma-2b-it-flax gemma-2b-it-pytorch gemma-2b-it-tflite gemma-2b-pytorch gemma-3-12b-it
google: gemma-3-12b-pt gemma-3-1b-it gemma-3-1b-pt gemma-3-270m gemma-3-270m-it gemma-3-27b-it
google: gemma-3-27b-pt gemma-3-4b-it gemma-3-4b-pt gemma-3n-E2B gemma-3n-E2B-it
google: gemma-3n-E2B-it-litert-lm-preview gemma-3n-E2B-it-litert-preview gemma-3n-E4B gemma-3n-E4B-it
google: gemma-3n-E4B-it-litert-lm-preview gemma-3n-E4B-it-litert-preview gemma-4-12B-it
google: gemma-4-12B-it-qat-q4_0-unquantized gemma-4-12B-it-qat-q4_0-unquantized-assistant
google: gemma-4-12B-it-qat-w4a16-ct gemma-4-26B-A4B-it gemma-4-26B-A4B-it-assistant
google: gemma-4-26B-A4B-it-qat-q4_0-unquantized-assistant gemma-4-31B-it gemma-4-31B-it-assistant
google: gemma-4-31B-it-qat-q4_0-unquantized-assistant gemma-4-31B-it-qat-w4a16-ct gemma-4-E2B-it
google: gemma-4-E2B-it-assistant gemma-4-E2B-it-qat-mobile-ct gemma-4-E2B-it-qat-mobile-transformers
google: gemma-4-E2B-it-qat-q4_0-unquantized-assistant gemma-4-E2B-it-qat-w4a16-ct gemma-4-E4B-it
google: gemma-4-E4B-it-assistant gemma-4-E4B-it-qat-mobile-ct gemma-4-E4B-it-qat-mobile-transformers
google: gemma-4-E4B-it-qat-q4_0-unquantized-assistant gemma-4-E4B-it-qat-w4a16-ct gemma-7b gemma-7b-aps-it
google: gemma-7b-flax gemma-7b-it gemma-7b-it-flax gemma-7b-it-pytorch gemma-7b-pytorch medgemma-1.5-4b-it
google: medgemma-27b-it medgemma-27b-text-it medgemma-4b-it paligemma-3b-mix-224 paligemma2-3b-pt-224
google: t5gemma-2-1b-1b t5gemma-2-270m-270m t5gemma-2-4b-4b t5gemma-2b-2b-prefixlm t5gemma-2b-2b-prefixlm-it
google: t5gemma-2b-2b-ul2 t5gemma-2b-2b-ul2-it t5gemma-9b-2b-prefixlm t5gemma-9b-2b-prefixlm-it
google: t5gemma-9b-2b-ul2 t5gemma-9b-2b-ul2-it t5gemma-9b-9b-prefixlm t5gemma-9b-9b-prefixlm-it
google: t5gemma-9b-9b-ul2 t5gemma-9b-9b-ul2-it t5gemma-b-b-prefixlm t5gemma-b-b-prefixlm-it t5gemma-b-b-ul2
google: t5gemma-b-b-ul2-it t5gemma-l-l-prefixlm t5gemma-l-l-prefixlm-it t5gemma-l-l-ul2 t5gemma-l-l-ul2-it
google: t5gemma-ml-ml-prefixlm t5gemma-ml-ml-prefixlm-it t5gemma-ml-ml-ul2 t5gemma-ml-ml-ul2-it
google: t5gemma-s-s-prefixlm t5gemma-s-s-prefixlm-it t5gemma-s-s-ul2 t5gemma-s-s-ul2-it
google: t5gemma-xl-xl-prefixlm t5gemma-xl-xl-prefixlm-it t5gemma-xl-xl-ul2 t5gemma-xl-xl-ul2-it
google: translategemma-12b-it vaultgemma-1b functiongemma-270m-it paligemma-3b-mix-448 paligemma-3b-pt-224
google: paligemma-3b-pt-448 paligemma-3b-pt-896 paligemma2-10b-mix-448 paligemma2-3b-ft-docci-448
google: paligemma2-3b-mix-224 paligemma2-3b-pt-448 txgemma-27b-predict
HuggingFaceTB: FineMath-Llama-3B nanowhale-100m nanowhale-100m-base SmolLM-1.7B SmolLM-1.7B-Instruct
HuggingFaceTB: SmolLM-135M SmolLM-135M-Instruct SmolLM-360M SmolLM-360M-Instruct
HuggingFaceTB: smollm-360M-instruct-add-basics SmolLM2-1.7B SmolLM2-1.7B-Instruct SmolLM2-1.7B-Instruct-16k
HuggingFaceTB: SmolLM2-135M SmolLM2-135M-Instruct SmolLM2-360M SmolLM2-360M-Instruct SmolLM2-nanotron-ckpt
HuggingFaceTB: SmolLM3-3B SmolLM3-3B-Base SmolLM3-3B-checkpoints SmolVLM-256M-Base SmolVLM-256M-Instruct
HuggingFaceTB: SmolVLM-500M-Base SmolVLM-500M-Instruct smolvlm-app-config SmolVLM-Base SmolVLM-Instruct
HuggingFaceTB: SmolVLM-Instruct-DPO SmolVLM-Synthetic SmolVLM2-2.2B-Base SmolVLM2-2.2B-Instruct
HuggingFaceTB: SmolVLM2-256M-Video-Instruct SmolVLM2-500M-Video-Instruct stack-edu-classifier-python
ibm-granite: granite-20b-code-base-8k granite-20b-code-base-r1.1 granite-20b-code-instruct-8k
ibm-granite: granite-20b-code-instruct-r1.1 granite-20b-functioncalling granite-3.0-1b-a400m-base
ibm-granite: granite-3.0-1b-a400m-instruct granite-3.0-2b-base granite-3.0-2b-instruct
ibm-granite: granite-3.0-3b-a800m-base granite-3.0-8b-base granite-3.0-8b-instruct granite-3.1-1b-a400m-base
ibm-granite: granite-3.1-1b-a400m-instruct granite-3.1-2b-base granite-3.1-2b-instruct
ibm-granite: granite-3.1-3b-a800m-base granite-3.1-3b-a800m-instruct granite-3.1-8b-base
ibm-granite: granite-3.1-8b-instruct granite-3.2-2b-instruct granite-3.2-8b-instruct
ibm-granite: granite-3.2-8b-instruct-preview granite-3.3-2b-base granite-3.3-2b-instruct granite-3.3-8b-base
ibm-granite: granite-3.3-8b-instruct granite-3.3-8b-instruct-FP8 granite-3.3-8b-rag-agent-lib
ibm-granite: granite-34b-code-base-8k granite-34b-code-instruct-8k granite-3b-code-base-128k
ibm-granite: granite-3b-code-base-2k granite-3b-code-instruct-128k granite-3b-code-instruct-2k
ibm-granite: granite-4.0-1b granite-4.0-1b-base granite-4.0-350m granite-4.0-350m-base granite-4.0-h-1b
ibm-granite: granite-4.0-h-1b-base granite-4.0-h-350m granite-4.0-h-350m-base granite-4.0-h-small
ibm-granite: granite-4.0-h-small-FP8 granite-4.0-h-tiny granite-4.0-micro granite-4.0-tiny-base-preview
ibm-granite: granite-4.0-tiny-preview granite-4.1-30b granite-4.1-30b-base granite-4.1-30b-fp8
ibm-granite: granite-4.1-3b granite-4.1-3b-base granite-4.1-3b-fp8 granite-4.1-8b granite-4.1-8b-base
ibm-granite: granite-4.1-8b-fp8 granite-7b-base granite-7b-instruct granite-8b-code-base-128k
ibm-granite: granite-8b-code-base-4k granite-8b-code-instruct-128k granite-8b-code-instruct-4k
ibm-granite: granite-docling-258M granite-embedding-107m-multilingual granite-embedding-278m-multilingual
ibm-granite: granite-speech-3.2-8b granite-speech-3.3-2b granite-switch-4.1-30b-preview
ibm-granite: granite-switch-4.1-3b-preview granite-switch-4.1-8b-preview granite-vision-3.1-2b-preview
ibm-granite: granite-vision-3.2-2b granite-vision-3.3-2b granite-vision-4.1-4b
inclusionAI: AReaL-1.5B-Preview-Stage-1 AReaL-1.5B-Preview-Stage-2 AReaL-1.5B-Preview-Stage-3
inclusionAI: AReaL-boba-2-14B AReaL-boba-2-14B-Open AReaL-boba-2-32B AReaL-boba-2-8B AReaL-boba-2-8B-Open
inclusionAI: AReaL-boba-RL-7B AReaL-boba-SFT-32B AReaL-SEA-235B-A22B ASearcher-Local-14B ASearcher-Local-7B
inclusionAI: ASearcher-Web-14B ASearcher-Web-7B GroveMoE-Base GroveMoE-Inst Ling-1T Ling-1T-FP8 Ling-2.5-1T
inclusionAI: Ling-2.6-1T Ling-2.6-flash Ling-2.6-flash-fp8 Ling-2.6-flash-int4 Ling-3.0-flash
inclusionAI: Ling-3.0-flash-fp4 Ling-3.0-flash-fp8 Ling-3.0-flash-int4 Ling-3.0-tiny Ling-3.0-tiny-fp8
inclusionAI: Ling-3.0-tiny-int4 Ling-Coder-lite Ling-Coder-lite-base Ling-flash-2.0 Ling-flash-2.0-GGUF
inclusionAI: Ling-flash-base-2.0 Ling-lite Ling-lite-1.5 Ling-lite-1.5-2506 Ling-lite-1.5-2507
inclusionAI: Ling-lite-base Ling-lite-base-1.5 Ling-mini-2.0 Ling-mini-base-2.0 Ling-mini-base-2.0-10T
inclusionAI: Ling-mini-base-2.0-15T Ling-mini-base-2.0-20T Ling-mini-base-2.0-5T Ling-plus Ling-plus-base
inclusionAI: LLaDA-MoE-7B-A1B-Base LLaDA-MoE-7B-A1B-Instruct LLaDA-MoE-7B-A1B-Instruct-TD LLaDA2.0-flash
inclusionAI: LLaDA2.0-flash-CAP LLaDA2.0-flash-preview LLaDA2.0-mini LLaDA2.0-mini-CAP LLaDA2.0-mini-preview
inclusionAI: LLaDA2.0-Uni LLaDA2.0-Uni-FP8 LLaDA2.1-flash LLaDA2.1-mini M2-Reasoning Ming-flash-omni-2.0
inclusionAI: Ming-flash-omni-Preview Ming-Lite-Omni Ming-Lite-Omni-1.5 Ming-Lite-Uni Ming-UniAudio-16B-A3B
inclusionAI: Ming-UniAudio-16B-A3B-Edit Ming-UniVision-16B-A3B MingTok-Audio MingTok-Vision Ring-1T
inclusionAI: Ring-1T-FP8 Ring-1T-preview Ring-1T-preview-FP8 Ring-2.5-1T Ring-2.6-1T Ring-flash-2.0
inclusionAI: Ring-flash-linear-2.0 Ring-flash-linear-2.0-128k Ring-lite Ring-lite-2506 Ring-lite-2507
inclusionAI: Ring-lite-distill-preview Ring-lite-linear-preview Ring-mini-2.0 Ring-mini-2.0-GGUF
inclusionAI: Ring-mini-linear-2.0 Ring-mini-sparse-2.0-exp Rubicon-Preview UI-Venus-1.5-2B
inclusionAI: UI-Venus-1.5-30B-A3B UI-Venus-1.5-8B ViLaSR ZwZ-2B ZwZ-4B ZwZ-7B ZwZ-8B
internlm: Agent-FLAN-7b AlchemistCoder-CL-7B AlchemistCoder-DS-6.7B AlchemistCoder-L-7B Intern-S1
internlm: Intern-S1-FP8 Intern-S1-mini Intern-S1-mini-FP8 Intern-S1-Pro-BF16 Intern-S2-Mobius
internlm: Intern-S2-Mobius-FP8 Intern-S2-Preview Intern-S2-Preview-397B Intern-S2-Preview-397B-FP8
internlm: Intern-S2-Preview-FP8 internlm-20b internlm-7b internlm-chat-20b internlm-chat-20b-4bit
internlm: internlm-chat-7b internlm-xcomposer-7b internlm-xcomposer-vl-7b internlm-xcomposer2-4khd-7b
internlm: internlm-xcomposer2-7b internlm-xcomposer2-7b-4bit internlm-xcomposer2-vl-1_8b
internlm: internlm-xcomposer2-vl-7b internlm-xcomposer2-vl-7b-4bit internlm-xcomposer2d5-7b
internlm: internlm-xcomposer2d5-7b-4bit internlm-xcomposer2d5-7b-chat internlm-xcomposer2d5-clip
internlm: internlm-xcomposer2d5-ol-7b internlm2-1_8b internlm2-1_8b-reward internlm2-20b
internlm: internlm2-20b-reward internlm2-7b internlm2-7b-reward internlm2-base-20b internlm2-base-7b
internlm: internlm2-chat-1_8b internlm2-chat-1_8b-sft internlm2-chat-20b internlm2-chat-20b-sft
internlm: internlm2-chat-7b internlm2-chat-7b-sft internlm2-math-20b internlm2-math-7b
internlm: internlm2-math-base-20b internlm2-math-base-7b internlm2-math-plus-1_8b internlm2-math-plus-20b
internlm: internlm2-math-plus-7b internlm2-math-plus-mixtral8x22b internlm2-step-prover internlm2-wqx-20b
internlm: internlm2-wqx-vl-20b internlm2-wqx-vl-clip internlm2_5-1_8b internlm2_5-1_8b-chat internlm2_5-20b
internlm: internlm2_5-20b-chat internlm2_5-20b-chat-4bit-awq internlm2_5-20b-chat-4bit-gptq internlm2_5-7b
internlm: internlm2_5-7b-chat internlm2_5-7b-chat-1m internlm2_5-7b-chat-4bit internlm2_5-step-prover
internlm: internlm3-8b-instruct internlm3-8b-instruct-gptq-int4 JanusCoder-14B JanusCoder-8B JanusCoderV-7B
internlm: JanusCoderV-8B OREAL-32B OREAL-32B-SFT OREAL-7B OREAL-7B-SFT OREAL-DeepSeek-R1-Distill-Qwen-7B
internlm: POLAR-1_8B POLAR-1_8B-Base POLAR-7B POLAR-7B-Base SWE-Fixer-Editor-72B SWE-Fixer-Retriever-7B
LiquidAI: LFM2.5-2.6B LFM2.5-2.6B-Base LFM2.5-230M LFM2.5-Encoder-230M LFM2.5-Encoder-350M LFM2.5-VL-3B
LiquidAI: LFM2-1.2B LFM2-2.6B LFM2-24B-A2B LFM2-350M LFM2.5-1.2B-JP-202606 LFM2.5-230M-Base LFM2.5-350M
LiquidAI: LFM2.5-350M-Base LFM2.5-8B-A1B LFM2.5-8B-A1B-Base LFM2.5-VL-1.6B-Extract LFM2.5-VL-450M
LiquidAI: LFM2.5-VL-450M-Extract
llava-hf: bakLlava-v1-hf llama3-llava-next-8b-hf llava-1.5-13b-hf llava-1.5-7b-hf
llava-hf: llava-interleave-qwen-0.5b-hf llava-interleave-qwen-7b-hf llava-onevision-qwen2-0.5b-ov-hf
llava-hf: llava-onevision-qwen2-7b-ov-hf llava-v1.6-34b-hf llava-v1.6-mistral-7b-hf llava-v1.6-vicuna-13b-hf
llava-hf: llava-v1.6-vicuna-7b-hf vip-llava-7b-hf
meta-llama: CodeLlama-13b-hf CodeLlama-13b-Instruct-hf CodeLlama-13b-Python-hf CodeLlama-34b-hf
meta-llama: CodeLlama-34b-Instruct-hf CodeLlama-34b-Python-hf CodeLlama-70b-hf CodeLlama-70b-Instruct-hf
meta-llama: CodeLlama-70b-Python-hf CodeLlama-7b-hf CodeLlama-7b-Instruct-hf CodeLlama-7b-Python-hf
meta-llama: Llama-2-13b Llama-2-13b-chat Llama-2-13b-chat-hf Llama-2-13b-hf Llama-2-70b Llama-2-70b-chat
meta-llama: Llama-2-70b-chat-hf Llama-2-70b-hf Llama-2-7b Llama-2-7b-chat Llama-2-7b-chat-hf Llama-2-7b-hf
meta-llama: Llama-3.1-405B Llama-3.1-405B-FP8 Llama-3.1-405B-Instruct Llama-3.1-405B-Instruct-FP8
meta-llama: Llama-3.1-70B Llama-3.1-70B-Instruct Llama-3.1-8B Llama-3.1-8B-Instruct Llama-3.2-11B-Vision
meta-llama: Llama-3.2-11B-Vision-Instruct Llama-3.2-1B Llama-3.2-1B-Instruct Llama-3.2-3B
meta-llama: Llama-3.2-3B-Instruct Llama-3.2-90B-Vision Llama-3.2-90B-Vision-Instruct Llama-3.3-70B-Instruct
meta-llama: Llama-4-Maverick-17B-128E Llama-4-Maverick-17B-128E-Instruct
meta-llama: Llama-4-Maverick-17B-128E-Instruct-FP8 Llama-4-Maverick-17B-128E-Instruct-Original
meta-llama: Llama-4-Maverick-17B-128E-Original Llama-4-Scout-17B-16E Llama-4-Scout-17B-16E-Instruct
meta-llama: Llama-4-Scout-17B-16E-Instruct-Original Llama-4-Scout-17B-16E-Original Meta-Llama-3-70B
meta-llama: Meta-Llama-3-70B-Instruct Meta-Llama-3-8B Meta-Llama-3-8B-Instruct
microsoft: bitnet-b1.58-2B-4T bitnet-b1.58-2B-4T-bf16 Fara-7B Florence-2-base Florence-2-base-ft
microsoft: Florence-2-large Florence-2-large-ft phi-1 phi-1_5 phi-2 phi-2-pytdml Phi-3-medium-128k-instruct
microsoft: Phi-3-medium-4k-instruct Phi-3-mini-128k-instruct Phi-3-mini-4k-instruct
microsoft: Phi-3-small-128k-instruct Phi-3-small-8k-instruct Phi-3-vision-128k-instruct
microsoft: Phi-3.5-mini-instruct Phi-3.5-MoE-instruct Phi-3.5-vision-instruct phi-4 Phi-4-mini-instruct
microsoft: Phi-4-mini-reasoning Phi-4-multimodal-instruct Phi-4-reasoning Phi-4-reasoning-plus
microsoft: Phi-mini-MoE-instruct Phi-tiny-MoE-instruct BioGPT-Large BioGPT-Large-PubMedQA kosmos-2.5
microsoft: llava-med-v1.5-mistral-7b maira-2 Orca-2-13b Orca-2-7b Promptist udop-large
MiniMaxAI: MiniMax-M1-40k MiniMax-M1-40k-hf MiniMax-M1-80k MiniMax-M1-80k-hf MiniMax-M2 MiniMax-M2.1
MiniMaxAI: MiniMax-M2.5 MiniMax-M2.7 MiniMax-M3 MiniMax-M3-MXFP8 MiniMax-Text-01 MiniMax-Text-01-hf
MiniMaxAI: MiniMax-VL-01
mistral-community: Codestral-22B-v0.1 Mistral-7B-Instruct-v0.3 Mistral-7B-v0.2
mistral-community: mixtral-8x22B-Instruct-v0.3-original Mixtral-8x22B-v0.1 Mixtral-8x22B-v0.1-4bit
mistral-community: Mixtral-8x22B-v0.1-original mixtral-8x22B-v0.3 mixtral-8x22B-v0.3-original pixtral-12b
mistral-community: pixtral-12b-240910 Pixtral-Large-Instruct-2411
mistralai: Codestral-22B-v0.1 Devstral-2-123B-Instruct-2512 Devstral-Small-2-24B-Instruct-2512
mistralai: Devstral-Small-2505 Magistral-Small-2506 Magistral-Small-2507 Magistral-Small-2509
mistralai: Mamba-Codestral-7B-v0.1 Mathstral-7B-v0.1 Ministral-3-14B-Base-2512 Ministral-3-14B-Instruct-2512
mistralai: Ministral-3-14B-Instruct-2512-BF16 Ministral-3-14B-Reasoning-2512 Ministral-3-3B-Base-2512
mistralai: Ministral-3-3B-Instruct-2512 Ministral-3-3B-Instruct-2512-BF16 Ministral-3-3B-Instruct-2512-ONNX
mistralai: Ministral-3-3B-Reasoning-2512 Ministral-3-8B-Base-2512 Ministral-3-8B-Instruct-2512
mistralai: Ministral-3-8B-Instruct-2512-BF16 Ministral-3-8B-Reasoning-2512 Ministral-8B-Instruct-2410
mistralai: Mistral-7B-Instruct-v0.1 Mistral-7B-Instruct-v0.2 Mistral-7B-Instruct-v0.3 Mistral-7B-v0.1
mistralai: Mistral-7B-v0.3 Mistral-Large-3-675B-Base-2512 Mistral-Large-3-675B-Instruct-2512
mistralai: Mistral-Large-3-675B-Instruct-2512-BF16 Mistral-Large-3-675B-Instruct-2512-Eagle
mistralai: Mistral-Large-3-675B-Instruct-2512-NVFP4 Mistral-Large-Instruct-2407 Mistral-Large-Instruct-2411
mistralai: Mistral-Medium-3.5-128B Mistral-Nemo-Base-2407 Mistral-Nemo-Instruct-2407
mistralai: Mistral-Small-24B-Base-2501 Mistral-Small-24B-Instruct-2501 Mistral-Small-3.1-24B-Base-2503
mistralai: Mistral-Small-3.1-24B-Instruct-2503 Mistral-Small-3.2-24B-Instruct-2506
mistralai: Mistral-Small-Instruct-2409 Mixtral-8x22B-Instruct-v0.1 Mixtral-8x22B-v0.1
mistralai: Mixtral-8x7B-Instruct-v0.1 Mixtral-8x7B-v0.1 Pixtral-12B-2409 Pixtral-12B-Base-2409
mistralai: Pixtral-Large-Instruct-2411
moondream: moondream-2b-2025-04-14 moondream3-preview
moonshotai: Kimi-Audio-7B-Instruct Kimi-K2-Base Kimi-K2-Instruct Kimi-K2-Instruct-0905 Kimi-K2-Thinking
moonshotai: Kimi-K2.5 Kimi-K2.6 Kimi-K2.7-Code Kimi-Linear-48B-A3B-Base Kimi-Linear-48B-A3B-Instruct
moonshotai: Kimi-VL-A3B-Instruct Kimi-VL-A3B-Thinking Kimi-VL-A3B-Thinking-2506 Moonlight-16B-A3B
moonshotai: Moonlight-16B-A3B-Instruct
nvidia: AceInstruct-1.5B AceInstruct-72B AceInstruct-7B AceMath-72B-Instruct AceMath-RL-Nemotron-7B
nvidia: AceReason-Nemotron-1.1-7B AceReason-Nemotron-14B Cosmos-H-Surgical Cosmos-Reason1-7B
nvidia: Cosmos-Reason2-2B Cosmos-Reason2-32B Cosmos-Reason2-8B Eagle-2.5-8B Eagle2-2B Eagle2-9B
nvidia: gpt-oss-120b-Eagle3 gpt-oss-puzzle-88B gpt3-8b-multi-3.5t-base Hymba-1.5B-Base Hymba-1.5B-Instruct
nvidia: Kimi-K2-Thinking-Eagle3 Kimi-K2.5-Thinking-Eagle3 Llama-3.1-Minitron-4B-Depth-Base
nvidia: Llama-3.1-Minitron-4B-Width-Base Llama-3.1-Nemotron-70B-Instruct Llama-3.1-Nemotron-70B-Instruct-HF
nvidia: Llama-3.1-Nemotron-8B-UltraLong-1M-Instruct Llama-3.1-Nemotron-8B-UltraLong-2M-Instruct
nvidia: Llama-3.1-Nemotron-8B-UltraLong-4M-Instruct Llama-3.1-Nemotron-Nano-4B-v1.1
nvidia: Llama-3.1-Nemotron-Nano-8B-v1 Llama-3.1-Nemotron-Nano-VL-8B-V1 Llama-3_1-Nemotron-51B-Instruct
nvidia: Llama-3_1-Nemotron-Ultra-253B-CPT-v1 Llama-3_1-Nemotron-Ultra-253B-v1
nvidia: Llama-3_1-Nemotron-Ultra-253B-v1-FP8 Llama-3_3-Nemotron-Super-49B-GenRM
nvidia: Llama-3_3-Nemotron-Super-49B-v1 Llama-3_3-Nemotron-Super-49B-v1-FP8
nvidia: Llama-3_3-Nemotron-Super-49B-v1_5 Llama-3_3-Nemotron-Super-49B-v1_5-FP8
nvidia: Llama-3_3-Nemotron-Super-49B-v1_5-NVFP4 Llama-4-Maverick-17B-128E-Eagle3 Llama3-ChatQA-1.5-8B
nvidia: Llama3-ChatQA-2-70B Llama3-ChatQA-2-8B mamba2-8b-3t-4k mamba2-hybrid-8b-3t-128k
nvidia: mamba2-hybrid-8b-3t-32k mamba2-hybrid-8b-3t-4k MambaVision-B-1K MambaVision-B-21K MambaVision-L-1K
nvidia: MambaVision-L-21K MambaVision-L2-1K MambaVision-L2-512-21K MambaVision-L3-256-21K
nvidia: MambaVision-L3-512-21K MambaVision-S-1K MambaVision-T-1K MambaVision-T2-1K Minitron-4B-Base
nvidia: Minitron-8B-Base Mistral-NeMo-12B-Base Mistral-NeMo-12B-Instruct Mistral-NeMo-Minitron-8B-Base
nvidia: Mistral-NeMo-Minitron-8B-Instruct nemo-megatron-gpt-1.3B nemo-megatron-gpt-20B nemo-megatron-gpt-5B
nvidia: nemo-megatron-mt5-3B nemo-megatron-t5-3B nemotron-3-8b-base-4k nemotron-3-8b-chat-4k-rlhf
nvidia: nemotron-3-8b-chat-4k-sft nemotron-3-8b-chat-4k-steerlm nemotron-3-8b-qa-4k
nvidia: Nemotron-3-Nano-Omni-30B-A3B-Reasoning-BF16 Nemotron-3-Nano-Omni-30B-A3B-Reasoning-FP8
nvidia: Nemotron-3-Nano-Omni-30B-A3B-Reasoning-NVFP4 Nemotron-4-340B-Base Nemotron-4-340B-Instruct
nvidia: Nemotron-4-Mini-Hindi-4B-Base Nemotron-4-Mini-Hindi-4B-Instruct Nemotron-Cascade-14B-Thinking
nvidia: Nemotron-Cascade-2-30B-A3B Nemotron-Cascade-8B Nemotron-Cascade-8B-Intermediate-ckpts
nvidia: Nemotron-Cascade-8B-Thinking Nemotron-Flash-1B Nemotron-Flash-3B-Instruct Nemotron-H-47B-Base-8K
nvidia: Nemotron-H-47B-Reasoning-128K Nemotron-H-47B-Reasoning-128K-FP8 Nemotron-H-56B-Base-8K
nvidia: Nemotron-H-8B-Base-8K Nemotron-H-8B-Reasoning-128K Nemotron-H-8B-Reasoning-128K-FP8
nvidia: Nemotron-Mini-4B-Instruct nemotron-ocr-v1 Nemotron-Orchestrator-8B
nvidia: Nemotron-Research-Reasoning-Qwen-1.5B Nemotron-Terminal-14B Nemotron-Terminal-32B
nvidia: Nemotron-Terminal-8B NVIDIA-Nemotron-3-Nano-30B-A3B-Base-BF16 NVIDIA-Nemotron-3-Nano-30B-A3B-BF16
nvidia: NVIDIA-Nemotron-3-Nano-30B-A3B-FP8 NVIDIA-Nemotron-3-Nano-30B-A3B-NVFP4
nvidia: NVIDIA-Nemotron-3-Nano-4B-BF16 NVIDIA-Nemotron-3-Nano-4B-FP8
nvidia: NVIDIA-Nemotron-3-Super-120B-A12B-Base-BF16 NVIDIA-Nemotron-3-Super-120B-A12B-BF16
nvidia: NVIDIA-Nemotron-3-Super-120B-A12B-FP8 NVIDIA-Nemotron-3-Super-120B-A12B-NVFP4
nvidia: NVIDIA-Nemotron-3-Ultra-550B-A55B-Base-BF16 NVIDIA-Nemotron-3-Ultra-550B-A55B-BF16
nvidia: NVIDIA-Nemotron-3-Ultra-550B-A55B-GenRM NVIDIA-Nemotron-3-Ultra-550B-A55B-NVFP4
nvidia: NVIDIA-Nemotron-3.5-Lightning-30B-A3B-Base-BF16 NVIDIA-Nemotron-3.5-Lightning-30B-A3B-NVFP4
nvidia: NVIDIA-Nemotron-3.5-Lightning-30B-A3B-NVFP4-DFlash
nvidia: NVIDIA-Nemotron-3.5-Lightning-30B-A3B-NVFP4-DSpark NVIDIA-Nemotron-Nano-12B-v2
nvidia: NVIDIA-Nemotron-Nano-12B-v2-Base NVIDIA-Nemotron-Nano-12B-v2-VL-BF16
nvidia: NVIDIA-Nemotron-Nano-12B-v2-VL-FP8 NVIDIA-Nemotron-Nano-9B-v2 NVIDIA-Nemotron-Nano-9B-v2-Base
nvidia: NVIDIA-Nemotron-Nano-9B-v2-FP8 NVIDIA-Nemotron-Nano-9B-v2-NVFP4 NVIDIA-Nemotron-Parse-v1.1
nvidia: NVIDIA-Nemotron-Parse-v1.2 NVLM-D-72B OpenCodeReasoning-Nemotron-1.1-14B
nvidia: OpenCodeReasoning-Nemotron-1.1-7B OpenCodeReasoning-Nemotron-14B OpenCodeReasoning-Nemotron-32B
nvidia: OpenCodeReasoning-Nemotron-7B OpenMath-CodeLlama-13b-Python OpenMath-CodeLlama-13b-Python-hf
nvidia: OpenMath-CodeLlama-34b-Python OpenMath-CodeLlama-34b-Python-hf OpenMath-CodeLlama-70b-Python
nvidia: OpenMath-CodeLlama-70b-Python-hf OpenMath-CodeLlama-7b-Python OpenMath-CodeLlama-7b-Python-hf
nvidia: OpenMath-Llama-2-70b OpenMath-Llama-2-70b-hf OpenMath-Mistral-7B-v0.1 OpenMath-Mistral-7B-v0.1-hf
nvidia: OpenMath-Nemotron-1.5B OpenMath-Nemotron-14B OpenMath-Nemotron-14B-Kaggle OpenMath-Nemotron-32B
nvidia: OpenMath-Nemotron-7B OpenReasoning-Nemotron-7B Nemotron-Labs-Audex-2B Nemotron-Labs-Audex-30B-A3B
nvidia: NVIDIA-Nemotron-Labs-3-Elastic-30B-A3B-BF16 NVIDIA-Nemotron-Labs-3-Elastic-30B-A3B-FP8
nvidia: NVIDIA-Nemotron-Labs-3-Elastic-30B-A3B-NVFP4 NVIDIA-Nemotron-Labs-Teacher-Chat
nvidia: NVIDIA-Nemotron-Labs-Teacher-Competition-Coding NVIDIA-Nemotron-Labs-Teacher-General-Reasoning
nvidia: NVIDIA-Nemotron-Labs-Teacher-Instruction-Following NVIDIA-Nemotron-Labs-Teacher-STEM
openai: gpt-oss-120b gpt-oss-20b
openbmb: BitCPM-CANN-0.5B BitCPM-CANN-0.5B-unquantized BitCPM-CANN-1B BitCPM-CANN-1B-unquantized
openbmb: BitCPM-CANN-3B BitCPM-CANN-3B-unquantized BitCPM-CANN-8B BitCPM-CANN-8B-unquantized BitCPM4-0.5B
openbmb: BitCPM4-1B chattts_tokenizer cpm-ant-10b cpm-bee-10b cpm-bee-1b cpm-bee-2b cpm-bee-5b Eurus-70b-nca
openbmb: Eurus-70b-sft Eurus-7b-kto Eurus-7b-sft Eurus-RM-7b Eurux-8x22b-kto Eurux-8x22b-nca
openbmb: MiniCPM-1B-sft-bf16 MiniCPM-2B-128k MiniCPM-2B-dpo-bf16 MiniCPM-2B-dpo-bf16-llama-format
openbmb: MiniCPM-2B-dpo-fp16 MiniCPM-2B-dpo-fp32 MiniCPM-2B-dpo-int4 MiniCPM-2B-history MiniCPM-2B-sft-bf16
openbmb: MiniCPM-2B-sft-bf16-llama-format MiniCPM-2B-sft-fp32 MiniCPM-2B-sft-fp32-llama-format
openbmb: MiniCPM-2B-sft-int4 MiniCPM-Embedding MiniCPM-Embedding-Light MiniCPM-Llama3-V-2_5
openbmb: MiniCPM-Llama3-V-2_5-int4 MiniCPM-MoE-8x2B MiniCPM-o-2_6 MiniCPM-o-2_6-int4 MiniCPM-Reranker
openbmb: MiniCPM-Reranker-Light MiniCPM-S-1B-sft MiniCPM-SALA MiniCPM-V MiniCPM-V-2 MiniCPM-V-2_6
openbmb: MiniCPM-V-2_6-int4 MiniCPM-V-4 MiniCPM-V-4-int4 MiniCPM-V-4.6 MiniCPM-V-4.6-Thinking MiniCPM-V-4_5
openbmb: MiniCPM-V-4_5-int4 MiniCPM3-4B MiniCPM4-0.5B MiniCPM4-0.5B-mlx MiniCPM4-8B MiniCPM4-8B-Eagle-FRSpec
openbmb: MiniCPM4-8B-Eagle-FRSpec-QAT-cpmcu MiniCPM4-8B-Eagle-vLLM MiniCPM4-8B-marlin-cpmcu
openbmb: MiniCPM4-8B-marlin-Eagle-vLLM MiniCPM4-8B-marlin-vLLM MiniCPM4-8B-mlx MiniCPM4-MCP MiniCPM4-Survey
openbmb: MiniCPM4.1-8B MiniCPM4.1-8B-Eagle3 MiniCPM4.1-8B-Marlin MiniCPM5-1B MiniCPM5-1B-SFT OmniLMM-12B
openbmb: RLAIF-V-12B RLAIF-V-7B RLHF-V RLHF-V-SFT RLPR-Gemma2-2B-it RLPR-Llama3.1-8B-Inst
openbmb: RLPR-Qwen2.5-7B-Base Ultra-FineWeb-classifier UltraCM-13b UltraLM-13b UltraLM-13b-v2.0 UltraLM-65b
openbmb: UltraRM-13b VisCPM-Chat VisCPM-Paint VisRAG-Ret VoxCPM-0.5B
OpenGVLab: InternVL-Chat-V1-5 InternVL2-1B InternVL2-26B InternVL2-2B InternVL2-40B InternVL2-4B
OpenGVLab: InternVL2-8B InternVL2-Llama3-76B InternVL2_5-1B InternVL2_5-1B-MPO InternVL2_5-26B
OpenGVLab: InternVL2_5-2B InternVL2_5-38B InternVL2_5-38B-MPO InternVL2_5-4B InternVL2_5-4B-MPO
OpenGVLab: InternVL2_5-8B InternVL2_5-8B-MPO InternVL3-14B InternVL3-1B InternVL3-1B-hf
OpenGVLab: InternVL3-1B-Instruct InternVL3-2B InternVL3-2B-hf InternVL3-2B-Instruct InternVL3-38B
OpenGVLab: InternVL3-38B-Instruct InternVL3-78B InternVL3-78B-Instruct InternVL3-8B InternVL3-8B-hf
OpenGVLab: InternVL3-8B-Instruct InternVL3_5-1B InternVL3_5-1B-HF InternVL3_5-241B-A28B-Instruct
OpenGVLab: InternVL3_5-2B-Instruct InternVL3_5-30B-A3B InternVL3_5-38B InternVL3_5-4B
OpenGVLab: InternVL3_5-4B-Instruct InternVL3_5-8B InternVL3_5-GPT-OSS-20B-A4B-Preview
OpenGVLab: InternVL3_5-GPT-OSS-20B-A4B-Preview-HF Mini-InternVL-Chat-2B-V1-5 Mono-InternVL-2B
poolside: Laguna-M.1 Laguna-M.1-base Laguna-M.1-FP8 Laguna-M.1-NVFP4 Laguna-S-2.1 Laguna-S-2.1-FP8
poolside: Laguna-S-2.1-INT4 Laguna-S-2.1-NVFP4 Laguna-XS-2.1 Laguna-XS-2.1-FP8 Laguna-XS-2.1-INT4
poolside: Laguna-XS-2.1-NVFP4 Laguna-XS.2 Laguna-XS.2-FP8 Laguna-XS.2-INT4 Laguna-XS.2-NVFP4
Qwen: CodeQwen1.5-7B CodeQwen1.5-7B-Chat QVQ-72B-Preview Qwen-14B Qwen-14B-Chat Qwen-14B-Chat-Int4
Qwen: Qwen-14B-Chat-Int8 Qwen-1_8B Qwen-1_8B-Chat Qwen-1_8B-Chat-Int4 Qwen-1_8B-Chat-Int8 Qwen-72B
Qwen: Qwen-72B-Chat Qwen-72B-Chat-Int4 Qwen-72B-Chat-Int8 Qwen-7B Qwen-7B-Chat Qwen-7B-Chat-Int4
Qwen: Qwen-7B-Chat-Int8 Qwen-VL Qwen-VL-Chat Qwen-VL-Chat-Int4 Qwen1.5-0.5B Qwen1.5-0.5B-Chat Qwen1.5-1.8B
Qwen: Qwen1.5-1.8B-Chat Qwen1.5-110B Qwen1.5-110B-Chat Qwen1.5-14B Qwen1.5-14B-Chat Qwen1.5-32B
Qwen: Qwen1.5-32B-Chat Qwen1.5-4B Qwen1.5-4B-Chat Qwen1.5-72B Qwen1.5-72B-Chat Qwen1.5-7B Qwen1.5-7B-Chat
Qwen: Qwen1.5-MoE-A2.7B Qwen1.5-MoE-A2.7B-Chat Qwen2-0.5B Qwen2-0.5B-Instruct Qwen2-1.5B Qwen2-1.5B-Instruct
Qwen: Qwen2-57B-A14B Qwen2-57B-A14B-Instruct Qwen2-72B Qwen2-72B-Instruct Qwen2-7B Qwen2-7B-Instruct
Qwen: Qwen2-Math-1.5B Qwen2-Math-1.5B-Instruct Qwen2-Math-72B Qwen2-Math-72B-Instruct Qwen2-Math-7B
Qwen: Qwen2-Math-7B-Instruct Qwen2-Math-RM-72B Qwen2-VL-2B Qwen2-VL-2B-Instruct Qwen2-VL-72B
Qwen: Qwen2-VL-72B-Instruct Qwen2-VL-7B Qwen2-VL-7B-Instruct Qwen2.5-0.5B Qwen2.5-0.5B-Instruct Qwen2.5-1.5B
Qwen: Qwen2.5-1.5B-Instruct Qwen2.5-14B Qwen2.5-14B-Instruct Qwen2.5-14B-Instruct-1M Qwen2.5-32B
Qwen: Qwen2.5-32B-Instruct Qwen2.5-3B Qwen2.5-3B-Instruct Qwen2.5-72B Qwen2.5-72B-Instruct Qwen2.5-7B
Qwen: Qwen2.5-7B-Instruct Qwen2.5-7B-Instruct-1M Qwen2.5-Coder-0.5B Qwen2.5-Coder-0.5B-Instruct
Qwen: Qwen2.5-Coder-1.5B Qwen2.5-Coder-1.5B-Instruct Qwen2.5-Coder-14B Qwen2.5-Coder-14B-Instruct
Qwen: Qwen2.5-Coder-32B Qwen2.5-Coder-32B-Instruct Qwen2.5-Coder-3B Qwen2.5-Coder-3B-Instruct
Qwen: Qwen2.5-Coder-7B Qwen2.5-Coder-7B-Instruct Qwen2.5-Math-1.5B Qwen2.5-Math-1.5B-Instruct
Qwen: Qwen2.5-Math-72B Qwen2.5-Math-72B-Instruct Qwen2.5-Math-7B Qwen2.5-Math-7B-Instruct
Qwen: Qwen2.5-Math-7B-PRM800K Qwen2.5-Math-PRM-72B Qwen2.5-Math-PRM-7B Qwen2.5-Math-RM-72B Qwen2.5-Omni-3B
Qwen: Qwen2.5-Omni-7B Qwen2.5-VL-32B-Instruct Qwen2.5-VL-3B-Instruct Qwen2.5-VL-72B-Instruct
Qwen: Qwen2.5-VL-7B-Instruct Qwen3-0.6B Qwen3-0.6B-Base Qwen3-0.6B-FP8 Qwen3-1.7B Qwen3-1.7B-Base
Qwen: Qwen3-1.7B-FP8 Qwen3-14B Qwen3-14B-Base Qwen3-14B-FP8 Qwen3-235B-A22B Qwen3-235B-A22B-FP8
Qwen: Qwen3-235B-A22B-Instruct-2507 Qwen3-235B-A22B-Instruct-2507-FP8 Qwen3-235B-A22B-Thinking-2507
Qwen: Qwen3-235B-A22B-Thinking-2507-FP8 Qwen3-30B-A3B Qwen3-30B-A3B-Base Qwen3-30B-A3B-FP8
Qwen: Qwen3-30B-A3B-Instruct-2507 Qwen3-30B-A3B-Instruct-2507-FP8 Qwen3-30B-A3B-Thinking-2507
Qwen: Qwen3-30B-A3B-Thinking-2507-FP8 Qwen3-32B Qwen3-32B-FP8 Qwen3-4B Qwen3-4B-Base Qwen3-4B-FP8
Qwen: Qwen3-4B-Instruct-2507 Qwen3-4B-Instruct-2507-FP8 Qwen3-4B-SafeRL Qwen3-4B-Thinking-2507
Qwen: Qwen3-4B-Thinking-2507-FP8 Qwen3-8B Qwen3-8B-Base Qwen3-8B-FP8 Qwen3-Coder-30B-A3B-Instruct
Qwen: Qwen3-Coder-30B-A3B-Instruct-FP8 Qwen3-Coder-480B-A35B-Instruct Qwen3-Coder-480B-A35B-Instruct-FP8
Qwen: Qwen3-ForcedAligner-0.6B-hf Qwen3-Next-80B-A3B-Instruct Qwen3-Next-80B-A3B-Instruct-FP8
Qwen: Qwen3-Next-80B-A3B-Thinking Qwen3-Next-80B-A3B-Thinking-FP8 Qwen3-Omni-30B-A3B-Captioner
Qwen: Qwen3-Omni-30B-A3B-Instruct Qwen3-Omni-30B-A3B-Thinking Qwen3-VL-235B-A22B-Instruct
Qwen: Qwen3-VL-235B-A22B-Instruct-FP8 Qwen3-VL-235B-A22B-Thinking Qwen3-VL-235B-A22B-Thinking-FP8
Qwen: Qwen3-VL-2B-Instruct Qwen3-VL-2B-Instruct-FP8 Qwen3-VL-2B-Thinking Qwen3-VL-2B-Thinking-FP8
Qwen: Qwen3-VL-30B-A3B-Instruct Qwen3-VL-30B-A3B-Instruct-FP8 Qwen3-VL-30B-A3B-Thinking
Qwen: Qwen3-VL-30B-A3B-Thinking-FP8 Qwen3-VL-32B-Instruct Qwen3-VL-32B-Instruct-FP8 Qwen3-VL-32B-Thinking
Qwen: Qwen3-VL-32B-Thinking-FP8 Qwen3-VL-4B-Instruct Qwen3-VL-4B-Instruct-FP8 Qwen3-VL-4B-Thinking
Qwen: Qwen3-VL-4B-Thinking-FP8 Qwen3-VL-8B-Instruct Qwen3-VL-8B-Instruct-FP8 Qwen3-VL-8B-Thinking
Qwen: Qwen3-VL-8B-Thinking-FP8 Qwen3.5-0.8B Qwen3.5-0.8B-Base Qwen3.5-122B-A10B Qwen3.5-122B-A10B-FP8
Qwen: Qwen3.5-27B Qwen3.5-27B-FP8 Qwen3.5-2B Qwen3.5-2B-Base Qwen3.5-35B-A3B Qwen3.5-35B-A3B-Base
Qwen: Qwen3.5-35B-A3B-FP8 Qwen3.5-397B-A17B Qwen3.5-397B-A17B-FP8 Qwen3.5-4B Qwen3.5-4B-Base Qwen3.5-9B
Qwen: Qwen3.5-9B-Base Qwen3.6-27B Qwen3.6-27B-FP8 Qwen3.6-35B-A3B Qwen3.6-35B-A3B-FP8 Qwen3.8-2.4T-A95B
Qwen: Qwen3.8-2.4T-A95B-FP8 Qwen3.8-27B Qwen3.8-27B-FP8 QwQ-32B QwQ-32B-Preview Qwen-Audio-Chat
rednote-hilab: dots.mocr dots.mocr-svg dots.ocr
Skywork: Matrix-Game-3.0 R1V4 Skywork-13B-base Skywork-13B-Base-8bits Skywork-13B-Base-Intermediate
Skywork: Skywork-13B-Math Skywork-13B-Math-8bits Skywork-MoE-Base Skywork-MoE-Base-FP8
Skywork: Skywork-o1-Open-Llama-3.1-8B Skywork-o1-Open-PRM-Qwen-2.5-1.5B Skywork-o1-Open-PRM-Qwen-2.5-7B
Skywork: Skywork-OR1-32B Skywork-OR1-32B-Preview Skywork-OR1-7B Skywork-OR1-7B-Preview Skywork-OR1-Math-7B
Skywork: Skywork-R1V-38B Skywork-R1V2-38B Skywork-R1V3-38B Skywork-VL-Reward-7B SkyworkVL-2B SkyworkVL-38B
Snowflake: Arctic-Text2SQL-R1-7B e5-base-arctic-finetune Llama-3.1-SwiftKV-8B-Instruct
Snowflake: Llama-3.1-SwiftKV-8B-Instruct-FP8 Llama-3.3-SwiftKV-70B-Instruct
Snowflake: Llama-3.3-SwiftKV-70B-Instruct-FP8 Qwen-2.5-coder-Arctic-ExCoT-32B snowflake-arctic-base
Snowflake: snowflake-arctic-instruct snowflake-arctic-instruct-vllm
tencent: Hunyuan-0.5B-Instruct Hunyuan-0.5B-Instruct-FP8 Hunyuan-0.5B-Pretrain Hunyuan-1.8B-Instruct
tencent: Hunyuan-1.8B-Pretrain Hunyuan-4B-Instruct Hunyuan-4B-Pretrain Hunyuan-7B-Instruct
tencent: Hunyuan-7B-Instruct-0124 Hunyuan-7B-Instruct-FP8 Hunyuan-7B-Pretrain Hunyuan-7B-Pretrain-0124
tencent: Hunyuan-A13B-Instruct Hunyuan-A13B-Instruct-FP8 Hunyuan-A13B-Pretrain Hunyuan-MT-7B
tencent: Hunyuan-MT-7B-fp8 Hunyuan-MT-Chimera-7B Hunyuan-MT-Chimera-7B-fp8 Hunyuan3D-Omni HunyuanOCR
tencent: HY-MT1.5-1.8B HY-MT1.5-1.8B-FP8 HY-MT1.5-7B HY-MT1.5-7B-FP8 HY-WU Hy3 Hy3-FP8 Hy3-preview
tencent: Hy3-preview-Base Penguin-VL-2B Penguin-VL-8B POINTS-Reader
tencent: Sequential-Hidden-Decoding-8B-n8-Instruct Tencent-Hunyuan-Large WeDLM-7B-Base WeDLM-7B-Instruct
tencent: WeDLM-8B-Base WeDLM-8B-Instruct Youtu-LLM-2B Youtu-LLM-2B-Base
tiiuae: falcon-11B falcon-180B falcon-180B-chat falcon-40b falcon-40b-instruct falcon-7b falcon-7b-instruct
tiiuae: Falcon-H1-0.5B-Base falcon-mamba-7b falcon-mamba-7b-4bit falcon-mamba-7b-instruct
tiiuae: falcon-mamba-7b-instruct-4bit falcon-rw-1b falcon-rw-7b Falcon3-10B-Base Falcon3-10B-Instruct
tiiuae: Falcon3-1B-Instruct Falcon3-3B-Instruct Falcon3-7B-Instruct Falcon3-Mamba-7B-Instruct
vikhyatk: moondream1 moondream2
XiaomiMiMo: MiMo-7B-Base MiMo-7B-RL MiMo-7B-RL-0530 MiMo-7B-RL-Zero MiMo-7B-SFT MiMo-V2-Flash
XiaomiMiMo: MiMo-V2-Flash-Base MiMo-V2.5-Pro MiMo-V2.5-Pro-Base MiMo-V2.5-Pro-FP4-DFlash MiMo-VL-7B-RL
XiaomiMiMo: MiMo-VL-7B-RL-2508 MiMo-VL-7B-SFT MiMo-VL-7B-SFT-2508
zai-org: agentlm-13b agentlm-70b agentlm-7b androidgen-glm-4-9b androidgen-llama-3-70b apar-13b apar-7b
zai-org: AutoGLM-Phone-9B BPO chatglm-6b chatglm-6b-int4 chatglm-6b-int4-qe chatglm-6b-int8 chatglm2-6b
zai-org: chatglm2-6b-32k chatglm2-6b-32k-int4 chatglm2-6b-int4 chatglm3-6b chatglm3-6b-128k chatglm3-6b-32k
zai-org: chatglm3-6b-base codegeex2-6b codegeex2-6b-int4 codegeex4-all-9b CogAgent cogagent-9b-20241220
zai-org: cogagent-chat-hf cogagent-vqa-hf CogVideoX-2b CogVideoX-5b CogVideoX-5b-I2V CogView3-Plus-3B
zai-org: CogView4-6B CogVLM cogvlm-base-224-hf cogvlm-base-490-hf cogvlm-chat-hf cogvlm-grounding-base-hf
zai-org: cogvlm-grounding-generalist-hf cogvlm2-llama3-caption cogvlm2-llama3-chat-19B
zai-org: cogvlm2-llama3-chat-19B-int4 cogvlm2-llama3-chat-19B-tgi cogvlm2-llama3-chinese-chat-19B
zai-org: cogvlm2-llama3-chinese-chat-19B-int4 cogvlm2-llama3-chinese-chat-19B-tgi cogvlm2-video-llama3-base
zai-org: cogvlm2-video-llama3-chat glm-10b glm-10b-chinese glm-2b GLM-4-32B-0414 GLM-4-32B-Base-0414
zai-org: glm-4-9b GLM-4-9B-0414 glm-4-9b-chat glm-4-9b-chat-1m glm-4-9b-chat-1m-hf glm-4-9b-chat-hf
zai-org: glm-4-9b-hf glm-4-voice-9b glm-4-voice-decoder glm-4-voice-tokenizer GLM-4.1V-9B-Base
zai-org: GLM-4.1V-9B-Thinking GLM-4.5 GLM-4.5-Air GLM-4.5-Air-Base GLM-4.5-Air-FP8 GLM-4.5-Base GLM-4.5-FP8
zai-org: GLM-4.5V GLM-4.6 GLM-4.6-FP8 GLM-4.6V GLM-4.6V-Flash GLM-4.6V-FP8 GLM-4.7 GLM-4.7-Flash GLM-4.7-FP8
zai-org: glm-4v-9b GLM-5 GLM-5-FP8 GLM-5.1 GLM-5.1-FP8 GLM-5.2 GLM-5.2-FP8 GLM-ASR-Nano-2512
zai-org: glm-edge-1.5b-chat glm-edge-4b-chat glm-edge-v-2b glm-edge-v-5b glm-large-chinese glm-roberta-large
zai-org: GLM-Z1-32B-0414 GLM-Z1-9B-0414 GLM-Z1-Rumination-32B-0414 Glyph LongAlign-13B-64k
zai-org: LongAlign-13B-64k-base LongAlign-6B-64k LongAlign-6B-64k-base LongAlign-7B-64k
zai-org: LongAlign-7B-64k-base LongCite-glm4-9b LongCite-llama3.1-8b MathGLM MathGLM-Vision
zai-org: MathGLM-Vision-19B MSAGPT UI2Code_N visualglm-6b WebGLM WebGLM-2B webrl-glm-4-9b
zai-org: webrl-llama-3.1-70b webrl-llama-3.1-8b webrl-orm-llama-3.1-8b WebVIA-Agent
AI-MO: Kimina-Prover-72B
AIDC-AI: Marco-DeepResearch-8B Marco-DeepResearch-8B-FP8 Marco-Mini-Base Marco-Mini-Global-Base
AIDC-AI: Marco-Mini-Instruct Marco-Nano-Base Marco-Nano-Instruct Ovis1.5-Llama3-8B Ovis1.6-Gemma2-9B
AIDC-AI: Ovis2-16B Ovis2-1B Ovis2-4B Ovis2-8B Ovis2.5-2B Ovis2.5-9B Ovis2.6-30B-A3B Ovis2.6-80B-A3B
apple: CADD-Base-7B OpenELM-1_1B-Instruct OpenELM-3B-Instruct OpenELM-450M-Instruct
bigcode: gpt_bigcode-santacoder santacoder starcoder starcoder2-15b starcoder2-3b starcoder2-7b
bigcode: starcoderbase starcoderbase-1b tiny_starcoder_py
CohereLabs: aya-23-35B aya-23-8B aya-expanse-32b aya-expanse-8b aya-vision-8b c4ai-command-a-03-2025
CohereLabs: c4ai-command-r-plus c4ai-command-r-plus-08-2024 c4ai-command-r-plus-4bit c4ai-command-r-v01
CohereLabs: c4ai-command-r-v01-4bit c4ai-command-r7b-12-2024 command-a-plus-05-2026-bf16
CohereLabs: command-a-plus-05-2026-fp8 command-a-plus-05-2026-w4a4 command-a-vision-07-2025
CohereLabs: North-Micro-Vision-Instruct North-Mini-Code-1.0 North-Mini-Code-1.0-fp8 tiny-aya-base
CohereLabs: tiny-aya-earth tiny-aya-fire tiny-aya-global tiny-aya-water
docling-project: SmolDocling-256M-preview
GSAI-ML: LLaDA-1.5 LLaDA-8B-Base LLaDA-8B-Instruct LLaDA-o
h2oai: h2o-danube3-4b-chat h2o-danube3-500m-chat h2ovl-mississippi-2b h2ovl-mississippi-800m
ibm-research: merlinite-7b PowerLM-3b PowerMoE-3b
LGAI-EXAONE: EXAONE-3.0-7.8B-Instruct EXAONE-3.5-2.4B-Instruct EXAONE-3.5-32B-Instruct
LGAI-EXAONE: EXAONE-3.5-7.8B-Instruct EXAONE-4.0-1.2B EXAONE-4.0-1.2B-FP8 EXAONE-4.0-32B EXAONE-4.0-32B-FP8
LGAI-EXAONE: EXAONE-4.0.1-32B EXAONE-4.5-33B EXAONE-4.5-33B-FP8 EXAONE-Deep-2.4B EXAONE-Deep-32B
LGAI-EXAONE: EXAONE-Deep-7.8B EXAONE-Path-2.0-rev-EGFR K-EXAONE-2.0-750B-A37B K-EXAONE-2.0-750B-A37B-FP8
LGAI-EXAONE: K-EXAONE-2.0-750B-A37B-NVFP4
llm-jp: llm-jp-3-1.8b llm-jp-3-13b llm-jp-3-3.7b-instruct llm-jp-3-7.2b-instruct3 llm-jp-3.1-1.8b-instruct4
llm-jp: llm-jp-3.1-8x13b-32K llm-jp-3.1-8x13b-32K-instruct4 llm-jp-4-8b-instruct
opendatalab: MinerU-Diffusion-V1-0320-2.5B MinerU-HTML-v1.1-hunyuan0.5B-compact MinerU2.5-2509-1.2B
opendatalab: MinerU2.5-Pro-2604-1.2B MinerU2.5-Pro-2605-1.2B
OpenHands: CodeScout-1.7B CodeScout-1.7B-RFT CodeScout-14B CodeScout-4B openhands-lm-32b-v0.1
openvla: openvla-7b
Salesforce: blip2-flan-t5-xl blip2-flan-t5-xxl blip2-opt-2.7b blip2-opt-6.7b blip2-opt-6.7b-coco
Salesforce: codegen25-7b-multi_P instructblip-flan-t5-xl instructblip-vicuna-7b Llama-xLAM-2-8b-fc-r
Salesforce: xgen-7b-8k-base xgen-7b-8k-inst xgen-mm-phi3-mini-instruct-r-v1 xLAM-7b-r
state-spaces: mamba-1.4b-hf mamba-130m-hf mamba-2.8b-hf mamba-370m-hf
swiss-ai: Apertus-70B-Instruct-2509 Apertus-8B-Instruct-2509 Apertus-v1.5-70B Apertus-v1.5-8B
TinyLlama: TinyLlama-1.1B-Chat-v0.1 TinyLlama-1.1B-Chat-v0.3 TinyLlama-1.1B-Chat-v0.4
TinyLlama: TinyLlama-1.1B-Chat-v0.6 TinyLlama-1.1B-Chat-v1.0 TinyLlama-1.1B-step-50K-105b TinyLlama_v1.1
typhoon-ai: llama-3-typhoon-v1.5-8b llama-3-typhoon-v1.5-8b-instruct typhoon-7b typhoon2.1-gemma3-12b
typhoon-ai: typhoon2.1-gemma3-12b-fp8 typhoon2.1-gemma3-4b
`;

/**
 * Total parameters in billions from the ATOM Project's model_parameters.csv (same source and licence),
 * as "id billions" lines. Names that carry their size (7B, 270m) are parsed instead when absent.
 */
export const ATOM_PARAMETERS_B = `
deepseek-ai/DeepSeek-R1 671
deepseek-ai/DeepSeek-R1-Zero 671
deepseek-ai/DeepSeek-R1-0528 671
deepseek-ai/DeepSeek-V3 671
deepseek-ai/DeepSeek-V3-0324 671
deepseek-ai/DeepSeek-V3-Base 671
deepseek-ai/DeepSeek-V3.1 671
deepseek-ai/DeepSeek-V3.1-Base 671
deepseek-ai/DeepSeek-V3.1-Terminus 671
deepseek-ai/DeepSeek-V3.2 685
deepseek-ai/DeepSeek-V3.2-Exp 685
deepseek-ai/DeepSeek-V3.2-Exp-Base 685
deepseek-ai/DeepSeek-V3.2-Speciale 685
deepseek-ai/DeepSeek-Math-V2 685
deepseek-ai/DeepSeek-OCR 3.3
deepseek-ai/DeepSeek-OCR-2 3.4
deepseek-ai/DeepSeek-V2 236
deepseek-ai/DeepSeek-V2-Chat 236
deepseek-ai/DeepSeek-V2-Chat-0628 236
deepseek-ai/DeepSeek-V2.5 236
deepseek-ai/DeepSeek-V2.5-1210 236
deepseek-ai/DeepSeek-V2-Lite 15.7
deepseek-ai/DeepSeek-V2-Lite-Chat 15.7
deepseek-ai/DeepSeek-Coder-V2-Base 236
deepseek-ai/DeepSeek-Coder-V2-Instruct 236
deepseek-ai/DeepSeek-Coder-V2-Instruct-0724 236
deepseek-ai/DeepSeek-Coder-V2-Lite-Base 16
deepseek-ai/DeepSeek-Coder-V2-Lite-Instruct 16
deepseek-ai/DeepSeek-Prover-V1 7
deepseek-ai/DeepSeek-Prover-V1.5-Base 7
deepseek-ai/DeepSeek-Prover-V1.5-RL 7
deepseek-ai/DeepSeek-Prover-V1.5-SFT 7
deepseek-ai/deepseek-vl2 27
deepseek-ai/deepseek-vl2-small 16
deepseek-ai/deepseek-vl2-tiny 3
deepseek-ai/deepseek-coder-5.7bmqa-base 5.7
microsoft/phi-1 1.3
microsoft/phi-1_5 1.3
microsoft/phi-2 2.7
microsoft/phi-2-pytdml 2.7
microsoft/phi-4 14
microsoft/Phi-3-mini-4k-instruct 3.8
microsoft/Phi-3-mini-128k-instruct 3.8
microsoft/Phi-3-small-8k-instruct 7
microsoft/Phi-3-small-128k-instruct 7
microsoft/Phi-3-medium-4k-instruct 14
microsoft/Phi-3-medium-128k-instruct 14
microsoft/Phi-3-vision-128k-instruct 4.2
microsoft/Phi-3.5-mini-instruct 3.8
microsoft/Phi-3.5-vision-instruct 4.2
microsoft/Phi-3.5-MoE-instruct 42
microsoft/Phi-4-mini-instruct 3.8
microsoft/Phi-4-mini-reasoning 3.8
microsoft/Phi-4-multimodal-instruct 5.6
microsoft/Phi-4-reasoning 14
microsoft/Phi-4-reasoning-plus 14
microsoft/Phi-mini-MoE-instruct 6.6
microsoft/Phi-tiny-MoE-instruct 3.3
mistralai/Mistral-Large-Instruct-2407 123
mistralai/Mistral-Large-Instruct-2411 123
mistralai/Mistral-Nemo-Base-2407 12
mistralai/Mistral-Nemo-Instruct-2407 12
mistralai/Mistral-Small-Instruct-2409 22
mistralai/Pixtral-Large-Instruct-2411 124
mistral-community/Pixtral-Large-Instruct-2411 124
mistralai/Mixtral-8x7B-v0.1 46.7
mistralai/Mixtral-8x7B-Instruct-v0.1 46.7
mistralai/Mixtral-8x22B-v0.1 140.6
mistralai/Mixtral-8x22B-Instruct-v0.1 140.6
mistral-community/Mixtral-8x22B-v0.1 140.6
mistral-community/Mixtral-8x22B-v0.1-original 140.6
mistral-community/mixtral-8x22B-Instruct-v0.3-original 140.6
mistral-community/mixtral-8x22B-v0.3 140.6
mistral-community/mixtral-8x22B-v0.3-original 140.6
mistralai/Devstral-Small-2505 24
mistralai/Magistral-Small-2506 24
mistralai/Magistral-Small-2507 24
mistralai/Magistral-Small-2509 24
ai21labs/AI21-Jamba-Large-1.5 398
ai21labs/AI21-Jamba-Large-1.6 398
ai21labs/AI21-Jamba-Large-1.7 398
ai21labs/AI21-Jamba-Large-1.7-FP8 398
ai21labs/AI21-Jamba-Mini-1.5 52
ai21labs/AI21-Jamba-Mini-1.6 52
ai21labs/AI21-Jamba-Mini-1.7 52
ai21labs/AI21-Jamba-Mini-1.7-FP8 52
ai21labs/Jamba-v0.1 52
ai21labs/Jamba-tiny-dev 0.5
ai21labs/Jamba-tiny-random 0.5
moonshotai/Kimi-K2-Base 1000
moonshotai/Kimi-K2-Instruct 1000
moonshotai/Kimi-K2-Instruct-0905 1000
moonshotai/Kimi-K2-Thinking 1000
moonshotai/Kimi-K2.5 1000
moonshotai/Kimi-VL-A3B-Instruct 16
moonshotai/Kimi-VL-A3B-Thinking 16.4
moonshotai/Kimi-VL-A3B-Thinking-2506 16.4
Qwen/Qwen-VL 9.6
Qwen/Qwen-VL-Chat 9.6
HuggingFaceTB/SmolVLM-Base 2
HuggingFaceTB/SmolVLM-Instruct 2
HuggingFaceTB/SmolVLM-Instruct-DPO 2
HuggingFaceTB/SmolVLM-Synthetic 2
HuggingFaceTB/SmolLM2-nanotron-ckpt 0.135
HuggingFaceTB/stack-edu-classifier-python 0.1
MiniMaxAI/MiniMax-M1-40k 456
MiniMaxAI/MiniMax-M1-40k-hf 456
MiniMaxAI/MiniMax-M1-80k 456
MiniMaxAI/MiniMax-M1-80k-hf 456
MiniMaxAI/MiniMax-Text-01 456
MiniMaxAI/MiniMax-Text-01-hf 456
MiniMaxAI/MiniMax-VL-01 456
MiniMaxAI/MiniMax-M2 230
MiniMaxAI/MiniMax-M2.1 229
Snowflake/snowflake-arctic-base 480
Snowflake/snowflake-arctic-instruct 480
Snowflake/snowflake-arctic-instruct-vllm 480
Snowflake/e5-base-arctic-finetune 0.1
Skywork/Skywork-MoE-Base 146
Skywork/Skywork-MoE-Base-FP8 146
Skywork/R1V4 30
tencent/Tencent-Hunyuan-Large 389
tencent/Hunyuan-A13B-Instruct 80
tencent/Hunyuan-A13B-Pretrain 80
tencent/HunyuanOCR 1
tencent/POINTS-Reader 7
tencent/Hunyuan3D-Omni 3.3
THUDM/glm-large-chinese 0.335
THUDM/glm-roberta-large 0.355
THUDM/cogvlm-chat-hf 17
THUDM/cogvlm-base-224-hf 17
THUDM/cogvlm-base-490-hf 17
THUDM/cogvlm-grounding-base-hf 17
THUDM/cogvlm-grounding-generalist-hf 17
THUDM/cogagent-chat-hf 18
THUDM/cogagent-vqa-hf 18
THUDM/cogvlm2-llama3-caption 17
THUDM/cogvlm2-video-llama3-base 17
THUDM/cogvlm2-video-llama3-chat 17
THUDM/CogAgent 18
THUDM/CogVLM 17
THUDM/WebGLM 10
THUDM/MathGLM 7
THUDM/MathGLM-Vision 7
THUDM/BPO 7
THUDM/MSAGPT 7
THUDM/glm-4-voice-decoder 0.5
THUDM/glm-4-voice-tokenizer 0.1
zai-org/glm-large-chinese 0.335
zai-org/glm-roberta-large 0.355
zai-org/cogvlm-chat-hf 17
zai-org/cogvlm-base-224-hf 17
zai-org/cogvlm-base-490-hf 17
zai-org/cogvlm-grounding-base-hf 17
zai-org/cogvlm-grounding-generalist-hf 17
zai-org/cogagent-chat-hf 18
zai-org/cogagent-vqa-hf 18
zai-org/cogvlm2-llama3-caption 17
zai-org/cogvlm2-video-llama3-base 17
zai-org/cogvlm2-video-llama3-chat 17
zai-org/CogAgent 18
zai-org/CogVLM 17
zai-org/WebGLM 10
zai-org/MathGLM 7
zai-org/MathGLM-Vision 7
zai-org/BPO 7
zai-org/MSAGPT 7
zai-org/glm-4-voice-decoder 0.5
zai-org/glm-4-voice-tokenizer 0.1
zai-org/GLM-4.5 355
zai-org/GLM-4.5-Base 355
zai-org/GLM-4.5-Air 106
zai-org/GLM-4.5-Air-Base 106
zai-org/GLM-4.5V 106
zai-org/GLM-4.6 357
zai-org/GLM-4.6-FP8 357
zai-org/GLM-4.6V 108
zai-org/GLM-4.6V-FP8 108
zai-org/GLM-4.6V-Flash 10
zai-org/GLM-4.7 358
zai-org/GLM-4.7-FP8 358
zai-org/GLM-4.7-Flash 31
openbmb/MiniCPM-V-4 4.1
openbmb/MiniCPM-MoE-8x2B 14
openbmb/Eurux-8x22b-kto 141
openbmb/Eurux-8x22b-nca 141
openbmb/MiniCPM-V 3
openbmb/MiniCPM-V-2 3
openbmb/MiniCPM-V-2_6 8
openbmb/MiniCPM-V-4_5 8
openbmb/MiniCPM-o-2_6 8
openbmb/MiniCPM-Llama3-V-2_5 8
openbmb/MiniCPM4-MCP 4
openbmb/MiniCPM4-Survey 4
openbmb/MiniCPM-Embedding 0.1
openbmb/MiniCPM-Embedding-Light 0.05
openbmb/MiniCPM-Reranker 0.4
openbmb/MiniCPM-Reranker-Light 0.1
openbmb/VisCPM-Chat 10
openbmb/VisCPM-Paint 10
openbmb/VisRAG-Ret 2
openbmb/RLHF-V 7
openbmb/RLHF-V-SFT 7
openbmb/Ultra-FineWeb-classifier 0.1
nvidia/MambaVision-T-1K 0.032
nvidia/MambaVision-T2-1K 0.035
nvidia/MambaVision-S-1K 0.050
nvidia/MambaVision-B-1K 0.098
nvidia/MambaVision-B-21K 0.098
nvidia/MambaVision-L-1K 0.228
nvidia/MambaVision-L-21K 0.228
nvidia/MambaVision-L2-1K 0.241
nvidia/MambaVision-L2-512-21K 0.241
nvidia/MambaVision-L3-256-21K 0.280
nvidia/MambaVision-L3-512-21K 0.280
internlm/Intern-S1 241
internlm/Intern-S1-mini 3
internlm/internlm-xcomposer2d5-clip 0.3
internlm/internlm2-step-prover 7
internlm/internlm2-wqx-vl-clip 0.3
internlm/internlm2_5-step-prover 7
ibm-granite/granite-4.0-tiny-base-preview 6.7
ibm-granite/granite-4.0-tiny-preview 7
ibm-granite/granite-embedding-107m-multilingual 0.107
ibm-granite/granite-embedding-278m-multilingual 0.278
ibm-granite/granite-guardian-hap-125m 0.125
ibm-granite/granite-guardian-hap-38m 0.038
inclusionAI/Ling-lite 16.8
inclusionAI/Ling-lite-base 16.8
inclusionAI/Ling-lite-1.5 16.8
inclusionAI/Ling-lite-1.5-2506 16.8
inclusionAI/Ling-lite-1.5-2507 7
inclusionAI/Ling-lite-base-1.5 16.8
inclusionAI/Ling-Coder-lite 7
inclusionAI/Ling-Coder-lite-base 7
inclusionAI/Ling-mini-2.0 16.26
inclusionAI/Ling-mini-base-2.0 16.26
inclusionAI/Ling-mini-base-2.0-5T 16.26
inclusionAI/Ling-mini-base-2.0-10T 16.26
inclusionAI/Ling-mini-base-2.0-15T 16.26
inclusionAI/Ling-mini-base-2.0-20T 16.26
inclusionAI/Ling-flash-2.0 100
inclusionAI/Ling-flash-2.0-GGUF 100
inclusionAI/Ling-flash-base-2.0 100
inclusionAI/Ling-plus 290
inclusionAI/Ling-plus-base 290
inclusionAI/Ring-lite 7
inclusionAI/Ring-lite-2506 7
inclusionAI/Ring-lite-2507 7
inclusionAI/Ring-lite-distill-preview 7
inclusionAI/Ring-lite-linear-preview 7
inclusionAI/Ring-mini-2.0 3
inclusionAI/Ring-mini-2.0-GGUF 3
inclusionAI/Ring-mini-linear-2.0 3
inclusionAI/Ring-flash-2.0 3
inclusionAI/Ring-flash-linear-2.0 3
inclusionAI/GroveMoE-Base 33
inclusionAI/GroveMoE-Inst 33
inclusionAI/Ling-1T 1000
inclusionAI/Ling-1T-FP8 1000
inclusionAI/Ring-1T 1000
inclusionAI/Ring-1T-FP8 1000
inclusionAI/Ring-1T-preview 1000
inclusionAI/Ring-1T-preview-FP8 1000
inclusionAI/M2-Reasoning 7
inclusionAI/Ming-Lite-Omni 19
inclusionAI/Ming-Lite-Omni-1.5 20.3
inclusionAI/Ming-Lite-Uni 7
inclusionAI/Rubicon-Preview 7
inclusionAI/ViLaSR 7
allenai/OLMo-Ladder-760M-0.5xC 0.76
allenai/FlexOlmo-7x7B-1T 33
microsoft/Florence-2-base 0.2
microsoft/Florence-2-base-ft 0.2
microsoft/Florence-2-large 0.8
microsoft/Florence-2-large-ft 0.8
Qwen/Qwen1.5-MoE-A2.7B 14.3
Qwen/Qwen1.5-MoE-A2.7B-Chat 14.3
XiaomiMiMo/MiMo-V2-Flash 310
XiaomiMiMo/MiMo-V2-Flash-Base 310
vikhyatk/moondream1 1.9
vikhyatk/moondream2 1.9
moondream/moondream3-preview 9.3
rednote-hilab/dots.ocr 3
llava-hf/bakLlava-v1-hf 7
Qwen/Qwen3.5-397B-A17B 397
google/gemma-4-26B-A4B-it 25.2
mistralai/Mistral-Small-4-119B-2603 119
CohereLabs/command-a-plus-05-2026-bf16 218
nvidia/NVIDIA-Nemotron-3-Ultra-550B-A55B-BF16 550
zai-org/GLM-5 744
stepfun-ai/Step-3.5-Flash 196.81
Qwen/Qwen3-Coder-480B-A35B-Instruct 480
moonshotai/Kimi-K2.6 1000
Qwen/Qwen3-235B-A22B-Instruct-2507 235
nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16 30
mistralai/Mistral-Small-24B-Instruct-2501 24
mistralai/Mistral-Small-3.1-24B-Instruct-2503 24
google/gemma-3-27b-it 27
`;
