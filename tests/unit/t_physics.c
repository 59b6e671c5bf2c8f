/*
 * t_physics.c - power, PSU, heat, airflow, GPU temperature, load time,
 * cost, the roofline's smooth maximum and the prefill queue, each against
 * a case worked by hand in the comment above it.
 */
#include "tests/testlib.h"
#include "models/cost.h"
#include "models/est.h"
#include "models/queue.h"
#include "models/power.h"
#include "models/storage.h"
#include "models/thermal.h"
#include "util/err.h"

#include <math.h>
#include <string.h>

#define GiB 1073741824.0

/* An H100-like card: idle 120 W, TDP 700 W, span 580 W; a = 0.8, b = 1. */
static void gpu_of(struct gpu_spec *g)
{
	memset(g, 0, sizeof(*g));
	g->idle_w = 120;
	g->tdp_w = 700;
	g->eff.power_mem = 0.8;
	g->eff.power_comp = 1.0;
}

/*
 * Decode-like: u_mem 0.5, u_comp 0.1: 120 + 580 (0.8 x 0.5 + 0.1) = 410 W.
 * Prefill-like: u_mem 0.2, u_comp 0.8: 120 + 580 (0.16 + 0.8) = 676.8 W,
 * under the TDP, so not throttled.  Capped at 500 W: the memory part keeps
 * 580 x 0.16 = 92.8 W, the compute part gets 500 - 120 - 92.8 = 287.2 W of
 * the 464 W it wants; power goes as f^3, so f = (287.2 / 464)^(1/3) =
 * 0.8522, and the card draws the cap.
 * Saturated (1, 1): demand 1164 W, held at 700 W; the calibration ran in
 * that same state, so the clock factor relative to it is 1.
 */
static void gpu_power(void)
{
	struct gpu_spec g;
	struct power_gpu_result r;

	gpu_of(&g);
	power_gpu(&r, &g, NAN, 0.5, 0.1);
	test_rel(r.w, 410, 1e-12, "decode-like draw 410 W");
	test_ok(!r.throttled && r.clock_factor == 1, "decode-like: full clocks");
	power_gpu(&r, &g, NAN, 0.2, 0.8);
	test_rel(r.w, 676.8, 1e-12, "prefill-like draw 676.8 W");
	test_ok(!r.throttled, "prefill-like under the TDP: not throttled");
	power_gpu(&r, &g, 500, 0.2, 0.8);
	test_rel(r.w, 500, 1e-12, "capped at 500 W");
	test_rel(r.clock_factor, cbrt(287.2 / 464), 1e-12, "clock factor %.4f (worked 0.8522)",
		 r.clock_factor);
	test_ok(r.throttled, "capped: throttled");
	power_gpu(&r, &g, NAN, 1, 1);
	test_rel(r.w, 700, 1e-12, "saturated: held at the TDP");
	test_rel(r.clock_factor, 1, 1e-12, "saturated at the TDP: the calibrated state");
	power_gpu(&r, &g, 900, 0.5, 0.1);
	test_rel(r.w, 410, 1e-12, "a cap above the TDP changes nothing");
}

/*
 * An 8-GPU node: 8 x 500 W + CPUs 720 W x 0.5 + 16 DIMMs x 6 W + drives
 * 25 W + NICs 100 W = 4581 W of IT load, fans 8% more: 4947.48 W.
 */
static void node_power(void)
{
	struct host_spec h = { 720, 0.5, 16, 6, 25, 100, 0.08 };

	test_rel(power_node_dc(&h, 8, 500), 4947.48, 1e-12, "8-GPU node 4947.48 W DC");
}

/*
 * 80 PLUS Titanium, 230 V internal redundant: 90% at 10% load, 94% at 20%,
 * 96% at 50%, 91% at 100%.  At 35%: 0.94 + 0.02 x 0.15 / 0.3 = 0.950; at
 * 75%: 0.96 - 0.05 x 0.25 / 0.5 = 0.935; outside the points the nearest
 * point holds.
 */
