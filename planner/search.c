/*
 * search.c - the planner's search (see plan.h): every GPU x engine x
 * weight format x tensor/pipeline layout is screened (screen.c), the
 * survivors ranked, the best verified by simulation (verify.c) and one
 * deployment per box kept (rank.c).  Names are resolved to catalog rows
 * once (bind/), each GPU's rows when it is first searched.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "planner/plan_int.h"
#include "util/err.h"
#include "util/xalloc.h"

/* 16 bits, 8, and each engine kind's own 4-bit format: AWQ for the
 * servers on CUDA and ROCm, GGUF for llama.cpp and Ollama, MLX's */
static const char *const default_precisions[] = { "bf16", "fp8", "int4-awq", "gguf-q4_k_m",
						  "mlx-4bit" };

/* Whether release `id` is searched: every one when none is named; a
 * named release ("vllm@0.8.5"); every release of a named family ("vllm",
 * resolved to its newest release id, marked by the family name alone). */
static int searched(const struct plan_request *q, const struct cat_engine *e)
{
	size_t i;

	if (!q->engines)
		return 1;
	for (i = 0; i < q->nengines; i++)
		if (!strcmp(q->engines[i], e->id) || !strcmp(q->engines[i], e->family))
			return 1;
	return 0;
}

/* The engine releases searched, each with what it runs on and whether it
 * loads the model, grouped by family, newest first: per GPU and format
 * the search takes a family's newest release that runs it (an older
 * vLLM on a V100 the newest dropped). */
static int engines(struct ctx *x, struct cat *cat, const struct plan_request *q,
		   struct err *err)
{
	struct cat_engine *rows = NULL;
	size_t i, n = 0;
	int r;

	if ((r = bind_list_engines(&rows, &n, cat, err)) < 0)
		return r;
	x->engines = n ? xcalloc(n, sizeof(*x->engines)) : NULL;
	for (i = 0, r = 0; i < n && r >= 0; i++)
		if (searched(q, &rows[i]) &&
		    (r = bind_resolve_engine(&x->engines[x->nengines], cat, rows[i].id,
					     &x->m.model, err)) >= 0)
			x->nengines++;
	free(rows);
	return r < 0 ? r : 0;
}

void plan_count_incompatible(struct ctx *x, const struct compat_verdict *v, size_t n)
{
	struct plan_result *res = x->res;

	res->rejected[PLAN_INCOMPATIBLE] += n;
	if ((size_t)v->rule < PLAN_RULE_COUNT)
		res->incompatible[v->rule] += n;
	if (!res->incompatible_first[0])
		snprintf(res->incompatible_first, sizeof(res->incompatible_first), "%s", v->msg);
}

int plan_ctx_init(struct ctx *x, struct cat *cat, const struct plan_request *q,
		  struct plan_result *res, struct err *err)
{
	int r;

	memset(x, 0, sizeof(*x));
	x->cat = cat;
	x->q = q;
	x->res = res;
	x->d = xmalloc(sizeof(*x->d));
	if ((r = bind_resolve_model_rows(&x->m, cat, q->model, err)) < 0 ||
	    (r = bind_list_devices(&x->gpus, &x->ngpus, cat, err)) < 0 ||
	    (r = engines(x, cat, q, err)) < 0)
		return r;
	x->rows = x->ngpus ? xcalloc(x->ngpus, sizeof(*x->rows)) : NULL;
	return 0;
}

void plan_ctx_release(struct ctx *x)
{
	size_t i;

	for (i = 0; x->rows && i < x->ngpus; i++)
		free(x->rows[i]);
	free(x->rows);
	free(x->gpus);
	free(x->engines);
	free(x->d);
	bind_parts_release(&x->parts);
	memset(x, 0, sizeof(*x));
}

static int gpu_at(const struct bind_gpu_rows **out, struct ctx *x, size_t i, struct err *err)
{
	int r;

	if (!x->rows[i]) {
		x->rows[i] = xmalloc(sizeof(*x->rows[i]));
		if ((r = bind_resolve_gpu(x->rows[i], x->cat, x->gpus[i].id, NULL, NULL, err)) < 0) {
			free(x->rows[i]);
			x->rows[i] = NULL;
			return r;
		}
	}
	*out = x->rows[i];
	return 0;
}

