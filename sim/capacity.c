/*
 * capacity.c - see capacity.h.
 */
#include <math.h>
#include <string.h>

#include "sim/capacity.h"
#include "util/err.h"

/* Lowest rate tried, relative to the analytic maximum: nearly idle. */
#define IDLE_FRACTION 1e-3
/* Doublings allowed past the analytic maximum before giving up. */
#define MAX_DOUBLINGS 12

const char *capacity_bottleneck_name(enum capacity_bottleneck b)
{
	switch (b) {
	case BOTTLENECK_COMPUTE: return "compute";
	case BOTTLENECK_MEMORY_BANDWIDTH: return "memory_bandwidth";
	case BOTTLENECK_COMMUNICATION: return "communication";
	case BOTTLENECK_KV_CAPACITY: return "kv_capacity";
	case BOTTLENECK_QUEUEING: return "queueing";
	case BOTTLENECK_HOST: return "host";
	}
	return "?";
}

double capacity_max_batch(const struct sim_config *c, double ctx)
{
	const struct sim_engine *e = &c->engine;
	double batch = floor((double)e->kv_blocks * (double)e->block_tokens / ctx);

	if (e->max_seqs && (double)e->max_seqs < batch)
		batch = (double)e->max_seqs;
	return fmax(batch, 1);
}

double capacity_analytic_max(const struct sim_config *c, double in, double out)
{
	const void *st = c->cost_state;
	struct step_mix x;
	struct sim_step_cost pre, dec;
	double ctx = in + out / 2, batch, per_dec = 0;

	memset(&x, 0, sizeof(x));
	x.prefill_tokens = in;
	x.prefill_seqs = 1;
	x.prefill_pairs = c->cost->chunk_pairs(st, 0, in);
	x.logits = 1;
	c->cost->step(st, NULL, &x, &pre);
	batch = capacity_max_batch(c, ctx);
	if (out > 1) {
		memset(&x, 0, sizeof(x));
		x.decode_seqs = batch;
		x.decode_kv = batch * c->cost->kv_tokens(st, ctx);
		x.logits = batch;
		c->cost->step(st, NULL, &x, &dec);
		per_dec = (out - 1) * dec.t / batch;
	}
	if (c->prefill_replicas)
		return fmin((double)c->prefill_replicas / pre.t,
			    per_dec > 0 ? (double)c->decode_replicas / per_dec : INFINITY);
	return (double)c->replicas / (pre.t + per_dec);
}

struct probe {
	int pass;
	double ttft_ratio, tpot_ratio;  /* worst p99 / objective over the seeds */
};

/* The search checked up front that a trace can be rescaled. */
static void set_rate(struct sim_config *c, double qps)
{
	c->arrival.rate = qps;
	if (c->trace)
		trace_set_rate(c->trace, qps, NULL);
}

/* Run every seed at `qps`; keep the first seed's result in *first. */
static int probe(struct probe *p, struct sim_result *first, struct sim_config *c,
		 const struct capacity_opts *o, double qps, size_t *sims, struct err *err)
{
	unsigned long seed0 = c->seed;
	size_t k;
	int r = 0;

	memset(p, 0, sizeof(*p));
	set_rate(c, qps);
	for (k = 0; k < o->seeds; k++) {
		struct sim_result res;
		double t99, p99;

		c->seed = seed0 + k;
		if ((r = sim_run(&res, c, err)) < 0) {
			if (k > 0 && first)
				sim_result_release(first);
			break;
		}
		++*sims;
		t99 = qstat_quantile(&res.ttft, 0.99);
		p99 = res.tpot.n ? qstat_quantile(&res.tpot, 0.99) : 0;
		if (res.completed == 0)
			t99 = INFINITY;
		p->ttft_ratio = fmax(p->ttft_ratio, isnan(o->ttft_p99_s) ? 0 : t99 / o->ttft_p99_s);
		p->tpot_ratio = fmax(p->tpot_ratio, isnan(o->tpot_p99_s) ? 0 : p99 / o->tpot_p99_s);
		if (k == 0 && first)
			*first = res;
		else
			sim_result_release(&res);
		if (c->trace)   /* a trace has one set of draws: seeds add nothing */
			break;
	}
	c->seed = seed0;
	p->pass = p->ttft_ratio <= 1 && p->tpot_ratio <= 1;
	return r;
}

/* Keep a probed rate for the latency-versus-load chart. */
static void record(struct capacity_result *out, const struct capacity_opts *o, double qps,
		   const struct probe *p)
{
	struct capacity_point *pt;

	if (out->npoints == CAPACITY_POINTS_MAX)
		return;
	pt = &out->points[out->npoints++];
	pt->qps = qps;
	pt->ttft_p99_s = isnan(o->ttft_p99_s) ? NAN : p->ttft_ratio * o->ttft_p99_s;
	pt->tpot_p99_s = isnan(o->tpot_p99_s) ? NAN : p->tpot_ratio * o->tpot_p99_s;
	pt->pass = p->pass;
}

static enum capacity_bottleneck diagnose(const struct sim_result *r, int ttft_binds)
{
	size_t b, best = 0;

