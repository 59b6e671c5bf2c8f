/*
 * reference.c - see reference.h.
 */
#include "planner/reference.h"
#include "bind/deploy.h"
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

static const struct {
	const char *key, *label;
} metrics[REF_METRICS] = {
	{ "ttft_mean_ms", "TTFT mean" }, { "ttft_median_ms", "TTFT median" },
	{ "ttft_p99_ms", "TTFT p99" }, { "tpot_mean_ms", "TPOT mean" },
	{ "tpot_median_ms", "TPOT median" }, { "tpot_p99_ms", "TPOT p99" },
	{ "e2e_mean_ms", "e2e mean" }, { "e2e_median_ms", "e2e median" },
	{ "output_throughput", "output tok/s" },
};

const char *ref_metric_key(enum ref_metric k)
{
	return metrics[k].key;
}

const char *ref_metric_label(enum ref_metric k)
{
	return metrics[k].label;
}

/* A string field into buf: 1 when present, 0 when absent (and not
 * required), -1 and *err otherwise. */
static int text(char *buf, size_t size, json_t *o, const char *key, int required, size_t i,
		struct err *err)
{
	json_t *v = json_object_get(o, key);
	const char *s = json_string_value(v);

	buf[0] = '\0';
	if (!v && !required)
		return 0;
	if (!s || !*s || strlen(s) >= size || strchr(s, '\n'))
		return err_set(err, ERR_PARSE, "experiments[%zu].%s: expected a name of 1 to %zu "
			       "characters", i, key, size - 1);
	memcpy(buf, s, strlen(s) + 1);
	return 1;
}

/* A whole number in [lo, hi]; `dflt` when absent (0: required, unless
 * lo is 0 too: then absent is 0). */
static int count(size_t *out, json_t *o, const char *key, size_t lo, size_t hi, size_t dflt,
		 size_t i, struct err *err)
{
	json_t *v = json_object_get(o, key);

	if (!v && (dflt || lo == 0)) {
		*out = dflt;
		return 0;
	}
	if (!json_is_integer(v) || json_integer_value(v) < (json_int_t)lo ||
	    json_integer_value(v) > (json_int_t)hi)
		return err_set(err, ERR_PARSE, "experiments[%zu].%s: expected an integer from %zu "
			       "to %zu", i, key, lo, hi);
	*out = (size_t)json_integer_value(v);
	return 0;
}

/* "uniform" (or absent): 0; "fixed": 1. */
static int spread(int *fixed, json_t *o, const char *key, size_t i, struct err *err)
{
	const char *s = json_string_value(json_object_get(o, key));

	*fixed = 0;
	if (!json_object_get(o, key) || (s && !strcmp(s, "uniform")))
		return 0;
	if (s && !strcmp(s, "fixed")) {
		*fixed = 1;
		return 0;
	}
	return err_set(err, ERR_PARSE, "experiments[%zu].%s: expected \"uniform\" or \"fixed\"",
		       i, key);
}

/* A positive figure of "measured"; NaN when absent or null. */
static int figure(double *out, json_t *meas, const char *key, int required, size_t i,
		  struct err *err)
{
	json_t *v = json_object_get(meas, key);

	*out = NAN;
	if ((!v || json_is_null(v)) && !required)
		return 0;
	if (!json_is_number(v) || !(json_number_value(v) > 0) || json_number_value(v) > 1e12)
		return err_set(err, ERR_PARSE, "experiments[%zu].measured.%s: expected a positive "
			       "number", i, key);
	*out = json_number_value(v);
	return 0;
}

