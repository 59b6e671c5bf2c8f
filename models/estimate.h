/*
 * estimate.h - every figure of `rigplan estimate` for one deployment and
 * one workload point: memory, latency, throughput, power, thermals, load
 * time, cost, each latency with its uncertainty band.
 */
#ifndef RIGPLAN_MODELS_ESTIMATE_H
#define RIGPLAN_MODELS_ESTIMATE_H

#include "models/cost.h"
#include "models/est.h"
#include "models/mem.h"
#include "models/power.h"
#include "models/storage.h"
#include "models/thermal.h"
#include "models/vision.h"

struct err;

struct est_input {
	struct est_model model;     /* from est_model_init */
	struct work_point work;     /* context 0: no decode; input_len 0: no prefill */
	struct host_spec host;
	struct psu_curve psu_curve;
	double psu_rated_w;
	enum psu_redundancy psu_redundancy;
	int edge;                   /* a module on its carrier: no host, no PSU */
	double carrier_w;           /* with edge: the carrier board beside the module */
	int psu_split;              /* ATX: each PSU feeds its own devices, no sharing */
	size_t psu_max_units;       /* with psu_split: the most one node mounts */
	double gpu_transient;       /* peak draw / TDP the PSU must ride through */
	struct storage_spec storage;
	struct cost_spec cost;
	double inlet_c, delta_t_c, thermal_s;
	double gpu_preheat_k;       /* the air at the GPUs over inlet_c */
	double comm_err;            /* relative error of the communication model */
	int has_vision;             /* a vision tower encodes work.images per request */
	struct vision_spec vision;
};

struct est_result {
	struct mem_result mem;
	struct perf_result decode, prefill;
	int has_decode, has_prefill;
	double tpot_s, ttft_s;              /* NaN when not asked */
	double tpot_band[2], ttft_band[2];
	enum perf_bound bound;              /* of the decode step, else the prefill */
	double decode_tokens_per_s, prefill_tokens_per_s;
	struct power_gpu_result gpu;        /* while decoding (else prefilling) */
	double prefill_gpu_w;
	double vision_s;                    /* encoding the batch's images, in TTFT */
	double image_tokens;                /* one image's, after the resize */
	size_t nodes, gpus_per_node;
	double node_dc_w, node_wall_w, system_w, psu_load, psu_eff, psu_peak_w;
	double peak_wall_w;                 /* one node's psu_peak_w at the wall */
	size_t psu_units;
	double heat_btu_per_h, airflow_cfm;
	struct thermal_trace temp;
	double weights_total_bytes;
	struct load_result load;
	double kv_restore_s;                /* one sequence's cache from the drive */
	struct cost_result cost;
};

int est_run(struct est_result *out, const struct est_input *in, struct err *err);

/* Only the memory of the point est_run would take (no root finding):
 * cheap enough to try many deployments. */
void est_mem_at(struct mem_result *out, const struct est_input *in);

#endif
