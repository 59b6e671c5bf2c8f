/*
 * est.h - one estimate: the fixed part of a (model, GPU, format, deployment)
 * combination is checked and precomputed once by est_model_init(); each
 * workload point is then a few hundred floating-point operations
 * (perf_decode, perf_prefill, mem_at), so a plan search can evaluate
 * millions per second.  est_run() fills every figure `rigplan estimate`
 * prints.
 *
 * Errors: est_model_init returns ERR_INVAL naming the bad value (tp that
 * does not divide the heads, a format the GPU cannot run, zero sizes).
 * Nothing here allocates, prints or keeps state between calls.
 */
#ifndef RIGPLAN_MODELS_EST_H
#define RIGPLAN_MODELS_EST_H

#include "models/llm.h"
#include "models/spec.h"

struct err;

/* Bytes of one activation value: engines keep activations in 16 bits. */
#define EST_ACT_BYTES 2.0

struct est_model {
	/* copies, so an est_model may be copied and outlives what built it */
	struct llm_spec llm;
	const struct fmt_weight *wf;    /* static tables (models/fmt.c) */
	const struct fmt_kv *kf;
	struct gpu_spec gpu;
	struct deploy_spec dep;
	struct llm_parts parts;
	double scale;           /* model card parameters / counted ones */
	double bw;              /* achieved memory bandwidth */
	double flops;           /* achieved GEMM rate in the format's arithmetic */
	double flops_attn;      /* achieved attention rate (bf16), prefill */
	double flops_bf16;      /* achieved bf16 GEMM rate (decode attention) */
	double kv_bytes_token;  /* per token per layer, one GPU's share */
	double layer_bytes_attn;    /* one layer's attention weights, one GPU */
	double layer_bytes_dense;   /* one dense FFN, one GPU */
	double expert_bytes;        /* one routed expert, one GPU (EP: spread) */
	double moe_fixed_bytes;     /* router + shared experts, one GPU */
	double head_bytes;          /* output head, one GPU */
	double embed_bytes;         /* the input embedding, all of it */
	/* the layer's element-wise kernels (perf.c act_layer_bytes), bytes
	 * read and written per token on one GPU: the add-and-norms, rotary,
	 * and in an MoE layer what the routed experts' tokens add */
	double act_bytes_dense, act_bytes_moe, act_bytes_routed;
	/* unpacking block-quantized weights in a step (gpu eff.dequant_ops
	 * at the 16-bit rate), seconds per byte read: attention and dense
	 * FFN, routed experts, the head; 0 where nothing is unpacked */
	double dq_lin, dq_expert, dq_head;
	double dq_tile;             /* tokens a matrix product unpacks its weights for */
	double vision_bytes;        /* a vision tower's weights, one GPU of the first stage */
	double vision_image_s;      /* the tower's time for one image of the work point's
				     * size, split over tp (bind/deploy.c); 0: none */
	size_t vision_image_tokens; /* the prompt tokens such an image becomes */
	double vision_act_bytes;    /* the tower's activations encoding it, one GPU */
	/* offload (models/offload.c): shares in host memory and their costs */
	double host_frac;           /* decoder layers the CPU holds / all */
	double host_kv_frac;        /* of the KV cache, in host memory */
	double host_weight_bytes;   /* the host layers' (and head's) weights */
	double stream_s;            /* per forward: streamed weights over PCIe, less
				     * what reading them from HBM would take */
	size_t n;               /* GPUs: tp * pp */
};

int est_model_init(struct est_model *out, const struct llm_spec *llm,
		   const struct fmt_weight *wf, const struct fmt_kv *kf,
		   const struct gpu_spec *gpu, const struct deploy_spec *dep,
		   struct err *err);

enum perf_bound { PERF_MEMORY, PERF_COMPUTE, PERF_COMMUNICATION, PERF_HOST, PERF_BOUND_COUNT };

const char *perf_bound_name(enum perf_bound b);

/* The smooth maximum (tm^p + tc^p)^(1/p) of an operator's memory and
 * compute times (see perf.c's op()). */
double perf_roofline_s(double tm, double tc, double p);

/* One GEMM kernel of `bytes` moved and `flops` done, at achieved
 * bandwidth `bw` and tensor rate `rate`: its launch cost plus the smooth
 * maximum.  What `rigplan calibrate` fits and `validate` checks. */
