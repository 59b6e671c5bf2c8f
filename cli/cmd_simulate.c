/*
 * cmd_simulate.c - `rigplan simulate`: a deployment under a load, run
 * through the serving simulator; latency percentiles, throughput, queue,
 * KV cache use, preemptions, energy.  Parsing and printing only.
 */
#include "cli/cmd.h"
#include "cli/out.h"
#include "generators/charts.h"
#include "util/sbuf.h"
#include "cli/progress.h"
#include "cli/sim_opts.h"
#include "util/afile.h"
#include "util/err.h"
#include "util/json.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { O_TTFT_SLO = SO_LAST, O_TPOT_SLO, O_TIMELINE, O_TIMELINE_DT, O_SVG };

struct simulate_opts {
	struct sim_opts s;
	double ttft_slo, tpot_slo, timeline_dt;
	const char *timeline, *svg;
};

/* A latency's quantiles as the chart draws them. */
static void chart_latency_of(struct chart_latency *out, const struct qstat *q)
{
	size_t i;

	out->n = q->n;
	if (!q->n)
		return;
	for (i = 0; i < CHART_PERCENTILES; i++)
		out->at[i] = qstat_quantile(q, chart_percentiles[i] / 100);
	out->p1 = qstat_quantile(q, 0.01);
	out->p50 = qstat_quantile(q, 0.5);
	out->p99 = qstat_quantile(q, 0.99);
	out->p999 = qstat_quantile(q, 0.999);
}
static int on_opt(int id, const char *arg, void *data, struct err *err)
{
	struct simulate_opts *o = data;
	int r;

	if ((r = sim_opt(&o->s, id, arg, err)) <= 0)
		return r;
	switch (id) {
	case O_TTFT_SLO: return opt_double(&o->ttft_slo, "--ttft-slo", arg, 1e-6, 1e6, err);
	case O_TPOT_SLO: return opt_double(&o->tpot_slo, "--tpot-slo", arg, 1e-6, 1e6, err);
	case O_TIMELINE: o->timeline = arg; return 0;
	case O_SVG: o->svg = arg; return 0;
	case O_TIMELINE_DT:
		return opt_double(&o->timeline_dt, "--timeline-interval", arg, 1e-3, 1e6, err);
	}
	return err_set(err, ERR_INVAL, "unhandled option");
}

static const struct opt_spec simulate_opts[] = {
	DEPLOY_OPTS,
	SIM_OPTS,
	{ "ttft-slo", 0, required_argument, O_TTFT_SLO, "S", "goodput counts requests with TTFT at most S seconds" },
	{ "tpot-slo", 0, required_argument, O_TPOT_SLO, "S", "... and TPOT at most S seconds" },
	{ "timeline", 0, required_argument, O_TIMELINE, "FILE", "write the time series as CSV" },
	{ "timeline-interval", 0, required_argument, O_TIMELINE_DT, "S", "seconds between timeline rows (default 1)" },
	{ "svg", 0, required_argument, O_SVG, "FILE", "also draw the TTFT, TPOT and end-to-end percentiles as SVG" },
	OPT_END
};

static json_t *quantiles(const struct qstat *q)
{
	return json_pack("{s:o,s:o,s:o,s:o}", "mean", json_num(qstat_mean(q)),
			 "p50", json_num(qstat_quantile(q, 0.5)), "p90", json_num(qstat_quantile(q, 0.9)),
			 "p99", json_num(qstat_quantile(q, 0.99)));
}

