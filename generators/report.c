/*
 * report.c - see report.h.
 */
#include "generators/report.h"
#include "models/defaults.h"
#include "generators/charts.h"
#include "generators/svg.h"
#include "util/sbuf.h"
#include "util/units.h"

#include <math.h>
#include <stdio.h>
#include <string.h>


const double report_load_fractions[REPORT_LOADS] = { 0.25, 0.5, 0.75, 1.0, 1.25, 1.5 };

static void text(struct sbuf *sb, const char *s)
{
	svg_text(sb, s);    /* the same five entities serve HTML */
}

/* Candidates' p99 `which` (0 TTFT, 1 TPOT) against the whole plan's load. */
static void curve_chart(struct sbuf *sb, const struct report_data *d, int which)
{
	struct svg_axis x = { "load (requests/s, whole plan)", 0, -INFINITY, 0 };
	struct svg_axis y = { which ? "p99 time per output token (s)" : "p99 time to first token (s)",
			      INFINITY, -INFINITY, 1 };
	double objective = which ? d->q->tpot_p99_s : d->q->ttft_p99_s;
	struct svg_plot p;
	char title[160], label[160];
	size_t i, k;

	for (i = 0; i < d->ncurves; i++)
		for (k = 0; k < REPORT_LOADS; k++) {
			double v = which ? d->curves[i].tpot[k] : d->curves[i].ttft[k];

			x.hi = fmax(x.hi, d->curves[i].qps[k]);
			if (v > 0 && isfinite(v)) {
				y.lo = fmin(y.lo, v);
				y.hi = fmax(y.hi, v);
			}
		}
	y.lo = fmin(y.lo, objective);
	y.hi = fmax(y.hi, objective);
	snprintf(title, sizeof(title), "p99 %s against load (simulated)", which ? "TPOT" : "TTFT");
	svg_begin(&p, sb, 900, 420, title, &x, &y);
	svg_axes(&p);
	svg_hline(&p, objective, "#cc0000", "objective");
	for (i = 0; i < d->ncurves; i++) {
		const struct report_curve *cv = &d->curves[i];
		const struct plan_candidate *c = &d->c[cv->rank - 1];

		svg_line(&p, cv->qps, which ? cv->tpot : cv->ttft, REPORT_LOADS, svg_color(i), 0);
		for (k = 0; k < REPORT_LOADS; k++) {
			double v = which ? cv->tpot[k] : cv->ttft[k];

			svg_point(&p, cv->qps[k], v, svg_color(i), v <= objective, NULL);
		}
		snprintf(label, sizeof(label), "#%zu %zu x %s %s", cv->rank, c->gpu_count, c->gpu,
			 c->precision);
		svg_legend(&p, svg_color(i), 1, label);
	}
	svg_legend(&p, "#333333", 0, "hollow: misses");
	svg_end(&p);
}

static void memory_chart(struct sbuf *sb, const struct report_data *d)
{
	const struct plan_gpu_memory *m = &d->mem;
	double kv = m->max_batch * m->kv_per_seq_bytes;
	struct svg_bar_segment seg[5] = {
		{ "weights", m->weights_bytes / UNIT_GIB },
		{ "KV cache", kv / UNIT_GIB },
		{ "activations", m->activation_bytes / UNIT_GIB },
		{ "runtime", m->overhead_bytes / UNIT_GIB },
		{ "free", 0 },
	};
	const struct svg_bar_segment *rows[1] = { seg };
	const char *names[1] = { "one GPU" };
	size_t nsegs[1] = { 5 };
	char title[200];

	seg[4].value = fmax(0, (m->capacity_bytes - m->weights_bytes - kv - m->activation_bytes -
				m->overhead_bytes) / UNIT_GIB);
	snprintf(title, sizeof(title), "Memory of one %.60s: KV cache for %.0f sequences of %.0f tokens",
		 d->c[0].gpu, m->max_batch, d->q->input_len + d->q->output_len);
	svg_bars(sb, title, "GiB", m->capacity_bytes / UNIT_GIB * 1.05, names, rows, nsegs, 1,
		 "GPU memory", m->capacity_bytes / UNIT_GIB);
}

