/*
 * power.c - power from activity, and what the wall sees.
 *
 * GPU: idle + (TDP - idle) * (a * u_mem + b * u_comp), the dynamic part
 * split between the memory system and the tensor units; a and b are fitted
 * by power_fit below to nvidia-smi samples taken while bench/measure ran
 * decode and prefill (tests/data/measure) and calibrate held its soaks
 * (tests/data/calibration).  Above the cap the firmware lowers clocks; dynamic
 * power of the compute part goes as f V^2 with V roughly proportional to f
 * in the DVFS range, so as f^3 (Weste & Harris, CMOS VLSI Design, 4th ed.,
 * sec. 5.1), which gives the clock a cap allows.  Efficiencies were
 * measured at the TDP cap, so speed is relative to that state.
 *
 * A cap below idle + the memory part's draw leaves the tensor units
 * nothing, and the stream itself slows: with the clocks at the bottom of
 * their range each byte moved costs the same energy, so the bandwidth
 * falls in proportion to the power left over idle,
 *     k = (cap - idle) / ((TDP - idle) a u_mem).
 * A published RTX 3090 sweep (tests/data/reference/power-limit.json)
 * shows both regimes: from 350 to 250 W the core clock falls and llama.cpp
 * decode holds (32.0 to 31.7 tok/s); at 200 and 150 W it falls with the
 * power over a floor (20.6, 8.3 tok/s: draw = 110 W + 4.3 J per token, a
 * straight line through all three capped points), while the memory clock
 * stays at 9501 MHz: the SMs, not the DRAM, slow the stream.
 */
#include <math.h>
#include <string.h>
#include <strings.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_interp.h>
#include <gsl/gsl_multifit.h>

#include "models/power.h"
#include "util/err.h"

/* Exponent of dynamic power in clock frequency (see above). */
#define DVFS_EXPONENT 3.0
/* The efficiency table's bounds on power_mem and power_comp
 * (data/schema.sql). */
#define POWER_COEF_MAX 2.0

/* The least speed a cap leaves (a cap at or below idle would leave none;
 * the CLI refuses those, bind/deploy.c). */
#define SPEED_FLOOR 0.05

/* Bandwidth fraction the power over idle buys the memory part under cap. */
static double bandwidth_at(const struct gpu_spec *g, double cap, double u_mem)
{
	double need = (g->tdp_w - g->idle_w) * g->eff.power_mem * u_mem;

	if (need <= 0 || cap - g->idle_w >= need)
		return 1.0;
	return fmax(0, cap - g->idle_w) / need;
}

/* Clock fraction at which the compute part fits under cap. */
static double clock_at(const struct gpu_spec *g, double cap, double u_mem,
		       double u_comp)
{
	double span = g->tdp_w - g->idle_w;
	double room = cap - g->idle_w - span * g->eff.power_mem * u_mem;
	double need = span * g->eff.power_comp * u_comp;

	if (need <= 0 || room >= need)
		return 1.0;
	if (room <= 0)
		return 0.0;
	return pow(room / need, 1.0 / DVFS_EXPONENT);
}

void power_gpu(struct power_gpu_result *out, const struct gpu_spec *g,
	       double cap_w, double u_mem, double u_comp)
{
	double span = g->tdp_w - g->idle_w;
	double cap = isnan(cap_w) ? g->tdp_w : fmin(cap_w, g->tdp_w);
	double demand = g->idle_w + span * (g->eff.power_mem * u_mem +
					    g->eff.power_comp * u_comp);
	double f_cap = clock_at(g, cap, u_mem, u_comp);
	double f_tdp = clock_at(g, g->tdp_w, u_mem, u_comp);

	double k_tdp = bandwidth_at(g, g->tdp_w, u_mem);

	out->w = fmin(demand, cap);
	out->clock_factor = f_tdp > 0 ? fmin(1.0, f_cap / f_tdp) : 1.0;
	if (out->clock_factor < SPEED_FLOOR)
		out->clock_factor = SPEED_FLOOR;
	/* relative to the calibrated state, as the clock */
	out->bw_factor = k_tdp > 0 ? fmin(1.0, bandwidth_at(g, cap, u_mem) / k_tdp) : 1.0;
	if (out->bw_factor < SPEED_FLOOR)
		out->bw_factor = SPEED_FLOOR;
	out->throttled = out->clock_factor < 1.0 || out->bw_factor < 1.0;
}

