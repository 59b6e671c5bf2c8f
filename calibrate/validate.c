/*
 * validate.c - predictions for stored measurements (validate.h).
 *
 * Each measurement is predicted from the catalog as any estimate would
 * be (deploy_build: the GPU's datasheet and its current efficiency row,
 * calibrated or not), with the model's own functions:
 *   gemm time_s      perf_gemm_s over that shape's bytes and FLOPs
 *   gemm power_w     power_gpu at that GEMM's utilisations
 *   copy, triad      the achieved bandwidth, bw x datasheet
 *   copy power_w     power_gpu with the memory system busy
 *   idle power_w     the catalog's idle draw
 *   h2d, d2h         pinned: PCIe per direction x the pcie link's
 *                    efficiency; pageable: the loader's staged rate
 *                    (bind/deploy.c, 0.26 of PCIe)
 *   decode, prefill  perf_decode / perf_prefill (and power_gpu for
 *                    their power), with `layers` of the model when set
 */
#include "calibrate/validate.h"
#include "models/est.h"
#include "models/power.h"
#include "bind/deploy.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <gsl/gsl_fit.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* bind/deploy.c's staged (pageable) host-to-device rate, as a share of PCIe */
#define PAGEABLE_SHARE 0.26

static int build(struct deploy *d, struct cat *cat, const struct cat_measurement *m,
		 const struct cat_efficiency *eff, struct err *err)
{
	struct deploy_request q = DEPLOY_REQUEST_INIT;

	q.model = m->model_id[0] ? m->model_id : "llama-3.1-8b";
	q.gpu = m->gpu_id;
	q.work.batch = 1;
	q.work.context = 128;
	if (deploy_build(d, cat, &q, err) < 0 || (eff && deploy_use_efficiency(d, eff, err) < 0))
		return err_prefix(err, "measurement '%s'", m->id);
	if (m->layers != CAT_NULL_INT && (size_t)m->layers != d->llm.layers) {
		/* a measurement of some of the model's layers: count them, do not
		 * scale to the card's parameter total */
		d->llm.layers = (size_t)m->layers;
		d->llm.params_total = 0;
		if (est_model_init(&d->in.model, &d->llm, d->wf, d->kf, &d->gspec, &d->dspec,
				   err) < 0)
			return err_prefix(err, "measurement '%s'", m->id);
	}
	return 0;
}

static double gemm_rate(const struct gpu_spec *g, const char *dtype)
{
	double peak16 = isnan(g->bf16_flops) ? g->fp16_flops : g->bf16_flops;

	if (strcmp(dtype, "fp8") == 0)
		return isnan(g->fp8_flops) ? NAN : g->fp8_flops * g->eff.gemm_fp8;
	return peak16 * g->eff.gemm;
}

static void predict_gemm(struct val_row *v, const struct gpu_spec *g)
{
	const struct cat_measurement *m = &v->m;
	double es = strcmp(m->dtype, "fp8") == 0 ? 1 : 2;
	double M = (double)m->m, N = (double)m->n, K = (double)m->k;
	double bytes = (M * K + N * K) * es + M * N * 2, flops = 2 * M * N * K;
	double bw = g->bw_bytes_per_s * g->eff.bw, rate = gemm_rate(g, m->dtype);
	double t = perf_gemm_s(&g->eff, bw, rate, bytes, flops);
	struct power_gpu_result p;

	if (strcmp(m->metric, "time_s") == 0) {
		v->predicted = t;
		return;
	}
	power_gpu(&p, g, NAN, fmin(1, bytes / bw / t), fmin(1, flops / rate / t));
	v->predicted = p.w;
}

