/*
 * deploy.h - bound rows and a layout become the model's inputs: catalog
 * rows (bind/rows.h) become struct llm_spec, gpu_spec, host and PSU
 * figures, checked against each other.  deploy_layout is a pure function
 * of the rows and the request; deploy_build resolves the names first.
 * Defaults that are not in the catalog are chosen and documented here.
 */
#ifndef RIGPLAN_BIND_DEPLOY_H
#define RIGPLAN_BIND_DEPLOY_H

#include <stddef.h>

#include "bind/rows.h"
#include "models/estimate.h"

struct err;

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
};

/*
 * Defaults: US commercial electricity 12.7 cents/kWh (EIA Electric Power
 * Monthly, table 5.6.A, 2024 average); PUE 1.56 (Uptime Institute Global
 * Data Center Survey 2024, industry average); 3-year straight-line
 * amortization; 100% utilization (the best case; say --utilization);
 * 25 C inlet (inside ASHRAE's recommended 18-27 C); 15 K rise across the
 * node; 60 s of sustained load for the temperature trace.
 */
#define DEPLOY_REQUEST_INIT { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, \
	0, 0, 1, 0, { 1, 0, 0, 0 }, NAN, NAN, 0.127, 1.56, 3, 1.0, NAN, NAN, \
	25, 15, 60, 0, 0, 0, 0 }

/* Everything the model reads, with the catalog rows behind it; a plain
 * value (it may be copied). */
struct deploy {
	struct cat_model model;
	struct cat_gpu gpu;
	struct cat_engine engine;
	struct cat_efficiency eff;
	struct cat_ssd ssd;
	struct cat_cpu cpu;
	struct cat_psu psu;
	struct llm_spec llm;
	struct gpu_spec gspec;
	struct deploy_spec dspec;
	const struct fmt_weight *wf;
	const struct fmt_kv *kf;
	size_t cpu_sockets;
	double capex_usd;           /* GPUs only; NaN when a price is missing */
	struct est_input in;        /* ready for est_run */
};

/* Check a request against bound rows and fill *out: pure, nothing is
 * allocated or read (req's names are not looked at).  ERR_INVAL for
 * impossible settings, ERR_INFEASIBLE for a layout the model refuses,
 * and a row's kept failure (rows.h) when the layout needs that row. */
int deploy_layout(struct deploy *out, const struct cat_model *model,
		  const struct cat_engine *engine, const struct bind_gpu_rows *g,
		  const struct deploy_request *req, struct err *err);

/* bind_resolve of req's names, then deploy_layout.  ERR_NOTFOUND for
 * unknown names, as deploy_layout otherwise. */
int deploy_build(struct deploy *out, struct cat *cat,
		 const struct deploy_request *req, struct err *err);

/*
 * The host around the GPUs: figures no catalog row holds, shared by
 * deploy_build and the planner's node completion (planner/node.c).
 * CPUs average half their TDP while feeding GPUs; a DDR5 RDIMM draws
 * about 6 W under load; one 400G NIC per data-centre GPU at 25 W; fans
 * add 8% in air-cooled servers and 3% on desktops; the OS and the
 * engine's process keep 8 GiB out of the page cache; vLLM's default swap
 * space is 4 GiB per GPU.
 */
#define DEPLOY_CPU_LOAD 0.5
#define DEPLOY_DIMM_W 6.0
#define DEPLOY_NIC_W 25.0
#define DEPLOY_FANS_SERVER 0.08
#define DEPLOY_FANS_DESKTOP 0.03
#define DEPLOY_RAM_RESERVED_BYTES 8589934592.0
#define DEPLOY_SWAP_BYTES_PER_GPU 4294967296.0

/* Peak draw / TDP the PSUs must ride through: consumer boards spike above
 * TGP for milliseconds (ATX 3.0 sizes PSUs for 200% excursions of
 * 100 us); data-centre parts are capped by firmware power brakes. */
double deploy_gpu_transient(const struct cat_gpu *g);

/* Whether the engine loads weights in that format (its weight_formats). */
int deploy_engine_loads(const struct cat_engine *e, const char *precision);
/* Whether the engine keeps its KV cache in that format (its kv_formats). */
int deploy_engine_has_kv(const struct cat_engine *e, const char *kv_precision);

/* Evaluate a built deployment with another efficiency row (a candidate
 * calibration) instead of the catalog's. */
int deploy_use_efficiency(struct deploy *d, const struct cat_efficiency *e, struct err *err);

/* A catalog model as the model's spec (also used by tests). */
void deploy_llm_spec(struct llm_spec *out, const struct cat_model *m);

#endif
