/*
 * report.h - `rigplan report`: one self-contained HTML page for a plan (no
 * scripts, no fonts or images to fetch), with SVG charts drawn by rigplan:
 * the candidates' cost (Pareto front marked), p99 TTFT and TPOT against
 * load for the top candidates, one GPU's memory, the chosen node's power
 * and heat, and its bill of materials.  The data come from the plan file
 * and from sim/ (the curves and the memory); this only writes text.
 */
#ifndef RIGPLAN_GENERATORS_REPORT_H
#define RIGPLAN_GENERATORS_REPORT_H

#include "planner/plan.h"

struct sbuf;

#define REPORT_LOADS 6
#define REPORT_CURVES 3

/* Fractions of the planned load each curve is simulated at. */
extern const double report_load_fractions[REPORT_LOADS];

struct report_curve {
	size_t rank;                    /* 1-based, in the plan */
	double qps[REPORT_LOADS];       /* whole plan, requests/s */
	double ttft[REPORT_LOADS], tpot[REPORT_LOADS];  /* p99, s */
};

struct report_data {
	const struct plan_json_request *q;
	const struct plan_candidate *c;     /* best first */
	size_t n;
	struct report_curve curves[REPORT_CURVES];
	size_t ncurves;
	struct plan_gpu_memory mem;         /* one GPU of the best candidate */
};

void report_html(struct sbuf *sb, const struct report_data *d);

#endif