static int one_run(struct ref_run *r, json_t *x, size_t i, struct err *err)
{
	json_t *meas = json_object_get(x, "measured");
	double in, out;
	int k;

	memset(r, 0, sizeof(*r));
	if (!json_is_object(x))
		return err_set(err, ERR_PARSE, "experiments[%zu]: expected an object", i);
	if (text(r->id, sizeof(r->id), x, "id", 1, i, err) < 0 ||
	    text(r->model, sizeof(r->model), x, "model", 1, i, err) < 0 ||
	    text(r->gpu, sizeof(r->gpu), x, "gpu", 1, i, err) < 0 ||
	    text(r->engine, sizeof(r->engine), x, "engine", 0, i, err) < 0 ||
	    text(r->precision, sizeof(r->precision), x, "precision", 0, i, err) < 0 ||
	    count(&r->tp, x, "tp", 1, 64, 1, i, err) < 0 ||
	    count(&r->concurrency, x, "concurrency", 1, 100000, 0, i, err) < 0 ||
	    count(&r->requests, x, "num_prompts", 1, 1000000, 0, i, err) < 0 ||
	    count(&r->max_num_seqs, x, "max_num_seqs", 0, 1000000, 0, i, err) < 0 ||
	    count(&r->max_num_batched_tokens, x, "max_num_batched_tokens", 0, 10000000, 0, i,
		  err) < 0 ||
	    spread(&r->fixed_in, x, "input_lengths", i, err) < 0 ||
	    spread(&r->fixed_out, x, "output_lengths", i, err) < 0)
		return -1;
	if (!json_is_object(meas))
		return err_set(err, ERR_PARSE, "experiments[%zu].measured: expected an object of "
			       "the benchmark's figures", i);
	if (figure(&in, meas, "total_input_tokens", 1, i, err) < 0 ||
	    figure(&out, meas, "total_output_tokens", 1, i, err) < 0)
		return -1;
	r->mean_in = in / (double)r->requests;
	r->mean_out = out / (double)r->requests;
	if (r->mean_in < 1 || r->mean_out < 1 || r->mean_in > 1e7 || r->mean_out > 1e7)
		return err_set(err, ERR_PARSE, "experiments[%zu].measured: %.0f input and %.0f "
			       "output tokens over %zu requests: expected at least one a request",
			       i, in, out, r->requests);
	for (k = 0; k < REF_METRICS; k++)
		if (figure(&r->measured[k], meas, metrics[k].key, 0, i, err) < 0)
			return -1;
	return 0;
}

int ref_parse(struct ref_run **out, size_t *n, const char *text_in, size_t len,
	      struct err *err)
{
	json_error_t je;
	json_t *root, *xs;
	struct ref_run *runs = NULL;
	size_t i, nx;
	int r = 0;

	*out = NULL;
	*n = 0;
	if (len > REF_FILE_MAX)
		return err_set(err, ERR_PARSE, "%zu bytes: larger than the %u a reference file may "
			       "have", len, REF_FILE_MAX);
	if (!(root = json_loadb(text_in, len, JSON_REJECT_DUPLICATES, &je)))
		return err_set(err, ERR_PARSE, "line %d, column %d: %s", je.line, je.column,
			       je.text);
	xs = json_object_get(root, "experiments");
	if (!json_is_array(xs) || !(nx = json_array_size(xs)) || nx > REF_RUNS_MAX) {
		r = err_set(err, ERR_PARSE, "experiments: expected a list of 1 to %d runs",
			    REF_RUNS_MAX);
		goto out;
	}
	runs = xcalloc(nx, sizeof(*runs));
	for (i = 0; i < nx; i++)
		if ((r = one_run(&runs[i], json_array_get(xs, i), i, err)) < 0) {
			free(runs);
			runs = NULL;
			goto out;
		}
	*out = runs;
	*n = nx;
out:
	json_decref(root);
	return r;
}

/*
 * The shortest time in which n prompts of mean_in tokens can all be
 * prefilled: 2 x active parameters FLOP a token over every GPU's peak in
 * the weights' arithmetic.
 */
static double burst_floor_s(const struct est_model *m, double n, double mean_in)
{
	struct err err = ERR_INIT;
	double peak;

	if (fmt_compute_flops(&peak, m->wf, &m->gpu, &err) < 0 || !(peak > 0))
		return 0;
	return n * mean_in * 2 * m->parts.active * m->scale / ((double)m->n * peak);
}

