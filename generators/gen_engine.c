/*
 * gen_engine.c - each engine's command line (see gen_engine.h).
 *
 * Flag names, from each engine's reference for the catalog's version:
 *   vLLM 0.6   engine_args: --model --tensor-parallel-size
 *              --pipeline-parallel-size --max-model-len
 *              --gpu-memory-utilization --max-num-seqs
 *              --max-num-batched-tokens --quantization --kv-cache-dtype
 *   SGLang     server_arguments: --model-path --tp-size --context-length
 *              --mem-fraction-static --max-running-requests
 *              --quantization --kv-cache-dtype
 *   TGI 3      launcher: --model-id --num-shard --max-input-tokens
 *              --max-total-tokens --max-concurrent-requests --quantize
 *   trtllm-serve  MODEL --tp_size --pp_size --max_batch_size
 *              --max_num_tokens --max_seq_len
 *   llama.cpp  server README: -m -c -ngl -np --split-mode -ctk -ctv
 *   Ollama     FAQ: OLLAMA_HOST, OLLAMA_NUM_PARALLEL, OLLAMA_KV_CACHE_TYPE
 * Every flag written is checked against the release's own argument list
 * (tests/data/engine-flags, tests/unit/t_gen_flags.c).
 *
 * The weights are fetched before the server starts, by the means each
 * image carries: huggingface_hub in the Python images (vLLM, SGLang,
 * TensorRT-LLM), TGI's own `text-generation-server download-weights`,
 * curl in llama.cpp's server image (its Dockerfile's HEALTHCHECK runs
 * curl), and `ollama pull` in Ollama's.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "generators/gen_engine.h"
#include "generators/gen_writer.h"
#include "util/err.h"
#include "util/version.h"
#include "util/xalloc.h"

static void add(struct gen_argv *a, const char *s)
{
	if (a->n < GEN_ARGV_MAX)
		a->v[a->n++] = xstrdup(s);
}

static void addf(struct gen_argv *a, const char *flag, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void addf(struct gen_argv *a, const char *flag, const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (flag)
		add(a, flag);
	add(a, buf);
}

/* The quantization method name engines use for a weight format; NULL
 * for formats loaded as they are. */
static const char *quant_method(const char *precision)
{
	if (!strcmp(precision, "int4-awq"))
		return "awq";
	if (!strcmp(precision, "int4-gptq"))
		return "gptq";
	if (!strcmp(precision, "fp8"))
		return "fp8";
	return NULL;
}

static int is_gguf(const char *precision)
{
	return !strncmp(precision, "gguf-", 5);
}

/* The repository the weights come from: the checkpoint the planner chose
 * for the precision (a quantized repository is not the base model's). */
static const char *model_repo(const struct plan_candidate *c)
{
	return c->checkpoint_repo[0] ? c->checkpoint_repo : c->hf_repo;
}

/* Where the weights step leaves GGUF files: llama.cpp's /models volume,
 * or a directory in the Hugging Face cache volume of the Python images. */
static const char *gguf_dir(const struct plan_candidate *c)
{
	/* natively, the server starts in the weights' own directory */
	if (gen_engine_native(c))
		return ".";
	return !strcmp(c->engine, "llama-cpp") ? "/models" : "/root/.cache/huggingface/gguf";
}

int gen_engine_native(const struct plan_candidate *c)
{
	return !strncmp(c->engine_image, "https://", 8) || gen_engine_pypi(c) != NULL;
}

int gen_gpu_amd(const struct plan_candidate *c)
{
	return !strcmp(c->gpu_vendor, "amd");
}

int gen_gpu_none(const struct plan_candidate *c)
{
	return !strcmp(c->gpu_vendor, "none");
}

/* AMD's device plugin exposes its GPUs as amd.com/gpu
 * (instinct.docs.amd.com/projects/k8s-device-plugin), NVIDIA's as
 * nvidia.com/gpu */
const char *gen_gpu_resource(const struct plan_candidate *c)
{
	return gen_gpu_amd(c) ? "amd.com/gpu" : "nvidia.com/gpu";
}

