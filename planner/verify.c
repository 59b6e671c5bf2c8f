/*
 * verify.c - finalists simulated (sim/) at their planned load, in rank
 * order, each with the fewest replicas that meet the p99s, for as long
 * as one can still rank among the best boxes (worth).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "planner/plan_int.h"
#include "sim/trace.h"
#include "util/err.h"
#include "util/xalloc.h"

/* verify gives up on a finalist that misses with this many times the
 * replicas the screening planned */
#define VERIFY_GROWTH 4
/* verify's count is the fewest that pass to within 1 / VERIFY_TOLERANCE
 * of it (exactly, below that many replicas) */
#define VERIFY_TOLERANCE 50
/* finalists tried, at most, per one asked for */
#define FINALIST_TRIES 3

/* The simulation a finalist is checked with: its deployment, Poisson
 * arrivals, every request of the plan's mean lengths, q->sim_requests of
 * them from q->seed; or, with a trace, its first q->sim_requests rows.
 * `in` and `out` hold the lengths sc points to. */
int plan_finalist_sim(struct ctx *x, const struct plan_candidate *c, struct sim_config *sc,
		      struct length_dist *in, struct length_dist *out, struct err *err)
{
	const struct plan_request *q = x->q;
	const struct bind_gpu_rows *g;
	const struct bind_engine_rows *e;
	int r;

	in->a = q->input_len;
	out->a = q->output_len;
	if ((r = plan_ctx_gpu(&g, x, c->gpu, err)) < 0 || (r = plan_ctx_engine(&e, x, c->engine, c->engine_version, err)) < 0 ||
	    (r = plan_build(x, g, e, c->precision, c->tp, c->pp, c->offloaded, sc, err)) < 0)
		return r;
	/* the text's lengths; the simulator adds each request's images */
	sc->images = q->trace ? 0 : q->images;
	sc->image_tokens = q->image_tokens;
	sc->arrival.kind = ARRIVAL_POISSON;
	sc->input = in;
	sc->output = out;
	sc->trace = q->trace;
	sc->requests = q->sim_requests;
	sc->seed = q->seed;
	return 0;
}

/* One replica's share of the rate: the trace's gaps rescaled, or the
 * Poisson rate.  (A trace replayed slower keeps its bursts' shape, so a
 * replica sees them as the whole fleet does: a cautious stand-in for the
 * balancer's split.) */
int plan_replica_rate(struct sim_config *sc, double qps, struct err *err)
{
	sc->arrival.rate = qps;
	return sc->trace ? trace_set_rate(sc->trace, qps, err) : 0;
}

/* One simulation's p99 TTFT and TPOT: 1 when it served every request to
 * the end (none dropped, not stopped early), 0 when not, or an error. */
int plan_scout_p99(const struct sim_config *sc, double *t99, double *p99, struct err *err)
{
	struct sim_result sr;
	int r;

	if ((r = sim_run(&sr, sc, err)) < 0)
		return r;
	*t99 = qstat_quantile(&sr.ttft, PLAN_QUANTILE);
	*p99 = qstat_quantile(&sr.tpot, PLAN_QUANTILE);
	r = !sr.stopped && !sr.dropped;
	sim_result_release(&sr);
	return r;
}

static int cmp_cost(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return a < b ? -1 : a > b;
}

/* The cost per token of the `want`-th best box among v[0..keep), each box
 * counted once at its best; INFINITY while fewer boxes are there. */
static double kth_box_cost(const struct plan_candidate *v, size_t keep, size_t want)
{
	double *cost, kth = INFINITY;
	size_t i, j, boxes = 0;
	int first;

	if (keep < want || !want)
		return INFINITY;
	cost = xmalloc(keep * sizeof(*cost));
	for (i = 0; i < keep; i++) {
		for (j = 0, first = 1; j < i && first; j++)
			first = !plan_same_box(&v[j], &v[i]);
		if (!first)
			continue;
		cost[boxes] = plan_cost_of(&v[i]);
		for (j = i + 1; j < keep; j++)
			if (plan_same_box(&v[j], &v[i]) && plan_cost_of(&v[j]) < cost[boxes])
				cost[boxes] = plan_cost_of(&v[j]);
		boxes++;
	}
	if (boxes >= want) {
		qsort(cost, boxes, sizeof(*cost), cmp_cost);
		kth = cost[want - 1];
	}
	free(cost);
	return kth;
}

