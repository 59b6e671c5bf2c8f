/*
 * sim_opts.c - see sim_opts.h.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/cat.h"
#include "cli/sim_opts.h"
#include "sim/setup.h"
#include "util/err.h"
#include "util/num.h"
#include "util/xalloc.h"

#define MAX_REPLICAS 1024
#define MAX_REQUESTS 100000000
#define MAX_QPS 1e6

void sim_opts_init(struct sim_opts *o)
{
	struct deploy_request q = DEPLOY_REQUEST_INIT;

	memset(o, 0, sizeof(*o));
	o->q = q;
	o->qps = NAN;
	o->seed = 1;
	o->replicas = 1;
}

int sim_opt(struct sim_opts *o, int id, const char *arg, struct err *err)
{
	uint64_t seed;
	int r;

	if ((r = deploy_opt(&o->q, id, arg, err)) <= 0)
		return r;
	switch (id) {
	case SO_QPS: return opt_double(&o->qps, "--qps", arg, 1e-6, MAX_QPS, err);
	case SO_REQUESTS:
		return opt_size(&o->requests, "--requests", arg, 1, MAX_REQUESTS, err);
	case SO_SEED:
		if (num_parse_u64(&seed, arg, err) < 0 || seed > 0xffffffffu)
			return err_set(err, ERR_INVAL, "option '--seed': '%.40s': expected a whole "
				       "number from 0 to 4294967295", arg);
		o->seed = (unsigned long)seed;
		return 0;
	case SO_ARRIVAL: o->arrival = arg; return 0;
	case SO_INPUT: o->input = arg; return 0;
	case SO_OUTPUT: o->output = arg; return 0;
	case SO_TRACE: o->trace = arg; return 0;
	case SO_REPLICAS:
		return opt_size(&o->replicas, "--replicas", arg, 1, MAX_REPLICAS, err);
	case SO_BALANCE: o->balance = arg; return 0;
	case SO_DISAGG: o->disagg = arg; return 0;
	case SO_POLICY: o->policy = arg; return 0;
	case SO_PREEMPT: o->preempt = arg; return 0;
	case SO_PREFIX_CACHING: o->prefix_caching = 1; return 0;
	case SO_SHARED_PREFIX:
		return opt_size(&o->shared_prefix, "--shared-prefix", arg, 1, (size_t)LENGTH_MAX, err);
	case SO_CONCURRENCY:
		return opt_size(&o->concurrency, "--concurrency", arg, 1, 1000000, err);
	case SO_JSON: o->json = 1; return 0;
	}
	return 1;
}

/* "P:D": two replica counts. */
static int parse_disagg(size_t *p, size_t *d, const char *s, struct err *err)
{
	const char *colon = strchr(s, ':');
	char first[24];
	uint64_t a, b;

	if (!colon || (size_t)(colon - s) >= sizeof(first))
		goto bad;
	memcpy(first, s, (size_t)(colon - s));
	first[colon - s] = '\0';
	if (num_parse_u64(&a, first, NULL) < 0 || num_parse_u64(&b, colon + 1, NULL) < 0 ||
	    a < 1 || b < 1 || a > MAX_REPLICAS || b > MAX_REPLICAS)
		goto bad;
	*p = (size_t)a;
	*d = (size_t)b;
	return 0;
bad:
	return err_set(err, ERR_INVAL, "--disaggregate '%.40s': expected P:D, prefill and "
		       "decode replica counts from 1 to %d", s, MAX_REPLICAS);
}

/* The serving choices that are names. */
static int serving(struct sim_config *c, const struct sim_opts *o, struct err *err)
{
	if (o->balance && !strcmp(o->balance, "round-robin"))
		c->balance = SIM_ROUND_ROBIN;
	else if (o->balance && strcmp(o->balance, "least-outstanding"))
		return err_set(err, ERR_INVAL, "--balance '%.40s': expected least-outstanding or "
			       "round-robin", o->balance);
	if (o->policy && !(c->engine.policy = sim_policy_find(o->policy)))
		return err_set(err, ERR_INVAL, "--policy '%.40s': expected one of %s", o->policy,
			       sim_policy_names());
	if (o->preempt && !strcmp(o->preempt, "swap"))
		c->engine.preempt = SIM_SWAP;
	else if (o->preempt && strcmp(o->preempt, "recompute"))
		return err_set(err, ERR_INVAL, "--preemption '%.40s': expected recompute or swap",
			       o->preempt);
	c->engine.prefix_caching = o->prefix_caching;
	c->shared_prefix = o->shared_prefix;
	if (o->disagg) {
		if (o->replicas != 1)
			return err_set(err, ERR_INVAL, "--disaggregate sets the replicas itself: "
				       "drop --replicas");
		return parse_disagg(&c->prefill_replicas, &c->decode_replicas, o->disagg, err);
	}
	c->replicas = o->replicas;
	return 0;
}

