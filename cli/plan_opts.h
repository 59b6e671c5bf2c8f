/*
 * plan_opts.h - the planner's flags, shared by `plan` and `generate`
 * (which plans directly from them when no --plan file is given).
 * PLAN_OPTS expands to option-table rows.
 */
#ifndef RIGPLAN_CLI_PLAN_OPTS_H
#define RIGPLAN_CLI_PLAN_OPTS_H

#include "cli/cmd.h"
#include "catalog/nvsmi.h"
#include "planner/plan.h"
#include "models/power.h"
#include "sim/trace.h"

struct err;

enum {
	PO_MODEL = 1000, PO_QPS, PO_INPUT, PO_OUTPUT, PO_TRACE, PO_TTFT, PO_TPOT, PO_BUDGET,
	PO_MONTHLY, PO_POWER, PO_GPU, PO_ENGINE, PO_PRECISION, PO_CONSUMER, PO_OWNED,
	PO_REDUNDANCY, PO_RAM, PO_TOP, PO_SIMULATE, PO_REQUESTS, PO_SEED, PO_KWH, PO_PUE, PO_YEARS,
	PO_MAX_MODEL_LEN, PO_IMAGES, PO_IMAGE_SIZE, PO_MEM_FRACTION, PO_EAGER, PO_LAST
};

#define PLAN_OPTS \
	{ "model", 'm', required_argument, PO_MODEL, "MODEL", "model id or name (e.g. llama-3.1-70b)" }, \
	{ "qps", 'q', required_argument, PO_QPS, "Q", "requests per second to serve" }, \
	{ "input-len", 0, required_argument, PO_INPUT, "N", "mean prompt tokens" }, \
	{ "output-len", 0, required_argument, PO_OUTPUT, "N", "mean generated tokens" }, \
	{ "trace", 0, required_argument, PO_TRACE, "FILE", "a CSV trace: its rate and mean lengths, replayed in the finalists' simulations" }, \
	{ "max-model-len", 0, required_argument, PO_MAX_MODEL_LEN, "N", "longest prompt + output the servers admit, tokens (default: the trace's longest request, else the model's context where the KV cache holds it, else as much as it holds)" }, \
	{ "gpu-memory-utilization", 0, required_argument, PO_MEM_FRACTION, "F", "the engines' share of GPU memory, 0.05 to 1, where they claim one (default: each release's)" }, \
	{ "enforce-eager", 0, no_argument, PO_EAGER, NULL, "no CUDA graphs: vLLM and SGLang only, their servers started so (--enforce-eager, --disable-cuda-graph)" }, \
	{ "images", 0, required_argument, PO_IMAGES, "N", "images per request, for a vision-language model (a trace: its Images column)" }, \
	{ "image-size", 0, required_argument, PO_IMAGE_SIZE, "WxH", "their size in pixels (a phone screenshot: 1080x2400)" }, \
	{ "ttft-p99", 0, required_argument, PO_TTFT, "S", "objective: p99 time to first token, seconds" }, \
	{ "tpot-p99", 0, required_argument, PO_TPOT, "S", "objective: p99 time per output token, seconds" }, \
	{ "budget", 0, required_argument, PO_BUDGET, "USD", "capex limit (priced parts)" }, \
	{ "monthly-budget", 0, required_argument, PO_MONTHLY, "USD", "limit on energy plus amortization per month" }, \
	{ "node-power-max", 0, required_argument, PO_POWER, "W", "most a node may draw at the wall at peak, watts (default: for a tower the largest household outlet, circuit-230v-16a in 'rigplan --help'; for a server none)" }, \
	{ "gpu", 'g', required_argument, PO_GPU, "GPU,...", "allowed GPUs; cpu: every CPU alone, cpu-CPU: one (default: every GPU and CPU in the catalog)" }, \
	{ "engine", 'e', required_argument, PO_ENGINE, "ENGINE,...", "allowed engines (default: all)" }, \
	{ "precision", 'p', required_argument, PO_PRECISION, "P,...", "weight formats to try (default bf16,fp8,int4-awq,gguf-q4_k_m)" }, \
	{ "consumer-only", 0, no_argument, PO_CONSUMER, NULL, "GeForce and workstation cards only" }, \
	{ "owned", 0, required_argument, PO_OWNED, "FILE.xml", "GPUs you own (nvidia-smi -q -x): they cost nothing" }, \
	{ "psu-redundancy", 0, required_argument, PO_REDUNDANCY, "R", PSU_REDUNDANCY_NAMES " (default: the chassis's; towers of ATX PSUs take only none)" }, \
	{ "ram", 0, required_argument, PO_RAM, "BYTES", "host memory per node, at least, e.g. 256GiB (default: the weights' files + os-reserve + swap-per-gpu per GPU)" }, \
	{ "top", 'k', required_argument, PO_TOP, "K", "candidates to show (default 5)" }, \
	{ "simulate", 0, required_argument, PO_SIMULATE, "N", "boxes verified by simulation (default 10; 0: analytic only)" }, \
	{ "requests", 0, required_argument, PO_REQUESTS, "N", "requests per simulation (default 2000)" }, \
	{ "seed", 0, required_argument, PO_SEED, "S", "random seed of the simulations (default 1)" }, \
	{ "usd-per-kwh", 0, required_argument, PO_KWH, "USD", "electricity price (default: usd-per-kwh, host defaults)" }, \
	{ "pue", 0, required_argument, PO_PUE, "X", "facility power / IT power (default: pue, host defaults)" }, \
	{ "years", 0, required_argument, PO_YEARS, "Y", "amortization period (default: years, host defaults)" }

#define PLAN_LIST_MAX 64

struct plan_opts {
	struct plan_request q;
	const char *trace, *owned_file;
	struct trace tr;                        /* --trace, open while planning */
	int tr_open;
	char *lists[3];                         /* copies of the list arguments */
	const char *gpus[PLAN_LIST_MAX], *engines[PLAN_LIST_MAX], *precisions[PLAN_LIST_MAX];
	struct plan_owned owned[PLAN_LIST_MAX];
};

void plan_opts_init(struct plan_opts *o);
void plan_opts_release(struct plan_opts *o);
/* One flag: 0, a negative error, or 1 when it is not a plan flag. */
int plan_opt(struct plan_opts *o, int id, const char *arg, struct err *err);

/* Check the flags, read --trace and --owned, and plan.  On failure the
 * error is reported and *status set (2 usage, 3 bad file, 5 nothing
 * feasible, with the rejection counts printed). */
/* " unsupported 40 ... incompatible 12 (engine_gpu 8, checkpoint 4)":
 * every reason, or (nonzero_only) those that rejected something. */
void plan_print_rejected(FILE *f, const struct plan_result *r, int nonzero_only);

int plan_opts_run(struct plan_result *out, struct plan_opts *o, struct cli_ctx *ctx,
		  int *status);

#endif
