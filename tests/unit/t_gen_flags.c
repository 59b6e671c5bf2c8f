/*
 * t_gen_flags.c - every command rigplan writes is one the engine release
 * it names would accept.  For each engine release in the catalog, and
 * each weight and KV format it loads (with tensor and, where the release
 * has it, pipeline parallelism), the generated arguments are checked
 * against that release's own argument list, kept as sourced data in
 * tests/data/engine-flags/<release>.tsv (read from the engine's parser at
 * the release tag): each flag must exist there, take a value exactly when
 * the parser says so, and the value must be one of its choices where the
 * parser restricts them.  Environment settings (Ollama) are checked the
 * same way against the variables the release reads, and a model's own
 * serving flags (model_serving) against every release from the one it
 * needs on.
 */
#include "tests/testlib.h"
#include "tests/testcat.h"
#include "bind/deploy.h"
#include "catalog/cat.h"
#include "generators/gen_engine.h"
#include "util/err.h"
#include "util/version.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FLAGS_MAX 1024

struct flag {
	char name[64];
	int takes_value;            /* 1 value, 0 switch, 2 environment variable */
	char choices[512];          /* "*" for any */
};

struct flagset {
	struct flag f[FLAGS_MAX];
	size_t n;
};

static int load_flags(struct flagset *fs, const char *release)
{
	char path[512], line[1024];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/tests/data/engine-flags/%s.tsv", test_env("TOP_SRCDIR"),
		 release);
	fs->n = 0;
	if (!(fp = fopen(path, "r")))
		return -1;
	while (fgets(line, sizeof(line), fp) && fs->n < FLAGS_MAX) {
		struct flag *f = &fs->f[fs->n];
		char *name, *kind, *choices, *save = NULL;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\r\n")] = '\0';
		name = strtok_r(line, "\t", &save);
		kind = strtok_r(NULL, "\t", &save);
		choices = strtok_r(NULL, "\t", &save);
		if (!name || !kind)
			continue;
		snprintf(f->name, sizeof(f->name), "%s", name);
		f->takes_value = !strcmp(kind, "env") ? 2 : strcmp(kind, "switch") != 0;
		snprintf(f->choices, sizeof(f->choices), "%s", choices ? choices : "*");
		fs->n++;
	}
	fclose(fp);
	return 0;
}

static const struct flag *find_flag(const struct flagset *fs, const char *name)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		if (!strcmp(fs->f[i].name, name))
			return &fs->f[i];
	return NULL;
}

static int in_choices(const char *choices, const char *value)
{
	char buf[512], *tok, *save = NULL;

	if (!strcmp(choices, "*"))
		return 1;
	snprintf(buf, sizeof(buf), "%s", choices);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		if (!strcmp(tok, value))
			return 1;
	return 0;
}

/* Words before the first flag that start the server (python3 -m
 * sglang.launch_server, trtllm-serve MODEL) are the program, not flags. */
static size_t program_words(const struct gen_engine *e, const char *family)
{
	size_t i = 0;

	if (!strcmp(family, "sglang"))
		return 3;
	if (!strcmp(family, "tensorrt-llm"))
		return 2;
	while (i < e->args.n && e->args.v[i][0] != '-')
		i++;
	return i;
}

static void check_args(const struct gen_engine *e, const struct flagset *fs, const char *what,
		       const char *family)
{
	size_t i = program_words(e, family);

	for (; i < e->args.n; i++) {
		const char *a = e->args.v[i];
		const struct flag *f = find_flag(fs, a);

		if (!test_ok(f && f->takes_value != 2, "%s: %s is a flag of the release", what, a))
			continue;
		if (!f->takes_value)
			continue;
		if (!test_ok(i + 1 < e->args.n, "%s: %s has its value", what, a))
			break;
		i++;
		test_ok(in_choices(f->choices, e->args.v[i]), "%s: %s %s is one of %s", what, a,
			e->args.v[i], f->choices);
	}
	for (i = 0; i < e->env.n; i++) {
		char name[128];
		const struct flag *f;

		snprintf(name, sizeof(name), "%.*s", (int)strcspn(e->env.v[i], "="), e->env.v[i]);
		if (!strncmp(name, "HF_", 3))
			continue;       /* read by huggingface_hub, not the server */
		f = find_flag(fs, name);
		test_ok(f && f->takes_value == 2, "%s: %s is a variable the release reads", what, name);
	}
}

static void candidate_for(struct plan_candidate *c, const struct cat_engine *e,
			  const struct cat_engine_image *img, const char *wf, const char *kv,
			  size_t pp)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->model, sizeof(c->model), "llama-3.1-8b");
	snprintf(c->hf_repo, sizeof(c->hf_repo), "meta-llama/Llama-3.1-8B-Instruct");
	snprintf(c->gpu, sizeof(c->gpu), "h100-sxm");
	snprintf(c->precision, sizeof(c->precision), "%s", wf);
	snprintf(c->kv_precision, sizeof(c->kv_precision), "%s", kv);
	snprintf(c->engine, sizeof(c->engine), "%s", e->family);
	snprintf(c->engine_version, sizeof(c->engine_version), "%s", e->version);
	snprintf(c->engine_image, sizeof(c->engine_image), "%s", img->image);
	snprintf(c->multinode, sizeof(c->multinode), "%s", e->multinode);
	snprintf(c->checkpoint_repo, sizeof(c->checkpoint_repo), "example/Model-GGUF");
	snprintf(c->checkpoint_file, sizeof(c->checkpoint_file), "Model-Q4_K_M.gguf");
	snprintf(c->checkpoint_ollama, sizeof(c->checkpoint_ollama), "llama3.1:8b");
	snprintf(c->health_path, sizeof(c->health_path), "%s", e->health_path);
	c->port = (size_t)e->port;
	c->tp = 2;
	c->pp = pp;
	c->gpus_per_replica = c->tp * c->pp;
	c->replicas = 1;
	c->nodes = 1;
	c->gpu_count = c->gpus_per_replica;
	c->node.gpus = 8;
	c->max_model_len = 8192;
	c->max_num_seqs = e->max_num_seqs != CAT_NULL_INT ? (size_t)e->max_num_seqs : 64;
	c->max_batched_tokens = e->max_num_batched_tokens != CAT_NULL_INT ?
				(size_t)e->max_num_batched_tokens : 8192;
	c->gpu_memory_utilization = e->gpu_memory_utilization;
	/* the CUDA graphs switch, where rigplan writes one */
	c->eager = deploy_engine_switches_graphs(e);
}

