/*
 * cmd_plan.c - `rigplan plan`: ranked configurations that serve a model
 * at a load within objectives and constraints.  Parsing and printing
 * only; the search is planner/, the JSON planner/plan_file.c.
 */
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/opt.h"
#include "cli/out.h"
#include "generators/charts.h"
#include "util/sbuf.h"
#include "cli/plan_opts.h"
#include "planner/plan_file.h"
#include "util/afile.h"
#include "util/err.h"
#include "util/xalloc.h"

enum { O_JSON = PO_LAST, O_OUT, O_SVG };

struct plan_cli {
	struct plan_opts p;
	int json;
	const char *out, *svg;
};

static int on_opt(int id, const char *arg, void *data, struct err *err)
{
	struct plan_cli *o = data;
	int r;

	if ((r = plan_opt(&o->p, id, arg, err)) <= 0)
		return r;
	switch (id) {
	case O_JSON: o->json = 1; return 0;
	case O_SVG: o->svg = arg; return 0;
	case O_OUT: o->out = arg; return 0;
	}
	return err_set(err, ERR_INVAL, "unhandled option");
}

static const struct opt_spec plan_opts_table[] = {
	PLAN_OPTS,
	{ "json", 0, no_argument, O_JSON, NULL, "print JSON (SI units; the plan file 'generate' reads)" },
	{ "svg", 0, required_argument, O_SVG, "FILE", "also draw the candidates (capex against $/Mtok, the Pareto front filled) as SVG" },
	{ "out", 'o', required_argument, O_OUT, "FILE", "also write the JSON plan to FILE (atomically)" },
	OPT_END
};

