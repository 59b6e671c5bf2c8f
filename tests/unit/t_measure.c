/*
 * t_measure.c - the shipped model against real GPUs: every decode step,
 * prefill and power sample recorded by bench/measure/measure_llm.py on an
 * H100 SXM and an H200 SXM (tests/data/measure/, one JSON file per GPU) is predicted from
 * the catalog (efficiency rows included) and must land within DESIGN.md's
 * bars: step and prefill times within 10%, GPU power within 15%; each
 * measured time must also lie inside the band the estimate reports.
 */
#include "tests/testlib.h"
#include "tests/testcat.h"
#include "catalog/cat.h"
#include "models/estimate.h"
#include "bind/deploy.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static struct cat *cat;

/* The measured shapes: Llama 3.1 8B whole, and 16 of Llama 3.1 70B's 80
 * layers with its embedding and head (bench/measure/measure_llm.py). */
static int build(struct deploy *d, const char *gpu, const char *model)
{
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct err err = ERR_INIT;
	int is70 = !strcmp(model, "llama-3.1-70b-16l");

	q.model = is70 ? "llama-3.1-70b" : model;
	q.gpu = gpu;
	q.work.batch = 1;
	q.work.context = 128;
	if (test_deploy(d, cat, &q) < 0)
		return -1;
	if (is70) {
		d->llm.layers = 16;
		d->llm.params_total = 0;    /* count, do not scale to the card */
		if (est_model_init(&d->in.model, &d->llm, d->wf, d->kf, &d->gspec,
				   &d->dspec, &err) < 0) {
			test_ok(0, "init: %s", err.msg);
			return -1;
		}
	}
	return 0;
}

static double num(json_t *o, const char *k)
{
	return json_number_value(json_object_get(o, k));
}

static void check_rows(const char *gpu, json_t *rows, int decode, double idle_w,
		       double *worst)
{
	size_t i;
	json_t *row;
	struct deploy *d = xcalloc(1, sizeof(*d));
	const char *built = NULL;   /* rows come grouped by model: build once each */

	json_array_foreach(rows, i, row) {
		const char *model = json_string_value(json_object_get(row, "model"));
		double b = num(row, "batch"), meas = num(row, "time_s");
		double len = num(row, decode ? "context" : "input_len");
		struct perf_result p;
		struct power_gpu_result pw;
		const struct gpu_eff *e;
		double lo, hi, err;
		json_t *power;

		if (!model)
			break;
		if (!built || strcmp(built, model)) {
			if (build(d, gpu, model) < 0)
				break;
			built = model;
		}
		e = &d->gspec.eff;
		if (decode)
			perf_decode(&p, &d->in.model, b, len);
		else
			perf_prefill(&p, &d->in.model, b, len);
		err = p.time_s / meas - 1;
		*worst = fmax(*worst, fabs(err));
		test_ok(fabs(err) <= 0.10, "%s %s %s B=%.0f L=%.0f: predicted %.3f ms, measured %.3f ms (%+.1f%%)",
			gpu, decode ? "decode" : "prefill", model, b, len, p.time_s * 1e3,
			meas * 1e3, err * 100);
		lo = p.time_s * (1 + (decode ? e->err_decode_lo : e->err_prefill_lo));
		hi = p.time_s * (1 + (decode ? e->err_decode_hi : e->err_prefill_hi));
		test_ok(meas >= lo * 0.999 && meas <= hi * 1.001,
			"%s %s B=%.0f L=%.0f: measured inside the band [%.3f, %.3f] ms",
			gpu, model, b, len, lo * 1e3, hi * 1e3);
		power = json_object_get(row, "power");
		if (!json_is_object(power))
			continue;
		/* the catalog's idle is an earlier capture; use this run's */
		d->gspec.idle_w = idle_w;
		power_gpu(&pw, &d->gspec, NAN, p.u_mem, p.u_comp);
		test_rel(pw.w, num(power, "power_w"), 0.15,
			 "%s %s B=%.0f L=%.0f: GPU power %.0f W vs %.0f W measured",
			 gpu, model, b, len, pw.w, num(power, "power_w"));
	}
	free(d);
}

static void one_gpu(const char *gpu)
{
	char path[4096];
	json_error_t jerr;
	json_t *root;
	double worst_d = 0, worst_p = 0, idle;

	snprintf(path, sizeof(path), "%s/tests/data/measure/%s.json",
		 test_env("TOP_SRCDIR"), gpu);
	root = json_load_file(path, 0, &jerr);
	if (!test_ok(root != NULL, "read %s: %s", path, root ? "ok" : jerr.text))
		return;
	idle = num(json_object_get(root, "idle"), "power_w");
	check_rows(gpu, json_object_get(root, "decode"), 1, idle, &worst_d);
	check_rows(gpu, json_object_get(root, "prefill"), 0, idle, &worst_p);
	printf("# %s: worst decode error %.1f%%, worst prefill error %.1f%%\n",
	       gpu, worst_d * 100, worst_p * 100);
	/* context floor: what a CUDA process holds before allocating */
	test_rel(num(json_object_get(root, "meta"), "total_bytes") -
		 num(json_object_get(root, "meta"), "free_after_context_bytes"),
		 552402944.0, 0.02, "%s: CUDA context as the efficiency record says", gpu);
	json_decref(root);
}

int main(void)
{
	cat = test_catalog();
	one_gpu("h100-sxm");
	one_gpu("h200-sxm");
	cat_free(cat);
	return test_done();
}