enum finalist { FINALIST_STOP, FINALIST_TRY, FINALIST_SKIP };

/*
 * Whether the next candidate in rank order, c as screened, is worth
 * simulating, given v[0..keep) verified so far.  c's screened cost per
 * token is taken as a lower bound of its verified one: the screen's
 * queueing terms are optimistic, so verifying keeps or adds replicas
 * (46 of 48 finalists over four plans; 2 needed fewer, where the TPOT
 * fixed point over-plans at high load).  Once
 * `bound` (the want-th best verified box) is below it, neither c nor any
 * after it is expected to enter (STOP); when its own box is verified
 * already at no more, c cannot improve on it (SKIP).
 */
static enum finalist worth(const struct plan_candidate *v, size_t keep, double bound,
			   const struct plan_candidate *c)
{
	double lb = plan_cost_of(c);
	size_t i;

	for (i = 0; i < keep; i++)
		if (plan_same_box(&v[i], c) && plan_cost_of(&v[i]) <= lb)
			return FINALIST_SKIP;
	/* an unpriced candidate (a GPU without a price) ranks last but is
	 * still tried while too few boxes are verified to bound it */
	return lb < bound || isinf(bound) ? FINALIST_TRY : FINALIST_STOP;
}

/* c's cost per token with n replicas (INFINITY when it cannot be
 * completed or priced): more replicas never cost less. */
static double cost_at(struct ctx *x, const struct plan_candidate *c, const struct sim_config *sc,
		      size_t n)
{
	struct plan_candidate t = *c;
	enum plan_reject why;

	return plan_price(x, &t, sc, n, &why) < 0 ? INFINITY : plan_cost_of(&t);
}

/* One run of the finalist's simulation with n replicas: 1 when both p99s
 * (in *t99, *p99) meet the objectives, 0 when not, or an error. */
static int meets(struct ctx *x, struct sim_config *sc, size_t n, double *t99, double *p99,
		 struct err *err)
{
	const struct plan_request *q = x->q;
	int r;

	if ((r = plan_replica_rate(sc, q->qps / (double)n, err)) < 0 ||
	    (r = plan_scout_p99(sc, t99, p99, err)) < 0)
		return r;
	x->res->simulated++;
	/* a request the deployment had to drop is one it does not serve */
	return r && *t99 <= q->ttft_p99_s && *p99 <= q->tpot_p99_s;
}

/*
 * Simulate candidate c at its planned load and find the fewest replicas
 * that meet both p99s.  On a miss, double the count until one passes (at
 * most VERIFY_GROWTH times the plan's), then bisect (to 2% above 50
 * replicas, and no further once nothing in between costs less); when the
 * plan's count passes, try one fewer, and bisect below it if that passes
 * too.  A run stops as soon as its p99 is sure to miss
 * (sim_config.stop_on_miss), so the misses that bracket the answer cost a
 * fraction of a run.
 * 0: verified, c repriced for its replicas; 1: dropped for *why (it
 * misses, or the replicas it needs break a constraint); 2: dropped, the
 * replicas it would need cost `bound` per token or more.
 */
static int verify(struct ctx *x, struct plan_candidate *c, double bound, enum plan_reject *why,
		  struct err *err)
{
	const struct plan_request *q = x->q;
	struct length_dist in = { LENGTH_FIXED, 0, 0, NULL, 0 };
	struct length_dist out = { LENGTH_FIXED, 0, 0, NULL, 0 };
	struct sim_config sc;
	size_t planned = c->replicas, n = planned, lo = 0, hi = 0;
	size_t cap = planned * VERIFY_GROWTH < PLAN_MAX_REPLICAS ? planned * VERIFY_GROWTH :
		     PLAN_MAX_REPLICAS;
	double hi_t99 = NAN, hi_p99 = NAN, plan_t99 = NAN, plan_p99 = NAN;
	int r;

