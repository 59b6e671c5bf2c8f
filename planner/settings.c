/*
 * settings.c - what a candidate records of its deployment for the
 * generators: names, the engine's image and checkpoint, its settings,
 * and the context length it is started with (the max-model-len policy
 * below).
 */
#include <math.h>
#include <stdio.h>

#include "models/offload.h"
#include "planner/plan_int.h"

/* A plan's names are copied from catalog rows whole. */
_Static_assert(PLAN_ID_MAX == CAT_ID_MAX && PLAN_NAME_MAX == CAT_NAME_MAX &&
	       PLAN_WORD_MAX == CAT_WORD_MAX && PLAN_SOURCE_MAX == CAT_SOURCE_MAX,
	       "plan.h's sizes are the catalog's");

void plan_describe(struct ctx *x, struct plan_candidate *c)
{
	const struct deploy *d = x->d;
	struct mem_result mem;

	snprintf(c->model, sizeof(c->model), "%s", d->model.id);
	snprintf(c->hf_repo, sizeof(c->hf_repo), "%s", d->model.hf_repo);
	snprintf(c->gpu, sizeof(c->gpu), "%s", d->gpu.id);
	snprintf(c->gpu_name, sizeof(c->gpu_name), "%s", d->gpu.name);
	snprintf(c->gpu_product, sizeof(c->gpu_product), "%s", x->g->product);
	snprintf(c->gpu_vendor, sizeof(c->gpu_vendor), "%s", d->gpu.vendor);
	snprintf(c->precision, sizeof(c->precision), "%s", d->wf->name);
	snprintf(c->kv_precision, sizeof(c->kv_precision), "%s", d->kf->name);
	snprintf(c->engine, sizeof(c->engine), "%s", d->engine.family);
	snprintf(c->engine_version, sizeof(c->engine_version), "%s", d->engine.version);
	snprintf(c->engine_image, sizeof(c->engine_image), "%s", d->compat.image.image);
	snprintf(c->multinode, sizeof(c->multinode), "%s", d->engine.multinode);
	snprintf(c->checkpoint_repo, sizeof(c->checkpoint_repo), "%s", d->compat.ckpt.repo);
	snprintf(c->checkpoint_file, sizeof(c->checkpoint_file), "%s", d->compat.ckpt.file);
	snprintf(c->checkpoint_ollama, sizeof(c->checkpoint_ollama), "%s", d->compat.ckpt.ollama);
	snprintf(c->health_path, sizeof(c->health_path), "%s", d->engine.health_path);
	snprintf(c->serving_flags, sizeof(c->serving_flags), "%s", d->compat.serving_flags);
	c->port = (size_t)d->engine.port;
	c->tp = d->dspec.tp;
	c->pp = d->dspec.pp;
	c->gpus_per_replica = c->tp * c->pp;
	c->max_num_seqs = d->dspec.max_seqs;
	c->offloaded = d->has_ngl;
	c->gpu_layers = d->has_ngl ? d->ngl : 0;
	c->host_layers = d->dspec.off.host_layers;
	c->max_batched_tokens = d->dspec.max_batched_tokens;
	c->gpu_memory_utilization = d->dspec.engine_mem_fraction;
	c->eager = d->dspec.eager;
	c->gpu_memory_bytes = (double)d->gpu.memory_bytes;
	est_mem_at(&mem, &d->in);
	/* what the GPU keeps for the KV cache once the rest is placed: the
	 * bound of a server that grows its cache as it goes (mlx-lm) */
	c->kv_room_bytes = (size_t)fmax(0.0, fmin(1e15, mem.capacity_bytes - mem.weights_bytes -
						  mem.activation_bytes - mem.overhead_bytes));
	/* the bytes fetched: what the checkpoint's repository states where
	 * it does (its scales, embeddings and layout as published), else the
	 * model's at the format */
	c->max_model_len = x->max_model_len;
	c->weights_bytes = d->compat.ckpt.bytes != CAT_NULL_INT && d->compat.ckpt.bytes > 0 ?
			   (double)d->compat.ckpt.bytes :
			   d->compat.online ? d->model.params_total * 2 :
			   mem.weights_bytes * (double)c->gpus_per_replica +
			   offload_host_embed_bytes(&d->in.model);
}

/*
 * The context the servers are started with (vLLM --max-model-len, SGLang
 * --context-length, ...): a request longer than it is refused, so never a
 * mean.  The one asked (--max-model-len), else a trace's longest request
 * rounded up to a multiple of 1024 tokens, else the model's own context;
 * engines refuse to start when one sequence of that length does not fit
 * the KV cache, so the default shrinks to what the cache holds (in whole
 * 1024s).  0 when what must be admitted does not fit.
 */
size_t plan_max_model_len(const struct plan_request *q, double kv_tokens, size_t context)
{
	size_t want, fits = kv_tokens > 0 ? (size_t)fmin(kv_tokens, 1e9) : 0;

	if (q->max_model_len)
		return q->max_model_len <= context && q->max_model_len <= fits ? q->max_model_len : 0;
	if (plan_longest(q) > (double)fits || plan_longest(q) > (double)context)
		return 0;
	want = !isnan(q->max_len) ? ((size_t)ceil(q->max_len) + 1023) / 1024 * 1024 : context;
	if (want > context)
		want = context;
	if (want > fits)
		want = fits / 1024 * 1024;
	if ((double)want < plan_longest(q))
		want = (size_t)ceil(plan_longest(q));
	return want;
}
