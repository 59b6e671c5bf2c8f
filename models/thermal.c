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
#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv2.h>

#include "models/thermal.h"
#include "util/err.h"
#include "util/units.h"

#define AIR_RHO_KG_PER_M3 1.204
#define AIR_CP_J_PER_KG_K 1005.0
#define M3_PER_S_TO_CFM 2118.88
/* a step that moves the die less than this has reached steady state */
#define SETTLED_K 1e-9

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
