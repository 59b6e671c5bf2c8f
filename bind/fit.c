/*
 * fit.c - see fit.h.  Each candidate is a whole deploy_layout, so the
 * checks that refuse a deployment (tp must divide the heads, the GPU must
 * run the format, the engine must load it) apply to suggestions too:
 * nothing is suggested that `estimate` would then refuse.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/fmt.h"
#include "bind/fit.h"
#include "util/err.h"
#include "util/xalloc.h"
#include "util/units.h"


/* The request, changed: -1 when estimate would refuse it (tp that does
 * not divide the heads, a format the GPU or engine cannot run), else
 * whether it fits. */
static int try_fit(struct deploy *scratch, const struct bind_rows *rows,
		   const struct deploy_request *q)
{
	struct err err = ERR_INIT;
	struct mem_result m;

	if (deploy_layout(scratch, &rows->m, &rows->e, &rows->g, q, &err) < 0)
		return -1;
	est_mem_at(&m, &scratch->in);
	return m.fits;
}

static void reason(struct fit_advice *out, const struct mem_result *m)
{
	if (m->weights_bytes > m->capacity_bytes)
		snprintf(out->reason, sizeof(out->reason),
			 "the weights alone need %.1f GiB per GPU, more than its %.1f GiB",
			 m->weights_bytes / UNIT_GIB, m->capacity_bytes / UNIT_GIB);
	else
		snprintf(out->reason, sizeof(out->reason),
			 "weights %.1f + KV cache %.1f + activations %.1f + overhead %.1f = "
			 "%.1f GiB per GPU, more than its %.1f GiB",
			 m->weights_bytes / UNIT_GIB, m->kv_cache_bytes / UNIT_GIB, m->activation_bytes / UNIT_GIB,
			 m->overhead_bytes / UNIT_GIB, m->total_per_gpu_bytes / UNIT_GIB, m->capacity_bytes / UNIT_GIB);
}

/* Fewest GPUs: double tp inside the node, then pipeline stages over nodes. */
static void more_gpus(struct fit_advice *out, struct deploy *s, const struct bind_rows *rows,
		      const struct deploy_request *q, const struct deploy *d)
{
	struct deploy_request c = *q;
	size_t node = d->dspec.gpus_per_node, tp, pp, best_tp = d->dspec.tp;
	int r;

	c.gpus = 0;
	for (tp = d->dspec.tp * 2; tp * d->dspec.pp <= node; tp *= 2) {
		c.tp = tp;
		c.pp = d->dspec.pp;
		if ((r = try_fit(s, rows, &c)) < 0)
			continue;       /* tp does not divide the heads */
		best_tp = tp;
		if (r) {
			out->tp = tp;
			out->pp = d->dspec.pp;
			return;
		}
	}
	for (pp = d->dspec.pp * 2; best_tp * pp <= FIT_MAX_GPUS && pp <= d->llm.layers; pp *= 2) {
		c.tp = best_tp;
		c.pp = pp;
		if (try_fit(s, rows, &c) > 0) {
			out->tp = best_tp;
			out->pp = pp;
			return;
		}
	}
}

/* Walk a comma-separated list of format names. */
static const char *next_name(const char *p, char *buf, size_t n)
{
	size_t len = strcspn(p, ",");

	if (!*p)
		return NULL;
	snprintf(buf, n, "%.*s", (int)(len < n ? len : n - 1), p);
	return p[len] ? p + len + 1 : p + len;
}

/* The largest weight format smaller than the current one that fits, from
 * the same family: an engine that loads GGUF as a side feature (vLLM) is
 * not served well by one, and llama.cpp loads nothing else. */
static void smaller_weights(struct fit_advice *out, struct deploy *s,
			    const struct bind_rows *rows,
			    const struct deploy_request *q, const struct deploy *d)
{
	struct deploy_request c = *q;
	const char *p = d->engine.weight_formats;
	const struct fmt_weight *f, *best = NULL;
	char name[32];

	while ((p = next_name(p, name, sizeof(name))) != NULL) {
		if (!(f = fmt_weight_find(name)) || f->gguf != d->wf->gguf ||
		    f->bits_linear >= d->wf->bits_linear ||
		    (best && f->bits_linear <= best->bits_linear))
			continue;
		c.precision = f->name;
		if (try_fit(s, rows, &c) > 0)
			best = f;
	}
	out->precision = best ? best->name : NULL;
}

/* The largest KV format smaller than the current one that fits. */
static void smaller_kv(struct fit_advice *out, struct deploy *s,
		       const struct bind_rows *rows,
		       const struct deploy_request *q, const struct deploy *d)
{
	struct deploy_request c = *q;
	const char *p = d->engine.kv_formats;
	const struct fmt_kv *f, *best = NULL;
	char name[32];

	while ((p = next_name(p, name, sizeof(name))) != NULL) {
		if (!(f = fmt_kv_find(name)) || f->bytes >= d->kf->bytes ||
		    (best && f->bytes <= best->bytes))
			continue;
		c.kv_precision = f->name;
		if (try_fit(s, rows, &c) > 0)
			best = f;
	}
	out->kv_precision = best ? best->name : NULL;
}

void fit_advise(struct fit_advice *out, const struct bind_rows *rows,
		const struct deploy_request *q, const struct deploy *d,
		const struct mem_result *mem)
{
	struct deploy *s;

	memset(out, 0, sizeof(*out));
	if (mem->fits)
		return;
	reason(out, mem);
	s = xcalloc(1, sizeof(*s));
	more_gpus(out, s, rows, q, d);
	smaller_weights(out, s, rows, q, d);
	smaller_kv(out, s, rows, q, d);
	free(s);
}
