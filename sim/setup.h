/*
 * setup.h - a simulator configuration for a deployment's model: the
 * engine's scheduler limits, how many KV blocks the memory model leaves,
 * swap space and its PCIe cost, the KV transfer between disaggregated
 * pools, and the step cost from models/.
 */
#ifndef RIGPLAN_SIM_SETUP_H
#define RIGPLAN_SIM_SETUP_H

#include "sim/sim.h"

struct err;

/*
 * Fill c->engine (keeping its preempt, policy and prefix_caching), the
 * cost, GPUs and idle power, and the KV transfer figures (set
 * c->prefill_replicas and c->decode_replicas first) from `m` (borrowed:
 * it must outlive the simulation).  `model` and `gpu` name them in
 * messages.  ERR_INFEASIBLE when weights and activations leave no memory
 * for even one KV block.
 */
int sim_setup(struct sim_config *c, const struct est_model *m, const char *model,
	      const char *gpu, struct err *err);

/* The KV blocks the memory model leaves one replica (0: none fit). */
size_t sim_kv_blocks(const struct est_model *m, size_t block_tokens);

#endif
