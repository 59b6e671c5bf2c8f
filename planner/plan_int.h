/*
 * plan_int.h - what the planner's files share: the search context and
 * the steps of a plan (request.c, screen.c, settings.c, price.c,
 * verify.c, rank.c, search.c).  Private to planner/.
 */
#ifndef RIGPLAN_PLANNER_PLAN_INT_H
#define RIGPLAN_PLANNER_PLAN_INT_H

#include "bind/deploy.h"
#include "bind/parts.h"
#include "bind/rows.h"
#include "planner/plan.h"
#include "sim/sim.h"

/* The objectives are p99s: the screen's prompt queue wait and the
 * simulations' latencies are taken at this quantile. */
#define PLAN_QUANTILE 0.99

/* More replicas than any plan could buy: the screen and verify stop here. */
#define PLAN_MAX_REPLICAS 4096

/* Everything a plan reads, resolved once, and the configuration being
 * priced. */
struct ctx {
	struct cat *cat;
	const struct plan_request *q;
	struct bind_model_rows m;
	struct cat_gpu *gpus;           /* the catalog's, by id */
	struct bind_gpu_rows **rows;    /* per gpus[i]: resolved on first use, else NULL */
	size_t ngpus;
	struct bind_engine_rows *engines;   /* the releases asked, else each family's newest */
	size_t nengines;
	struct bind_parts parts;        /* loaded by plan_run only */
	const struct bind_gpu_rows *g;  /* the GPU being screened */
	struct deploy *d;               /* the configuration being priced */
	size_t max_model_len;           /* ... and the context its servers admit */
	struct compat_verdict node_verdict; /* why plan_price refused a box (PLAN_INCOMPATIBLE) */
	struct plan_result *res;
	size_t cap;                     /* of res->c */
};

/* Resolve the model, list GPUs and engines (search.c); release frees. */
int plan_ctx_init(struct ctx *x, struct cat *cat, const struct plan_request *q,
		  struct plan_result *res, struct err *err);
void plan_ctx_release(struct ctx *x);
/* A GPU's rows (resolved once) by catalog id, and an engine release's
 * by family and version (read when the search did not list it). */
int plan_ctx_gpu(const struct bind_gpu_rows **out, struct ctx *x, const char *id,
		 struct err *err);
int plan_ctx_engine(const struct bind_engine_rows **out, struct ctx *x, const char *family,
		    const char *version, struct err *err);
/* Count a configuration the compatibility rules refused (verdict v). */
void plan_count_incompatible(struct ctx *x, const struct compat_verdict *v, size_t n);

/* request.c */
double plan_longest(const struct plan_request *q);
/* The mean prompt as the model sees it: its text and its images' tokens. */
double plan_prompt(const struct plan_request *q);
int plan_request_check(const struct plan_request *q, struct err *err);

/* screen.c */
/* offload: llama.cpp's layers split as --gpu-layers auto does. */
int plan_build(struct ctx *x, const struct bind_gpu_rows *g, const struct bind_engine_rows *e,
	       const char *precision, size_t tp, size_t pp, int offload, struct sim_config *sc,
	       struct err *err);
double plan_steady_tpot(const struct deploy *d, const struct sim_config *sc, double rate,
			double ttft, double in, double out, struct perf_result *step);
int plan_screen(struct ctx *x, const struct bind_engine_rows *e, const char *precision,
		size_t tp, size_t pp, struct err *err);

/* settings.c: x->max_model_len is the screened configuration's */
void plan_describe(struct ctx *x, struct plan_candidate *c);
size_t plan_max_model_len(const struct plan_request *q, double kv_tokens, size_t context);

/* price.c */
int plan_price(struct ctx *x, struct plan_candidate *c, const struct sim_config *sc,
	       size_t replicas, enum plan_reject *why);

/* verify.c */
int plan_finalist_sim(struct ctx *x, const struct plan_candidate *c, struct sim_config *sc,
		      struct length_dist *in, struct length_dist *out, struct err *err);
int plan_replica_rate(struct sim_config *sc, double qps, struct err *err);
int plan_scout_p99(const struct sim_config *sc, double *t99, double *p99, struct err *err);
int plan_finalists(struct ctx *x, struct err *err);

/* rank.c */
int plan_cmp_rank(const void *pa, const void *pb);
int plan_same_box(const struct plan_candidate *a, const struct plan_candidate *b);
double plan_cost_of(const struct plan_candidate *c);
void plan_dedupe(struct plan_result *r);
void plan_one_per_box(struct plan_result *r);

#endif
