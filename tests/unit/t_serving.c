/*
 * t_serving.c - the simulator against published serving benchmarks under
 * load (tests/data/reference/serving.json: the SGLang cookbook's
 * sglang.bench_serving runs, a closed loop of N clients at an unlimited
 * rate, on A100, B200 and MI300X).
 *
 * Each experiment is replayed as its benchmark ran it: its model, GPU,
 * weights and tensor parallelism, SGLang's default release, a closed loop
 * of --max-concurrency clients sending --num-prompts requests, prompt and
 * output lengths drawn uniformly from 1 with the means of the block's own
 * token totals (the random dataset with its default range ratio 0, EOS
 * ignored).  A run of ten requests is noisy, so every experiment is
 * simulated with SEEDS seeds and the figures averaged.
 *
 * Metrics: TTFT mean, median and p99; TPOT mean, median and p99; end-to-end
 * mean and median; output tokens per second.  ITL is not compared: the
 * simulator keeps per-request TPOT, not every gap between tokens.
 *
 * A burst the hardware cannot serve: at an unlimited rate the first N
 * prompts arrive at once, so the last of them waits at least for all N
 * prefills at the GPUs' peak rate (2 x active parameters FLOP a token).
 * Where a published p99 TTFT lies below that bound the run cannot have
 * started as a burst of those prompts, and its TTFT mean and p99 are
 * listed but not scored (marked (b)).  Nor is the p99 of a run of fewer
 * than 100 requests, which is its largest sample, often the first
 * request's warm-up (marked (n)).
 *
 * The test fails when an experiment does not deploy or loses a request,
 * when any score is off by more than a factor of ten (a broken model), or
 * when a metric's median absolute error rises above its bar in BARS: the
 * errors as they stand, so a change that makes the model worse on real
 * runs fails here.  The target is 10% on every metric; the table
 * (TAP comments; `sed -n 's/^# |/|/p' tests/unit/t_serving.log`) says how
 * far each family is from it.
 */
#include "tests/testlib.h"
#include "tests/testcat.h"
#include "bind/deploy.h"
#include "catalog/cat.h"
#include "models/est.h"
#include "models/fmt.h"
#include "sim/setup.h"
#include "sim/sim.h"
#include "sim/stats.h"
#include "sim/workload.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEEDS 4

enum metric {
	M_TTFT_MEAN, M_TTFT_MEDIAN, M_TTFT_P99, M_TPOT_MEAN, M_TPOT_MEDIAN, M_TPOT_P99,
	M_E2E_MEAN, M_E2E_MEDIAN, M_OUTPUT_TPS, M_COUNT
};

static const struct {
	const char *key;        /* in the experiment's "measured" */
	const char *label;
	double bar;             /* the median |error| it may not exceed */
} metrics[M_COUNT] = {
	{ "ttft_mean_ms", "TTFT mean", 0.35 },
	{ "ttft_median_ms", "TTFT median", 0.30 },
	{ "ttft_p99_ms", "TTFT p99", 0.55 },
	{ "tpot_mean_ms", "TPOT mean", 0.25 },
	{ "tpot_median_ms", "TPOT median", 0.25 },
	{ "tpot_p99_ms", "TPOT p99", 0.27 },
	{ "e2e_mean_ms", "e2e mean", 0.25 },
	{ "e2e_median_ms", "e2e median", 0.25 },
	{ "output_throughput", "output tok/s", 0.22 },
};

#define MAX_EXPERIMENTS 128

static struct cat *cat;

static double errs[M_COUNT][MAX_EXPERIMENTS];
static size_t nerrs[M_COUNT];

static const char *str(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));

	return s ? s : "";
}