static size_t split(char out[][CAT_WORD_MAX], size_t max, const char *list)
{
	char buf[CAT_LIST_MAX], *tok, *save = NULL;
	size_t n = 0;

	snprintf(buf, sizeof(buf), "%s", list);
	for (tok = strtok_r(buf, ",", &save); tok && n < max; tok = strtok_r(NULL, ",", &save))
		snprintf(out[n++], CAT_WORD_MAX, "%s", tok);
	return n;
}

/* The model_serving rows of this release's family that apply to it. */
static void serving(struct cat *cat, const struct cat_engine *e,
		    const struct cat_engine_image *img, const struct flagset *fs)
{
	struct cat_model *models = NULL;
	size_t nm = 0, i, j;
	struct err err;

	if (cat_list((void **)&models, &nm, cat, CAT_MODEL, &err) < 0)
		return;
	for (i = 0; i < nm; i++) {
		struct cat_model_serving *rows = NULL;
		size_t n = 0;

		if (cat_model_serving(&rows, &n, cat, models[i].id, &err) < 0)
			continue;
		for (j = 0; j < n; j++) {
			struct plan_candidate c;
			struct gen_engine ge;
			char what[160];

			if (strcmp(rows[j].family, e->family) || version_cmp(e->version, rows[j].since) < 0)
				continue;
			candidate_for(&c, e, img, "bf16", "bf16", 1);
			snprintf(c.serving_flags, sizeof(c.serving_flags), "%s", rows[j].flags);
			snprintf(what, sizeof(what), "%s with %s's serving flags", e->id, rows[j].model);
			if (test_ok(gen_engine_build(&ge, &c, c.port, 0, &err) == 0, "%s: written", what))
				check_args(&ge, fs, what, e->family);
			gen_engine_release(&ge);
		}
		free(rows);
	}
	free(models);
}

static void check_release(struct cat *cat, const struct cat_engine *e, struct flagset *fs)
{
	struct cat_engine_image *img = NULL;
	char wfs[24][CAT_WORD_MAX], kvs[12][CAT_WORD_MAX];
	size_t nimg = 0, nw, nk, i, j, pp;
	struct err err;
	int loaded;

	/* loaded first: the count printed is this release's */
	loaded = load_flags(fs, e->id) == 0;
	if (!test_ok(loaded && fs->n > 0,
		     "%s: its argument list is in tests/data/engine-flags (%zu entries)", e->id, fs->n))
		return;
	if (!test_ok(cat_engine_images(&img, &nimg, cat, e->id, &err) == 0 && nimg > 0,
		     "%s: has an image", e->id)) {
		free(img);
		return;
	}
	nw = split(wfs, 24, e->weight_formats);
	nk = split(kvs, 12, e->kv_formats);
	for (pp = 1; pp <= (e->pp ? 2u : 1u); pp++)
		for (i = 0; i < nw; i++)
			for (j = 0; j < nk; j++) {
				struct plan_candidate c;
				struct gen_engine ge;
				char what[160];

				candidate_for(&c, e, &img[0], wfs[i], kvs[j], pp);
				snprintf(what, sizeof(what), "%s %s kv %s pp %zu", e->id, wfs[i], kvs[j], pp);
				int r = gen_engine_build(&ge, &c, c.port, 0, &err);

				/* Ollama before 0.5.13 cannot take the planned context */
				if (!strcmp(e->family, "ollama") &&
				    version_cmp(e->version, "0.5.13") < 0) {
					test_ok(r < 0 && strstr(err.msg, "OLLAMA_CONTEXT_LENGTH"),
						"%s: refused, naming OLLAMA_CONTEXT_LENGTH", what);
					gen_engine_release(&ge);
					continue;
				}
				if (!test_ok(r == 0, "%s: a command is written (%s)", what,
					     r ? err.msg : "ok")) {
					gen_engine_release(&ge);
					continue;
				}
				check_args(&ge, fs, what, e->family);
				gen_engine_release(&ge);
			}
	serving(cat, e, &img[0], fs);
	free(img);
}

int main(void)
{
	struct cat *cat = test_catalog();
	struct flagset *fs = calloc(1, sizeof(*fs));
	struct cat_engine *rows = NULL;
	size_t n = 0, i;
	struct err err;

	if (!test_ok(cat_list((void **)&rows, &n, cat, CAT_ENGINE, &err) == 0 && n >= 12,
		     "the catalog lists engine releases (%zu)", n))
		return test_done();
	for (i = 0; i < n; i++)
		check_release(cat, &rows[i], fs);
	free(rows);
	free(fs);
	cat_free(cat);
	return test_done();
}