int plan_ctx_gpu(const struct bind_gpu_rows **out, struct ctx *x, const char *id,
		 struct err *err)
{
	size_t i;

	for (i = 0; i < x->ngpus; i++)
		if (!strcmp(x->gpus[i].id, id))
			return gpu_at(out, x, i, err);
	return err_set(err, ERR_NOTFOUND, "unknown gpu '%.64s'", id);
}

int plan_ctx_engine(const struct bind_engine_rows **out, struct ctx *x, const char *family,
		    const char *version, struct err *err)
{
	char name[CAT_ID_MAX + CAT_WORD_MAX];
	size_t i;
	int r;

	for (i = 0; i < x->nengines; i++)
		if (!strcmp(x->engines[i].engine.family, family) &&
		    !strcmp(x->engines[i].engine.version, version)) {
			*out = &x->engines[i];
			return 0;
		}
	/* a release the search did not list (a plan file's): read it now */
	snprintf(name, sizeof(name), "%s@%s", family, version);
	x->engines = xrealloc(x->engines, (x->nengines + 1) * sizeof(*x->engines));
	if ((r = bind_resolve_engine(&x->engines[x->nengines], x->cat, name, &x->m.model,
				     err)) < 0)
		return r;
	*out = &x->engines[x->nengines++];
	return 0;
}

/* Whether `id` is among the allowed names (NULL: everything is). */
static int listed(const char *const *names, size_t n, const struct cat_gpu *g)
{
	size_t k;

	if (!names)
		return 1;
	for (k = 0; k < n; k++)
		if (!strcmp(names[k], g->id) || (!strcmp(names[k], "cpu") && bind_gpu_cpu(g)))
			return 1;
	return 0;
}

static const size_t tps[] = { 1, 2, 4, 8 }, pps[] = { 1, 2, 4 };
#define NTP (sizeof(tps) / sizeof(tps[0]))
#define NPP (sizeof(pps) / sizeof(pps[0]))

/* Every tp x pp of one GPU, engine and format. */
static int layouts(struct ctx *x, const struct bind_engine_rows *e, const char *precision,
		   struct err *err)
{
	size_t t, p;
	int r;

	for (t = 0; t < NTP; t++)
		for (p = 0; p < NPP; p++) {
			size_t before = x->res->n;

			if ((r = plan_screen(x, e, precision, tps[t], pps[p], err)) < 0)
				return r;
			/* once a pp 1 fits, deeper pipelines only add latency */
			if (x->res->n > before && pps[p] == 1)
				break;
		}
	return 0;
}

/* The index of the first engine release after family x->engines[i]'s. */
static size_t next_family(const struct ctx *x, size_t i)
{
	size_t k = i + 1;

	while (k < x->nengines && !strcmp(x->engines[k].engine.family, x->engines[i].engine.family))
		k++;
	return k;
}

static int search(struct ctx *x, struct err *err)
{
	const struct plan_request *q = x->q;
	size_t ng = x->ngpus, ne = x->nengines, gi, ei, pi;
	const char *const *precs = q->precisions ? q->precisions : default_precisions;
	size_t nprec = q->precisions ? q->nprecisions : sizeof(default_precisions) / sizeof(char *);
	int r;

	for (gi = 0; gi < ng; gi++) {
		const struct cat_gpu *g = &x->gpus[gi];

		if (q->progress)
			q->progress(q->progress_arg, "screening", gi, ng);
		if (!listed(q->gpus, q->ngpus, g) || (q->consumer_only && !bind_gpu_desktop(g)))
			continue;
		/* once per GPU, not per configuration */
		if ((r = gpu_at(&x->g, x, gi, err)) < 0)
			return r;
		for (ei = 0; ei < ne; ei = next_family(x, ei)) {
			for (pi = 0; pi < nprec; pi++) {
				struct compat_ask ask = { precs[pi], NULL, 1, 1, 1 };
				struct compat_verdict v, first;
				size_t k;

				/* the family's newest release that runs this GPU,
				 * model and format; when none does, the newest's
				 * refusal, counted as the layouts it stands for */
				for (k = ei; k < next_family(x, ei); k++)
					if (!compat_check_engine(&v, &x->m.model, &x->engines[k], x->g, &ask))
						break;
					else if (k == ei)
						first = v;
				if (k == next_family(x, ei)) {
					x->res->considered += NTP * NPP;
					plan_count_incompatible(x, &first, NTP * NPP);
				} else if ((r = layouts(x, &x->engines[k], precs[pi], err)) < 0) {
					return r;
				}
			}
		}
	}
	return 0;
}

