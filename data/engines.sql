-- Serving engines, one row per release, with the images that run each
-- release (and the GPU targets their kernels are built for) and the model
-- architectures each family loads from which release on.  Collected
-- 2026-12-06 from each engine's source at the release tag (argument
-- parsers, Dockerfiles, model registries), release notes and docs; every
-- row names its source.  The newest release of a family is its default;
-- older ones are chosen with --engine family@version.
--
-- Deliberate omissions, so that what is here is what the release does:
--  * TensorRT-LLM's fp8 KV cache is set in its YAML options file
--    (--extra_llm_api_options), which rigplan does not write: not listed.
--  * The PTX that vLLM 0.6.6 / 0.8.5 and TGI build their own kernels with
--    (TORCH_CUDA_ARCH_LIST ...9.0+PTX) does not make the image run on a
--    newer GPU: the PyTorch inside (CUDA 12.4 wheels) ships sm_50..sm_90
--    kernels only and stops on sm_100/sm_120 ("no kernel image is available",
--    https://github.com/pytorch/pytorch/issues/167244,
--    https://github.com/vllm-project/vllm/issues/19906): their targets end at 9.0.
--  * llama.cpp and Ollama load gpt-oss's MXFP4 experts from a GGUF file:
--    listed as gguf-mxfp4 (vLLM's mxfp4 is the safetensors checkpoint).

-- ===== vllm
-- vLLM OpenAI-compatible server: releases, images and architectures (family 'vllm').
-- Facts read from the release tags of github.com/vllm-project/vllm; see notes-vllm.md.
-- max_num_seqs / max_num_batched_tokens are NULL where the release picks them at start-up
-- (by GPU memory and usage context); kv_block_tokens is the CUDA default when --block-size is unset.
-- default_kv_format: --kv-cache-dtype defaults to 'auto' (= the model dtype); bf16 recorded.

INSERT INTO engine (id, family, name, version, released, port, health_path, weight_formats, kv_formats, default_kv_format, pp, multinode, ep, gpu_memory_utilization, max_num_seqs, max_num_batched_tokens, kv_block_tokens, source, as_of) VALUES
('vllm@0.6.6', 'vllm', 'vLLM OpenAI-compatible server', '0.6.6', '2024-12-26', 8000, '/health',
 'bf16,fp16,fp8,int8,int4-awq,int4-gptq,gguf-q4_0,gguf-q4_k_m,gguf-q5_k_m,gguf-q6_k,gguf-q8_0,gguf-f16',
 'bf16,fp16,fp8', 'bf16', 1, 'ray', 0, 0.9, 256, NULL, 16,
 'https://github.com/vllm-project/vllm/blob/v0.6.6/vllm/engine/arg_utils.py', '2026-12-06'),
('vllm@0.8.5', 'vllm', 'vLLM OpenAI-compatible server', '0.8.5', '2025-04-28', 8000, '/health',
 'bf16,fp16,fp8,int8,int4-awq,int4-gptq,gguf-q4_0,gguf-q4_k_m,gguf-q5_k_m,gguf-q6_k,gguf-q8_0,gguf-f16,nvfp4',
 'bf16,fp16,fp8', 'bf16', 1, 'ray', 1, 0.9, NULL, NULL, 16,
 'https://github.com/vllm-project/vllm/blob/v0.8.5/vllm/engine/arg_utils.py', '2026-12-06'),
('vllm@0.10.2', 'vllm', 'vLLM OpenAI-compatible server', '0.10.2', '2025-09-15', 8000, '/health',
 'bf16,fp16,fp8,int8,int4-awq,int4-gptq,gguf-q4_0,gguf-q4_k_m,gguf-q5_k_m,gguf-q6_k,gguf-q8_0,gguf-f16,gguf-mxfp4,nvfp4',
 'bf16,fp16,fp8', 'bf16', 1, 'ray', 1, 0.9, NULL, NULL, 16,
 'https://github.com/vllm-project/vllm/blob/v0.10.2/vllm/engine/arg_utils.py', '2026-12-06'),
('vllm@0.12.0', 'vllm', 'vLLM OpenAI-compatible server', '0.12.0', '2025-12-02', 8000, '/health',
 'bf16,fp16,fp8,int8,int4-awq,int4-gptq,gguf-q4_0,gguf-q4_k_m,gguf-q5_k_m,gguf-q6_k,gguf-q8_0,gguf-f16,gguf-mxfp4,nvfp4',
 'bf16,fp16,fp8', 'bf16', 1, 'ray', 1, 0.9, NULL, NULL, 16,
 'https://github.com/vllm-project/vllm/blob/v0.12.0/vllm/engine/arg_utils.py', '2026-12-06'),
('vllm@0.25.1', 'vllm', 'vLLM OpenAI-compatible server', '0.25.1', '2026-07-12', 8000, '/health',
 'bf16,fp16,fp8,int8,int4-awq,int4-gptq,mxfp4,nvfp4',
 'bf16,fp16,fp8', 'bf16', 1, 'native', 1, 0.92, NULL, NULL, 16,
 'https://github.com/vllm-project/vllm/blob/v0.25.1/vllm/config/cache.py', '2026-12-06');

INSERT INTO engine_image (id, engine, image, platform, targets, source, as_of) VALUES
('vllm@0.6.6 vllm/vllm-openai:v0.6.6', 'vllm@0.6.6', 'vllm/vllm-openai:v0.6.6', 'linux/amd64',
 '7.0,7.5,8.0,8.6,8.9,9.0', 'https://github.com/vllm-project/vllm/blob/v0.6.6/Dockerfile', '2026-12-06'),
('vllm@0.8.5 vllm/vllm-openai:v0.8.5', 'vllm@0.8.5', 'vllm/vllm-openai:v0.8.5', 'linux/amd64',
 '7.0,7.5,8.0,8.6,8.9,9.0', 'https://github.com/vllm-project/vllm/blob/v0.8.5/docker/Dockerfile', '2026-12-06'),
('vllm@0.10.2 vllm/vllm-openai:v0.10.2', 'vllm@0.10.2', 'vllm/vllm-openai:v0.10.2', 'linux/amd64',
 '7.0,7.5,8.0,8.9,9.0,10.0,12.0', 'https://github.com/vllm-project/vllm/blob/v0.10.2/docker/Dockerfile', '2026-12-06'),
('vllm@0.10.2 vllm/vllm-openai:v0.10.2 linux/arm64', 'vllm@0.10.2', 'vllm/vllm-openai:v0.10.2', 'linux/arm64',
 '8.7,9.0,10.0+PTX,12.0', 'https://github.com/vllm-project/vllm/blob/v0.10.2/.buildkite/release-pipeline.yaml', '2026-12-06'),
('vllm@0.12.0 vllm/vllm-openai:v0.12.0', 'vllm@0.12.0', 'vllm/vllm-openai:v0.12.0', 'linux/amd64',
 '7.0,7.5,8.0,8.9,9.0,10.0,12.0', 'https://github.com/vllm-project/vllm/blob/v0.12.0/docker/Dockerfile', '2026-12-06'),
('vllm@0.12.0 vllm/vllm-openai:v0.12.0 linux/arm64', 'vllm@0.12.0', 'vllm/vllm-openai:v0.12.0', 'linux/arm64',
 '8.7,8.9,9.0,10.0+PTX,12.0', 'https://github.com/vllm-project/vllm/blob/v0.12.0/.buildkite/release-pipeline.yaml', '2026-12-06'),
('vllm@0.25.1 vllm/vllm-openai:v0.25.1', 'vllm@0.25.1', 'vllm/vllm-openai:v0.25.1', 'linux/amd64',
 '7.5,8.0,8.6,8.9,9.0,10.0,12.0', 'https://github.com/vllm-project/vllm/blob/v0.25.1/.buildkite/release-pipeline.yaml', '2026-12-06'),
('vllm@0.25.1 vllm/vllm-openai:v0.25.1 linux/arm64', 'vllm@0.25.1', 'vllm/vllm-openai:v0.25.1', 'linux/arm64',
 '8.0,8.7,8.9,9.0,10.0,11.0,12.0', 'https://github.com/vllm-project/vllm/blob/v0.25.1/.buildkite/release-pipeline.yaml', '2026-12-06'),
('vllm@0.25.1 vllm/vllm-openai:v0.25.1-cu129', 'vllm@0.25.1', 'vllm/vllm-openai:v0.25.1-cu129', 'linux/amd64',
 '7.5,8.0,8.6,8.9,9.0,10.0,12.0', 'https://github.com/vllm-project/vllm/blob/v0.25.1/.buildkite/release-pipeline.yaml', '2026-12-06'),
('vllm@0.25.1 vllm/vllm-openai:v0.25.1-cu129 linux/arm64', 'vllm@0.25.1', 'vllm/vllm-openai:v0.25.1-cu129', 'linux/arm64',
 '8.0,8.7,8.9,9.0,10.0,12.0', 'https://github.com/vllm-project/vllm/blob/v0.25.1/.buildkite/release-pipeline.yaml', '2026-12-06'),
('vllm@0.25.1 vllm/vllm-openai-rocm:v0.25.1', 'vllm@0.25.1', 'vllm/vllm-openai-rocm:v0.25.1', 'linux/amd64',
 'gfx90a,gfx942,gfx950,gfx1100,gfx1101,gfx1200,gfx1201,gfx1150,gfx1151', 'https://github.com/vllm-project/vllm/blob/v0.25.1/docker/Dockerfile.rocm_base', '2026-12-06');

INSERT INTO engine_model (id, family, architecture, since, source, as_of) VALUES
('vllm/LlamaForCausalLM', 'vllm', 'LlamaForCausalLM', '0.1.0', 'https://github.com/vllm-project/vllm/blob/v0.1.0/vllm/model_executor/model_loader.py', '2026-12-06'),
('vllm/MistralForCausalLM', 'vllm', 'MistralForCausalLM', '0.2.0', 'https://github.com/vllm-project/vllm/blob/v0.2.0/vllm/model_executor/model_loader.py', '2026-12-06'),
('vllm/ChatGLMModel', 'vllm', 'ChatGLMModel', '0.2.2', 'https://github.com/vllm-project/vllm/blob/v0.2.2/vllm/model_executor/model_loader.py', '2026-12-06'),
('vllm/MixtralForCausalLM', 'vllm', 'MixtralForCausalLM', '0.2.4', 'https://github.com/vllm-project/vllm/blob/v0.2.4/vllm/model_executor/model_loader.py', '2026-12-06'),
('vllm/Qwen2ForCausalLM', 'vllm', 'Qwen2ForCausalLM', '0.3.0', 'https://github.com/vllm-project/vllm/blob/v0.3.0/vllm/model_executor/models/__init__.py', '2026-12-06'),
('vllm/Phi3ForCausalLM', 'vllm', 'Phi3ForCausalLM', '0.4.2', 'https://github.com/vllm-project/vllm/blob/v0.4.2/vllm/model_executor/models/__init__.py', '2026-12-06'),
('vllm/Gemma2ForCausalLM', 'vllm', 'Gemma2ForCausalLM', '0.5.1', 'https://github.com/vllm-project/vllm/blob/v0.5.1/vllm/model_executor/models/__init__.py', '2026-12-06'),
('vllm/DeepseekV3ForCausalLM', 'vllm', 'DeepseekV3ForCausalLM', '0.6.6', 'https://github.com/vllm-project/vllm/blob/v0.6.6/vllm/model_executor/models/registry.py', '2026-12-06'),
('vllm/Qwen3ForCausalLM', 'vllm', 'Qwen3ForCausalLM', '0.8.4', 'https://github.com/vllm-project/vllm/blob/v0.8.4/vllm/model_executor/models/registry.py', '2026-12-06'),
('vllm/Qwen3MoeForCausalLM', 'vllm', 'Qwen3MoeForCausalLM', '0.8.4', 'https://github.com/vllm-project/vllm/blob/v0.8.4/vllm/model_executor/models/registry.py', '2026-12-06'),
('vllm/Glm4vForConditionalGeneration', 'vllm', 'Glm4vForConditionalGeneration', '0.9.2', 'https://github.com/vllm-project/vllm/blob/v0.9.2/vllm/model_executor/models/registry.py', '2026-12-06'),
('vllm/GptOssForCausalLM', 'vllm', 'GptOssForCausalLM', '0.10.1', 'https://github.com/vllm-project/vllm/blob/v0.10.1/vllm/model_executor/models/registry.py', '2026-12-06');

-- vLLM quantizes a 16-bit checkpoint to fp8 itself as it loads it
-- (--quantization fp8, "online dynamic quantization", no calibration data:
-- https://docs.vllm.ai/en/v0.5.4/quantization/fp8.html, and the same page
-- at every later release), so fp8 needs no checkpoint of its own there.
UPDATE engine SET online_formats = 'fp8' WHERE family = 'vllm';
-- From 0.8.5 (V1) the OpenAI server's step limits are chosen by GPU
-- memory: 1024 sequences and 8192 tokens a step on GPUs of 70 GiB or
-- more, else 256 and 2048; from 0.10.2 an A100 takes the smaller pair
-- too (vllm/engine/arg_utils.py at each tag, the default max_num_seqs and
-- max_num_batched_tokens of the OPENAI_API_SERVER usage context).
UPDATE engine SET max_num_seqs = 256, max_num_batched_tokens = 2048,
  large_gpu_bytes = 75161927680, large_max_num_seqs = 1024, large_max_num_batched_tokens = 8192
  WHERE family = 'vllm' AND id <> 'vllm@0.6.6';
UPDATE engine SET large_gpu_except = 'a100*' WHERE id IN ('vllm@0.10.2', 'vllm@0.12.0', 'vllm@0.25.1');

-- ===== sglang
-- SGLang (family 'sglang') releases, images and model architectures. as_of 2026-12-06.
-- Flag lists: tests/data/engine-flags/sglang@<version>.tsv. Notes: facts/notes-sglang.md.
INSERT INTO engine (id, family, name, version, released, port, health_path, weight_formats, kv_formats, default_kv_format, pp, multinode, ep, gpu_memory_utilization, max_num_seqs, max_num_batched_tokens, kv_block_tokens, source, as_of) VALUES
('sglang@0.4.1', 'sglang', 'SGLang server', '0.4.1', '2024-12-25', 30000, '/health',
 'bf16,fp16,fp8,int4-awq,int4-gptq', 'bf16,fp16,fp8', 'bf16', 0, 'native', 1,
 NULL, NULL, 16384, NULL,
 'https://github.com/sgl-project/sglang/blob/v0.4.1/python/sglang/srt/server_args.py', '2026-12-06'),
('sglang@0.4.6', 'sglang', 'SGLang server', '0.4.6', '2025-04-27', 30000, '/health',
 'bf16,fp16,fp8,int8,int4-awq,int4-gptq,nvfp4', 'bf16,fp16,fp8', 'bf16', 0, 'native', 1,
 NULL, NULL, 16384, 1,
 'https://github.com/sgl-project/sglang/blob/v0.4.6/python/sglang/srt/server_args.py', '2026-12-06'),
('sglang@0.5.6.post1', 'sglang', 'SGLang server', '0.5.6.post1', '2025-12-08', 30000, '/health',
 'bf16,fp16,fp8,int8,int4-awq,int4-gptq,mxfp4,nvfp4', 'bf16,fp16,fp8', 'bf16', 1, 'native', 1,
 NULL, NULL, 16384, 1,
 'https://github.com/sgl-project/sglang/blob/v0.5.6.post1/python/sglang/srt/server_args.py', '2026-12-06');

INSERT INTO engine_image (id, engine, image, platform, targets, source, as_of) VALUES
-- 0.4.1: docker/Dockerfile + .github/workflows/release-docker.yml (cu118/cu121/cu124; '-srt' variants also pushed).
-- targets = sgl-kernel 0.0.2.post8 nvcc -gencode list (sgl-kernel/setup.py at the tag).
('sglang@0.4.1 lmsysorg/sglang:v0.4.1-cu124', 'sglang@0.4.1', 'lmsysorg/sglang:v0.4.1-cu124', 'linux/amd64', '7.5,8.0,8.9,9.0',
 'https://github.com/sgl-project/sglang/blob/v0.4.1/.github/workflows/release-docker.yml', '2026-12-06'),
('sglang@0.4.1 lmsysorg/sglang:v0.4.1-cu121', 'sglang@0.4.1', 'lmsysorg/sglang:v0.4.1-cu121', 'linux/amd64', '7.5,8.0,8.9,9.0',
 'https://github.com/sgl-project/sglang/blob/v0.4.1/.github/workflows/release-docker.yml', '2026-12-06'),
('sglang@0.4.1 lmsysorg/sglang:v0.4.1-cu118', 'sglang@0.4.1', 'lmsysorg/sglang:v0.4.1-cu118', 'linux/amd64', '7.5,8.0,8.9,9.0',
 'https://github.com/sgl-project/sglang/blob/v0.4.1/.github/workflows/release-docker.yml', '2026-12-06'),
-- 0.4.6: cu118/cu121/cu124/cu125 (+ '-srt'); pinned sgl-kernel==0.0.9.post2, whose CMakeLists adds 9.0a for CUDA>=12.4.
('sglang@0.4.6 lmsysorg/sglang:v0.4.6-cu124', 'sglang@0.4.6', 'lmsysorg/sglang:v0.4.6-cu124', 'linux/amd64', '7.5,8.0,8.9,9.0',
 'https://github.com/sgl-project/sglang/blob/v0.4.6/.github/workflows/release-docker.yml', '2026-12-06'),
('sglang@0.4.6 lmsysorg/sglang:v0.4.6-cu125', 'sglang@0.4.6', 'lmsysorg/sglang:v0.4.6-cu125', 'linux/amd64', '7.5,8.0,8.9,9.0',
 'https://github.com/sgl-project/sglang/blob/v0.4.6/.github/workflows/release-docker.yml', '2026-12-06'),
('sglang@0.4.6 lmsysorg/sglang:v0.4.6-cu121', 'sglang@0.4.6', 'lmsysorg/sglang:v0.4.6-cu121', 'linux/amd64', '7.5,8.0,8.9,9.0',
 'https://github.com/sgl-project/sglang/blob/v0.4.6/.github/workflows/release-docker.yml', '2026-12-06'),
('sglang@0.4.6 lmsysorg/sglang:v0.4.6-cu118', 'sglang@0.4.6', 'lmsysorg/sglang:v0.4.6-cu118', 'linux/amd64', '7.5,8.0,8.9,9.0',
 'https://github.com/sgl-project/sglang/blob/v0.4.6/.github/workflows/release-docker.yml', '2026-12-06'),
('sglang@0.4.6 lmsysorg/sglang:v0.4.6-rocm630', 'sglang@0.4.6', 'lmsysorg/sglang:v0.4.6-rocm630', 'linux/amd64', 'gfx942',
 'https://github.com/sgl-project/sglang/blob/v0.4.6/docker/Dockerfile.rocm', '2026-12-06'),
-- 0.5.6.post1: release-docker.yml builds cu129 amd64+arm64 (multi-arch tag v0.5.6.post1) and cu130 runtime images;
-- targets = sgl-kernel 0.3.19 CMakeLists (x86: 8.0,8.9,9.0,9.0a + 10.0a,12.0a for CUDA>=12.8; aarch64 drops <9.0, adds 10.1a (<13.0) or 10.3a,11.0a,12.1a (13.0)).
('sglang@0.5.6.post1 lmsysorg/sglang:v0.5.6.post1', 'sglang@0.5.6.post1', 'lmsysorg/sglang:v0.5.6.post1', 'linux/amd64', '8.0,8.9,9.0,10.0,12.0',
 'https://github.com/sgl-project/sglang/blob/v0.5.6.post1/.github/workflows/release-docker.yml', '2026-12-06'),
('sglang@0.5.6.post1 lmsysorg/sglang:v0.5.6.post1 linux/arm64', 'sglang@0.5.6.post1', 'lmsysorg/sglang:v0.5.6.post1', 'linux/arm64', '9.0,10.0,10.1,12.0',
 'https://github.com/sgl-project/sglang/blob/v0.5.6.post1/.github/workflows/release-docker.yml', '2026-12-06'),
('sglang@0.5.6.post1 lmsysorg/sglang:v0.5.6.post1-cu130-runtime', 'sglang@0.5.6.post1', 'lmsysorg/sglang:v0.5.6.post1-cu130-runtime', 'linux/amd64', '8.0,8.9,9.0,10.0,10.3,12.0',
 'https://github.com/sgl-project/sglang/blob/v0.5.6.post1/.github/workflows/release-docker.yml', '2026-12-06'),
('sglang@0.5.6.post1 lmsysorg/sglang:v0.5.6.post1-cu130-runtime linux/arm64', 'sglang@0.5.6.post1', 'lmsysorg/sglang:v0.5.6.post1-cu130-runtime', 'linux/arm64', '9.0,10.0,10.3,11.0,12.0,12.1',
 'https://github.com/sgl-project/sglang/blob/v0.5.6.post1/.github/workflows/release-docker.yml', '2026-12-06'),
('sglang@0.5.6.post1 lmsysorg/sglang:v0.5.6.post1-rocm630-mi30x', 'sglang@0.5.6.post1', 'lmsysorg/sglang:v0.5.6.post1-rocm630-mi30x', 'linux/amd64', 'gfx942',
 'https://github.com/sgl-project/sglang/blob/v0.5.6.post1/.github/workflows/release-docker-amd.yml', '2026-12-06'),
('sglang@0.5.6.post1 lmsysorg/sglang:v0.5.6.post1-rocm700-mi30x', 'sglang@0.5.6.post1', 'lmsysorg/sglang:v0.5.6.post1-rocm700-mi30x', 'linux/amd64', 'gfx942',
 'https://github.com/sgl-project/sglang/blob/v0.5.6.post1/.github/workflows/release-docker-amd.yml', '2026-12-06'),
('sglang@0.5.6.post1 lmsysorg/sglang:v0.5.6.post1-rocm700-mi35x', 'sglang@0.5.6.post1', 'lmsysorg/sglang:v0.5.6.post1-rocm700-mi35x', 'linux/amd64', 'gfx950',
 'https://github.com/sgl-project/sglang/blob/v0.5.6.post1/.github/workflows/release-docker-amd.yml', '2026-12-06');

-- since = first version-bump commit (python/sglang/__init__.py or version.py) whose models/ tree names the architecture.
INSERT INTO engine_model (id, family, architecture, since, source, as_of) VALUES
('sglang/LlamaForCausalLM', 'sglang', 'LlamaForCausalLM', '0.1.0', 'https://github.com/sgl-project/sglang/tree/f652494df16ef9fa0fac998ddf63961aee0849d4/python/sglang/srt/models', '2026-12-06'),
('sglang/MixtralForCausalLM', 'sglang', 'MixtralForCausalLM', '0.1.0', 'https://github.com/sgl-project/sglang/tree/f652494df16ef9fa0fac998ddf63961aee0849d4/python/sglang/srt/models', '2026-12-06'),
('sglang/MistralForCausalLM', 'sglang', 'MistralForCausalLM', '0.1.10', 'https://github.com/sgl-project/sglang/tree/a49dc52bfa1e04f7713644266b0992e8e977a2bb/python/sglang/srt/models', '2026-12-06'),
('sglang/Qwen2ForCausalLM', 'sglang', 'Qwen2ForCausalLM', '0.1.10', 'https://github.com/sgl-project/sglang/tree/a49dc52bfa1e04f7713644266b0992e8e977a2bb/python/sglang/srt/models', '2026-12-06'),
('sglang/ChatGLMModel', 'sglang', 'ChatGLMModel', '0.1.18', 'https://github.com/sgl-project/sglang/tree/2f11936f953e3b7fab698c45054c6893f98c62e4/python/sglang/srt/models', '2026-12-06'),
('sglang/Gemma2ForCausalLM', 'sglang', 'Gemma2ForCausalLM', '0.1.19', 'https://github.com/sgl-project/sglang/tree/ad872feb14738d2974a434c2d6bfccf8c0ee0062/python/sglang/srt/models', '2026-12-06'),
('sglang/Phi3ForCausalLM', 'sglang', 'Phi3ForCausalLM', '0.3.0', 'https://github.com/sgl-project/sglang/tree/a63c8275c6c5aa642f06793d0bfc60c9653e75a7/python/sglang/srt/models', '2026-12-06'),
('sglang/DeepseekV3ForCausalLM', 'sglang', 'DeepseekV3ForCausalLM', '0.4.1', 'https://github.com/sgl-project/sglang/blob/v0.4.1/python/sglang/srt/models/deepseek_v2.py', '2026-12-06'),
('sglang/Qwen3ForCausalLM', 'sglang', 'Qwen3ForCausalLM', '0.4.5.post2', 'https://github.com/sgl-project/sglang/blob/v0.4.5.post2/python/sglang/srt/models/qwen3.py', '2026-12-06'),
('sglang/Qwen3MoeForCausalLM', 'sglang', 'Qwen3MoeForCausalLM', '0.4.5.post2', 'https://github.com/sgl-project/sglang/blob/v0.4.5.post2/python/sglang/srt/models/qwen3_moe.py', '2026-12-06'),
('sglang/GptOssForCausalLM', 'sglang', 'GptOssForCausalLM', '0.5.0rc0', 'https://github.com/sgl-project/sglang/blob/v0.5.0rc0/python/sglang/srt/models/gpt_oss.py', '2026-12-06'),
('sglang/Glm4vForConditionalGeneration', 'sglang', 'Glm4vForConditionalGeneration', '0.5.0rc1', 'https://github.com/sgl-project/sglang/blob/v0.5.0rc1/python/sglang/srt/models/glm4v.py', '2026-12-06');

-- ===== tgi
-- Hugging Face Text Generation Inference (TGI) releases, collected 2026-12-06.
-- Every fact read from the huggingface/text-generation-inference git history at the named tag.
-- engine.source = launcher/src/main.rs at the tag (flags, defaults, kv-cache-dtype and quantize choices);
-- port 80 comes from the image's ENV PORT=80 (Dockerfile at the tag), the launcher's own default is 3000.
INSERT INTO engine (id, family, name, version, released, port, health_path, weight_formats, kv_formats,
  default_kv_format, pp, multinode, ep, gpu_memory_utilization, max_num_seqs, max_num_batched_tokens,
  kv_block_tokens, source, as_of) VALUES
('tgi@3.0.1', 'tgi', 'Hugging Face Text Generation Inference', '3.0.1', '2024-12-11', 80, '/health',
 'bf16,fp16,fp8,int8,int4-awq,int4-gptq', 'fp16,bf16,fp8', 'fp16', 0, 'none', 0, 1.0, NULL, NULL, 1,
 'https://github.com/huggingface/text-generation-inference/blob/v3.0.1/launcher/src/main.rs', '2026-12-06'),
('tgi@3.3.4', 'tgi', 'Hugging Face Text Generation Inference', '3.3.4', '2025-06-19', 80, '/health',
 'bf16,fp16,fp8,int8,int4-awq,int4-gptq', 'fp16,bf16,fp8', 'fp16', 0, 'none', 0, 1.0, NULL, NULL, 1,
 'https://github.com/huggingface/text-generation-inference/blob/v3.3.4/launcher/src/main.rs', '2026-12-06'),
('tgi@3.3.7', 'tgi', 'Hugging Face Text Generation Inference', '3.3.7', '2025-12-18', 80, '/health',
 'bf16,fp16,fp8,int8,int4-awq,int4-gptq', 'fp16,bf16,fp8', 'fp16', 0, 'none', 0, 1.0, NULL, NULL, 1,
 'https://github.com/huggingface/text-generation-inference/blob/v3.3.7/launcher/src/main.rs', '2026-12-06');

-- CUDA image (Dockerfile): TORCH_CUDA_ARCH_LIST="8.0;8.6;9.0+PTX" for the kernel builds; the release
-- workflow (.github/workflows/build.yaml) pushes <version> tags for linux/amd64 only.
INSERT INTO engine_image (id, engine, image, platform, targets, source, as_of) VALUES
('tgi@3.0.1 ghcr.io/huggingface/text-generation-inference:3.0.1', 'tgi@3.0.1',
 'ghcr.io/huggingface/text-generation-inference:3.0.1', 'linux/amd64', '8.0,8.6,9.0',
 'https://github.com/huggingface/text-generation-inference/blob/v3.0.1/Dockerfile', '2026-12-06'),
('tgi@3.3.4 ghcr.io/huggingface/text-generation-inference:3.3.4', 'tgi@3.3.4',
 'ghcr.io/huggingface/text-generation-inference:3.3.4', 'linux/amd64', '8.0,8.6,9.0',
 'https://github.com/huggingface/text-generation-inference/blob/v3.3.4/Dockerfile', '2026-12-06'),
('tgi@3.3.7 ghcr.io/huggingface/text-generation-inference:3.3.7', 'tgi@3.3.7',
 'ghcr.io/huggingface/text-generation-inference:3.3.7', 'linux/amd64', '8.0,8.6,9.0',
 'https://github.com/huggingface/text-generation-inference/blob/v3.3.7/Dockerfile', '2026-12-06');

-- Native (flash) model implementations; since = first TGI tag whose models/__init__.py dispatches the
-- model_type. Qwen3/Qwen3Moe, ChatGLM, Glm4v and GptOss have no native implementation up to 3.3.7.
INSERT INTO engine_model (id, family, architecture, since, source, as_of) VALUES
('tgi/LlamaForCausalLM', 'tgi', 'LlamaForCausalLM', '0.5.0',
 'https://github.com/huggingface/text-generation-inference/blob/v0.5.0/server/text_generation_server/models/__init__.py', '2026-12-06'),
('tgi/MistralForCausalLM', 'tgi', 'MistralForCausalLM', '1.1.0',
 'https://github.com/huggingface/text-generation-inference/blob/v1.1.0/server/text_generation_server/models/__init__.py', '2026-12-06'),
('tgi/MixtralForCausalLM', 'tgi', 'MixtralForCausalLM', '1.3.0',
 'https://github.com/huggingface/text-generation-inference/blob/v1.3.0/server/text_generation_server/models/__init__.py', '2026-12-06'),
('tgi/Qwen2ForCausalLM', 'tgi', 'Qwen2ForCausalLM', '1.4.3',
 'https://github.com/huggingface/text-generation-inference/blob/v1.4.3/server/text_generation_server/models/__init__.py', '2026-12-06'),
('tgi/Phi3ForCausalLM', 'tgi', 'Phi3ForCausalLM', '2.0.2',
 'https://github.com/huggingface/text-generation-inference/blob/v2.0.2/server/text_generation_server/models/__init__.py', '2026-12-06'),
('tgi/Gemma2ForCausalLM', 'tgi', 'Gemma2ForCausalLM', '2.1.0',
 'https://github.com/huggingface/text-generation-inference/blob/v2.1.0/server/text_generation_server/models/__init__.py', '2026-12-06'),
('tgi/DeepseekV3ForCausalLM', 'tgi', 'DeepseekV3ForCausalLM', '3.1.0',
 'https://github.com/huggingface/text-generation-inference/blob/v3.1.0/server/text_generation_server/models/__init__.py', '2026-12-06');

-- ===== tensorrt-llm
-- NVIDIA TensorRT-LLM, server = trtllm-serve (family 'tensorrt-llm'), collected 2026-12-06 (docs pass).
-- The NVIDIA/TensorRT-LLM repository could not be fetched (2.5 GB snapshot). Facts were read from
-- stored (mostly main-branch) versions of the repo files in the code index, the repo's release notes
-- (docs/source/release-notes.md), the versioned docs site and the triton tensorrtllm_backend history.
-- Sources are the tag-pinned GitHub URLs where each fact can be checked; the notes file
-- (notes-tgi-trtllm.md, section 'TensorRT-LLM (docs pass)') says which stored version each value was
-- actually read from and which values were not re-read at the tag.
-- 0.20.0 left out: its serve defaults (TensorRT-engine backend by default) were not read at any version.
INSERT INTO engine (id, family, name, version, released, port, health_path, weight_formats, kv_formats,
  default_kv_format, pp, multinode, ep, gpu_memory_utilization, max_num_seqs, max_num_batched_tokens,
  kv_block_tokens, source, as_of) VALUES
('tensorrt-llm@1.0.0', 'tensorrt-llm', 'TensorRT-LLM (trtllm-serve)', '1.0.0', '2025-09-24', 8000, '/health',
 'bf16,fp16,fp8,nvfp4', 'bf16,fp16', 'bf16', 1, 'mpi', 1, 0.9, 2048, 8192, NULL,
 'https://github.com/NVIDIA/TensorRT-LLM/blob/v1.0.0/tensorrt_llm/commands/serve.py', '2026-12-06'),
('tensorrt-llm@1.2.1', 'tensorrt-llm', 'TensorRT-LLM (trtllm-serve)', '1.2.1', '2026-04-16', 8000, '/health',
 'bf16,fp16,fp8,int4-awq,int4-gptq,mxfp4,nvfp4', 'bf16,fp16', 'bf16', 1, 'mpi', 1, 0.9, 2048, 8192, NULL,
 'https://github.com/NVIDIA/TensorRT-LLM/blob/v1.2.1/tensorrt_llm/commands/serve.py', '2026-12-06');

-- NGC release images (published on NGC since 0.20.0 per the release notes). amd64 targets = the CMake
-- default architecture list when CMAKE_CUDA_ARCHITECTURES is unset (80 86 89 90, + 100 120 with CUDA >= 12.7;
-- no PTX: the build rejects *-virtual). arm64 = docker/Makefile CUDA_ARCHS '90-real;100-real;120-real'
-- for PLATFORM=arm64; ngc-manifest_create joins the -amd64 and -arm64 builds under one tag.
INSERT INTO engine_image (id, engine, image, platform, targets, source, as_of) VALUES
('tensorrt-llm@1.0.0 nvcr.io/nvidia/tensorrt-llm/release:1.0.0', 'tensorrt-llm@1.0.0',
 'nvcr.io/nvidia/tensorrt-llm/release:1.0.0', 'linux/amd64', '8.0,8.6,8.9,9.0,10.0,12.0',
 'https://github.com/NVIDIA/TensorRT-LLM/blob/v1.0.0/cpp/cmake/modules/cuda_configuration.cmake', '2026-12-06'),
('tensorrt-llm@1.0.0 nvcr.io/nvidia/tensorrt-llm/release:1.0.0 linux/arm64', 'tensorrt-llm@1.0.0',
 'nvcr.io/nvidia/tensorrt-llm/release:1.0.0', 'linux/arm64', '9.0,10.0,12.0',
 'https://github.com/NVIDIA/TensorRT-LLM/blob/v1.0.0/docker/Makefile', '2026-12-06'),
('tensorrt-llm@1.2.1 nvcr.io/nvidia/tensorrt-llm/release:1.2.1', 'tensorrt-llm@1.2.1',
 'nvcr.io/nvidia/tensorrt-llm/release:1.2.1', 'linux/amd64', '8.0,8.6,8.9,9.0,10.0,12.0',
 'https://github.com/NVIDIA/TensorRT-LLM/blob/v1.2.1/cpp/cmake/modules/cuda_configuration.cmake', '2026-12-06'),
('tensorrt-llm@1.2.1 nvcr.io/nvidia/tensorrt-llm/release:1.2.1 linux/arm64', 'tensorrt-llm@1.2.1',
 'nvcr.io/nvidia/tensorrt-llm/release:1.2.1', 'linux/arm64', '9.0,10.0,12.0',
 'https://github.com/NVIDIA/TensorRT-LLM/blob/v1.2.1/docker/Makefile', '2026-12-06');

-- Architectures (PyTorch-backend supported-models table, the default backend of trtllm-serve from 1.0).
-- since = the oldest release whose list / release notes show it (see notes).
INSERT INTO engine_model (id, family, architecture, since, source, as_of) VALUES
('tensorrt-llm/LlamaForCausalLM', 'tensorrt-llm', 'LlamaForCausalLM', '0.19.0',
 'https://nvidia.github.io/TensorRT-LLM/0.19.0/reference/support-matrix.html', '2026-12-06'),
('tensorrt-llm/MistralForCausalLM', 'tensorrt-llm', 'MistralForCausalLM', '0.19.0',
 'https://nvidia.github.io/TensorRT-LLM/0.19.0/reference/support-matrix.html', '2026-12-06'),
('tensorrt-llm/MixtralForCausalLM', 'tensorrt-llm', 'MixtralForCausalLM', '0.19.0',
 'https://nvidia.github.io/TensorRT-LLM/0.19.0/reference/support-matrix.html', '2026-12-06'),
('tensorrt-llm/Qwen2ForCausalLM', 'tensorrt-llm', 'Qwen2ForCausalLM', '0.19.0',
 'https://nvidia.github.io/TensorRT-LLM/0.19.0/reference/support-matrix.html', '2026-12-06'),
('tensorrt-llm/DeepseekV3ForCausalLM', 'tensorrt-llm', 'DeepseekV3ForCausalLM', '0.19.0',
 'https://nvidia.github.io/TensorRT-LLM/0.19.0/reference/support-matrix.html', '2026-12-06'),
('tensorrt-llm/Qwen3ForCausalLM', 'tensorrt-llm', 'Qwen3ForCausalLM', '0.20.0',
 'https://github.com/NVIDIA/TensorRT-LLM/blob/v1.2.1/docs/source/release-notes.md', '2026-12-06'),
('tensorrt-llm/Qwen3MoeForCausalLM', 'tensorrt-llm', 'Qwen3MoeForCausalLM', '0.20.0',
 'https://github.com/NVIDIA/TensorRT-LLM/blob/v1.2.1/docs/source/release-notes.md', '2026-12-06'),
('tensorrt-llm/GptOssForCausalLM', 'tensorrt-llm', 'GptOssForCausalLM', '1.1.0',
 'https://github.com/NVIDIA/TensorRT-LLM/blob/v1.2.1/docs/source/release-notes.md', '2026-12-06');

-- ===== llamacpp-ollama
-- llama.cpp server (llama-server) and Ollama releases. Collected 2026-12-06 from the git
-- history of ggml-org/llama.cpp (tags b4000, b5849, b10573) and ollama/ollama (v0.5.4, v0.9.6,
-- v0.32.15). See notes-llamacpp-ollama.md for the reasoning behind every value.

-- ---------------------------------------------------------------- engine
INSERT INTO engine (id, family, name, version, released, port, health_path, weight_formats, kv_formats, default_kv_format, pp, multinode, ep, gpu_memory_utilization, max_num_seqs, max_num_batched_tokens, kv_block_tokens, source, as_of) VALUES
('llama-cpp@b4000', 'llama-cpp', 'llama.cpp server', 'b4000', '2024-10-31', 8080, '/health',
 'gguf-q4_0,gguf-q4_k_m,gguf-q5_k_m,gguf-q6_k,gguf-q8_0,gguf-f16', 'f16,q8_0,q4_0', 'f16',
 0, 'none', 0, NULL, 1, 2048, NULL,
 'https://github.com/ggml-org/llama.cpp/blob/b4000/common/common.h', '2026-12-06'),
('llama-cpp@b5849', 'llama-cpp', 'llama.cpp server', 'b5849', '2025-07-08', 8080, '/health',
 'gguf-q4_0,gguf-q4_k_m,gguf-q5_k_m,gguf-q6_k,gguf-q8_0,gguf-f16', 'f16,bf16,q8_0,q4_0', 'f16',
 0, 'none', 0, NULL, 1, 2048, NULL,
 'https://github.com/ggml-org/llama.cpp/blob/b5849/common/common.h', '2026-12-06'),
('llama-cpp@b10573', 'llama-cpp', 'llama.cpp server', 'b10573', '2026-08-21', 8080, '/health',
 'gguf-q4_0,gguf-q4_k_m,gguf-q5_k_m,gguf-q6_k,gguf-q8_0,gguf-f16,gguf-mxfp4', 'f16,bf16,q8_0,q4_0', 'f16',
 0, 'none', 0, NULL, 4, 2048, NULL,
 'https://github.com/ggml-org/llama.cpp/blob/b10573/tools/server/server.cpp', '2026-12-06'),
('ollama@0.5.4', 'ollama', 'Ollama', '0.5.4', '2024-12-17', 11434, '/',
 'gguf-q4_0,gguf-q4_k_m,gguf-q5_k_m,gguf-q6_k,gguf-q8_0,gguf-f16', 'f16,q8_0,q4_0', 'f16',
 0, 'none', 0, NULL, NULL, 512, NULL,
 'https://github.com/ollama/ollama/blob/v0.5.4/envconfig/config.go', '2026-12-06'),
('ollama@0.9.6', 'ollama', 'Ollama', '0.9.6', '2025-07-07', 11434, '/',
 'gguf-q4_0,gguf-q4_k_m,gguf-q5_k_m,gguf-q6_k,gguf-q8_0,gguf-f16', 'f16,q8_0,q4_0', 'f16',
 0, 'none', 0, NULL, NULL, 512, NULL,
 'https://github.com/ollama/ollama/blob/v0.9.6/envconfig/config.go', '2026-12-06'),
('ollama@0.32.15', 'ollama', 'Ollama', '0.32.15', '2026-08-19', 11434, '/',
 'gguf-q4_0,gguf-q4_k_m,gguf-q5_k_m,gguf-q6_k,gguf-q8_0,gguf-f16,gguf-mxfp4', 'f16,q8_0,q4_0', 'f16',
 0, 'none', 0, NULL, 1, NULL, NULL,
 'https://github.com/ollama/ollama/blob/v0.32.15/envconfig/config.go', '2026-12-06');

-- ---------------------------------------------------------------- engine_image
INSERT INTO engine_image (id, engine, image, platform, targets, source, as_of) VALUES
('llama-cpp@b4000 ghcr.io/ggerganov/llama.cpp:server-cuda-b4000', 'llama-cpp@b4000',
 'ghcr.io/ggerganov/llama.cpp:server-cuda-b4000', 'linux/amd64',
 '5.2+PTX,6.1+PTX,7.0+PTX,7.5+PTX',
 'https://github.com/ggml-org/llama.cpp/blob/b4000/ggml/src/CMakeLists.txt', '2026-12-06'),
('llama-cpp@b5849 ghcr.io/ggml-org/llama.cpp:server-cuda-b5849', 'llama-cpp@b5849',
 'ghcr.io/ggml-org/llama.cpp:server-cuda-b5849', 'linux/amd64',
 '5.0+PTX,6.1+PTX,7.0+PTX,7.5+PTX,8.0+PTX,8.6,8.9',
 'https://github.com/ggml-org/llama.cpp/blob/b5849/ggml/src/ggml-cuda/CMakeLists.txt', '2026-12-06'),
('llama-cpp@b10573 ghcr.io/ggml-org/llama.cpp:server-cuda-b10573', 'llama-cpp@b10573',
 'ghcr.io/ggml-org/llama.cpp:server-cuda-b10573', 'linux/amd64',
 '5.0+PTX,6.1+PTX,7.0+PTX,7.5+PTX,8.0+PTX,8.6,8.9,9.0+PTX,12.0a',
 'https://github.com/ggml-org/llama.cpp/blob/b10573/ggml/src/ggml-cuda/CMakeLists.txt', '2026-12-06'),
('llama-cpp@b10573 ghcr.io/ggml-org/llama.cpp:server-cuda-b10573 linux/arm64', 'llama-cpp@b10573',
 'ghcr.io/ggml-org/llama.cpp:server-cuda-b10573', 'linux/arm64',
 '5.0+PTX,6.1+PTX,7.0+PTX,7.5+PTX,8.0+PTX,8.6,8.9,9.0+PTX,12.0a',
 'https://github.com/ggml-org/llama.cpp/blob/b10573/.github/workflows/docker.yml', '2026-12-06'),
('llama-cpp@b10573 ghcr.io/ggml-org/llama.cpp:server-cuda13-b10573', 'llama-cpp@b10573',
 'ghcr.io/ggml-org/llama.cpp:server-cuda13-b10573', 'linux/amd64',
 '7.5+PTX,8.0+PTX,8.6,8.9,9.0+PTX,12.0a,12.1a',
 'https://github.com/ggml-org/llama.cpp/blob/b10573/ggml/src/ggml-cuda/CMakeLists.txt', '2026-12-06'),
('llama-cpp@b10573 ghcr.io/ggml-org/llama.cpp:server-cuda13-b10573 linux/arm64', 'llama-cpp@b10573',
 'ghcr.io/ggml-org/llama.cpp:server-cuda13-b10573', 'linux/arm64',
 '7.5+PTX,8.0+PTX,8.6,8.9,9.0+PTX,12.0a,12.1a',
 'https://github.com/ggml-org/llama.cpp/blob/b10573/.github/workflows/docker.yml', '2026-12-06'),
('llama-cpp@b10573 ghcr.io/ggml-org/llama.cpp:server-rocm-b10573', 'llama-cpp@b10573',
 'ghcr.io/ggml-org/llama.cpp:server-rocm-b10573', 'linux/amd64',
 'gfx908,gfx90a,gfx942,gfx1030,gfx1100,gfx1101,gfx1102,gfx1150,gfx1151,gfx1200,gfx1201',
 'https://github.com/ggml-org/llama.cpp/blob/b10573/.devops/rocm.Dockerfile', '2026-12-06'),
-- The CPU images: the workflow's "cpu" tag has no type suffix (server-bNNNN),
-- and cpu.Dockerfile builds every x86 (and Arm) kernel variant, picked at
-- run time (-DGGML_BACKEND_DL=ON -DGGML_CPU_ALL_VARIANTS=ON): one image for
-- any x86-64 CPU; b5849 published it for linux/amd64 only.
('llama-cpp@b5849 ghcr.io/ggml-org/llama.cpp:server-b5849', 'llama-cpp@b5849',
 'ghcr.io/ggml-org/llama.cpp:server-b5849', 'linux/amd64', 'x86-64',
 'https://github.com/ggml-org/llama.cpp/blob/b5849/.github/workflows/docker.yml ("cpu", linux/amd64; TYPE="" for cpu) and .devops/cpu.Dockerfile (GGML_CPU_ALL_VARIANTS=ON)', '2026-12-07'),
('llama-cpp@b10573 ghcr.io/ggml-org/llama.cpp:server-b10573', 'llama-cpp@b10573',
 'ghcr.io/ggml-org/llama.cpp:server-b10573', 'linux/amd64', 'x86-64',
 'https://github.com/ggml-org/llama.cpp/blob/b10573/.github/workflows/docker.yml ("cpu", linux/amd64; TYPE="" for cpu) and .devops/cpu.Dockerfile (GGML_CPU_ALL_VARIANTS=ON)', '2026-12-07'),
('llama-cpp@b10573 ghcr.io/ggml-org/llama.cpp:server-b10573 linux/arm64', 'llama-cpp@b10573',
 'ghcr.io/ggml-org/llama.cpp:server-b10573', 'linux/arm64', 'aarch64',
 'https://github.com/ggml-org/llama.cpp/blob/b10573/.github/workflows/docker.yml ("cpu", linux/arm64; TYPE="" for cpu) and .devops/cpu.Dockerfile (GGML_CPU_ALL_VARIANTS=ON)', '2026-12-07'),

('ollama@0.5.4 ollama/ollama:0.5.4', 'ollama@0.5.4', 'ollama/ollama:0.5.4', 'linux/amd64',
 '5.0+PTX,5.2+PTX,5.3+PTX,6.0+PTX,6.1+PTX,6.2+PTX,7.0+PTX,7.2+PTX,7.5+PTX,8.0+PTX,8.6+PTX,8.7+PTX,8.9+PTX,9.0+PTX,9.0a',
 'https://github.com/ollama/ollama/blob/v0.5.4/make/Makefile.cuda_v12', '2026-12-06'),
('ollama@0.5.4 ollama/ollama:0.5.4 linux/arm64', 'ollama@0.5.4', 'ollama/ollama:0.5.4', 'linux/arm64',
 '5.0+PTX,5.2+PTX,5.3+PTX,6.0+PTX,6.1+PTX,6.2+PTX,7.0+PTX,7.2+PTX,7.5+PTX,8.0+PTX,8.6+PTX,8.7+PTX,8.9+PTX,9.0+PTX,9.0a',
 'https://github.com/ollama/ollama/blob/v0.5.4/Dockerfile', '2026-12-06'),
('ollama@0.5.4 ollama/ollama:0.5.4-rocm', 'ollama@0.5.4', 'ollama/ollama:0.5.4-rocm', 'linux/amd64',
 'gfx900,gfx906,gfx908,gfx90a,gfx940,gfx941,gfx942,gfx1010,gfx1012,gfx1030,gfx1100,gfx1101,gfx1102',
 'https://github.com/ollama/ollama/blob/v0.5.4/make/Makefile.rocm', '2026-12-06'),

('ollama@0.9.6 ollama/ollama:0.9.6', 'ollama@0.9.6', 'ollama/ollama:0.9.6', 'linux/amd64',
 '5.0+PTX,6.0+PTX,6.1+PTX,7.0+PTX,7.5+PTX,8.0+PTX,8.6+PTX,8.7+PTX,8.9+PTX,9.0+PTX,9.0a,12.0+PTX',
 'https://github.com/ollama/ollama/blob/v0.9.6/CMakePresets.json', '2026-12-06'),
('ollama@0.9.6 ollama/ollama:0.9.6 linux/arm64', 'ollama@0.9.6', 'ollama/ollama:0.9.6', 'linux/arm64',
 '5.0+PTX,6.0+PTX,6.1+PTX,7.0+PTX,7.2+PTX,7.5+PTX,8.0+PTX,8.6+PTX,8.7+PTX,8.9+PTX,9.0+PTX,9.0a,12.0+PTX',
 'https://github.com/ollama/ollama/blob/v0.9.6/CMakePresets.json', '2026-12-06'),
('ollama@0.9.6 ollama/ollama:0.9.6-rocm', 'ollama@0.9.6', 'ollama/ollama:0.9.6-rocm', 'linux/amd64',
 'gfx900,gfx906,gfx908,gfx90a,gfx940,gfx941,gfx942,gfx1010,gfx1012,gfx1030,gfx1100,gfx1101,gfx1102,gfx1151,gfx1200,gfx1201',
 'https://github.com/ollama/ollama/blob/v0.9.6/CMakePresets.json', '2026-12-06'),

('ollama@0.32.15 ollama/ollama:0.32.15', 'ollama@0.32.15', 'ollama/ollama:0.32.15', 'linux/amd64',
 '5.0+PTX,5.2+PTX,6.0+PTX,6.1+PTX,7.0+PTX,7.5+PTX,8.0+PTX,8.6+PTX,8.7+PTX,8.9+PTX,9.0+PTX,9.0a,10.0+PTX,10.3+PTX,11.0+PTX,12.0a,12.1a',
 'https://github.com/ollama/ollama/blob/v0.32.15/llama/server/CMakePresets.json', '2026-12-06'),
('ollama@0.32.15 ollama/ollama:0.32.15 linux/arm64', 'ollama@0.32.15', 'ollama/ollama:0.32.15', 'linux/arm64',
 '5.0+PTX,5.2+PTX,6.0+PTX,6.1+PTX,7.0+PTX,7.2+PTX,7.5+PTX,8.0+PTX,8.6+PTX,8.7+PTX,8.9+PTX,9.0+PTX,9.0a,10.0+PTX,10.3+PTX,11.0+PTX,12.0a,12.1a',
 'https://github.com/ollama/ollama/blob/v0.32.15/llama/server/CMakePresets.json', '2026-12-06'),
('ollama@0.32.15 ollama/ollama:0.32.15-rocm', 'ollama@0.32.15', 'ollama/ollama:0.32.15-rocm', 'linux/amd64',
 'gfx908,gfx90a,gfx942,gfx950,gfx1030,gfx1100,gfx1101,gfx1102,gfx1150,gfx1151,gfx1200,gfx1201',
 'https://github.com/ollama/ollama/blob/v0.32.15/llama/server/CMakePresets.json', '2026-12-06'),
-- The same images run on a CPU alone: their Dockerfiles copy ggml's CPU
-- backends in beside the GPU ones (0.9.6: the archive stage's "COPY
-- --from=cpu"; 0.32.15: "COPY --from=llama-server-cpu" in the amd64 and
-- arm64 assemblies), and Ollama falls back to them with no GPU.
('ollama@0.9.6 ollama/ollama:0.9.6 cpu', 'ollama@0.9.6', 'ollama/ollama:0.9.6', 'linux/amd64', 'x86-64',
 'https://github.com/ollama/ollama/blob/v0.9.6/Dockerfile (FROM ${FLAVOR} AS archive: COPY --from=cpu dist/lib/ollama)', '2026-12-07'),
('ollama@0.9.6 ollama/ollama:0.9.6 cpu linux/arm64', 'ollama@0.9.6', 'ollama/ollama:0.9.6', 'linux/arm64', 'aarch64',
 'https://github.com/ollama/ollama/blob/v0.9.6/Dockerfile (FROM ${FLAVOR} AS archive: COPY --from=cpu dist/lib/ollama)', '2026-12-07'),
('ollama@0.32.15 ollama/ollama:0.32.15 cpu', 'ollama@0.32.15', 'ollama/ollama:0.32.15', 'linux/amd64', 'x86-64',
 'https://github.com/ollama/ollama/blob/v0.32.15/Dockerfile (amd64 assembly: COPY --from=llama-server-cpu)', '2026-12-07'),
('ollama@0.32.15 ollama/ollama:0.32.15 cpu linux/arm64', 'ollama@0.32.15', 'ollama/ollama:0.32.15', 'linux/arm64', 'aarch64',
 'https://github.com/ollama/ollama/blob/v0.32.15/Dockerfile (arm64 assembly: COPY --from=llama-server-cpu)', '2026-12-07');

-- The macOS releases (docs/sources/macos-engines.md, read 2026-12-07): no
-- container reaches Apple's GPU, so on darwin/arm64 `image` is the release
-- archive the server runs from natively, Metal built in with its shaders
-- embedded.  llama.cpp's archive holds build/bin/llama-server (zip) or
-- llama-<tag>/llama-server (tar.gz, from b10573 on); Ollama's tgz holds
-- the ollama binary, 0.5.4 ships it bare.  b4000 was released when the
-- repository was ggerganov/llama.cpp.
INSERT INTO engine_image (id, engine, image, platform, targets, source, as_of) VALUES
('llama-cpp@b4000 macos-arm64', 'llama-cpp@b4000',
 'https://github.com/ggerganov/llama.cpp/releases/download/b4000/llama-b4000-bin-macos-arm64.zip',
 'darwin/arm64', 'metal', 'https://github.com/ggml-org/llama.cpp/blob/b4000/.github/workflows/build.yml (macOS-latest-cmake-arm64, release)', '2026-12-07'),
('llama-cpp@b5849 macos-arm64', 'llama-cpp@b5849',
 'https://github.com/ggml-org/llama.cpp/releases/download/b5849/llama-b5849-bin-macos-arm64.zip',
 'darwin/arm64', 'metal', 'https://github.com/ggml-org/llama.cpp/blob/b5849/.github/workflows/release.yml (macOS-arm64, release)', '2026-12-07'),
('llama-cpp@b10573 macos-arm64', 'llama-cpp@b10573',
 'https://github.com/ggml-org/llama.cpp/releases/download/b10573/llama-b10573-bin-macos-arm64.tar.gz',
 'darwin/arm64', 'metal', 'https://github.com/ggml-org/llama.cpp/blob/b10573/.github/workflows/release.yml (macos-cpu arm64; the release notes link this URL)', '2026-12-07'),
('ollama@0.5.4 macos', 'ollama@0.5.4',
 'https://github.com/ollama/ollama/releases/download/v0.5.4/ollama-darwin',
 'darwin/arm64', 'metal', 'https://github.com/ollama/ollama/blob/v0.5.4/scripts/build_darwin.sh (universal ollama-darwin binary; macOS 11.3+)', '2026-12-07'),
('ollama@0.9.6 macos', 'ollama@0.9.6',
 'https://github.com/ollama/ollama/releases/download/v0.9.6/ollama-darwin.tgz',
 'darwin/arm64', 'metal', 'https://github.com/ollama/ollama/blob/v0.9.6/scripts/build_darwin.sh (ollama-darwin.tgz; macOS 11.3+)', '2026-12-07'),
('ollama@0.32.15 macos', 'ollama@0.32.15',
 'https://github.com/ollama/ollama/releases/download/v0.32.15/ollama-darwin.tgz',
 'darwin/arm64', 'metal', 'https://github.com/ollama/ollama/blob/v0.32.15/scripts/build_darwin.sh (ollama-darwin.tgz; macOS 14.0+)', '2026-12-07');

-- ---------------------------------------------------------------- engine_model
-- llama.cpp: since = build number (git rev-list --count) of the master commit that first made
-- the converter + runtime handle the architecture, or the first release tag containing it.
INSERT INTO engine_model (id, family, architecture, since, source, as_of) VALUES
('llama-cpp/LlamaForCausalLM', 'llama-cpp', 'LlamaForCausalLM', 'b1046',
 'https://github.com/ggml-org/llama.cpp/blob/b1046/convert.py', '2026-12-06'),
('llama-cpp/MistralForCausalLM', 'llama-cpp', 'MistralForCausalLM', 'b1283',
 'https://github.com/ggml-org/llama.cpp/commit/4aea3b846ec151cc6d08f93a8889eae13b286b06', '2026-12-06'),
('llama-cpp/MixtralForCausalLM', 'llama-cpp', 'MixtralForCausalLM', 'b1629',
 'https://github.com/ggml-org/llama.cpp/commit/799a1cb13b0b1b560ab0ceff485caed68faa8f1f', '2026-12-06'),
('llama-cpp/Qwen2ForCausalLM', 'llama-cpp', 'Qwen2ForCausalLM', 'b1939',
 'https://github.com/ggml-org/llama.cpp/commit/9b75cb2b3ccbed3df2e14c1202168db3e5145095', '2026-12-06'),
('llama-cpp/Phi3ForCausalLM', 'llama-cpp', 'Phi3ForCausalLM', 'b2717',
 'https://github.com/ggml-org/llama.cpp/commit/c8297c6af5693555652c40b95974b95d49d2674d', '2026-12-06'),
('llama-cpp/Gemma2ForCausalLM', 'llama-cpp', 'Gemma2ForCausalLM', 'b3259',
 'https://github.com/ggml-org/llama.cpp/commit/e57dc62057d41211ac018056c19c02cd544694df', '2026-12-06'),
('llama-cpp/ChatGLMModel', 'llama-cpp', 'ChatGLMModel', 'b3333',
 'https://github.com/ggml-org/llama.cpp/commit/905942abdba5ba0b28a1b0805e51e4f818c54bc9', '2026-12-06'),
('llama-cpp/DeepseekV3ForCausalLM', 'llama-cpp', 'DeepseekV3ForCausalLM', 'b4417',
 'https://github.com/ggml-org/llama.cpp/commit/9394bbd484f802ce80d2858033583af3ef700d25', '2026-12-06'),
('llama-cpp/Qwen3ForCausalLM', 'llama-cpp', 'Qwen3ForCausalLM', 'b5092',
 'https://github.com/ggml-org/llama.cpp/commit/d3bd7193ba66c15963fd1c59448f22019a8caf6e', '2026-12-06'),
('llama-cpp/Qwen3MoeForCausalLM', 'llama-cpp', 'Qwen3MoeForCausalLM', 'b5092',
 'https://github.com/ggml-org/llama.cpp/commit/d3bd7193ba66c15963fd1c59448f22019a8caf6e', '2026-12-06'),
('llama-cpp/Glm4vForConditionalGeneration', 'llama-cpp', 'Glm4vForConditionalGeneration', 'b5974',
 'https://github.com/ggml-org/llama.cpp/commit/a12363bbf0ca11f787dee9756861043136edc0df', '2026-12-06'),
('llama-cpp/GptOssForCausalLM', 'llama-cpp', 'GptOssForCausalLM', 'b6096',
 'https://github.com/ggml-org/llama.cpp/commit/fd1234cb468935ea087d6929b2487926c3afff4b', '2026-12-06'),

-- Ollama: since = first non-rc release tag whose bundled llama.cpp (submodule / vendored copy /
-- patch) or own Go engine runs the architecture.
('ollama/LlamaForCausalLM', 'ollama', 'LlamaForCausalLM', '0.0.1',
 'https://github.com/ollama/ollama/blob/v0.0.1/README.md', '2026-12-06'),
('ollama/MistralForCausalLM', 'ollama', 'MistralForCausalLM', '0.1.1',
 'https://github.com/ollama/ollama/blob/v0.1.1/README.md', '2026-12-06'),
('ollama/MixtralForCausalLM', 'ollama', 'MixtralForCausalLM', '0.1.16',
 'https://github.com/ollama/ollama/tree/v0.1.16/llm/llama.cpp', '2026-12-06'),
('ollama/Qwen2ForCausalLM', 'ollama', 'Qwen2ForCausalLM', '0.1.21',
 'https://github.com/ollama/ollama/tree/v0.1.21/llm', '2026-12-06'),
('ollama/Phi3ForCausalLM', 'ollama', 'Phi3ForCausalLM', '0.1.33',
 'https://github.com/ollama/ollama/tree/v0.1.33/llm', '2026-12-06'),
('ollama/Gemma2ForCausalLM', 'ollama', 'Gemma2ForCausalLM', '0.1.47',
 'https://github.com/ollama/ollama/blob/v0.1.47/llm/patches/07-gemma.diff', '2026-12-06'),
('ollama/ChatGLMModel', 'ollama', 'ChatGLMModel', '0.2.0',
 'https://github.com/ollama/ollama/tree/v0.2.0/llm', '2026-12-06'),
('ollama/DeepseekV3ForCausalLM', 'ollama', 'DeepseekV3ForCausalLM', '0.5.5',
 'https://github.com/ollama/ollama/blob/v0.5.5/llama/llama-arch.cpp', '2026-12-06'),
('ollama/Qwen3ForCausalLM', 'ollama', 'Qwen3ForCausalLM', '0.6.6',
 'https://github.com/ollama/ollama/blob/v0.6.6/llama/llama.cpp/src/llama-arch.cpp', '2026-12-06'),
('ollama/Qwen3MoeForCausalLM', 'ollama', 'Qwen3MoeForCausalLM', '0.6.6',
 'https://github.com/ollama/ollama/blob/v0.6.6/llama/llama.cpp/src/llama-arch.cpp', '2026-12-06'),
('ollama/GptOssForCausalLM', 'ollama', 'GptOssForCausalLM', '0.11.0',
 'https://github.com/ollama/ollama/blob/v0.11.0/model/models/gptoss/model.go', '2026-12-06'),
('ollama/Glm4vForConditionalGeneration', 'ollama', 'Glm4vForConditionalGeneration', '0.13.5',
 'https://github.com/ollama/ollama/blob/v0.13.5/llama/llama.cpp/tools/mtmd/models/glm4v.cpp', '2026-12-06');

INSERT INTO alias (kind, alias, id) VALUES ('engine', 'trtllm', 'tensorrt-llm'), ('engine', 'llama.cpp', 'llama-cpp');

-- How each family admits requests when the KV cache runs short.
INSERT INTO engine_policy (id, admission, source, as_of) VALUES
('tensorrt-llm', 'reserve', 'https://nvidia.github.io/TensorRT-LLM/performance/performance-tuning-guide/useful-runtime-flags.html (GUARANTEED_NO_EVICT (default): a started request is never paused)', '2026-12-07'),
('vllm', 'preempt', 'https://docs.vllm.ai/en/v0.14.0/configuration/optimization/ ("vLLM can preempt requests to free up KV cache space ... Preempted requests are recomputed")', '2026-12-07');

-- How each family all-reduces tensor-parallel activations
-- (docs/sources/allreduce-research.md, read at the release tags' commits).
-- vLLM (custom_all_reduce.py and .cuh, the same at v0.6.6, v0.8.5, v0.10.2
-- and v0.12.0): world sizes 2, 4, 6 and 8, buffers under 8 MiB, one stage
-- on two GPUs, or below 512 KiB on up to four and 256 KiB on up to eight,
-- else two; more than two GPUs only fully NVLink-connected; ROCm's MI300
-- family from v0.8.5 (rocm.py: supported_archs gfx94), off on ROCm before.
-- SGLang (custom_all_reduce.py at v0.4.6 and v0.5.6; sgl-kernel's kernel a
-- port of vLLM's, the same one-stage rule): the same sizes on CUDA (ROCm
-- takes 16 MiB, which decode messages never reach), runs on HIP without
-- the P2P check at v0.4.6.  TensorRT-LLM's AUTO picks its one-shot and
-- two-shot kernels from a table whose release could not be pinned: no row
-- (a ring).
INSERT INTO engine_allreduce (id, max_bytes, oneshot_bytes_4, oneshot_bytes_8, world_sizes, rocm_since, source, as_of) VALUES
('vllm', 8388608, 524288, 262144, '2 4 6 8', '0.8.5', 'https://github.com/vllm-project/vllm/blob/86e178f7c4d8c3b0eaf3c8e3f810a83f63b90e24/csrc/custom_all_reduce.cuh (and custom_all_reduce.py, rocm.py at v0.8.5)', '2026-12-07'),
('sglang', 8388608, 524288, 262144, '2 4 6 8', '0.4.6', 'https://github.com/sgl-project/sglang/blob/84022c0e563c9b519fa16bf0eb7f9d750a728531/python/sglang/srt/distributed/device_communicators/custom_all_reduce.py', '2026-12-07');

-- What each family's host side adds.  SGLang ran prefill outside CUDA
-- graphs until piecewise graphs became its default (PR 16331, 2026-03,
-- after every SGLang release in this catalog): a one-new-token DeepSeek-V3
-- prefill forward took 82.6 ms eager against 23.1 ms in a graph (PR
-- 12160), the host launching its 61 layers at 1.35 ms each.  Its front end
-- (HTTP, template, tokenizer, scheduler hand-off, detokenizer, stream): a
-- median TTFT of 9.54 ms with a mock forward that busy-waits 2.6 ms.
INSERT INTO engine_host (id, prefill_launch_layer_s, request_s, source, as_of) VALUES
('sglang', 0.001354, 0.0069, 'https://github.com/sgl-project/sglang/pull/12160 (forward 82.6 ms eager / 61 layers); https://github.com/tenstorrent/tt-inference-server/issues/3560 (TTFT 9.54 ms less a 2.6 ms mock forward)', '2026-12-07');

-- Llama 4 and Gemma 3, the first release of each family that loads them
-- (collected 2026-12-07; the vLLM rows from its registry at the tag, the
-- TensorRT-LLM rows from its support matrix and release notes).
INSERT INTO engine_model (id, family, architecture, since, source, as_of) VALUES
('vllm/Llama4ForConditionalGeneration', 'vllm', 'Llama4ForConditionalGeneration', '0.8.3', 'https://github.com/vllm-project/vllm/blob/v0.8.3/vllm/model_executor/models/registry.py', '2026-12-07'),
('sglang/Llama4ForConditionalGeneration', 'sglang', 'Llama4ForConditionalGeneration', '0.4.5', 'https://github.com/sgl-project/sglang/blob/v0.4.5/python/sglang/srt/models/mllama4.py', '2026-12-07'),
('tensorrt-llm/Llama4ForConditionalGeneration', 'tensorrt-llm', 'Llama4ForConditionalGeneration', '0.19.0', 'https://nvidia.github.io/TensorRT-LLM/0.19.0/reference/support-matrix.html (PyTorch backend, text)', '2026-12-07'),
('llama-cpp/Llama4ForConditionalGeneration', 'llama-cpp', 'Llama4ForConditionalGeneration', 'b5074', 'https://github.com/ggml-org/llama.cpp/blob/b5074/src/llama-arch.cpp', '2026-12-07'),
('ollama/Llama4ForConditionalGeneration', 'ollama', 'Llama4ForConditionalGeneration', '0.6.7', 'https://github.com/ollama/ollama/blob/v0.6.7/model/models/llama4/model.go (its own model and converter)', '2026-12-07'),
('tgi/Llama4ForConditionalGeneration', 'tgi', 'Llama4ForConditionalGeneration', '3.2.2', 'https://github.com/huggingface/text-generation-inference/blob/v3.2.2/server/text_generation_server/models/__init__.py (transformers backend)', '2026-12-07'),
('vllm/Gemma3ForConditionalGeneration', 'vllm', 'Gemma3ForConditionalGeneration', '0.8.0', 'https://github.com/vllm-project/vllm/blob/v0.8.0/vllm/model_executor/models/registry.py', '2026-12-07'),
('vllm/Gemma3ForCausalLM', 'vllm', 'Gemma3ForCausalLM', '0.8.0', 'https://github.com/vllm-project/vllm/blob/v0.8.0/vllm/model_executor/models/registry.py', '2026-12-07'),
('sglang/Gemma3ForConditionalGeneration', 'sglang', 'Gemma3ForConditionalGeneration', '0.4.4.post2', 'https://github.com/sgl-project/sglang/blob/v0.4.4.post2/python/sglang/srt/models/gemma3_mm.py', '2026-12-07'),
('sglang/Gemma3ForCausalLM', 'sglang', 'Gemma3ForCausalLM', '0.4.4.post2', 'https://github.com/sgl-project/sglang/blob/v0.4.4.post2/python/sglang/srt/models/gemma3_causal.py', '2026-12-07'),
('tensorrt-llm/Gemma3ForConditionalGeneration', 'tensorrt-llm', 'Gemma3ForConditionalGeneration', '0.21.0', 'https://github.com/NVIDIA/TensorRT-LLM/blob/v1.2.1/docs/source/release-notes.md (0.21.0: Added Gemma3 VLM support)', '2026-12-07'),
('tensorrt-llm/Gemma3ForCausalLM', 'tensorrt-llm', 'Gemma3ForCausalLM', '0.20.0', 'https://github.com/NVIDIA/TensorRT-LLM/blob/v1.2.1/docs/source/release-notes.md (0.20.0: Gemma3-1b-it in the PyTorch workflow)', '2026-12-07'),
('llama-cpp/Gemma3ForConditionalGeneration', 'llama-cpp', 'Gemma3ForConditionalGeneration', 'b4875', 'https://github.com/ggml-org/llama.cpp/blob/b4875/src/llama-arch.cpp', '2026-12-07'),
('llama-cpp/Gemma3ForCausalLM', 'llama-cpp', 'Gemma3ForCausalLM', 'b4875', 'https://github.com/ggml-org/llama.cpp/blob/b4875/src/llama-arch.cpp', '2026-12-07'),
('ollama/Gemma3ForConditionalGeneration', 'ollama', 'Gemma3ForConditionalGeneration', '0.6.0', 'https://github.com/ollama/ollama/blob/v0.6.0/model/models/gemma3/model.go', '2026-12-07'),
('ollama/Gemma3ForCausalLM', 'ollama', 'Gemma3ForCausalLM', '0.6.0', 'https://github.com/ollama/ollama/blob/v0.6.0/model/models/gemma3/model.go', '2026-12-07'),
('tgi/Gemma3ForConditionalGeneration', 'tgi', 'Gemma3ForConditionalGeneration', '3.2.0', 'https://github.com/huggingface/text-generation-inference/blob/v3.2.0/server/text_generation_server/models/__init__.py', '2026-12-07'),
('tgi/Gemma3ForCausalLM', 'tgi', 'Gemma3ForCausalLM', '3.2.0', 'https://github.com/huggingface/text-generation-inference/blob/v3.2.0/server/text_generation_server/models/__init__.py', '2026-12-07');

-- mlx-lm, Apple's MLX server, at its newest tag (collected 2026-12-07 from
-- ml-explore/mlx-lm at v0.31.3; docs/sources/mlx-lm.md).  It loads MLX's own
-- quantized safetensors (mlx-community checkpoints), batches decoding up to
-- --decode-concurrency (32) sequences and takes prompts in
-- --prefill-step-size (2048) token steps (server.py BatchGenerator); its KV
-- cache is the model's 16-bit type.  It is a Python package: on
-- darwin/arm64 `image` is "pypi:" and the pinned requirements, the server's
-- and the MLX release it was tagged against (its minimum).
INSERT INTO engine (id, family, name, version, released, port, health_path, weight_formats, kv_formats, default_kv_format, pp, multinode, ep, gpu_memory_utilization, max_num_seqs, max_num_batched_tokens, kv_block_tokens, source, as_of) VALUES
('mlx-lm@0.31.3', 'mlx-lm', 'mlx-lm server', '0.31.3', '2026-04-22', 8080, '/health',
 'mlx-4bit,mlx-8bit', 'fp16', 'fp16', 0, 'none', 0, NULL, 32, 2048, NULL,
 'https://github.com/ml-explore/mlx-lm/blob/v0.31.3/mlx_lm/server.py', '2026-12-07');

INSERT INTO engine_image (id, engine, image, platform, targets, source, as_of) VALUES
('mlx-lm@0.31.3 pypi', 'mlx-lm@0.31.3', 'pypi:mlx-lm==0.31.3 mlx==0.31.2', 'darwin/arm64', 'metal',
 'https://github.com/ml-explore/mlx-lm/blob/v0.31.3/setup.py (package mlx-lm, mlx>=0.31.2 on Darwin: pinned to that release, tagged 2026-04-21)', '2026-12-07');

-- The architectures mlx-lm loads: config.json's model_type picks
-- mlx_lm/models/<model_type>.py (mistral is remapped to llama, utils.py
-- MODEL_REMAPPING).  `since` is the first mlx-lm tag whose tree has the
-- module; v0.22.0 is the first tag of the repository (the code came from
-- mlx-examples).  ChatGLMModel (model_type chatglm) and GLM-4.1V have no
-- module at v0.31.3.
INSERT INTO engine_model (id, family, architecture, since, source, as_of) VALUES
('mlx-lm/LlamaForCausalLM', 'mlx-lm', 'LlamaForCausalLM', '0.22.0', 'https://github.com/ml-explore/mlx-lm/blob/v0.22.0/mlx_lm/models/llama.py', '2026-12-07'),
('mlx-lm/MistralForCausalLM', 'mlx-lm', 'MistralForCausalLM', '0.22.0', 'https://github.com/ml-explore/mlx-lm/blob/v0.22.0/mlx_lm/utils.py (MODEL_REMAPPING mistral: llama)', '2026-12-07'),
('mlx-lm/MixtralForCausalLM', 'mlx-lm', 'MixtralForCausalLM', '0.22.0', 'https://github.com/ml-explore/mlx-lm/blob/v0.22.0/mlx_lm/models/mixtral.py', '2026-12-07'),
('mlx-lm/Qwen2ForCausalLM', 'mlx-lm', 'Qwen2ForCausalLM', '0.22.0', 'https://github.com/ml-explore/mlx-lm/blob/v0.22.0/mlx_lm/models/qwen2.py', '2026-12-07'),
('mlx-lm/Qwen3ForCausalLM', 'mlx-lm', 'Qwen3ForCausalLM', '0.24.1', 'https://github.com/ml-explore/mlx-lm/blob/v0.24.1/mlx_lm/models/qwen3.py', '2026-12-07'),
('mlx-lm/Qwen3MoeForCausalLM', 'mlx-lm', 'Qwen3MoeForCausalLM', '0.24.1', 'https://github.com/ml-explore/mlx-lm/blob/v0.24.1/mlx_lm/models/qwen3_moe.py', '2026-12-07'),
('mlx-lm/DeepseekV3ForCausalLM', 'mlx-lm', 'DeepseekV3ForCausalLM', '0.22.0', 'https://github.com/ml-explore/mlx-lm/blob/v0.22.0/mlx_lm/models/deepseek_v3.py', '2026-12-07'),
('mlx-lm/Gemma2ForCausalLM', 'mlx-lm', 'Gemma2ForCausalLM', '0.22.0', 'https://github.com/ml-explore/mlx-lm/blob/v0.22.0/mlx_lm/models/gemma2.py', '2026-12-07'),
('mlx-lm/Gemma3ForCausalLM', 'mlx-lm', 'Gemma3ForCausalLM', '0.22.0', 'https://github.com/ml-explore/mlx-lm/blob/v0.22.0/mlx_lm/models/gemma3_text.py', '2026-12-07'),
('mlx-lm/Gemma3ForConditionalGeneration', 'mlx-lm', 'Gemma3ForConditionalGeneration', '0.22.1', 'https://github.com/ml-explore/mlx-lm/blob/v0.22.1/mlx_lm/models/gemma3.py (the language model; the vision tower is dropped)', '2026-12-07'),
('mlx-lm/Phi3ForCausalLM', 'mlx-lm', 'Phi3ForCausalLM', '0.22.0', 'https://github.com/ml-explore/mlx-lm/blob/v0.22.0/mlx_lm/models/phi3.py', '2026-12-07'),
('mlx-lm/GptOssForCausalLM', 'mlx-lm', 'GptOssForCausalLM', '0.26.3', 'https://github.com/ml-explore/mlx-lm/blob/v0.26.3/mlx_lm/models/gpt_oss.py', '2026-12-07'),
('mlx-lm/Llama4ForConditionalGeneration', 'mlx-lm', 'Llama4ForConditionalGeneration', '0.24.1', 'https://github.com/ml-explore/mlx-lm/blob/v0.24.1/mlx_lm/models/llama4.py (the language model)', '2026-12-07');

INSERT INTO alias (kind, alias, id) VALUES ('engine', 'mlx', 'mlx-lm'), ('engine', 'mlx_lm', 'mlx-lm');

-- MLX's kernels on Apple silicon, fitted with the architectures' rows
-- (t_reference fit_apple) to the MLX rows of tests/data/reference/public.json
-- (mlx-lm BENCHMARKS.md, a 70B context sweep, Rapid-MLX runs): its
-- quantized matrix-vector kernels unpack under the memory time (0 ops a
-- weight, against llama.cpp's 14.2), and its prompts' matrix products
-- reach 0.745 of the fp16 rate.
INSERT INTO engine_kernel (id, family, architecture, dequant_ops, gemm, source, as_of) VALUES
('mlx-lm/apple-m1', 'mlx-lm', 'apple-m1', 0, 0.7543, 'fit to the MLX rows of tests/data/reference/public.json (t_reference fit_apple; docs/sources/mlx-bench.json)', '2026-12-07'),
('mlx-lm/apple-m2', 'mlx-lm', 'apple-m2', 0, 0.7543, 'fit to the MLX rows of tests/data/reference/public.json (t_reference fit_apple; docs/sources/mlx-bench.json)', '2026-12-07'),
('mlx-lm/apple-m3', 'mlx-lm', 'apple-m3', 0, 0.7543, 'fit to the MLX rows of tests/data/reference/public.json (t_reference fit_apple; docs/sources/mlx-bench.json)', '2026-12-07'),
('mlx-lm/apple-m4', 'mlx-lm', 'apple-m4', 0, 0.7543, 'fit to the MLX rows of tests/data/reference/public.json (t_reference fit_apple; docs/sources/mlx-bench.json)', '2026-12-07');

-- llama.cpp's CUDA kernels on GeForce Ampere and Ada, fitted (t_reference
-- fit_kernel) to the llama-bench rows of tests/data/reference/public.json
-- (XiongjieDai's tables, build of May 2024, and later builds' rows): its fp16 GEMMs accumulate in
-- fp16 (CUBLAS_COMPUTE_16F; a 3090's f16 pp512 is 71 TFLOP/s, a 4080's
-- 116, over their fp32-accumulate peaks) at under half of that rate, and
-- its quantized formats cost unpacking in decode and prompts (operations
-- a weight at the 16-bit tensor rate).  Ollama runs the same kernels.
INSERT INTO engine_kernel (id, family, architecture, dequant_ops, gemm, source, as_of) VALUES
('llama-cpp/ampere', 'llama-cpp', 'ampere', 2.92, 0.4592, 'fit to the RTX 3070/3080/3090 llama-bench rows (known gaps aside) of tests/data/reference/public.json (t_reference fit_kernel)', '2026-12-07'),
('llama-cpp/ada', 'llama-cpp', 'ada', 24.93, 0.5118, 'fit to the RTX 4070 Ti/4080/4090/6000 Ada llama-bench rows (known gaps aside) of tests/data/reference/public.json (t_reference fit_kernel)', '2026-12-07'),
('ollama/ampere', 'ollama', 'ampere', 2.92, 0.4592, 'llama.cpp''s kernels (engine_kernel llama-cpp/ampere): Ollama runs them', '2026-12-07'),
('ollama/ada', 'ollama', 'ada', 24.93, 0.5118, 'llama.cpp''s kernels (engine_kernel llama-cpp/ada): Ollama runs them', '2026-12-07');
