/*
 * plan.c - the planner's search (see plan.h).
 *
 * Screening is analytic and cheap: a deployment is built once per (GPU,
 * format, engine, tp, pp); one prompt alone and one sequence alone must
 * meet the objectives; replicas come from the analytic saturation rate
 * at 80% utilization, raised for the p99 wait of an M/D/1 prompt queue
 * (models/queue.c) and then until the TPOT of the batch the load keeps
 * in flight (Little's law, iterated to a fixed point) meets its
 * objective.  The simulator then verifies finalists in rank order, each
 * with the fewest replicas that meet the p99s (verify), for as long as
 * one can still rank among the best (worth), and one deployment per box
 * is kept.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "models/mem.h"
#include "models/queue.h"
#include "sim/capacity.h"
#include "sim/deploy.h"
#include "sim/plan.h"
#include "sim/plan_node.h"
#include "sim/setup.h"
#include "sim/sim.h"
#include "sim/trace.h"
#include "util/err.h"
#include "util/xalloc.h"

static const char *const reject_names[PLAN_REJECT_COUNT] = {
	"unsupported", "does_not_fit", "misses_slo", "over_budget", "over_power",
	"not_enough_slots", "not_enough_lanes", "no_price"
};

const char *plan_reject_name(enum plan_reject r)
{
	return (unsigned)r < PLAN_REJECT_COUNT ? reject_names[r] : "?";
}

static const char *const default_precisions[] = { "bf16", "fp8", "int4-awq", "gguf-q4_k_m" };

/* Planned utilization of the analytic saturation rate before simulation. */
#define PLAN_UTILIZATION 0.8
#define HOURS_PER_MONTH 730.0
#define MAX_REPLICAS 4096
/* verify gives up on a finalist that misses with this many times the
 * replicas the screening planned */
#define VERIFY_GROWTH 4
/* verify's count is the fewest that pass to within 1 / VERIFY_TOLERANCE
 * of it (exactly, below that many replicas) */
#define VERIFY_TOLERANCE 50
/* finalists tried, at most, per one asked for */
#define FINALIST_TRIES 3

/* The longest request the deployment must admit: prompt plus output. */
static double longest(const struct plan_request *q)
{
	double mean = q->input_len + q->output_len;

	return isnan(q->max_len) || q->max_len < mean ? mean : q->max_len;
}

void plan_request_init(struct plan_request *q)
{
	memset(q, 0, sizeof(*q));
	q->qps = q->input_len = q->output_len = NAN;
	q->ttft_p99_s = q->tpot_p99_s = NAN;
	q->budget_usd = q->monthly_budget_usd = q->power_limit_w = q->ram_bytes = NAN;
	q->max_len = NAN;
	q->top_k = 5;
	q->verify = 10;
	q->sim_requests = 2000;
	q->seed = 1;
	q->usd_per_kwh = 0.127;
	q->pue = 1.56;
	q->years = 3;
}

/* Everything one configuration needs while it is priced. */
struct ctx {
	struct cat *cat;
	const struct plan_request *q;
	struct plan_parts parts;
	struct deploy *d;
	struct plan_result *res;
	size_t cap;
	char product[CAT_NAME_MAX]; /* the GPU being searched, as nvidia-smi names it */
};

static size_t owned_of(const struct plan_request *q, const char *gpu)
{
	size_t i, n = 0;

	for (i = 0; i < q->nowned; i++)
		if (!strcmp(q->owned[i].gpu, gpu))
			n += q->owned[i].count;
	return n;
}

/*
 * Steady decode at `rate` requests/s on one replica: the batch in flight
 * (Little's law: rate x time in the system) and its time per token.
 * Prompts interleave with decode (chunked or not), so decode advances
 * only in the time prefill leaves: TPOT = step time / (1 - rate x one
 * prompt's prefill time).  INFINITY when prefill alone saturates it.
 * *step is the decode step of that batch (of the largest batch the
 * engine runs when saturated).
 */