const char *gen_engine_pypi(const struct plan_candidate *c)
{
	return !strncmp(c->engine_image, "pypi:", 5) ? c->engine_image + 5 : NULL;
}

int gen_check_container(const struct plan_candidate *c, const char *what, struct err *err)
{
	if (gen_engine_native(c))
		return err_set(err, ERR_INVAL, "generate %s: %s runs natively on %s (no container "
			       "reaches Apple's GPU): use 'generate native'", what, c->engine, c->gpu);
	return 0;
}

static void gguf_path(char *out, size_t size, const struct plan_candidate *c)
{
	snprintf(out, size, "%s/%s", gguf_dir(c), c->checkpoint_file);
}

/*
 * The files of a GGUF checkpoint: one, or for a split one named
 * NAME-00001-of-0000N.gguf (llama.cpp's gguf-split naming), all N, which
 * the server finds beside the first.
 */
static void gguf_files(struct gen_argv *a, const char *first)
{
	const char *p = strstr(first, "-00001-of-");
	unsigned n, k;
	char buf[160];

	if (!p || sscanf(p, "-00001-of-%5u.gguf", &n) != 1 || n < 2 || n > 99 ||
	    strlen(p) != strlen("-00001-of-00000.gguf")) {
		add(a, first);
		return;
	}
	for (k = 1; k <= n; k++) {
		snprintf(buf, sizeof(buf), "%.*s-%05u-of-%05u.gguf", (int)(p - first), first, k, n);
		add(a, buf);
	}
}

/* The weights step runs the server's own image with `program` instead
 * (and `script` as its -c argument where it has one). */
static struct gen_fetch *fetch_start(struct gen_engine *e, const char *program,
				     const char *script)
{
	struct gen_fetch *f = &e->fetch;

	snprintf(f->image, sizeof(f->image), "%s", e->image);
	snprintf(f->entrypoint, sizeof(f->entrypoint), "%s", program);
	if (script) {
		add(&f->args, "-c");
		add(&f->args, script);
	}
	f->operands = f->args.n;
	return f;
}

/* huggingface_hub's snapshot_download into the image's cache: what the
 * server then loads by repository name without downloading. */
static void fetch_snapshot(struct gen_engine *e, const struct plan_candidate *c)
{
	struct gen_fetch *f = fetch_start(e, "python3", "import sys; from huggingface_hub "
					  "import snapshot_download; snapshot_download(sys.argv[1])");

	add(&f->args, model_repo(c));
	add(&f->env, "HF_TOKEN");
}

/* A GGUF checkpoint's files into gguf_dir with huggingface_hub. */
static void fetch_gguf_python(struct gen_engine *e, const struct plan_candidate *c)
{
	struct gen_fetch *f = fetch_start(e, "python3", "import sys; from huggingface_hub import "
					  "hf_hub_download; [hf_hub_download(sys.argv[1], f, local_dir="
					  "sys.argv[2]) for f in sys.argv[3:]]");

	add(&f->args, model_repo(c));
	add(&f->args, gguf_dir(c));
	gguf_files(&f->args, c->checkpoint_file);
	add(&f->env, "HF_TOKEN");
}

static void vllm(struct gen_engine *e, const struct plan_candidate *c)
{
	struct gen_argv *a = &e->args;
	const char *qm = quant_method(c->precision);
	char path[160];

	if (is_gguf(c->precision)) {
		gguf_path(path, sizeof(path), c);
		addf(a, "--model", "%s", path);
		addf(a, "--tokenizer", "%s", c->hf_repo);
		fetch_gguf_python(e, c);
	} else {
		addf(a, "--model", "%s", model_repo(c));
		fetch_snapshot(e, c);
	}
	addf(a, "--served-model-name", "%s", c->model);
	addf(a, "--tensor-parallel-size", "%zu", c->tp);
	if (c->pp > 1)
		addf(a, "--pipeline-parallel-size", "%zu", c->pp);
	addf(a, "--max-model-len", "%zu", c->max_model_len);
	if (c->gpu_memory_utilization > 0)
		addf(a, "--gpu-memory-utilization", "%.2f", c->gpu_memory_utilization);
	if (c->max_num_seqs)
		addf(a, "--max-num-seqs", "%zu", c->max_num_seqs);
	if (c->max_batched_tokens)
		addf(a, "--max-num-batched-tokens", "%zu", c->max_batched_tokens);
	if (c->eager)
		add(a, "--enforce-eager");
	if (qm)
		addf(a, "--quantization", "%s", qm);
	if (!strcmp(c->kv_precision, "fp8"))
		addf(a, "--kv-cache-dtype", "fp8");
	addf(a, "--port", "%zu", e->port);
	e->cache_dir = "/root/.cache/huggingface";
	add(&e->env, "HF_TOKEN");
}

