/*
 * deploy_opts.h - the deployment flags that estimate, simulate and
 * capacity share (model, GPU, parallelism, formats, engine limits, power,
 * cost, host).  DEPLOY_OPTS expands to their option-table rows, so each
 * command's one table still drives both parsing and --help.
 */
#ifndef RIGPLAN_CLI_DEPLOY_OPTS_H
#define RIGPLAN_CLI_DEPLOY_OPTS_H

#include <getopt.h>

#include "cli/opt.h"
#include "bind/deploy.h"
#include "models/power.h"

struct err;

enum {
	DO_MODEL = 256, DO_GPU, DO_GPUS, DO_TP, DO_PP, DO_EP, DO_PREC, DO_KVPREC,
	DO_ENGINE, DO_POWER_LIMIT, DO_KWH, DO_PUE, DO_YEARS, DO_UTIL, DO_PRICE,
	DO_RENT, DO_SSD, DO_CPU, DO_RAM, DO_PSU_RED, DO_GPN, DO_INLET, DO_DELTA_T,
	DO_MATERIALIZE, DO_MAX_SEQS, DO_MAX_TOKENS, DO_GPU_LAYERS, DO_CPU_OFFLOAD,
	DO_KV_OFFLOAD, DO_IMAGES, DO_IMAGE_SIZE, DO_MEM_FRACTION, DO_EAGER,
	DO_LAST          /* a command's own ids start here */
};

#define DEPLOY_OPTS \
	{ "model", 'm', required_argument, DO_MODEL, "MODEL", "model id or name (see 'catalog list models')" }, \
	{ "gpu", 'g', required_argument, DO_GPU, "GPU", "GPU id or name (see 'catalog list gpus'); cpu or cpu-CPU: the CPU alone, with llama.cpp" }, \
	{ "gpus", 'n', required_argument, DO_GPUS, "N", "GPUs in total (tp x pp)" }, \
	{ "tp", 0, required_argument, DO_TP, "N", "tensor-parallel degree (divides the heads)" }, \
	{ "ep", 0, required_argument, DO_EP, "N", "MoE: experts over N GPUs, attention data-parallel" }, \
	{ "pp", 0, required_argument, DO_PP, "N", "pipeline-parallel degree (default 1)" }, \
	{ "precision", 'p', required_argument, DO_PREC, "P", "weights: bf16, fp16, fp8, int8, int4-awq, gguf-q4_k_m, ..." }, \
	{ "kv-precision", 0, required_argument, DO_KVPREC, "KV", "KV cache: bf16, fp8, ... (default: the engine's)" }, \
	{ "engine", 'e', required_argument, DO_ENGINE, "ENGINE", "serving engine (default vllm)" }, \
	{ "max-num-seqs", 0, required_argument, DO_MAX_SEQS, "N", "engine's sequence cap (default: the catalog's)" }, \
	{ "max-num-batched-tokens", 0, required_argument, DO_MAX_TOKENS, "N", "tokens per step; chunked prefill (default: the catalog's)" }, \
	{ "gpu-memory-utilization", 0, required_argument, DO_MEM_FRACTION, "F", "the engine's share of GPU memory, 0.05 to 1 (SGLang: --mem-fraction-static; default: the release's)" }, \
	{ "enforce-eager", 0, no_argument, DO_EAGER, NULL, "no CUDA graphs: every step waits for the host to launch its layers (SGLang: --disable-cuda-graph)" }, \
	{ "power-limit", 0, required_argument, DO_POWER_LIMIT, "W", "GPU power cap (default: TDP)" }, \
	{ "usd-per-kwh", 0, required_argument, DO_KWH, "USD", "electricity price (default: usd-per-kwh, host defaults)" }, \
	{ "pue", 0, required_argument, DO_PUE, "X", "facility power / IT power (default: pue, host defaults)" }, \
	{ "years", 0, required_argument, DO_YEARS, "Y", "amortization period (default: years, host defaults)" }, \
	{ "utilization", 0, required_argument, DO_UTIL, "U", "fraction of hours serving at this rate (default: utilization, host defaults)" }, \
	{ "gpu-price", 0, required_argument, DO_PRICE, "USD", "price of one GPU (default: the catalog's)" }, \
	{ "rent", 0, required_argument, DO_RENT, "USD", "rental per hour for the whole deployment, power and cooling included" }, \
	{ "ssd", 0, required_argument, DO_SSD, "SSD", "drive the weights load from" }, \
	{ "cpu", 0, required_argument, DO_CPU, "CPU", "host CPU (with --gpu cpu: the CPU that runs the model)" }, \
	{ "ram", 0, required_argument, DO_RAM, "BYTES", "host memory per node, e.g. 256GiB (default 2x GPU memory; a CPU alone: every channel filled, the model in it)" }, \
	{ "psu-redundancy", 0, required_argument, DO_PSU_RED, "R", PSU_REDUNDANCY_NAMES " (default: n+1 in servers; desktop hosts take only none)" }, \
	{ "gpus-per-node", 0, required_argument, DO_GPN, "N", "GPUs in one server (default 8)" }, \
	{ "inlet-temp", 0, required_argument, DO_INLET, "C", "air inlet temperature (default: inlet, host defaults)" }, \
	{ "delta-t", 0, required_argument, DO_DELTA_T, "K", "inlet-to-outlet air temperature rise (default: air-rise, host defaults)" }, \
	{ "materialize", 0, no_argument, DO_MATERIALIZE, NULL, "loader reads the whole model into RAM first (torch.load)" }, \
	{ "gpu-layers", 0, required_argument, DO_GPU_LAYERS, "N|auto", "llama.cpp -ngl: layers on the GPUs, the rest on the CPU; auto: as many as fit" }, \
	{ "cpu-offload-gb", 0, required_argument, DO_CPU_OFFLOAD, "GIB", "vLLM: weights per GPU read from host memory every step" }, \
	{ "kv-offload", 0, no_argument, DO_KV_OFFLOAD, NULL, "llama.cpp: the KV cache in host memory, attention on the CPU (--no-kv-offload)" }, \
	{ "images", 0, required_argument, DO_IMAGES, "N", "images per request, for a vision-language model: each becomes prompt tokens and tower time" }, \
	{ "image-size", 0, required_argument, DO_IMAGE_SIZE, "WxH", "their size in pixels (a phone screenshot: 1080x2400)" }

/* Apply one deployment flag: 0, a negative error, or 1 when `id` is not
 * a deployment flag (the command's own). */
int deploy_opt(struct deploy_request *q, int id, const char *arg, struct err *err);

#endif