static double steady_tpot(const struct deploy *d, const struct sim_config *sc, double rate,
			  double ttft, double in, double out, struct perf_result *step)
{
	double ctx = in + out / 2, max_batch = capacity_max_batch(sc, ctx);
	double b = 1, free_time = 1 - rate * ttft, tpot = INFINITY;
	int i;

	if (free_time <= 0.05) {
		perf_decode(step, &d->in.model, max_batch, ctx);
		return INFINITY;
	}
	for (i = 0; i < 30; i++) {
		double nb;

		perf_decode(step, &d->in.model, b, ctx);
		tpot = step->time_s / free_time;
		nb = fmin(fmax(rate * (ttft + out * tpot), 1), max_batch);
		if (fabs(nb - b) < 0.01 * b)
			return tpot;    /* *step is b's */
		b = nb;
	}
	perf_decode(step, &d->in.model, b, ctx);
	return step->time_s / free_time;
}

/* Price candidate `c` (its deployment in x->d) with `replicas`: nodes,
 * parts, capex, running costs.  0, or -1 with *why. */
static int price(struct ctx *x, struct plan_candidate *c, const struct sim_config *sc,
		 size_t replicas, enum plan_reject *why)
{
	const struct plan_request *q = x->q;
	const struct deploy *d = x->d;
	struct node_need nn;
	struct power_gpu_result pg;
	struct perf_result dec;
	struct cost_spec cs;
	struct cost_result cr;
	double busy, gpu_unit = d->gpu.price.price_usd;
	size_t i, nodes, buy;
	int np;

	c->replicas = replicas;
	c->gpu_count = replicas * c->gpus_per_replica;
	busy = fmin(1, q->qps / (double)replicas / c->qps_per_replica_max);
	steady_tpot(d, sc, q->qps / (double)replicas, c->prefill_s, q->input_len, q->output_len,
		    &dec);
	power_gpu(&pg, &d->gspec, NAN, dec.u_mem * busy, dec.u_comp * busy);

	memset(&nn, 0, sizeof(nn));
	nn.gpu = &d->gpu;
	nn.tp = c->tp;
	nn.gpus_per_replica = c->gpus_per_replica;
	nn.replicas = replicas;
	nn.weights_bytes = c->weights_bytes;
	nn.gpu_typical_w = pg.w;
	nn.h2d_bytes_per_s = d->in.storage.h2d_bytes_per_s;
	nn.psu_redundancy = q->psu_redundancy;
	nn.power_limit_w = q->power_limit_w;
	nn.ram_bytes = q->ram_bytes;
	c->nparts = 0;
	np = plan_node_complete(&c->node, c->parts, &nodes, &x->parts, &nn, why);
	if (np < 0)
		return -1;
	c->nodes = nodes;
	c->nparts += (size_t)np;
	if (c->node.gpus * nodes > c->gpu_count && c->gpus_per_replica <= c->node.gpus) {
		/* a full baseboard: its spare GPUs serve as more replicas */
		c->replicas = nodes * (c->node.gpus / c->gpus_per_replica);
		c->gpu_count = c->replicas * c->gpus_per_replica;
	}
	/* GPUs first in the bill: shift the node's parts up */
	memmove(c->parts + 2, c->parts, c->nparts * sizeof(c->parts[0]));
	c->owned_gpus = owned_of(q, c->gpu);
	if (c->owned_gpus > c->gpu_count)
		c->owned_gpus = c->gpu_count;
	buy = c->gpu_count - c->owned_gpus;
	if (isnan(gpu_unit) && buy && !isnan(q->budget_usd)) {
		*why = PLAN_NO_PRICE;
		return -1;
	}
	i = 0;
	if (buy)
		plan_part_set(&c->parts[i++], "gpu", d->gpu.id, d->gpu.name, buy, &d->gpu.price);
	if (c->owned_gpus) {
		plan_part_set(&c->parts[i], "gpu", d->gpu.id, d->gpu.name, c->owned_gpus, NULL);
		c->parts[i].unit_usd = 0;
		snprintf(c->parts[i++].note, sizeof(c->parts[0].note), "already owned");
	}
	memmove(c->parts + i, c->parts + 2, c->nparts * sizeof(c->parts[0]));
	c->nparts += i;

	c->capex_usd = 0;
	c->unpriced_parts = 0;
	for (i = 0; i < c->nparts; i++) {
		const struct plan_part *p = &c->parts[i];

		if (isnan(p->unit_usd))
			c->unpriced_parts++;
		else
			c->capex_usd += p->unit_usd * (double)p->qty;
	}
	c->power_w = c->node.typical_w * (double)nodes;
	c->peak_w = c->node.peak_w * (double)nodes;
	memset(&cs, 0, sizeof(cs));
	/* an unpriced GPU leaves the cost per token unknown */
	cs.capex_usd = isnan(gpu_unit) && buy ? NAN : c->capex_usd;
	cs.years = q->years;
	cs.usd_per_kwh = q->usd_per_kwh;
	cs.pue = q->pue;
	cs.utilization = 1;
	cs.rent_usd_per_h = NAN;
	cost_eval(&cr, &cs, q->qps * q->output_len, c->power_w);
	c->usd_per_month = cr.usd_per_h * HOURS_PER_MONTH;
	c->energy_usd_per_month = cr.energy_usd_per_h * HOURS_PER_MONTH;
	c->usd_per_million_tokens = cr.usd_per_million_tokens;
	*why = PLAN_OVER_BUDGET;
	if (!isnan(q->budget_usd) && c->capex_usd > q->budget_usd)
		return -1;
	if (!isnan(q->monthly_budget_usd) && !(c->usd_per_month <= q->monthly_budget_usd))
		return -1;
	return 0;
}