static void psu_curve(void)
{
	struct psu_curve c = { { 0.1, 0.2, 0.5, 1.0 }, { 0.90, 0.94, 0.96, 0.91 }, 4 };
	struct psu_curve empty = { { 0 }, { 0 }, 0 };
	struct err err = ERR_INIT;
	double e = 0;

	test_ok(psu_efficiency(&e, &c, 0.35, &err) == 0 && fabs(e - 0.950) < 1e-12,
		"35%% load: %.4f (worked 0.950)", e);
	test_ok(psu_efficiency(&e, &c, 0.75, &err) == 0 && fabs(e - 0.935) < 1e-12,
		"75%% load: %.4f (worked 0.935)", e);
	test_ok(psu_efficiency(&e, &c, 0.5, &err) == 0 && fabs(e - 0.96) < 1e-12, "at a point: 0.96");
	test_ok(psu_efficiency(&e, &c, 0.02, &err) == 0 && fabs(e - 0.90) < 1e-12, "below: 0.90");
	test_ok(psu_efficiency(&e, &c, 1.3, &err) == 0 && fabs(e - 0.91) < 1e-12, "above: 0.91");
	test_int(psu_efficiency(&e, &empty, 0.5, &err), -ERR_INVAL, "no curve: ERR_INVAL");
	/* N+1 on 2000 W units: 4947.48 W needs ceil(2.47) = 3, plus 1 */
	test_int((int64_t)psu_units(4947.48, 2000, PSU_N1), 4, "4947 W on 2000 W units, N+1: 4");
	test_int((int64_t)psu_units(4000, 2000, PSU_N1), 3, "exactly 2 units' worth, N+1: 3");
	test_int((int64_t)psu_units(0, 2000, PSU_NONE), 1, "no load still takes one unit");
}

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
 * 100 GB of weights from a 7 GB/s drive (0.1 ms to first byte) onto 2
 * GPUs taking 10 GB/s each: the drive is the bottleneck, 1e-4 + 100 / 7 =
 * 14.2858 s cold; warm from the page cache 100 / 20 = 5 s (128 GiB of RAM,
 * 8 reserved, holds it).  One GPU taking 5 GB/s: that link limits, 20 s.
 * 64 GiB of RAM with a materializing loader: 100e9 - 56 GiB = 39.87 GB
 * spill, written at 6 GB/s and read at 7: +6.645 + 5.696 = +12.341 s.
 * A 1 GB KV restore: 1e-4 + 1 / 7 = 0.142957 s.
 */
static void load_times(void)
{
	struct storage_spec s = { 7e9, 6e9, 1e-4, 128 * GiB, 8 * GiB, 10e9, 0 };
	struct load_result r;
	double spill = 100e9 - 56 * GiB;

	storage_load(&r, &s, 100e9, 2);
	test_rel(r.cold_s, 1e-4 + 100.0 / 7, 1e-12, "cold %.4f s (worked 14.2858)", r.cold_s);
	test_rel(r.warm_s, 5, 1e-12, "warm 5 s");
	test_ok(r.cache_fits && r.swap_bytes == 0, "page cache holds it, no swap");
	s.h2d_bytes_per_s = 5e9;
	storage_load(&r, &s, 100e9, 1);
	test_rel(r.cold_s, 1e-4 + 20, 1e-12, "one slow link: 20 s");
	s.h2d_bytes_per_s = 10e9;
	s.ram_bytes = 64 * GiB;
	s.materialize = 1;
	storage_load(&r, &s, 100e9, 2);
	test_rel(r.swap_bytes, spill, 1e-12, "%.2f GB to swap (worked 39.87)", r.swap_bytes / 1e9);
	test_rel(r.cold_s, 1e-4 + 100.0 / 7 + spill / 6e9 + spill / 7e9, 1e-12,
		 "cold with swap %.3f s (worked 26.627)", r.cold_s);
	test_ok(!r.cache_fits && r.warm_s == r.cold_s, "no page cache: warm = cold");
	test_rel(storage_kv_restore_s(&s, 1e9), 0.142957, 1e-5, "1 GB KV restore 0.142957 s");
}

/*
 * $30,000 over 3 years = 30000 / (3 x 8766) = 1.140771 $/h; 1000 W at the
 * wall x PUE 1.56 x $0.127/kWh = 0.19812 $/h; 1000 tokens/s at 50%
 * utilization = 1.8 M tokens/h: (1.140771 + 0.19812) / 1.8 = 0.743828 $
 * per million, of which energy 0.110067; 1000 tokens/s / 1000 W = 1 token
 * per joule.  Renting at $2/h instead: (2 + 0.19812) / 1.8 = 1.221178.
 */
static void cost(void)
{
	struct cost_spec c = { 30000, 3, 0.127, 1.56, 0.5, NAN };
	struct cost_result r;

	cost_eval(&r, &c, 1000, 1000);
	test_rel(r.capex_usd_per_h, 1.140771, 1e-6, "capex 1.140771 $/h");
	test_rel(r.energy_usd_per_h, 0.19812, 1e-12, "energy 0.19812 $/h");
	test_rel(r.usd_per_million_tokens, 0.743828, 1e-6, "%.6f $/M tokens (worked 0.743828)",
		 r.usd_per_million_tokens);
	test_rel(r.energy_usd_per_million_tokens, 0.110067, 1e-5, "energy 0.110067 $/M tokens");
	test_rel(r.tokens_per_joule, 1, 1e-12, "1 token per joule");
	c.rent_usd_per_h = 2;
	cost_eval(&r, &c, 1000, 1000);
	test_rel(r.usd_per_million_tokens, 1.221178, 1e-6, "rented: 1.221178 $/M tokens");
	c.capex_usd = NAN;
	c.rent_usd_per_h = NAN;
	cost_eval(&r, &c, 1000, 1000);
	test_ok(isnan(r.usd_per_million_tokens), "no price: no $/M tokens");
	test_rel(r.energy_usd_per_million_tokens, 0.110067, 1e-5, "no price: energy still known");
}

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
	roofline();
	md1();
	gpu_power();
	node_power();
	psu_curve();
	heat_and_air();
	temperature();
	load_times();
	cost();
	return test_done();
}
