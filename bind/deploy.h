/*
 * deploy.h - bound rows and a layout become the model's inputs: catalog
 * rows (bind/rows.h) become struct llm_spec, gpu_spec, host and PSU
 * figures, checked against each other.  deploy_layout is a pure function
 * of the rows and the request; deploy_build resolves the names first.
 * Defaults that are not in the catalog are chosen and documented here.
 */
#ifndef RIGPLAN_BIND_DEPLOY_H
#define RIGPLAN_BIND_DEPLOY_H

#include <math.h>
#include <stddef.h>

#include "bind/compat.h"
#include "bind/rows.h"
#include "models/defaults.h"
#include "models/estimate.h"

struct err;

/* Where a llama.cpp server puts the layers: all on the GPUs (no
 * offload), N of them (-ngl N), or as many as fit. */
enum deploy_layers { DEPLOY_LAYERS_ALL, DEPLOY_LAYERS_N, DEPLOY_LAYERS_AUTO };

struct deploy_request {
	const char *model, *gpu;
	const char *precision;      /* NULL: the model's native dtype */
	const char *kv_precision;   /* NULL: the engine's default */
	const char *engine;         /* NULL: vllm */
	const char *ssd, *cpu;      /* NULL: chosen by segment */
	const char *psu_redundancy; /* NULL: n+1 in data centres, none on desktops */
	size_t gpus, tp, pp;        /* 0: derived (tp = gpus / pp, gpus = tp * pp) */
	size_t gpus_per_node;       /* 0: 8 */
	struct work_point work;
	double ram_bytes;           /* NaN: 2x the node's GPU memory */
	double power_limit_w;       /* NaN: TDP */
	double usd_per_kwh, pue, years, utilization;
	double gpu_price_usd;       /* NaN: the catalog's */
	double rent_usd_per_h;      /* NaN: owned */
	double inlet_c, delta_t_c, thermal_s;
	int materialize;            /* loader reads the whole state dict into RAM */
	size_t ep;                  /* 0 or 1: off; N: experts over N GPUs, attention
				     * data-parallel (vLLM --enable-expert-parallel with
				     * --data-parallel-size N, SGLang --enable-dp-attention) */
	size_t max_seqs;            /* 0: the engine's max_num_seqs */
	size_t max_batched_tokens;  /* 0: the engine's max_num_batched_tokens */
	int measured;               /* a published or recorded run: the release that ran
				     * it need not be in the catalog, so the release
				     * rules (bind/compat.h) are not applied */
	enum deploy_layers layers;  /* where the layers go (llama.cpp -ngl) */
	size_t gpu_layers;          /* with DEPLOY_LAYERS_N: -ngl's value */
	double cpu_offload_bytes;   /* per GPU, streamed from host memory (vLLM
				     * --cpu-offload-gb); 0: none */
	int kv_offload;             /* the KV cache in host memory (llama.cpp
				     * --no-kv-offload) */
	double mem_fraction;        /* the engine's share of GPU memory (vLLM
				     * --gpu-memory-utilization, SGLang
				     * --mem-fraction-static); NaN: the release's */
	int eager;                  /* no CUDA graphs (vLLM --enforce-eager, SGLang
				     * --disable-cuda-graph) */
};

/* The site's figures (electricity, PUE, amortization, utilization, inlet,
 * air rise, thermal trace) are models/defaults.h's, with their sources.
 * For objects with automatic storage only (the values are read from that
 * table). */
#define DEPLOY_REQUEST_INIT { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, \
	0, 0, 1, 0, { 1, 0, 0, 0, 0, 0, 0 }, NAN, NAN, host_default(HOST_USD_PER_KWH), \
	host_default(HOST_PUE), host_default(HOST_YEARS), host_default(HOST_UTILIZATION), \
	NAN, NAN, host_default(HOST_INLET_C), host_default(HOST_AIR_RISE_K), \
	host_default(HOST_THERMAL_S), 0, 0, 0, 0, 0, DEPLOY_LAYERS_ALL, 0, 0, 0, NAN, 0 }

/* Everything the model reads, with the catalog rows behind it; a plain
 * value (it may be copied). */
