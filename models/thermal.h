/*
 * thermal.h - heat, airflow, and GPU temperature over time.
 */
#ifndef RIGPLAN_MODELS_THERMAL_H
#define RIGPLAN_MODELS_THERMAL_H

#include "models/spec.h"

struct err;

/* Heat output of `w` watts in BTU/h. */
double thermal_btu_per_h(double w);

/* Air volume (CFM) that carries `w` watts away with an inlet-to-outlet
 * rise of delta_t_c kelvin. */
double thermal_airflow_cfm(double w, double delta_t_c);

struct thermal_trace {
	double temp_c;          /* at the end */
	double steady_c;        /* where it would settle without a limit */
	double throttle_at_s;   /* when it reached the slowdown temperature; NaN: never */
	double power_w;         /* draw at the end (the limit holds it down) */
};

/*
 * GPU temperature after `seconds` at power_w from a start at inlet_c:
 * C dT/dt = P - (T - inlet)/R with tau = R C, integrated with GSL's
 * odeiv2 (RK8PD).  At the slowdown temperature the firmware lowers power
 * to what holds T there.  ERR_NUMERIC if the integrator fails.
 */
int thermal_run(struct thermal_trace *out, const struct gpu_eff *e,
		double inlet_c, double power_w, double seconds, struct err *err);

#endif