static void sglang(struct gen_engine *e, const struct plan_candidate *c)
{
	struct gen_argv *a = &e->args;
	/* a ModelOpt NVFP4 checkpoint: SGLang's own method name (its
	 * --quantization choices from 0.4.6 on); vLLM and TensorRT-LLM read
	 * it from the checkpoint's config */
	const char *qm = !strcmp(c->precision, "nvfp4") ? "modelopt_fp4" :
			 quant_method(c->precision);

	add(a, "python3");
	add(a, "-m");
	add(a, "sglang.launch_server");
	addf(a, "--model-path", "%s", model_repo(c));
	addf(a, "--served-model-name", "%s", c->model);
	addf(a, "--tp-size", "%zu", c->tp);
	if (c->pp > 1)
		addf(a, "--pp-size", "%zu", c->pp);
	addf(a, "--context-length", "%zu", c->max_model_len);
	if (c->gpu_memory_utilization > 0)
		addf(a, "--mem-fraction-static", "%.2f", c->gpu_memory_utilization);
	if (c->max_num_seqs)
		addf(a, "--max-running-requests", "%zu", c->max_num_seqs);
	if (c->eager)
		add(a, "--disable-cuda-graph");
	if (qm)
		addf(a, "--quantization", "%s", qm);
	if (!strcmp(c->kv_precision, "fp8"))
		addf(a, "--kv-cache-dtype", "fp8_e5m2");
	addf(a, "--host", "0.0.0.0");
	addf(a, "--port", "%zu", e->port);
	e->shell_entrypoint = 1;
	e->cache_dir = "/root/.cache/huggingface";
	add(&e->env, "HF_TOKEN");
	fetch_snapshot(e, c);
}

static void tgi(struct gen_engine *e, const struct plan_candidate *c)
{
	struct gen_argv *a = &e->args;
	const char *qm = quant_method(c->precision);

	addf(a, "--model-id", "%s", model_repo(c));
	addf(a, "--num-shard", "%zu", c->tp);
	addf(a, "--max-total-tokens", "%zu", c->max_model_len);
	addf(a, "--max-input-tokens", "%zu", c->max_model_len - 1);
	if (c->max_num_seqs)
		addf(a, "--max-concurrent-requests", "%zu", c->max_num_seqs);
	if (qm)
		addf(a, "--quantize", "%s", qm);
	addf(a, "--port", "%zu", e->port);
	e->cache_dir = "/data";
	add(&e->env, "HF_TOKEN");
	/* the launcher's own download step, run ahead of it */
	fetch_start(e, "text-generation-server", NULL);
	add(&e->fetch.args, "download-weights");
	add(&e->fetch.args, model_repo(c));
	add(&e->fetch.env, "HF_TOKEN");
}

static void trtllm(struct gen_engine *e, const struct plan_candidate *c)
{
	struct gen_argv *a = &e->args;

	add(a, "trtllm-serve");
	add(a, model_repo(c));
	addf(a, "--host", "0.0.0.0");
	addf(a, "--port", "%zu", e->port);
	addf(a, "--tp_size", "%zu", c->tp);
	addf(a, "--pp_size", "%zu", c->pp);
	if (c->max_num_seqs)
		addf(a, "--max_batch_size", "%zu", c->max_num_seqs);
	if (c->max_batched_tokens)
		addf(a, "--max_num_tokens", "%zu", c->max_batched_tokens);
	addf(a, "--max_seq_len", "%zu", c->max_model_len);
	e->shell_entrypoint = 1;
	e->cache_dir = "/root/.cache/huggingface";
	add(&e->env, "HF_TOKEN");
	fetch_snapshot(e, c);
}

