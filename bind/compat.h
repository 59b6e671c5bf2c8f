/*
 * compat.h - what runs with what: the rules a deployment must pass
 * before rigplan proposes it, read from the catalog's sourced rows.  An
 * engine release must ship an image with kernels for the GPU and its
 * host's platform, load the model's architecture (engine_model: from
 * which release), load the weight and KV formats, serve the pipeline
 * and multi-node layout asked, and a checkpoint of the model in that
 * format must be published (checkpoint; a model's own format is its
 * repository).  Pure: rows in, a verdict out.
 */
#ifndef RIGPLAN_BIND_COMPAT_H
#define RIGPLAN_BIND_COMPAT_H

#include <stddef.h>

#include "bind/rows.h"

enum compat_rule {
	COMPAT_OK,
	COMPAT_GPU,         /* no image of the release has kernels for the GPU */
	COMPAT_MODEL,       /* the release does not load the model's architecture */
	COMPAT_FORMAT,      /* ... nor its weight format */
	COMPAT_KV,          /* ... nor the KV cache format */
	COMPAT_PP,          /* pipeline parallelism asked, the release serves none */
	COMPAT_MULTINODE,   /* a replica spans nodes, the release cannot */
	COMPAT_EP,          /* expert parallelism asked, the release has none */
	COMPAT_CHECKPOINT,  /* no published checkpoint of the model in that format */
	COMPAT_RULE_COUNT
};

/* "ok", "engine_gpu", "engine_model", "engine_format", "engine_kv",
 * "engine_pp", "engine_multinode", "engine_ep", "checkpoint". */
const char *compat_rule_name(enum compat_rule r);

/* The layout a verdict is asked for. */
struct compat_ask {
	const char *precision;      /* weight format */
	const char *kv_precision;   /* NULL: not checked (the engine's default) */
	size_t pp, nodes, ep;       /* per replica; 0 or 1: none */
};

struct compat_verdict {
	enum compat_rule rule;      /* the first rule that failed, or COMPAT_OK */
	char msg[400];              /* one line: what failed, why, and its source */
	struct cat_engine_image image;      /* COMPAT_OK (and past the GPU rule): what runs */
	struct cat_checkpoint ckpt;         /* COMPAT_OK: what is loaded; bytes CAT_NULL_INT
					     * and source "" for a model's own repository */
	int online;                 /* the engine quantizes ckpt (the model's 16-bit
				     * checkpoint) to the format as it loads it */
	char serving_flags[400];    /* the model's own flags for this engine ("" none) */
};

/* Check the rules in the order of enum compat_rule; 0 when all pass, 1
 * with v->rule and v->msg set for the first that fails. */
int compat_check(struct compat_verdict *v, const struct bind_model_rows *m,
		 const struct bind_engine_rows *e, const struct bind_gpu_rows *g,
		 const struct compat_ask *ask);

/* Only the rules of the engine and the GPU (all but the checkpoint):
 * the planner's screen for a (GPU, engine, format) before any layout. */
int compat_check_engine(struct compat_verdict *v, const struct cat_model *model,
			const struct bind_engine_rows *e, const struct bind_gpu_rows *g,
			const struct compat_ask *ask);

/* The multi-node rule alone, for a replica the planner's box spreads
 * over `nodes` nodes: 0, or 1 and *v (COMPAT_MULTINODE). */
int compat_check_nodes(struct compat_verdict *v, const struct cat_engine *e, size_t nodes);

/* The checkpoint of `model` in `format`: 1 and *out, or 0 when none is
 * published (a model's own 16-bit or native format is its hf_repo). */
int compat_checkpoint(struct cat_checkpoint *out, const struct cat_model *model,
		      const struct cat_checkpoint *ckpts, size_t n, const char *format);

#endif
