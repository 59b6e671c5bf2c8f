/*
 * stats.h - latency statistics in constant memory: the mean exactly, and
 * quantiles from a histogram with logarithmic bins 0.1% wide, so a run of
 * any length keeps the same few hundred kilobytes and every quantile is
 * within 0.05% of the sample's own.  (GSL's gsl_rstat P^2 quantiles are
 * smaller still, but their error on a heavy tail such as p99 under
 * overload has no bound; a buyer reads p99.)
 */
#ifndef RIGPLAN_SIM_STATS_H
#define RIGPLAN_SIM_STATS_H

#include <stddef.h>
#include <stdint.h>

/* Values are seconds: bins cover 1 us .. 1e6 s; outside they clamp. */
struct qstat {
	size_t n;
	double sum, min, max;
	uint32_t *bins;     /* allocated on the first value */
};

void qstat_init(struct qstat *q);
void qstat_free(struct qstat *q);
void qstat_add(struct qstat *q, double v);
/* A deep copy into an initialized or released *out. */
void qstat_copy(struct qstat *out, const struct qstat *in);
/* NaN when empty. */
double qstat_mean(const struct qstat *q);
/* The nearest-rank p-quantile (p in [0, 1]); NaN when empty.  Exact when
 * all values are equal (the bin's value is clamped to [min, max]). */
double qstat_quantile(const struct qstat *q, double p);
/*
 * Whether a quantile that lands on the value v reads above `limit`: v and
 * its bin's value both exceed it (the value read is the bin's, clamped to
 * [min, max]).  Monotone in v, so once K values of a sample of n do, every
 * p-quantile with n - ceil(p n) < K reads above `limit`.
 */
int qstat_reads_above(double v, double limit);

#endif