static int quantized_kv(const struct plan_candidate *c)
{
	return !strcmp(c->kv_precision, "q8_0") || !strcmp(c->kv_precision, "q4_0");
}

static void llama_cpp(struct gen_engine *e, const struct plan_candidate *c)
{
	struct gen_argv *a = &e->args;
	size_t slots = c->max_num_seqs ? c->max_num_seqs : 1;
	char path[160];

	gguf_path(path, sizeof(path), c);
	addf(a, "-m", "%s", path);
	/* the context is shared by the slots: each gets max_model_len */
	addf(a, "-c", "%zu", c->max_model_len * slots);
	addf(a, "-np", "%zu", slots);
	/* every layer, or the split the plan chose (the rest on the CPU);
	 * the CPU image has no GPU to give layers to */
	if (!gen_gpu_none(c))
		addf(a, "-ngl", "%zu", c->offloaded ? c->gpu_layers : 999);
	add(a, "--metrics");    /* the queue gauge the autoscaler reads */
	if (c->gpus_per_replica > 1)
		addf(a, "--split-mode", "layer");
	if (quantized_kv(c)) {
		addf(a, "-ctk", "%s", c->kv_precision);
		addf(a, "-ctv", "%s", c->kv_precision);
		/* a quantized V cache needs flash attention: a switch up to the
		 * build that made it take on|off|auto (by b6327, as
		 * mybigday/llama.node#102 records of that sync), "on" after */
		if (version_cmp(c->engine_version, "b6327") < 0)
			add(a, "-fa");
		else
			addf(a, "-fa", "on");
	}
	addf(a, "--host", "0.0.0.0");
	addf(a, "--port", "%zu", e->port);
	e->cache_dir = "/models";
	/* curl, which the server image carries; a file already there is kept */
	fetch_start(e, "/bin/sh", "set -e; r=$0; for f in \"$@\"; do [ -s \"/models/$f\" ] && "
		    "continue; curl -fL --retry 5 ${HF_TOKEN:+--oauth2-bearer \"$HF_TOKEN\"} -o "
		    "\"/models/$f.part\" \"https://huggingface.co/$r/resolve/main/$f\"; mv "
		    "\"/models/$f.part\" \"/models/$f\"; done");
	add(&e->fetch.args, model_repo(c));
	gguf_files(&e->fetch.args, c->checkpoint_file);
	add(&e->fetch.env, "HF_TOKEN");
}

/*
 * mlx-lm's server (server.py at the catalog's tag): the checkpoint by
 * repository (MLX's own safetensors layout), a decode batch of the
 * planned sequences (its BatchGenerator's completion batch), prompts
 * taken in steps of the planned tokens, and no reply cut below the
 * planned context (--max-tokens, 512 by default, caps a reply whose
 * request names no max_tokens).
 */
static void mlx_lm(struct gen_engine *e, const struct plan_candidate *c)
{
	struct gen_argv *a = &e->args;

	addf(a, "--model", "%s", model_repo(c));
	addf(a, "--host", "0.0.0.0");
	addf(a, "--port", "%zu", e->port);
	if (c->max_num_seqs)
		addf(a, "--decode-concurrency", "%zu", c->max_num_seqs);
	if (c->max_batched_tokens)
		addf(a, "--prefill-step-size", "%zu", c->max_batched_tokens);
	addf(a, "--max-tokens", "%zu", c->max_model_len);
	/* finished requests' caches are kept for their prefixes (ten by
	 * default, of any size): held to what the plan left for the cache,
	 * the running requests' included (server.py trims the prompt cache to
	 * this less the batch's) */
	if (c->kv_room_bytes)
		addf(a, "--prompt-cache-bytes", "%zu", c->kv_room_bytes);
	fetch_snapshot(e, c);
}

/* The name Ollama pulls: its library tag, else the GGUF repository as
 * hf.co/<repo>:<QUANT> (Hugging Face Hub docs, "Use Ollama with any GGUF
 * Model on Hugging Face Hub"). */