static void power_chart(struct sbuf *sb, const struct report_data *d)
{
	const struct plan_node *n = &d->c[0].node;
	struct svg_bar_segment peak[1] = { { "DC peak (GPUs at TDP)", n->peak_w } };
	struct svg_bar_segment typ[1] = { { "at the wall, planned load", n->typical_w } };
	const struct svg_bar_segment *rows[2] = { peak, typ };
	const char *names[2] = { "peak", "planned load" };
	size_t nsegs[2] = { 1, 1 };
	double max = fmax(n->psu_capacity_w, fmax(n->peak_w, n->typical_w)) * 1.1;
	char title[200];

	snprintf(title, sizeof(title), "Power of one %.60s node: %zu PSUs of %.0f W (%s)",
		 n->chassis, n->psus, n->psu_rated_w, n->psu_redundancy);
	svg_bars(sb, title, "W", max, names, rows, nsegs, 2, "PSU capacity without redundancy",
		 n->psu_capacity_w);
}

/* "&ge; " before a figure that counts priced parts only. */
static const char *ge(const struct plan_candidate *c)
{
	return c->unpriced_parts ? "&ge; " : "";
}

static void candidates_table(struct sbuf *sb, const struct report_data *d)
{
	size_t i;

	sbuf_addstr(sb, "<table>\n<tr><th>#</th><th>GPUs</th><th>tp x pp</th><th>format</th>"
		    "<th>engine</th><th>replicas</th><th>nodes</th><th>capex (USD)</th>"
		    "<th>USD per M tokens</th><th>p99 TTFT (s)</th><th>p99 TPOT (s)</th>"
		    "<th>power (W)</th><th>why</th></tr>\n");
	for (i = 0; i < d->n; i++) {
		const struct plan_candidate *c = &d->c[i];

		sbuf_addf(sb, "<tr><td>%zu%s</td><td>%zu x ", i + 1, c->pareto ? "*" : "", c->gpu_count);
		text(sb, c->gpu);
		sbuf_addf(sb, "</td><td>%zu x %zu</td><td>", c->tp, c->pp);
		text(sb, c->precision);
		sbuf_addstr(sb, "</td><td>");
		text(sb, c->engine);
		sbuf_addf(sb, "</td><td>%zu</td><td>%zu</td><td class=\"n\">%s%.0f</td>"
			  "<td class=\"n\">%s%.4f</td><td class=\"n\">%.3f</td><td class=\"n\">%.4f</td>"
			  "<td class=\"n\">%.0f</td><td>", c->replicas, c->nodes, ge(c), c->capex_usd,
			  ge(c), c->usd_per_million_tokens, c->ttft_p99_s, c->tpot_p99_s, c->power_w);
		text(sb, c->why);
		sbuf_addstr(sb, "</td></tr>\n");
	}
	sbuf_addstr(sb, "</table>\n<p class=\"note\">* on the Pareto front (capex, cost per million "
		    "tokens, p99 TTFT, power). &ge;: priced parts only, a line of the bill has no "
		    "price.</p>\n");
}

static void bom_table(struct sbuf *sb, const struct plan_candidate *c)
{
	double total = 0;
	size_t i, unpriced = 0;

	sbuf_addstr(sb, "<table>\n<tr><th>part</th><th>qty</th><th>item</th><th>unit (USD)</th>"
		    "<th>extended (USD)</th><th>price source</th><th>as of</th></tr>\n");
	for (i = 0; i < c->nparts; i++) {
		const struct plan_part *p = &c->parts[i];

		sbuf_addstr(sb, "<tr><td>");
		text(sb, p->role);
		sbuf_addf(sb, "</td><td class=\"n\">%zu</td><td>", p->qty);
		text(sb, p->name);
		if (isnan(p->unit_usd)) {
			unpriced++;
			sbuf_addstr(sb, "</td><td>no sourced price</td><td></td><td></td><td></td></tr>\n");
			continue;
		}
		total += p->unit_usd * (double)p->qty;
		sbuf_addf(sb, "</td><td class=\"n\">%.2f</td><td class=\"n\">%.2f</td><td>",
			  p->unit_usd, p->unit_usd * (double)p->qty);
		text(sb, p->price_source);
		sbuf_addstr(sb, "</td><td>");
		text(sb, p->price_as_of);
		sbuf_addstr(sb, "</td></tr>\n");
	}
	sbuf_addf(sb, "<tr><th colspan=\"4\">total of priced lines</th><th class=\"n\">%.2f</th>"
		  "<th colspan=\"2\">%zu line%s without a sourced price</th></tr>\n</table>\n", total,
		  unpriced, unpriced == 1 ? "" : "s");
}