	*why = PLAN_MISSES_SLO;
	if ((r = plan_finalist_sim(x, c, &sc, &in, &out, err)) < 0)
		return r;
	sc.ttft_slo_s = q->ttft_p99_s;
	sc.tpot_slo_s = q->tpot_p99_s;
	sc.stop_on_miss = 1;
	for (;;) {
		double t99, p99, lo_cost;

		if ((r = meets(x, &sc, n, &t99, &p99, err)) < 0)
			return r;
		if (r) {
			hi = n;
			hi_t99 = t99;
			hi_p99 = p99;
			if (n == planned) {
				plan_t99 = t99;
				plan_p99 = p99;
			}
		} else {
			lo = n;
		}
		/* lo: the most replicas known to miss (none do with 0);
		 * hi: the fewest known to pass (0: none yet); what one more
		 * than lo would cost bounds what c can still cost */
		lo_cost = cost_at(x, c, &sc, lo + 1);
		if (lo && !isinf(bound) && lo_cost >= bound)
			return 2;       /* what it needs cannot rank */
		if (!hi) {
			if (n >= cap)
				return 1;
			n = 2 * n < cap ? 2 * n : cap;
		} else if (hi - lo <= 1 || (hi - lo) * VERIFY_TOLERANCE <= hi ||
			   lo_cost >= cost_at(x, c, &sc, hi)) {
			break;          /* nothing in between costs less */
		} else if (!lo && n == planned) {
			n = hi - 1;     /* the plan's count passes: is it the fewest? */
		} else {
			n = lo + (hi - lo) / 2;
		}
	}
	if (hi != planned && plan_price(x, c, &sc, hi, why) < 0)
		return 1;
	*why = PLAN_MISSES_SLO;
	if (c->replicas == planned && !isnan(plan_t99)) {
		hi_t99 = plan_t99;
		hi_p99 = plan_p99;
	} else if (c->replicas != hi) {
		/* price() gave a full baseboard's spare GPUs replicas of their
		 * own: the p99s shown are those of what is deployed */
		sc.stop_on_miss = 0;
		if ((r = meets(x, &sc, c->replicas, &hi_t99, &hi_p99, err)) <= 0)
			return r < 0 ? r : 1;
	}
	c->ttft_p99_s = hi_t99;
	c->tpot_p99_s = hi_p99;
	c->simulated = 1;
	return 0;
}

/* Finalists: simulated in rank order (x->res->c is ranked) while they can
 * still be among the best q->verify boxes (FINALIST_TRIES times as many
 * simulated at most); only the verified ones are kept. */
int plan_finalists(struct ctx *x, struct err *err)
{
	const struct plan_request *q = x->q;
	struct plan_result *out = x->res;
	size_t i, keep, tried = 0, failed = 0;
	enum plan_reject why;
	int r;

	for (i = 0, keep = 0; i < out->n && tried < FINALIST_TRIES * q->verify; i++) {
		double bound = kth_box_cost(out->c, keep, q->verify);
		enum finalist w = worth(out->c, keep, bound, &out->c[i]);

		if (w == FINALIST_STOP)
			break;
		if (w == FINALIST_SKIP)
			continue;
		if (q->progress)
			q->progress(q->progress_arg, "simulating finalists", keep, q->verify);
		tried++;
		if ((r = verify(x, &out->c[i], bound, &why, err)) < 0)
			return r;
		if (r == 0) {
			out->c[keep++] = out->c[i];
		} else if (r == 1) {
			out->rejected[why]++;
			failed++;
		}
	}
	out->feasible -= failed;
	out->n = keep;
	return 0;
}