static double clamp_coef(double v)
{
	return fmin(POWER_COEF_MAX, fmax(0, v));
}

/* Least squares of (y - b u_comp) = a u_mem over the uncapped points with
 * b held: a closed form, sum(w x (y - b z)) / sum(w x x). */
static double fit_mem_only(const struct power_point *p, size_t n, double tdp_w, double b)
{
	double sxy = 0, sxx = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		double span = tdp_w - p[i].idle_w, wt, y;

		if (p[i].capped)
			continue;
		wt = span * span / (p[i].power_w * p[i].power_w);
		y = (p[i].power_w - p[i].idle_w) / span - b * p[i].u_comp;
		sxy += wt * p[i].u_mem * y;
		sxx += wt * p[i].u_mem * p[i].u_mem;
	}
	return sxx > 0 ? sxy / sxx : 0;
}

/* The least b at which every capped point's demand reaches the cap, with a
 * given; `fallback` when no capped point has tensor work. */
static double comp_floor(const struct power_point *p, size_t n, double a, double fallback)
{
	double b = -INFINITY;
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i].capped && p[i].u_comp > 0)
			b = fmax(b, (1 - a * p[i].u_mem) / p[i].u_comp);
	return isfinite(b) ? b : fallback;
}

/* Weighted least squares of a and b; *sd_b the standard error of b, NaN
 * when the residuals leave no degree of freedom. */
static int fit_both(double *a, double *b, double *sd_b, const struct power_point *p,
		    size_t n, size_t k, double tdp_w)
{
	gsl_multifit_linear_workspace *ws = gsl_multifit_linear_alloc(k, 2);
	gsl_matrix *X = gsl_matrix_alloc(k, 2), *cov = gsl_matrix_alloc(2, 2);
	gsl_vector *y = gsl_vector_alloc(k), *w = gsl_vector_alloc(k), *c = gsl_vector_alloc(2);
	double chisq;
	size_t i, j = 0;
	int status;

	for (i = 0; i < n; i++) {
		double span = tdp_w - p[i].idle_w;

		if (p[i].capped)
			continue;
		gsl_matrix_set(X, j, 0, p[i].u_mem);
		gsl_matrix_set(X, j, 1, p[i].u_comp);
		gsl_vector_set(y, j, (p[i].power_w - p[i].idle_w) / span);
		/* relative residuals: (model - P) / P = span (fit - y) / P */
		gsl_vector_set(w, j, span * span / (p[i].power_w * p[i].power_w));
		j++;
	}
	status = gsl_multifit_wlinear(X, w, y, c, cov, &chisq, ws);
	*a = gsl_vector_get(c, 0);
	*b = gsl_vector_get(c, 1);
	*sd_b = k > 2 ? sqrt(gsl_matrix_get(cov, 1, 1) * chisq / (double)(k - 2)) : NAN;
	gsl_multifit_linear_free(ws);
	gsl_matrix_free(X);
	gsl_matrix_free(cov);
	gsl_vector_free(y);
	gsl_vector_free(w);
	gsl_vector_free(c);
	return status;
}

