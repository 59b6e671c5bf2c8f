/*
 * sim.c - see sim.h.  Three events: an arrival (drawn one ahead), the end
 * of a replica's step, and a KV cache landing on the decode pool.  A
 * replica steps back to back while it has work; its schedule is fixed at
 * the start of a step and applied at the end, as an engine's loop does.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_rng.h>

#include "sim/events.h"
#include "sim/sim.h"
#include "sim/sim_int.h"
#include "util/err.h"
#include "util/xalloc.h"

enum { EV_ARRIVAL, EV_STEP_END, EV_KV_READY };
enum role { ROLE_BOTH, ROLE_PREFILL, ROLE_DECODE };

/* vLLM V0 without chunked prefill: a prefill step takes whole prompts up
 * to max(max_model_len, 2048) tokens (vllm/config.py, SchedulerConfig). */
#define UNCHUNKED_MIN_BUDGET 2048

struct replica {
	enum role role;
	void *wait;                 /* the policy's state */
	struct sim_req **run;       /* in admission order */
	size_t n_run, cap_run;
	size_t free_blocks, swap_free, pinned;
	int prefix_resident, busy;
	size_t outstanding;
	double step_t, step_w, step_seqs, busy_s, energy_j;
	enum perf_bound step_bound;
};

struct sim {
	struct sim_config c;
	struct replica *rep;
	size_t n_rep, pool_lo[2], pool_n[2], rr[2];
	struct event_queue q;
	gsl_rng *rng;
	double now, last_t, next_sample;
	struct sim_req *free_list;
	uint64_t seq;
	size_t expected, drawn, left, in_system, kv_blocks_used;
	double next_t;              /* the arrival drawn ahead */
	int pending;                /* an arrival is in the event queue */
	size_t next_in, next_out, next_images;
	struct sim_result r;
	double int_sys, int_wait, int_kv, seqs_time, out_tokens, in_tokens, prefix_hits;
	size_t waiting;
	size_t prefix_tokens;       /* the shared prefix, whole blocks */
	size_t miss_ttft, miss_tpot;    /* values a p99 would read above the SLO */
	size_t miss_limit;              /* as many make the p99 miss (0: never stop) */
	void *cost_memo;                /* the cost type's, memo_size bytes */
};

void sim_config_init(struct sim_config *c)
{
	memset(c, 0, sizeof(*c));
	c->engine.block_tokens = 16;
	c->engine.preempt = SIM_RECOMPUTE;
	c->engine.policy = sim_policy_fcfs;
	c->replicas = 1;
	c->gpus_per_replica = 1;
	c->balance = SIM_LEAST_OUTSTANDING;
	c->requests = 1000;
	c->seed = 1;
	c->ttft_slo_s = c->tpot_slo_s = NAN;
	c->timeline_dt = 1;
}

static size_t ceil_div(size_t a, size_t b)
{
	return (a + b - 1) / b;
}

static struct sim_req *req_new(struct sim *s)
{
	struct sim_req *q = s->free_list;

	if (q)
		s->free_list = q->next;
	else
		q = xmalloc(sizeof(*q));
	memset(q, 0, sizeof(*q));
	return q;
}

static void req_free(struct sim *s, struct sim_req *q)
{
	q->next = s->free_list;
	s->free_list = q;
}

/* Blocks for a request's first `tokens` tokens beyond the `shared` ones. */
static size_t blocks_for(const struct sim *s, size_t shared, size_t tokens)
{
	return ceil_div(tokens - shared, s->c.engine.block_tokens);
}

/* The shared prefix a request could take from the cache: whole blocks,
 * leaving at least one prompt token to compute (the engine must run the
 * last prompt token to sample). */
static size_t prefix_of(const struct sim *s, const struct sim_req *q)
{
	return s->prefix_tokens && q->prompt > s->prefix_tokens ? s->prefix_tokens : 0;
}

/* Give q's KV blocks back to its replica. */
static void release_blocks(struct sim *s, struct replica *rp, struct sim_req *q)
{
	rp->free_blocks += q->blocks;
	s->kv_blocks_used -= q->blocks;
	q->blocks = 0;
}

