/*
 * settings.c - what a candidate records of its deployment for the
 * generators: names, the engine's image and settings, and the context
 * length it is started with (the max-model-len policy below).
 */
#include <stdio.h>

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
	snprintf(c->precision, sizeof(c->precision), "%s", d->wf->name);
	snprintf(c->kv_precision, sizeof(c->kv_precision), "%s", d->kf->name);
	snprintf(c->engine, sizeof(c->engine), "%s", d->engine.id);
	snprintf(c->engine_version, sizeof(c->engine_version), "%s", d->engine.version);
	snprintf(c->engine_image, sizeof(c->engine_image), "%s", d->engine.image);
	snprintf(c->health_path, sizeof(c->health_path), "%s", d->engine.health_path);
	c->port = (size_t)d->engine.port;
	c->tp = d->dspec.tp;
	c->pp = d->dspec.pp;
	c->gpus_per_replica = c->tp * c->pp;
	c->max_num_seqs = d->dspec.max_seqs;
	c->max_batched_tokens = d->dspec.max_batched_tokens;
	c->gpu_memory_utilization = d->engine.gpu_memory_utilization;
	c->gpu_memory_bytes = (double)d->gpu.memory_bytes;
	est_mem_at(&mem, &d->in);
	c->weights_bytes = mem.weights_bytes * (double)c->gpus_per_replica;
	/* what one request needs, rounded up to a power of two the way
	 * people set it, and never above the model's own limit */
	c->max_model_len = 1024;
	while ((double)c->max_model_len < plan_longest(x->q) &&
	       c->max_model_len < (size_t)d->model.max_context)
		c->max_model_len *= 2;
	if (c->max_model_len > (size_t)d->model.max_context)
		c->max_model_len = (size_t)d->model.max_context;
}
