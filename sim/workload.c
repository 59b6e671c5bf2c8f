/*
 * workload.c - see workload.h.
 *
 * Gamma gaps with coefficient of variation c and mean 1/rate: shape
 * k = 1/c^2, scale 1/(rate k) (mean k theta, variance k theta^2).  c = 1
 * is the exponential (Poisson arrivals); c > 1 is burstier.
 * Lognormal lengths are given by their mean m and log-sigma s, so that
 * mu = ln m - s^2/2 keeps E[X] = m (what users know is the mean).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_randist.h>

#include "sim/trace.h"
#include "sim/workload.h"
#include "util/err.h"
#include "util/num.h"

#define CV_MAX 100.0

int arrival_parse(struct arrival *out, const char *s, double rate, struct err *err)
{
	if (!(rate > 0) || !isfinite(rate) || rate > 1e9)
		return err_set(err, ERR_INVAL, "request rate %g: expected a number of requests "
			       "per second above 0 and at most 1e9", rate);
	out->rate = rate;
	out->cv = 1;
	if (!strcmp(s, "poisson")) {
		out->kind = ARRIVAL_POISSON;
		return 0;
	}
	if (!strncmp(s, "gamma:", 6)) {
		if (num_parse_double(&out->cv, s + 6, err) < 0 || !(out->cv > 0) ||
		    out->cv > CV_MAX)
			return err_set(err, ERR_INVAL, "--arrival '%.40s': the gamma CV must be a "
				       "number above 0 and at most %g", s, CV_MAX);
		out->kind = ARRIVAL_GAMMA;
		return 0;
	}
	return err_set(err, ERR_INVAL, "--arrival '%.40s': expected poisson or gamma:CV", s);
}

double arrival_gap(const struct arrival *a, gsl_rng *r)
{
	double k;

	if (a->kind == ARRIVAL_POISSON)
		return gsl_ran_exponential(r, 1 / a->rate);
	k = 1 / (a->cv * a->cv);
	return gsl_ran_gamma(r, k, 1 / (a->rate * k));
}

/* "A:B" after a prefix: two numbers. */
static int two_numbers(double *a, double *b, const char *s, struct err *err)
{
	char first[64];
	const char *colon = strchr(s, ':');
	size_t n;

	if (!colon || (n = (size_t)(colon - s)) >= sizeof(first))
		return -ERR_INVAL;
	memcpy(first, s, n);
	first[n] = '\0';
	if (num_parse_double(a, first, err) < 0 || num_parse_double(b, colon + 1, err) < 0)
		return -ERR_INVAL;
	return 0;
}

int length_parse(struct length_dist *out, const char *s, const char *flag, struct err *err)
{
	memset(out, 0, sizeof(*out));
	if (!strncmp(s, "uniform:", 8)) {
		out->kind = LENGTH_UNIFORM;
		if (two_numbers(&out->a, &out->b, s + 8, err) < 0 || out->a != floor(out->a) ||
		    out->b != floor(out->b) || out->a < 1 || out->b < out->a || out->b > LENGTH_MAX)
			return err_set(err, ERR_INVAL, "%s '%.40s': expected uniform:LO:HI with whole "
				       "token counts 1 <= LO <= HI <= %.0f", flag, s, LENGTH_MAX);
		return 0;
	}
	if (!strncmp(s, "lognormal:", 10)) {
		out->kind = LENGTH_LOGNORMAL;
		if (two_numbers(&out->a, &out->b, s + 10, err) < 0 || !(out->a >= 1) ||
		    out->a > LENGTH_MAX || !(out->b > 0) || out->b > 5)
			return err_set(err, ERR_INVAL, "%s '%.40s': expected lognormal:MEAN:SIGMA with "
				       "1 <= MEAN <= %.0f tokens and 0 < SIGMA <= 5", flag, s,
				       LENGTH_MAX);
		return 0;
	}
	if (!strncmp(s, "exponential:", 12)) {
		out->kind = LENGTH_EXPONENTIAL;
		if (num_parse_double(&out->a, s + 12, err) < 0 || !(out->a >= 1) ||
		    out->a > LENGTH_MAX)
			return err_set(err, ERR_INVAL, "%s '%.40s': expected exponential:MEAN with "
				       "1 <= MEAN <= %.0f tokens", flag, s, LENGTH_MAX);
		return 0;
	}
	if (!strncmp(s, "empirical:", 10)) {
		int r;

		out->kind = LENGTH_EMPIRICAL;
		if ((r = trace_read_column(&out->values, &out->n, s + 10, err)) < 0)
			return err_prefix(err, "%s", flag);
		out->a = 0;
		for (size_t i = 0; i < out->n; i++)
			out->a += out->values[i] / (double)out->n;
		return 0;
	}
	out->kind = LENGTH_FIXED;
	if (num_parse_double(&out->a, s, err) < 0 || out->a != floor(out->a) || out->a < 1 ||
	    out->a > LENGTH_MAX)
		return err_set(err, ERR_INVAL, "%s '%.40s': expected a whole number of tokens from "
			       "1 to %.0f, uniform:LO:HI, lognormal:MEAN:SIGMA, "
			       "exponential:MEAN or empirical:FILE.csv:COLUMN", flag, s,
			       LENGTH_MAX);
	return 0;
}

size_t length_draw(const struct length_dist *d, gsl_rng *r)
{
	double x;

	switch (d->kind) {
	case LENGTH_FIXED:
		return (size_t)d->a;
	case LENGTH_UNIFORM:
		return (size_t)d->a + (size_t)gsl_rng_uniform_int(r, (unsigned long)(d->b - d->a + 1));
	case LENGTH_LOGNORMAL:
		x = gsl_ran_lognormal(r, log(d->a) - d->b * d->b / 2, d->b);
		x = fmin(fmax(round(x), 1), LENGTH_MAX);
		return (size_t)x;
	case LENGTH_EXPONENTIAL:
		x = gsl_ran_exponential(r, d->a);
		return (size_t)fmin(fmax(round(x), 1), LENGTH_MAX);
	case LENGTH_EMPIRICAL:
		return (size_t)d->values[gsl_rng_uniform_int(r, (unsigned long)d->n)];
	}
	return 1;
}

void length_free(struct length_dist *d)
{
	free(d->values);
	d->values = NULL;
	d->n = 0;
}

double length_mean(const struct length_dist *d)
{
	switch (d->kind) {
	case LENGTH_FIXED:
	case LENGTH_LOGNORMAL:
	case LENGTH_EXPONENTIAL:
	case LENGTH_EMPIRICAL:
		return d->a;
	case LENGTH_UNIFORM:
		return (d->a + d->b) / 2;
	}
	return NAN;
}
