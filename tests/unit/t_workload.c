/*
 * t_workload.c - the simulator's foundations: the event heap orders by
 * time and keeps ties in insertion order; arrival gaps and token lengths
 * have the means and spreads their parameters promise (checked to within
 * a few standard errors over 200,000 draws); one seed gives one sequence;
 * bad distribution text is refused with the value named.
 */
#include "tests/testlib.h"
#include "sim/events.h"
#include "sim/workload.h"
#include "util/err.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <gsl/gsl_rng.h>

#define DRAWS 200000

static void heap(void)
{
	struct event_queue q;
	struct event e, prev = { -1, 0, 0, 0 };
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	size_t i, n = 0;
	int ordered = 1, stable = 1;

	events_init(&q);
	test_ok(!events_pop(&q, &e) && isinf(events_next_t(&q)), "empty queue: nothing, next at infinity");
	for (i = 0; i < 5000; i++)  /* times on a coarse grid: many ties */
		events_push(&q, floor(gsl_rng_uniform(r) * 100), (int)(i % 7), i);
	while (events_pop(&q, &e)) {
		if (e.t < prev.t)
			ordered = 0;
		if (e.t == prev.t && e.who < prev.who)
			stable = 0;     /* `who` was the insertion order */
		prev = e;
		n++;
	}
	test_int((int64_t)n, 5000, "every event pushed comes out");
	test_ok(ordered, "events leave in time order");
	test_ok(stable, "equal times leave in the order scheduled");
	events_push(&q, 2, 0, 1);
	events_push(&q, 1, 0, 2);
	test_abs(events_next_t(&q), 1, 0, "next_t is the earliest");
	events_free(&q);
	gsl_rng_free(r);
}

/* Sample mean and coefficient of variation of n draws of f. */
static void moments(double *mean, double *cv, double (*f)(void *, gsl_rng *), void *arg,
		    unsigned long seed)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	double s = 0, s2 = 0, x;
	size_t i;

	gsl_rng_set(r, seed);
	for (i = 0; i < DRAWS; i++) {
		x = f(arg, r);
		s += x;
		s2 += x * x;
	}
	*mean = s / DRAWS;
	*cv = sqrt(s2 / DRAWS - *mean * *mean) / *mean;
	gsl_rng_free(r);
}

static double gap(void *a, gsl_rng *r)
{
	return arrival_gap(a, r);
}

static double len(void *d, gsl_rng *r)
{
	return (double)length_draw(d, r);
}

/*
 * Poisson at 10/s: gaps of mean 0.1 s, CV 1; the standard error of the
 * mean over 200,000 is 0.1 / 447 = 2.2e-4, so 1e-3 is 4.5 of them.
 * Gamma CV 2: the same mean, CV 2 (the sample CV of a gamma with k = 1/4
 * converges slowly: 3% is a few of its standard errors).
 */
static void arrivals(void)
{
	struct arrival a;
	struct err err = ERR_INIT;
	double mean, cv;

	test_int(arrival_parse(&a, "poisson", 10, &err), 0, "poisson parses");
	moments(&mean, &cv, gap, &a, 1);
	test_abs(mean, 0.1, 1e-3, "poisson 10/s: mean gap %.5f s", mean);
	test_abs(cv, 1, 0.01, "poisson: CV %.4f", cv);
	test_int(arrival_parse(&a, "gamma:2", 10, &err), 0, "gamma:2 parses");
	moments(&mean, &cv, gap, &a, 2);
	test_abs(mean, 0.1, 2.5e-3, "gamma CV 2 at 10/s: mean gap %.5f s", mean);
	test_abs(cv, 2, 0.06, "gamma: CV %.3f", cv);
	test_int(arrival_parse(&a, "gamma:0.25", 10, &err), 0, "gamma:0.25 parses");
	moments(&mean, &cv, gap, &a, 3);
	test_abs(cv, 0.25, 0.005, "smooth arrivals: CV %.4f", cv);
}

/*
 * uniform:100:200: mean 150, every value 100..200 reachable.
 * lognormal:1000:1: mean 1000 (sd 1.31 x 1000: standard error 2.9 over
 * 200,000 draws; rounding to whole tokens moves it by far less than 1%).
 */
