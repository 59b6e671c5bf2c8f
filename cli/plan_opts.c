/*
 * plan_opts.c - the planner's flags (see plan_opts.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/plan_opts.h"
#include "cli/progress.h"
#include "cli/opt.h"
#include "models/fmt.h"
#include "models/power.h"
#include "sim/trace.h"
#include "util/err.h"
#include "util/xalloc.h"

void plan_opts_init(struct plan_opts *o)
{
	memset(o, 0, sizeof(*o));
	plan_request_init(&o->q);
}

void plan_opts_release(struct plan_opts *o)
{
	size_t i;

	for (i = 0; i < 3; i++)
		free(o->lists[i]);
	memset(o->lists, 0, sizeof(o->lists));
	if (o->tr_open)
		trace_close(&o->tr);
	o->tr_open = 0;
	o->q.trace = NULL;
}

/* "a,b,c" into words (pointing into a copy the options keep). */
static int split(const char **words, size_t *n, char **copy, const char *flag,
		 const char *arg, struct err *err)
{
	char *p;

	free(*copy);
	*copy = xstrdup(arg);
	*n = 0;
	for (p = *copy; ; ) {
		char *comma = strchr(p, ',');

		if (comma)
			*comma = '\0';
		if (!*p)
			return err_set(err, ERR_INVAL, "%s '%.60s': expected names separated by commas",
				       flag, arg);
		if (*n == PLAN_LIST_MAX)
			return err_set(err, ERR_INVAL, "%s: at most %d names", flag, PLAN_LIST_MAX);
		words[(*n)++] = p;
		if (!comma)
			return 0;
		p = comma + 1;
	}
}

int plan_opt(struct plan_opts *o, int id, const char *arg, struct err *err)
{
	struct plan_request *q = &o->q;
	int r;

	switch (id) {
	case PO_MODEL: q->model = arg; return 0;
	case PO_QPS: return opt_double(&q->qps, "--qps", arg, 1e-6, 1e7, err);
	case PO_INPUT: return opt_double(&q->input_len, "--input-len", arg, 1, 1e7, err);
	case PO_OUTPUT: return opt_double(&q->output_len, "--output-len", arg, 1, 1e7, err);
	case PO_TRACE: o->trace = arg; return 0;
	case PO_IMAGES: return opt_size(&q->images, "--images", arg, 0, 64, err);
	case PO_MEM_FRACTION:
		return opt_double(&q->mem_fraction, "--gpu-memory-utilization", arg, 0.05, 1, err);
	case PO_EAGER:
		q->eager = 1;
		return 0;
	case PO_IMAGE_SIZE: return opt_image_size(&q->image_w, &q->image_h, arg, err);
	case PO_TTFT: return opt_double(&q->ttft_p99_s, "--ttft-p99", arg, 1e-6, 1e6, err);
	case PO_TPOT: return opt_double(&q->tpot_p99_s, "--tpot-p99", arg, 1e-6, 1e6, err);
	case PO_BUDGET: return opt_double(&q->budget_usd, "--budget", arg, 1, 1e12, err);
	case PO_MONTHLY: return opt_double(&q->monthly_budget_usd, "--monthly-budget", arg, 1, 1e12, err);
	case PO_POWER: return opt_double(&q->power_limit_w, "--node-power-max", arg, 50, 1e7, err);
	case PO_GPU:
		r = split(o->gpus, &q->ngpus, &o->lists[0], "--gpu", arg, err);
		q->gpus = o->gpus;
		return r;
	case PO_ENGINE:
		r = split(o->engines, &q->nengines, &o->lists[1], "--engine", arg, err);
		q->engines = o->engines;
		return r;
	case PO_PRECISION: {
		size_t i;

		r = split(o->precisions, &q->nprecisions, &o->lists[2], "--precision", arg, err);
		q->precisions = o->precisions;
		/* as estimate's --precision: an unknown format is a usage error,
		 * not a search in which nothing fits */
		for (i = 0; r == 0 && i < q->nprecisions; i++)
			if (!fmt_weight_find(q->precisions[i]))
				r = err_set(err, ERR_INVAL, "unknown precision '%.40s': expected one of %s",
					    q->precisions[i], fmt_weight_names());
		return r;
	}
	case PO_CONSUMER: q->consumer_only = 1; return 0;
	case PO_OWNED: o->owned_file = arg; return 0;
	case PO_REDUNDANCY: {
		enum psu_redundancy red;

		if (psu_redundancy_parse(&red, arg) < 0)
			return err_set(err, ERR_INVAL, "--psu-redundancy '%.20s': expected "
				       PSU_REDUNDANCY_NAMES, arg);
		q->psu_redundancy = arg;
		return 0;
	}
	case PO_TOP: return opt_size(&q->top_k, "--top", arg, 1, 1000, err);
	case PO_SIMULATE: return opt_size(&q->verify, "--simulate", arg, 0, 1000, err);
	case PO_REQUESTS: return opt_size(&q->sim_requests, "--requests", arg, 100, 10000000, err);
	case PO_SEED: {
		size_t s;

		if ((r = opt_size(&s, "--seed", arg, 0, 4294967295u, err)) < 0)
			return r;
		q->seed = (unsigned long)s;
		return 0;
	}
	case PO_KWH: return opt_double(&q->usd_per_kwh, "--usd-per-kwh", arg, 0, 100, err);
	case PO_PUE: return opt_double(&q->pue, "--pue", arg, 1, 5, err);
	case PO_YEARS: return opt_double(&q->years, "--years", arg, 0.1, 30, err);
	case PO_RAM: return opt_ram(&q->ram_bytes, arg, err);
	case PO_MAX_MODEL_LEN:
		return opt_size(&q->max_model_len, "--max-model-len", arg, 16, 16777216, err);
	}
	return 1;
}

