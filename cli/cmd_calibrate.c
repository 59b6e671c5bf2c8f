/*
 * cmd_calibrate.c - `rigplan calibrate`: measure this machine's GPU with
 * rigplan-ck (or replay a recorded run), fit the model's efficiencies to
 * it and store them in the user catalog.  Parsing and printing only: the
 * measuring is calibrate/cal_run.c, the fit calibrate/cal_fit.c, the
 * storing catalog/cat_calib.c.
 */
#include "calibrate/cal_fit.h"
#include "calibrate/cal_run.h"
#include "calibrate/ck_client.h"
#include "catalog/cat.h"
#include "cli/cmd.h"
#include "cli/out.h"
#include "calibrate/validate.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

enum { O_DEVICE = 256, O_QUICK, O_JSON, O_RECORD, O_REPLAY, O_MODEL, O_NO_STORE };

struct calibrate_opts {
	int device, quick, json, store;
	const char *record, *replay;
	const char *models[8];
	size_t nmodels;
};

static int on_opt(int id, const char *arg, void *data, struct err *err)
{
	struct calibrate_opts *o = data;
	size_t v;

	switch (id) {
	case O_DEVICE:
		if (opt_size(&v, "--device", arg, 0, 63, err) < 0)
			return -1;
		o->device = (int)v;
		return 0;
	case O_QUICK: o->quick = 1; return 0;
	case O_JSON: o->json = 1; return 0;
	case O_RECORD: o->record = arg; return 0;
	case O_REPLAY: o->replay = arg; return 0;
	case O_NO_STORE: o->store = 0; return 0;
	case O_MODEL:
		if (o->nmodels == sizeof(o->models) / sizeof(o->models[0]))
			return err_set(err, ERR_INVAL, "--model: at most %zu models",
				       sizeof(o->models) / sizeof(o->models[0]));
		o->models[o->nmodels++] = arg;
		return 0;
	}
	return err_set(err, ERR_INVAL, "unhandled option");
}

static const struct opt_spec calibrate_opts_table[] = {
	{ "device", 0, required_argument, O_DEVICE, "N", "CUDA device to measure (default 0)" },
	{ "quick", 0, no_argument, O_QUICK, NULL, "fewer shapes and shorter soaks (about 20 s)" },
	{ "model", 0, required_argument, O_MODEL, "MODEL",
	  "take GEMV shapes from this model (repeatable; default llama-3.1-8b and -70b)" },
	{ "record", 0, required_argument, O_RECORD, "DIR",
	  "also write the raw run (results and nvidia-smi samples) to the new directory DIR" },
	{ "replay", 0, required_argument, O_REPLAY, "DIR",
	  "fit a recorded run instead of measuring (no GPU needed)" },
	{ "no-store", 0, no_argument, O_NO_STORE, NULL, "fit and print, but leave the user catalog alone" },
	{ "json", 0, no_argument, O_JSON, NULL, "print JSON" },
	OPT_END
};

static void fmt_rate(char *buf, size_t len, const struct cal_case *k)
{
	if (k->skipped)
		snprintf(buf, len, "skipped");
	else if (k->c.kind == CK_GEMM && k->r.flops / k->r.median_s > 1e12 &&
		 k->c.m >= 512)
		snprintf(buf, len, "%.0f TFLOP/s", k->r.flops / k->r.median_s / 1e12);
	else
		snprintf(buf, len, "%.0f GB/s", k->r.bytes / k->r.median_s / 1e9);
}

/* One line per case: what it was, its median, the rate it reached. */
static void print_cases(const struct cal_record *rec)
{
	size_t i, nc = 4, nr = rec->ncases + 1;
	char **cells = xcalloc(nr * nc, sizeof(char *));
	static const int right[] = { 0, 0, 1, 1 };
	char buf[128];

	cells[0] = xstrdup("case");
	cells[1] = xstrdup("shape");
	cells[2] = xstrdup("median");
	cells[3] = xstrdup("rate");
	for (i = 0; i < rec->ncases; i++) {
		const struct cal_case *k = &rec->cases[i];
		char **row = cells + (i + 1) * nc;

		if (k->c.kind == CK_GEMM)
			snprintf(buf, sizeof(buf), "gemm %s %s", ck_dtype_name(k->c.dtype), k->label);
		else if (k->c.kind == CK_H2D || k->c.kind == CK_D2H)
			snprintf(buf, sizeof(buf), "%s %s", ck_kind_name(k->c.kind),
				 k->c.pinned ? "pinned" : "pageable");
		else
			snprintf(buf, sizeof(buf), "%s %s", ck_kind_name(k->c.kind), k->label);
		row[0] = xstrdup(buf);
		if (k->c.kind == CK_GEMM)
			snprintf(buf, sizeof(buf), "%ld x %ld x %ld", k->c.m, k->c.n, k->c.k);
		else
			snprintf(buf, sizeof(buf), "%.0f MiB", (double)k->c.bytes / 1048576.0);
		row[1] = xstrdup(buf);
		if (k->skipped)
			snprintf(buf, sizeof(buf), "-");
		else
			snprintf(buf, sizeof(buf), "%.1f us", k->r.median_s * 1e6);
		row[2] = xstrdup(buf);
		fmt_rate(buf, sizeof(buf), k);
		row[3] = xstrdup(buf);
	}
	out_table(stdout, cells, nr, nc, right);
	for (i = 0; i < nr * nc; i++)
		free(cells[i]);
	free(cells);
}

