/*
 * plan.h - the planner: which GPUs, how many, in which boxes, to serve a
 * model at a load within latency objectives and constraints.
 *
 * It enumerates GPU x weight format x engine x tensor/pipeline parallel
 * size, lays out each deployment (bind/deploy), screens it analytically
 * (memory, one prompt's TTFT and one sequence's TPOT against the
 * objectives, replicas from the analytic saturation rate), completes the
 * nodes from the catalog (planner/node.c: chassis, PSUs with redundancy,
 * CPU lanes, RAM, drive), prices them and keeps what meets every
 * constraint.  The best finalists are then simulated at their planned
 * load (sim/sim) and given replicas until the simulated p99s meet the
 * objectives.  Candidates come back ranked (dollars per million output
 * tokens, then capex), with the Pareto front over capex, dollars per
 * million tokens, p99 TTFT and power marked, and rejections counted by
 * reason.
 */
#ifndef RIGPLAN_PLANNER_PLAN_H
#define RIGPLAN_PLANNER_PLAN_H

#include <stddef.h>

struct cat;
struct err;

/* Text sizes of a plan's names: ids, product names, single words and
 * sources, as long as the catalog's (schema CHECKs) and no longer. */
#define PLAN_ID_MAX 64
#define PLAN_NAME_MAX 96
#define PLAN_WORD_MAX 32
#define PLAN_SOURCE_MAX 256

enum plan_reject {
	PLAN_UNSUPPORTED,       /* the engine cannot load the format, tp does not divide the heads */
	PLAN_NO_FIT,            /* weights and one request's KV cache do not fit */
	PLAN_MISSES_SLO,        /* even one request alone misses an objective */
	PLAN_OVER_BUDGET,       /* capex or monthly cost above the budget */
	PLAN_OVER_POWER,        /* no PSU set carries the peak, or above the power limit */
	PLAN_NO_SLOTS,          /* no chassis holds the GPUs (slots, width, form factor) */
	PLAN_NO_LANES,          /* no CPU has the PCIe lanes */
	PLAN_NO_PRICE,          /* a budget was set and the GPU has no price */
	PLAN_NO_REDUNDANCY,     /* redundant PSUs asked, and only towers (ATX) hold the GPUs */
	PLAN_INCOMPATIBLE,      /* the engine release cannot run it (plan_result.incompatible) */
	PLAN_REJECT_COUNT
};

/* "unsupported", "does_not_fit", "misses_slo", "over_budget",
 * "over_power", "not_enough_slots", "not_enough_lanes", "no_price",
 * "no_redundant_psus", "incompatible". */
const char *plan_reject_name(enum plan_reject r);

/* The compatibility rules (bind/compat.h) an incompatible configuration
 * is counted under, by the first that failed: "engine_gpu",
 * "engine_model", "engine_format", "engine_kv", "engine_pp",
 * "engine_multinode", "engine_ep", "checkpoint"; index 0 is unused. */
#define PLAN_RULE_COUNT 9
const char *plan_rule_name(size_t rule);

/* GPUs the user already owns: they cost nothing in the plan. */
struct plan_owned {
	char gpu[PLAN_ID_MAX];
	size_t count;
};

