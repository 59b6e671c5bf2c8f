/*
 * cmd_validate.c - `rigplan validate`: every stored measurement beside
 * the model's prediction of it, and the error per GPU and kind.  Parsing
 * and printing only; the predictions are calibrate/validate.c.
 */
#include "catalog/cat.h"
#include "cli/cmd.h"
#include "cli/out.h"
#include "cli/validate_serving.h"
#include "calibrate/validate.h"
#include "util/err.h"
#include "util/json.h"
#include "util/xalloc.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

enum { O_JSON = 256, O_GPU, O_SUMMARY, O_SERVING };

struct validate_opts {
	int json, summary_only;
	const char *gpu, *serving;
};

static int on_opt(int id, const char *arg, void *data, struct err *err)
{
	struct validate_opts *o = data;

	switch (id) {
	case O_JSON: o->json = 1; return 0;
	case O_SUMMARY: o->summary_only = 1; return 0;
	case O_GPU: o->gpu = arg; return 0;
	case O_SERVING: o->serving = arg; return 0;
	}
	return err_set(err, ERR_INVAL, "unhandled option");
}

static const struct opt_spec validate_opts_table[] = {
	{ "gpu", 0, required_argument, O_GPU, "GPU", "only this GPU's measurements" },
	{ "serving", 0, required_argument, O_SERVING, "FILE", "replay the serving benchmark runs of FILE (JSON) instead" },
	{ "summary", 0, no_argument, O_SUMMARY, NULL, "print only the summary per GPU and kind" },
	{ "json", 0, no_argument, O_JSON, NULL, "print JSON" },
	OPT_END
};

/* What was measured, for people: "gemm bf16 1x57344x8192", "decode llama-3.1-8b B=8 L=4096". */
static void describe(char *buf, size_t len, const struct cat_measurement *m)
{
	if (!strcmp(m->workload, "gemm"))
		snprintf(buf, len, "gemm %s %lldx%lldx%lld", m->dtype, (long long)m->m,
			 (long long)m->n, (long long)m->k);
	else if (!strcmp(m->workload, "decode") || !strcmp(m->workload, "prefill"))
		snprintf(buf, len, "%s %s%s B=%lld %s=%lld", m->workload, m->model_id,
			 m->layers != CAT_NULL_INT ? " (part)" : "", (long long)m->batch,
			 m->workload[0] == 'd' ? "L" : "S",
			 (long long)(m->workload[0] == 'd' ? m->context : m->input_len));
	else if (m->pinned != CAT_NULL_INT)
		snprintf(buf, len, "%s %s", m->workload, m->pinned ? "pinned" : "pageable");
	else
		snprintf(buf, len, "%s", m->workload);
}

/* A value in its unit, readable. */
static void value(char *buf, size_t len, const char *metric, double v)
{
	if (isnan(v))
		snprintf(buf, len, "-");
	else if (!strcmp(metric, "time_s"))
		snprintf(buf, len, v < 1e-3 ? "%.1f us" : "%.3f ms", v < 1e-3 ? v * 1e6 : v * 1e3);
	else if (!strcmp(metric, "bytes_per_s"))
		snprintf(buf, len, "%.1f GB/s", v / 1e9);
	else
		snprintf(buf, len, "%.0f W", v);
}

static void print_rows(const struct val_row *rows, size_t n)
{
	static const int right[] = { 0, 0, 0, 1, 1, 1 };
	size_t i, nc = 6;
	char **cells = xcalloc((n + 1) * nc, sizeof(char *));
	char buf[160];

	cells[0] = xstrdup("gpu");
	cells[1] = xstrdup("measurement");
	cells[2] = xstrdup("metric");
	cells[3] = xstrdup("measured");
	cells[4] = xstrdup("predicted");
	cells[5] = xstrdup("error");
	for (i = 0; i < n; i++) {
		const struct val_row *v = &rows[i];
		char **row = cells + (i + 1) * nc;

		row[0] = xstrdup(v->m.gpu_id);
		describe(buf, sizeof(buf), &v->m);
		row[1] = xstrdup(buf);
		row[2] = xstrdup(v->m.metric);
		value(buf, sizeof(buf), v->m.metric, v->m.value);
		row[3] = xstrdup(buf);
		value(buf, sizeof(buf), v->m.metric, v->predicted);
		row[4] = xstrdup(buf);
		if (isnan(v->predicted))
			snprintf(buf, sizeof(buf), "-");
		else
			snprintf(buf, sizeof(buf), "%+.1f%%", v->error * 100);
		row[5] = xstrdup(buf);
	}
	out_table(stdout, cells, n + 1, nc, right);
	for (i = 0; i < (n + 1) * nc; i++)
		free(cells[i]);
	free(cells);
}