static void describe(struct ctx *x, struct plan_candidate *c)
{
	const struct deploy *d = x->d;
	struct mem_result mem;

	snprintf(c->model, sizeof(c->model), "%s", d->model.id);
	snprintf(c->hf_repo, sizeof(c->hf_repo), "%s", d->model.hf_repo);
	snprintf(c->gpu, sizeof(c->gpu), "%s", d->gpu.id);
	snprintf(c->gpu_name, sizeof(c->gpu_name), "%s", d->gpu.name);
	snprintf(c->gpu_product, sizeof(c->gpu_product), "%s", x->product);
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
	while ((double)c->max_model_len < longest(x->q) &&
	       c->max_model_len < (size_t)d->model.max_context)
		c->max_model_len *= 2;
	if (c->max_model_len > (size_t)d->model.max_context)
		c->max_model_len = (size_t)d->model.max_context;
}

static int build(struct ctx *x, const char *gpu, const char *precision, const char *engine,
		 size_t tp, size_t pp, struct sim_config *sc, struct err *err)
{
	const struct plan_request *q = x->q;
	struct deploy_request dq = DEPLOY_REQUEST_INIT;
	int r;

	dq.model = q->model;
	dq.gpu = gpu;
	dq.precision = precision;
	dq.engine = engine;
	dq.tp = tp;
	dq.pp = pp;
	dq.work.batch = 1;
	dq.work.input_len = (size_t)ceil(q->input_len);
	dq.work.output_len = (size_t)ceil(q->output_len);
	dq.usd_per_kwh = q->usd_per_kwh;
	dq.pue = q->pue;
	dq.years = q->years;
	if ((r = deploy_build(x->d, x->cat, &dq, err)) < 0)
		return r;
	sim_config_init(sc);
	return sim_setup(sc, x->d, err);
}

static void push(struct ctx *x, const struct plan_candidate *c)
{
	struct plan_result *res = x->res;

	res->c = xgrow(res->c, &x->cap, res->n + 1, sizeof(*res->c));
	res->c[res->n++] = *c;
}