static json_t *to_json(const struct sim_job *j, const struct sim_result *r, double qps)
{
	const struct sim_config *c = &j->cfg;
	json_t *o = json_object();

	json_object_set_new(o, "model", json_string(j->d->model.id));
	json_object_set_new(o, "gpu", json_string(j->d->gpu.id));
	json_object_set_new(o, "engine", json_string(j->d->engine.id));
	json_object_set_new(o, "gpus_per_replica", json_integer((json_int_t)c->gpus_per_replica));
	json_object_set_new(o, "replicas", json_integer((json_int_t)(c->prefill_replicas ?
		c->prefill_replicas + c->decode_replicas : c->replicas)));
	json_object_set_new(o, "qps", json_num(qps));
	json_object_set_new(o, "concurrency", j->cfg.concurrency ?
			    json_integer((json_int_t)j->cfg.concurrency) : json_null());
	json_object_set_new(o, "seed", json_integer((json_int_t)c->seed));
	json_object_set_new(o, "images_per_request", j->has_trace ?
			    json_num(j->trace.mean_images) : json_integer((json_int_t)c->images));
	json_object_set_new(o, "image_tokens", json_integer((json_int_t)c->image_tokens));
	json_object_set_new(o, "kv_blocks_per_replica", json_integer((json_int_t)c->engine.kv_blocks));
	json_object_set_new(o, "arrived", json_integer((json_int_t)r->arrived));
	json_object_set_new(o, "completed", json_integer((json_int_t)r->completed));
	json_object_set_new(o, "dropped", json_integer((json_int_t)r->dropped));
	json_object_set_new(o, "duration_s", json_num(r->duration_s));
	json_object_set_new(o, "mean_in_system", json_num(r->mean_in_system));
	json_object_set_new(o, "mean_queue", json_num(r->mean_waiting));
	json_object_set_new(o, "mean_batch", json_num(r->mean_batch));
	json_object_set_new(o, "peak_in_flight", json_integer((json_int_t)r->peak_in_flight));
	json_object_set_new(o, "throughput_requests_per_s", json_num(r->throughput_rps));
	json_object_set_new(o, "throughput_tokens_per_s", json_num(r->output_tps));
	json_object_set_new(o, "input_tokens_per_s", json_num(r->input_tps));
	json_object_set_new(o, "goodput_requests_per_s", json_num(r->goodput_rps));
	json_object_set_new(o, "ttft_s", quantiles(&r->ttft));
	json_object_set_new(o, "tpot_s", quantiles(&r->tpot));
	json_object_set_new(o, "e2e_s", quantiles(&r->e2e));
	json_object_set_new(o, "queue_wait_s", quantiles(&r->queue));
	json_object_set_new(o, "kv_cache_use", json_num(r->kv_use));
	json_object_set_new(o, "preemptions", json_integer((json_int_t)r->preemptions));
	json_object_set_new(o, "prefix_cache_hit", json_num(r->prefix_hit));
	json_object_set_new(o, "gpu_busy", json_num(r->gpu_busy));
	json_object_set_new(o, "energy_per_request_j", json_num(r->energy_per_request_j));
	json_object_set_new(o, "steps", json_integer((json_int_t)r->steps));
	return o;
}

static void row(FILE *f, const char *name, const struct qstat *q)
{
	struct out_nums n = { .next = 0 };

	if (!q->n) {
		fprintf(f, "  %-6s %10s\n", name, "-");
		return;
	}
	fprintf(f, "  %-6s %10s %10s %10s %10s\n", name, out_fixed(&n, qstat_mean(q) * 1e3, 2),
		out_fixed(&n, qstat_quantile(q, 0.5) * 1e3, 2),
		out_fixed(&n, qstat_quantile(q, 0.9) * 1e3, 2),
		out_fixed(&n, qstat_quantile(q, 0.99) * 1e3, 2));
}

static void report(FILE *f, const struct sim_job *j, const struct sim_result *r, double qps)
{
	struct out_nums nb = { .next = 0 };
	struct out_nums *n = &nb;

	sim_job_describe(f, j);
	if (j->cfg.concurrency)
		fprintf(f, "load: %zu clients in a closed loop, ", j->cfg.concurrency);
	else if (!isnan(qps))
		fprintf(f, "load: %.3g requests/s, ", qps);
	else
		fprintf(f, "load: ");
	fprintf(f, "%zu requests, seed %lu", r->arrived, j->cfg.seed);
	if (j->cfg.images)
		fprintf(f, "; %zu image%s of %.0f x %.0f each, %zu prompt tokens apiece",
			j->cfg.images, j->cfg.images == 1 ? "" : "s", j->d->in.work.image_w,
			j->d->in.work.image_h, j->cfg.image_tokens);
	else if (j->has_trace && j->trace.mean_images > 0)
		fprintf(f, "; the trace's images, %.2f a request, %zu prompt tokens apiece",
			j->trace.mean_images, j->cfg.image_tokens);
	fprintf(f, "\n\n");
	fprintf(f, "latency (ms)   mean        p50        p90        p99\n");
	row(f, "TTFT", &r->ttft);
	row(f, "TPOT", &r->tpot);
	row(f, "e2e", &r->e2e);
	row(f, "queue", &r->queue);
	fprintf(f, "\nthroughput      %8s requests/s, %s output tokens/s, %s prompt tokens/s\n",
		out_fixed(n, r->throughput_rps, 3), out_fixed(n, r->output_tps, 0),
		out_fixed(n, r->input_tps, 0));
	if (!isnan(r->goodput_rps))
		fprintf(f, "goodput         %8s requests/s within the SLO (%s%%)\n",
			out_fixed(n, r->goodput_rps, 3), out_fixed(n, r->completed ?
			100.0 * (double)r->goodput_n / (double)r->completed : 0, 1));
	fprintf(f, "completed       %8zu of %zu (%zu dropped: longer than the model or the cache)\n",
		r->completed, r->arrived, r->dropped);
	fprintf(f, "in the system   %8s requests on average (%s queued), peak %zu\n",
		out_fixed(n, r->mean_in_system, 2), out_fixed(n, r->mean_waiting, 2),
		r->peak_in_flight);
	fprintf(f, "batch           %8s sequences per step on average, %zu steps\n",
		out_fixed(n, r->mean_batch, 1), r->steps);
	fprintf(f, "KV cache        %8s%% used on average, %zu preemptions",
		out_fixed(n, r->kv_use * 100, 1), r->preemptions);
	if (j->cfg.engine.prefix_caching)
		fprintf(f, ", %s%% of prompt tokens from the prefix cache",
			out_fixed(n, r->prefix_hit * 100, 1));
	fprintf(f, "\nGPU busy        %8s%%\nenergy          %8s J per request (GPUs)\n",
		out_fixed(n, r->gpu_busy * 100, 1), out_fixed(n, r->energy_per_request_j, 1));
	fprintf(f, "simulated       %8s s\n", out_fixed(n, r->duration_s, 1));
}

