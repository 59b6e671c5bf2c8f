/*
 * t_thermal.c - thermal.c: heat and the airflow to carry it, and the GPU's
 * temperature as a first-order system, each against a case worked by hand in
 * the comment above it.
 */
#include "tests/testlib.h"
#include "models/power.h"
#include "models/thermal.h"
#include "util/err.h"

#include <math.h>
#include <string.h>

/*
 * 1000 W is 3412.142 BTU/h.  Carrying it away with a 15 K rise takes
 * 1000 / (1.204 x 1005 x 15) = 0.0550955 m^3/s = 116.74 CFM (the rule of
 * thumb 3.16 W / dT in F gives 3.16 x 1000 / 27 = 117).
 */
static void heat_and_air(void)
{
	test_rel(thermal_btu_per_h(1000), 3412.142, 1e-12, "1000 W = 3412.142 BTU/h");
	test_rel(thermal_airflow_cfm(1000, 15), 116.741, 1e-4, "1000 W at 15 K: 116.74 CFM");
	test_rel(thermal_airflow_cfm(1000, 7.5), 2 * thermal_airflow_cfm(1000, 15), 1e-12,
		 "half the rise, twice the air");
}

/*
 * R = 0.03 K/W, tau = 2 s, slowdown at 85 C, inlet 25 C.
 * 1000 W: steady 25 + 30 = 55 C; after one tau, 25 + 30 (1 - 1/e) =
 * 43.964 C; never throttles.
 * 3000 W: would settle at 115 C; reaches 85 C when 90 (1 - e^(-t/2)) = 60,
 * t = 2 ln 3 = 2.197 s (known to tau/20 = 0.1 s); then the firmware holds
 * the die at 85 C, drawing (85 - 25) / 0.03 = 2000 W.
 */
static void temperature(void)
{
	struct gpu_eff e;
	struct thermal_trace t;
	struct err err = ERR_INIT;

	memset(&e, 0, sizeof(e));
	e.thermal_r_k_per_w = 0.03;
	e.thermal_tau_s = 2;
	e.temp_slowdown_c = 85;
	test_int(thermal_run(&t, &e, 25, 1000, 2, &err), 0, "integrate 2 s at 1000 W");
	test_rel(t.temp_c, 25 + 30 * (1 - exp(-1)), 1e-5, "after one tau: %.3f C (worked 43.964)",
		 t.temp_c);
	test_rel(t.steady_c, 55, 1e-12, "steady 55 C");
	test_ok(isnan(t.throttle_at_s), "1000 W never throttles");
	test_int(thermal_run(&t, &e, 25, 3000, 30, &err), 0, "integrate 30 s at 3000 W");
	test_abs(t.throttle_at_s, 2 * log(3), 0.1, "reaches 85 C at %.2f s (worked 2.197)",
		 t.throttle_at_s);
	test_abs(t.temp_c, 85, 1e-3, "held at 85 C");
	test_rel(t.power_w, 2000, 1e-9, "holding 85 C takes 2000 W");
	test_rel(t.steady_c, 115, 1e-12, "would settle at 115 C");
}

/*
 * A recording made by the model itself: air 30 C, R 0.05 K/W, tau 5 s,
 * settled at 100 W (35 C), 600 W from t = 10 s to 50 s (settles at 60 C),
 * nvidia-smi every 0.1 s to 80 s.  The fit must give back 30 C, 0.05 K/W
 * and 5 s, and the replay must retrace it exactly.  A die that follows
 * within a sample (tau 0.01 s) shows no constant at 0.1 s: tau is NaN.
 */
static void fit(void)
{
	enum { N = 801 };
	static struct thermal_sample s[N];
	struct thermal_steady st[2] = { { 100, 35, 40 }, { 600, 60, 40 } };
	struct thermal_fit_result f;
	struct err err = ERR_INIT;
	double end_c;
	size_t i;

	for (i = 0; i < N; i++) {
		double t = 0.1 * (double)i, c;

		/* exact: 35 C until 10 s, then towards 60 C, then back to 35 C */
		if (t <= 10)
			c = 35;
		else if (t <= 50)
			c = 60 - 25 * exp(-(t - 10) / 5);
		else
			c = 35 + (60 - 25 * exp(-40.0 / 5) - 35) * exp(-(t - 50) / 5);
		s[i] = (struct thermal_sample){ t, t >= 10 && t < 50 ? 600 : 100, c };
	}
	test_int(thermal_fit(&f, st, 2, s, N, 0.1, 80, &err), 0, "fit the made-up recording");
	test_rel(f.t0_c, 30, 1e-12, "air %.4f C (made with 30)", f.t0_c);
	test_rel(f.r_k_per_w, 0.05, 1e-12, "R %.6f K/W (made with 0.05)", f.r_k_per_w);
	test_rel(f.tau_s, 5, 1e-3, "tau %.4f s (made with 5)", f.tau_s);
	test_abs(f.trace_rms_k, 0, 1e-3, "replay rms %.2g K", f.trace_rms_k);
	test_abs(thermal_replay_rms(&end_c, s, N, 30, 0.05, 5), 0, 1e-9, "the replay retraces it");
	test_abs(end_c, s[N - 1].temp_c, 1e-9, "and ends where it ended");
	for (i = 1; i < N; i++)
		s[i].temp_c = 30 + 0.05 * s[i].power_w;
	test_int(thermal_fit(&f, st, 2, s, N, 0.1, 80, &err), 0, "fit a die that follows at once");
	test_ok(isnan(f.tau_s), "no constant above the 0.1 s sampling: tau NaN");
	test_int(thermal_fit(&f, st, 1, s, N, 0.1, 80, &err), -ERR_INVAL, "one settled window: %s",
		 err.msg);
	err_clear(&err);
	st[1].power_w = 100;
	test_int(thermal_fit(&f, st, 2, s, N, 0.1, 80, &err), -ERR_INVAL, "no spread in draw: %s",
		 err.msg);
}

int main(void)
{
	heat_and_air();
	temperature();
	fit();
	return test_done();
}