static int draw_next(struct sim *s, struct err *err);

/* A closed loop: a client whose request ended sends the next at once,
 * while fewer than `concurrency` are in flight. */
static void closed_loop_next(struct sim *s)
{
	if (s->c.concurrency && !s->pending && s->in_system < s->c.concurrency)
		(void)draw_next(s, NULL);   /* generated lengths: it cannot fail */
}

/* q leaves the system from replica rp (done, or dropped from its queue). */
static void leave(struct sim *s, struct replica *rp, struct sim_req *q)
{
	release_blocks(s, rp, q);
	rp->outstanding--;
	s->in_system--;
	s->left++;
	req_free(s, q);
	closed_loop_next(s);
}

/* ---- drawing arrivals ---- */

/* Draw (or read) the next arrival and schedule it; 0 when there is none. */
static int draw_next(struct sim *s, struct err *err)
{
	if (s->c.trace) {
		struct trace_row row;
		int r;

		if (s->c.requests && s->drawn == s->c.requests)
			return 0;
		if ((r = trace_next(s->c.trace, &row, err)) <= 0)
			return r;
		s->next_t = row.t;
		s->next_in = row.input;
		s->next_out = row.output ? row.output : 1;
		s->next_images = row.images;
	} else {
		if (s->drawn == s->c.requests)
			return 0;
		/* closed loop: now; open: after a gap of the arrival process */
		s->next_t = s->c.concurrency ? s->now : s->now + arrival_gap(&s->c.arrival, s->rng);
		s->next_in = length_draw(s->c.input, s->rng);
		s->next_out = length_draw(s->c.output, s->rng);
		s->next_images = s->c.images;
	}
	s->drawn++;
	s->pending = 1;
	events_push(&s->q, s->next_t, EV_ARRIVAL, 0);
	return 1;
}

/* ---- scheduling one step ---- */

static void preempt(struct sim *s, struct replica *rp, struct sim_req *q)
{
	const struct sim_engine *e = &s->c.engine;

	rp->n_run--;    /* victims come from the tail */
	if (e->preempt == SIM_SWAP && q->blocks <= rp->swap_free) {
		rp->swap_free -= q->blocks;
		q->swapped = q->blocks;
		rp->step_t += (double)q->blocks * e->swap_block_s;
	} else {
		q->computed = 0;    /* recompute: prompt and output so far, again */
		q->shared = 0;
	}
	release_blocks(s, rp, q);
	q->sched = 0;
	e->policy->push_front(rp->wait, q);
	s->waiting++;
	s->r.preemptions++;
}

/* Add `n` tokens of q to the step. */
static void add_to_mix(const struct sim *s, struct step_mix *x, const struct sim_req *q,
		       size_t n)
{
	const struct sim_cost_type *c = s->c.cost;
	const void *st = s->c.cost_state;

	if (q->known - q->computed == 1) {
		x->decode_seqs += 1;
		x->decode_kv += c->kv_tokens(st, (double)(q->computed + 1));
		x->logits += 1;
		return;
	}
	x->prefill_tokens += (double)n;
	x->prefill_seqs += 1;
	x->prefill_pairs += c->chunk_pairs(st, (double)q->computed, (double)n);
	x->prefill_kv_read += c->kv_tokens(st, (double)q->computed);
	if (q->computed + n == q->known)
		x->logits += 1;
}

/* Claim blocks for q to hold `tokens`, the first `shared` of them in the
 * replica's prefix; 0, or -1 when they are not free. */
static int claim(struct sim *s, struct replica *rp, struct sim_req *q, size_t shared,
		 size_t tokens)
{
	size_t need = blocks_for(s, shared, tokens);

	if (need <= q->blocks)
		return 0;
	need -= q->blocks;
	if (need > rp->free_blocks)
		return -1;
	rp->free_blocks -= need;
	s->kv_blocks_used += need;
	q->blocks += need;
	return 0;
}