static void print_fit(const struct cal_record *rec, const struct cal_fit *f)
{
	size_t i;

	printf("%s (%s), driver %s, CUDA %s, %s, %s\n", rec->dev.name, rec->gpu_id,
	       rec->driver, rec->cuda, rec->host, rec->date);
	printf("%zu cases, %zu nvidia-smi samples\n\n", rec->ncases, rec->nsamples);
	print_cases(rec);
	printf("\nfitted                 value      rms error  from\n");
	for (i = 0; i < f->n; i++) {
		const struct cal_param *p = &f->p[i];

		char rms[16] = "-";

		if (!isnan(p->rms))
			snprintf(rms, sizeof(rms), "%.1f%%", p->rms * 100);
		printf("%-20s %10.4g %12s  %s\n", p->name, p->value, rms, p->from);
	}
	for (i = 0; i < f->nnotes; i++)
		printf("note: %s\n", f->notes[i]);
}

/* With the kernels measured, the decode step's remaining per-layer and
 * per-step costs are refitted to the catalog's end-to-end decode rows of
 * this GPU, if it has any. */
static int refit_decode(struct cal_fit *fit, struct cat *cat, struct err *err)
{
	struct cat_efficiency e = fit->eff;
	char from[96];
	size_t used;
	double rms;

	if (validate_refit_decode(&e, &used, &rms, cat, err) < 0)
		return -1;
	if (!used)
		return 0;
	snprintf(from, sizeof(from), "%zu end-to-end decode steps in the catalog, kernels held",
		 used);
	cal_fit_add(fit, "layer_s", e.layer_s, fit->eff.layer_s, rms, used, from);
	cal_fit_add(fit, "step_s", e.step_s, fit->eff.step_s, NAN, used, "the same fit");
	fit->eff.layer_s = e.layer_s;
	fit->eff.step_s = e.step_s;
	return 0;
}

static int exec_calibrate(int argc, char **argv, struct cli_ctx *ctx)
{
	struct calibrate_opts o = { 0, 0, 0, 1, NULL, NULL, { NULL }, 0 };
	struct cal_run_opts ro = CAL_RUN_OPTS_INIT;
	struct cal_record rec;
	struct cal_fit fit;
	struct err err = ERR_INIT;
	struct cat *cat = NULL;
	int first, status = EXIT_OK;

	cal_record_init(&rec);
	cal_fit_init(&fit);
	if ((first = cli_parse(argc, argv, ctx, on_opt, &o, &status)) < 0)
		return status;
	if (first < argc)
		return cli_usage(ctx, "unexpected operand '%s'", argv[first]);
	if (o.replay && (o.record || o.quick || o.nmodels))
		return cli_usage(ctx, "--replay fits a recorded run: --record, --quick and "
				 "--model apply only when measuring");
	if (!o.replay && !ck_client_program()) {
		cli_error(ctx, "rigplan was built without CUDA, so it cannot measure a GPU: "
			  "install the CUDA toolkit (nvcc), run ./configure --with-cuda and "
			  "rebuild; `rigplan calibrate --replay DIR` fits a recorded run "
			  "without CUDA");
		return EXIT_NOT_BUILT;
	}
	if (cli_open_catalog(&cat, ctx, o.store, &status) < 0)
		return status;
	if (o.replay) {
		if (cal_record_read(&rec, o.replay, &err) < 0)
			goto fail;
	} else {
		ro.device = o.device;
		ro.quick = o.quick;
		ro.models = o.nmodels ? o.models : NULL;
		ro.nmodels = o.nmodels;
		ro.progress = isatty(STDERR_FILENO) ? stderr : NULL;
		if (cal_run(&rec, cat, &ro, &err) < 0)
			goto fail;
		if (o.record && cal_record_write(&rec, o.record, &err) < 0)
			goto fail;
	}
	if (cal_fit_record(&fit, &rec, cat, &err) < 0 || refit_decode(&fit, cat, &err) < 0)
		goto fail;
	if (o.store && cal_fit_store(cat, &rec, &fit, &err) < 0)
		goto fail;
	if (o.json) {
		json_t *j = cal_fit_json(&rec, &fit);

		out_json_print(stdout, j);
		json_decref(j);
	} else {
		print_fit(&rec, &fit);
		if (o.store)
			printf("\nstored as efficiency row '%s' in the user catalog\n", rec.gpu_id);
	}
	goto out;
fail:
	status = cli_fail(ctx, &err);
out:
	cal_fit_release(&fit);
	cal_record_release(&rec);
	cat_free(cat);
	return status;
}

const struct cmd_entry cmd_calibrate_entry = {
	"calibrate", "measure this machine's GPU and fit the model to it",
	NULL,
	"Runs small CUDA programs on one GPU (memory streams, decode-shaped GEMVs over "
	"real layer shapes, dense GEMMs in bf16, fp16 and fp8, host transfers, peer "
	"copies) while sampling nvidia-smi, fits the model's efficiencies and power "
	"curve to what it measured (GSL nonlinear least squares), and stores them in "
	"the user catalog, where every later estimate uses them. Every result is "
	"checked for correctness before it is timed. A run that fails half-way "
	"stores nothing.",
	calibrate_opts_table, exec_calibrate, NULL
};
