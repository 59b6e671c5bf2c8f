/*
 * thermal.c - heat and airflow from first principles, and a first-order
 * thermal model of the GPU whose R and tau come from heat-up traces
 * (bench/measure heat_trace; tests/data/measure).
 *
 * 1 W = 3.412142 BTU/h (NIST SP 811, appendix B.8).  Airflow: P = rho cp
 * Q dT with dry air at 20 C, rho = 1.204 kg/m^3, cp = 1005 J/(kg K)
 * (ASHRAE Fundamentals, psychrometrics), and 1 m^3/s = 2118.88 CFM.
 */
#include <math.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_min.h>
#include <gsl/gsl_odeiv2.h>

#include "models/thermal.h"
#include "util/err.h"
#include "util/units.h"

#define AIR_RHO_KG_PER_M3 1.204
#define AIR_CP_J_PER_KG_K 1005.0
#define M3_PER_S_TO_CFM 2118.88
/* a step that moves the die less than this has reached steady state */
#define SETTLED_K 1e-9
/* Numerics of the tau fit, not physics: the scan's neighbours differ by
 * 10% in tau, Brent stops when ln tau is known to 1e-4 (0.01%). */
#define TAU_SCAN_RATIO 1.1
#define TAU_LN_EPS 1e-4
#define TAU_MAX_ITER 100

double thermal_btu_per_h(double w)
{
	return w * UNIT_W_TO_BTU_PER_H;
}

double thermal_airflow_cfm(double w, double delta_t_c)
{
	return w / (AIR_RHO_KG_PER_M3 * AIR_CP_J_PER_KG_K * delta_t_c) * M3_PER_S_TO_CFM;
}

struct ode_params {
	const struct gpu_eff *e;
	double inlet_c, power_w;
};

/* Power the die gets at temperature t: the load's, unless the limit holds it. */
static double held_power(const struct ode_params *p, double t)
{
	double hold = (p->e->temp_slowdown_c - p->inlet_c) / p->e->thermal_r_k_per_w;

	return t >= p->e->temp_slowdown_c ? fmin(p->power_w, hold) : p->power_w;
}

static int rhs(double t, const double y[], double dydt[], void *vp)
{
	const struct ode_params *p = vp;
	double c = p->e->thermal_tau_s / p->e->thermal_r_k_per_w;

	(void)t;
	dydt[0] = (held_power(p, y[0]) - (y[0] - p->inlet_c) / p->e->thermal_r_k_per_w) / c;
	return GSL_SUCCESS;
}

int thermal_run(struct thermal_trace *out, const struct gpu_eff *e,
		double inlet_c, double power_w, double seconds, struct err *err)
{
	struct ode_params p = { e, inlet_c, power_w };
	gsl_odeiv2_system sys = { rhs, NULL, 1, &p };
	gsl_odeiv2_driver *d;
	double t = 0, y[1] = { inlet_c }, step = e->thermal_tau_s / 20;
	int status = GSL_SUCCESS;

	out->steady_c = inlet_c + power_w * e->thermal_r_k_per_w;
	out->throttle_at_s = NAN;
	d = gsl_odeiv2_driver_alloc_y_new(&sys, gsl_odeiv2_step_rk8pd, step, 1e-6, 1e-6);
	/* march in small steps so the crossing time is known to tau/20; once
	 * the die has settled (or is held at its limit) nothing changes */
	while (t < seconds && status == GSL_SUCCESS) {
		double next = fmin(seconds, t + step), before = y[0];

		status = gsl_odeiv2_driver_apply(d, &t, next, y);
		if (isnan(out->throttle_at_s) && y[0] >= e->temp_slowdown_c - 1e-9)
			out->throttle_at_s = t;
		if (fabs(y[0] - before) < SETTLED_K)
			break;
	}
	gsl_odeiv2_driver_free(d);
	if (status != GSL_SUCCESS)
		return err_set(err, ERR_NUMERIC, "GPU temperature: %s", gsl_strerror(status));
	out->temp_c = y[0];
	out->power_w = held_power(&p, y[0]);
	return 0;
}

double thermal_replay_rms(double *end_c, const struct thermal_sample *s, size_t n,
			  double t0_c, double r_k_per_w, double tau_s)
{
	double temp = s[0].temp_c, sum = 0;
	size_t i;

	for (i = 1; i < n; i++) {
		double target = t0_c + r_k_per_w * s[i - 1].power_w, d;

		/* exact over the interval for a draw held at its first reading */
		temp = target + (temp - target) * exp(-(s[i].t_s - s[i - 1].t_s) / tau_s);
		d = temp - s[i].temp_c;
		sum += d * d;
	}
	if (end_c)
		*end_c = temp;
	return n > 1 ? sqrt(sum / (double)(n - 1)) : 0;
}

/* thermal_fit reads the windows' fields as strided arrays */
_Static_assert(sizeof(struct thermal_steady) == 3 * sizeof(double),
	       "struct thermal_steady is three doubles");

