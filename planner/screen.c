/*
 * screen.c - the analytic screen of one configuration: it is laid out
 * from bound rows (bind/deploy), one prompt alone and one sequence alone
 * must meet the objectives, and replicas come from the analytic
 * saturation rate at PLAN_UTILIZATION, raised for the p99 wait of an
 * M/D/1 prompt queue (models/queue.c) and then until the TPOT of the
 * batch the load keeps in flight (Little's law, iterated to a fixed
 * point) meets its objective.  Survivors are priced (price.c).
 */
#include <math.h>
#include <string.h>

#include "models/queue.h"
#include "planner/plan_int.h"
#include "sim/capacity.h"
#include "sim/setup.h"
#include "util/err.h"
#include "util/xalloc.h"

/* Planned utilization of the analytic saturation rate before simulation. */
#define PLAN_UTILIZATION 0.8
/* Decode saturated: prefill leaves it less than this share of the time. */
#define STEADY_MIN_FREE 0.05
/* The batch in flight is a fixed point: iterations at most, and the
 * relative change that ends them. */
#define STEADY_ITERATIONS 30
#define STEADY_TOLERANCE 0.01

/*
 * Steady decode at `rate` requests/s on one replica: the batch in flight
 * (Little's law: rate x time in the system) and its time per token.
 * Prompts interleave with decode (chunked or not), so decode advances
 * only in the time prefill leaves: TPOT = step time / (1 - rate x one
 * prompt's prefill time).  INFINITY when prefill alone saturates it.
 * *step is the decode step of that batch (of the largest batch the
 * engine runs when saturated).
 */
double plan_steady_tpot(const struct deploy *d, const struct sim_config *sc, double rate,
			double ttft, double in, double out, struct perf_result *step)
{
	double ctx = in + out / 2, max_batch = capacity_max_batch(sc, ctx);
	double b = 1, free_time = 1 - rate * ttft, tpot = INFINITY;
	int i;

	if (free_time <= STEADY_MIN_FREE) {
		perf_decode(step, &d->in.model, max_batch, ctx);
		return INFINITY;
	}
	for (i = 0; i < STEADY_ITERATIONS; i++) {
		double nb;

		perf_decode(step, &d->in.model, b, ctx);
		tpot = step->time_s / free_time;
		nb = fmin(fmax(rate * (ttft + out * tpot), 1), max_batch);
		if (fabs(nb - b) < STEADY_TOLERANCE * b)
			return tpot;    /* *step is b's */
		b = nb;
	}
	perf_decode(step, &d->in.model, b, ctx);
	return step->time_s / free_time;
}

/* Lay out one configuration of GPU g and engine e into x->d, and its
 * simulator configuration into *sc. */
int plan_build(struct ctx *x, const struct bind_gpu_rows *g, const struct bind_engine_rows *e,
	       const char *precision, size_t tp, size_t pp, int offload, struct sim_config *sc,
	       struct err *err)
{
	const struct plan_request *q = x->q;
	struct deploy_request dq = DEPLOY_REQUEST_INIT;
	int r;

	dq.layers = offload ? DEPLOY_LAYERS_AUTO : DEPLOY_LAYERS_ALL;
	/* asked of the engines that claim a share; the others allocate */
	dq.mem_fraction = deploy_engine_takes_mem_fraction(&e->engine) ? q->mem_fraction : NAN;
	dq.eager = q->eager;
	dq.precision = precision;
	dq.tp = tp;
	dq.pp = pp;
	dq.work.batch = 1;
	/* a split must leave every slot of the server its whole context */
	if (offload && e->engine.max_num_seqs > 0)
		dq.work.batch = (size_t)e->engine.max_num_seqs;
	dq.work.input_len = (size_t)ceil(plan_prompt(q));
	/* the images are in the prompt already: their size sets the tower's time */
	dq.work.image_w = q->image_w;
	dq.work.image_h = q->image_h;
	dq.work.output_len = (size_t)ceil(q->output_len);
	dq.usd_per_kwh = q->usd_per_kwh;
	dq.pue = q->pue;
	dq.years = q->years;
	if ((r = deploy_layout(x->d, &x->m, e, g, &dq, err)) < 0)
		return r;
	sim_config_init(sc);
	return sim_setup(sc, &x->d->in.model, x->d->model.id, x->d->gpu.id, err);
}

static void push(struct ctx *x, const struct plan_candidate *c)
{
	struct plan_result *res = x->res;

	res->c = xgrow(res->c, &x->cap, res->n + 1, sizeof(*res->c));
	res->c[res->n++] = *c;
}

/* The context the servers start with, 0 when one request does not fit;
 * a llama.cpp server holds every slot's whole context at once. */