/* One seed's figures, in the file's units (ms, tokens/s). */
static int run_once(double v[REF_METRICS], size_t *done, const struct deploy *d,
		    const struct ref_run *r, const struct length_dist *in,
		    const struct length_dist *gen, unsigned long seed, struct err *err)
{
	struct sim_config c;
	struct sim_result s;

	sim_config_init(&c);
	if (sim_setup(&c, &d->in.model, d->model.id, d->gpu.id, err) < 0)
		return -1;
	c.concurrency = r->concurrency;
	c.requests = r->requests;
	c.input = in;
	c.output = gen;
	c.seed = seed;
	if (sim_run(&s, &c, err) < 0)
		return -1;
	v[REF_TTFT_MEAN] = qstat_mean(&s.ttft) * 1e3;
	v[REF_TTFT_MEDIAN] = qstat_quantile(&s.ttft, 0.5) * 1e3;
	v[REF_TTFT_P99] = qstat_quantile(&s.ttft, 0.99) * 1e3;
	v[REF_TPOT_MEAN] = qstat_mean(&s.tpot) * 1e3;
	v[REF_TPOT_MEDIAN] = qstat_quantile(&s.tpot, 0.5) * 1e3;
	v[REF_TPOT_P99] = qstat_quantile(&s.tpot, 0.99) * 1e3;
	v[REF_E2E_MEAN] = qstat_mean(&s.e2e) * 1e3;
	v[REF_E2E_MEDIAN] = qstat_quantile(&s.e2e, 0.5) * 1e3;
	v[REF_OUTPUT_TPS] = s.output_tps;
	*done = s.completed;
	sim_result_release(&s);
	return 0;
}

int ref_predict(struct ref_result *out, struct cat *cat, const struct ref_run *r,
		unsigned seeds, struct err *err)
{
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct deploy *d = xcalloc(1, sizeof(*d));
	/* uniform from 1 with the run's own means */
	struct length_dist in = { LENGTH_UNIFORM, 1, 1, NULL, 0 };
	struct length_dist gen = { LENGTH_UNIFORM, 1, 1, NULL, 0 };
	double one[REF_METRICS];
	size_t done, burst;
	unsigned s;
	int k, rc = -1;

	memset(out, 0, sizeof(*out));
	q.model = r->model;
	q.gpu = r->gpu;
	q.engine = r->engine[0] ? r->engine : NULL;
	q.precision = r->precision[0] ? r->precision : NULL;
	q.tp = r->tp;
	q.max_seqs = r->max_num_seqs;
	q.max_batched_tokens = r->max_num_batched_tokens;
	q.measured = 1;     /* published runs of releases other than the catalog's */
	if (deploy_build(d, cat, &q, err) < 0)
		goto out;
	in.b = fmax(1, round(2 * r->mean_in - 1));
	gen.b = fmax(1, round(2 * r->mean_out - 1));
	if (r->fixed_in) {
		in.kind = LENGTH_FIXED;
		in.a = fmax(1, round(r->mean_in));
	}
	if (r->fixed_out) {
		gen.kind = LENGTH_FIXED;
		gen.a = fmax(1, round(r->mean_out));
	}
	for (s = 1; s <= (seeds ? seeds : 1); s++) {
		if (run_once(one, &done, d, r, &in, &gen, s, err) < 0)
			goto out;
		out->completed += done;
		out->sent += r->requests;
		for (k = 0; k < REF_METRICS; k++)
			out->predicted[k] += one[k] / (double)(seeds ? seeds : 1);
	}
	burst = r->concurrency < r->requests ? r->concurrency : r->requests;
	for (k = 0; k < REF_METRICS; k++) {
		if ((k == REF_TTFT_P99 || k == REF_TPOT_P99) && r->requests < 100)
			out->skip[k] = REF_FEW;
		if ((k == REF_TTFT_MEAN || k == REF_TTFT_P99) && burst > 1 &&
		    r->measured[REF_TTFT_P99] * 1e-3 <
		    burst_floor_s(&d->in.model, (double)burst, r->mean_in))
			out->skip[k] = REF_BURST;
	}
	out->gpus = d->in.model.n;
	rc = 0;
out:
	free(d);
	return rc;
}