/* Screen one configuration; a reject is counted, a survivor pushed. */
static int screen(struct ctx *x, const char *gpu, const char *precision, const char *engine,
		  size_t tp, size_t pp, struct err *err)
{
	const struct plan_request *q = x->q;
	struct plan_result *res = x->res;
	struct plan_candidate c;
	struct sim_config sc;
	struct perf_result pf, pd;
	struct err e = ERR_INIT;
	enum plan_reject why;
	double per, tpot;
	size_t replicas;
	int r;

	res->considered++;
	if ((r = build(x, gpu, precision, engine, tp, pp, &sc, &e)) < 0) {
		if (e.code == ERR_DB || e.code == ERR_IO) {
			*err = e;
			return r;
		}
		res->rejected[e.code == ERR_INFEASIBLE ? PLAN_NO_FIT : PLAN_UNSUPPORTED]++;
		return 0;
	}
	if ((double)sc.engine.kv_blocks * (double)sc.engine.block_tokens < longest(q)) {
		res->rejected[PLAN_NO_FIT]++;
		return 0;
	}
	perf_prefill(&pf, &x->d->in.model, 1, q->input_len);
	perf_decode(&pd, &x->d->in.model, 1, q->input_len + q->output_len / 2);
	if (pf.time_s > q->ttft_p99_s || pd.time_s > q->tpot_p99_s) {
		res->rejected[PLAN_MISSES_SLO]++;
		return 0;
	}
	memset(&c, 0, sizeof(c));
	describe(x, &c);
	c.qps_per_replica_max = capacity_analytic_max(&sc, q->input_len, q->output_len);
	per = c.qps_per_replica_max * PLAN_UTILIZATION;
	/* a prompt also waits for the prompts ahead of it: the p99 of an
	 * M/D/1 queue at the idle prefill time, which the simulation only
	 * ever finds longer (prefill shares the GPU with decode steps) */
	per = fmin(per, queue_md1_max_rate(pf.time_s, 0.99, q->ttft_p99_s));
	if (!(per > 0)) {
		res->rejected[PLAN_MISSES_SLO]++;
		return 0;
	}
	replicas = (size_t)ceil(q->qps / per);
	if (replicas < 1)
		replicas = 1;
	for (;;) {
		tpot = steady_tpot(x->d, &sc, q->qps / (double)replicas, pf.time_s, q->input_len,
				   q->output_len, &pd);
		if (tpot <= q->tpot_p99_s || replicas >= MAX_REPLICAS)
			break;
		replicas++;
	}
	if (replicas >= MAX_REPLICAS) {
		res->rejected[PLAN_MISSES_SLO]++;
		return 0;
	}
	c.prefill_s = pf.time_s;
	c.ttft_p99_s = pf.time_s + queue_md1_wait(q->qps / (double)replicas, pf.time_s, 0.99);
	c.tpot_p99_s = tpot;
	if (price(x, &c, &sc, replicas, &why) < 0) {
		res->rejected[why]++;
		return 0;
	}
	res->feasible++;
	push(x, &c);
	return 0;
}

static int worse(double a, double b)
{
	if (isnan(a))
		return !isnan(b);
	return !isnan(b) && a > b;
}

static int cmp_rank(const void *pa, const void *pb)
{
	const struct plan_candidate *a = pa, *b = pb;
	int r;

	if (worse(a->usd_per_million_tokens, b->usd_per_million_tokens))
		return 1;
	if (worse(b->usd_per_million_tokens, a->usd_per_million_tokens))
		return -1;
	if (a->capex_usd != b->capex_usd)
		return a->capex_usd > b->capex_usd ? 1 : -1;
	if (a->ttft_p99_s != b->ttft_p99_s)
		return a->ttft_p99_s > b->ttft_p99_s ? 1 : -1;
	if ((r = strcmp(a->gpu, b->gpu)) || (r = strcmp(a->engine, b->engine)) ||
	    (r = strcmp(a->precision, b->precision)))
		return r;
	if (a->tp != b->tp)
		return a->tp > b->tp ? 1 : -1;
	return a->pp > b->pp ? 1 : a->pp < b->pp ? -1 : 0;
}

/* The axes of the front, smaller is better; NaN counts as infinite. */
static void axes(const struct plan_candidate *c, double v[4])
{
	v[0] = c->capex_usd;
	v[1] = isnan(c->usd_per_million_tokens) ? INFINITY : c->usd_per_million_tokens;
	v[2] = c->ttft_p99_s;
	v[3] = c->power_w;
}

static int dominates(const struct plan_candidate *a, const struct plan_candidate *b)
{
	double x[4], y[4];
	int strict = 0, k;

	axes(a, x);
	axes(b, y);
	for (k = 0; k < 4; k++) {
		if (x[k] > y[k])
			return 0;
		if (x[k] < y[k])
			strict = 1;
	}
	return strict;
}