static void screen_fit(struct ctx *x, const struct sim_config *sc)
{
	x->max_model_len = plan_max_model_len(x->q, (double)sc->engine.kv_blocks *
					     (double)sc->engine.block_tokens /
					     (deploy_engine_slots_static(&x->d->engine) &&
					      x->d->dspec.max_seqs > 1 ? (double)x->d->dspec.max_seqs : 1),
					     (size_t)x->d->model.max_context);
}

/* Screen one configuration; a reject is counted, a survivor pushed. */
int plan_screen(struct ctx *x, const struct bind_engine_rows *e, const char *precision,
		size_t tp, size_t pp, struct err *err)
{
	const struct plan_request *q = x->q;
	struct plan_result *res = x->res;
	struct plan_candidate c;
	struct sim_config sc;
	struct perf_result pf, pd;
	struct err fail = ERR_INIT;
	enum plan_reject why;
	double per, tpot;
	size_t replicas;
	int r;

	res->considered++;
	r = plan_build(x, x->g, e, precision, tp, pp, 0, &sc, &fail);
	if (r == 0)
		screen_fit(x, &sc);
	/* a model a llama.cpp server cannot hold whole on one GPU: the
	 * layers that do not fit go to the CPU, as --gpu-layers auto splits */
	if ((r == -ERR_INFEASIBLE || (r == 0 && !x->max_model_len)) && tp == 1 && pp == 1 &&
	    deploy_engine_offloads_layers(&e->engine)) {
		struct err again = ERR_INIT;

		if (plan_build(x, x->g, e, precision, tp, pp, 1, &sc, &again) == 0) {
			r = 0;
			screen_fit(x, &sc);
		}
	}
	if (r < 0) {
		if (fail.code == ERR_DB || fail.code == ERR_IO) {
			*err = fail;
			return r;
		}
		if (x->d->compat.rule != COMPAT_OK)
			plan_count_incompatible(x, &x->d->compat, 1);
		else
			res->rejected[fail.code == ERR_INFEASIBLE ? PLAN_NO_FIT : PLAN_UNSUPPORTED]++;
		return 0;
	}
	/* never proposed: a format no one publishes the model in */
	if (x->d->compat.rule == COMPAT_CHECKPOINT) {
		plan_count_incompatible(x, &x->d->compat, 1);
		return 0;
	}
	if (!x->max_model_len) {
		res->rejected[PLAN_NO_FIT]++;
		return 0;
	}
	perf_prefill(&pf, &x->d->in.model, 1, plan_prompt(q));
	/* the vision tower encodes a request's images before its prefill */
	pf.time_s += (double)q->images * x->d->in.model.vision_image_s;
	perf_decode(&pd, &x->d->in.model, 1, plan_prompt(q) + q->output_len / 2);
	if (pf.time_s > q->ttft_p99_s || pd.time_s > q->tpot_p99_s) {
		res->rejected[PLAN_MISSES_SLO]++;
		return 0;
	}
	memset(&c, 0, sizeof(c));
	plan_describe(x, &c);
	c.qps_per_replica_max = capacity_analytic_max(&sc, plan_prompt(q), q->output_len);
	per = c.qps_per_replica_max * PLAN_UTILIZATION;
	/* a prompt also waits for the prompts ahead of it: the p99 of an
	 * M/D/1 queue at the idle prefill time, which the simulation only
	 * ever finds longer (prefill shares the GPU with decode steps) */
	per = fmin(per, queue_md1_max_rate(pf.time_s, PLAN_QUANTILE, q->ttft_p99_s));
	if (!(per > 0)) {
		res->rejected[PLAN_MISSES_SLO]++;
		return 0;
	}
	replicas = (size_t)ceil(q->qps / per);
	if (replicas < 1)
		replicas = 1;
	for (;;) {
		tpot = plan_steady_tpot(x->d, &sc, q->qps / (double)replicas, pf.time_s, plan_prompt(q),
					q->output_len, &pd);
		if (tpot <= q->tpot_p99_s || replicas >= PLAN_MAX_REPLICAS)
			break;
		replicas++;
	}
	if (replicas >= PLAN_MAX_REPLICAS) {
		res->rejected[PLAN_MISSES_SLO]++;
		return 0;
	}
	c.prefill_s = pf.time_s;
	c.ttft_p99_s = pf.time_s + queue_md1_wait(q->qps / (double)replicas, pf.time_s,
					       PLAN_QUANTILE);
	c.tpot_p99_s = tpot;
	if (plan_price(x, &c, &sc, replicas, &why) < 0) {
		if (why == PLAN_INCOMPATIBLE)
			plan_count_incompatible(x, &x->node_verdict, 1);
		else
			res->rejected[why]++;
		return 0;
	}
	res->feasible++;
	push(x, &c);
	return 0;
}
