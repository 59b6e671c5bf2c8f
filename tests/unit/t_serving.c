/*
 * t_serving.c - the simulator against published serving benchmarks under
 * load (tests/data/reference/serving.json: the SGLang cookbook's
 * sglang.bench_serving runs, a closed loop of N clients at an unlimited
 * rate, on A100, B200 and MI300X, and two vLLM runs on MI300X and H100).
 *
 * Each experiment is replayed as its benchmark ran it (planner/reference.c,
 * which `rigplan validate --serving` runs too): its model, GPU, weights and
 * tensor parallelism, SGLang's default release, a closed loop of
 * --max-concurrency clients sending --num-prompts requests, prompt and
 * output lengths drawn uniformly from 1 with the means of the block's own
 * token totals (the random dataset with its default range ratio 0, EOS
 * ignored).  A run of ten requests is noisy, so every experiment is
 * simulated with REF_SEEDS seeds and the figures averaged.
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
#include "catalog/cat.h"
#include "planner/reference.h"
#include "util/err.h"
#include "util/fileio.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The median |error| each metric may not exceed: where it stands.  The
 * pooled TTFT medians rose when MI300X got Infinity Fabric's own link (its
 * DeepSeek runs, a third of the set, had hidden a 2-3x slow DeepSeek path
 * on ROCm behind PCIe's ring: docs/accuracy.md); the GPUs' own bars below
 * hold each family's standing apart.  TPOT p99's median (13 runs; the
 * median one is the A100's at 100 clients) went from 34.5% to 37.8% when
 * the layers' element-wise kernels were charged by the token.
 */
static const double bars[REF_METRICS] = {
	0.38, 0.36, 0.53,       /* TTFT mean, median, p99 */
	0.14, 0.15, 0.39,       /* TPOT mean, median, p99 */
	0.15, 0.21,             /* e2e mean, median */
	0.17,                   /* output tokens/s */
};

/* Each GPU family's median |error| on three metrics, where it stands. */
static const struct {
	const char *gpu;
	double ttft_median, tpot_mean, output_tps;
} gpu_bars[] = {
	{ "a100-sxm-80gb", 0.09, 0.07, 0.08 },
	{ "b200", 0.33, 0.14, 0.15 },
	{ "mi300x", 0.53, 0.62, 1.60 },
};
#define NGPU_BARS (sizeof(gpu_bars) / sizeof(gpu_bars[0]))

static double errs[REF_METRICS][REF_RUNS_MAX];
static size_t nerrs[REF_METRICS];
static double gpu_errs[NGPU_BARS][REF_METRICS][REF_RUNS_MAX];
static size_t gpu_nerrs[NGPU_BARS][REF_METRICS];

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

static void experiment(struct cat *cat, const struct ref_run *x)
{
	struct ref_result res;
	struct err err = ERR_INIT;
	char row[1024];
	size_t g;
	int k, len;

	if (!test_ok(ref_predict(&res, cat, x, REF_SEEDS, &err) == 0, "%s: %s", x->id,
		     err.code ? err.msg : "replayed"))
		return;
	test_int((int64_t)res.completed, (int64_t)res.sent, "%s: every request completes", x->id);
	/* the table row is written whole after the checks' own lines */
	len = snprintf(row, sizeof(row), "# | %s | %s x%zu | c=%zu, %.0f/%.0f tokens |", x->model,
		       x->gpu, res.gpus, x->concurrency, x->mean_in, x->mean_out);
	for (k = 0; k < REF_METRICS; k++) {
		double want = x->measured[k], got = res.predicted[k], e = got / want - 1;
		const char *mark = res.skip[k] == REF_BURST ? " (b)" :
				   res.skip[k] == REF_FEW ? " (n)" : "";

		if (!isfinite(want)) {
			len += snprintf(row + len, sizeof(row) - (size_t)len, " - |");
			continue;
		}
		len += snprintf(row + len, sizeof(row) - (size_t)len, " %.4g / %.4g %+.0f%%%s |",
				got, want, e * 100, mark);
		if (res.skip[k] != REF_SCORED)
			continue;
		test_ok(isfinite(e) && got / want < 10 && want / got < 10,
			"%s: %s %.4g, published %.4g (%+.0f%%)", x->id, ref_metric_label(k), got,
			want, e * 100);
		errs[k][nerrs[k]++] = fabs(e);
		for (g = 0; g < NGPU_BARS; g++)
			if (!strcmp(x->gpu, gpu_bars[g].gpu))
				gpu_errs[g][k][gpu_nerrs[g][k]++] = fabs(e);
	}
	printf("%s\n", row);
}

int main(void)
{
	char path[4096], *text = NULL;
	struct ref_run *runs = NULL;
	struct err err = ERR_INIT;
	struct cat *cat = test_catalog();
	size_t len = 0, n = 0, i;
	int k;

	snprintf(path, sizeof(path), "%s/tests/data/reference/serving.json", test_env("TOP_SRCDIR"));
	if (!test_ok(file_read_all(&text, &len, path, REF_FILE_MAX, &err) == 0 &&
		     ref_parse(&runs, &n, text, len, &err) == 0, "read %s: %s", path,
		     err.code ? err.msg : "ok"))
		goto out;
	printf("# | model | GPU | load (mean in/out) |");
	for (k = 0; k < REF_METRICS; k++)
		printf(" %s |", ref_metric_label(k));
	printf("\n# |---|---|---|");
	for (k = 0; k < REF_METRICS; k++)
		printf("---:|");
	printf("\n");
	for (i = 0; i < n; i++)
		experiment(cat, &runs[i]);
	test_ok(n >= 30, "%zu experiments (the issue asks for at least 30)", n);
	for (k = 0; k < REF_METRICS; k++) {
		double med;

		if (!test_ok(nerrs[k] > 0, "%s: scored rows", ref_metric_label(k)))
			continue;
		med = median(errs[k], nerrs[k]);
		test_ok(med <= bars[k], "%s: median |error| %.1f%% over %zu runs (bar %.0f%%, "
			"target 10%%)", ref_metric_label(k), med * 100, nerrs[k], bars[k] * 100);
	}
	for (i = 0; i < NGPU_BARS; i++) {
		const int ks[3] = { REF_TTFT_MEDIAN, REF_TPOT_MEAN, REF_OUTPUT_TPS };
		const double bs[3] = { gpu_bars[i].ttft_median, gpu_bars[i].tpot_mean,
					gpu_bars[i].output_tps };

		for (k = 0; k < 3; k++) {
			size_t m = gpu_nerrs[i][ks[k]];
			double med = m ? median(gpu_errs[i][ks[k]], m) : NAN;

			test_ok(m > 0 && med <= bs[k], "%s %s: median |error| %.1f%% over %zu runs "
				"(bar %.0f%%)", gpu_bars[i].gpu, ref_metric_label(ks[k]), med * 100, m,
				bs[k] * 100);
		}
	}
out:
	free(runs);
	free(text);
	cat_free(cat);
	return test_done();
}