struct deploy {
	struct cat_model model;
	struct cat_gpu gpu;
	struct cat_engine engine;
	struct cat_efficiency eff;
	/* the engine's own kernel figures on this GPU's architecture
	 * (engine_kernel), over eff's; has_kernel 0: none */
	struct cat_engine_kernel kernel;
	int has_kernel;
	struct cat_ssd ssd;
	struct cat_cpu cpu;
	struct cat_psu psu;
	struct llm_spec llm;
	struct gpu_spec gspec;
	struct deploy_spec dspec;
	const struct fmt_weight *wf;
	const struct fmt_kv *kf;
	size_t cpu_sockets;
	/* what runs it: the engine's image for this GPU, and the checkpoint
	 * in the weight format (verdict COMPAT_CHECKPOINT: none published) */
	struct compat_verdict compat;
	double capex_usd;           /* GPUs only; NaN when a price is missing */
	int reserves;               /* the engine's admission reserves the whole output */
	double launch_layer_s;      /* its host's eager launch per layer; NaN: the GPU's */
	double request_s;           /* its front end per request */
	struct allreduce_spec ar;   /* its all-reduce kernel on this GPU; max_bytes 0: none */
	int has_ngl;                /* llama.cpp's -ngl for the layers on the GPUs */
	size_t ngl;
	struct est_input in;        /* ready for est_run */
};

/* Check a request against bound rows and fill *out: pure, nothing is
 * allocated or read (req's names are not looked at).  ERR_INVAL for
 * impossible settings, ERR_INFEASIBLE for a layout the model refuses,
 * and a row's kept failure (rows.h) when the layout needs that row. */
int deploy_layout(struct deploy *out, const struct bind_model_rows *m,
		  const struct bind_engine_rows *e, const struct bind_gpu_rows *g,
		  const struct deploy_request *req, struct err *err);

/* bind_resolve of req's names, then deploy_layout.  ERR_NOTFOUND for
 * unknown names, as deploy_layout otherwise. */
int deploy_build(struct deploy *out, struct cat *cat,
		 const struct deploy_request *req, struct err *err);

/* The most a cold load of the engine's files reads a second on the GPU's
 * system, whatever its drive (a Mac's mmap'd llama.cpp load); INFINITY
 * when the drive bounds it. */
double deploy_load_read_max(const struct cat_gpu *g, const struct cat_engine *e);

/* PSU rating per watt of TDP the PSUs must carry to ride through the
 * card's transients (models/defaults.h HOST_TRANSIENT_DESKTOP for GeForce
 * and workstation cards; 1 for data-centre parts, which firmware power
 * brakes cap). */
double deploy_gpu_transient(const struct cat_gpu *g);

/* The prompt tokens one image of w x h pixels becomes for the model's
 * vision tower; ERR_INVAL for a model without one or a size its
 * processor refuses. */
int deploy_image_tokens(size_t *out, const struct bind_model_rows *m, double w, double h,
			struct err *err);

/* Whether the engine puts layers that do not fit on the CPU (--gpu-layers). */
int deploy_engine_offloads_layers(const struct cat_engine *e);

/* Whether the engine has a switch for CUDA graphs (vLLM --enforce-eager,
 * SGLang --disable-cuda-graph). */
int deploy_engine_switches_graphs(const struct cat_engine *e);

/* Whether the engine claims a share of GPU memory one may set
 * (--gpu-memory-utilization). */
int deploy_engine_takes_mem_fraction(const struct cat_engine *e);

/* Whether the engine loads weights in that format (its weight_formats). */
int deploy_engine_loads(const struct cat_engine *e, const char *precision);
/* Whether the engine is a llama.cpp server (it loads GGUF files and
 * nothing else: llama.cpp, Ollama), which gives every parallel slot its
 * whole context up front instead of paging a shared cache. */
int deploy_engine_slots_static(const struct cat_engine *e);
/* Whether `word` is one of a catalog list's comma-separated words. */
int deploy_list_has(const char *list, const char *word);
/* Whether the engine keeps its KV cache in that format (its kv_formats). */
int deploy_engine_has_kv(const struct cat_engine *e, const char *kv_precision);

/* Evaluate a built deployment with another efficiency row (a candidate
 * calibration) instead of the catalog's. */
int deploy_use_efficiency(struct deploy *d, const struct cat_efficiency *e, struct err *err);

/* A catalog model as the model's spec (also used by tests). */
void deploy_llm_spec(struct llm_spec *out, const struct cat_model *m);

#endif
