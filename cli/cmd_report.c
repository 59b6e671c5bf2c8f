/*
 * cmd_report.c - `rigplan report --plan FILE.json --out FILE.html`: reads
 * a plan, simulates its top candidates across loads and lays out one GPU's
 * memory (planner/inspect.c), and writes the page (generators/report.c).
 * Parsing, calling and writing only.
 */
#include "catalog/cat.h"
#include "cli/cmd.h"
#include "cli/out.h"
#include "cli/progress.h"
#include "planner/plan_file.h"
#include "generators/report.h"
#include "util/err.h"
#include "util/fileio.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { O_PLAN = 256, O_OUT, O_REQUESTS, O_SEED };

/* Plans are kilobytes; a megabyte-sized one is not a plan. */
#define PLAN_FILE_MAX (16u << 20)
#define REPORT_CANDIDATES_MAX 100

struct report_opts {
	const char *plan, *out;
	size_t requests;
	unsigned long seed;
};

static int on_opt(int id, const char *arg, void *data, struct err *err)
{
	struct report_opts *o = data;
	size_t v;

	switch (id) {
	case O_PLAN: o->plan = arg; return 0;
	case O_OUT: o->out = arg; return 0;
	case O_REQUESTS: return opt_size(&o->requests, "--requests", arg, 100, 1000000, err);
	case O_SEED:
		if (opt_size(&v, "--seed", arg, 0, (size_t)1 << 31, err) < 0)
			return -1;
		o->seed = (unsigned long)v;
		return 0;
	}
	return err_set(err, ERR_INVAL, "unhandled option");
}

static const struct opt_spec report_opts_table[] = {
	{ "plan", 0, required_argument, O_PLAN, "FILE", "the plan (rigplan plan --json or --out)" },
	{ "out", 0, required_argument, O_OUT, "FILE", "the HTML page to write" },
	{ "requests", 0, required_argument, O_REQUESTS, "N", "requests per simulated load (default 1000)" },
	{ "seed", 0, required_argument, O_SEED, "S", "random seed of the simulations (default 1)" },
	OPT_END
};

static int build_report(struct report_data *d, struct plan_candidate *c, struct cat *cat,
			const struct report_opts *o, struct err *err)
{
	struct plan_request q;
	struct progress bar;
	size_t i, k;
	int r = 0;

	plan_request_init(&q);
	q.model = d->q->model;
	q.qps = d->q->qps;
	q.input_len = d->q->input_len;
	q.output_len = d->q->output_len;
	q.ttft_p99_s = d->q->ttft_p99_s;
	q.tpot_p99_s = d->q->tpot_p99_s;
	q.sim_requests = o->requests;
	q.seed = o->seed;
	d->ncurves = d->n < REPORT_CURVES ? d->n : REPORT_CURVES;
	progress_init(&bar, "simulating loads");
	for (i = 0; i < d->ncurves && r == 0; i++) {
		struct report_curve *cv = &d->curves[i];
		double per[REPORT_LOADS];

		cv->rank = i + 1;
		for (k = 0; k < REPORT_LOADS; k++) {
			cv->qps[k] = report_load_fractions[k] * d->q->qps;
			per[k] = cv->qps[k] / (double)c[i].replicas;
		}
		progress_update(&bar, NULL, i, d->ncurves);
		r = plan_candidate_curve(cv->ttft, cv->tpot, per, REPORT_LOADS, cat, &q, &c[i], err);
	}
	progress_end(&bar);
	if (r == 0)
		r = plan_candidate_memory(&d->mem, cat, &q, &c[0], err);
	return r;
}

static int exec_report(int argc, char **argv, struct cli_ctx *ctx)
{
	struct report_opts o = { NULL, NULL, 1000, 1 };
	struct plan_json_request q;
	struct report_data d;
	struct plan_candidate *c = NULL;
	struct err err = ERR_INIT;
	struct cat *cat = NULL;
	struct sbuf sb;
	char *buf = NULL;
	size_t len = 0, n = 0, i;
	int first, status = EXIT_OK;

	if ((first = cli_parse(argc, argv, ctx, on_opt, &o, &status)) < 0)
		return status;
	if (first < argc)
		return cli_usage(ctx, "unexpected operand '%s'", argv[first]);
	if (!o.plan || !o.out)
		return cli_usage(ctx, "--plan FILE and --out FILE are required");
	sbuf_init(&sb);
	if (file_read_all(&buf, &len, o.plan, PLAN_FILE_MAX, &err) < 0 ||
	    plan_json_read_request(&q, &n, buf, len, o.plan, &err) < 0)
		goto fail;
	if (n == 0) {
		err_set(&err, ERR_PARSE, "'%s' has no candidates", o.plan);
		goto fail;
	}
	if (n > REPORT_CANDIDATES_MAX)
		n = REPORT_CANDIDATES_MAX;
	c = xcalloc(n, sizeof(*c));
	for (i = 0; i < n; i++)
		if (plan_json_read(&c[i], buf, len, o.plan, i, &err) < 0)
			goto fail;
	if (cli_open_catalog(&cat, ctx, 0, &status) < 0)
		goto out;
	memset(&d, 0, sizeof(d));
	d.q = &q;
	d.c = c;
	d.n = n;
	if (build_report(&d, c, cat, &o, &err) < 0)
		goto fail;
	report_html(&sb, &d);
	if (out_write_file(o.out, sb.buf, &err) < 0)
		goto fail;
	goto out;
fail:
	status = cli_fail(ctx, &err);
out:
	sbuf_release(&sb);
	cat_free(cat);
	free(c);
	free(buf);
	return status;
}

const struct cmd_entry cmd_report_entry = {
	"report", "write a plan as one self-contained HTML page with charts",
	NULL,
	"Reads a plan (rigplan plan --json or --out), simulates its top three candidates "
	"at a quarter to one and a half times the planned load, lays out one GPU's memory, "
	"and writes a single HTML file with inline SVG charts (the candidates' cost with the "
	"Pareto front, p99 TTFT and TPOT against load, memory, power and heat) and the "
	"bill of materials. It loads nothing from the network.",
	report_opts_table, exec_report, NULL
};
