/*
 * mem.c - what occupies each GPU's memory.
 *
 * Weights: the fullest pipeline stage (its layers, plus the embedding on
 * the first stage or the output head on the last), split over tp; the
 * engines that look the input embedding up on the CPU (llama.cpp) keep
 * it in host memory.  KV
 * cache: values per token per layer (llm.c) times the format's bytes,
 * times the tokens each layer keeps (sliding-window layers at most the
 * window), split over tp and pp.  Activations: the peak of the largest
 * prefill chunk, the way engines profile it (vLLM runs a dummy forward of
 * max_num_batched_tokens): hidden states, QKV, gate/up and down
 * intermediates of one layer, plus fp32 logits of the sampled rows.
 * Overhead: the engine's reserve when it claims a fixed share
 * (gpu_memory_utilization), else the measured CUDA context.
 */
#include <math.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include "models/fmt.h"
#include "models/mem.h"
#include "models/offload.h"
#include "util/err.h"

/* fp32 logits (vLLM and llama.cpp sample in fp32) */
#define LOGIT_BYTES 4.0
/* hidden-sized buffers alive through a whole layer: the residual stream
 * and the normed input (vLLM LlamaDecoderLayer); the attention half adds
 * QKV, the attention output and its projection, the MLP half gate/up and
 * the activated product; the two halves do not overlap. */
#define HIDDEN_BUFFERS 2.0

double mem_layer_bytes(const struct est_model *m)
{
	double moe_frac = (double)m->parts.moe_layers / (double)m->llm.layers;
	double moe_layer = m->moe_fixed_bytes + (double)m->llm.moe_experts * m->expert_bytes;

	return m->layer_bytes_attn + (1 - moe_frac) * m->layer_bytes_dense + moe_frac * moe_layer;
}

double mem_weights_bytes(const struct est_model *m)
{
	const struct llm_spec *l = &m->llm;
	const struct offload_spec *o = &m->dep.off;
	double tp = (double)m->dep.tp, per_layer = mem_layer_bytes(m);
	double gpu_layers = (double)(l->layers - o->host_layers);
	double emb = (o->embed_on_host ? 0 : m->embed_bytes / tp) +
		     m->vision_bytes;
	/* a tied head reads the embedding's weights: on the GPU only where
	 * the embedding is, unless the engine keeps that on the host (then
	 * the GPU holds the head's copy) */
	double head = (l->tied_embeddings && !o->embed_on_host) || o->head_on_host ? 0 :
		      m->head_bytes;

	if (m->dep.pp == 1)
		return gpu_layers * per_layer + emb + head - o->stream_bytes;
	/* first stage holds the embedding, last the head: take the larger */
	return ceil(gpu_layers / (double)m->dep.pp) * per_layer +
	       fmax(emb, o->head_on_host ? 0 : m->head_bytes) - o->stream_bytes;
}

double mem_layer_scale_for(const struct llm_spec *l, const struct fmt_weight *wf, double bytes)
{
	struct llm_parts p;
	double emb_n = l->tied_embeddings ? 1 : 2, experts, linear;

	llm_parts(&p, l);
	experts = (double)p.moe_layers * (double)l->moe_experts * p.expert;
	linear = p.total - emb_n * p.embed - experts;
	/* the input embedding at its own bits, an untied head at the head's */
	return (bytes - p.embed * (fmt_embed_bits(wf, l->tied_embeddings) +
				   (emb_n - 1) * wf->bits_embed) / 8.0) /
	       (linear * wf->bits_linear / 8.0 +
		experts * (wf->bits_expert > 0 ? wf->bits_expert : wf->bits_linear) / 8.0);
}

double mem_kv_per_seq(const struct est_model *m, double context)
{
	return llm_kv_tokens_all_layers(&m->llm, context) * m->kv_bytes_token /
	       (double)m->dep.pp * (1 - m->host_kv_frac);
}

static double activation_bytes(const struct est_model *m, double tokens,
			       double seqs)
{
	const struct llm_spec *l = &m->llm;
	double tp = (double)m->dep.tp;
	double qkv = (double)(l->heads + 2 * l->kv_heads) * (double)l->head_dim / tp;
	double inter = l->moe_experts ?
		fmax((double)l->intermediate,
		     (double)(l->moe_top_k * l->moe_intermediate)) / tp :
		(double)l->intermediate / tp;
	double chunk = m->dep.max_batched_tokens ?
		(double)m->dep.max_batched_tokens : tokens;
	double attn_half = qkv + 2 * (double)l->hidden;
	double mlp_half = 3 * inter;    /* gate/up output (2x), activated product */

	/* the vision tower encodes before the layers run: its peak and
	 * theirs do not overlap */
	return fmax(chunk * EST_ACT_BYTES * (HIDDEN_BUFFERS * (double)l->hidden +
					     fmax(attn_half, mlp_half)), m->vision_act_bytes) +
	       seqs * (double)l->vocab / tp * LOGIT_BYTES;
}

