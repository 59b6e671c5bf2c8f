/*
 * queue.c - see queue.h.
 */
#include <math.h>

#include "models/queue.h"

/*
 * g(x) = lam (e^(x s) - 1) - x is convex with g(0) = 0 and g'(0) = rho - 1
 * < 0, so it has one positive root.  e^y >= 1 + y + y^2 / 2 puts it at or
 * below 2 (1 - rho) / (lam s^2), where g >= 0; Newton's method from there
 * falls monotonically onto it.
 */
double queue_md1_theta(double lam, double s)
{
	double rho = lam * s, x, step;
	int i;

	if (!(lam > 0) || !(s > 0) || rho >= 1)
		return 0;
	x = 2 * (1 - rho) / (lam * s * s);
	for (i = 0; i < 100; i++) {
		double e = exp(x * s);

		step = (lam * (e - 1) - x) / (lam * s * e - 1);
		x -= step;
		if (fabs(step) <= 1e-14 * x)
			break;
	}
	return x;
}

double queue_md1_wait(double lam, double s, double p)
{
	double rho = lam * s, theta, c;

	/* P(W > 0) = rho exactly */
	if (!(lam > 0) || !(s > 0) || rho <= 1 - p)
		return 0;
	if (rho >= 1 || !((theta = queue_md1_theta(lam, s)) > 0))
		return INFINITY;
	c = (1 - rho) / (lam * s * exp(theta * s) - 1);
	return c > 1 - p ? log(c / (1 - p)) / theta : 0;
}

/* The wait grows with the rate, so the rate is found by bisection over
 * (0, 1 / s), to a relative 1e-9. */
double queue_md1_max_rate(double s, double p, double limit)
{
	double lo, hi;
	int i;

	if (!(s > 0) || s > limit)
		return 0;
	lo = (1 - p) / s;       /* no wait at the p-quantile */
	hi = 1 / s;
	for (i = 0; i < 100 && hi - lo > 1e-9 * hi; i++) {
		double mid = (lo + hi) / 2;

		if (s + queue_md1_wait(mid, s, p) <= limit)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}
