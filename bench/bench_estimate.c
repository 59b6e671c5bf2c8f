/*
 * bench_estimate.c - how fast the model evaluates (`make bench`).
 *
 * The plan search (a later issue) evaluates the model for every
 * (model, deployment, workload point) it considers, so the figure that
 * matters is points per second on one core once a deployment is set up:
 * target 1,000,000.  Also printed: setting a deployment up
 * (est_model_init) plus a point, the full est_run of `rigplan estimate`
 * (with its temperature ODE), and deploy_build from the catalog.
 *
 * Usage: bench_estimate [seconds per figure, default 1]
 * Reads the catalog named by RIGPLAN_CATALOG (the build tree's, from make).
 */
#include "bench/bench_cat.h"
#include "catalog/cat.h"
#include "models/estimate.h"
#include "bind/deploy.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/clock.h"

/* Keeps the compiler from dropping work whose result is unused. */
static volatile double sink;

struct bench {
	const char *name, *unit;
	double target;          /* per second; 0: none */
};

static void print(const struct bench *b, double n, double secs)
{
	double rate = n / secs;

	printf("%-44s %12.0f %s/s  %8.3f us each", b->name, rate, b->unit, secs / n * 1e6);
	if (b->target > 0)
		printf("  (target %.0f: %s)", b->target, rate >= b->target ? "met" : "MISSED");
	printf("\n");
}

/* One workload point of a set-up deployment: what a plan search does for
 * every (batch, context) it tries. */
static double point(const struct est_model *m, double batch, double ctx)
{
	struct perf_result d, p;
	struct mem_result mem;

	perf_decode(&d, m, batch, ctx);
	perf_prefill(&p, m, 1, ctx);
	mem_at(&mem, m, batch, ctx, ctx);
	return d.time_s + p.time_s + mem.total_per_gpu_bytes;
}

int main(int argc, char **argv)
{
	static const char *models[] = { "llama-3.1-8b", "llama-3.1-70b", "mixtral-8x7b", "deepseek-v3" };
	static const char *precisions[] = { "bf16", "fp8", "bf16", "fp8" };
	static const size_t tps[] = { 1, 4, 2, 8 };
	double secs = argc > 1 ? atof(argv[1]) : 1.0;
	struct deploy *d = xcalloc(4, sizeof(*d));
	struct cat *cat;
	struct err err = ERR_INIT;
	struct est_result r;
	struct est_model m;
	double t0, n;
	size_t i;

	if (!(secs > 0 && secs < 600)) {
		fprintf(stderr, "bench_estimate: seconds '%s' must be between 0 and 600\n", argv[1]);
		return 2;
	}
	if (!(cat = bench_catalog("bench_estimate")))
		return 1;
	for (i = 0; i < 4; i++) {
		struct deploy_request q = DEPLOY_REQUEST_INIT;

		q.model = models[i];
		q.gpu = "h100-sxm";
		q.precision = precisions[i];
		q.tp = tps[i];
		q.work.batch = 16;
		q.work.input_len = 1024;
		q.work.output_len = 256;
		if (deploy_build(&d[i], cat, &q, &err) < 0) {
			fprintf(stderr, "bench_estimate: %s: %s\n", models[i], err.msg);
			return 1;
		}
	}
	printf("model core on one core, 4 deployments (8B, 70B tp4, Mixtral tp2, DeepSeek-V3 tp8):\n");

	{
		struct bench b = { "point: decode + prefill + memory", "points", 1e6 };

		for (n = 0, t0 = clock_monotonic_s(); clock_monotonic_s() - t0 < secs;)
			for (i = 0; i < 4096; i++, n++)
				sink += point(&d[i & 3].in.model, (double)(1 + (i & 255)),
					      (double)(128 + (i & 4095)));
		print(&b, n, clock_monotonic_s() - t0);
	}
	{
		struct bench b = { "deployment set-up + point", "estimates", 0 };

		for (n = 0, t0 = clock_monotonic_s(); clock_monotonic_s() - t0 < secs;)
			for (i = 0; i < 1024; i++, n++) {
				struct deploy *x = &d[i & 3];

				est_model_init(&m, &x->llm, x->wf, x->kf, &x->gspec, &x->dspec, &err);
				sink += point(&m, 16, 2048);
			}
		print(&b, n, clock_monotonic_s() - t0);
	}
	{
		struct bench b = { "est_run (everything `estimate` prints)", "runs", 0 };

		for (n = 0, t0 = clock_monotonic_s(); clock_monotonic_s() - t0 < secs;)
			for (i = 0; i < 64; i++, n++) {
				est_run(&r, &d[i & 3].in, &err);
				sink += r.tpot_s;
			}
		print(&b, n, clock_monotonic_s() - t0);
	}
	{
		struct bench b = { "deploy_build from the catalog", "builds", 0 };
		struct deploy_request q = DEPLOY_REQUEST_INIT;
		struct deploy *x = xcalloc(1, sizeof(*x));

		q.model = "llama-3.1-70b";
		q.gpu = "h100-sxm";
		q.tp = 4;
		for (n = 0, t0 = clock_monotonic_s(); clock_monotonic_s() - t0 < secs; n++)
			deploy_build(x, cat, &q, &err);
		print(&b, n, clock_monotonic_s() - t0);
		free(x);
	}
	{
		/* what the planner does per configuration: rows resolved once
		 * (bind_resolve), each layout a pure function of them */
		struct bench b = { "deploy_layout from bound rows", "layouts", 0 };
		struct bind_names names = { "llama-3.1-70b", "h100-sxm", NULL, NULL, NULL };
		struct deploy_request q = DEPLOY_REQUEST_INIT;
		struct bind_rows *rows = xcalloc(1, sizeof(*rows));
		struct deploy *x = xcalloc(1, sizeof(*x));

		if (bind_resolve(rows, cat, &names, &err) < 0) {
			fprintf(stderr, "bench_estimate: %s\n", err.msg);
			return 1;
		}
		q.tp = 4;
		for (n = 0, t0 = clock_monotonic_s(); clock_monotonic_s() - t0 < secs; n++)
			deploy_layout(x, &rows->m, &rows->e, &rows->g, &q, &err);
		print(&b, n, clock_monotonic_s() - t0);
		free(x);
		free(rows);
	}
	free(d);
	cat_free(cat);
	return 0;
}
