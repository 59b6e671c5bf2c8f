/*
 * cmd_capacity.c - `rigplan capacity`: the highest request rate one
 * deployment serves within p99 TTFT and TPOT objectives, the replicas a
 * target rate needs, and the bottleneck.  Parsing and printing only; the
 * search is sim/capacity.c.
 */
#include "cli/cmd.h"
#include "cli/out.h"
#include "generators/charts.h"
#include "util/sbuf.h"
#include "cli/sim_opts.h"
#include "sim/capacity.h"
#include "util/err.h"
#include "util/json.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { O_TTFT = SO_LAST, O_TPOT, O_SEEDS, O_TOL, O_SVG };

struct capacity_cli {
	struct sim_opts s;
	struct capacity_opts c;
	const char *svg;
};

static int on_opt(int id, const char *arg, void *data, struct err *err)
{
	struct capacity_cli *o = data;
	int r;

	if ((r = sim_opt(&o->s, id, arg, err)) <= 0)
		return r;
	switch (id) {
	case O_TTFT: return opt_double(&o->c.ttft_p99_s, "--ttft-p99", arg, 1e-6, 1e6, err);
	case O_TPOT: return opt_double(&o->c.tpot_p99_s, "--tpot-p99", arg, 1e-6, 1e6, err);
	case O_SEEDS: return opt_size(&o->c.seeds, "--seeds", arg, 1, 100, err);
	case O_TOL: return opt_double(&o->c.rel_tol, "--tolerance", arg, 1e-4, 0.5, err);
	case O_SVG: o->svg = arg; return 0;
	}
	return err_set(err, ERR_INVAL, "unhandled option");
}

static const struct opt_spec capacity_opts_table[] = {
	DEPLOY_OPTS,
	SIM_OPTS,
	{ "ttft-p99", 0, required_argument, O_TTFT, "S", "objective: p99 time to first token, seconds" },
	{ "tpot-p99", 0, required_argument, O_TPOT, "S", "objective: p99 time per output token, seconds" },
	{ "seeds", 0, required_argument, O_SEEDS, "N", "runs per rate that must all pass (default 3)" },
	{ "tolerance", 0, required_argument, O_TOL, "X", "relative width of the final bracket (default 0.02)" },
	{ "svg", 0, required_argument, O_SVG, "FILE", "also draw p99 TTFT and TPOT against load, with the objectives, as SVG" },
	OPT_END
};

static json_t *p99s(const struct sim_result *r)
{
	return json_pack("{s:o,s:o,s:o,s:o,s:o}",
		"ttft_p99_s", json_num(qstat_quantile(&r->ttft, 0.99)),
		"tpot_p99_s", json_num(qstat_quantile(&r->tpot, 0.99)),
		"e2e_p99_s", json_num(qstat_quantile(&r->e2e, 0.99)),
		"throughput_requests_per_s", json_num(r->throughput_rps),
		"throughput_tokens_per_s", json_num(r->output_tps));
}

static json_t *to_json(const struct sim_job *j, const struct capacity_cli *o,
		       const struct capacity_result *r)
{
	json_t *js = json_object();
	size_t n = j->cfg.gpus_per_replica;

	json_object_set_new(js, "model", json_string(j->d->model.id));
	json_object_set_new(js, "gpu", json_string(j->d->gpu.id));
	json_object_set_new(js, "engine", json_string(j->d->engine.id));
	json_object_set_new(js, "gpus_per_replica", json_integer((json_int_t)n));
	json_object_set_new(js, "ttft_p99_objective_s", json_num(o->c.ttft_p99_s));
	json_object_set_new(js, "tpot_p99_objective_s", json_num(o->c.tpot_p99_s));
	json_object_set_new(js, "max_qps", json_num(r->max_qps));
	json_object_set_new(js, "bracket_qps", json_pack("[oo]", json_num(r->bracket[0]),
							 json_num(r->bracket[1])));
	json_object_set_new(js, "analytic_max_qps", json_num(r->analytic_max_qps));
	json_object_set_new(js, "binding", json_string(r->ttft_binds ? "ttft" : "tpot"));
	json_object_set_new(js, "bottleneck", json_string(capacity_bottleneck_name(r->bottleneck)));
	json_object_set_new(js, "at_max", p99s(&r->at));
	json_object_set_new(js, "target_qps", json_num(o->c.target_qps));
	if (r->replicas) {
		json_object_set_new(js, "replicas", json_integer((json_int_t)r->replicas));
		json_object_set_new(js, "gpus", json_integer((json_int_t)(r->replicas * n)));
		json_object_set_new(js, "at_target", p99s(&r->at_target));
	} else {
		json_object_set_new(js, "replicas", json_null());
		json_object_set_new(js, "gpus", json_null());
		json_object_set_new(js, "at_target", json_null());
	}
	json_object_set_new(js, "simulations", json_integer((json_int_t)r->sims));
	return js;
}

static const char *bottleneck_text(enum capacity_bottleneck b)
{
	switch (b) {
	case BOTTLENECK_COMPUTE: return "compute (tensor throughput of the steps)";
	case BOTTLENECK_MEMORY_BANDWIDTH: return "memory bandwidth (weights and KV read each step)";
	case BOTTLENECK_COMMUNICATION: return "communication between the GPUs";
	case BOTTLENECK_KV_CAPACITY: return "KV cache capacity (admissions held back, preemptions)";
	case BOTTLENECK_QUEUEING: return "queueing (requests wait for a free step)";
	case BOTTLENECK_HOST: return "the host (layers on the CPU, weights or KV over PCIe)";
	}
	return "?";
}