/* --owned: count the GPUs of the dump by catalog id. */
/*
 * --trace: the rate and mean lengths where the flags leave them out, the
 * longest request (the deployment must admit it), and the trace itself,
 * kept open for the finalists' simulations to replay (plan_opts_release
 * closes it).
 */
static int read_trace(struct plan_opts *o, struct cli_ctx *ctx, int *status)
{
	struct plan_request *q = &o->q;
	struct trace *t = &o->tr;
	struct err err = ERR_INIT;

	if (trace_open(t, o->trace, &err) < 0) {
		*status = cli_fail(ctx, &err);
		return -1;
	}
	o->tr_open = 1;
	if (isnan(q->input_len))
		q->input_len = t->mean_input;
	if (isnan(q->output_len))
		q->output_len = t->mean_output;
	if (isnan(q->qps) && t->rows > 1 && t->last_t > t->first_t)
		q->qps = (double)(t->rows - 1) / (t->last_t - t->first_t);
	q->max_len = (double)t->longest;
	/* screened at the trace's mean images, replayed at each row's own */
	if (!q->images && t->mean_images > 0)
		q->images = (size_t)ceil(t->mean_images);
	/* replayed only where its gaps can be rescaled to a replica's rate */
	q->trace = t->rows > 1 && t->last_t > t->first_t ? t : NULL;
	return 0;
}

static int read_owned(struct plan_opts *o, struct cli_ctx *ctx, struct cat *cat, int *status)
{
	struct nvsmi_inventory inv;
	struct err err = ERR_INIT;
	size_t i, k;

	nvsmi_inventory_init(&inv);
	if (nvsmi_read_file(&inv, o->owned_file, &err) < 0 || nvsmi_match(&inv, cat, &err) < 0) {
		*status = cli_fail(ctx, &err);
		nvsmi_inventory_release(&inv);
		return -1;
	}
	for (i = 0; i < inv.n; i++) {
		if (!inv.gpus[i].gpu_id[0]) {
			cli_warning(ctx, "%s: GPU %zu (%s) matches no catalog entry; not counted",
				    o->owned_file, i, inv.gpus[i].product_name);
			continue;
		}
		for (k = 0; k < o->q.nowned; k++)
			if (!strcmp(o->owned[k].gpu, inv.gpus[i].gpu_id))
				break;
		if (k == o->q.nowned) {
			if (k == PLAN_LIST_MAX)
				continue;
			snprintf(o->owned[k].gpu, sizeof(o->owned[k].gpu), "%s", inv.gpus[i].gpu_id);
			o->owned[k].count = 0;
			o->q.nowned++;
		}
		o->owned[k].count++;
	}
	o->q.owned = o->owned;
	nvsmi_inventory_release(&inv);
	return 0;
}

void plan_print_rejected(FILE *f, const struct plan_result *r, int nonzero_only)
{
	size_t i, k = 0;

	for (i = 0; i < PLAN_REJECT_COUNT; i++)
		if (!nonzero_only || r->rejected[i])
			fprintf(f, " %s %zu", plan_reject_name((enum plan_reject)i), r->rejected[i]);
	for (i = 1; i < PLAN_RULE_COUNT; i++)
		if (r->incompatible[i])
			fprintf(f, "%s%s %zu", k++ ? ", " : " (", plan_rule_name(i), r->incompatible[i]);
	if (k)
		fputc(')', f);
}

int plan_opts_run(struct plan_result *out, struct plan_opts *o, struct cli_ctx *ctx,
		  int *status)
{
	struct plan_request *q = &o->q;
	struct progress bar;
	struct err err = ERR_INIT;
	int rc;
	struct cat *cat = NULL;
	int r = -1;

	memset(out, 0, sizeof(*out));
	if (!q->model) {
		*status = cli_usage(ctx, "--model is required");
		return -1;
	}
	if (o->trace && read_trace(o, ctx, status) < 0)
		return -1;
	if (isnan(q->qps) || isnan(q->input_len) || isnan(q->output_len)) {
		*status = cli_usage(ctx, "--qps, --input-len and --output-len are required (or --trace)");
		return -1;
	}
	if (isnan(q->ttft_p99_s) || isnan(q->tpot_p99_s)) {
		*status = cli_usage(ctx, "--ttft-p99 and --tpot-p99 are required");
		return -1;
	}
	if (cli_open_catalog(&cat, ctx, 0, status) < 0)
		return -1;
	if (o->owned_file && read_owned(o, ctx, cat, status) < 0)
		goto done;
	progress_init(&bar, "planning");
	q->progress = progress_cb;
	q->progress_arg = &bar;
	rc = plan_run(out, cat, q, &err);
	progress_end(&bar);
	q->progress = NULL;
	if (rc < 0) {
		*status = cli_fail(ctx, &err);
		if (err.code == ERR_INFEASIBLE) {
			fprintf(stderr, "%s: rejected:", ctx->prog);
			plan_print_rejected(stderr, out, 1);
			fputc('\n', stderr);
			if (out->rejected[PLAN_INCOMPATIBLE])
				fprintf(stderr, "%s: the first incompatible: %s\n", ctx->prog,
					out->incompatible_first);
		}
		plan_result_release(out);
		goto done;
	}
	r = 0;
done:
	cat_free(cat);
	return r;
}
