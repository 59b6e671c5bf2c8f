/*
 * stats.c - see stats.h.  Bin i holds [LO r^i, LO r^(i+1)) with r = 1.001;
 * a quantile reports its bin's geometric centre.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/stats.h"
#include "util/xalloc.h"

#define Q_LO 1e-6
#define Q_HI 1e6
#define Q_RATIO 1.001

static size_t nbins(void)
{
	return (size_t)ceil(log(Q_HI / Q_LO) / log(Q_RATIO)) + 1;
}

void qstat_init(struct qstat *q)
{
	memset(q, 0, sizeof(*q));
	q->min = INFINITY;
	q->max = -INFINITY;
}

void qstat_free(struct qstat *q)
{
	free(q->bins);
	qstat_init(q);
}

static size_t bin_of(double v, size_t n)
{
	if (!(v > Q_LO))
		return 0;
	return (size_t)fmin((double)(n - 1), floor(log(v / Q_LO) / log(Q_RATIO)));
}

static double centre(size_t i)
{
	return Q_LO * pow(Q_RATIO, (double)i + 0.5);
}

void qstat_add(struct qstat *q, double v)
{
	size_t n = nbins();

	if (!q->bins)
		q->bins = xcalloc(n, sizeof(*q->bins));
	q->n++;
	q->sum += v;
	q->min = fmin(q->min, v);
	q->max = fmax(q->max, v);
	q->bins[bin_of(v, n)]++;
}

int qstat_reads_above(double v, double limit)
{
	return v > limit && centre(bin_of(v, nbins())) > limit;
}

double qstat_mean(const struct qstat *q)
{
	return q->n ? q->sum / (double)q->n : NAN;
}

double qstat_quantile(const struct qstat *q, double p)
{
	size_t i, n = nbins(), seen = 0, rank;

	if (!q->n)
		return NAN;
	rank = (size_t)ceil(p * (double)q->n);
	if (rank < 1)
		rank = 1;
	for (i = 0; i < n; i++) {
		seen += q->bins[i];
		if (seen >= rank)
			break;
	}
	return fmin(q->max, fmax(q->min, centre(i)));
}

void qstat_copy(struct qstat *out, const struct qstat *in)
{
	*out = *in;
	out->bins = NULL;
	if (in->bins) {
		out->bins = xmalloc(nbins() * sizeof(*out->bins));
		memcpy(out->bins, in->bins, nbins() * sizeof(*out->bins));
	}
}