void plan_rank(struct plan_candidate *c, size_t n)
{
	static const char *const best_of[4] = {
		"lowest capex", "lowest cost per million tokens", "lowest p99 TTFT", "lowest power"
	};
	double best[4] = { INFINITY, INFINITY, INFINITY, INFINITY }, v[4];
	size_t i, j;
	int k;

	for (i = 0; i < n; i++) {
		axes(&c[i], v);
		for (k = 0; k < 4; k++)
			best[k] = fmin(best[k], v[k]);
	}
	for (i = 0; i < n; i++) {
		size_t by = n;
		size_t len = 0;

		c[i].pareto = 1;
		for (j = 0; j < n && c[i].pareto; j++)
			if (j != i && dominates(&c[j], &c[i])) {
				c[i].pareto = 0;
				by = j;
			}
		c[i].why[0] = '\0';
		axes(&c[i], v);
		for (k = 0; k < 4; k++)
			if (v[k] == best[k] && isfinite(v[k]))
				len += (size_t)snprintf(c[i].why + len, sizeof(c[i].why) - len, "%s%s",
							len ? ", " : "", best_of[k]) ;
		if (len >= sizeof(c[i].why))
			continue;
		if (!len && c[i].pareto)
			snprintf(c[i].why, sizeof(c[i].why),
				 "on the Pareto front: nothing is cheaper, faster and cooler at once");
		else if (!len)
			snprintf(c[i].why, sizeof(c[i].why), "dominated by #%zu (%zu x %s, %s)",
				 by + 1, c[by].gpu_count, c[by].gpu, c[by].precision);
	}
}

/* The simulation a finalist is checked with: its deployment, Poisson
 * arrivals, every request of the plan's mean lengths, q->sim_requests of
 * them from q->seed; or, with a trace, its first q->sim_requests rows.
 * `in` and `out` hold the lengths sc points to. */
static int finalist_sim(struct ctx *x, const struct plan_candidate *c, struct sim_config *sc,
			struct length_dist *in, struct length_dist *out, struct err *err)
{
	const struct plan_request *q = x->q;
	int r;

	in->a = q->input_len;
	out->a = q->output_len;
	if ((r = build(x, c->gpu, c->precision, c->engine, c->tp, c->pp, sc, err)) < 0)
		return r;
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
static int set_replica_rate(struct sim_config *sc, double qps, struct err *err)
{
	sc->arrival.rate = qps;
	return sc->trace ? trace_set_rate(sc->trace, qps, err) : 0;
}

/* One simulation's p99 TTFT and TPOT: 1 when it served every request to
 * the end (none dropped, not stopped early), 0 when not, or an error. */
static int scout_p99(const struct sim_config *sc, double *t99, double *p99, struct err *err)
{
	struct sim_result sr;
	int r;

	if ((r = sim_run(&sr, sc, err)) < 0)
		return r;
	*t99 = qstat_quantile(&sr.ttft, 0.99);
	*p99 = qstat_quantile(&sr.tpot, 0.99);
	r = !sr.stopped && !sr.dropped;
	sim_result_release(&sr);
	return r;
}

static int cmp_cost(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return a < b ? -1 : a > b;
}

/* The same hardware: GPU, how many and over how many nodes.  The plan
 * shows one deployment per box, the best: a buyer compares boxes. */
static int same_box(const struct plan_candidate *a, const struct plan_candidate *b)
{
	return !strcmp(a->gpu, b->gpu) && a->gpu_count == b->gpu_count && a->nodes == b->nodes;
}

static double cost_of(const struct plan_candidate *c)
{
	return isnan(c->usd_per_million_tokens) ? INFINITY : c->usd_per_million_tokens;
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
			first = !same_box(&v[j], &v[i]);
		if (!first)
			continue;
		cost[boxes] = cost_of(&v[i]);
		for (j = i + 1; j < keep; j++)
			if (same_box(&v[j], &v[i]) && cost_of(&v[j]) < cost[boxes])
				cost[boxes] = cost_of(&v[j]);
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
	double lb = cost_of(c);
	size_t i;

	for (i = 0; i < keep; i++)
		if (same_box(&v[i], c) && cost_of(&v[i]) <= lb)
			return FINALIST_SKIP;
	return lb < bound ? FINALIST_TRY : FINALIST_STOP;
}

/* After verifying: one candidate per box, the best ranked (c is sorted). */
static void one_per_box(struct plan_result *r)
{
	size_t i, j, keep = 0;

	for (i = 0; i < r->n; i++) {
		int dup = 0;

		for (j = 0; j < keep && !dup; j++)
			dup = same_box(&r->c[j], &r->c[i]);
		if (!dup)
			r->c[keep++] = r->c[i];
	}
	r->n = keep;
}

/* c's cost per token with n replicas (INFINITY when it cannot be
 * completed or priced): more replicas never cost less. */
static double cost_at(struct ctx *x, const struct plan_candidate *c, const struct sim_config *sc,
		      size_t n)
{
	struct plan_candidate t = *c;
	enum plan_reject why;

	return price(x, &t, sc, n, &why) < 0 ? INFINITY : cost_of(&t);
}

/* One run of the finalist's simulation with n replicas: 1 when both p99s
 * (in *t99, *p99) meet the objectives, 0 when not, or an error. */
static int meets(struct ctx *x, struct sim_config *sc, size_t n, double *t99, double *p99,
		 struct err *err)
{
	const struct plan_request *q = x->q;
	int r;

