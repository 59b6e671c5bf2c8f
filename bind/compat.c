/*
 * compat.c - see compat.h.  Each rule's message names what failed, what
 * the catalog knows instead, and the row's source, so a refusal can be
 * checked against the engine's own documents.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "bind/compat.h"
#include "bind/deploy.h"
#include "util/version.h"

static const char *const rule_names[COMPAT_RULE_COUNT] = {
	"ok", "engine_gpu", "engine_model", "engine_format", "engine_kv", "engine_pp",
	"engine_multinode", "engine_ep", "checkpoint"
};

const char *compat_rule_name(enum compat_rule r)
{
	return (size_t)r < COMPAT_RULE_COUNT ? rule_names[r] : "?";
}

static int fail(struct compat_verdict *v, enum compat_rule r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(struct compat_verdict *v, enum compat_rule r, const char *fmt, ...)
{
	va_list ap;

	v->rule = r;
	va_start(ap, fmt);
	vsnprintf(v->msg, sizeof(v->msg), fmt, ap);
	va_end(ap);
	return 1;
}

/* Whether an image's targets include one the GPU runs. */
static int image_runs(const struct cat_engine_image *img, const struct cat_gpu_target *t)
{
	char buf[CAT_LIST_MAX], *tok, *save = NULL;

	if (strcmp(img->platform, t->platform))
		return 0;
	snprintf(buf, sizeof(buf), "%s", img->targets);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		if (version_target_runs(t->target, tok))
			return 1;
	return 0;
}

static int gpu_rule(struct compat_verdict *v, const struct bind_engine_rows *e,
		    const struct bind_gpu_rows *g)
{
	size_t i, best;

	if (!g->has_target)
		return fail(v, COMPAT_GPU, "the catalog records no compile target for gpu '%s'"
			    " (gpu_target), so no engine image can be matched to it", g->gpu.id);
	for (i = 0; i < e->nimages; i++)
		if (image_runs(&e->image[i], &g->target)) {
			v->image = e->image[i];
			return 0;
		}
	if (!e->nimages)
		return fail(v, COMPAT_GPU, "%s has no image in the catalog (engine_image)",
			    e->engine.id);
	for (i = 0; i < e->nimages && strcmp(e->image[i].platform, g->target.platform); i++)
		;
	if (i == e->nimages)
		return fail(v, COMPAT_GPU, "%s ships nothing that runs on %s: gpu '%s' needs a %s "
			    "release, and the catalog has none (engine_image)", e->engine.id,
			    g->target.platform, g->gpu.id, g->target.target);
	/* name the image closest to running: the GPU's platform, and the
	 * same kind of target (a CUDA capability, or a gfx / Gaudi name) */
	for (i = 0, best = 0; i < e->nimages; i++)
		if (!strcmp(e->image[i].platform, g->target.platform) &&
		    !!isdigit((unsigned char)e->image[i].targets[0]) ==
		    !!isdigit((unsigned char)g->target.target[0])) {
			best = i;
			break;
		}
	return fail(v, COMPAT_GPU, "%s ships no kernels for %s (target %s, %s): its image %s"
		    " is built for %s (%s)", e->engine.id, g->gpu.id, g->target.target,
		    g->target.platform, e->image[best].image, e->image[best].targets,
		    e->image[best].source);
}

static int model_rule(struct compat_verdict *v, const struct cat_model *model,
		      const struct bind_engine_rows *e)
{
	const char *arch = model->architecture;

	if (!e->has_loads)
		return fail(v, COMPAT_MODEL, "%s does not load %s (%s): no release of %s lists"
			    " that architecture in the catalog (engine_model)", e->engine.id,
			    model->id, arch, e->engine.family);
	if (version_cmp(e->engine.version, e->loads.since) < 0)
		return fail(v, COMPAT_MODEL, "%s does not load %s (%s): %s loads it from %s on"
			    " (%s)", e->engine.id, model->id, arch, e->engine.family,
			    e->loads.since, e->loads.source);
	return 0;
}