struct tau_params {
	const struct thermal_sample *s;
	size_t n;
	double t0_c, r;
};

static double tau_cost(double ln_tau, void *vp)
{
	const struct tau_params *p = vp;

	return thermal_replay_rms(NULL, p->s, p->n, p->t0_c, p->r, exp(ln_tau));
}

/* Brent between lo and hi around the scan's best point mid; 0 or a GSL status. */
static int brent(double *out, gsl_function *f, double lo, double mid, double hi)
{
	gsl_min_fminimizer *m = gsl_min_fminimizer_alloc(gsl_min_fminimizer_brent);
	int status = gsl_min_fminimizer_set(m, f, mid, lo, hi), iter = 0;

	while (status == GSL_SUCCESS && iter++ < TAU_MAX_ITER) {
		if ((status = gsl_min_fminimizer_iterate(m)) != GSL_SUCCESS)
			break;
		status = gsl_min_test_interval(gsl_min_fminimizer_x_lower(m),
					       gsl_min_fminimizer_x_upper(m), TAU_LN_EPS, 0);
		if (status == GSL_SUCCESS)
			break;
		if (status == GSL_CONTINUE)
			status = GSL_SUCCESS;
	}
	*out = gsl_min_fminimizer_x_minimum(m);
	gsl_min_fminimizer_free(m);
	return status;
}

/* tau by a scan in ln tau, then Brent around the best interior point. */
static int fit_tau(struct thermal_fit_result *out, const struct thermal_sample *trace,
		   size_t n, double tau_lo_s, double tau_hi_s, struct err *err)
{
	struct tau_params p = { trace, n, out->t0_c, out->r_k_per_w };
	gsl_function f = { tau_cost, &p };
	double lo = log(tau_lo_s), hi = log(tau_hi_s), step = log(TAU_SCAN_RATIO);
	size_t k, steps = (size_t)ceil((hi - lo) / step), best = 0;
	double best_cost = INFINITY, x;
	int status;

	for (k = 0; k <= steps; k++) {
		double c = tau_cost(fmin(hi, lo + (double)k * step), &p);

		if (c < best_cost) {
			best_cost = c;
			best = k;
		}
	}
	if (best == 0 || best == steps) {
		out->tau_s = NAN;
		out->trace_rms_k = best_cost;
		return 0;
	}
	status = brent(&x, &f, lo + (double)(best - 1) * step, lo + (double)best * step,
		       fmin(hi, lo + (double)(best + 1) * step));
	if (status != GSL_SUCCESS)
		return err_set(err, ERR_NUMERIC, "GPU time constant: %s", gsl_strerror(status));
	out->tau_s = exp(x);
	out->trace_rms_k = tau_cost(x, &p);
	return 0;
}

int thermal_fit(struct thermal_fit_result *out, const struct thermal_steady *steady,
		size_t nsteady, const struct thermal_sample *trace, size_t n,
		double tau_lo_s, double tau_hi_s, struct err *err)
{
	/* the windows' fields as strided arrays: no copy, no allocation */
	const size_t stride = sizeof(struct thermal_steady) / sizeof(double);
	double c0, c1, c00, c01, c11, chisq, pmin = INFINITY, pmax = -INFINITY;
	size_t i;
	int status;

	memset(out, 0, sizeof(*out));
	out->tau_s = out->trace_rms_k = NAN;
	if (nsteady < 2)
		return err_set(err, ERR_INVAL, "the steady line needs two settled windows, got %zu",
			       nsteady);
	for (i = 0; i < nsteady; i++) {
		if (!isfinite(steady[i].power_w) || !isfinite(steady[i].temp_c) ||
		    !(steady[i].n > 0))
			return err_set(err, ERR_INVAL, "settled window %zu is not a number", i);
		pmin = fmin(pmin, steady[i].power_w);
		pmax = fmax(pmax, steady[i].power_w);
	}
	if (!(pmax > pmin))
		return err_set(err, ERR_INVAL, "the settled windows all drew %.0f W: no slope", pmin);
	status = gsl_fit_wlinear(&steady[0].power_w, stride, &steady[0].n, stride,
				 &steady[0].temp_c, stride, nsteady, &c0, &c1, &c00, &c01, &c11,
				 &chisq);
	if (status != GSL_SUCCESS)
		return err_set(err, ERR_NUMERIC, "GPU steady temperature: %s", gsl_strerror(status));
	out->t0_c = c0;
	out->r_k_per_w = c1;
	out->n_steady = nsteady;
	out->n_trace = n;
	if (!(c1 > 0))
		return err_set(err, ERR_INVAL, "the die ran no hotter at %.0f W than at %.0f W",
			       pmax, pmin);
	if (n < 3 || !(tau_hi_s > tau_lo_s && tau_lo_s > 0))
		return 0;
	return fit_tau(out, trace, n, tau_lo_s, tau_hi_s, err);
}