	if ((r = set_replica_rate(sc, q->qps / (double)n, err)) < 0 ||
	    (r = scout_p99(sc, t99, p99, err)) < 0)
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
	size_t cap = planned * VERIFY_GROWTH < MAX_REPLICAS ? planned * VERIFY_GROWTH : MAX_REPLICAS;
	double hi_t99 = NAN, hi_p99 = NAN, plan_t99 = NAN, plan_p99 = NAN;
	int r;

	*why = PLAN_MISSES_SLO;
	if ((r = finalist_sim(x, c, &sc, &in, &out, err)) < 0)
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
	if (hi != planned && price(x, c, &sc, hi, why) < 0)
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

/* Whether `id` is among the allowed names (NULL: everything is). */
static int listed(const char *const *names, size_t n, const char *id)
{
	size_t k;

	if (!names)
		return 1;
	for (k = 0; k < n; k++)
		if (!strcmp(names[k], id))
			return 1;
	return 0;
}

static const size_t tps[] = { 1, 2, 4, 8 }, pps[] = { 1, 2, 4 };
#define NTP (sizeof(tps) / sizeof(tps[0]))
#define NPP (sizeof(pps) / sizeof(pps[0]))

/* Every tp x pp of one GPU, engine and format. */
static int layouts(struct ctx *x, const char *gpu, const char *precision, const char *engine,
		   struct err *err)
{
	size_t t, p;
	int r;