static char *cell(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *cell(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return xstrdup(buf);
}

/* A dollar figure; ">=" when it leaves out parts without a price. */
static char *usd(double v, int partial)
{
	const char *ge = partial ? ">=" : "";

	return isnan(v) ? cell("-") : v >= 100 ? cell("%s$%.0f", ge, v) : cell("%s$%.3g", ge, v);
}

static void report(FILE *f, const struct plan_request *q, const struct plan_result *r)
{
	static const char *const head[] = {
		"#", "GPUs", "tp x pp", "format", "engine", "replicas", "nodes", "capex",
		"$/Mtok", "TTFT p99", "TPOT p99", "power", "why"
	};
	enum { NC = sizeof(head) / sizeof(head[0]) };
	static const int right[NC] = { 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0 };
	char **cells = xcalloc((r->n + 1) * NC, sizeof(char *));
	const struct plan_candidate *b = &r->c[0];
	size_t i, k;

	fprintf(f, "%s at %.4g requests/s, %.0f prompt + %.0f output tokens; p99 TTFT <= %.4g s, "
		"p99 TPOT <= %.4g s\n\n", b->model, q->qps, q->input_len, q->output_len,
		q->ttft_p99_s, q->tpot_p99_s);
	for (k = 0; k < NC; k++)
		cells[k] = cell("%s", head[k]);
	for (i = 0; i < r->n; i++) {
		const struct plan_candidate *c = &r->c[i];
		char **row = cells + (i + 1) * NC;
		struct out_nums nb = { .next = 0 };

		row[0] = cell("%zu%s", i + 1, c->pareto ? "*" : "");
		row[1] = cell("%zu x %s", c->gpu_count, c->gpu);
		row[2] = cell("%zu x %zu", c->tp, c->pp);
		row[3] = cell("%s", c->precision);
		row[4] = c->offloaded ? cell("%s, %zu layers on the CPU", c->engine, c->host_layers) :
					cell("%s", c->engine);
		row[5] = cell("%zu", c->replicas);
		row[6] = cell("%zu", c->nodes);
		row[7] = usd(c->capex_usd, c->unpriced_parts > 0);
		row[8] = usd(c->usd_per_million_tokens, c->unpriced_parts > 0);
		row[9] = cell("%s ms", out_fixed(&nb, c->ttft_p99_s * 1e3, 0));
		row[10] = cell("%s ms", out_fixed(&nb, c->tpot_p99_s * 1e3, 1));
		row[11] = cell("%s W", out_fixed(&nb, c->power_w, 0));
		row[12] = cell("%s", c->why);
	}
	out_table(f, cells, r->n + 1, NC, right);
	for (i = 0; i < (r->n + 1) * NC; i++)
		free(cells[i]);
	free(cells);
	fprintf(f, "\n* on the Pareto front (capex, $/Mtok, p99 TTFT, power); $/Mtok per million "
		"output tokens at the planned load; >=: priced parts only, a line has no price; %s\n",
		!b->simulated ? "p99s analytic" : q->trace ?
		"p99s simulated replaying the trace at each replica's share of its rate" :
		"p99s simulated at the planned load per replica");
	fprintf(f, "considered %zu, feasible %zu, simulated %zu; rejected:", r->considered,
		r->feasible, r->simulated);
	plan_print_rejected(f, r, 0);
	if (!strcmp(b->node.chassis_kind, "edge"))
		fprintf(f, "\n\nbest: %zu x %s, each a system of its own (the module on its "
			"carrier board: no chassis, no PSU), peak %.0f W each\n", b->gpu_count,
			b->gpu, b->node.peak_w);
	else if (!strcmp(b->node.chassis_kind, "computer"))
		fprintf(f, "\n\nbest: %zu x %s, each a computer of its own (no chassis, no PSU "
			"to add), peak %.0f W each at the wall\n", b->gpu_count, b->gpu,
			b->node.peak_w);
	else if (!strcmp(b->gpu_vendor, "none"))
		fprintf(f, "\n\nbest: %zu x %s in %zu x %s (the CPU runs the model alone, no GPU), "
			"%zu PSU%s of %.0f W (%s), peak %.0f W per node\n", b->gpu_count, b->gpu,
			b->nodes, b->node.chassis, b->node.psus, b->node.psus == 1 ? "" : "s",
			b->node.psu_rated_w, b->node.psu_redundancy, b->node.peak_w);
	else
	fprintf(f, "\n\nbest: %zu x %s in %zu x %s (%zu GPU%s each), %zu PSU%s of %.0f W (%s), "
		"peak %.0f W per node\n", b->gpu_count, b->gpu, b->nodes, b->node.chassis,
		b->node.gpus, b->node.gpus == 1 ? "" : "s", b->node.psus, b->node.psus == 1 ? "" : "s",
		b->node.psu_rated_w,
		b->node.psu_redundancy, b->node.peak_w);
	for (i = 0; i < b->nparts; i++) {
		const struct plan_part *p = &b->parts[i];

		fprintf(f, "  %-11s %4zu x %-44.44s %s\n", p->role, p->qty, p->name,
			isnan(p->unit_usd) ? "no sourced price" :
			p->unit_usd == 0 ? "included/owned" : "");
	}
	/* a tower's outlet: its chassis line says which circuit it needs;
	 * a server's says what it ships with */
	for (i = 0; i < b->nparts; i++)
		if (!strcmp(b->parts[i].role, "chassis") && b->parts[i].note[0])
			fprintf(f, "  %-11s %s\n", strcmp(b->node.chassis_kind, "rack") ?
				"outlet" : "note", b->parts[i].note);
	if (b->unpriced_parts)
		fprintf(f, "capex counts priced parts only: %zu line%s no sourced price "
			"('rigplan catalog set-price' adds yours)\n", b->unpriced_parts,
			b->unpriced_parts == 1 ? " has" : "s have");
}

static int write_out(const char *path, json_t *js, struct cli_ctx *ctx)
{
	struct afile a;
	struct err err = ERR_INIT;

	if (afile_open(&a, path, AFILE_MODE_DATA, &err) < 0)
		return cli_fail(ctx, &err);
	/* the same bytes --json prints */
	out_json_print(a.f, js);
	if (afile_commit(&a, &err) < 0)
		return cli_fail(ctx, &err);
	return EXIT_OK;
}

static int exec_plan(int argc, char **argv, struct cli_ctx *ctx)
{
	struct plan_cli o;
	struct plan_result r;
	int first, status = EXIT_OK;

	memset(&o, 0, sizeof(o));
	plan_opts_init(&o.p);
	if ((first = cli_parse(argc, argv, ctx, on_opt, &o, &status)) < 0)
		goto out;
	if (first < argc) {
		status = cli_usage(ctx, "unexpected operand '%s'", argv[first]);
		goto out;
	}
	if (plan_opts_run(&r, &o.p, ctx, &status) < 0)
		goto out;
	{
		json_t *js = plan_json_result(&o.p.q, &r);

		if (o.out)
			status = write_out(o.out, js, ctx);
		if (status == EXIT_OK && o.svg) {
			struct sbuf sb;
			struct err err = ERR_INIT;

			sbuf_init(&sb);
			chart_plan(&sb, &o.p.q, &r);
			if (out_write_file(o.svg, sb.buf, &err) < 0)
				status = cli_fail(ctx, &err);
			sbuf_release(&sb);
		}
		if (status == EXIT_OK) {
			if (o.json)
				out_json_print(stdout, js);
			else
				report(stdout, &o.p.q, &r);
		}
		json_decref(js);
	}
	plan_result_release(&r);
out:
	plan_opts_release(&o.p);
	return status;
}

const struct cmd_entry cmd_plan_entry = {
	"plan", "Ranked hardware and deployments that serve a model at a load within objectives",
	NULL,
	"Tries every GPU x weight format x engine x tensor/pipeline parallel size:\n"
	"builds each deployment, screens it analytically (memory, one request's\n"
	"TTFT and TPOT, replicas from the saturation rate at 80%, the p99 wait\n"
	"of a prompt queue and the decode batch the load keeps in flight),\n"
	"completes the nodes from the catalog (chassis slots and width, PSUs for\n"
	"the peak with redundancy, CPU PCIe lanes, RAM for the page cache, a\n"
	"drive for the weights) and prices them.  Finalists are then simulated\n"
	"in rank order, each with the fewest replicas whose p99s meet the\n"
	"objectives, until --simulate boxes are verified and no other can rank\n"
	"among them; one deployment is shown per box (GPU, count, nodes).\n"
	"Ranked by dollars per million output tokens (amortized capex plus\n"
	"energy), then capex.  Exit status 5 when nothing is feasible; the\n"
	"rejections are counted.",
	plan_opts_table, exec_plan, NULL
};
