/*
 * charts.h - the charts rigplan draws (generators/svg.c does the drawing):
 * a plan's candidates (capex against cost per million tokens, the Pareto
 * front filled), a simulation's latency percentiles, and a capacity
 * search's p99 latencies against load with the objectives.
 */
#ifndef RIGPLAN_GENERATORS_CHARTS_H
#define RIGPLAN_GENERATORS_CHARTS_H

#include <stddef.h>

#include "planner/plan.h"

struct sbuf;

void chart_plan(struct sbuf *sb, const struct plan_request *q, const struct plan_result *r);

/* The percentiles a latency's curve is drawn at, p1 to p99.9. */
#define CHART_PERCENTILES 14
extern const double chart_percentiles[CHART_PERCENTILES];

/* One latency of a simulation as the chart draws it (seconds). */
struct chart_latency {
	size_t n;                       /* requests measured; 0: not drawn */
	double at[CHART_PERCENTILES];   /* quantile at chart_percentiles[i] / 100 */
	double p1, p50, p99, p999;      /* quantiles 0.01, 0.5, 0.99, 0.999 */
};

/* TTFT, TPOT and end-to-end latency percentiles of one simulation. */
void chart_sim(struct sbuf *sb, const char *what, const struct chart_latency lat[3]);

/* One load a capacity search simulated: its p99s (s; infinite when it
 * never finished) and whether both met the objectives. */
struct chart_load {
	double qps, ttft_p99_s, tpot_p99_s;
	int pass;
};

/* p99 latencies against load (pts in the order run), with the objectives
 * and the highest rate that met them. */
void chart_capacity(struct sbuf *sb, const char *what, double ttft_p99_s, double tpot_p99_s,
		    const struct chart_load *pts, size_t n, double max_qps);

#endif
