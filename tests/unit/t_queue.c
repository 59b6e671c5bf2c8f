/*
 * t_queue.c - queue.c: the p99 wait of an M/D/1 prompt queue and the largest rate
 * that keeps it within an objective, each against a case worked by hand in
 * the comment above it.
 */
#include "tests/testlib.h"
#include "models/queue.h"
#include "util/err.h"

#include <math.h>
#include <string.h>

/*
 * M/D/1 at lam = 0.5/s, s = 1 s: rho = 0.5; theta solves 0.5 (e^x - 1) = x:
 * x = 1.256431 (e^1.256431 = 3.512862, 0.5 x 2.512862 = 1.256431).
 * C = 0.5 / (0.5 x 3.512862 - 1) = 0.660999; the p99 wait is
 * ln(0.660999 / 0.01) / 1.256431 = 4.191129 / 1.256431 = 3.33577 s (a
 * Lindley simulation of two million arrivals: 3.327 s).  At rho = 0.005 nobody waits at p99
 * (P(W > 0) = rho); at rho >= 1 the wait is unbounded.  The highest rate
 * whose p99 wait + s stays within 4.33577 s is 0.5 again.
 */
static void md1(void)
{
	double prev = 0, lam;
	int mono = 1;

	test_rel(queue_md1_theta(0.5, 1), 1.25643, 1e-5, "M/D/1 theta %.5f (worked 1.25643)",
		 queue_md1_theta(0.5, 1));
	test_rel(queue_md1_wait(0.5, 1, 0.99), 3.33577, 1e-5, "M/D/1 p99 wait %.5f s (worked 3.33577)",
		 queue_md1_wait(0.5, 1, 0.99));
	test_ok(queue_md1_wait(0.005, 1, 0.99) == 0, "rho 0.005: no wait at p99");
	test_ok(isinf(queue_md1_wait(1, 1, 0.99)) && isinf(queue_md1_wait(2, 1, 0.99)),
		"rho >= 1: unbounded");
	test_rel(queue_md1_max_rate(1, 0.99, 1 + queue_md1_wait(0.5, 1, 0.99)), 0.5, 1e-8,
		 "max rate inverts the wait");
	test_ok(queue_md1_max_rate(2, 0.99, 1.5) == 0, "service longer than the limit: rate 0");
	/* scaling: s and every time x 10, rates / 10 */
	test_rel(queue_md1_wait(0.05, 10, 0.99), 33.3577, 1e-5, "time scales with s");
	for (lam = 0.01; lam < 0.999; lam += 0.01) {
		double w = queue_md1_wait(lam, 1, 0.99);

		mono &= w >= prev;
		prev = w;
	}
	test_ok(mono, "the p99 wait grows with the load");
}

int main(void)
{
	md1();
	return test_done();
}