static void ollama_model(char *out, size_t size, const struct plan_candidate *c)
{
	char quant[PLAN_WORD_MAX];
	size_t i;

	if (c->checkpoint_ollama[0]) {
		snprintf(out, size, "%s", c->checkpoint_ollama);
		return;
	}
	snprintf(quant, sizeof(quant), "%s", is_gguf(c->precision) ? c->precision + 5 : c->precision);
	for (i = 0; quant[i]; i++)
		if (quant[i] >= 'a' && quant[i] <= 'z')
			quant[i] = (char)(quant[i] - 'a' + 'A');
	snprintf(out, size, "hf.co/%s:%s", model_repo(c), quant);
}

static void ollama(struct gen_engine *e, const struct plan_candidate *c)
{
	char buf[PLAN_NAME_MAX + PLAN_WORD_MAX + 16];

	snprintf(buf, sizeof(buf), "OLLAMA_HOST=0.0.0.0:%zu", e->port);
	add(&e->env, buf);
	snprintf(buf, sizeof(buf), "OLLAMA_NUM_PARALLEL=%zu", c->max_num_seqs ? c->max_num_seqs : 1);
	add(&e->env, buf);
	/* the planned context, for every request (from 0.5.13: aider-AI/aider#3485
	 * quoting Ollama's release notes) */
	snprintf(buf, sizeof(buf), "OLLAMA_CONTEXT_LENGTH=%zu", c->max_model_len);
	add(&e->env, buf);
	if (quantized_kv(c)) {
		snprintf(buf, sizeof(buf), "OLLAMA_KV_CACHE_TYPE=%s", c->kv_precision);
		add(&e->env, buf);
		/* up to 0.9.x the cache type is ignored without it (llm/server.go) */
		add(&e->env, "OLLAMA_FLASH_ATTENTION=1");
	}
	e->cache_dir = "/root/.ollama";
	/* a server of its own for the pull, stopped once the model is there */
	fetch_start(e, "/bin/sh", "ollama serve >/dev/null 2>&1 & s=$!; until ollama list >/dev/null 2>&1; "
	    "do sleep 1; done; ollama pull \"$0\"; r=$?; kill \"$s\"; exit \"$r\"");
	ollama_model(buf, sizeof(buf), c);
	add(&e->fetch.args, buf);
}

/* The model's own project's flags for this engine (model_serving), one
 * word each, after the planned ones; Ollama takes no command line. */