struct plan_request {
	const char *model;
	double qps, input_len, output_len;      /* mean lengths, tokens */
	double ttft_p99_s, tpot_p99_s;
	double budget_usd;                      /* capex; NaN: none */
	double monthly_budget_usd;              /* energy + amortization; NaN: none */
	double power_limit_w;                   /* per node, at the wall; NaN: none */
	double ram_bytes;                       /* host memory per node, at least; NaN: the
						 * page-cache rule (planner/node.c) */
	/* a recorded workload: finalists are verified by replaying it,
	 * rescaled to each replica's share of the rate, instead of Poisson
	 * arrivals of the mean lengths; not owned, NULL: none */
	struct trace *trace;
	double max_len;                         /* longest prompt + output to admit; NaN:
						 * the mean lengths' sum */
	/* a vision-language model's images per request, of image_w x
	 * image_h pixels (a trace: replayed from its column, `images` its
	 * mean rounded); image_tokens: one image's prompt tokens, which
	 * plan_run fills in */
	size_t images;
	double image_w, image_h;
	size_t image_tokens;
	double mem_fraction;                    /* the engines' share of GPU memory; NaN:
						 * each release's default */
	int eager;                              /* no CUDA graphs: only engines with the
						 * switch (vLLM, SGLang) are candidates */
	size_t max_model_len;                   /* what the servers admit; 0: the policy of
						 * planner/settings.c */
	const char *const *gpus;                /* allowed ids or names; NULL: all */
	size_t ngpus;
	const char *const *precisions;          /* NULL: bf16, fp8, int4-awq, gguf-q4_k_m */
	size_t nprecisions;
	const char *const *engines;             /* NULL: every engine in the catalog */
	size_t nengines;
	int consumer_only;                      /* consumer and workstation cards only */
	const struct plan_owned *owned;
	size_t nowned;
	const char *psu_redundancy;             /* NULL: n+1 in racks, none in towers */
	size_t top_k;                           /* candidates returned (0: 5) */
	size_t verify;                          /* boxes verified by simulation (0: none; default 10) */
	size_t sim_requests;                    /* per simulation (0: 2000) */
	unsigned long seed;
	double usd_per_kwh, pue, years;
	/* called now and then with the phase ("screening", "simulating"),
	 * work done and work in all; NULL: none (plan prints nothing) */
	void (*progress)(void *arg, const char *phase, size_t done, size_t total);
	void *progress_arg;
};

void plan_request_init(struct plan_request *q);

/* One line of the bill of materials. */
struct plan_part {
	char role[16];              /* gpu, chassis, psu, cpu, memory, ssd, nic */
	char id[PLAN_ID_MAX];
	char name[PLAN_NAME_MAX];
	size_t qty;                 /* in the whole plan */
	double unit_usd;            /* NaN: no sourced price; 0: owned or included */
	char price_kind[PLAN_WORD_MAX];
	char price_source[PLAN_SOURCE_MAX];
	char price_as_of[PLAN_WORD_MAX];
	char note[192];
};

#define PLAN_PARTS_MAX 16

/* One node type (every node of a plan is the same box). */
struct plan_node {
	char chassis[PLAN_ID_MAX];
	char chassis_kind[PLAN_WORD_MAX];    /* tower | rack */
	size_t rack_units;                  /* 0 for towers */
	size_t gpus;                        /* in the fullest node */
	size_t psus, psus_needed;           /* installed, and needed for the peak */
	double psu_rated_w;
	char psu_redundancy[PLAN_WORD_MAX];
	size_t cpu_sockets, cpu_threads, dimms;   /* threads: the node's, all sockets */
	double ram_bytes, ssd_bytes;
	size_t pcie_lanes_needed, pcie_lanes;
	double peak_w;                      /* DC, GPUs at TDP (consumer transients included) */
	double typical_w;                   /* at the wall, at the planned load */
	double psu_capacity_w;              /* what the non-redundant PSUs deliver */
	double heat_btu_per_h, airflow_cfm; /* at peak */
	double load_cold_s, load_warm_s;    /* weights from the drive, from the page cache */
	char fabric[PLAN_WORD_MAX];         /* a replica's nodes joined by: infiniband,
					     * ethernet; "" within one node */
};