int power_fit(struct power_fit_result *out, const struct power_point *p, size_t n,
	      double tdp_w, double comp_prior, struct err *err)
{
	double a, b, sd_b, sum = 0;
	size_t i, k = 0;
	int status, round;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n; i++) {
		if (!(p[i].power_w > 0) || !(tdp_w > p[i].idle_w) || !(p[i].idle_w >= 0) ||
		    !isfinite(p[i].u_mem) || !isfinite(p[i].u_comp))
			return err_set(err, ERR_INVAL, "power point %zu is not a draw between idle "
				       "and TDP", i);
		if (!p[i].capped)
			k++;
	}
	if (k < 2)
		return err_set(err, ERR_INVAL, "the power curve needs two draws the cap did not "
			       "hold, got %zu", k);
	if ((status = fit_both(&a, &b, &sd_b, p, n, k, tdp_w)) != GSL_SUCCESS)
		return err_set(err, ERR_NUMERIC, "power curve: %s", gsl_strerror(status));
	out->comp_fitted = isfinite(sd_b) && b > 0 && 2 * sd_b < b;
	if (!out->comp_fitted) {
		/* a from the memory-bound draws, b from the capped ones; each
		 * moves the other only through the small u_comp of the first
		 * and u_mem of the second, so two rounds settle them */
		b = comp_prior;
		for (round = 0; round < 2; round++) {
			a = fit_mem_only(p, n, tdp_w, b);
			b = comp_floor(p, n, a, comp_prior);
		}
		a = fit_mem_only(p, n, tdp_w, b);
	}
	out->power_mem = clamp_coef(a);
	out->power_comp = clamp_coef(b);
	out->n_fit = k;
	out->n = n;
	for (i = 0; i < n; i++) {
		double span = tdp_w - p[i].idle_w;
		double demand = p[i].idle_w + span * (out->power_mem * p[i].u_mem +
						      out->power_comp * p[i].u_comp);
		double e = fmin(demand, tdp_w) / p[i].power_w - 1;

		sum += e * e;
		out->max_abs = fmax(out->max_abs, fabs(e));
	}
	out->rms = sqrt(sum / (double)n);
	return 0;
}

double power_node_dc(const struct host_spec *h, size_t gpus, double gpu_w)
{
	double it = (double)gpus * gpu_w + h->cpu_tdp_w * h->cpu_load +
		    h->dimms * h->dimm_w + h->drives_w + h->nics_w;

	return it * (1 + h->fan_fraction);
}

int psu_efficiency(double *out, const struct psu_curve *c, double load,
		   struct err *err)
{
	gsl_interp *in;
	int status;

	if (c->n == 0)
		return err_set(err, ERR_INVAL, "no PSU efficiency curve");
	if (c->n == 1 || load <= c->load[0]) {
		*out = c->eff[0];
		return 0;
	}
	if (load >= c->load[c->n - 1]) {
		*out = c->eff[c->n - 1];
		return 0;
	}
	in = gsl_interp_alloc(gsl_interp_linear, c->n);
	status = gsl_interp_init(in, c->load, c->eff, c->n);
	if (status == GSL_SUCCESS)
		status = gsl_interp_eval_e(in, c->load, c->eff, load, NULL, out);
	gsl_interp_free(in);
	if (status != GSL_SUCCESS)
		return err_set(err, ERR_NUMERIC, "PSU efficiency curve: %s",
			       gsl_strerror(status));
	return 0;
}

size_t psu_units(double peak_w, double rated_w, enum psu_redundancy r)
{
	size_t n = (size_t)ceil(peak_w / rated_w);

	if (n == 0)
		n = 1;
	switch (r) {
	case PSU_NONE:
		return n;
	case PSU_N1:
		return n + 1;
	case PSU_N2:
		return n + 2;
	case PSU_2N:
		return 2 * n;
	}
	return n;
}

size_t psu_split_units(double host_w, double card_w, size_t cards, double rated_w)
{
	double first, per;

	if (!(host_w <= rated_w) || (cards > 0 && !(card_w <= rated_w)))
		return 0;
	if (cards == 0 || host_w + (double)cards * card_w <= rated_w)
		return 1;
	/* identical cards: the host's unit takes what fits beside it, every
	 * other unit the most whole cards it carries, which no split beats */
	first = floor((rated_w - host_w) / card_w);
	per = floor(rated_w / card_w);
	return 1 + (size_t)ceil(((double)cards - first) / per);
}

int psu_redundancy_parse(enum psu_redundancy *out, const char *s)
{
	static const struct { const char *name; enum psu_redundancy r; } t[] = {
		{ "none", PSU_NONE }, { "n+1", PSU_N1 }, { "n+2", PSU_N2 },
		{ "n+n", PSU_2N }, { "2n", PSU_2N },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (!strcasecmp(s, t[i].name)) {
			*out = t[i].r;
			return 0;
		}
	return -1;
}

const char *psu_redundancy_name(enum psu_redundancy r)
{
	switch (r) {
	case PSU_NONE: return "none";
	case PSU_N1: return "n+1";
	case PSU_N2: return "n+2";
	case PSU_2N: return "n+n";
	}
	return "none";
}