/* How one replica spans `nodes` nodes on release e: 0, or 1 and *v. */
static int nodes_rule(struct compat_verdict *v, const struct cat_engine *e, size_t nodes)
{
	if (nodes > 1 && !strcmp(e->multinode, "none"))
		return fail(v, COMPAT_MULTINODE, "%s cannot spread one replica over %zu nodes (%s)",
			    e->id, nodes, e->source);
	/* deployable by construction: a replica over nodes only where rigplan
	 * writes the launch (generators/gen_engine.c): not TensorRT-LLM's MPI
	 * world, nor vLLM's Ray cluster before the image carried its
	 * multi-node-serving.sh (0.8.5) */
	if (nodes > 1 && (!strcmp(e->multinode, "mpi") ||
			  (!strcmp(e->family, "vllm") && version_cmp(e->version, "0.8.5") < 0)))
		return fail(v, COMPAT_MULTINODE, "%s spreads a replica over nodes by %s, a launch "
			    "rigplan does not write: keep it within one node or use another release",
			    e->id, e->multinode);
	return 0;
}

int compat_check_nodes(struct compat_verdict *v, const struct cat_engine *e, size_t nodes)
{
	memset(v, 0, sizeof(*v));
	return nodes_rule(v, e, nodes);
}

static int layout_rules(struct compat_verdict *v, const struct cat_engine *e,
			const struct compat_ask *ask)
{
	if (!deploy_engine_loads(e, ask->precision))
		return fail(v, COMPAT_FORMAT, "%s does not load precision '%s': it loads %s (%s)",
			    e->id, ask->precision, e->weight_formats, e->source);
	if (ask->kv_precision && !deploy_engine_has_kv(e, ask->kv_precision))
		return fail(v, COMPAT_KV, "%s has no '%s' KV cache: it has %s (%s)", e->id,
			    ask->kv_precision, e->kv_formats, e->source);
	if (ask->pp > 1 && !e->pp)
		return fail(v, COMPAT_PP, "%s serves no pipeline parallelism (pp %zu asked) (%s)",
			    e->id, ask->pp, e->source);
	if (nodes_rule(v, e, ask->nodes))
		return 1;
	if (ask->ep > 1 && !e->ep)
		return fail(v, COMPAT_EP, "%s has no expert parallelism (ep %zu asked) (%s)",
			    e->id, ask->ep, e->source);
	return 0;
}

int compat_checkpoint(struct cat_checkpoint *out, const struct cat_model *model,
		      const struct cat_checkpoint *ckpts, size_t n, const char *format)
{
	int sixteen = !strcmp(model->native_dtype, "bf16") || !strcmp(model->native_dtype, "fp16");
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(ckpts[i].model, model->id) && !strcmp(ckpts[i].format, format)) {
			*out = ckpts[i];
			return 1;
		}
	/* the model's own repository holds its native format, and engines
	 * cast a 16-bit model to the other 16-bit type as they load it */
	if (!strcmp(format, model->native_dtype) ||
	    (sixteen && (!strcmp(format, "bf16") || !strcmp(format, "fp16")))) {
		memset(out, 0, sizeof(*out));
		snprintf(out->id, sizeof(out->id), "%s.%s", model->id, format);
		snprintf(out->model, sizeof(out->model), "%s", model->id);
		snprintf(out->format, sizeof(out->format), "%s", format);
		snprintf(out->repo, sizeof(out->repo), "%s", model->hf_repo);
		out->bytes = CAT_NULL_INT;
		snprintf(out->source, sizeof(out->source), "%s", model->source);
		snprintf(out->as_of, sizeof(out->as_of), "%s", model->as_of);
		return 1;
	}
	return 0;
}