/* Running requests first, in admission order; 1 if one was preempted. */
static int schedule_running(struct sim *s, struct replica *rp, struct step_mix *x,
			    size_t *budget)
{
	size_t i, n;
	int preempted = 0;

	for (i = 0; i < rp->n_run && *budget > 0; i++) {
		struct sim_req *q = rp->run[i];

		n = q->known - q->computed;
		n = n < *budget ? n : *budget;
		while (claim(s, rp, q, q->shared, q->computed + n) < 0) {
			struct sim_req *victim = rp->run[rp->n_run - 1];

			preempt(s, rp, victim);
			preempted = 1;
			if (victim == q)
				return 1;
		}
		add_to_mix(s, x, q, n);
		q->sched = n;
		*budget -= n;
	}
	return preempted;
}

/* Why waiting requests stayed waiting after a step was scheduled. */
enum held { HELD_NONE, HELD_KV, HELD_SEQS, HELD_BUDGET };

/* Admit waiting requests in the policy's order; the count admitted. */
static size_t admit(struct sim *s, struct replica *rp, struct step_mix *x, size_t *budget,
		    int whole, enum held *held)
{
	const struct sim_engine *e = &s->c.engine;
	struct sim_req *q;
	size_t admitted = 0, n, pfx, start, shared;
	int kv_full = 0;

	while (*budget > 0 && (!e->max_seqs || rp->n_run < e->max_seqs) &&
	       (q = e->policy->peek(rp->wait))) {
		/* a resident prefix lets a fresh prompt start past it */
		pfx = rp->prefix_resident && !q->computed && !q->swapped ? prefix_of(s, q) : 0;
		start = pfx ? pfx : q->computed;
		shared = pfx ? pfx : q->shared;

		n = q->known - start;
		if (whole && n > *budget)
			break;
		n = n < *budget ? n : *budget;
		/* a reserving engine holds the whole output's blocks from the
		 * start, so a running request never needs more */
		if (claim(s, rp, q, shared, e->reserve_output ? q->prompt + q->output :
					    start + n) < 0) {
			kv_full = 1;
			break;
		}
		/* nothing of it cached: the tower encodes its images first */
		if (!q->computed)
			x->images += (double)q->images;
		q->computed = start;
		q->shared = shared;
		e->policy->pop(rp->wait);
		s->waiting--;
		if (q->swapped) {
			rp->step_t += (double)q->swapped * e->swap_block_s;
			rp->swap_free += q->swapped;
			q->swapped = 0;
		}
		s->prefix_hits += (double)pfx;
		if (isnan(q->t_admit)) {
			q->t_admit = s->now;
			qstat_add(&s->r.queue, s->now - q->t_arrive);
		}
		if (rp->n_run == rp->cap_run) {
			rp->cap_run = rp->cap_run ? 2 * rp->cap_run : 64;
			rp->run = xrealloc(rp->run, rp->cap_run * sizeof(*rp->run));
		}
		rp->run[rp->n_run++] = q;
		add_to_mix(s, x, q, n);
		q->sched = n;
		*budget -= n;
		admitted++;
	}
	if (!e->policy->peek(rp->wait))
		*held = HELD_NONE;
	else if (kv_full)
		*held = HELD_KV;
	else if (e->max_seqs && rp->n_run >= e->max_seqs)
		*held = HELD_SEQS;
	else
		*held = HELD_BUDGET;
	return admitted;
}

static void finish(struct sim *s, struct replica *rp, struct sim_req *q);

