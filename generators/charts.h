/*
 * charts.h - the charts rigplan draws (generators/svg.c does the drawing):
 * a plan's candidates (capex against cost per million tokens, the Pareto
 * front filled), a simulation's latency percentiles, and a capacity
 * search's p99 latencies against load with the objectives.
 */
#ifndef RIGPLAN_GENERATORS_CHARTS_H
#define RIGPLAN_GENERATORS_CHARTS_H

#include "sim/capacity.h"
#include "sim/plan.h"
#include "sim/sim.h"

struct sbuf;

void chart_plan(struct sbuf *sb, const struct plan_request *q, const struct plan_result *r);
void chart_sim(struct sbuf *sb, const char *what, const struct sim_result *r);
void chart_capacity(struct sbuf *sb, const char *what, const struct capacity_opts *o,
		    const struct capacity_result *r);

#endif