static void print_summary(const struct val_summary *s, size_t n)
{
	static const int right[] = { 0, 0, 1, 1, 1, 1 };
	size_t i, nc = 6;
	char **cells = xcalloc((n + 1) * nc, sizeof(char *));
	char buf[64];

	cells[0] = xstrdup("gpu");
	cells[1] = xstrdup("kind");
	cells[2] = xstrdup("n");
	cells[3] = xstrdup("mean |error|");
	cells[4] = xstrdup("rms");
	cells[5] = xstrdup("max |error|");
	for (i = 0; i < n; i++) {
		char **row = cells + (i + 1) * nc;

		row[0] = xstrdup(s[i].gpu);
		row[1] = xstrdup(s[i].what);
		snprintf(buf, sizeof(buf), "%zu", s[i].n);
		row[2] = xstrdup(buf);
		snprintf(buf, sizeof(buf), "%.1f%%", s[i].mean_abs * 100);
		row[3] = xstrdup(buf);
		snprintf(buf, sizeof(buf), "%.1f%%", s[i].rms * 100);
		row[4] = xstrdup(buf);
		snprintf(buf, sizeof(buf), "%.1f%%", s[i].max_abs * 100);
		row[5] = xstrdup(buf);
	}
	out_table(stdout, cells, n + 1, nc, right);
	for (i = 0; i < (n + 1) * nc; i++)
		free(cells[i]);
	free(cells);
}

static json_t *rows_json(const struct val_row *rows, size_t n)
{
	json_t *a = json_array();
	char metric[64];
	size_t i;

	for (i = 0; i < n; i++) {
		const struct val_row *v = &rows[i];
		const struct cat_measurement *m = &v->m;
		json_t *o = json_object();

		snprintf(metric, sizeof(metric), "%s_%s", m->workload, m->metric);
		json_object_set_new(o, "id", json_string(m->id));
		json_object_set_new(o, "gpu", json_string(m->gpu_id));
		json_object_set_new(o, "metric", json_string(metric));
		if (m->dtype[0])
			json_object_set_new(o, "dtype", json_string(m->dtype));
		if (m->m != CAT_NULL_INT)
			json_object_set_new(o, "shape", json_pack("[III]", (json_int_t)m->m,
								   (json_int_t)m->n, (json_int_t)m->k));
		if (m->size_bytes != CAT_NULL_INT)
			json_object_set_new(o, "size_bytes", json_integer((json_int_t)m->size_bytes));
		if (m->pinned != CAT_NULL_INT)
			json_object_set_new(o, "pinned", json_boolean(m->pinned));
		if (m->model_id[0])
			json_object_set_new(o, "model", json_string(m->model_id));
		if (m->layers != CAT_NULL_INT)
			json_object_set_new(o, "layers", json_integer((json_int_t)m->layers));
		if (m->batch != CAT_NULL_INT)
			json_object_set_new(o, "batch", json_integer((json_int_t)m->batch));
		if (m->context != CAT_NULL_INT)
			json_object_set_new(o, "context", json_integer((json_int_t)m->context));
		if (m->input_len != CAT_NULL_INT)
			json_object_set_new(o, "input_len", json_integer((json_int_t)m->input_len));
		json_object_set_new(o, "measured", json_num(m->value));
		json_object_set_new(o, "predicted", json_num(v->predicted));
		json_object_set_new(o, "error", json_num(v->error));
		json_object_set_new(o, "source", json_string(m->source));
		json_object_set_new(o, "as_of", json_string(m->as_of));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *summary_json(const struct val_summary *s, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:s,s:s,s:I,s:o,s:o,s:o}", "gpu", s[i].gpu,
			"kind", s[i].what, "n", (json_int_t)s[i].n,
			"mean_abs_error", json_num(s[i].mean_abs),
			"rms_error", json_num(s[i].rms),
			"max_abs_error", json_num(s[i].max_abs)));
	return a;
}