/* Start a step on replica i if it has work; otherwise it goes idle. */
static void start_step(struct sim *s, size_t i)
{
	const struct sim_engine *e = &s->c.engine;
	struct replica *rp = &s->rep[i];
	struct step_mix x;
	struct sim_step_cost cost;
	enum held held = HELD_NONE;
	size_t budget;
	int preempted = 0;

	for (;;) {
		memset(&x, 0, sizeof(x));
		rp->step_t = 0;
		if (!e->max_batched_tokens) {
			/* prefill-first: whole prompts, else a decode step */
			budget = e->max_model_len > UNCHUNKED_MIN_BUDGET ?
				e->max_model_len : UNCHUNKED_MIN_BUDGET;
			if (!admit(s, rp, &x, &budget, 1, &held))
				preempted = schedule_running(s, rp, &x, &budget);
		} else {
			budget = e->max_batched_tokens;
			preempted = schedule_running(s, rp, &x, &budget);
			if (!preempted)
				admit(s, rp, &x, &budget, 0, &held);
			else if (e->policy->peek(rp->wait))
				held = HELD_KV;
		}
		if (x.decode_seqs + x.prefill_seqs > 0)
			break;
		/* nothing could run: with the replica empty, the head of the
		 * queue can never fit (its blocks exceed the cache) */
		if (rp->n_run == 0 && e->policy->peek(rp->wait)) {
			struct sim_req *q = e->policy->peek(rp->wait);

			e->policy->pop(rp->wait);
			s->waiting--;
			s->r.dropped++;
			leave(s, rp, q);
			continue;
		}
		rp->busy = 0;
		return;
	}
	s->c.cost->step(s->c.cost_state, s->cost_memo, &x, &cost);
	rp->busy = 1;
	rp->step_t += cost.t;
	rp->step_w = cost.gpu_w;
	rp->step_bound = cost.bound;
	rp->step_seqs = x.decode_seqs + x.prefill_seqs;
	if (held == HELD_KV)
		s->r.blocked_kv_s += rp->step_t;
	else if (held == HELD_SEQS)
		s->r.blocked_seqs_s += rp->step_t;
	events_push(&s->q, s->now + rp->step_t, EV_STEP_END, i);
}

/* The replica of a pool (0: the first stage, 1: decode) for a new request. */
static size_t route(struct sim *s, int pool)
{
	size_t lo = s->pool_lo[pool], n = s->pool_n[pool], i, best = lo;

	if (s->c.balance == SIM_ROUND_ROBIN) {
		best = lo + s->rr[pool];
		s->rr[pool] = (s->rr[pool] + 1) % n;
		return best;
	}
	for (i = lo + 1; i < lo + n; i++)
		if (s->rep[i].outstanding < s->rep[best].outstanding)
			best = i;
	return best;
}

static void enqueue(struct sim *s, size_t i, struct sim_req *q)
{
	struct replica *rp = &s->rep[i];

	q->replica = i;
	rp->outstanding++;
	s->c.engine.policy->push(rp->wait, q);
	s->waiting++;
	if (!rp->busy)
		start_step(s, i);
}

static void arrive(struct sim *s)
{
	const struct sim_engine *e = &s->c.engine;
	struct sim_req *q;
	size_t in = s->next_in + s->next_images * s->c.image_tokens, out = s->next_out, need;

	s->r.arrived++;
	q = req_new(s);
	q->images = s->next_images;
	q->t_arrive = s->now;
	q->t_first = q->t_admit = NAN;
	q->seq = s->seq++;
	q->prompt = in;
	q->output = out;
	q->known = in;
	/* rejected at the door, as vLLM rejects a prompt too long for the
	 * model or for the whole cache */
	need = ceil_div(in + out, e->block_tokens);
	if (in + out > e->max_model_len || need > e->kv_blocks - s->prefix_tokens / e->block_tokens) {
		s->r.dropped++;
		s->left++;
		req_free(s, q);
		return;
	}
	s->in_system++;
	if (s->in_system > s->r.peak_in_flight)
		s->r.peak_in_flight = s->in_system;
	s->in_tokens += (double)in;
	enqueue(s, route(s, 0), q);
}

static void finish(struct sim *s, struct replica *rp, struct sim_req *q)
{
	/* the front end's time is the client's, not the engine's: it adds
	 * to what the client sees but takes no step */
	double e2e = s->now - q->t_arrive + s->c.engine.request_s, tpot = NAN;

	qstat_add(&s->r.e2e, e2e);
	if (q->output > 1) {
		tpot = (s->now - q->t_first) / (double)(q->output - 1);
		qstat_add(&s->r.tpot, tpot);
		s->miss_tpot += qstat_reads_above(tpot, s->c.tpot_slo_s);
	}
	if (!isnan(s->c.ttft_slo_s) &&
	    q->t_first - q->t_arrive + s->c.engine.request_s <= s->c.ttft_slo_s &&
	    (isnan(tpot) || isnan(s->c.tpot_slo_s) || tpot <= s->c.tpot_slo_s))
		s->r.goodput_n++;
	s->r.completed++;
	s->out_tokens += (double)q->output;
	leave(s, rp, q);
}

