/*
 * bench_sim.c - how fast the serving simulator runs (`make bench`).
 *
 * The target: 100,000 requests of 1,024 prompt and 256 output
 * tokens, near capacity, in about a second on one core, with memory that
 * follows the requests in flight and not the requests run.  The
 * deployment is Llama 3.1 8B on one H100 SXM under the catalog's vLLM;
 * the rate is 90% of the analytic saturation rate.  Each size runs in a
 * child process so that its peak resident memory is its own.
 *
 * Usage: bench_sim [requests, default 100000]
 */
#include "bench/bench_cat.h"
#include "catalog/cat.h"
#include "sim/capacity.h"
#include "bind/deploy.h"
#include "sim/setup.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include "util/clock.h"
#include <unistd.h>

static int one(struct cat *cat, size_t n, const char *mbt_note, size_t mbt)
{
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct length_dist in, out;
	struct sim_config c;
	struct sim_result r;
	struct rusage ru;
	struct err err = ERR_INIT;
	double t0, secs, amax;

	q.model = "llama-3.1-8b";
	q.gpu = "h100-sxm";
	q.max_batched_tokens = mbt;
	sim_config_init(&c);
	if (deploy_build(d, cat, &q, &err) < 0 || sim_setup(&c, &d->in.model, d->model.id, d->gpu.id, &err) < 0 ||
	    length_parse(&in, "1024", "in", &err) < 0 ||
	    length_parse(&out, "256", "out", &err) < 0) {
		fprintf(stderr, "bench_sim: %s\n", err.msg);
		return 1;
	}
	c.input = &in;
	c.output = &out;
	c.requests = n;
	amax = capacity_analytic_max(&c, 1024, 256);
	arrival_parse(&c.arrival, "poisson", 0.9 * amax, &err);
	t0 = clock_monotonic_s();
	if (sim_run(&r, &c, &err) < 0) {
		fprintf(stderr, "bench_sim: %s\n", err.msg);
		return 1;
	}
	secs = clock_monotonic_s() - t0;
	getrusage(RUSAGE_SELF, &ru);
	printf("%-34s %7zu requests %6.3f s  %8.0f req/s  %7.0f steps/s  peak %3zu in flight  "
	       "%6.1f MiB RSS", mbt_note, n, secs, (double)n / secs, (double)r.steps / secs,
	       r.peak_in_flight, (double)ru.ru_maxrss / 1024);
	if (n >= 100000)
		printf("  (target ~1 s: %s)", secs <= 1.5 ? "met" : "MISSED");
	printf("\n");
	fflush(stdout);     /* the child leaves with _exit */
	sim_result_release(&r);
	free(d);
	return 0;
}

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000, sizes[2], i, k;
	static const struct { const char *note; size_t mbt; } eng[] = {
		{ "vLLM prefill-first (catalog)", 0 },
		{ "vLLM chunked, 2048 tokens/step", 2048 },
	};
	struct cat *cat;

	if (n < 10 || n > 100000000) {
		fprintf(stderr, "bench_sim: requests '%s' must be between 10 and 1e8\n", argv[1]);
		return 2;
	}
	if (!(cat = bench_catalog("bench_sim")))
		return 1;
	sizes[0] = n / 10;
	sizes[1] = n;
	for (k = 0; k < 2; k++)
		for (i = 0; i < 2; i++) {
			pid_t pid = fork();
			int st;

			fflush(stdout);
			if (pid == 0)
				_exit(one(cat, sizes[i], eng[k].note, eng[k].mbt));
			if (pid < 0 || waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) ||
			    WEXITSTATUS(st) != 0)
				return 1;
			fflush(stdout);
		}
	cat_free(cat);
	return 0;
}