static int exec_validate(int argc, char **argv, struct cli_ctx *ctx)
{
	struct validate_opts o = { 0, 0, NULL, NULL };
	struct val_row *rows = NULL;
	struct val_summary *sum = NULL;
	struct err err = ERR_INIT;
	struct cat *cat = NULL;
	size_t n = 0, ns = 0, i, kept = 0;
	int first, status = EXIT_OK;

	if ((first = cli_parse(argc, argv, ctx, on_opt, &o, &status)) < 0)
		return status;
	if (first < argc)
		return cli_usage(ctx, "unexpected operand '%s'", argv[first]);
	if (o.serving)
		return validate_serving(o.serving, o.gpu, o.json, o.summary_only, ctx);
	if (cli_open_catalog(&cat, ctx, 0, &status) < 0)
		return status;
	if (o.gpu) {
		struct cat_gpu g;

		if (cat_gpu_find(&g, cat, o.gpu, &err) < 0) {
			status = cli_fail(ctx, &err);
			goto out;
		}
		o.gpu = NULL;
		if (validate_run(&rows, &n, cat, &err) < 0) {
			status = cli_fail(ctx, &err);
			goto out;
		}
		for (i = 0; i < n; i++)
			if (!strcmp(rows[i].m.gpu_id, g.id))
				rows[kept++] = rows[i];
		n = kept;
	} else if (validate_run(&rows, &n, cat, &err) < 0) {
		status = cli_fail(ctx, &err);
		goto out;
	}
	validate_summarize(&sum, &ns, rows, n);
	if (o.json) {
		json_t *j = json_object();

		json_object_set_new(j, "rows", rows_json(rows, n));
		json_object_set_new(j, "summary", summary_json(sum, ns));
		out_json_print(stdout, j);
		json_decref(j);
	} else if (n == 0) {
		printf("no measurements stored%s; `rigplan calibrate` adds this machine's GPU\n",
		       kept == 0 && argc > 1 ? " for that GPU" : "");
	} else {
		if (!o.summary_only) {
			print_rows(rows, n);
			printf("\n");
		}
		print_summary(sum, ns);
	}
out:
	free(sum);
	free(rows);
	cat_free(cat);
	return status;
}

const struct cmd_entry cmd_validate_entry = {
	"validate", "compare the model's predictions with stored measurements",
	NULL,
	"Lists every measurement in the catalog (end-to-end decode and prefill times "
	"shipped with rigplan, and the kernels, transfers and power `rigplan calibrate` "
	"stored for your GPUs) with the model's prediction of it and the relative error "
	"(predicted / measured - 1), then the mean, rms and largest error per GPU and "
	"kind.\n\n"
	"With --serving FILE it replays serving benchmark runs instead (published ones "
	"ship in tests/data/reference/serving.json; your own go in the same form): each "
	"run's model on tp x GPU under its engine, a closed loop of its concurrency "
	"sending its num_prompts requests, lengths drawn uniformly from 1 with the mean "
	"of its token totals, four seeds; then TTFT, TPOT and end-to-end (mean, median, "
	"p99) and output tokens/s against what it printed, and the median error per GPU "
	"and metric.  A run is {\"id\", \"model\", \"gpu\", \"engine\", \"precision\", "
	"\"tp\", \"concurrency\", \"num_prompts\", \"measured\": {\"total_input_tokens\", "
	"\"total_output_tokens\", \"ttft_mean_ms\", ..., \"output_throughput\"}} in a "
	"list \"experiments\".",
	validate_opts_table, exec_validate, NULL
};
