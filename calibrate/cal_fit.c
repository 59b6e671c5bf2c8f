/*
 * cal_fit.c - a calibration record becomes the model's parameters
 * (cal_fit.h lists which, from what).
 *
 * The equations are the model's own (models/perf.c, models/power.c):
 *   GEMM time  t = kernel_s + (tm^p + tc^p)^(1/p),
 *              tm = bytes / (bw * datasheet bandwidth),
 *              tc = flops / (gemm * datasheet tensor rate);
 *   GPU power  P = idle + (TDP - idle) (a u_mem + b u_comp), with the
 *              utilisations taken at the sustained rates (so a soak held
 *              at the cap is the model's calibrated state).
 * Residuals are relative (t_model / t_measured - 1), so a 5 us GEMV counts
 * as much as a 2 ms GEMM.
 */
#include "calibrate/cal_fit.h"
#include "calibrate/ck_client.h"
#include "models/est.h"
#include "models/power.h"
#include "models/thermal.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Samples this soon after a soak starts still show the previous load. */
#define SETTLE_S 0.3
/* The heat soak's last seconds stand for its steady state. */
#define STEADY_S 2.0
/* A soak must draw this much over idle for the rise to say anything
 * (nvidia-smi reads whole degrees: 50 W x ~0.05 K/W is ~2.5 K). */
#define HEAT_SPAN_W 50.0

struct fitctx {
	const struct cal_record *rec;
	struct cat_gpu gpu;
	struct gpu_eff eff;     /* updated as the fit proceeds */
	double bw_peak, peak16, peak8;
};

void cal_fit_init(struct cal_fit *f)
{
	memset(f, 0, sizeof(*f));
	f->thermal_t0_c = f->heat_w = f->heat_c = f->heat_prior_c = NAN;
}

void cal_fit_release(struct cal_fit *f)
{
	free(f->rows);
	cal_fit_init(f);
}

