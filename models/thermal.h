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

/* One nvidia-smi reading: when, the board's draw, the die's temperature. */
struct thermal_sample {
	double t_s, power_w, temp_c;
};

/* A window held long enough to settle: its mean draw and temperature, and
 * how many samples the means are of (the weight). */
struct thermal_steady {
	double power_w, temp_c, n;
};

/*
 * The first-order model replayed through a recorded run: starting at the
 * first sample's temperature, each interval relaxes towards
 * t0_c + r * P (P held at the interval's first reading) with constant
 * tau_s.  Returns the rms of model minus recording over the later samples
 * (kelvin); *end_c, if not NULL, gets the model's temperature at the last
 * sample.  Needs n >= 2 and times in increasing order.
 */
double thermal_replay_rms(double *end_c, const struct thermal_sample *s, size_t n,
			  double t0_c, double r_k_per_w, double tau_s);

struct thermal_fit_result {
	double t0_c;            /* die temperature at zero draw: the air at the GPU */
	double r_k_per_w;       /* steady rise per watt */
	double tau_s;           /* first-order constant; NaN: not resolved */
	double trace_rms_k;     /* the replay with these three, kelvin */
	size_t n_steady, n_trace;
};

/*
 * Fit the model of thermal_run to a recording, in two steps:
 *  1. the steady line T = t0 + r P, weighted least squares (gsl_fit_wlinear)
 *     over the settled windows (at least two, at different draws);
 *  2. tau, with t0 and r held, minimising the replay's squared error over
 *     the trace (GSL Brent on ln tau, bracketed by a scan between
 *     tau_lo_s and tau_hi_s).  A minimum at either end is no minimum:
 *     tau is then NaN (the trace cannot resolve it).
 * The die also steps within a sample and its heatsink drifts for tens of
 * seconds; one constant cannot follow both, which trace_rms_k shows.
 * ERR_INVAL for too few points or no spread in the draws, ERR_NUMERIC if
 * GSL fails.
 */
int thermal_fit(struct thermal_fit_result *out, const struct thermal_steady *steady,
		size_t nsteady, const struct thermal_sample *trace, size_t n,
		double tau_lo_s, double tau_hi_s, struct err *err);

#endif
