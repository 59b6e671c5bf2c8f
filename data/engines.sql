-- Serving engines: image, port, health endpoint, formats and the scheduler
-- defaults documented for the version named (engine argument references).
INSERT INTO engine (id, name, version, image, port, health_path, weight_formats, kv_formats, default_kv_format,
  gpu_memory_utilization, max_num_seqs, max_num_batched_tokens, kv_block_tokens, tp_flag, source, as_of) VALUES
('vllm', 'vLLM OpenAI-compatible server', '0.6.6', 'vllm/vllm-openai', 8000, '/health',
  'bf16,fp16,fp8,int8,int4-awq,int4-gptq,gguf-q4_k_m,gguf-q8_0', 'bf16,fp16,fp8', 'bf16',
  0.90, 256, NULL, 16, '--tensor-parallel-size',
  'https://docs.vllm.ai/en/v0.6.6/serving/engine_args.html', '2026-11-24'),
('sglang', 'SGLang server', '0.4.1', 'lmsysorg/sglang', 30000, '/health',
  'bf16,fp16,fp8,int8,int4-awq,int4-gptq', 'bf16,fp16,fp8', 'bf16',
  NULL, NULL, NULL, 1, '--tp',
  'https://docs.sglang.ai/backend/server_arguments.html', '2026-11-24'),
('tgi', 'Hugging Face Text Generation Inference', '3.0.1', 'ghcr.io/huggingface/text-generation-inference', 80, '/health',
  'bf16,fp16,fp8,int4-awq,int4-gptq', 'bf16,fp16,fp8', 'bf16',
  1.0, 128, 4096, NULL, '--num-shard',
  'https://huggingface.co/docs/text-generation-inference/reference/launcher', '2026-11-24'),
('llama-cpp', 'llama.cpp server', 'b4000', 'ghcr.io/ggml-org/llama.cpp:server-cuda', 8080, '/health',
  'gguf-q4_0,gguf-q4_k_m,gguf-q5_k_m,gguf-q6_k,gguf-q8_0,gguf-f16', 'f16,q8_0,q4_0', 'f16',
  NULL, 1, 2048, NULL, NULL,
  'https://github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md', '2026-11-24'),
('tensorrt-llm', 'TensorRT-LLM (trtllm-serve)', '0.17.0', 'nvcr.io/nvidia/tensorrt-llm/release', 8000, '/health',
  'bf16,fp16,fp8,int8,int4-awq,int4-gptq', 'bf16,fp16,fp8,int8', 'bf16',
  0.90, 2048, 8192, 32, '--tp_size',
  'https://nvidia.github.io/TensorRT-LLM/commands/trtllm-serve.html', '2026-11-24'),
('ollama', 'Ollama', '0.5.4', 'ollama/ollama', 11434, '/',
  'gguf-q4_0,gguf-q4_k_m,gguf-q5_k_m,gguf-q6_k,gguf-q8_0,gguf-f16', 'f16,q8_0,q4_0', 'f16',
  NULL, 1, 2048, NULL, NULL,
  'https://github.com/ollama/ollama/blob/main/docs/faq.md', '2026-11-24');
INSERT INTO alias (kind, alias, id) VALUES ('engine', 'trtllm', 'tensorrt-llm'), ('engine', 'llama.cpp', 'llama-cpp');
