/*
 * reference.h - published serving benchmark runs replayed on their own
 * deployments: `rigplan validate --serving FILE` and tests/unit/t_serving.
 *
 * A run is one block of a serving benchmark (sglang.bench_serving, vllm
 * bench serve): a closed loop of `concurrency` clients sending
 * `num_prompts` requests at an unlimited rate, to `model` on `tp` x `gpu`
 * under `engine`, with what the block printed.  The file is JSON:
 *
 *   {"experiments": [{"id": "...", "model": "llama-3.1-70b",
 *     "gpu": "a100-sxm-80gb", "engine": "sglang", "precision": "bf16",
 *     "tp": 8, "concurrency": 16, "num_prompts": 80,
 *     "measured": {"total_input_tokens": 39668, "total_output_tokens": 40805,
 *                  "ttft_mean_ms": 264.84, "tpot_mean_ms": 26.09, ...}}]}
 *
 * Prompt and output lengths are replayed uniformly from 1 with the mean
 * of the run's own token totals (sglang.bench_serving's random dataset
 * at its default range ratio), or every one at that mean where the run
 * says "input_lengths" / "output_lengths": "fixed" (vLLM's random dataset
 * at its default range ratio 0, a sonnet prompt); every run is simulated
 * with several seeds.  "max_num_seqs" and "max_num_batched_tokens" are
 * the server's, where its launch command set them.
 * Other fields (a source, the commands) are kept in the file, not read.
 */
#ifndef RIGPLAN_PLANNER_REFERENCE_H
#define RIGPLAN_PLANNER_REFERENCE_H

#include <stddef.h>

struct cat;
struct err;

enum ref_metric {
	REF_TTFT_MEAN, REF_TTFT_MEDIAN, REF_TTFT_P99, REF_TPOT_MEAN, REF_TPOT_MEDIAN,
	REF_TPOT_P99, REF_E2E_MEAN, REF_E2E_MEDIAN, REF_OUTPUT_TPS, REF_METRICS
};

/* The metric's key in "measured" (ms, or tokens/s) and a label. */
const char *ref_metric_key(enum ref_metric k);
const char *ref_metric_label(enum ref_metric k);

#define REF_RUNS_MAX 4096
/* seeds each run is simulated with: a run of ten requests is noisy */
#define REF_SEEDS 4
#define REF_FILE_MAX (16u << 20)

struct ref_run {
	char id[128];
	char model[128], gpu[64], engine[64], precision[32];  /* "": the default */
	size_t tp, concurrency, requests;
	size_t max_num_seqs, max_num_batched_tokens;   /* as launched; 0: the engine's */
	double mean_in, mean_out;           /* tokens a request */
	int fixed_in, fixed_out;            /* every request at the mean, not uniform */
	double measured[REF_METRICS];       /* NaN: not published */
};

/* Parse a file's text.  ERR_PARSE naming the run and the field, and
 * nothing allocated, when anything is out of place. */
int ref_parse(struct ref_run **out, size_t *n, const char *text, size_t len, struct err *err);

/* Why a published figure is listed but not scored. */
enum ref_skip {
	REF_SCORED,
	REF_BURST,      /* a TTFT mean or p99 below the compute bound of the run's
			 * own start: the first `concurrency` prompts arrive at once
			 * and cannot all be prefilled sooner at the GPUs' peak */
	REF_FEW         /* a p99 of fewer than 100 requests: its largest sample */
};

struct ref_result {
	double predicted[REF_METRICS];
	enum ref_skip skip[REF_METRICS];
	size_t gpus;                        /* the deployment's */
	size_t completed, sent;             /* over every seed */
};

/* Simulate the run `seeds` times (seeds 1..seeds) and average. */
int ref_predict(struct ref_result *out, struct cat *cat, const struct ref_run *r,
		unsigned seeds, struct err *err);

#endif