double perf_gemm_s(const struct gpu_eff *e, double bw, double rate, double bytes,
		   double flops);

struct perf_result {
	double time_s;
	double mem_s;       /* time of the parts limited by memory bandwidth */
	double comp_s;      /* ... by tensor throughput */
	double comm_s;      /* all-reduces and pipeline sends */
	double overhead_s;  /* kernel launches, per-layer and per-step fixed costs */
	double host_s;      /* offloaded work: the CPU's layers and attention, weights
			     * crossing PCIe (the GPU waits) */
	double bytes;       /* moved per GPU */
	double flops;       /* per GPU */
	double u_mem;       /* fraction of the time memory streams at the achieved rate */
	double u_comp;      /* fraction of the time tensor units run at the achieved rate */
	enum perf_bound bound;
};

/* One decode step: `batch` sequences, each with `context` tokens cached. */
void perf_decode(struct perf_result *out, const struct est_model *m,
		 double batch, double context);

/* Prefill of `batch` prompts of `input_len` tokens (no queueing). */
void perf_prefill(struct perf_result *out, const struct est_model *m,
		  double batch, double input_len);

/*
 * One step of a continuous-batching engine: decode sequences and prefill
 * chunks in one forward pass, sharing each layer's weight reads.  The
 * simulator describes the step's mix; perf_chunk_pairs and
 * llm_kv_tokens_all_layers give its attention terms.
 */
struct step_mix {
	double decode_seqs;     /* sequences generating one token */
	double decode_kv;       /* their cached tokens summed over layers and sequences
				 * (llm_kv_tokens_all_layers of each context) */
	double prefill_tokens;  /* prompt tokens computed, all chunks */
	double prefill_seqs;    /* sequences with a chunk in this step */
	double prefill_pairs;   /* attention (query, key) pairs of the chunks, all layers */
	double prefill_kv_read; /* cached tokens the chunks attend to, all layers */
	double logits;          /* sequences sampling a token at the end of the step */
	double images;          /* images the vision tower encodes in the step */
};

/* With no prefill the step is perf_decode's; a single whole prompt and no
 * decode is perf_prefill's for batch 1 (tests/prop checks both). */
void perf_step(struct perf_result *out, const struct est_model *m,
	       const struct step_mix *mix);

/* Operators accumulated into a step (perf.c's op()). */
struct perf_acc {
	double mem_s, comp_s, bytes, flops, tmem, tcomp;
};

/*
 * What one step can hand the next of the same model: the layers' GEMMs
 * and the communication depend only on the tokens in the step, the
 * logits only on the sequences sampling, and a simulation runs thousands
 * of steps of one batch whose contexts alone grow.  Zero it before the
 * first step; one memo serves one est_model.  The result is the same,
 * bit for bit, as perf_step's (tests/unit/t_sim).
 */
struct perf_memo {
	int layers_ok, logits_ok, prefill, run_host;
	double local, group, logits;
	struct perf_acc layers;     /* the layer operators, accumulated */
	double layers_ovh, comm_s, layers_host;
	double logits_tm, logits_tc, logits_t;
};

void perf_step_memo(struct perf_result *out, const struct est_model *m,
		    const struct step_mix *mix, struct perf_memo *memo);

/* Attention pairs, summed over layers, of a chunk of `len` prompt tokens
 * that starts after `offset` tokens already cached. */
double perf_chunk_pairs(const struct est_model *m, double offset, double len);

/* A power cap's slowdown (power_gpu's clock_factor f and bw_factor bw):
 * the compute-bound parts stretch by 1/f, the memory-bound ones by 1/bw.
 * f = bw = 1 changes nothing, to the bit. */
void perf_apply_clock(struct perf_result *p, double f, double bw);

/* Time of a ring all-reduce of `bytes` over the tensor-parallel group. */
double comm_allreduce_s(const struct est_model *m, double bytes);

/* Time of the pp-1 pipeline sends of `bytes` each (one microbatch). */
double comm_pipeline_s(const struct est_model *m, double bytes);
/* The fullest GPU's share of `n` sequences (or tokens) when attention runs
 * data-parallel under expert parallelism; n itself without EP. */
double est_dp_share(const struct est_model *m, double n);
/* Time of one expert-parallel all-to-all in which each GPU sends `bytes`. */
double comm_alltoall_s(const struct est_model *m, double bytes);

#endif