static double overhead_bytes(const struct est_model *m)
{
	double frac = m->dep.engine_mem_fraction;

	if (!isnan(frac))
		return (1 - frac) * m->gpu.memory_bytes;
	return m->gpu.eff.context_bytes;
}

void mem_at(struct mem_result *out, const struct est_model *m, double batch,
	    double context, double prefill_tokens)
{
	double seqs = m->dep.max_seqs ? fmin(batch, (double)m->dep.max_seqs) : batch;
	double local = est_dp_share(m, batch);

	out->weights_bytes = mem_weights_bytes(m);
	out->kv_per_seq_bytes = mem_kv_per_seq(m, context);
	out->kv_cache_bytes = local * out->kv_per_seq_bytes;
	out->activation_bytes = activation_bytes(m, fmax(local, est_dp_share(m, prefill_tokens)),
						 est_dp_share(m, seqs));
	out->overhead_bytes = overhead_bytes(m);
	out->total_per_gpu_bytes = out->weights_bytes + out->kv_cache_bytes +
				   out->activation_bytes + out->overhead_bytes;
	out->capacity_bytes = m->gpu.memory_bytes;
	out->fits = out->total_per_gpu_bytes <= out->capacity_bytes;
	out->host_bytes = offload_any(&m->dep.off) ? offload_host_bytes(m, batch, context) : 0;
	out->host_capacity_bytes = m->dep.off.host_capacity;
	if (out->host_capacity_bytes > 0 && out->host_bytes > out->host_capacity_bytes)
		out->fits = 0;
	out->max_batch = out->max_context = NAN;
}

struct slack_params {
	const struct est_model *m;
	double batch, context, prefill_tokens;
	int vary_batch;
};

/* Free memory left at a (continuous) batch or context; decreasing. */
static double slack(double x, void *p)
{
	const struct slack_params *s = p;
	struct mem_result r;

	if (s->vary_batch)
		mem_at(&r, s->m, x, s->context, s->prefill_tokens);
	else
		mem_at(&r, s->m, s->batch, x, s->prefill_tokens);
	/* a KV cache on the host is bounded by the host's memory too */
	if (r.host_capacity_bytes > 0 && r.host_bytes > 0)
		return fmin(r.capacity_bytes - r.total_per_gpu_bytes,
			    r.host_capacity_bytes - r.host_bytes);
	return r.capacity_bytes - r.total_per_gpu_bytes;
}

/* Largest integer x in [1, hi] with slack(x) >= 0, or 0 when x = 1 does
 * not fit.  Brent brackets the continuous root; the floor is checked. */
static int largest(double *out, struct slack_params *sp, double hi,
		   struct err *err)
{
	gsl_function f = { slack, sp };
	gsl_root_fsolver *s;
	double lo = 1, x = hi;
	int status, iter = 0;

	if (slack(1, sp) < 0) {
		*out = 0;
		return 0;
	}
	if (slack(hi, sp) >= 0) {
		*out = hi;
		return 0;
	}
	s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
	status = gsl_root_fsolver_set(s, &f, lo, hi);
	while (status == GSL_SUCCESS && iter++ < 200) {
		status = gsl_root_fsolver_iterate(s);
		x = gsl_root_fsolver_root(s);
		lo = gsl_root_fsolver_x_lower(s);
		hi = gsl_root_fsolver_x_upper(s);
		if (gsl_root_test_interval(lo, hi, 0.5, 0) == GSL_SUCCESS)
			break;
	}
	gsl_root_fsolver_free(s);
	if (status != GSL_SUCCESS)
		return err_set(err, ERR_NUMERIC, "largest fitting size: %s",
			       gsl_strerror(status));
	x = floor(x);
	while (x > 1 && slack(x, sp) < 0)
		x--;
	while (slack(x + 1, sp) >= 0)
		x++;
	*out = x;
	return 0;
}

/* Search limits: far past any engine's batch, and the model's context. */
#define MAX_BATCH_SEARCH 1048576.0

int mem_solve(struct mem_result *out, const struct est_model *m, double batch,
	      double context, double prefill_tokens, struct err *err)
{
	struct slack_params sp = { m, batch, context, prefill_tokens, 1 };
	int r;

	mem_at(out, m, batch, context, prefill_tokens);
	if ((r = largest(&out->max_batch, &sp, MAX_BATCH_SEARCH, err)) < 0)
		return r;
	sp.vary_batch = 0;
	if ((r = largest(&out->max_context, &sp, (double)m->llm.max_context, err)) < 0)
		return r;
	return 0;
}