void report_html(struct sbuf *sb, const struct report_data *d)
{
	const struct plan_candidate *b = &d->c[0];
	struct plan_request rq;
	struct plan_result pr;
	char title[256];

	snprintf(title, sizeof(title), "rigplan: %.60s at %g requests/s, %.0f + %.0f tokens", d->q->model,
		 d->q->qps, d->q->input_len, d->q->output_len);
	sbuf_addstr(sb, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	text(sb, title);
	sbuf_addstr(sb, "</title>\n<style>\n"
		"body { font-family: sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }\n"
		"table { border-collapse: collapse; margin: 1em 0; font-size: 13px; }\n"
		"th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; }\n"
		"td.n { text-align: right; font-variant-numeric: tabular-nums; }\n"
		"svg { display: block; margin: 1em 0; max-width: 100%; height: auto; }\n"
		".note { color: #555; font-size: 13px; }\n"
		"</style>\n</head>\n<body>\n<h1>");
	text(sb, title);
	sbuf_addf(sb, "</h1>\n<p>Objectives: p99 time to first token at most %g s, p99 time per "
		  "output token at most %g s. Best: %zu x ", d->q->ttft_p99_s, d->q->tpot_p99_s,
		  b->gpu_count);
	text(sb, b->gpu_name);
	sbuf_addf(sb, ", %s, ", b->precision);
	text(sb, b->engine);
	sbuf_addf(sb, ", %zu replica%s on %zu node%s; %.4f USD per million output tokens.</p>\n",
		  b->replicas, b->replicas == 1 ? "" : "s", b->nodes, b->nodes == 1 ? "" : "s",
		  b->usd_per_million_tokens);

	sbuf_addstr(sb, "<h2>Candidates</h2>\n");
	memset(&rq, 0, sizeof(rq));
	rq.model = d->q->model;
	rq.qps = d->q->qps;
	rq.ttft_p99_s = d->q->ttft_p99_s;
	rq.tpot_p99_s = d->q->tpot_p99_s;
	memset(&pr, 0, sizeof(pr));
	pr.c = (struct plan_candidate *)d->c;
	pr.n = d->n;
	chart_plan(sb, &rq, &pr);
	candidates_table(sb, d);

	sbuf_addstr(sb, "<h2>Latency against load</h2>\n<p class=\"note\">Each of the top "
		    "candidates simulated at a quarter to one and a half times the planned load "
		    "(fixed lengths, Poisson arrivals); filled points meet the objective.</p>\n");
	curve_chart(sb, d, 0);
	curve_chart(sb, d, 1);

	sbuf_addstr(sb, "<h2>Memory</h2>\n");
	memory_chart(sb, d);

	sbuf_addstr(sb, "<h2>Power and heat</h2>\n");
	power_chart(sb, d);
	sbuf_addf(sb, "<p>Heat to remove at peak: %.0f BTU/h per node (%.0f W); airflow for a %.0f K "
		  "rise: %.0f CFM. Cold load of the weights %.1f s, warm %.1f s.</p>\n",
		  b->node.heat_btu_per_h, b->node.heat_btu_per_h / UNIT_W_TO_BTU_PER_H,
		  host_default(HOST_AIR_RISE_K), b->node.airflow_cfm, b->node.load_cold_s,
		  b->node.load_warm_s);

	sbuf_addstr(sb, "<h2>Bill of materials</h2>\n");
	bom_table(sb, b);
	sbuf_addstr(sb, "<p class=\"note\">Generated by rigplan from the plan file; every price "
		    "names its source and date.</p>\n</body>\n</html>\n");
}
