/*
 * capacity.h - the highest request rate a deployment serves within p99
 * TTFT and TPOT objectives, the replicas a target rate needs, and what
 * limits it.
 *
 * The search brackets the rate between one that passes and one that
 * fails, starting from the analytic maximum, and bisects until the
 * bracket is narrower than rel_tol.  Noise: a rate passes only if it
 * passes for every one of `seeds` independent runs (different seeds,
 * the same ones at every rate, so that neighbouring rates see the same
 * random draws and the pass/fail boundary does not wander).
 */
#ifndef RIGPLAN_SIM_CAPACITY_H
#define RIGPLAN_SIM_CAPACITY_H

#include "sim/sim.h"

struct err;

struct capacity_opts {
	double ttft_p99_s, tpot_p99_s;  /* the objectives; NaN: not constrained */
	size_t seeds;                   /* runs per rate (default 3) */
	double rel_tol;                 /* bracket width (default 0.02) */
	double target_qps;              /* NaN: no replica count asked */
	size_t max_replicas;            /* give up beyond (default 1024) */
};

#define CAPACITY_OPTS_INIT { NAN, NAN, 3, 0.02, NAN, 1024 }

enum capacity_bottleneck {
	BOTTLENECK_COMPUTE, BOTTLENECK_MEMORY_BANDWIDTH, BOTTLENECK_COMMUNICATION,
	BOTTLENECK_KV_CAPACITY, BOTTLENECK_QUEUEING,
	BOTTLENECK_HOST             /* offloaded work: the CPU's layers, weights over PCIe */
};

const char *capacity_bottleneck_name(enum capacity_bottleneck b);

#define CAPACITY_POINTS_MAX 64

/* One rate the search ran: the worst p99s over its seeds. */
struct capacity_point {
	double qps, ttft_p99_s, tpot_p99_s;
	int pass;
};

struct capacity_result {
	double max_qps;             /* passes (bracket[0]) */
	double bracket[2];          /* passes, fails */
	double analytic_max_qps;    /* saturation from step times alone */
	enum capacity_bottleneck bottleneck;
	int ttft_binds;             /* the TTFT objective failed first, else TPOT */
	struct sim_result at;       /* the first seed's run at max_qps */
	size_t replicas;            /* for target_qps (0: not asked) */
	struct sim_result at_target;    /* the first seed's run with them */
	size_t sims;                /* simulations run */
	struct capacity_point points[CAPACITY_POINTS_MAX];     /* in the order run */
	size_t npoints;
};

/* The largest decode batch `c`'s engine runs at `ctx` tokens per
 * sequence: what its KV blocks hold, at most max_seqs, at least 1. */
double capacity_max_batch(const struct sim_config *c, double ctx);

/*
 * The saturation rate of `c` (its replicas or pools) from the step cost
 * alone: each request's prefill run alone, plus its share of decode steps
 * of the largest batch the engine and KV cache hold at the mean context.
 */
double capacity_analytic_max(const struct sim_config *c, double input_len, double output_len);

/* Search; `base` gives everything but the rate.  ERR_INFEASIBLE when even
 * a nearly idle deployment misses the objectives (the message says by
 * how much); errors of sim_run pass through.  Release out with
 * capacity_result_release. */
int capacity_search(struct capacity_result *out, const struct sim_config *base,
		    const struct capacity_opts *o, struct err *err);
void capacity_result_release(struct capacity_result *r);

#endif