	for (t = 0; t < NTP; t++)
		for (p = 0; p < NPP; p++) {
			size_t before = x->res->n;

			if ((r = screen(x, gpu, precision, engine, tps[t], pps[p], err)) < 0)
				return r;
			/* once a pp 1 fits, deeper pipelines only add latency */
			if (x->res->n > before && pps[p] == 1)
				break;
		}
	return 0;
}

static int search(struct ctx *x, struct err *err)
{
	const struct plan_request *q = x->q;
	struct cat_gpu *gpus = NULL;
	struct cat_engine *engines = NULL;
	size_t ng = 0, ne = 0, gi, ei, pi;
	const char *const *precs = q->precisions ? q->precisions : default_precisions;
	size_t nprec = q->precisions ? q->nprecisions : sizeof(default_precisions) / sizeof(char *);
	int r;

	if ((r = cat_list((void **)&gpus, &ng, x->cat, CAT_GPU, err)) < 0)
		return r;
	if ((r = cat_list((void **)&engines, &ne, x->cat, CAT_ENGINE, err)) < 0)
		goto out;
	for (gi = 0; gi < ng; gi++) {
		const struct cat_gpu *g = &gpus[gi];

		if (q->progress)
			q->progress(q->progress_arg, "screening", gi, ng);
		if (!listed(q->gpus, q->ngpus, g->id) || (q->consumer_only && !deploy_gpu_desktop(g)))
			continue;
		/* once per GPU, not per configuration */
		if ((r = cat_gpu_product(x->product, x->cat, g->id, err)) < 0)
			goto out;
		if (r == 0)
			snprintf(x->product, sizeof(x->product), "%s", g->name);
		for (ei = 0; ei < ne; ei++) {
			const struct cat_engine *e = &engines[ei];

			if (!listed(q->engines, q->nengines, e->id))
				continue;
			for (pi = 0; pi < nprec; pi++) {
				if (!deploy_engine_loads(e, precs[pi])) {
					/* counted as the layouts it stands for */
					x->res->considered += NTP * NPP;
					x->res->rejected[PLAN_UNSUPPORTED] += NTP * NPP;
				} else if ((r = layouts(x, g->id, precs[pi], e->id, err)) < 0) {
					goto out;
				}
			}
		}
	}
	r = 0;
out:
	free(gpus);
	free(engines);
	return r;
}

/* One candidate per GPU, format and parallel layout: the best engine for
 * it.  Engines differ by a few percent; showing the same box four times
 * would crowd out the real alternatives (--engine picks one). */
static void dedupe(struct plan_result *r)
{
	size_t i, j, keep = 0;

	for (i = 0; i < r->n; i++) {
		const struct plan_candidate *c = &r->c[i];
		int dup = 0;

		for (j = 0; j < keep && !dup; j++)
			dup = !strcmp(r->c[j].gpu, c->gpu) && !strcmp(r->c[j].precision, c->precision) &&
			      r->c[j].tp == c->tp && r->c[j].pp == c->pp;
		if (!dup)
			r->c[keep++] = *c;
	}
	r->n = keep;
}

/* Names as typed become ids; ERR_NOTFOUND names the bad one. */
static int resolve_all(char (**ids)[CAT_ID_MAX], struct cat *cat, enum cat_kind kind,
		       const char *const *names, size_t n, struct err *err)
{
	size_t i;
	int r;

	*ids = n ? xcalloc(n, sizeof(**ids)) : NULL;
	for (i = 0; i < n; i++)
		if ((r = cat_resolve((*ids)[i], cat, kind, names[i], err)) < 0)
			return r;
	return 0;
}

static int check(const struct plan_request *q, struct err *err)
{
	if (!q->model)
		return err_set(err, ERR_INVAL, "a model is required (--model)");
	if (!(q->qps > 0) || !isfinite(q->qps))
		return err_set(err, ERR_INVAL, "request rate %g: expected a positive number of requests/s", q->qps);
	if (!(q->input_len >= 1) || !(q->output_len >= 1) || q->input_len > 1e7 || q->output_len > 1e7)
		return err_set(err, ERR_INVAL, "lengths %g/%g: expected whole tokens from 1 to 10000000",
			       q->input_len, q->output_len);
	if (!(q->ttft_p99_s > 0) || !(q->tpot_p99_s > 0))
		return err_set(err, ERR_INVAL, "objectives %g/%g s: expected positive p99 TTFT and TPOT",
			       q->ttft_p99_s, q->tpot_p99_s);
	return 0;
}

int plan_run(struct plan_result *out, struct cat *cat, const struct plan_request *q,
	     struct err *err)
{
	struct plan_request rq = *q;
	struct ctx x;
	char (*gids)[CAT_ID_MAX] = NULL, (*eids)[CAT_ID_MAX] = NULL;
	const char **gp = NULL, **ep = NULL;
	char model[CAT_ID_MAX];
	size_t i, keep;
	int r;

