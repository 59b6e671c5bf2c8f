/*
 * t_power.c - power.c and its PSU curve: a GPU's draw from how busy it is and its cap,
 * a node's draw at the wall, PSU efficiency between the 80 PLUS points, each against a case worked by hand in
 * the comment above it.
 */
#include "tests/testlib.h"
#include "models/est.h"
#include "models/power.h"
#include "util/err.h"

#include <math.h>
#include <string.h>

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
 * Decode-like, u_mem 0.9, u_comp 0.01, on the card above: the memory part
 * draws 580 x 0.8 x 0.9 = 417.6 W over idle, so it fits under any cap
 * above 537.6 W.  At 600 W the tensor units' 5.8 W fit too: no throttle.
 * At 540.5 W they get 2.9 W of 5.8: f = 0.5^(1/3) = 0.7937, the stream
 * untouched.  At 400 W the stream gets 280 W of its 417.6: bandwidth
 * 0.67050, and the tensor units nothing (the 0.05 floor).  Below idle,
 * both at the floor.  The slowdown then stretches each part: comp 2 s at
 * f 0.5 takes 4 s, mem 6 s at bandwidth 0.8 takes 7.5 s, 10 s become 13.5.
 */
static void cap_memory(void)
{
	struct gpu_spec g;
	struct power_gpu_result r;
	struct perf_result p;

	gpu_of(&g);
	power_gpu(&r, &g, 600, 0.9, 0.01);
	test_ok(!r.throttled && r.clock_factor == 1 && r.bw_factor == 1, "600 W: no throttle");
	power_gpu(&r, &g, 540.5, 0.9, 0.01);
	test_rel(r.clock_factor, cbrt(0.5), 1e-9, "540.5 W: clock %.4f (worked 0.7937)",
		 r.clock_factor);
	test_ok(r.bw_factor == 1, "540.5 W: the stream untouched");
	power_gpu(&r, &g, 400, 0.9, 0.01);
	test_rel(r.bw_factor, 280 / 417.6, 1e-12, "400 W: bandwidth %.5f (worked 0.67050)",
		 r.bw_factor);
	test_rel(r.clock_factor, 0.05, 1e-12, "400 W: tensor units at the floor");
	test_rel(r.w, 400, 1e-12, "400 W: draws the cap");
	power_gpu(&r, &g, 100, 0.9, 0.01);
	test_ok(r.bw_factor == 0.05 && r.clock_factor == 0.05, "below idle: both at the floor");
	memset(&p, 0, sizeof(p));
	p.time_s = 10;
	p.mem_s = 6;
	p.comp_s = 2;
	perf_apply_clock(&p, 0.5, 0.8);
	test_rel(p.time_s, 13.5, 1e-12, "stretched to %.2f s (worked 13.5)", p.time_s);
	test_rel(p.mem_s, 7.5, 1e-12, "memory part 7.5 s");
	test_rel(p.comp_s, 4, 1e-12, "compute part 4 s");
	p.time_s = 10.1;
	perf_apply_clock(&p, 1, 1);
	test_ok(p.time_s == 10.1, "f = bw = 1: unchanged to the bit");
}

/*
 * Draws made from a = 0.7, b = 1.3, idle 100 W, TDP 700 W (span 600 W):
 * (0.7, 0) 394 W, (0.9, 0.01) 485.8 W, (0.8, 0.2) 592 W, (0.8, 0.3) 670 W,
 * all under the cap, give a and b back exactly, with b known (four points,
 * no residual); a capped point (0.05, 1) wants 100 + 600 x 1.335 = 901 W,
 * is not fitted, and is predicted at the 700 W it drew.
 * With the two memory-bound draws alone b cannot be seen: it becomes the
 * least value that takes the capped point to the cap, (1 - 0.7 x 0.05) / 1
 * = 0.965, and a is refitted beside it (0.7 - 0.01 x (0.965 - 1.3) / 0.9 x
 * weights: within 0.3% of 0.7).
 */
static void fit_curve(void)
{
	struct power_point p[] = {
		{ 0.7, 0, 394, 100, 0 }, { 0.9, 0.01, 485.8, 100, 0 },
		{ 0.8, 0.2, 592, 100, 0 }, { 0.8, 0.3, 670, 100, 0 },
		{ 0.05, 1, 700, 100, 1 },
	};
	struct power_point q[] = { p[0], p[1], p[4] };
	struct power_point bad[] = { p[0], p[4] };
	struct power_fit_result f;
	struct err err = ERR_INIT;

	test_int(power_fit(&f, p, 5, 700, 1.0, &err), 0, "fit five draws");
	test_rel(f.power_mem, 0.7, 1e-9, "a back: %.6f", f.power_mem);
	test_rel(f.power_comp, 1.3, 1e-9, "b back: %.6f", f.power_comp);
	test_ok(f.comp_fitted, "b known from the uncapped draws");
	test_int((long)f.n_fit, 4, "four fitted, the capped one not");
	test_abs(f.max_abs, 0, 1e-9, "every draw, the capped one at the cap, exact");
	test_int(power_fit(&f, q, 3, 700, 1.0, &err), 0, "fit two memory-bound draws and a capped one");
	test_ok(!f.comp_fitted, "b not seen by memory-bound draws");
	test_rel(f.power_mem, 0.7, 3e-3, "a %.4f (worked 0.7)", f.power_mem);
	test_rel(f.power_comp, 1 - f.power_mem * 0.05, 1e-6,
		 "b %.4f: the least that takes the capped point to the cap", f.power_comp);
	test_int(power_fit(&f, bad, 2, 700, 1.0, &err), -ERR_INVAL, "one uncapped draw: %s", err.msg);
	err_clear(&err);
	bad[0].power_w = NAN;
	test_int(power_fit(&f, bad, 2, 700, 1.0, &err), -ERR_INVAL, "a draw that is not a number: %s",
		 err.msg);
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

int main(void)
{
	gpu_power();
	cap_memory();
	fit_curve();
	node_power();
	psu_curve();
	return test_done();
}
