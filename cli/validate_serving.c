/*
 * validate_serving.c - `rigplan validate --serving FILE`: published (or
 * your own) serving benchmark runs beside rigplan's replay of each, and
 * the median error per GPU and metric.  The replay is planner/reference.c.
 */
#include "catalog/cat.h"
#include "cli/cmd.h"
#include "cli/out.h"
#include "cli/validate_serving.h"
#include "planner/reference.h"
#include "util/err.h"
#include "util/fileio.h"
#include "util/json.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One summary group: a GPU (or all of them) and a metric. */
struct group {
	char gpu[64];
	enum ref_metric metric;
	double *errs;
	size_t n, cap;
};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static struct group *group_of(struct group **gs, size_t *ng, const char *gpu, int metric)
{
	size_t i;

	for (i = 0; i < *ng; i++)
		if ((*gs)[i].metric == (enum ref_metric)metric && !strcmp((*gs)[i].gpu, gpu))
			return &(*gs)[i];
	*gs = xrealloc(*gs, (*ng + 1) * sizeof(**gs));
	memset(&(*gs)[*ng], 0, sizeof(**gs));
	snprintf((*gs)[*ng].gpu, sizeof((*gs)[*ng].gpu), "%s", gpu);
	(*gs)[*ng].metric = (enum ref_metric)metric;
	return &(*gs)[(*ng)++];
}

/* By GPU, every GPU together last; then in the metrics' order. */
static int cmp_group(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	int ax = !strcmp(x->gpu, "all"), ay = !strcmp(y->gpu, "all"), c;

	if (ax != ay)
		return ax - ay;
	if ((c = strcmp(x->gpu, y->gpu)))
		return c;
	return (int)x->metric - (int)y->metric;
}

static void add_err(struct group *g, double e)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 16;
		g->errs = xrealloc(g->errs, g->cap * sizeof(*g->errs));
	}
	g->errs[g->n++] = fabs(e);
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double mean(const double *v, size_t n)
{
	double s = 0;
	size_t i;

	for (i = 0; i < n; i++)
		s += v[i];
	return n ? s / (double)n : NAN;
}

static const char *skip_mark(enum ref_skip s)
{
	return s == REF_BURST ? "(b)" : s == REF_FEW ? "(n)" : "";
}

static void print_runs(const struct ref_run *runs, const struct ref_result *res, size_t n)
{
	static const int right[] = { 0, 0, 1, 1, 1, 0 };
	size_t i, rows = 0, r = 1, nc = 6;
	char **cells, buf[96];
	int k;

	for (i = 0; i < n; i++)
		for (k = 0; k < REF_METRICS; k++)
			rows += isfinite(runs[i].measured[k]);
	cells = xcalloc((rows + 1) * nc, sizeof(char *));
	cells[0] = xstrdup("run");
	cells[1] = xstrdup("metric");
	cells[2] = xstrdup("published");
	cells[3] = xstrdup("rigplan");
	cells[4] = xstrdup("error");
	cells[5] = xstrdup("");
	for (i = 0; i < n; i++)
		for (k = 0; k < REF_METRICS; k++) {
			char **row = cells + r * nc;
			double want = runs[i].measured[k], got = res[i].predicted[k];
			const char *unit = k == REF_OUTPUT_TPS ? " tok/s" : " ms";

			if (!isfinite(want))
				continue;
			row[0] = xstrdup(runs[i].id);
			row[1] = xstrdup(ref_metric_label(k));
			snprintf(buf, sizeof(buf), "%.4g%s", want, unit);
			row[2] = xstrdup(buf);
			snprintf(buf, sizeof(buf), "%.4g%s", got, unit);
			row[3] = xstrdup(buf);
			snprintf(buf, sizeof(buf), "%+.1f%%", (got / want - 1) * 100);
			row[4] = xstrdup(buf);
			row[5] = xstrdup(skip_mark(res[i].skip[k]));
			r++;
		}
	out_table(stdout, cells, rows + 1, nc, right);
	for (i = 0; i < (rows + 1) * nc; i++)
		free(cells[i]);
	free(cells);
}

static void print_summary(struct group *gs, size_t ng)
{
	static const int right[] = { 0, 0, 1, 1, 1 };
	size_t i, nc = 5;
	char **cells = xcalloc((ng + 1) * nc, sizeof(char *));
	char buf[64];

	cells[0] = xstrdup("gpu");
	cells[1] = xstrdup("metric");
	cells[2] = xstrdup("n");
	cells[3] = xstrdup("median |error|");
	cells[4] = xstrdup("mean |error|");
	for (i = 0; i < ng; i++) {
		char **row = cells + (i + 1) * nc;

		row[0] = xstrdup(gs[i].gpu);
		row[1] = xstrdup(ref_metric_label(gs[i].metric));
		snprintf(buf, sizeof(buf), "%zu", gs[i].n);
		row[2] = xstrdup(buf);
		snprintf(buf, sizeof(buf), "%.1f%%", median(gs[i].errs, gs[i].n) * 100);
		row[3] = xstrdup(buf);
		snprintf(buf, sizeof(buf), "%.1f%%", mean(gs[i].errs, gs[i].n) * 100);
		row[4] = xstrdup(buf);
	}
	out_table(stdout, cells, ng + 1, nc, right);
	for (i = 0; i < (ng + 1) * nc; i++)
		free(cells[i]);
	free(cells);
}

