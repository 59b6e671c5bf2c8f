/*
 * setup.c - see setup.h.
 *
 * KV blocks: what mem_at leaves of each GPU once the weights, the
 * activations of the largest step (max_num_batched_tokens) and the
 * engine's reserve are placed, divided by one block's bytes on that GPU,
 * as vLLM sizes its cache after profiling.  Under expert parallelism each
 * GPU caches its own sequences, so the replica has ep times the blocks.
 * Every token is charged at every layer: sliding-window layers are not
 * freed beyond their window (vLLM V0 did the same; V1's hybrid manager
 * does better), which makes such models' capacity conservative.
 *
 * Swap: vLLM's --swap-space default of 4 GiB per GPU; one block crosses
 * PCIe at the slot's rate on every GPU of the replica at once.
 */
#include <math.h>

#include "models/mem.h"
#include "sim/setup.h"
#include "util/err.h"

/* One token's KV bytes on one GPU, every layer of its stage. */
static double token_bytes(const struct est_model *m)
{
	return mem_kv_per_seq(m, 1);
}

size_t sim_kv_blocks(const struct est_model *m, size_t block_tokens)
{
	struct mem_result mr;
	double seqs = m->dep.max_seqs ? (double)m->dep.max_seqs : 1;
	double free_b, blocks;

	mem_at(&mr, m, seqs, 0, (double)m->dep.max_batched_tokens);
	free_b = mr.capacity_bytes - mr.total_per_gpu_bytes;
	if (!(free_b > 0))
		return 0;
	blocks = floor(free_b / (token_bytes(m) * (double)block_tokens)) * (double)m->dep.ep;
	return blocks > 1e12 ? (size_t)1e12 : (size_t)blocks;
}

int sim_setup(struct sim_config *c, const struct est_model *m, const char *model,
	      const char *gpu, struct err *err)
{
	const struct deploy_spec *ds = &m->dep;
	struct sim_engine *e = &c->engine;
	const struct link_spec *link;
	size_t gpus;

	e->max_seqs = ds->max_seqs;
	e->max_batched_tokens = ds->max_batched_tokens;
	e->block_tokens = ds->kv_block_tokens;
	e->max_model_len = m->llm.max_context;
	e->reserve_output = ds->reserve_output;
	e->request_s = ds->request_s;
	e->kv_blocks = sim_kv_blocks(m, e->block_tokens);
	if (!e->kv_blocks)
		return err_set(err, ERR_INFEASIBLE, "%s on %zu x %s leaves no memory for the KV "
			       "cache (see 'rigplan estimate')", model, m->n, gpu);
	e->swap_blocks = (size_t)floor(ds->swap_bytes_per_gpu /
				       (token_bytes(m) * (double)e->block_tokens));
	e->swap_block_s = token_bytes(m) * (double)e->block_tokens / m->gpu.pcie_bytes_per_s;
	c->cost = sim_cost_model;
	c->cost_state = m;
	c->gpus_per_replica = m->n;
	c->idle_w = m->gpu.idle_w;
	/* disaggregated pools: KV crosses NVLink when both fit in one node */
	gpus = (c->prefill_replicas + c->decode_replicas) * m->n;
	link = gpus <= ds->gpus_per_node ? &ds->intra : &ds->inter;
	c->kv_transfer_s_per_token = token_bytes(m) / link->bytes_per_s;
	c->kv_transfer_latency_s = link->latency_s;
	return 0;
}