/* A prefill replica hands a request to the decode pool. */
static void hand_off(struct sim *s, struct replica *rp, struct sim_req *q)
{
	double t = s->c.kv_transfer_latency_s +
		   s->c.kv_transfer_s_per_token * (double)q->computed;

	release_blocks(s, rp, q);
	rp->outstanding--;
	q->shared = 0;
	events_push(&s->q, s->now + t, EV_KV_READY, (size_t)(uintptr_t)q);
}

/* The prefix becomes shared once a request has computed it. */
static void share_prefix(struct sim *s, struct replica *rp, struct sim_req *q)
{
	size_t pfx = prefix_of(s, q), nb;

	if (!s->c.engine.prefix_caching || rp->prefix_resident || !pfx || q->shared ||
	    q->computed < pfx)
		return;
	nb = pfx / s->c.engine.block_tokens;
	rp->prefix_resident = 1;
	rp->pinned = nb;
	q->blocks -= nb;    /* now the replica's, kept for every later prompt */
	q->shared = pfx;
}

static void step_end(struct sim *s, size_t i)
{
	struct replica *rp = &s->rep[i];
	size_t k, kept = 0;

	rp->busy_s += rp->step_t;
	rp->energy_j += rp->step_t * rp->step_w * (double)s->c.gpus_per_replica;
	s->r.bound_s[rp->step_bound] += rp->step_t;
	s->seqs_time += rp->step_seqs * rp->step_t;
	s->r.steps++;
	for (k = 0; k < rp->n_run; k++) {
		struct sim_req *q = rp->run[k];
		int gone = 0;

		if (q->sched) {
			q->computed += q->sched;
			q->sched = 0;
			share_prefix(s, rp, q);
			if (q->computed == q->known) {
				q->generated++;
				q->known++;
				if (q->generated == 1) {
					double ttft = s->now - q->t_arrive +
						      s->c.engine.request_s;

					q->t_first = s->now;
					qstat_add(&s->r.ttft, ttft);
					s->miss_ttft += qstat_reads_above(ttft, s->c.ttft_slo_s);
				}
				if (q->generated >= q->output) {
					finish(s, rp, q);
					gone = 1;
				} else if (rp->role == ROLE_PREFILL) {
					hand_off(s, rp, q);
					gone = 1;
				}
			}
		}
		if (!gone)
			rp->run[kept++] = q;
	}
	rp->n_run = kept;
	start_step(s, i);
}

/* ---- time averages and the timeline ---- */

static void timeline_row(struct sim *s, double t)
{
	fprintf(s->c.timeline, "%.3f,%zu,%zu,%zu,%.4f,%zu,%.0f,%zu\n", t, s->in_system,
		s->waiting, s->in_system - s->waiting,
		(double)s->kv_blocks_used / ((double)s->c.engine.kv_blocks * (double)s->n_rep),
		s->r.completed, s->out_tokens, s->r.preemptions);
}

static void advance(struct sim *s, double t)
{
	double dt = t - s->last_t;

	if (s->c.timeline)
		for (; s->next_sample <= t; s->next_sample += s->c.timeline_dt)
			timeline_row(s, s->next_sample);
	s->int_sys += (double)s->in_system * dt;
	s->int_wait += (double)s->waiting * dt;
	s->int_kv += (double)s->kv_blocks_used * dt;
	s->last_t = s->now = t;
}

/* ---- the public loop ---- */