	if (r->preemptions > 0 || r->blocked_kv_s > 0.25 * r->duration_s)
		return BOTTLENECK_KV_CAPACITY;
	if (ttft_binds && qstat_mean(&r->queue) > 0.5 * qstat_mean(&r->ttft))
		return BOTTLENECK_QUEUEING;
	for (b = 1; b < PERF_BOUND_COUNT; b++)
		if (r->bound_s[b] > r->bound_s[best])
			best = b;
	return best == PERF_COMPUTE ? BOTTLENECK_COMPUTE :
	       best == PERF_COMMUNICATION ? BOTTLENECK_COMMUNICATION :
	       best == PERF_HOST ? BOTTLENECK_HOST : BOTTLENECK_MEMORY_BANDWIDTH;
}

static double mean_len(const struct length_dist *d, const struct trace *t, int input)
{
	if (d)
		return length_mean(d);
	return input ? t->mean_input : t->mean_output;
}

/* The fewest replicas of c that meet the objectives at o->target_qps. */
static int replicas_for(struct capacity_result *out, struct sim_config *c,
			const struct capacity_opts *o, struct err *err)
{
	size_t n = (size_t)ceil(o->target_qps / out->max_qps);
	struct probe p;
	struct sim_result res;
	int r;

	n = n ? n : 1;
	for (;;) {
		if (n > o->max_replicas)
			return err_set(err, ERR_INFEASIBLE, "%g requests/s needs more than %zu "
				       "replicas", o->target_qps, o->max_replicas);
		c->replicas = n;
		if ((r = probe(&p, &res, c, o, o->target_qps, &out->sims, err)) < 0)
			return r;
		if (p.pass)
			break;
		sim_result_release(&res);
		n++;
	}
	/* pooled replicas absorb bursts better than one: try fewer */
	while (n > 1) {
		struct sim_result fewer;

		c->replicas = n - 1;
		if ((r = probe(&p, &fewer, c, o, o->target_qps, &out->sims, err)) < 0) {
			sim_result_release(&res);
			return r;
		}
		if (!p.pass) {
			sim_result_release(&fewer);
			break;
		}
		sim_result_release(&res);
		res = fewer;
		n--;
	}
	out->replicas = n;
	out->at_target = res;
	return 0;
}

int capacity_search(struct capacity_result *out, const struct sim_config *base,
		    const struct capacity_opts *o, struct err *err)
{
	struct sim_config c = *base;
	struct probe p, fail_p;
	struct sim_result res, fail_res;
	double lo, hi, mid;
	int r, doublings = 0;

	memset(out, 0, sizeof(*out));
	if (base->prefill_replicas == 0)
		c.replicas = base->replicas ? base->replicas : 1;
	if (c.trace && (r = trace_set_rate(c.trace, 1, err)) < 0)
		return err_prefix(err, "capacity search");
	out->analytic_max_qps = capacity_analytic_max(&c, mean_len(c.input, c.trace, 1),
						      mean_len(c.output, c.trace, 0));
	lo = out->analytic_max_qps * IDLE_FRACTION;
	if ((r = probe(&p, &res, &c, o, lo, &out->sims, err)) < 0)
		return r;
	record(out, o, lo, &p);
	if (!p.pass) {
		double t99 = qstat_quantile(&res.ttft, 0.99), p99 = qstat_quantile(&res.tpot, 0.99);

		sim_result_release(&res);
		return err_set(err, ERR_INFEASIBLE, "the objectives cannot be met even nearly "
			       "idle: p99 TTFT %.4g s (objective %.4g s), p99 TPOT %.4g s "
			       "(objective %.4g s) at %.3g requests/s", t99, o->ttft_p99_s,
			       p99, o->tpot_p99_s, lo);
	}
	hi = out->analytic_max_qps * 1.25;
	for (;;) {
		if ((r = probe(&fail_p, &fail_res, &c, o, hi, &out->sims, err)) < 0)
			goto fail;
		record(out, o, hi, &fail_p);
		if (!fail_p.pass)
			break;
		sim_result_release(&res);
		res = fail_res;
		p = fail_p;
		lo = hi;
		if (++doublings > MAX_DOUBLINGS) {
			r = err_set(err, ERR_NUMERIC, "no rate up to %.4g requests/s misses the "
				    "objectives: are they too loose?", hi);
			goto fail;
		}
		hi *= 2;
	}
	while ((hi - lo) > o->rel_tol * hi) {
		struct probe mp;
		struct sim_result mres;

		mid = sqrt(lo * hi);    /* the bracket spans decades at first */
		if ((r = probe(&mp, &mres, &c, o, mid, &out->sims, err)) < 0) {
			sim_result_release(&fail_res);
			goto fail;
		}
		record(out, o, mid, &mp);
		if (mp.pass) {
			sim_result_release(&res);
			res = mres;
			lo = mid;
		} else {
			sim_result_release(&fail_res);
			fail_res = mres;
			fail_p = mp;
			hi = mid;
		}
	}
	out->max_qps = lo;
	out->bracket[0] = lo;
	out->bracket[1] = hi;
	out->at = res;
	out->ttft_binds = fail_p.ttft_ratio >= fail_p.tpot_ratio;
	out->bottleneck = diagnose(&fail_res, out->ttft_binds);
	sim_result_release(&fail_res);
	if (!isnan(o->target_qps) && !c.prefill_replicas) {
		if ((r = replicas_for(out, &c, o, err)) < 0) {
			capacity_result_release(out);
			return r;
		}
	}
	return 0;
fail:
	sim_result_release(&res);
	return r;
}

void capacity_result_release(struct capacity_result *r)
{
	sim_result_release(&r->at);
	sim_result_release(&r->at_target);
}
