/*
 * sim.h - a discrete-event simulation of LLM serving under load.
 *
 * Requests arrive (a seeded arrival process and length distributions, or
 * a replayed trace), a load balancer routes each to a replica, and each
 * replica runs a continuous-batching scheduler modelled on vLLM's:
 * max_num_seqs, max_num_batched_tokens, chunked prefill mixed with decode
 * in one step (or, with no token budget, prefill-first steps of whole
 * prompts as vLLM V0 without chunking), a paged KV cache in blocks,
 * preemption of the most recently admitted request when blocks run out
 * (recompute, or swap to host memory over PCIe), and optionally a cached
 * shared prompt prefix.  Each step's time comes from a pluggable cost
 * type for exactly that step's mix; sim_cost_model evaluates models/'
 * perf_step.  Optionally prefill and decode run on separate pools, the
 * KV cache crossing a link in between.
 *
 * The caller owns the loop (GSL style):
 *
 *	struct sim *s;
 *	if (sim_alloc(&s, &cfg, err) < 0) ...
 *	while ((r = sim_step(s, err)) > 0)
 *		;       (progress: sim_progress(s))
 *	if (r == 0) sim_result(s, &res);
 *	sim_free(s);
 *
 * Memory grows with the requests in flight, not with the requests run:
 * arrivals are drawn (or read) one ahead, statistics are histograms.
 * One seed gives one run, bit for bit.
 *
 * Errors: ERR_INVAL for an impossible configuration; ERR_PARSE/ERR_IO
 * from a trace (sim_step); nothing is printed.
 */
#ifndef RIGPLAN_SIM_SIM_H
#define RIGPLAN_SIM_SIM_H

#include <stddef.h>
#include <stdio.h>

#include "models/est.h"
#include "sim/policy.h"
#include "sim/stats.h"
#include "sim/trace.h"
#include "sim/workload.h"

struct err;

/* What one step costs. */
struct sim_step_cost {
	double t;               /* seconds */
	double gpu_w;           /* per GPU while it runs */
	enum perf_bound bound;
};

/* A step-cost model: a type and its state (never modified). */
struct sim_cost_type {
	const char *name;
	/* memo: memo_size zeroed bytes the simulation keeps for the type
	 * between steps (NULL: none), a cache that must not change results */
	void (*step)(const void *state, void *memo, const struct step_mix *mix,
		     struct sim_step_cost *out);
	size_t memo_size;
	/* cached tokens over all layers of a sequence of `len` tokens */
	double (*kv_tokens)(const void *state, double len);
	/* attention pairs of a prompt chunk (perf_chunk_pairs) */
	double (*chunk_pairs)(const void *state, double offset, double len);
};

/* State: a struct est_model (its power limit from its deploy_spec). */
extern const struct sim_cost_type *const sim_cost_model;

/* State: struct sim_linear.  t = fixed + per_prefill_token * P +
 * per_decode_seq * D: service times known in closed form, for checking
 * the simulator against queueing theory. */
extern const struct sim_cost_type *const sim_cost_linear;
struct sim_linear {
	double fixed_s, per_prefill_token_s, per_decode_seq_s, gpu_w;
};

enum sim_preempt { SIM_RECOMPUTE, SIM_SWAP };
enum sim_balance { SIM_ROUND_ROBIN, SIM_LEAST_OUTSTANDING };

/* One replica's engine. */
struct sim_engine {
	size_t max_seqs;            /* 0: no cap but the KV cache */
	size_t max_batched_tokens;  /* chunked prefill's token budget; 0: no chunking */
	size_t block_tokens;
	size_t kv_blocks;           /* blocks of KV cache in the replica */
	size_t max_model_len;       /* prompt + output beyond this: rejected */
	enum sim_preempt preempt;
	int reserve_output;         /* admit with blocks for the whole output reserved,
				     * never preempt (TensorRT-LLM's GUARANTEED_NO_EVICT) */
	size_t swap_blocks;         /* host swap space in blocks (SIM_SWAP) */
	double swap_block_s;        /* moving one block across PCIe */
	int prefix_caching;
	double request_s;           /* the front end's time per request (HTTP, tokenizer,
				     * detokenizer): in every TTFT and end-to-end time */
	const struct sim_policy_type *policy;
};

struct sim_config {
	struct sim_engine engine;
	const struct sim_cost_type *cost;
	const void *cost_state;
	size_t gpus_per_replica;    /* for energy */
	double idle_w;              /* one GPU, idle */
	size_t replicas;            /* colocated: each prefills and decodes */
	size_t prefill_replicas, decode_replicas;  /* both > 0: disaggregated */
	double kv_transfer_s_per_token, kv_transfer_latency_s;
	enum sim_balance balance;
	/* workload: a trace, or generated */
	struct trace *trace;        /* not owned; rewound by sim_alloc */
	struct arrival arrival;
	const struct length_dist *input, *output;
	size_t requests;            /* generated requests; with a trace, at most this many (0: all) */
	size_t concurrency;         /* a closed loop of this many clients, each sending its
				     * next request when the last ends (benchmark_serving
				     * --max-concurrency at an unlimited rate); 0: open,
				     * arrivals at `arrival`'s rate */
	unsigned long seed;
	size_t shared_prefix;       /* tokens every prompt begins with */
	/* a vision-language model's images: per generated request (a trace
	 * gives each row's), each image_tokens more prompt tokens, encoded by
	 * the tower in the step that admits the request (step_mix.images) */
	size_t images, image_tokens;
	double ttft_slo_s, tpot_slo_s;  /* goodput: NaN for none */
	/* stop as soon as the p99 TTFT or TPOT is sure to exceed its SLO
	 * (both SLOs set, the number of requests known): sim_result's
	 * `stopped` says so and its statistics cover the run so far */
	int stop_on_miss;
	FILE *timeline;             /* CSV time series, or NULL */
	double timeline_dt;
};

/* The defaults: one replica, FCFS, recompute, least outstanding, no SLO. */
void sim_config_init(struct sim_config *c);

struct sim_result {
	size_t arrived, completed, dropped, peak_in_flight;
	double duration_s;
	struct qstat ttft, tpot, e2e, queue;  /* owned: sim_result_release */
	double mean_in_system, mean_waiting;
	double kv_use;                  /* time-averaged fraction of blocks in use */
	double throughput_rps, output_tps, input_tps;
	double goodput_rps;             /* NaN without SLOs */
	size_t goodput_n, preemptions, steps;
	double gpu_busy;                /* fraction of replica time stepping */
	double energy_j, energy_per_request_j;  /* GPUs only */
	double prefix_hit;              /* prompt tokens served from the cache */
	double bound_s[PERF_BOUND_COUNT];   /* step time by perf_bound */
	double blocked_kv_s, blocked_seqs_s;    /* waiting requests held back by ... */
	double mean_batch;              /* sequences per step, time-weighted */
	int stopped;                    /* stop_on_miss ended the run early */
};

struct sim;

int sim_alloc(struct sim **out, const struct sim_config *c, struct err *err);
/* Process the next event: 1 while running, 0 when every request has left,
 * or a negative error (a bad trace row). */
int sim_step(struct sim *s, struct err *err);
/* Requests that have left so far, and the total expected (0: unknown). */
void sim_progress(const struct sim *s, size_t *done, size_t *total);
/* The statistics; the caller releases them with sim_result_release. */
void sim_result(const struct sim *s, struct sim_result *out);
void sim_result_release(struct sim_result *r);
void sim_free(struct sim *s);

/* sim_alloc, the loop, sim_result, sim_free. */
int sim_run(struct sim_result *out, const struct sim_config *c, struct err *err);

#endif