static int predict(struct val_row *v, struct deploy *d, struct cat *cat, struct err *err)
{
	const struct cat_measurement *m = &v->m;
	const struct gpu_spec *g = &d->gspec;
	struct power_gpu_result pw;
	struct perf_result p;
	struct cat_link link;
	int power = strcmp(m->metric, "power_w") == 0;

	v->predicted = NAN;
	if (strcmp(m->workload, "idle") == 0) {
		v->predicted = g->idle_w;
	} else if (strcmp(m->workload, "copy") == 0 || strcmp(m->workload, "triad") == 0) {
		if (power) {
			power_gpu(&pw, g, NAN, 1, 0);
			v->predicted = pw.w;
		} else {
			v->predicted = g->bw_bytes_per_s * g->eff.bw;
		}
	} else if (strcmp(m->workload, "gemm") == 0) {
		predict_gemm(v, g);
	} else if (strcmp(m->workload, "h2d") == 0 || strcmp(m->workload, "d2h") == 0) {
		if (m->pinned == 1) {
			int r = cat_find(&link, cat, CAT_LINK, "pcie-p2p", err);

			if (r < 0)
				return r;
			v->predicted = g->pcie_bytes_per_s * link.efficiency;
		} else {
			v->predicted = g->pcie_bytes_per_s * PAGEABLE_SHARE;
		}
	} else if (strcmp(m->workload, "decode") == 0 || strcmp(m->workload, "prefill") == 0) {
		if (m->batch == CAT_NULL_INT ||
		    (m->workload[0] == 'd' ? m->context : m->input_len) == CAT_NULL_INT)
			return 0;
		if (m->workload[0] == 'd')
			perf_decode(&p, &d->in.model, (double)m->batch, (double)m->context);
		else
			perf_prefill(&p, &d->in.model, (double)m->batch, (double)m->input_len);
		if (power) {
			power_gpu(&pw, g, NAN, p.u_mem, p.u_comp);
			v->predicted = pw.w;
		} else {
			v->predicted = p.time_s;
		}
	}
	return 0;
}

int validate_run(struct val_row **rows, size_t *n, struct cat *cat, struct err *err)
{
	struct cat_measurement *ms = NULL;
	struct deploy *d = xcalloc(1, sizeof(*d));
	char built_gpu[CAT_ID_MAX] = "", built_model[CAT_ID_MAX] = "";
	int64_t built_layers = CAT_NULL_INT;
	size_t nm = 0, i;
	int r;

	*rows = NULL;
	*n = 0;
	if ((r = cat_measurements(&ms, &nm, cat, err)) < 0)
		goto out;
	*rows = xcalloc(nm + 1, sizeof(**rows));
	for (i = 0; i < nm; i++) {
		struct val_row *v = &(*rows)[i];
		const char *model = ms[i].model_id[0] ? ms[i].model_id : "llama-3.1-8b";

		v->m = ms[i];
		if (strcmp(built_gpu, ms[i].gpu_id) || strcmp(built_model, model) ||
		    built_layers != ms[i].layers) {
			if ((r = build(d, cat, &ms[i], NULL, err)) < 0)
				goto out;
			snprintf(built_gpu, sizeof(built_gpu), "%s", ms[i].gpu_id);
			snprintf(built_model, sizeof(built_model), "%s", model);
			built_layers = ms[i].layers;
		}
		if ((r = predict(v, d, cat, err)) < 0)
			goto out;
		v->error = v->predicted / v->m.value - 1;
	}
	*n = nm;
out:
	if (r < 0) {
		free(*rows);
		*rows = NULL;
	}
	free(ms);
	free(d);
	return r;
}