static int exec_simulate(int argc, char **argv, struct cli_ctx *ctx)
{
	struct simulate_opts o;
	struct sim_job j = { 0 };
	struct sim_result r;
	struct afile tl = { 0 };
	struct err err = ERR_INIT;
	struct sim *s = NULL;
	struct progress bar;
	size_t steps;
	int first, status = EXIT_OK, rc;

	sim_opts_init(&o.s);
	o.ttft_slo = o.tpot_slo = NAN;
	o.timeline = NULL;
	o.svg = NULL;
	o.timeline_dt = 1;
	if ((first = cli_parse(argc, argv, ctx, on_opt, &o, &status)) < 0)
		return status;
	if (first < argc)
		return cli_usage(ctx, "unexpected operand '%s'", argv[first]);
	if (isnan(o.s.qps) && !o.s.trace && !o.s.concurrency)
		return cli_usage(ctx, "--qps is required (or --trace, or --concurrency)");
	if (sim_job_build(&j, &o.s, ctx, &status) < 0)
		goto out;
	j.cfg.ttft_slo_s = o.ttft_slo;
	j.cfg.tpot_slo_s = o.tpot_slo;
	if (o.timeline) {
		if (afile_open(&tl, o.timeline, AFILE_MODE_DATA, &err) < 0) {
			status = cli_fail(ctx, &err);
			goto out;
		}
		j.cfg.timeline = tl.f;
		j.cfg.timeline_dt = o.timeline_dt;
	}
	if (sim_alloc(&s, &j.cfg, &err) < 0) {
		status = cli_fail(ctx, &err);
		goto out;
	}
	progress_init(&bar, "simulating");
	for (steps = 0; (rc = sim_step(s, &err)) > 0; steps++) {
		if (bar.on && steps % 4096 == 0) {
			size_t done, total;

			sim_progress(s, &done, &total);
			progress_update(&bar, NULL, done, total);
		}
	}
	progress_end(&bar);
	if (rc < 0) {
		status = cli_fail(ctx, &err);
		goto out;
	}
	sim_result(s, &r);
	if (o.timeline && afile_commit(&tl, &err) < 0) {
		status = cli_fail(ctx, &err);
		sim_result_release(&r);
		goto out;
	}
	if (o.svg) {
		struct chart_latency lat[3];
		struct sbuf sb;
		char title[200];

		chart_latency_of(&lat[0], &r.ttft);
		chart_latency_of(&lat[1], &r.tpot);
		chart_latency_of(&lat[2], &r.e2e);
		snprintf(title, sizeof(title), "%.60s on %.60s at %g requests/s: latency percentiles",
			 j.d->model.id, j.d->gpu.id, o.s.qps);
		sbuf_init(&sb);
		chart_sim(&sb, title, lat);
		rc = out_write_file(o.svg, sb.buf, &err);
		sbuf_release(&sb);
		if (rc < 0) {
			status = cli_fail(ctx, &err);
			sim_result_release(&r);
			goto out;
		}
	}
	if (o.s.json) {
		json_t *js = to_json(&j, &r, o.s.qps);

		out_json_print(stdout, js);
		json_decref(js);
	} else {
		report(stdout, &j, &r, o.s.qps);
	}
	sim_result_release(&r);
out:
	sim_free(s);
	if (tl.f)
		afile_abort(&tl);
	sim_job_release(&j);
	return status;
}

const struct cmd_entry cmd_simulate_entry = {
	"simulate", "Latency percentiles and throughput of a deployment under a load",
	NULL,
	"Runs a discrete-event simulation of a continuous-batching engine\n"
	"(vLLM's scheduler: max_num_seqs, max_num_batched_tokens, chunked\n"
	"prefill mixed with decode, a paged KV cache, preemption) with each\n"
	"step's time from the same model as 'estimate'.  Requests arrive as\n"
	"--arrival at --qps, or as --trace replays.  The same --seed gives the\n"
	"same output, byte for byte.  A request longer than the model's\n"
	"context or the whole KV cache is dropped and counted.",
	simulate_opts, exec_simulate, NULL
};
