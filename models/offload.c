/*
 * offload.c - the host's share of a model and what it costs.
 *
 * Layers on the host (llama.cpp -ngl N keeps the first layers - N on
 * the CPU, the last N on the GPU): in a decode step the CPU runs them,
 * reading their weights and their KV cache from host memory; a step of
 * many tokens copies their weights to the GPU instead and computes there
 * (ggml's op offload), once per micro-batch.  Streamed weights (vLLM
 * --cpu-offload-gb): each forward pass reads them from pinned host
 * memory over PCIe in place of HBM.  KV on the host (--no-kv-offload):
 * attention runs on the CPU over every layer's cache.
 */
#include <math.h>

#include "models/mem.h"
#include "models/offload.h"
#include "util/err.h"
#include "util/units.h"

int offload_any(const struct offload_spec *o)
{
	return o->host_layers > 0 || o->head_on_host || o->kv_host || o->stream_bytes > 0;
}

int offload_init(struct est_model *m, struct err *err)
{
	const struct offload_spec *o = &m->dep.off;
	double gpu_weights;

	m->host_frac = m->host_kv_frac = m->host_weight_bytes = m->stream_s = 0;
	if (!offload_any(o))
		return 0;
	if (o->host_layers > m->llm.layers)
		return err_set(err, ERR_INVAL, "%zu layers on the host: the model has %zu",
			       o->host_layers, m->llm.layers);
	if ((o->host_layers || o->head_on_host || o->kv_host) &&
	    (m->dep.tp > 1 || m->dep.ep > 1))
		return err_set(err, ERR_INVAL, "layers or KV cache on the host split the model by "
			       "layers, as llama.cpp does: expected tp 1 and no expert parallelism");
	if ((o->host_layers || o->head_on_host || o->kv_host) &&
	    !(o->host_bw > 0 && o->host_flops > 0))
		return err_set(err, ERR_INVAL, "layers or KV cache on the host need the host's "
			       "memory bandwidth and compute rate, which are not known");
	if ((o->host_layers || o->head_on_host || o->stream_bytes > 0) && !(o->h2d_bw > 0))
		return err_set(err, ERR_INVAL, "offloaded weights need the host-to-GPU rate, "
			       "which is not known");
	if (o->host_layers && !o->ubatch)
		return err_set(err, ERR_INVAL, "layers on the host need the engine's micro-batch");
	m->host_frac = (double)o->host_layers / (double)m->llm.layers;
	m->host_kv_frac = o->kv_host ? 1 : m->host_frac;
	m->host_weight_bytes = (double)o->host_layers * mem_layer_bytes(m) +
			       (o->head_on_host ? m->head_bytes : 0);
	m->stream_s = o->stream_bytes / o->h2d_bw - o->stream_bytes / m->bw;
	gpu_weights = mem_weights_bytes(m);
	if (gpu_weights < 0)
		return err_set(err, ERR_INVAL, "%.2f GiB of weights streamed from the host is more "
			       "than the %.2f GiB on each GPU", o->stream_bytes / UNIT_GIB,
			       (gpu_weights + o->stream_bytes) / UNIT_GIB);
	return 0;
}

double offload_host_op_s(const struct est_model *m, double bytes, double flops)
{
	return fmax(bytes / m->dep.off.host_bw, flops / m->dep.off.host_flops);
}

double offload_host_kv_bytes(const struct est_model *m, double context)
{
	return llm_kv_tokens_all_layers(&m->llm, context) *
	       llm_kv_values_per_token_layer(&m->llm) * m->kf->bytes * m->host_kv_frac;
}

double offload_host_embed_bytes(const struct est_model *m)
{
	return m->dep.off.embed_on_host ? m->embed_bytes : 0;
}

double offload_host_bytes(const struct est_model *m, double batch, double context)
{
	return m->host_weight_bytes + offload_host_embed_bytes(m) +
	       m->dep.off.stream_bytes * (double)m->n + batch * offload_host_kv_bytes(m, context);
}
