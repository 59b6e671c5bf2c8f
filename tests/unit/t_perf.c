/*
 * t_perf.c - perf.c's smooth maximum of memory and compute time (the roofline), each against a case worked by hand in
 * the comment above it.
 */
#include "tests/testlib.h"
#include "models/est.h"
#include "util/err.h"

#include <math.h>
#include <string.h>

/*
 * The smooth maximum (tm^p + tc^p)^(1/p): 3 and 4 at p = 2 give 5; equal
 * times give t 2^(1/p); a zero time gives the other.  p = 2, 3 and 4 take
 * products and roots instead of pow(), which must agree with pow() to a
 * few ulp (1 ulp of 1.x is 2.2e-16) over a sweep of ratios; any other p goes through pow() itself.
 */
static void roofline(void)
{
	static const double ps[] = { 2, 3, 4 };
	double worst = 0;
	size_t i, k;

	test_rel(perf_roofline_s(3, 4, 2), 5, 1e-15, "roofline 3, 4 at p = 2: 5");
	test_rel(perf_roofline_s(4, 3, 2), 5, 1e-15, "... symmetric");
	test_rel(perf_roofline_s(2, 2, 4), 2 * pow(2, 0.25), 1e-15, "equal times: t 2^(1/p)");
	test_ok(perf_roofline_s(7, 0, 3) == 7 && perf_roofline_s(0, 7, 4) == 7,
		"a zero time gives the other");
	test_ok(perf_roofline_s(0, 0, 4) == 0, "nothing to do takes no time");
	test_ok(perf_roofline_s(1, 0.5, 2.5) == pow(1 + pow(0.5, 2.5), 1 / 2.5),
		"p = 2.5 is pow() itself");
	for (k = 0; k < 3; k++)
		for (i = 0; i <= 1000; i++) {
			double r = (double)i / 1000, p = ps[k];
			double want = 1e-3 * pow(1 + pow(r, p), 1 / p);
			double got = perf_roofline_s(1e-3, 1e-3 * r, p);

			worst = fmax(worst, fabs(got - want) / want);
		}
	test_ok(worst < 1e-15, "p = 2, 3, 4 agree with pow() to %.2g (a few ulp)", worst);
}

int main(void)
{
	roofline();
	return test_done();
}