struct plan_candidate {
	char model[PLAN_ID_MAX], hf_repo[PLAN_NAME_MAX];
	char gpu[PLAN_ID_MAX], gpu_name[PLAN_NAME_MAX], gpu_product[PLAN_NAME_MAX];
	char gpu_vendor[PLAN_WORD_MAX];     /* nvidia, amd, ...; "" (older plans): nvidia */
	char precision[PLAN_WORD_MAX], kv_precision[PLAN_WORD_MAX];
	char engine[PLAN_ID_MAX], engine_version[PLAN_WORD_MAX], engine_image[128];
	char multinode[PLAN_WORD_MAX];      /* how a replica spans nodes: none ray native mpi */
	/* the weights fetched: a repository, for GGUF its file, the Ollama
	 * tag of the same quantization ("" when none) */
	char checkpoint_repo[PLAN_NAME_MAX], checkpoint_file[128], checkpoint_ollama[PLAN_NAME_MAX];
	char health_path[64];
	char serving_flags[400];            /* the model's own server flags, words by spaces */
	size_t port;
	size_t tp, pp, gpus_per_replica, replicas, gpu_count, nodes;
	size_t owned_gpus;                  /* of gpu_count, already owned */
	size_t max_model_len, max_num_seqs, max_batched_tokens;
	double gpu_memory_utilization;      /* NaN: the engine has none */
	int eager;                          /* started without CUDA graphs */
	double weights_bytes;               /* one replica's weights on disk */
	double gpu_memory_bytes;            /* one GPU's */
	size_t kv_room_bytes;               /* one GPU's left for the KV cache; 0: not recorded */
	double qps_per_replica_max;         /* analytic saturation */
	double prefill_s;                   /* one prompt alone */
	double capex_usd;                   /* priced parts only */
	size_t unpriced_parts;              /* BOM lines with no sourced price */
	double usd_per_month, usd_per_million_tokens, energy_usd_per_month;
	double ttft_p99_s, tpot_p99_s;      /* simulated when `simulated`, else analytic */
	int simulated;
	/* llama.cpp and Ollama layers on the CPU, chosen when the model does
	 * not fit the GPU whole (--gpu-layers auto's split) */
	int offloaded;
	size_t gpu_layers, host_layers;     /* with offloaded: -ngl's value, layers on the CPU */
	double power_w;                     /* all nodes, at the wall, planned load */
	double peak_w;                      /* all nodes, DC peak */
	struct plan_node node;
	struct plan_part parts[PLAN_PARTS_MAX];
	size_t nparts;
	int pareto;
	char why[200];
};

struct plan_result {
	struct plan_candidate *c;           /* best first */
	size_t n;
	size_t considered;                  /* configurations tried */
	size_t feasible;                    /* passed screening */
	size_t simulated;
	size_t rejected[PLAN_REJECT_COUNT];
	size_t incompatible[PLAN_RULE_COUNT];   /* of rejected[PLAN_INCOMPATIBLE], by rule */
	char incompatible_first[400];           /* the first such refusal, in words */
};

/* What a plan was asked, as its file records it (planner/plan_file.h
 * reads it back for `rigplan report`). */
struct plan_json_request {
	char model[PLAN_ID_MAX];
	double qps, input_len, output_len, ttft_p99_s, tpot_p99_s;
	double usd_per_kwh, pue, years;
};

/*
 * Plan.  ERR_NOTFOUND for an unknown model, GPU or engine name; ERR_INVAL
 * for impossible numbers; ERR_INFEASIBLE (with the counts still filled
 * in *out) when no configuration survives.  Release with
 * plan_result_release.
 */
int plan_run(struct plan_result *out, struct cat *cat, const struct plan_request *q,
	     struct err *err);
void plan_result_release(struct plan_result *r);

/* Recompute the Pareto flags and the "why" of each candidate (also used
 * after a plan file is read). */
void plan_rank(struct plan_candidate *c, size_t n);

/* For `rigplan report`: p99 TTFT and TPOT of one replica of candidate c at
 * each of n per-replica rates, simulated as the plan's finalists were. */
int plan_candidate_curve(double *ttft, double *tpot, const double *qps, size_t n,
			 struct cat *cat, const struct plan_request *q,
			 const struct plan_candidate *c, struct err *err);

/* One GPU's memory for a candidate at the plan's context: what the
 * report draws. */
struct plan_gpu_memory {
	double weights_bytes, kv_per_seq_bytes, activation_bytes, overhead_bytes;
	double capacity_bytes;
	double max_batch;           /* sequences of that context that fit */
};

/* One GPU's memory for candidate c at the plan's context. */
int plan_candidate_memory(struct plan_gpu_memory *out, struct cat *cat,
			  const struct plan_request *q, const struct plan_candidate *c,
			  struct err *err);

#endif