int plan_run(struct plan_result *out, struct cat *cat, const struct plan_request *q,
	     struct err *err)
{
	struct plan_request rq = *q;
	struct ctx x;
	char (*gids)[CAT_ID_MAX] = NULL, (*eids)[CAT_ID_MAX] = NULL;
	const char **gp = NULL, **ep = NULL;
	size_t i;
	int r;

	memset(out, 0, sizeof(*out));
	if ((r = plan_request_check(q, err)) < 0)
		return r;
	if ((r = bind_resolve_ids(&eids, cat, CAT_ENGINE, q->engines, q->engines ? q->nengines : 0,
				  err)) < 0)
		goto out;
	if (q->engines) {
		ep = xcalloc(q->nengines, sizeof(*ep));
		for (i = 0; i < q->nengines; i++) {
			/* a family named alone ("vllm", "trtllm"): every release
			 * of it, by its family's name */
			if (!strchr(q->engines[i], '@') && strchr(eids[i], '@'))
				*strchr(eids[i], '@') = '\0';
			ep[i] = eids[i];
		}
		rq.engines = ep;
	}
	if ((r = plan_ctx_init(&x, cat, &rq, out, err)) < 0)
		goto out;
	rq.model = x.m.model.id;
	if ((rq.images || (rq.trace && rq.trace->mean_images > 0)) &&
	    (r = deploy_image_tokens(&rq.image_tokens, &x.m, rq.image_w, rq.image_h, err)) < 0)
		goto out;
	/* a trace's longest text, with as many images as any row has: at most */
	if (rq.trace && !isnan(rq.max_len))
		rq.max_len += (double)(rq.trace->max_images * rq.image_tokens);
	if ((r = bind_resolve_device_ids(&gids, cat, q->gpus, q->gpus ? q->ngpus : 0, err)) < 0)
		goto out;
	if (q->gpus) {
		gp = xcalloc(q->ngpus, sizeof(*gp));
		for (i = 0; i < q->ngpus; i++)
			gp[i] = gids[i];
		rq.gpus = gp;
	}
	if ((r = bind_parts_load(&x.parts, cat, err)) < 0)
		goto out;
	if ((r = bind_read_begin(cat, err)) < 0)
		goto out;
	r = search(&x, err);
	bind_read_end(cat);
	if (r < 0)
		goto out;
	if (out->n)     /* qsort's base must not be NULL, even for no elements */
		qsort(out->c, out->n, sizeof(*out->c), plan_cmp_rank);
	plan_dedupe(out);
	/* finalists: simulated in rank order while they can still be among
	 * the best `verify` boxes (FINALIST_TRIES times as many simulated at
	 * most); only simulated candidates are shown, one per box */
	if (rq.verify && (r = plan_finalists(&x, err)) < 0)
		goto out;
	if (out->n)
		qsort(out->c, out->n, sizeof(*out->c), plan_cmp_rank);
	plan_one_per_box(out);
	plan_rank(out->c, out->n);
	if (!out->n) {
		r = err_set(err, ERR_INFEASIBLE, "no configuration of %zu tried serves %s at %g requests/s "
			    "within the objectives and constraints", out->considered, x.m.model.id, q->qps);
		goto out;
	}
	if (out->n > rq.top_k && rq.top_k)
		out->n = rq.top_k;
	r = 0;
out:
	free(gids);
	free(eids);
	free(gp);
	free(ep);
	plan_ctx_release(&x);
	return r;
}

void plan_result_release(struct plan_result *r)
{
	free(r->c);
	memset(r, 0, sizeof(*r));
}