/* The load: lengths and arrivals, or a trace. */
static int load(struct sim_job *j, const struct sim_opts *o, struct err *err)
{
	struct sim_config *c = &j->cfg;
	double rate = isnan(o->qps) ? 1 : o->qps;
	int r;

	if (o->trace) {
		if (o->input || o->output || o->arrival || o->concurrency)
			return err_set(err, ERR_INVAL, "--trace gives the lengths and arrival times: "
				       "drop --input-len, --output-len, --arrival and --concurrency");
		if ((r = trace_open(&j->trace, o->trace, err)) < 0)
			return r;
		j->has_trace = 1;
		c->trace = &j->trace;
		c->requests = o->requests;
		if (!isnan(o->qps) && (r = trace_set_rate(&j->trace, o->qps, err)) < 0)
			return err_prefix(err, "--qps");
		return 0;
	}
	if (o->concurrency && (!isnan(o->qps) || o->arrival))
		return err_set(err, ERR_INVAL, "--concurrency %zu is a closed loop: its clients send "
			       "as fast as they are served; drop --qps and --arrival", o->concurrency);
	c->concurrency = o->concurrency;
	if ((r = arrival_parse(&c->arrival, o->arrival ? o->arrival : "poisson", rate, err)) < 0 ||
	    (r = length_parse(&j->input, o->input ? o->input : "512", "--input-len", err)) < 0 ||
	    (r = length_parse(&j->output, o->output ? o->output : "256", "--output-len", err)) < 0)
		return r;
	c->input = &j->input;
	c->output = &j->output;
	c->requests = o->requests ? o->requests : 1000;
	return 0;
}

/* Images per request: --images for generated requests, a trace's own
 * column otherwise; each as many prompt tokens as the tower makes of an
 * image of --image-size. */
static int images(struct sim_job *j, const struct sim_opts *o, struct err *err)
{
	const struct deploy *d = j->d;

	if (j->has_trace && j->trace.mean_images > 0) {
		if (!d->in.has_vision)
			return err_set(err, ERR_INVAL, "trace '%s' has images, which %s does not read: "
				       "the catalog has no vision tower for it", o->trace, d->model.id);
		if (!d->in.model.vision_image_tokens)
			return err_set(err, ERR_INVAL, "trace '%s' has images: expected --image-size WxH",
				       o->trace);
	}
	j->cfg.images = j->has_trace ? 0 : o->q.work.images;
	j->cfg.image_tokens = d->in.model.vision_image_tokens;
	return 0;
}

int sim_job_build(struct sim_job *j, const struct sim_opts *o, struct cli_ctx *ctx,
		  int *status)
{
	struct err err = ERR_INIT;
	int r;

	memset(j, 0, sizeof(*j));
	sim_config_init(&j->cfg);
	if (!o->q.model || !o->q.gpu) {
		*status = cli_usage(ctx, "--model and --gpu are required");
		return -1;
	}
	if ((r = serving(&j->cfg, o, &err)) < 0 || (r = load(j, o, &err)) < 0)
		goto fail;
	j->cfg.seed = o->seed;
	if (cli_open_catalog(&j->cat, ctx, 0, status) < 0)
		return -1;
	j->d = xcalloc(1, sizeof(*j->d));
	if ((r = deploy_build(j->d, j->cat, &o->q, &err)) < 0 ||
	    (r = sim_setup(&j->cfg, &j->d->in.model, j->d->model.id, j->d->gpu.id, &err)) < 0 ||
	    (r = images(j, o, &err)) < 0)
		goto fail;
	return 0;
fail:
	*status = err.code == ERR_INVAL || err.code == ERR_NOTFOUND ?
		  cli_usage(ctx, "%s", err.msg) : cli_fail(ctx, &err);
	return -1;
}

void sim_job_release(struct sim_job *j)
{
	length_free(&j->input);
	length_free(&j->output);
	if (j->has_trace)
		trace_close(&j->trace);
	free(j->d);
	cat_free(j->cat);
	memset(j, 0, sizeof(*j));
}

void sim_job_describe(FILE *f, const struct sim_job *j)
{
	const struct deploy *d = j->d;
	const struct sim_config *c = &j->cfg;
	const struct sim_engine *e = &c->engine;

	fprintf(f, "%s on ", d->model.id);
	if (c->prefill_replicas)
		fprintf(f, "%zu prefill + %zu decode", c->prefill_replicas, c->decode_replicas);
	else
		fprintf(f, "%zu", c->replicas);
	fprintf(f, " x (%zu x %s, tp %zu, pp %zu), %s weights, %s KV, %s\n", d->in.model.n,
		d->gpu.id, d->dspec.tp, d->dspec.pp, d->wf->name, d->kf->name, d->engine.id);
	fprintf(f, "engine: ");
	if (e->max_seqs)
		fprintf(f, "max %zu sequences, ", e->max_seqs);
	if (e->max_batched_tokens)
		fprintf(f, "chunked prefill of %zu tokens per step, ", e->max_batched_tokens);
	else
		fprintf(f, "whole-prompt prefill steps first, ");
	fprintf(f, "%zu KV blocks of %zu tokens per replica, %s, %s\n", e->kv_blocks,
		e->block_tokens, e->reserve_output ? "each request's whole output reserved, no "
		"preemption" : e->preempt == SIM_SWAP ? "swap preemption" : "recompute preemption",
		e->policy->name);
}
