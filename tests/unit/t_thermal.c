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

int main(void)
{
	heat_and_air();
	temperature();
	return test_done();
}
