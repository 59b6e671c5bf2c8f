/*
 * workload.h - what arrives: request arrival processes and token-length
 * distributions, drawn from a seeded GSL generator so that one seed gives
 * one run.  The grammar of --arrival, --input-len and --output-len lives
 * here, next to what it means.
 */
#ifndef RIGPLAN_SIM_WORKLOAD_H
#define RIGPLAN_SIM_WORKLOAD_H

#include <stddef.h>
#include <gsl/gsl_rng.h>

#include "sim/tokens.h"

struct err;

enum arrival_kind {
	ARRIVAL_POISSON,    /* exponential gaps: CV 1 */
	ARRIVAL_GAMMA       /* gamma gaps with a chosen coefficient of variation */
};

struct arrival {
	enum arrival_kind kind;
	double rate;        /* requests per second, > 0 */
	double cv;          /* gap standard deviation / mean (gamma) */
};

/* "poisson" or "gamma:CV" (CV in (0, 100]) at `rate` requests/s. */
int arrival_parse(struct arrival *out, const char *s, double rate, struct err *err);
/* Seconds to the next arrival. */
double arrival_gap(const struct arrival *a, gsl_rng *r);

enum length_kind {
	LENGTH_FIXED,       /* "1024" */
	LENGTH_UNIFORM,     /* "uniform:LO:HI", integers LO..HI inclusive */
	LENGTH_LOGNORMAL,   /* "lognormal:MEAN:SIGMA", sigma of the log */
	LENGTH_EXPONENTIAL, /* "exponential:MEAN": geometric-like output lengths */
	LENGTH_EMPIRICAL    /* "empirical:FILE.csv:COLUMN": resampled from a column */
};

struct length_dist {
	enum length_kind kind;
	double a, b;        /* fixed: a; uniform: [a, b]; lognormal: mean a, sigma b;
			     * exponential: mean a; empirical: the mean in a */
	double *values;     /* empirical: the column, owned */
	size_t n;
};

/* Parse a length; `flag` names the option in messages.  ERR_INVAL for bad
 * text; for empirical, ERR_IO when the file cannot be read and ERR_PARSE
 * naming the line of a bad value.  Release with length_free. */
int length_parse(struct length_dist *out, const char *s, const char *flag, struct err *err);
void length_free(struct length_dist *d);
/* One draw, rounded to whole tokens, at least 1, at most LENGTH_MAX. */
size_t length_draw(const struct length_dist *d, gsl_rng *r);
/* The distribution's mean (before rounding and clipping). */
double length_mean(const struct length_dist *d);

#endif