static void serving_flags(struct gen_engine *e, const struct plan_candidate *c)
{
	char buf[sizeof(c->serving_flags)], *tok, *save = NULL;

	if (!strcmp(c->engine, "ollama"))
		return;
	snprintf(buf, sizeof(buf), "%s", c->serving_flags);
	for (tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
		add(&e->args, tok);
}

/* A health check with what the image has: the Ollama CLI (the image has
 * no curl), curl in llama.cpp's, Python's urllib in the Python images. */
static void health_command(struct gen_engine *e, const struct plan_candidate *c)
{
	char url[128];

	snprintf(url, sizeof(url), "http://localhost:%zu%s", e->port, e->health_path);
	if (!strcmp(c->engine, "ollama")) {
		add(&e->health, "ollama");
		add(&e->health, "list");
	} else if (!strcmp(c->engine, "llama-cpp")) {
		add(&e->health, "curl");
		add(&e->health, "-fsS");
		add(&e->health, url);
	} else {
		add(&e->health, "python3");
		add(&e->health, "-c");
		add(&e->health, "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=4)");
		add(&e->health, url);
	}
}

/* The engines rigplan writes a command for, by catalog family; `gguf`:
 * the server reads a GGUF file and nothing else; `queue_metric`: its
 * Prometheus gauge of requests waiting for a batch slot, as its /metrics
 * names it (vLLM and SGLang production-metrics docs, TGI's metrics list,
 * llama.cpp server README with --metrics); for trtllm-serve and Ollama
 * rigplan has no sourced gauge, and writes no autoscaler. */
static const struct engine_kind {
	const char *id;
	void (*build)(struct gen_engine *e, const struct plan_candidate *c);
	int gguf;
	const char *queue_metric;
	const char *api_key_flag;   /* NULL: the server has none */
} engine_kinds[] = {
	{ "vllm", vllm, 0, "vllm:num_requests_waiting", "--api-key" },
	{ "sglang", sglang, 0, "sglang:num_queue_reqs", "--api-key" },
	{ "tgi", tgi, 0, "tgi_queue_size", "--api-key" },
	{ "tensorrt-llm", trtllm, 0, NULL, NULL },
	{ "llama-cpp", llama_cpp, 1, "llamacpp:requests_deferred", "--api-key" },
	{ "ollama", ollama, 0, NULL, NULL },
	{ "mlx-lm", mlx_lm, 0, NULL, NULL },
};

int gen_is_api_key(const char *arg)
{
	return !strcmp(arg, GEN_API_KEY_ARG);
}

int gen_engine_build(struct gen_engine *out, const struct plan_candidate *c, size_t port,
		     int api_key, struct err *err)
{
	const struct engine_kind *k = NULL;
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < sizeof(engine_kinds) / sizeof(engine_kinds[0]); i++)
		if (!strcmp(c->engine, engine_kinds[i].id))
			k = &engine_kinds[i];
	if (!k)
		return err_set(err, ERR_INVAL, "engine '%.40s': rigplan writes commands for vllm, "
			       "sglang, tgi, tensorrt-llm, llama-cpp, ollama and mlx-lm only", c->engine);
	if (k->gguf && !is_gguf(c->precision))
		return err_set(err, ERR_INVAL, "engine '%s' loads GGUF files only, not precision "
			       "'%.40s'", k->id, c->precision);
	if (is_gguf(c->precision) && strcmp(c->engine, "ollama") && !c->checkpoint_file[0])
		return err_set(err, ERR_INVAL, "precision '%.40s' needs the GGUF file's name "
			       "(checkpoint_file), and the plan has none", c->precision);
	if (!strcmp(c->engine, "ollama") && version_cmp(c->engine_version, "0.5.13") < 0)
		return err_set(err, ERR_INVAL, "ollama %.20s cannot be started with the planned "
			       "context (OLLAMA_CONTEXT_LENGTH came in 0.5.13) and would cut prompts "
			       "at 2048 tokens: plan with a later release", c->engine_version);
	/* the servers fetch the weights: a model imported from files without
	 * a repository has nowhere to fetch them from */
	if (!model_repo(c)[0] && !(!strcmp(c->engine, "ollama") && c->checkpoint_ollama[0]))
		return err_set(err, ERR_INVAL, "model '%.40s' names no repository the servers can "
			       "fetch its weights from: import it with --hf-repo REPO", c->model);
	/* the catalog's pinned reference (engine_image), never a floating tag */
	if (!strchr(c->engine_image, ':') || strstr(c->engine_image, ":latest"))
		return err_set(err, ERR_INVAL, "engine_image '%.80s': expected a pinned "
			       "image:tag from the catalog", c->engine_image);
	out->port = port;
	snprintf(out->health_path, sizeof(out->health_path), "%s", c->health_path);
	snprintf(out->image, sizeof(out->image), "%s", c->engine_image);
	if (api_key && !k->api_key_flag)
		return err_set(err, ERR_INVAL, "--api-key: %s has no API key option; put an "
			       "authenticating proxy in front of it", c->engine);
	k->build(out, c);
	serving_flags(out, c);
	/* a replica over InfiniBand-joined nodes: NCCL on the Mellanox HCAs,
	 * as vLLM's multi-node docs set it (docs/serving, "To enable
	 * InfiniBand ... -e NCCL_IB_HCA=mlx5") */
	if (gen_nodes_per_replica(c) > 1 && !strcmp(c->node.fabric, "infiniband"))
		add(&out->env, "NCCL_IB_HCA=mlx5");
	if (api_key) {
		add(&out->args, k->api_key_flag);
		add(&out->args, GEN_API_KEY_ARG);
		add(&out->env, GEN_API_KEY_ENV);
	}
	health_command(out, c);
	out->queue_metric = k->queue_metric;
	return 0;
}

size_t gen_nodes_per_replica(const struct plan_candidate *c)
{
	return c->node.gpus && c->gpus_per_replica > c->node.gpus ?
	       (c->gpus_per_replica + c->node.gpus - 1) / c->node.gpus : 1;
}

