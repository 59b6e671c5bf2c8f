/*
 * mem.h - GPU memory per GPU: weights, KV cache, activations of the largest
 * prefill chunk, runtime overhead; whether it fits; the largest batch and
 * context that fit.  Units: bytes.  Pure functions of struct est_model.
 */
#ifndef RIGPLAN_MODELS_MEM_H
#define RIGPLAN_MODELS_MEM_H

#include "models/est.h"

struct err;

struct mem_result {
	double weights_bytes;       /* the fullest pipeline stage's share */
	double kv_cache_bytes;      /* batch sequences of `context` tokens */
	double kv_per_seq_bytes;
	double activation_bytes;
	double overhead_bytes;      /* CUDA context or the engine's reserve */
	double total_per_gpu_bytes;
	double capacity_bytes;
	double host_bytes;          /* offloaded to host memory, one replica (offload.h) */
	double host_capacity_bytes; /* what the host may hold; 0: not checked */
	int fits;                   /* the GPU's share fits it, and the host's the host */
	double max_batch;           /* sequences of `context` tokens that fit; 0: none */
	double max_context;         /* tokens per sequence that fit at `batch`; 0: none */
};

/*
 * The scale of a model's layers (llm_spec.params_total over the count of
 * its shapes) at which one replica's weights in format `wf` take `bytes`,
 * counted as the weights below are (layers at the format's linear and
 * expert widths, embedding and untied head at its embedding width): what
 * makes a GGUF file's tensor bytes exact.  Not finite or <= 0 when the
 * embeddings alone take more.
 */
double mem_layer_scale_for(const struct llm_spec *l, const struct fmt_weight *wf, double bytes);

/* One decoder layer's weights on one GPU, routed experts averaged over
 * the layers that have them. */
double mem_layer_bytes(const struct est_model *m);

/* Weights on the fullest GPU: its pipeline stage's layers (those not on
 * the host), the embedding or the head, less what streams from the host. */
double mem_weights_bytes(const struct est_model *m);

/* KV bytes of one sequence of `context` tokens on one GPU: every layer of
 * its pipeline stage, sliding-window layers at most the window. */
double mem_kv_per_seq(const struct est_model *m, double context);

/* Memory of `batch` sequences with `context` tokens cached, whose largest
 * forward pass holds max(batch, prefill_tokens) tokens (or the engine's
 * chunk); no root finding. */
void mem_at(struct mem_result *out, const struct est_model *m, double batch,
	    double context, double prefill_tokens);

/* mem_at plus max_batch and max_context by root finding (GSL Brent);
 * ERR_NUMERIC if the solver fails. */
int mem_solve(struct mem_result *out, const struct est_model *m, double batch,
	      double context, double prefill_tokens, struct err *err);

#endif