static double num(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	return json_is_number(v) ? json_number_value(v) : NAN;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* One seed's figures, in the units of the published block (ms, tok/s). */
static int simulate(double out[M_COUNT], const struct est_model *m, const struct deploy *d,
		    size_t concurrency, size_t requests, const struct length_dist *in,
		    const struct length_dist *gen, unsigned long seed, size_t *completed)
{
	struct sim_config c;
	struct sim_result r;
	struct err err = ERR_INIT;

	sim_config_init(&c);
	if (sim_setup(&c, m, d->model.id, d->gpu.id, &err) < 0) {
		test_ok(0, "sim_setup: %s", err.msg);
		return -1;
	}
	c.concurrency = concurrency;
	c.requests = requests;
	c.input = in;
	c.output = gen;
	c.seed = seed;
	if (sim_run(&r, &c, &err) < 0) {
		test_ok(0, "sim_run: %s", err.msg);
		return -1;
	}
	out[M_TTFT_MEAN] = qstat_mean(&r.ttft) * 1e3;
	out[M_TTFT_MEDIAN] = qstat_quantile(&r.ttft, 0.5) * 1e3;
	out[M_TTFT_P99] = qstat_quantile(&r.ttft, 0.99) * 1e3;
	out[M_TPOT_MEAN] = qstat_mean(&r.tpot) * 1e3;
	out[M_TPOT_MEDIAN] = qstat_quantile(&r.tpot, 0.5) * 1e3;
	out[M_TPOT_P99] = qstat_quantile(&r.tpot, 0.99) * 1e3;
	out[M_E2E_MEAN] = qstat_mean(&r.e2e) * 1e3;
	out[M_E2E_MEDIAN] = qstat_quantile(&r.e2e, 0.5) * 1e3;
	out[M_OUTPUT_TPS] = r.output_tps;
	*completed = r.completed;
	sim_result_release(&r);
	return 0;
}

/*
 * The shortest time in which `n` prompts of `mean_in` tokens can all be
 * prefilled: 2 x active parameters FLOP a token over every GPU's peak at
 * the weights' format.
 */
static double burst_floor_s(const struct est_model *m, double n, double mean_in)
{
	struct err err = ERR_INIT;
	double peak;

	if (fmt_compute_flops(&peak, m->wf, &m->gpu, &err) < 0)
		return 0;
	return n * mean_in * 2 * m->parts.active * m->scale / ((double)m->n * peak);
}

static void experiment(json_t *x)
{
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct length_dist in = { LENGTH_UNIFORM, 1, 1, NULL, 0 };
	struct length_dist gen = { LENGTH_UNIFORM, 1, 1, NULL, 0 };
	struct err err = ERR_INIT;
	json_t *meas = json_object_get(x, "measured");
	const char *id = str(x, "id");
	double got[M_COUNT] = { 0 }, one[M_COUNT];
	size_t n = (size_t)num(x, "num_prompts"), conc = (size_t)num(x, "concurrency");
	size_t completed = 0, done;
	double mean_in = num(meas, "total_input_tokens") / (double)n;
	double mean_out = num(meas, "total_output_tokens") / (double)n;
	int burst_bad, k, len;
	unsigned long seed;
	char row[1024];

	q.model = str(x, "model");
	q.gpu = str(x, "gpu");
	q.engine = str(x, "engine");
	q.precision = str(x, "precision");
	q.tp = (size_t)num(x, "tp");
	q.measured = 1;     /* published runs of releases other than the catalog's */
	if (!test_ok(deploy_build(d, cat, &q, &err) == 0, "%s: deploy: %s", id,
		     err.code ? err.msg : "ok"))
		goto out;
	/* uniform from 1 with the block's own means */
	in.b = fmax(1, round(2 * mean_in - 1));
	gen.b = fmax(1, round(2 * mean_out - 1));
	for (seed = 1; seed <= SEEDS; seed++) {
		if (simulate(one, &d->in.model, d, conc, n, &in, &gen, seed, &done) < 0)
			goto out;
		completed += done;
		for (k = 0; k < M_COUNT; k++)
			got[k] += one[k] / SEEDS;
	}
	test_int((int64_t)completed, (int64_t)(n * SEEDS), "%s: every request completes", id);
	burst_bad = conc > 1 && num(meas, "ttft_p99_ms") * 1e-3 <
		    burst_floor_s(&d->in.model, (double)(conc < n ? conc : n), mean_in);
	/* the table row is written whole after the checks' own lines */
	len = snprintf(row, sizeof(row), "# | %s | %s x%zu | c=%zu, %.0f/%.0f tokens |", q.model,
		       q.gpu, d->in.model.n, conc, mean_in, mean_out);
	for (k = 0; k < M_COUNT; k++) {
		double want = num(meas, metrics[k].key), e = got[k] / want - 1;
		int p99 = k == M_TTFT_P99 || k == M_TPOT_P99;
		const char *skip = burst_bad && (k == M_TTFT_MEAN || k == M_TTFT_P99) ? " (b)" :
				   p99 && n < 100 ? " (n)" : NULL;

		if (!isfinite(want)) {
			len += snprintf(row + len, sizeof(row) - (size_t)len, " - |");
			continue;
		}
		len += snprintf(row + len, sizeof(row) - (size_t)len, " %.4g / %.4g %+.0f%%%s |",
				got[k], want, e * 100, skip ? skip : "");
		if (skip)
			continue;
		test_ok(isfinite(e) && got[k] / want < 10 && want / got[k] < 10,
			"%s: %s %.4g, published %.4g (%+.0f%%)", id, metrics[k].label, got[k], want,
			e * 100);
		if (nerrs[k] < MAX_EXPERIMENTS)
			errs[k][nerrs[k]++] = fabs(e);
	}
	printf("%s\n", row);
out:
	free(d);
}

int main(void)
{
	char path[4096];
	json_error_t jerr;
	json_t *root, *x;
	size_t i;
	int k;

	cat = test_catalog();
	snprintf(path, sizeof(path), "%s/tests/data/reference/serving.json", test_env("TOP_SRCDIR"));
	root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
	if (!test_ok(root != NULL, "read %s: %s", path, root ? "ok" : jerr.text))
		return test_done();
	printf("# | model | GPU | load (mean in/out) |");
	for (k = 0; k < M_COUNT; k++)
		printf(" %s |", metrics[k].label);
	printf("\n# |---|---|---|");
	for (k = 0; k < M_COUNT; k++)
		printf("---:|");
	printf("\n");
	json_array_foreach(json_object_get(root, "experiments"), i, x)
		experiment(x);
	test_ok(i >= 30, "%zu experiments (the issue asks for at least 30)", i);
	for (k = 0; k < M_COUNT; k++) {
		double med;

		if (!test_ok(nerrs[k] > 0, "%s: scored rows", metrics[k].label))
			continue;
		med = median(errs[k], nerrs[k]);
		test_ok(med <= metrics[k].bar, "%s: median |error| %.1f%% over %zu runs (bar %.0f%%,"
			" target 10%%)", metrics[k].label, med * 100, nerrs[k], metrics[k].bar * 100);
	}
	json_decref(root);
	cat_free(cat);
	return test_done();
}