void gen_shell_arg(struct sbuf *sb, const char *arg)
{
	if (gen_is_api_key(arg))
		sbuf_addstr(sb, "\"$" GEN_API_KEY_ENV "\"");
	else
		gen_shell_word(sb, arg);
}

/* The server's words, quoted, after the program that runs them. */
static void script_words(struct sbuf *out, const char *program, const struct gen_argv *a)
{
	size_t i;

	sbuf_addstr(out, program);
	for (i = 0; i < a->n; i++) {
		sbuf_addch(out, ' ');
		gen_shell_arg(out, a->v[i]);
	}
}

/* the port SGLang's ranks meet on at the leader (its docs' examples
 * use a free port of the leader's; 5000 is what rigplan opens) */
#define SGLANG_DIST_PORT 5000

int gen_engine_node_script(struct sbuf *out, const struct gen_engine *e,
			   const struct plan_candidate *c, int leader, const char *rank_ref,
			   const char *leader_ref, struct err *err)
{
	size_t nodes = gen_nodes_per_replica(c);

	if (!strcmp(c->engine, "sglang")) {
		/* the same command on every node but its rank */
		script_words(out, "exec", &e->args);
		sbuf_addf(out, " --nnodes %zu --node-rank %s --dist-init-addr %s:%d", nodes,
			  rank_ref, leader_ref, SGLANG_DIST_PORT);
		return 0;
	}
	if (strcmp(c->engine, "vllm"))
		return err_set(err, ERR_INVAL, "%s %s spans nodes by %s, whose launch rigplan does "
			       "not write: plan with vllm or sglang, or within one node",
			       c->engine, c->engine_version, c->multinode);
	if (!strcmp(c->multinode, "native")) {
		script_words(out, "exec vllm serve", &e->args);
		sbuf_addf(out, " --nnodes %zu --node-rank %s --master-addr %s%s", nodes, rank_ref,
			  leader_ref, leader ? "" : " --headless");
		return 0;
	}
	if (version_cmp(c->engine_version, "0.8.5") < 0)
		return err_set(err, ERR_INVAL, "vllm %s has no in-image multi-node launcher "
			       "(multi-node-serving.sh came with 0.8.5's LeaderWorkerSet docs): "
			       "plan with a later release", c->engine_version);
	if (!leader) {
		sbuf_addf(out, "exec bash /vllm-workspace/examples/online_serving/"
			  "multi-node-serving.sh worker --ray_address=%s", leader_ref);
		return 0;
	}
	sbuf_addf(out, "bash /vllm-workspace/examples/online_serving/multi-node-serving.sh "
		  "leader --ray_cluster_size=%zu && ", nodes);
	script_words(out, "exec vllm serve", &e->args);
	sbuf_addstr(out, " --distributed-executor-backend ray");
	return 0;
}

size_t gen_replicas_per_node(const struct plan_candidate *c)
{
	size_t k = c->node.gpus / c->gpus_per_replica;

	return k ? k : 1;
}

void gen_name(char *out, size_t size, const struct plan_candidate *c, const char *suffix)
{
	size_t i, n = 0;
	const char *parts[3] = { "rigplan-", c->model, suffix };
	int dash = 0;

	for (i = 0; i < 3 && size; i++) {
		const char *p;

		for (p = parts[i]; *p && n + 1 < size && n < 62; p++) {
			char ch = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;

			if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))) {
				if (dash)
					continue;
				ch = '-';
			}
			dash = ch == '-';
			out[n++] = ch;
		}
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
}

void gen_engine_release(struct gen_engine *e)
{
	size_t i;

	for (i = 0; i < e->args.n; i++)
		free(e->args.v[i]);
	for (i = 0; i < e->env.n; i++)
		free(e->env.v[i]);
	for (i = 0; i < e->health.n; i++)
		free(e->health.v[i]);
	for (i = 0; i < e->fetch.args.n; i++)
		free(e->fetch.args.v[i]);
	for (i = 0; i < e->fetch.env.n; i++)
		free(e->fetch.env.v[i]);
	memset(e, 0, sizeof(*e));
}
