/*
 * offload.h - what an engine keeps in host memory instead of the GPUs'
 * (struct offload_spec): layers the CPU runs (llama.cpp -ngl), weights
 * streamed over PCIe every forward pass (vLLM --cpu-offload-gb), the KV
 * cache on the host (llama.cpp --no-kv-offload).  The step-time side is
 * in perf.c, the GPU-memory side in mem.c; this file checks a setting,
 * derives its shares and prices the CPU's work.
 */
#ifndef RIGPLAN_MODELS_OFFLOAD_H
#define RIGPLAN_MODELS_OFFLOAD_H

#include "models/est.h"

struct err;

/* Whether anything of the model lives in host memory. */
int offload_any(const struct offload_spec *o);

/* Fill m's host_* and stream_s from m->dep.off (called by est_model_init
 * once the byte counts are known); ERR_INVAL naming what cannot be. */
int offload_init(struct est_model *m, struct err *err);

/* The CPU's time for an operator of `bytes` read from host memory and
 * `flops`: the larger of the two at the host's rates (no tensor units
 * and no ridge to smooth: the CPU streams or computes). */
double offload_host_op_s(const struct est_model *m, double bytes, double flops);

/* The host's share of one sequence's KV cache at `context` tokens. */
double offload_host_kv_bytes(const struct est_model *m, double context);

/* The input embedding's bytes an engine keeps in host memory (llama.cpp's
 * input layer, dep.off.embed_on_host); 0 where the GPUs hold it. */
double offload_host_embed_bytes(const struct est_model *m);

/* Host memory one replica's offloaded parts take: the host layers'
 * weights, an input embedding kept there, the streamed weights of every
 * GPU, and the host share of the KV cache of `batch` sequences of
 * `context` tokens. */
double offload_host_bytes(const struct est_model *m, double batch, double context);

#endif
