/*
 * inspect.c - for `rigplan report`: a planned candidate simulated at other
 * loads, and one GPU's memory, each laid out as the plan laid it out.
 */
#include <math.h>
#include <string.h>

#include "planner/plan_int.h"
#include "util/err.h"

/*
 * For `rigplan report`: p99 TTFT and TPOT of one replica of a candidate at
 * rates qps[0..n) (requests/s per replica), simulated as verify() does
 * (fixed lengths, Poisson arrivals, q->sim_requests each, q->seed).
 */
int plan_candidate_curve(double *ttft, double *tpot, const double *qps, size_t n,
			 struct cat *cat, const struct plan_request *q,
			 const struct plan_candidate *c, struct err *err)
{
	struct length_dist in = { LENGTH_FIXED, 0, 0, NULL, 0 };
	struct length_dist out = { LENGTH_FIXED, 0, 0, NULL, 0 };
	struct plan_result res;
	struct sim_config sc;
	struct ctx x;
	size_t i;
	int r;

	memset(&res, 0, sizeof(res));
	if ((r = plan_ctx_init(&x, cat, q, &res, err)) < 0 ||
	    (r = plan_finalist_sim(&x, c, &sc, &in, &out, err)) < 0)
		goto out;
	for (i = 0; i < n; i++) {
		if ((r = plan_replica_rate(&sc, qps[i], err)) < 0 ||
		    (r = plan_scout_p99(&sc, &ttft[i], &tpot[i], err)) < 0)
			goto out;
	}
	r = 0;
out:
	plan_ctx_release(&x);
	return r;
}

/* For `rigplan report`: one GPU's memory as the candidate's engine lays it
 * out at the plan's context (input + output tokens per sequence). */
int plan_candidate_memory(struct plan_gpu_memory *out, struct cat *cat,
			  const struct plan_request *q, const struct plan_candidate *c,
			  struct err *err)
{
	struct deploy_request dq = DEPLOY_REQUEST_INIT;
	struct plan_result res;
	const struct bind_gpu_rows *g;
	const struct bind_engine_rows *e;
	struct est_result m;
	struct ctx x;
	int r;

	memset(&res, 0, sizeof(res));
	dq.precision = c->precision;
	dq.tp = c->tp;
	dq.pp = c->pp;
	dq.layers = c->offloaded ? DEPLOY_LAYERS_AUTO : DEPLOY_LAYERS_ALL;
	dq.mem_fraction = c->gpu_memory_utilization > 0 ? c->gpu_memory_utilization : NAN;
	dq.eager = c->eager;
	dq.work.batch = 1;
	dq.work.context = (size_t)ceil(plan_prompt(q) + q->output_len);
	if ((r = plan_ctx_init(&x, cat, q, &res, err)) < 0 ||
	    (r = plan_ctx_gpu(&g, &x, c->gpu, err)) < 0 ||
	    (r = plan_ctx_engine(&e, &x, c->engine, c->engine_version, err)) < 0 ||
	    (r = deploy_layout(x.d, &x.m, e, g, &dq, err)) < 0)
		goto out;
	/* memory only: the plan chose the box and its PSUs (planner/node.c),
	 * which estimate's tower of ATX PSUs need not match */
	x.d->in.psu_split = 0;
	if ((r = est_run(&m, &x.d->in, err)) < 0)
		goto out;
	out->weights_bytes = m.mem.weights_bytes;
	out->kv_per_seq_bytes = m.mem.kv_per_seq_bytes;
	out->activation_bytes = m.mem.activation_bytes;
	out->overhead_bytes = m.mem.overhead_bytes;
	out->capacity_bytes = m.mem.capacity_bytes;
	out->max_batch = m.mem.max_batch;
out:
	plan_ctx_release(&x);
	return r;
}