static void report(FILE *f, const struct sim_job *j, const struct capacity_cli *o,
		   const struct capacity_result *r)
{
	struct out_nums nb = { .next = 0 };
	struct out_nums *n = &nb;

	sim_job_describe(f, j);
	fprintf(f, "objectives: p99 TTFT <= %.4g s, p99 TPOT <= %.4g s\n\n",
		o->c.ttft_p99_s, o->c.tpot_p99_s);
	fprintf(f, "capacity        %8s requests/s per replica (passes; %s fails)\n",
		out_fixed(n, r->max_qps, 3), out_fixed(n, r->bracket[1], 3));
	fprintf(f, "  at capacity   p99 TTFT %s ms, p99 TPOT %s ms, %s output tokens/s\n",
		out_fixed(n, qstat_quantile(&r->at.ttft, 0.99) * 1e3, 1),
		out_fixed(n, qstat_quantile(&r->at.tpot, 0.99) * 1e3, 2),
		out_fixed(n, r->at.output_tps, 0));
	fprintf(f, "  saturation    %8s requests/s from step times alone\n",
		out_fixed(n, r->analytic_max_qps, 3));
	fprintf(f, "limit           the %s objective; bottleneck: %s\n",
		r->ttft_binds ? "TTFT" : "TPOT", bottleneck_text(r->bottleneck));
	if (r->replicas)
		fprintf(f, "for %.4g req/s  %zu replica%s, %zu GPUs (p99 TTFT %s ms, p99 TPOT %s ms)\n",
			o->c.target_qps, r->replicas, r->replicas == 1 ? "" : "s",
			r->replicas * j->cfg.gpus_per_replica,
			out_fixed(n, qstat_quantile(&r->at_target.ttft, 0.99) * 1e3, 1),
			out_fixed(n, qstat_quantile(&r->at_target.tpot, 0.99) * 1e3, 2));
	fprintf(f, "simulations     %8zu of %zu requests each\n", r->sims,
		j->cfg.trace ? j->cfg.trace->rows : j->cfg.requests);
}

static int exec_capacity(int argc, char **argv, struct cli_ctx *ctx)
{
	struct capacity_cli o;
	struct capacity_opts init = CAPACITY_OPTS_INIT;
	struct sim_job j = { 0 };
	struct capacity_result r;
	struct err err = ERR_INIT;
	int first, status = EXIT_OK;

	sim_opts_init(&o.s);
	o.c = init;
	o.svg = NULL;
	if ((first = cli_parse(argc, argv, ctx, on_opt, &o, &status)) < 0)
		return status;
	if (first < argc)
		return cli_usage(ctx, "unexpected operand '%s'", argv[first]);
	if (isnan(o.c.ttft_p99_s) || isnan(o.c.tpot_p99_s))
		return cli_usage(ctx, "--ttft-p99 and --tpot-p99 are required");
	if (o.s.disagg && !isnan(o.s.qps))
		return cli_usage(ctx, "--qps asks for a replica count, which --disaggregate fixes");
	if (!o.s.requests && !o.s.trace)
		o.s.requests = 2000;
	o.c.target_qps = o.s.qps;
	if (sim_job_build(&j, &o.s, ctx, &status) < 0)
		goto out;
	if (capacity_search(&r, &j.cfg, &o.c, &err) < 0) {
		status = cli_fail(ctx, &err);
		goto out;
	}
	if (o.svg) {
		struct chart_load pts[CAPACITY_POINTS_MAX];
		struct sbuf sb;
		char title[200];
		size_t i;
		int w;

		snprintf(title, sizeof(title), "%.60s on %.60s: p99 latency against load",
			 j.d->model.id, j.d->gpu.id);
		sbuf_init(&sb);
		for (i = 0; i < r.npoints; i++) {
			pts[i].qps = r.points[i].qps;
			pts[i].ttft_p99_s = r.points[i].ttft_p99_s;
			pts[i].tpot_p99_s = r.points[i].tpot_p99_s;
			pts[i].pass = r.points[i].pass;
		}
		chart_capacity(&sb, title, o.c.ttft_p99_s, o.c.tpot_p99_s, pts, r.npoints, r.max_qps);
		w = out_write_file(o.svg, sb.buf, &err);
		sbuf_release(&sb);
		if (w < 0) {
			status = cli_fail(ctx, &err);
			capacity_result_release(&r);
			goto out;
		}
	}
	if (o.s.json) {
		json_t *js = to_json(&j, &o, &r);

		out_json_print(stdout, js);
		json_decref(js);
	} else {
		report(stdout, &j, &o, &r);
	}
	capacity_result_release(&r);
out:
	sim_job_release(&j);
	return status;
}

const struct cmd_entry cmd_capacity_entry = {
	"capacity", "Highest request rate within p99 TTFT and TPOT objectives; replicas needed",
	NULL,
	"Searches the arrival rate with the simulator (see 'simulate'): a rate\n"
	"passes when p99 TTFT and p99 TPOT meet --ttft-p99 and --tpot-p99 in\n"
	"every one of --seeds runs; the bracket between the highest passing and\n"
	"lowest failing rate is narrowed to --tolerance.  With --qps, also the\n"
	"fewest replicas behind the balancer that meet the objectives at that\n"
	"rate.  Exit status 5 when even an idle deployment misses them.",
	capacity_opts_table, exec_capacity, NULL
};