static json_t *runs_json(const struct ref_run *runs, const struct ref_result *res, size_t n)
{
	json_t *a = json_array();
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		json_t *o = json_object(), *ms = json_object();

		json_object_set_new(o, "id", json_string(runs[i].id));
		json_object_set_new(o, "model", json_string(runs[i].model));
		json_object_set_new(o, "gpu", json_string(runs[i].gpu));
		json_object_set_new(o, "gpus", json_integer((json_int_t)res[i].gpus));
		json_object_set_new(o, "concurrency", json_integer((json_int_t)runs[i].concurrency));
		json_object_set_new(o, "requests", json_integer((json_int_t)runs[i].requests));
		for (k = 0; k < REF_METRICS; k++) {
			double want = runs[i].measured[k], got = res[i].predicted[k];

			if (!isfinite(want))
				continue;
			json_object_set_new(ms, ref_metric_key(k), json_pack("{s:o,s:o,s:o,s:s}",
				"published", json_num(want), "predicted", json_num(got),
				"error", json_num(got / want - 1), "scored",
				res[i].skip[k] == REF_SCORED ? "yes" : res[i].skip[k] == REF_BURST ?
				"no: below its burst's compute bound" : "no: a p99 of under 100 requests"));
		}
		json_object_set_new(o, "metrics", ms);
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *summary_json(struct group *gs, size_t ng)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < ng; i++)
		json_array_append_new(a, json_pack("{s:s,s:s,s:I,s:o,s:o}", "gpu", gs[i].gpu,
			"metric", ref_metric_key(gs[i].metric), "n", (json_int_t)gs[i].n,
			"median_abs_error", json_num(median(gs[i].errs, gs[i].n)),
			"mean_abs_error", json_num(mean(gs[i].errs, gs[i].n))));
	return a;
}

int validate_serving(const char *path, const char *gpu, int json, int summary_only,
		     struct cli_ctx *ctx)
{
	struct ref_run *runs = NULL;
	struct ref_result *res = NULL;
	struct group *gs = NULL;
	struct err err = ERR_INIT;
	struct cat *cat = NULL;
	struct cat_gpu g;
	char *text = NULL;
	size_t len = 0, n = 0, ng = 0, i, kept = 0;
	int k, status = EXIT_OK;

	if (file_read_all(&text, &len, path, REF_FILE_MAX, &err) < 0 ||
	    ref_parse(&runs, &n, text, len, &err) < 0) {
		status = cli_fail(ctx, &err);
		goto out;
	}
	if (cli_open_catalog(&cat, ctx, 0, &status) < 0)
		goto out;
	if (gpu && cat_gpu_find(&g, cat, gpu, &err) < 0) {
		status = cli_fail(ctx, &err);
		goto out;
	}
	res = xcalloc(n, sizeof(*res));
	for (i = 0; i < n; i++) {
		if (gpu && strcmp(runs[i].gpu, g.id))
			continue;
		if (ref_predict(&res[kept], cat, &runs[i], REF_SEEDS, &err) < 0) {
			struct err e2 = ERR_INIT;

			/* a run the catalog cannot deploy is bad data in the file */
			err_set(&e2, ERR_PARSE, "%.60s: run '%.60s': %s", path, runs[i].id, err.msg);
			status = cli_fail(ctx, &e2);
			goto out;
		}
		runs[kept++] = runs[i];
	}
	n = kept;
	/* per GPU, then every GPU together */
	for (i = 0; i < n; i++)
		for (k = 0; k < REF_METRICS; k++) {
			double want = runs[i].measured[k], e = res[i].predicted[k] / want - 1;

			if (!isfinite(want) || res[i].skip[k] != REF_SCORED || !isfinite(e))
				continue;
			add_err(group_of(&gs, &ng, runs[i].gpu, k), e);
			add_err(group_of(&gs, &ng, "all", k), e);
		}
	if (ng)
		qsort(gs, ng, sizeof(*gs), cmp_group);
	if (json) {
		json_t *j = json_object();

		json_object_set_new(j, "runs", runs_json(runs, res, n));
		json_object_set_new(j, "summary", summary_json(gs, ng));
		out_json_print(stdout, j);
		json_decref(j);
	} else if (n == 0) {
		printf("no runs of that GPU in %s\n", path);
	} else {
		if (!summary_only) {
			print_runs(runs, res, n);
			printf("\n(b) below the compute bound of the run's own burst start, and (n) a "
			       "p99 of under 100 requests: listed, not scored\n\n");
		}
		print_summary(gs, ng);
	}
out:
	for (i = 0; i < ng; i++)
		free(gs[i].errs);
	free(gs);
	free(res);
	free(runs);
	free(text);
	cat_free(cat);
	return status;
}