static void lengths(void)
{
	struct length_dist d;
	struct err err = ERR_INIT;
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	double mean, cv;
	size_t i, lo = 1000, hi = 0, x;

	test_int(length_parse(&d, "1024", "--input-len", &err), 0, "fixed parses");
	test_int((int64_t)length_draw(&d, r), 1024, "fixed draws 1024");
	test_int(length_parse(&d, "uniform:100:200", "--input-len", &err), 0, "uniform parses");
	for (i = 0; i < DRAWS; i++) {
		x = length_draw(&d, r);
		lo = x < lo ? x : lo;
		hi = x > hi ? x : hi;
	}
	test_ok(lo == 100 && hi == 200, "uniform reaches both ends and no further (%zu..%zu)", lo, hi);
	moments(&mean, &cv, len, &d, 4);
	test_abs(mean, 150, 0.5, "uniform mean %.2f", mean);
	test_int(length_parse(&d, "lognormal:1000:1", "--output-len", &err), 0, "lognormal parses");
	moments(&mean, &cv, len, &d, 5);
	test_rel(mean, 1000, 0.02, "lognormal mean %.1f (worked 1000)", mean);
	test_rel(cv, sqrt(exp(1) - 1), 0.05, "lognormal CV %.3f (worked sqrt(e - 1) = 1.311)", cv);
	test_abs(length_mean(&d), 1000, 0, "length_mean is the mean given");
	gsl_rng_free(r);
}

static void seeds(void)
{
	struct arrival a;
	struct err err = ERR_INIT;
	gsl_rng *r1 = gsl_rng_alloc(gsl_rng_mt19937), *r2 = gsl_rng_alloc(gsl_rng_mt19937);
	size_t i;
	int same = 1, differs = 0;

	arrival_parse(&a, "gamma:1.5", 3, &err);
	gsl_rng_set(r1, 42);
	gsl_rng_set(r2, 42);
	for (i = 0; i < 1000; i++)
		same &= arrival_gap(&a, r1) == arrival_gap(&a, r2);
	gsl_rng_set(r2, 43);
	for (i = 0; i < 10; i++)
		differs |= arrival_gap(&a, r1) != arrival_gap(&a, r2);
	test_ok(same, "one seed, one sequence (bit for bit)");
	test_ok(differs, "another seed, another sequence");
	gsl_rng_free(r1);
	gsl_rng_free(r2);
}

static void bad_input(void)
{
	static const char *arrivals_bad[] = { "gamma:0", "gamma:-1", "gamma:abc", "gamma:", "gamma:1e9",
					      "weibull", "", "poisson:2" };
	static const char *lengths_bad[] = { "0", "-5", "1.5", "abc", "inf", "nan", "1e9", "",
					     "uniform:5:2", "uniform:0:10", "uniform:1.5:3", "uniform:5",
					     "lognormal:100:0", "lognormal:0:1", "lognormal:100:9",
					     "lognormal:100:x" };
	struct arrival a;
	struct length_dist d;
	struct err err = ERR_INIT;
	size_t i;

	for (i = 0; i < sizeof(arrivals_bad) / sizeof(*arrivals_bad); i++) {
		err.msg[0] = '\0';
		test_ok(arrival_parse(&a, arrivals_bad[i], 5, &err) == -ERR_INVAL &&
			strstr(err.msg, "--arrival") != NULL, "--arrival '%s' refused: %s",
			arrivals_bad[i], err.msg);
	}
	test_ok(arrival_parse(&a, "poisson", 0, &err) == -ERR_INVAL, "rate 0 refused: %s", err.msg);
	test_ok(arrival_parse(&a, "poisson", NAN, &err) == -ERR_INVAL, "rate NaN refused");
	test_ok(arrival_parse(&a, "poisson", INFINITY, &err) == -ERR_INVAL, "rate inf refused");
	for (i = 0; i < sizeof(lengths_bad) / sizeof(*lengths_bad); i++) {
		err.msg[0] = '\0';
		test_ok(length_parse(&d, lengths_bad[i], "--input-len", &err) == -ERR_INVAL &&
			strstr(err.msg, "--input-len") != NULL, "--input-len '%s' refused: %s",
			lengths_bad[i], err.msg);
	}
}

int main(void)
{
	heap();
	arrivals();
	lengths();
	seeds();
	bad_input();
	return test_done();
}