void validate_summarize(struct val_summary **out, size_t *n, const struct val_row *rows,
			size_t nrows)
{
	size_t i, j, cap = 0;

	*out = NULL;
	*n = 0;
	for (i = 0; i < nrows; i++) {
		const struct val_row *v = &rows[i];
		struct val_summary *s = NULL;
		char what[64];
		double e = fabs(v->error);

		if (isnan(v->predicted))
			continue;
		snprintf(what, sizeof(what), "%s %s", v->m.workload, v->m.metric);
		for (j = 0; j < *n && !s; j++)
			if (!strcmp((*out)[j].gpu, v->m.gpu_id) && !strcmp((*out)[j].what, what))
				s = &(*out)[j];
		if (!s) {
			*out = xgrow(*out, &cap, *n + 1, sizeof(**out));
			s = &(*out)[(*n)++];
			memset(s, 0, sizeof(*s));
			snprintf(s->gpu, sizeof(s->gpu), "%s", v->m.gpu_id);
			snprintf(s->what, sizeof(s->what), "%s", what);
		}
		s->n++;
		s->mean_abs += e;
		s->rms += e * e;
		s->max_abs = fmax(s->max_abs, e);
	}
	for (j = 0; j < *n; j++) {
		(*out)[j].mean_abs /= (double)(*out)[j].n;
		(*out)[j].rms = sqrt((*out)[j].rms / (double)(*out)[j].n);
	}
}

/*
 * Decode step = GEMMs and attention (all that calibrate measures) plus
 * layers x layer_s + step_s (norms, rotary, residuals, sampling: what it
 * does not).  With the calibrated kernels held, those two are linear in
 * the residual time: weighted least squares (weights 1/t^2) over the
 * GPU's end-to-end decode rows.
 */
int validate_refit_decode(struct cat_efficiency *eff, size_t *used, double *rms,
			  struct cat *cat, struct err *err)
{
	struct cat_measurement *ms = NULL;
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct cat_efficiency bare = *eff;
	double *x = NULL, *y = NULL, *w = NULL, *t = NULL;
	double c0, c1, c00, c01, c11, chisq, sq = 0;
	size_t nm = 0, n = 0, i;
	int r;

	*used = 0;
	*rms = NAN;
	bare.layer_s = bare.step_s = 0;
	if ((r = cat_measurements(&ms, &nm, cat, err)) < 0)
		goto out;
	x = xcalloc(nm + 1, sizeof(double));
	y = xcalloc(nm + 1, sizeof(double));
	w = xcalloc(nm + 1, sizeof(double));
	t = xcalloc(nm + 1, sizeof(double));
	for (i = 0; i < nm; i++) {
		const struct cat_measurement *m = &ms[i];
		struct perf_result p;

		if (strcmp(m->gpu_id, eff->id) || strcmp(m->workload, "decode") ||
		    strcmp(m->metric, "time_s") || m->batch == CAT_NULL_INT ||
		    m->context == CAT_NULL_INT)
			continue;
		if ((r = build(d, cat, m, &bare, err)) < 0)
			goto out;
		perf_decode(&p, &d->in.model, (double)m->batch, (double)m->context);
		x[n] = (double)d->llm.layers;
		t[n] = m->value;
		y[n] = m->value - p.time_s;
		w[n] = 1 / (m->value * m->value);
		n++;
	}
	if (n < 3)
		goto out;   /* too few: keep the row's overheads */
	gsl_fit_wlinear(x, 1, w, 1, y, 1, n, &c0, &c1, &c00, &c01, &c11, &chisq);
	if (c0 < 0) {           /* no per-step cost left: per layer only */
		gsl_fit_wmul(x, 1, w, 1, y, 1, n, &c1, &c11, &chisq);
		c0 = 0;
	}
	if (c1 < 0) {           /* no per-layer cost left: per step only */
		double sw = 0, swy = 0;

		for (i = 0; i < n; i++) {
			sw += w[i];
			swy += w[i] * y[i];
		}
		c1 = 0;
		c0 = fmax(0, swy / sw);
	}
	eff->layer_s = fmin(c1, 0.0099);
	eff->step_s = fmin(c0, 0.099);
	for (i = 0; i < n; i++) {
		double e = (t[i] - y[i] + eff->step_s + x[i] * eff->layer_s) / t[i] - 1;

		sq += e * e;
	}
	*used = n;
	*rms = sqrt(sq / (double)n);
out:
	free(x);
	free(y);
	free(w);
	free(t);
	free(ms);
	free(d);
	return r;
}