	memset(out, 0, sizeof(*out));
	memset(&x, 0, sizeof(x));
	if ((r = check(q, err)) < 0)
		return r;
	if ((r = cat_resolve(model, cat, CAT_MODEL, q->model, err)) < 0)
		return r;
	rq.model = model;
	if ((r = resolve_all(&gids, cat, CAT_GPU, q->gpus, q->gpus ? q->ngpus : 0, err)) < 0 ||
	    (r = resolve_all(&eids, cat, CAT_ENGINE, q->engines, q->engines ? q->nengines : 0, err)) < 0)
		goto out;
	if (q->gpus) {
		gp = xcalloc(q->ngpus, sizeof(*gp));
		for (i = 0; i < q->ngpus; i++)
			gp[i] = gids[i];
		rq.gpus = gp;
	}
	if (q->engines) {
		ep = xcalloc(q->nengines, sizeof(*ep));
		for (i = 0; i < q->nengines; i++)
			ep[i] = eids[i];
		rq.engines = ep;
	}
	x.cat = cat;
	x.q = &rq;
	x.res = out;
	x.d = xmalloc(sizeof(*x.d));
	if ((r = plan_parts_load(&x.parts, cat, err)) < 0)
		goto out;
	if ((r = cat_snapshot_begin(cat, err)) < 0)
		goto out;
	r = search(&x, err);
	cat_snapshot_end(cat);
	if (r < 0)
		goto out;
	if (out->n)     /* qsort's base must not be NULL, even for no elements */
		qsort(out->c, out->n, sizeof(*out->c), cmp_rank);
	dedupe(out);
	/* finalists: simulated in rank order while they can still be among
	 * the best `verify` boxes (FINALIST_TRIES times as many simulated at
	 * most); only simulated candidates are shown, one per box */
	if (rq.verify) {
		size_t tried = 0, failed = 0;
		enum plan_reject why;

		for (i = 0, keep = 0; i < out->n && tried < FINALIST_TRIES * rq.verify; i++) {
			double bound = kth_box_cost(out->c, keep, rq.verify);
			enum finalist w = worth(out->c, keep, bound, &out->c[i]);

			if (w == FINALIST_STOP)
				break;
			if (w == FINALIST_SKIP)
				continue;
			if (rq.progress)
				rq.progress(rq.progress_arg, "simulating finalists", keep, rq.verify);
			tried++;
			if ((r = verify(&x, &out->c[i], bound, &why, err)) < 0)
				goto out;
			if (r == 0) {
				out->c[keep++] = out->c[i];
			} else if (r == 1) {
				out->rejected[why]++;
				failed++;
			}
		}
		out->feasible -= failed;
		out->n = keep;
	}
	if (out->n)
		qsort(out->c, out->n, sizeof(*out->c), cmp_rank);
	one_per_box(out);
	plan_rank(out->c, out->n);
	if (!out->n) {
		r = err_set(err, ERR_INFEASIBLE, "no configuration of %zu tried serves %s at %g requests/s "
			    "within the objectives and constraints", out->considered, model, q->qps);
		goto out;
	}
	if (out->n > rq.top_k && rq.top_k)
		out->n = rq.top_k;
	r = 0;
out:
	free(gids);
	free(eids);
	free(gp);
	free(ep);
	free(x.d);
	plan_parts_release(&x.parts);
	return r;
}

void plan_result_release(struct plan_result *r)
{
	free(r->c);
	memset(r, 0, sizeof(*r));
}

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

	memset(&x, 0, sizeof(x));
	memset(&res, 0, sizeof(res));
	x.cat = cat;
	x.q = q;
	x.res = &res;
	x.d = xmalloc(sizeof(*x.d));
	if ((r = finalist_sim(&x, c, &sc, &in, &out, err)) < 0)
		goto out;
	for (i = 0; i < n; i++) {
		if ((r = set_replica_rate(&sc, qps[i], err)) < 0 ||
		    (r = scout_p99(&sc, &ttft[i], &tpot[i], err)) < 0)
			goto out;
	}
	r = 0;
out:
	free(x.d);
	return r;
}

/* For `rigplan report`: one GPU's memory as the candidate's engine lays it
 * out at the plan's context (input + output tokens per sequence). */
int plan_candidate_memory(struct mem_result *out, struct cat *cat,
			  const struct plan_request *q, const struct plan_candidate *c,
			  struct err *err)
{
	struct deploy_request dq = DEPLOY_REQUEST_INIT;
	struct deploy *d = xmalloc(sizeof(*d));
	struct est_result e;
	int r;

	dq.model = q->model;
	dq.gpu = c->gpu;
	dq.precision = c->precision;
	dq.engine = c->engine;
	dq.tp = c->tp;
	dq.pp = c->pp;
	dq.work.batch = 1;
	dq.work.context = (size_t)ceil(q->input_len + q->output_len);
	if ((r = deploy_build(d, cat, &dq, err)) == 0 && (r = est_run(&e, &d->in, err)) == 0)
		*out = e.mem;
	free(d);
	return r;
}
