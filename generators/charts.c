/*
 * charts.c - see charts.h.
 */
#include "generators/charts.h"
#include "generators/svg.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Labels of points closer than this (px) would overlap: they are merged. */
#define LABEL_NEAR_X 60
#define LABEL_NEAR_Y 14

void chart_plan(struct sbuf *sb, const struct plan_request *q, const struct plan_result *r)
{
	struct svg_axis x = { "capex of the whole plan (USD, priced parts)", INFINITY, -INFINITY, 1 };
	struct svg_axis y = { "cost per million output tokens (USD)", INFINITY, -INFINITY, 1 };
	struct svg_plot p;
	char title[200], label[160];
	size_t i;
	int pass;

	for (i = 0; i < r->n; i++) {
		x.lo = fmin(x.lo, r->c[i].capex_usd);
		x.hi = fmax(x.hi, r->c[i].capex_usd);
		y.lo = fmin(y.lo, r->c[i].usd_per_million_tokens);
		y.hi = fmax(y.hi, r->c[i].usd_per_million_tokens);
	}
	if (r->n == 0)
		x.lo = x.hi = y.lo = y.hi = 1;
	snprintf(title, sizeof(title), "%s at %g requests/s: candidates meeting p99 TTFT <= %g s, "
		 "TPOT <= %g s", q->model, q->qps, q->ttft_p99_s, q->tpot_p99_s);
	svg_begin(&p, sb, 900, 480, title, &x, &y);
	svg_axes(&p);
	/* dominated candidates first, so the front is drawn on top */
	for (pass = 0; pass < 2; pass++)
	for (i = 0; i < r->n; i++) {
		const struct plan_candidate *c = &r->c[i];
		double X, Y, X2, Y2;
		size_t j, k;

		if (c->pareto != pass)
			continue;
		/* candidates whose labels would overlap share the first one's */
		svg_xy(&p, c->capex_usd, c->usd_per_million_tokens, &X, &Y);
		for (j = 0; j < i; j++) {
			svg_xy(&p, r->c[j].capex_usd, r->c[j].usd_per_million_tokens, &X2, &Y2);
			if (fabs(X - X2) < LABEL_NEAR_X && fabs(Y - Y2) < LABEL_NEAR_Y)
				break;
		}
		if (j < i) {
			svg_point(&p, c->capex_usd, c->usd_per_million_tokens,
				  svg_color(c->pareto ? 0 : 1), c->pareto, NULL);
			continue;
		}
		snprintf(label, sizeof(label), "#%zu %zu x %s %s", i + 1, c->gpu_count, c->gpu,
			 c->precision);
		for (k = i + 1; k < r->n; k++) {
			svg_xy(&p, r->c[k].capex_usd, r->c[k].usd_per_million_tokens, &X2, &Y2);
			if (fabs(X - X2) < LABEL_NEAR_X && fabs(Y - Y2) < LABEL_NEAR_Y)
				snprintf(label + strlen(label), sizeof(label) - strlen(label), "%s#%zu",
					 strchr(label, '+') ? "," : " (+", k + 1);
		}
		if (strchr(label, '+'))
			snprintf(label + strlen(label), sizeof(label) - strlen(label), " near)");
		svg_point(&p, c->capex_usd, c->usd_per_million_tokens, svg_color(c->pareto ? 0 : 1),
			  c->pareto, label);
	}
	svg_legend(&p, svg_color(0), 1, "Pareto front");
	svg_legend(&p, svg_color(1), 0, "dominated");
	svg_end(&p);
}

const double chart_percentiles[CHART_PERCENTILES] = {
	1, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99, 99.9
};

/* p1 to p99.9 of a latency, as a curve. */
static void percentiles(struct svg_plot *p, const struct chart_latency *q, const char *color,
			const char *name)
{
	if (q->n == 0)
		return;
	svg_line(p, chart_percentiles, q->at, CHART_PERCENTILES, color, 0);
	svg_point(p, 50, q->p50, color, 1, NULL);
	svg_point(p, 99, q->p99, color, 1, NULL);
	svg_legend(p, color, 1, name);
}