static int check(const struct sim_config *c, struct err *err)
{
	const struct sim_engine *e = &c->engine;

	if (!e->block_tokens || !e->kv_blocks || !e->max_model_len || !e->policy)
		return err_set(err, ERR_INVAL, "the engine needs a block size, KV blocks, a "
			       "model length and a policy");
	if (!c->cost || !c->gpus_per_replica)
		return err_set(err, ERR_INVAL, "the simulator needs a step cost and GPUs");
	if ((c->prefill_replicas > 0) != (c->decode_replicas > 0))
		return err_set(err, ERR_INVAL, "disaggregated serving needs both prefill and "
			       "decode replicas");
	if (!c->prefill_replicas && !c->replicas)
		return err_set(err, ERR_INVAL, "at least one replica is needed");
	if (!c->trace && (!c->requests || !c->input || !c->output))
		return err_set(err, ERR_INVAL, "generated load needs a request count and lengths");
	if (c->timeline && !(c->timeline_dt > 0))
		return err_set(err, ERR_INVAL, "timeline interval %g: expected seconds above 0",
			       c->timeline_dt);
	return 0;
}

int sim_alloc(struct sim **out, const struct sim_config *c, struct err *err)
{
	struct sim *s;
	size_t i;
	int r;

	*out = NULL;
	if ((r = check(c, err)) < 0)
		return r;
	s = xcalloc(1, sizeof(*s));
	s->c = *c;
	if (c->cost->memo_size)
		s->cost_memo = xcalloc(1, c->cost->memo_size);
	if (c->prefill_replicas) {
		s->pool_n[0] = c->prefill_replicas;
		s->pool_lo[1] = c->prefill_replicas;
		s->pool_n[1] = c->decode_replicas;
	} else {
		s->pool_n[0] = c->replicas;
	}
	s->n_rep = s->pool_n[0] + s->pool_n[1];
	s->rep = xcalloc(s->n_rep, sizeof(*s->rep));
	for (i = 0; i < s->n_rep; i++) {
		struct replica *rp = &s->rep[i];

		rp->role = !c->prefill_replicas ? ROLE_BOTH :
			   i < c->prefill_replicas ? ROLE_PREFILL : ROLE_DECODE;
		rp->wait = xcalloc(1, c->engine.policy->size);
		c->engine.policy->init(rp->wait);
		rp->free_blocks = c->engine.kv_blocks;
		rp->swap_free = c->engine.swap_blocks;
	}
	if (c->engine.prefix_caching)
		s->prefix_tokens = c->shared_prefix / c->engine.block_tokens *
				   c->engine.block_tokens;
	qstat_init(&s->r.ttft);
	qstat_init(&s->r.tpot);
	qstat_init(&s->r.e2e);
	qstat_init(&s->r.queue);
	events_init(&s->q);
	s->rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(s->rng, c->seed);
	s->expected = c->trace ? c->trace->rows : c->requests;
	if (c->trace && c->requests && c->requests < s->expected)
		s->expected = c->requests;
	/* n - ceil(0.99 n) < expected / 100 + 1 for every n <= expected */
	if (c->stop_on_miss && s->expected && !isnan(c->ttft_slo_s) && !isnan(c->tpot_slo_s))
		s->miss_limit = s->expected / 100 + 1;
	if (c->timeline)
		fprintf(c->timeline, "time_s,in_system,waiting,running,kv_used,completed,"
			"output_tokens,preemptions\n");
	if (c->trace)
		trace_rewind(c->trace);
	if ((r = draw_next(s, err)) < 0) {
		sim_free(s);
		return r;
	}
	*out = s;
	return 0;
}

int sim_step(struct sim *s, struct err *err)
{
	struct event ev;
	int r;

	if (s->miss_limit && (s->miss_ttft >= s->miss_limit || s->miss_tpot >= s->miss_limit)) {
		s->r.stopped = 1;
		return 0;
	}
	if (!events_pop(&s->q, &ev))
		return 0;
	advance(s, ev.t);
	switch (ev.kind) {
	case EV_ARRIVAL:
		s->pending = 0;
		arrive(s);
		if (s->c.concurrency)
			closed_loop_next(s);
		else if ((r = draw_next(s, err)) < 0)
			return r;
		break;
	case EV_STEP_END:
		step_end(s, ev.who);
		break;
	case EV_KV_READY: {
		struct sim_req *q = (struct sim_req *)(uintptr_t)ev.who;

		enqueue(s, route(s, 1), q);
		break;
	}
	}
	return 1;
}