int compat_check_engine(struct compat_verdict *v, const struct cat_model *model,
			const struct bind_engine_rows *e, const struct bind_gpu_rows *g,
			const struct compat_ask *ask)
{
	memset(v, 0, sizeof(*v));
	if (gpu_rule(v, e, g) || model_rule(v, model, e) || layout_rules(v, &e->engine, ask))
		return 1;
	v->rule = COMPAT_OK;
	snprintf(v->msg, sizeof(v->msg), "ok");
	return 0;
}

/* What the engine fetches must be named: a GGUF file for a GGUF format
 * (llama.cpp reads one file, not a repository), and for Ollama a library
 * tag or a GGUF file it can pull as hf.co/<repo>:<quant> (Hugging Face
 * Hub docs, "Use Ollama with any GGUF Model on Hugging Face Hub"). */
static int fetch_rule(struct compat_verdict *v, const struct cat_model *model,
		      const struct bind_engine_rows *e, const char *format)
{
	const struct cat_checkpoint *c = &v->ckpt;
	int gguf = !strncmp(format, "gguf-", 5);

	/* a model read from the user's own GGUF file is that file */
	if (gguf && !strcmp(format, model->native_dtype))
		return 0;
	if (!strcmp(e->engine.family, "ollama") && !c->ollama[0] && !(gguf && c->file[0]))
		return fail(v, COMPAT_CHECKPOINT, "Ollama pulls %s in %s from neither a library tag"
			    " nor a GGUF file the catalog knows (checkpoint)", model->id, format);
	if (gguf && !c->file[0] && strcmp(e->engine.family, "ollama"))
		return fail(v, COMPAT_CHECKPOINT, "no GGUF file of %s in %s is in the catalog"
			    " (checkpoint %s names a repository only)", model->id, format, c->id);
	return 0;
}

/* A format the release makes itself from the model's own 16-bit
 * checkpoint (engine.online_formats): that checkpoint is what is
 * fetched.  0 when it applies. */
static int online_rule(struct compat_verdict *v, const struct bind_model_rows *m,
		       const struct cat_engine *e, const char *format)
{
	const char *native = m->model.native_dtype;

	if (!deploy_list_has(e->online_formats, format) ||
	    (strcmp(native, "bf16") && strcmp(native, "fp16")))
		return 1;
	if (!compat_checkpoint(&v->ckpt, &m->model, m->ckpt, m->nckpt, native))
		return 1;
	v->online = 1;
	return 0;
}

/* What the model's own project requires of this engine family: a release
 * at least (model_serving.since) and flags, carried into the verdict. */
static int serving_rule(struct compat_verdict *v, const struct bind_model_rows *m,
			const struct cat_engine *e)
{
	size_t i;

	for (i = 0; i < m->nserving; i++) {
		const struct cat_model_serving *s = &m->serving[i];

		if (strcmp(s->family, e->family))
			continue;
		if (version_cmp(e->version, s->since) < 0)
			return fail(v, COMPAT_MODEL, "%s serves %s from %s on, not %s (%s)",
				    e->family, m->model.id, s->since, e->version, s->source);
		snprintf(v->serving_flags, sizeof(v->serving_flags), "%s", s->flags);
	}
	return 0;
}

int compat_check(struct compat_verdict *v, const struct bind_model_rows *m,
		 const struct bind_engine_rows *e, const struct bind_gpu_rows *g,
		 const struct compat_ask *ask)
{
	if (compat_check_engine(v, &m->model, e, g, ask) || serving_rule(v, m, &e->engine))
		return 1;
	if (!compat_checkpoint(&v->ckpt, &m->model, m->ckpt, m->nckpt, ask->precision) &&
	    online_rule(v, m, &e->engine, ask->precision))
		return fail(v, COMPAT_CHECKPOINT, "no published checkpoint of %s in %s is in the"
			    " catalog (checkpoint); quantize %s yourself or choose another"
			    " precision", m->model.id, ask->precision, m->model.hf_repo);
	return fetch_rule(v, &m->model, e, ask->precision);
}