void chart_sim(struct sbuf *sb, const char *what, const struct chart_latency lat[3])
{
	struct svg_axis x = { "percentile of requests", 0, 100, 0 };
	struct svg_axis y = { "latency (s)", INFINITY, -INFINITY, 1 };
	struct svg_plot p;
	size_t i;

	for (i = 0; i < 3; i++)
		if (lat[i].n) {
			y.lo = fmin(y.lo, lat[i].p1);
			y.hi = fmax(y.hi, lat[i].p999);
		}
	if (!(y.lo > 0))
		y.lo = 1e-3;
	if (!(y.hi > y.lo))
		y.hi = y.lo * 10;
	svg_begin(&p, sb, 900, 480, what, &x, &y);
	svg_axes(&p);
	percentiles(&p, &lat[0], svg_color(0), "time to first token");
	percentiles(&p, &lat[1], svg_color(1), "time per output token");
	percentiles(&p, &lat[2], svg_color(2), "end to end");
	svg_end(&p);
}

void chart_capacity(struct sbuf *sb, const char *what, double ttft_p99_s, double tpot_p99_s,
		    const struct chart_load *pts, size_t n, double max_qps)
{
	struct svg_axis x = { "load (requests/s)", 0, -INFINITY, 0 };
	struct svg_axis y = { "p99 latency (s), worst of the seeds", INFINITY, -INFINITY, 1 };
	double *qx = xcalloc(n + 1, sizeof(*qx)), *t = xcalloc(n + 1, sizeof(*t));
	double *d = xcalloc(n + 1, sizeof(*d));
	size_t i, j, *idx = xcalloc(n + 1, sizeof(*idx));
	struct svg_plot p;
	char label[64];

	/* in order of load, for the lines */
	for (i = 0; i < n; i++)
		idx[i] = i;
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && pts[idx[j]].qps < pts[idx[j - 1]].qps; j--) {
			size_t tmp = idx[j];

			idx[j] = idx[j - 1];
			idx[j - 1] = tmp;
		}
	for (i = 0; i < n; i++) {
		const struct chart_load *pt = &pts[idx[i]];

		qx[i] = pt->qps;
		t[i] = isfinite(pt->ttft_p99_s) ? pt->ttft_p99_s : NAN;
		d[i] = isfinite(pt->tpot_p99_s) ? pt->tpot_p99_s : NAN;
		x.hi = fmax(x.hi, pt->qps);
		if (t[i] > 0) {
			y.lo = fmin(y.lo, t[i]);
			y.hi = fmax(y.hi, t[i]);
		}
		if (d[i] > 0) {
			y.lo = fmin(y.lo, d[i]);
			y.hi = fmax(y.hi, d[i]);
		}
	}
	y.lo = fmin(y.lo, fmin(ttft_p99_s, tpot_p99_s));
	y.hi = fmax(y.hi, fmax(ttft_p99_s, tpot_p99_s));
	if (!(x.hi > 0))
		x.hi = 1;
	svg_begin(&p, sb, 900, 480, what, &x, &y);
	svg_axes(&p);
	svg_hline(&p, ttft_p99_s, svg_color(0), "TTFT objective");
	svg_hline(&p, tpot_p99_s, svg_color(1), "TPOT objective");
	svg_line(&p, qx, t, n, svg_color(0), 0);
	svg_line(&p, qx, d, n, svg_color(1), 0);
	for (i = 0; i < n; i++) {
		int pass = pts[idx[i]].pass;

		svg_point(&p, qx[i], t[i], svg_color(0), pass, NULL);
		svg_point(&p, qx[i], d[i], svg_color(1), pass, NULL);
	}
	svg_legend(&p, svg_color(0), 1, "p99 TTFT");
	svg_legend(&p, svg_color(1), 1, "p99 TPOT");
	svg_legend(&p, "#333333", 0, "hollow: misses");
	snprintf(label, sizeof(label), "max %.3g requests/s", max_qps);
	svg_legend(&p, "#333333", 1, label);
	svg_end(&p);
	free(qx);
	free(t);
	free(d);
	free(idx);
}