static void note(struct cal_fit *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void note(struct cal_fit *f, const char *fmt, ...)
{
	va_list ap;

	if (f->nnotes == CAL_NOTES_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(f->notes[f->nnotes++], sizeof(f->notes[0]), fmt, ap);
	va_end(ap);
}

static struct cal_param *param(struct cal_fit *f, const char *name, double value,
			       double prior, double rms, size_t points, const char *from)
{
	struct cal_param *p = &f->p[f->n++];

	p->name = name;
	p->value = value;
	p->prior = prior;
	p->rms = rms;
	p->points = points;
	snprintf(p->from, sizeof(p->from), "%s", from);
	return p;
}

void cal_fit_add(struct cal_fit *f, const char *name, double value, double prior,
		 double rms, size_t points, const char *from)
{
	if (f->n < CAL_PARAMS_MAX)
		param(f, name, value, prior, rms, points, from);
}

static int usable_gemm(const struct cal_case *k, enum ck_dtype dt)
{
	return k->c.kind == CK_GEMM && !k->skipped && k->c.dtype == dt && k->r.median_s > 0;
}

/* The tensor rate the model gives a GEMM of this case's dtype. */
static double rate_of(const struct fitctx *c, const struct cal_case *k)
{
	return k->c.dtype == CK_FP8 ? c->eff.gemm_fp8 * c->peak8 : c->eff.gemm * c->peak16;
}

static double model_gemm(const struct fitctx *c, const struct cal_case *k)
{
	return perf_gemm_s(&c->eff, c->eff.bw * c->bw_peak, rate_of(c, k), k->r.bytes, k->r.flops);
}

/* ---- bw and kernel_s: t = kernel_s + bytes / (bw B), batch-1 GEMVs ---- */

static int fit_stream(struct cal_fit *f, struct fitctx *c, struct err *err)
{
	const struct cal_record *rec = c->rec;
	double *x = xcalloc(rec->ncases + 1, sizeof(double));
	double *y = xcalloc(rec->ncases + 1, sizeof(double));
	double *w = xcalloc(rec->ncases + 1, sizeof(double));
	double c0, c1, c00, c01, c11, chisq, prior_bw = c->eff.bw, prior_k = c->eff.kernel_s;
	size_t i, n = 0;
	int r = 0;

	for (i = 0; i < rec->ncases; i++) {
		const struct cal_case *k = &rec->cases[i];

		if (!usable_gemm(k, CK_BF16) || k->c.m != 1)
			continue;
		x[n] = k->r.bytes / c->bw_peak;
		y[n] = k->r.median_s;
		w[n] = 1 / (y[n] * y[n]);      /* relative residuals */
		n++;
	}
	if (n < 3) {
		r = err_set(err, ERR_PARSE, "the record has %zu batch-1 bf16 GEMVs; the "
			    "bandwidth fit needs at least 3", n);
		goto out;
	}
	gsl_fit_wlinear(x, 1, w, 1, y, 1, n, &c0, &c1, &c00, &c01, &c11, &chisq);
	if (!(c1 > 1)) {
		r = err_set(err, ERR_NUMERIC, "the GEMVs imply %.0f%% of the datasheet "
			    "bandwidth, more than all of it: is the catalog's bandwidth right?",
			    100 / c1);
		goto out;
	}
	if (c0 < 0) {   /* launch cost below resolution: fit through the origin */
		gsl_fit_wmul(x, 1, w, 1, y, 1, n, &c1, &c11, &chisq);
		c0 = 0;
	}
	c->eff.bw = 1 / c1;
	c->eff.kernel_s = c0;
	param(f, "bw", c->eff.bw, prior_bw, sqrt(chisq / (double)n), n,
	      "batch-1 bf16 GEMVs, weighted linear fit");
	param(f, "kernel_s", c0, prior_k, NAN, n, "intercept of the same fit");
out:
	free(x);
	free(y);
	free(w);
	return r;
}

/* ---- gemm, roofline_p (bf16) and gemm_fp8: nonlinear least squares ---- */

/* Whether the datasheet says compute takes longer than memory traffic. */
static int compute_bound(const struct fitctx *c, const struct cal_case *k)
{
	double rate = k->c.dtype == CK_FP8 ? c->peak8 : c->peak16;

	return k->r.flops / rate > k->r.bytes / c->bw_peak;
}

/*
 * The model's gemm is the rate sustained at the power cap (models/power.c
 * measures clocks relative to that state), while timed repeats are short
 * bursts at whatever clock the card had.  The longest soak of the dtype
 * says how much slower back-to-back running is than the burst fit
 * predicts: scale by it.
 */
static double sustained_ratio(const struct fitctx *c, enum ck_dtype dt, size_t *used)
{
	const struct cal_case *best = NULL;
	size_t i;

	for (i = 0; i < c->rec->ncases; i++) {
		const struct cal_case *k = &c->rec->cases[i];

		if (usable_gemm(k, dt) && compute_bound(c, k) && k->r.soak_runs > 0 &&
		    (!best || k->r.soak_end - k->r.soak_begin >
			      best->r.soak_end - best->r.soak_begin))
			best = k;
	}
	if (!best)
		return 1;
	*used = 1;
	return fmin(1, model_gemm(c, best) /
		       ((best->r.soak_end - best->r.soak_begin) / (double)best->r.soak_runs));
}

struct nl {
	struct fitctx *c;
	enum ck_dtype dt;
	const struct cal_case **k;
	size_t n;
	int fit_p;
};

static double logistic(double u)
{
	return 1 / (1 + exp(-u));
}

static void apply(struct nl *d, const gsl_vector *x)
{
	double g = logistic(gsl_vector_get(x, 0));

	if (d->dt == CK_FP8)
		d->c->eff.gemm_fp8 = g;
	else
		d->c->eff.gemm = g;
	if (d->fit_p)
		d->c->eff.roofline_p = fmin(50, 1 + exp(gsl_vector_get(x, 1)));
}

static int resid(const gsl_vector *x, void *data, gsl_vector *f)
{
	struct nl *d = data;
	size_t i;

	apply(d, x);
	for (i = 0; i < d->n; i++)
		gsl_vector_set(f, i, model_gemm(d->c, d->k[i]) / d->k[i]->r.median_s - 1);
	return GSL_SUCCESS;
}

static int fit_compute(struct cal_fit *f, struct fitctx *c, enum ck_dtype dt, struct err *err)
{
	const struct cal_record *rec = c->rec;
	const gsl_multifit_nlinear_type *T = gsl_multifit_nlinear_trust;
	gsl_multifit_nlinear_parameters params = gsl_multifit_nlinear_default_parameters();
	gsl_multifit_nlinear_fdf fdf;
	gsl_multifit_nlinear_workspace *w = NULL;
	struct nl d = { c, dt, NULL, 0, dt == CK_BF16 };
	double x0[2], prior_g = dt == CK_FP8 ? c->eff.gemm_fp8 : c->eff.gemm;
	double prior_p = c->eff.roofline_p, chisq;
	gsl_vector_view xv;
	size_t i, np = d.fit_p ? 2 : 1;
	int info = 0, st, r = 0;

	d.k = xcalloc(rec->ncases + 1, sizeof(*d.k));
	for (i = 0; i < rec->ncases; i++) {
		const struct cal_case *k = &rec->cases[i];

		/* fp8 is fitted where compute binds: its memory side is the bf16
		 * fit's, and cuBLASLt's fp8 GEMVs are not what engines run */
		if (usable_gemm(k, dt) && (dt != CK_FP8 || compute_bound(c, k)))
			d.k[d.n++] = k;
	}
	if (dt == CK_FP8 && (d.n == 0 || !(c->peak8 > 0))) {
		note(f, "gemm_fp8 not measured (%s): kept %.3g",
		     c->peak8 > 0 ? "no fp8 GEMM ran" : "no fp8 rate in the datasheet", prior_g);
		goto out;
	}
	if (d.n < np + 2) {
		r = err_set(err, ERR_PARSE, "the record has %zu %s GEMMs; the compute fit "
			    "needs at least %zu", d.n, ck_dtype_name(dt), np + 2);
		goto out;
	}
	/* start from the prior row, inside the parametrization's range */
	prior_g = fmin(fmax(isnan(prior_g) ? 0.6 : prior_g, 0.05), 0.95);
	x0[0] = log(prior_g / (1 - prior_g));
	x0[1] = log(fmax(prior_p - 1, 0.1));
	xv = gsl_vector_view_array(x0, np);
	fdf.f = resid;
	fdf.df = NULL;          /* finite differences */
	fdf.fvv = NULL;
	fdf.n = d.n;
	fdf.p = np;
	fdf.params = &d;
	w = gsl_multifit_nlinear_alloc(T, &params, d.n, np);
	gsl_multifit_nlinear_init(&xv.vector, &fdf, w);
	st = gsl_multifit_nlinear_driver(200, 1e-10, 1e-10, 0, NULL, NULL, &info, w);
	if (st != GSL_SUCCESS && st != GSL_EMAXITER) {
		r = err_set(err, ERR_NUMERIC, "the %s GEMM fit failed: %s", ck_dtype_name(dt),
			    gsl_strerror(st));
		goto out;
	}
	apply(&d, w->x);
	gsl_blas_ddot(w->f, w->f, &chisq);
	{
		size_t soaked = 0;
		double s = sustained_ratio(c, dt, &soaked);
		double *g = dt == CK_FP8 ? &c->eff.gemm_fp8 : &c->eff.gemm;

		if (soaked) {
			note(f, "%s GEMMs ran back to back at %.0f%% of the burst fit: "
			     "the fitted %.3g is scaled to %.3g (sustained at the cap)",
			     ck_dtype_name(dt), 100 * s, *g, *g * s);
			*g *= s;
		}
	}
	if (dt == CK_FP8) {
		param(f, "gemm_fp8", c->eff.gemm_fp8, prior_g, sqrt(chisq / (double)d.n), d.n,
		      "compute-bound fp8 GEMMs, nonlinear least squares (p held)");
	} else {
		param(f, "gemm", c->eff.gemm, prior_g, sqrt(chisq / (double)d.n), d.n,
		      "every bf16 GEMM, nonlinear least squares");
		param(f, "roofline_p", c->eff.roofline_p, prior_p, NAN, d.n, "the same fit");
	}
out:
	if (w)
		gsl_multifit_nlinear_free(w);
	free(d.k);
	return r;
}

/* ---- power ---- */

struct window {
	double power_w, temp_c, sm_mhz, sm_max_mhz, capped;
	size_t n;
};

/* Means over the samples in [t0, t1] (median clock). */
static void window_of(struct window *w, const struct cal_record *rec, double t0, double t1)
{
	double *mhz = xcalloc(rec->nsamples + 1, sizeof(double));
	size_t i;

	memset(w, 0, sizeof(*w));
	for (i = 0; i < rec->nsamples; i++) {
		const struct cal_sample *s = &rec->samples[i];

		if (s->t < t0 || s->t > t1 || isnan(s->g.power_w))
			continue;
		w->power_w += s->g.power_w;
		w->temp_c += s->g.temp_c;
		w->sm_max_mhz = s->g.sm_max_mhz;
		w->capped += s->g.power_capped;
		mhz[w->n++] = s->g.sm_mhz;
	}
	if (w->n) {
		w->power_w /= (double)w->n;
		w->temp_c /= (double)w->n;
		w->capped /= (double)w->n;
		gsl_sort(mhz, 1, w->n);
		w->sm_mhz = gsl_stats_median_from_sorted_data(mhz, 1, w->n);
	}
	free(mhz);
}

/* The model's utilisations of a soak: its memory and compute times over
 * the time one run took back to back. */
static void soak_util(double *um, double *uc, const struct gpu_eff *e, double bw_peak,
		      double peak16, double peak8, const struct cal_case *k)
{
	double per_run = (k->r.soak_end - k->r.soak_begin) / (double)k->r.soak_runs;
	double rate = k->c.dtype == CK_FP8 ? e->gemm_fp8 * peak8 : e->gemm * peak16;

	*um = fmin(1, k->r.bytes / (e->bw * bw_peak) / per_run);
	*uc = k->c.kind == CK_GEMM ? fmin(1, k->r.flops / rate / per_run) : 0;
}

size_t cal_fit_power_points(struct power_point *out, size_t max, const struct cal_record *rec,
			    const struct cat_gpu *gpu, const struct gpu_eff *e)
{
	double peak16 = !isnan(gpu->bf16_dense_flops) ? gpu->bf16_dense_flops :
			gpu->fp16_dense_flops;
	struct window iw, w;
	size_t i, n = 0;

	window_of(&iw, rec, rec->idle[0] + SETTLE_S, rec->idle[1]);
	if (iw.n == 0)
		return 0;
	for (i = 0; i < rec->ncases && n < max; i++) {
		const struct cal_case *k = &rec->cases[i];

		if (k->skipped || !(k->r.soak_end > k->r.soak_begin) || k->r.soak_runs < 1)
			continue;
		window_of(&w, rec, k->r.soak_begin + SETTLE_S, k->r.soak_end);
		if (w.n < 2)
			continue;
		/* utilisations at the sustained rates, so a capped soak sits at
		 * the calibrated state (clock factor 1 in models/power.c) */
		soak_util(&out[n].u_mem, &out[n].u_comp, e, gpu->memory_bandwidth_bytes_per_s,
			  peak16, gpu->fp8_dense_flops, k);
		out[n].power_w = w.power_w;
		out[n].idle_w = iw.power_w;
		/* the firmware said so in most of its samples */
		out[n].capped = 2 * w.capped > 1;
		n++;
	}
	return n;
}

static int fit_power(struct cal_fit *f, struct fitctx *c, struct err *err)
{
	const struct cal_record *rec = c->rec;
	double idle = c->gpu.idle_w, span = c->gpu.tdp_w - idle;
	double prior_a = c->eff.power_mem, prior_b = c->eff.power_comp;
	struct power_point *pts;
	struct power_fit_result pf;
	struct window iw;
	size_t n;
	int r;

	window_of(&iw, rec, rec->idle[0] + SETTLE_S, rec->idle[1]);
	if (iw.n == 0)
		return err_set(err, ERR_PARSE, "no nvidia-smi sample fell in the idle window");
	f->idle_w = iw.power_w;
	if (isnan(idle) || !(span > 0)) {
		note(f, "the catalog has no idle power for %s: power curve not fitted",
		     c->gpu.id);
		return 0;
	}
	pts = xcalloc(rec->ncases + 1, sizeof(*pts));
	n = cal_fit_power_points(pts, rec->ncases, rec, &c->gpu, &c->eff);
	r = power_fit(&pf, pts, n, c->gpu.tdp_w, prior_b, err);
	free(pts);
	if (r == -ERR_INVAL) {
		/* fewer than two soaks the cap did not hold */
		note(f, "power curve kept: %s", err->msg);
		err_clear(err);
		return 0;
	}
	if (r < 0)
		return r;
	c->eff.power_mem = pf.power_mem;
	c->eff.power_comp = pf.power_comp;
	param(f, "power_mem", c->eff.power_mem, prior_a, pf.rms, pf.n,
	      "soaks the cap did not hold, weighted least squares");
	param(f, "power_comp", c->eff.power_comp, prior_b, NAN, pf.n,
	      pf.comp_fitted ? "the same fit" :
	      "least value that takes every capped soak to the cap");
	return 0;
}

/* ---- the heat soak: throttling and the first-order thermal model ---- */

static void fit_heat(struct cal_fit *f, struct fitctx *c)
{
	const struct cal_record *rec = c->rec;
	const struct cal_case *heat = NULL;
	struct window iw, w, all;
	struct thermal_steady st[2];
	struct thermal_sample *tr;
	struct thermal_fit_result tf;
	struct err err = ERR_INIT;
	double prior_r = c->eff.thermal_r_k_per_w, prior_tau = c->eff.thermal_tau_s, span_s;
	size_t i, n = 0;

	f->thermal_t0_c = f->heat_w = f->heat_c = f->heat_prior_c = NAN;
	for (i = 0; i < rec->ncases; i++) {
		const struct cal_case *k = &rec->cases[i];

		if (!k->skipped && k->r.soak_end > k->r.soak_begin &&
		    (!heat || k->r.soak_end - k->r.soak_begin >
			      heat->r.soak_end - heat->r.soak_begin))
			heat = k;
	}
	if (!heat)
		return;
	window_of(&iw, rec, rec->idle[0] + SETTLE_S, rec->idle[1]);
	window_of(&all, rec, heat->r.soak_begin + SETTLE_S, heat->r.soak_end);
	window_of(&w, rec, heat->r.soak_end - STEADY_S, heat->r.soak_end);
	f->sustained_mhz = all.sm_mhz;
	f->max_mhz = all.sm_max_mhz;
	f->capped_fraction = all.capped;
	if (all.capped > 0)
		note(f, "the power cap held the clocks in %.0f%% of the %.0f s heat soak "
		     "(median %.0f of %.0f MHz, %.0f W)", 100 * all.capped,
		     heat->r.soak_end - heat->r.soak_begin, all.sm_mhz, all.sm_max_mhz,
		     all.power_w);
	else
		note(f, "no power-cap throttling in the %.0f s heat soak (%.0f W)",
		     heat->r.soak_end - heat->r.soak_begin, all.power_w);
	if (w.n < 2 || iw.n < 2 || !(w.power_w > iw.power_w + HEAT_SPAN_W))
		return;
	f->heat_w = w.power_w;
	f->heat_c = w.temp_c;
	/* what the row this replaces says of the soak, from this run's idle */
	if (!isnan(prior_r))
		f->heat_prior_c = iw.temp_c + prior_r * (w.power_w - iw.power_w);
	st[0] = (struct thermal_steady){ iw.power_w, iw.temp_c, (double)iw.n };
	st[1] = (struct thermal_steady){ w.power_w, w.temp_c, (double)w.n };
	tr = xcalloc(rec->nsamples + 1, sizeof(*tr));
	for (i = 0; i < rec->nsamples; i++)
		if (!isnan(rec->samples[i].g.power_w) && !isnan(rec->samples[i].g.temp_c))
			tr[n++] = (struct thermal_sample){ rec->samples[i].t,
				rec->samples[i].g.power_w, rec->samples[i].g.temp_c };
	span_s = n > 1 ? tr[n - 1].t_s - tr[0].t_s : 0;
	/* a constant shorter than the sampling interval, or longer than the
	 * run, is not one the samples can show */
	if (thermal_fit(&tf, st, 2, tr, n, n > 1 ? span_s / (double)(n - 1) : 0, span_s,
			&err) < 0) {
		note(f, "thermal model kept: %s", err.msg);
		free(tr);
		return;
	}
	free(tr);
	c->eff.thermal_r_k_per_w = tf.r_k_per_w;
	f->thermal_t0_c = tf.t0_c;
	param(f, "thermal_r_k_per_w", tf.r_k_per_w, prior_r, NAN, tf.n_steady,
	      "steady rise per watt, idle to the heat soak's end");
	if (!isnan(tf.tau_s)) {
		c->eff.thermal_tau_s = tf.tau_s;
		param(f, "thermal_tau_s", tf.tau_s, prior_tau, NAN, tf.n_trace,
		      "first-order replay of every sample, Brent");
		note(f, "thermal: air at the GPU %.1f C (zero-draw die), replay %.1f K rms",
		     tf.t0_c, tf.trace_rms_k);
	} else {
		note(f, "thermal_tau_s kept at %.3g: the %.0f s of samples do not resolve a "
		     "first-order constant; air at the GPU %.1f C", prior_tau, span_s, tf.t0_c);
	}
}

/* ---- measurement rows for validate ---- */

static struct cat_measurement *row(struct cal_fit *f, const struct cal_record *rec,
				   const char *workload, const char *metric, double value)
{
	struct cat_measurement *m;

	f->rows = xrealloc(f->rows, (f->nrows + 1) * sizeof(*f->rows));
	m = &f->rows[f->nrows++];
	memset(m, 0, sizeof(*m));
	m->m = m->n = m->k = m->size_bytes = m->pinned = CAT_NULL_INT;
	m->layers = m->batch = m->context = m->input_len = CAT_NULL_INT;
	snprintf(m->gpu_id, sizeof(m->gpu_id), "%s", rec->gpu_id);
	snprintf(m->workload, sizeof(m->workload), "%s", workload);
	snprintf(m->metric, sizeof(m->metric), "%s", metric);
	m->value = value;
	snprintf(m->source, sizeof(m->source), "rigplan calibrate on %.60s (%.100s, driver %.31s)",
		 rec->host, rec->dev.name, rec->driver);
	snprintf(m->as_of, sizeof(m->as_of), "%s", rec->date);
	return m;
}

static int seen(const struct cal_fit *f, const char *id)
{
	size_t i;

	for (i = 0; i < f->nrows; i++)
		if (strcmp(f->rows[i].id, id) == 0)
			return 1;
	return 0;
}

static void add_rows(struct cal_fit *f, const struct cal_record *rec)
{
	struct cat_measurement *m;
	char id[128];
	size_t i;

	if (f->idle_w > 0) {
		m = row(f, rec, "idle", "power_w", f->idle_w);
		snprintf(m->id, sizeof(m->id), "%s/idle/power", rec->gpu_id);
	}
	for (i = 0; i < rec->ncases; i++) {
		const struct cal_case *k = &rec->cases[i];
		const char *kind = ck_kind_name(k->c.kind);
		struct window w;

		if (k->skipped)
			continue;
		if (k->c.kind == CK_GEMM)
			snprintf(id, sizeof(id), "%s/gemm/%s/%ldx%ldx%ld", rec->gpu_id,
				 ck_dtype_name(k->c.dtype), k->c.m, k->c.n, k->c.k);
		else
			snprintf(id, sizeof(id), "%s/%s%s/%zu", rec->gpu_id, kind,
				 k->c.kind == CK_H2D || k->c.kind == CK_D2H ?
				 (k->c.pinned ? "-pinned" : "-pageable") : "", k->c.bytes);
		if (!seen(f, id)) {
			m = row(f, rec, kind, k->c.kind == CK_GEMM ? "time_s" : "bytes_per_s",
				k->c.kind == CK_GEMM ? k->r.median_s : k->r.bytes / k->r.median_s);
			snprintf(m->id, sizeof(m->id), "%s", id);
			if (k->c.kind == CK_GEMM) {
				snprintf(m->dtype, sizeof(m->dtype), "%s", ck_dtype_name(k->c.dtype));
				m->m = k->c.m;
				m->n = k->c.n;
				m->k = k->c.k;
			} else {
				m->size_bytes = (int64_t)k->c.bytes;
			}
			if (k->c.kind == CK_H2D || k->c.kind == CK_D2H)
				m->pinned = k->c.pinned;
		}
		if (!(k->r.soak_end > k->r.soak_begin))
			continue;
		window_of(&w, rec, k->r.soak_begin + SETTLE_S, k->r.soak_end);
		snprintf(id + strlen(id), sizeof(id) - strlen(id), "/power");
		if (w.n < 2 || seen(f, id))
			continue;
		m = row(f, rec, kind, "power_w", w.power_w);
		snprintf(m->id, sizeof(m->id), "%s", id);
		snprintf(m->dtype, sizeof(m->dtype), "%s",
			 k->c.kind == CK_GEMM ? ck_dtype_name(k->c.dtype) : "");
		if (k->c.kind == CK_GEMM) {
			m->m = k->c.m;
			m->n = k->c.n;
			m->k = k->c.k;
		} else {
			m->size_bytes = (int64_t)k->c.bytes;
		}
	}
}

int cal_fit_record(struct cal_fit *f, const struct cal_record *rec, struct cat *cat,
		   struct err *err)
{
	struct fitctx c;
	struct cat_efficiency prior;
	int r;

	cal_fit_init(f);
	memset(&c, 0, sizeof(c));
	c.rec = rec;
	if ((r = cat_gpu_find(&c.gpu, cat, rec->gpu_id, err)) < 0 ||
	    (r = cat_efficiency_for(&prior, cat, &c.gpu, err)) < 0)
		return err_prefix(err, "calibration of '%s'", rec->gpu_id);
	c.bw_peak = c.gpu.memory_bandwidth_bytes_per_s;
	c.peak16 = !isnan(c.gpu.bf16_dense_flops) ? c.gpu.bf16_dense_flops : c.gpu.fp16_dense_flops;
	c.peak8 = c.gpu.fp8_dense_flops;
	c.eff.bw = prior.bw;
	c.eff.kernel_s = prior.kernel_s;
	c.eff.gemm = prior.gemm;
	c.eff.gemm_fp8 = isnan(prior.gemm_fp8) ? prior.gemm : prior.gemm_fp8;
	c.eff.roofline_p = prior.roofline_p;
	c.eff.power_mem = prior.power_mem;
	c.eff.power_comp = prior.power_comp;
	c.eff.thermal_r_k_per_w = prior.thermal_r_k_per_w;
	c.eff.thermal_tau_s = prior.thermal_tau_s;
	if (!(c.peak16 > 0))
		return err_set(err, ERR_PARSE, "'%s' has no 16-bit tensor rate in the catalog",
			       rec->gpu_id);
	if ((r = fit_stream(f, &c, err)) < 0 ||
	    (r = fit_compute(f, &c, CK_BF16, err)) < 0 ||
	    (r = fit_compute(f, &c, CK_FP8, err)) < 0 ||
	    (r = fit_power(f, &c, err)) < 0) {
		cal_fit_release(f);
		return err_prefix(err, "calibration of '%s'", rec->gpu_id);
	}
	fit_heat(f, &c);
	param(f, "context_bytes", rec->dev.context_bytes, prior.context_bytes, NAN, 1,
	      "device memory the CUDA context took");
	add_rows(f, rec);

	f->eff = prior;
	snprintf(f->eff.id, sizeof(f->eff.id), "%s", rec->gpu_id);
	snprintf(f->eff.name, sizeof(f->eff.name), "%.60s, calibrated %s", c.gpu.name, rec->date);
	snprintf(f->eff.scope, sizeof(f->eff.scope), "gpu");
	f->eff.bw = c.eff.bw;
	f->eff.kernel_s = c.eff.kernel_s;
	f->eff.gemm = c.eff.gemm;
	f->eff.gemm_fp8 = c.eff.gemm_fp8;
	f->eff.roofline_p = c.eff.roofline_p;
	f->eff.power_mem = c.eff.power_mem;
	f->eff.power_comp = c.eff.power_comp;
	f->eff.thermal_r_k_per_w = c.eff.thermal_r_k_per_w;
	f->eff.thermal_tau_s = c.eff.thermal_tau_s;
	f->eff.context_bytes = rec->dev.context_bytes;
	snprintf(f->eff.source, sizeof(f->eff.source),
		 "rigplan calibrate on %.60s: %zu cases, %zu nvidia-smi samples, driver %.31s, "
		 "CUDA %.15s; other fields from '%.40s'", rec->host, rec->ncases, rec->nsamples,
		 rec->driver, rec->cuda, prior.id);
	snprintf(f->eff.as_of, sizeof(f->eff.as_of), "%s", rec->date);
	return 0;
}

json_t *cal_fit_json(const struct cal_record *rec, const struct cal_fit *f)
{
	json_t *o = json_object(), *params = json_array(), *notes = json_array();
	json_t *cases = json_array();
	size_t i;

	json_object_set_new(o, "gpu", json_string(rec->gpu_id));
	json_object_set_new(o, "device", json_string(rec->dev.name));
	json_object_set_new(o, "driver", json_string(rec->driver));
	json_object_set_new(o, "cuda", json_string(rec->cuda));
	json_object_set_new(o, "host", json_string(rec->host));
	json_object_set_new(o, "date", json_string(rec->date));
	json_object_set_new(o, "samples", json_integer((json_int_t)rec->nsamples));
	for (i = 0; i < rec->ncases; i++) {
		const struct cal_case *k = &rec->cases[i];
		json_t *c = json_pack("{s:s,s:s}", "kind", ck_kind_name(k->c.kind), "label", k->label);

		if (k->c.kind == CK_GEMM) {
			json_object_set_new(c, "dtype", json_string(ck_dtype_name(k->c.dtype)));
			json_object_set_new(c, "m", json_integer(k->c.m));
			json_object_set_new(c, "n", json_integer(k->c.n));
			json_object_set_new(c, "k", json_integer(k->c.k));
		} else {
			json_object_set_new(c, "size_bytes", json_integer((json_int_t)k->c.bytes));
		}
		if (k->skipped) {
			json_object_set_new(c, "skipped", json_string(k->note));
		} else {
			json_object_set_new(c, "median_s", json_real(k->r.median_s));
			json_object_set_new(c, "bytes_per_s", json_real(k->r.bytes / k->r.median_s));
			if (k->r.flops > 0)
				json_object_set_new(c, "flops_per_s", json_real(k->r.flops / k->r.median_s));
		}
		json_array_append_new(cases, c);
	}
	json_object_set_new(o, "measured", cases);
	for (i = 0; i < f->n; i++) {
		const struct cal_param *p = &f->p[i];
		json_t *j = json_pack("{s:s,s:f,s:i,s:s}", "name", p->name, "value", p->value,
				      "points", (json_int_t)p->points, "from", p->from);

		json_object_set_new(j, "prior", isnan(p->prior) ? json_null() : json_real(p->prior));
		json_object_set_new(j, "rms_relative_error",
				    isnan(p->rms) ? json_null() : json_real(p->rms));
		json_array_append_new(params, j);
	}
	json_object_set_new(o, "fitted", params);
	json_object_set_new(o, "idle_w", json_real(f->idle_w));
	json_object_set_new(o, "heat_soak_sm_mhz", json_real(f->sustained_mhz));
	json_object_set_new(o, "max_sm_mhz", json_real(f->max_mhz));
	json_object_set_new(o, "heat_soak_capped_fraction", json_real(f->capped_fraction));
	json_object_set_new(o, "thermal", json_pack("{s:o,s:o,s:o,s:o}",
		"air_c", isnan(f->thermal_t0_c) ? json_null() : json_real(f->thermal_t0_c),
		"heat_soak_w", isnan(f->heat_w) ? json_null() : json_real(f->heat_w),
		"heat_soak_c", isnan(f->heat_c) ? json_null() : json_real(f->heat_c),
		"prior_predicts_c", isnan(f->heat_prior_c) ? json_null() :
				    json_real(f->heat_prior_c)));
	for (i = 0; i < f->nnotes; i++)
		json_array_append_new(notes, json_string(f->notes[i]));
	json_object_set_new(o, "notes", notes);
	return o;
}

int cal_fit_store(struct cat *cat, const struct cal_record *rec, const struct cal_fit *f,
		  struct err *err)
{
	json_t *j = json_object(), *p = json_object();
	char *text;
	size_t i;
	int r;

	for (i = 0; i < f->n; i++)
		json_object_set_new(p, f->p[i].name, json_real(f->p[i].value));
	json_object_set_new(j, "fitted", p);
	json_object_set_new(j, "idle_w", json_real(f->idle_w));
	text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	r = cat_calibration_save(cat, &f->eff, rec->dev.name, rec->driver, rec->cuda, rec->host,
				 rec->quick, rec->ncases, rec->nsamples, text, f->rows, f->nrows,
				 err);
	free(text);
	return r;
}