void sim_progress(const struct sim *s, size_t *done, size_t *total)
{
	*done = s->left;
	*total = s->expected;
}

void sim_result(const struct sim *s, struct sim_result *out)
{
	double T = s->last_t, busy = 0, energy = 0;
	size_t i;

	*out = s->r;
	/* the histograms are copied deep: the caller owns its result */
	out->ttft.bins = out->tpot.bins = out->e2e.bins = out->queue.bins = NULL;
	qstat_copy(&out->ttft, &s->r.ttft);
	qstat_copy(&out->tpot, &s->r.tpot);
	qstat_copy(&out->e2e, &s->r.e2e);
	qstat_copy(&out->queue, &s->r.queue);
	for (i = 0; i < s->n_rep; i++) {
		busy += s->rep[i].busy_s;
		energy += s->rep[i].energy_j + s->c.idle_w * (double)s->c.gpus_per_replica *
			  fmax(0, T - s->rep[i].busy_s);
	}
	out->duration_s = T;
	out->mean_in_system = T > 0 ? s->int_sys / T : 0;
	out->mean_waiting = T > 0 ? s->int_wait / T : 0;
	out->kv_use = T > 0 ? s->int_kv / T / ((double)s->c.engine.kv_blocks * (double)s->n_rep) : 0;
	out->throughput_rps = T > 0 ? (double)s->r.completed / T : 0;
	out->output_tps = T > 0 ? s->out_tokens / T : 0;
	out->input_tps = T > 0 ? s->in_tokens / T : 0;
	out->goodput_rps = isnan(s->c.ttft_slo_s) ? NAN :
			   T > 0 ? (double)s->r.goodput_n / T : 0;
	out->gpu_busy = T > 0 ? busy / (T * (double)s->n_rep) : 0;
	out->energy_j = energy;
	out->energy_per_request_j = s->r.completed ? energy / (double)s->r.completed : NAN;
	out->prefix_hit = s->in_tokens > 0 ? s->prefix_hits / s->in_tokens : 0;
	out->mean_batch = busy > 0 ? s->seqs_time / busy : 0;
}

void sim_result_release(struct sim_result *r)
{
	qstat_free(&r->ttft);
	qstat_free(&r->tpot);
	qstat_free(&r->e2e);
	qstat_free(&r->queue);
}

void sim_free(struct sim *s)
{
	struct event ev;
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->n_rep; i++) {
		struct replica *rp = &s->rep[i];
		struct sim_req *q;

		for (size_t k = 0; k < rp->n_run; k++)
			free(rp->run[k]);
		while ((q = s->c.engine.policy->peek(rp->wait))) {
			s->c.engine.policy->pop(rp->wait);
			free(q);
		}
		s->c.engine.policy->release(rp->wait);
		free(rp->wait);
		free(rp->run);
	}
	while (events_pop(&s->q, &ev))
		if (ev.kind == EV_KV_READY)
			free((struct sim_req *)(uintptr_t)ev.who);
	while (s->free_list) {
		struct sim_req *q = s->free_list;

		s->free_list = q->next;
		free(q);
	}
	events_free(&s->q);
	gsl_rng_free(s->rng);
	free(s->cost_memo);
	free(s->rep);
	qstat_free(&s->r.ttft);
	qstat_free(&s->r.tpot);
	qstat_free(&s->r.e2e);
	qstat_free(&s->r.queue);
	free(s);
}

int sim_run(struct sim_result *out, const struct sim_config *c, struct err *err)
{
	struct sim *s;
	int r;

	memset(out, 0, sizeof(*out));
	if ((r = sim_alloc(&s, c, err)) < 0)
		return r;
	while ((r = sim_step(s, err)) > 0)
		;
	if (r == 0)
		sim_result(s, out);
	sim_free(s);
	return r;
}
