-- LLM architectures, from each model's config.json on Hugging Face (the
-- source column) and parameter counts from the model card.  head_dim is
-- the query/key head size; for MLA (DeepSeek) it is qk_nope + qk_rope and
-- the KV cache is described by kv_lora_rank + qk_rope_head_dim.
-- sliding_layers: how many layers use the sliding window (Gemma 2 and
-- gpt-oss alternate local and global layers; Mistral 7B v0.1 uses it on
-- all layers; Phi-3-mini's config sets a 2047-token window on all).
INSERT INTO model (id, name, family, hf_repo, architecture, model_type, layers, hidden, intermediate, heads, kv_heads, head_dim,
  vocab, tied_embeddings, max_context, attention, sliding_window, sliding_layers,
  moe_experts, moe_top_k, moe_shared_experts, moe_intermediate, moe_dense_layers,
  kv_lora_rank, q_lora_rank, qk_rope_head_dim, qk_nope_head_dim, v_head_dim,
  params_total, params_active, native_dtype, source, as_of) VALUES
('llama-2-7b', 'Llama 2 7B', 'llama', 'meta-llama/Llama-2-7b-hf', 'LlamaForCausalLM', 'llama', 32, 4096, 11008, 32, 32, 128, 32000, 0, 4096, 'mha', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 6.74e9, 6.74e9, 'fp16', 'https://huggingface.co/meta-llama/Llama-2-7b-hf/blob/main/config.json', '2026-11-24'),
('llama-2-13b', 'Llama 2 13B', 'llama', 'meta-llama/Llama-2-13b-hf', 'LlamaForCausalLM', 'llama', 40, 5120, 13824, 40, 40, 128, 32000, 0, 4096, 'mha', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 13.0e9, 13.0e9, 'fp16', 'https://huggingface.co/meta-llama/Llama-2-13b-hf/blob/main/config.json', '2026-11-24'),
('llama-2-70b', 'Llama 2 70B', 'llama', 'meta-llama/Llama-2-70b-hf', 'LlamaForCausalLM', 'llama', 80, 8192, 28672, 64, 8, 128, 32000, 0, 4096, 'gqa', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 69.0e9, 69.0e9, 'fp16', 'https://huggingface.co/meta-llama/Llama-2-70b-hf/blob/main/config.json', '2026-11-24'),
('llama-3.1-8b', 'Llama 3.1 8B', 'llama', 'meta-llama/Llama-3.1-8B-Instruct', 'LlamaForCausalLM', 'llama', 32, 4096, 14336, 32, 8, 128, 128256, 0, 131072, 'gqa', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 8.03e9, 8.03e9, 'bf16', 'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/blob/main/config.json', '2026-11-24'),
('llama-3.1-70b', 'Llama 3.1 70B', 'llama', 'meta-llama/Llama-3.1-70B-Instruct', 'LlamaForCausalLM', 'llama', 80, 8192, 28672, 64, 8, 128, 128256, 0, 131072, 'gqa', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 70.6e9, 70.6e9, 'bf16', 'https://huggingface.co/meta-llama/Llama-3.1-70B-Instruct/blob/main/config.json', '2026-11-24'),
('llama-3.1-405b', 'Llama 3.1 405B', 'llama', 'meta-llama/Llama-3.1-405B-Instruct', 'LlamaForCausalLM', 'llama', 126, 16384, 53248, 128, 8, 128, 128256, 0, 131072, 'gqa', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 405.9e9, 405.9e9, 'bf16', 'https://huggingface.co/meta-llama/Llama-3.1-405B-Instruct/blob/main/config.json', '2026-11-24'),
('llama-3.2-1b', 'Llama 3.2 1B', 'llama', 'meta-llama/Llama-3.2-1B-Instruct', 'LlamaForCausalLM', 'llama', 16, 2048, 8192, 32, 8, 64, 128256, 1, 131072, 'gqa', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 1.24e9, 1.24e9, 'bf16', 'https://huggingface.co/meta-llama/Llama-3.2-1B-Instruct/blob/main/config.json', '2026-11-24'),
('llama-3.2-3b', 'Llama 3.2 3B', 'llama', 'meta-llama/Llama-3.2-3B-Instruct', 'LlamaForCausalLM', 'llama', 28, 3072, 8192, 24, 8, 128, 128256, 1, 131072, 'gqa', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 3.21e9, 3.21e9, 'bf16', 'https://huggingface.co/meta-llama/Llama-3.2-3B-Instruct/blob/main/config.json', '2026-11-24'),
('mistral-7b', 'Mistral 7B v0.1', 'mistral', 'mistralai/Mistral-7B-v0.1', 'MistralForCausalLM', 'mistral', 32, 4096, 14336, 32, 8, 128, 32000, 0, 32768, 'gqa', 4096, 32,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 7.24e9, 7.24e9, 'bf16', 'https://huggingface.co/mistralai/Mistral-7B-v0.1/blob/main/config.json', '2026-11-24'),
('mixtral-8x7b', 'Mixtral 8x7B', 'mistral', 'mistralai/Mixtral-8x7B-Instruct-v0.1', 'MixtralForCausalLM', 'mixtral', 32, 4096, 14336, 32, 8, 128, 32000, 0, 32768, 'gqa', NULL, NULL,
  8, 2, 0, 14336, 0, NULL, NULL, NULL, NULL, NULL, 46.7e9, 12.9e9, 'bf16', 'https://huggingface.co/mistralai/Mixtral-8x7B-Instruct-v0.1/blob/main/config.json', '2026-11-24'),
('mixtral-8x22b', 'Mixtral 8x22B', 'mistral', 'mistralai/Mixtral-8x22B-Instruct-v0.1', 'MixtralForCausalLM', 'mixtral', 56, 6144, 16384, 48, 8, 128, 32768, 0, 65536, 'gqa', NULL, NULL,
  8, 2, 0, 16384, 0, NULL, NULL, NULL, NULL, NULL, 141e9, 39e9, 'bf16', 'https://huggingface.co/mistralai/Mixtral-8x22B-Instruct-v0.1/blob/main/config.json', '2026-11-24'),
('qwen2.5-0.5b', 'Qwen2.5 0.5B', 'qwen', 'Qwen/Qwen2.5-0.5B-Instruct', 'Qwen2ForCausalLM', 'qwen2', 24, 896, 4864, 14, 2, 64, 151936, 1, 32768, 'gqa', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 0.49e9, 0.49e9, 'bf16', 'https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct/blob/main/config.json', '2026-11-24'),
('qwen2.5-1.5b', 'Qwen2.5 1.5B', 'qwen', 'Qwen/Qwen2.5-1.5B-Instruct', 'Qwen2ForCausalLM', 'qwen2', 28, 1536, 8960, 12, 2, 128, 151936, 1, 32768, 'gqa', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 1.54e9, 1.54e9, 'bf16', 'https://huggingface.co/Qwen/Qwen2.5-1.5B-Instruct/blob/main/config.json', '2026-11-24'),
('qwen2.5-3b', 'Qwen2.5 3B', 'qwen', 'Qwen/Qwen2.5-3B-Instruct', 'Qwen2ForCausalLM', 'qwen2', 36, 2048, 11008, 16, 2, 128, 151936, 1, 32768, 'gqa', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 3.09e9, 3.09e9, 'bf16', 'https://huggingface.co/Qwen/Qwen2.5-3B-Instruct/blob/main/config.json', '2026-11-24'),
('qwen2.5-7b', 'Qwen2.5 7B', 'qwen', 'Qwen/Qwen2.5-7B-Instruct', 'Qwen2ForCausalLM', 'qwen2', 28, 3584, 18944, 28, 4, 128, 152064, 0, 32768, 'gqa', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 7.61e9, 7.61e9, 'bf16', 'https://huggingface.co/Qwen/Qwen2.5-7B-Instruct/blob/main/config.json', '2026-11-24'),
('qwen2.5-14b', 'Qwen2.5 14B', 'qwen', 'Qwen/Qwen2.5-14B-Instruct', 'Qwen2ForCausalLM', 'qwen2', 48, 5120, 13824, 40, 8, 128, 152064, 0, 32768, 'gqa', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 14.7e9, 14.7e9, 'bf16', 'https://huggingface.co/Qwen/Qwen2.5-14B-Instruct/blob/main/config.json', '2026-11-24'),
('qwen2.5-32b', 'Qwen2.5 32B', 'qwen', 'Qwen/Qwen2.5-32B-Instruct', 'Qwen2ForCausalLM', 'qwen2', 64, 5120, 27648, 40, 8, 128, 152064, 0, 32768, 'gqa', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 32.5e9, 32.5e9, 'bf16', 'https://huggingface.co/Qwen/Qwen2.5-32B-Instruct/blob/main/config.json', '2026-11-24'),
('qwen2.5-72b', 'Qwen2.5 72B', 'qwen', 'Qwen/Qwen2.5-72B-Instruct', 'Qwen2ForCausalLM', 'qwen2', 80, 8192, 29568, 64, 8, 128, 152064, 0, 32768, 'gqa', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 72.7e9, 72.7e9, 'bf16', 'https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/config.json', '2026-11-24'),
('qwen3-8b', 'Qwen3 8B', 'qwen', 'Qwen/Qwen3-8B', 'Qwen3ForCausalLM', 'qwen3', 36, 4096, 12288, 32, 8, 128, 151936, 0, 40960, 'gqa', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 8.2e9, 8.2e9, 'bf16', 'https://huggingface.co/Qwen/Qwen3-8B/blob/main/config.json', '2026-11-24'),
('qwen3-32b', 'Qwen3 32B', 'qwen', 'Qwen/Qwen3-32B', 'Qwen3ForCausalLM', 'qwen3', 64, 5120, 25600, 64, 8, 128, 151936, 0, 40960, 'gqa', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 32.8e9, 32.8e9, 'bf16', 'https://huggingface.co/Qwen/Qwen3-32B/blob/main/config.json', '2026-11-24'),
('qwen3-30b-a3b', 'Qwen3 30B-A3B', 'qwen', 'Qwen/Qwen3-30B-A3B', 'Qwen3MoeForCausalLM', 'qwen3_moe', 48, 2048, 6144, 32, 4, 128, 151936, 0, 40960, 'gqa', NULL, NULL,
  128, 8, 0, 768, 0, NULL, NULL, NULL, NULL, NULL, 30.5e9, 3.3e9, 'bf16', 'https://huggingface.co/Qwen/Qwen3-30B-A3B/blob/main/config.json', '2026-11-24'),
('qwen3-235b-a22b', 'Qwen3 235B-A22B', 'qwen', 'Qwen/Qwen3-235B-A22B', 'Qwen3MoeForCausalLM', 'qwen3_moe', 94, 4096, 12288, 64, 4, 128, 151936, 0, 40960, 'gqa', NULL, NULL,
  128, 8, 0, 1536, 0, NULL, NULL, NULL, NULL, NULL, 235e9, 22e9, 'bf16', 'https://huggingface.co/Qwen/Qwen3-235B-A22B/blob/main/config.json', '2026-11-24'),
('deepseek-v3', 'DeepSeek-V3', 'deepseek', 'deepseek-ai/DeepSeek-V3', 'DeepseekV3ForCausalLM', 'deepseek_v3', 61, 7168, 18432, 128, 128, 192, 129280, 0, 163840, 'mla', NULL, NULL,
  256, 8, 1, 2048, 3, 512, 1536, 64, 128, 128, 671e9, 37e9, 'fp8', 'https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json', '2026-11-24'),
('glm-4-9b', 'GLM-4-9B-Chat', 'glm', 'THUDM/glm-4-9b-chat', 'ChatGLMModel', 'chatglm', 40, 4096, 13696, 32, 2, 128, 151552, 0, 131072, 'gqa', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 9.4e9, 9.4e9, 'bf16', 'https://huggingface.co/THUDM/glm-4-9b-chat/blob/main/config.json', '2026-11-24'),
('autoglm-phone-9b', 'AutoGLM-Phone-9B (Open-AutoGLM)', 'glm', 'zai-org/AutoGLM-Phone-9B', 'Glm4vForConditionalGeneration', 'glm4v', 40, 4096, 13696, 32, 2, 128, 151552, 0, 65536, 'gqa', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 9.4e9, 9.4e9, 'bf16', 'https://huggingface.co/zai-org/AutoGLM-Phone-9B/blob/main/config.json (GLM-4.1V-9B language model; its vision tower: table vision)', '2026-11-24'),
('gemma-2-9b', 'Gemma 2 9B', 'gemma', 'google/gemma-2-9b-it', 'Gemma2ForCausalLM', 'gemma2', 42, 3584, 14336, 16, 8, 256, 256000, 1, 8192, 'gqa', 4096, 21,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 9.24e9, 9.24e9, 'bf16', 'https://huggingface.co/google/gemma-2-9b-it/blob/main/config.json', '2026-11-24'),
('gemma-2-27b', 'Gemma 2 27B', 'gemma', 'google/gemma-2-27b-it', 'Gemma2ForCausalLM', 'gemma2', 46, 4608, 36864, 32, 16, 128, 256000, 1, 8192, 'gqa', 4096, 23,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 27.2e9, 27.2e9, 'bf16', 'https://huggingface.co/google/gemma-2-27b-it/blob/main/config.json', '2026-11-24'),
('phi-3-mini', 'Phi-3-mini-4k-instruct', 'phi', 'microsoft/Phi-3-mini-4k-instruct', 'Phi3ForCausalLM', 'phi3', 32, 3072, 8192, 32, 32, 96, 32064, 0, 4096, 'mha', 2047, 32,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 3.82e9, 3.82e9, 'bf16', 'https://huggingface.co/microsoft/Phi-3-mini-4k-instruct/blob/main/config.json', '2026-11-24'),
('phi-3-medium', 'Phi-3-medium-4k-instruct', 'phi', 'microsoft/Phi-3-medium-4k-instruct', 'Phi3ForCausalLM', 'phi3', 40, 5120, 17920, 40, 10, 128, 32064, 0, 4096, 'gqa', NULL, NULL,
  0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, 14.0e9, 14.0e9, 'bf16', 'https://huggingface.co/microsoft/Phi-3-medium-4k-instruct/blob/main/config.json', '2026-11-24'),
('gpt-oss-20b', 'gpt-oss-20b', 'gpt-oss', 'openai/gpt-oss-20b', 'GptOssForCausalLM', 'gpt_oss', 24, 2880, 2880, 64, 8, 64, 201088, 0, 131072, 'gqa', 128, 12,
  32, 4, 0, 2880, 0, NULL, NULL, NULL, NULL, NULL, 20.9e9, 3.6e9, 'mxfp4', 'https://huggingface.co/openai/gpt-oss-20b/blob/main/config.json', '2026-11-24'),
('gpt-oss-120b', 'gpt-oss-120b', 'gpt-oss', 'openai/gpt-oss-120b', 'GptOssForCausalLM', 'gpt_oss', 36, 2880, 2880, 64, 8, 64, 201088, 0, 131072, 'gqa', 128, 18,
  128, 4, 0, 2880, 0, NULL, NULL, NULL, NULL, NULL, 116.8e9, 5.1e9, 'mxfp4', 'https://huggingface.co/openai/gpt-oss-120b/blob/main/config.json', '2026-11-24');

INSERT INTO alias (kind, alias, id) VALUES
('model', 'meta-llama/Llama-3.1-8B-Instruct', 'llama-3.1-8b'), ('model', 'meta-llama/Llama-3.1-70B-Instruct', 'llama-3.1-70b'),
('model', 'Open-AutoGLM', 'autoglm-phone-9b'), ('model', 'AutoGLM', 'autoglm-phone-9b'),
('model', 'zai-org/AutoGLM-Phone-9B', 'autoglm-phone-9b'), ('model', 'THUDM/glm-4-9b-chat', 'glm-4-9b'),
('model', 'deepseek-ai/DeepSeek-V3', 'deepseek-v3'), ('model', 'Qwen/Qwen3-30B-A3B', 'qwen3-30b-a3b'),
('model', 'mistralai/Mixtral-8x7B-Instruct-v0.1', 'mixtral-8x7b');

-- Vision towers.  AutoGLM-Phone-9B is GLM-4.1V: transformers'
-- Glm4vVisionConfig gives the tower (depth 24, hidden 1536, 12 heads,
-- out_hidden 4096, intermediate 13696); vLLM's glm4v.py at v0.12.0 how they
-- are used (each block's SwiGLU MLP is out_hidden wide, the merger's
-- intermediate wide); the model's preprocessor_config.json the pixel
-- bounds and patching.  docs/sources/glm4v/SOURCES.md quotes each.
INSERT INTO vision (id, depth, hidden, heads, mlp, out_hidden, merger, patch_size, merge_size,
  temporal_patch, min_pixels, max_pixels, source, as_of) VALUES
('autoglm-phone-9b', 24, 1536, 12, 4096, 4096, 13696, 14, 2, 2, 12544, 9633792,
  'https://huggingface.co/zai-org/AutoGLM-Phone-9B (preprocessor_config.json); vllm/model_executor/models/glm4v.py; transformers configuration_glm4v.py', '2026-12-06');

-- Open-AutoGLM's own serving commands for AutoGLM-Phone-9B (README and
-- requirements.txt at 6b18d7bed0a8, 2026-02-12: vllm>=0.12.0 or
-- sglang>=0.5.6.post1, with transformers>=5.0.0rc0), less what rigplan
-- sets itself (model, served name, context, port) and vLLM's
-- --allowed-local-media-path /, which lets a request read any file of the
-- container; the client sends screenshots inline.
INSERT INTO model_serving (id, model, family, since, flags, source, as_of) VALUES
('autoglm-phone-9b/vllm', 'autoglm-phone-9b', 'vllm', '0.12.0',
 '--mm-encoder-tp-mode data --mm-processor-cache-type shm --mm-processor-kwargs {"max_pixels":5000000} --chat-template-content-format string --limit-mm-per-prompt {"image":10}',
 'https://github.com/zai-org/Open-AutoGLM/blob/6b18d7bed0a8b5696760b06f7d18065b150901a2/README.md', '2026-12-06'),
('autoglm-phone-9b/sglang', 'autoglm-phone-9b', 'sglang', '0.5.6.post1',
 '--mm-enable-dp-encoder --mm-process-config {"image":{"max_pixels":5000000}}',
 'https://github.com/zai-org/Open-AutoGLM/blob/6b18d7bed0a8b5696760b06f7d18065b150901a2/README.md', '2026-12-06');
