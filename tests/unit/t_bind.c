/*
 * t_bind.c - bind/ against its contract: names are resolved to rows once,
 * and a deployment is a pure function of those rows and a layout (it
 * needs no catalog, leaves the rows as they were and gives the same
 * deployment every time, the one deploy_build gives); a row only some
 * layouts use keeps its failure until a layout needs it; the host's
 * parts are the catalog's defaults for the segment, which a user row
 * overrides.
 */
#include "tests/testlib.h"
#include "tests/testcat.h"
#include "bind/compat.h"
#include "bind/deploy.h"
#include "bind/rows.h"
#include "catalog/cat.h"
#include "models/est.h"
#include "models/estimate.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Resolve (model, gpu) with the default engine on a fresh catalog handle,
 * which is closed again: what the rows hold must be all a layout needs. */
static int resolve(struct bind_rows *rows, const char *model, const char *gpu,
		   const char *cpu, struct err *err)
{
	struct bind_names names = { model, gpu, NULL, cpu, NULL };
	struct cat *cat = test_catalog();
	int r = bind_resolve(rows, cat, &names, err);

	cat_free(cat);
	return r;
}

static void layout_is_pure(void)
{
	struct bind_rows *rows = xcalloc(1, sizeof(*rows)), *copy = xcalloc(1, sizeof(*copy));
	struct deploy *a = xcalloc(1, sizeof(*a)), *b = xcalloc(1, sizeof(*b));
	struct deploy *built = xcalloc(1, sizeof(*built));
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct err err = ERR_INIT;
	struct cat *cat;

	q.model = "llama-3.1-70b";
	q.gpu = "h100-sxm";
	q.precision = "fp8";
	q.tp = 4;
	if (!test_ok(resolve(rows, q.model, q.gpu, NULL, &err) == 0, "resolve 70B on H100: %s",
		     err.msg))
		goto out;
	*copy = *rows;
	test_ok(deploy_layout(a, &rows->m, &rows->e, &rows->g, &q, &err) == 0,
		"layout with the catalog closed: %s", err.msg);
	test_ok(deploy_layout(b, &rows->m, &rows->e, &rows->g, &q, &err) == 0,
		"layout again: %s", err.msg);
	test_ok(memcmp(rows, copy, sizeof(*rows)) == 0, "a layout leaves the rows as they were");
	test_ok(memcmp(&a->in, &b->in, sizeof(a->in)) == 0, "the same rows and layout, the same inputs");
	cat = test_catalog();
	test_ok(deploy_build(built, cat, &q, &err) == 0, "deploy_build: %s", err.msg);
	cat_free(cat);
	test_ok(memcmp(&a->in, &built->in, sizeof(a->in)) == 0,
		"deploy_layout of resolved rows is deploy_build");
	test_int((int64_t)a->in.model.n, 4, "tp 4 lays out 4 GPUs");
	/* a layout the rows cannot hold is refused by the layout alone */
	q.tp = 3;
	test_ok(deploy_layout(a, &rows->m, &rows->e, &rows->g, &q, &err) < 0 &&
		err.code == ERR_INVAL, "tp 3 of 64 heads is refused: %s", err.msg);
out:
	free(rows);
	free(copy);
	free(a);
	free(b);
	free(built);
}

/* A link only some layouts use keeps its failure until one does. */
static void kept_failures(void)
{
	struct bind_rows *rows = xcalloc(1, sizeof(*rows));
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct err err = ERR_INIT;

	q.tp = 2;
	if (!test_ok(resolve(rows, "llama-3.1-8b", "h100-sxm", NULL, &err) == 0, "resolve: %s",
		     err.msg))
		goto out;
	err_set(&rows->g.link_err[BIND_PCIE_P2P], ERR_NOTFOUND, "no link 'pcie-p2p'");
	test_ok(deploy_layout(d, &rows->m, &rows->e, &rows->g, &q, &err) == 0,
		"an NVLink GPU does not need the PCIe peer link: %s", err.msg);
	err_set(&rows->g.link_err[BIND_NVLINK], ERR_NOTFOUND, "no link 'nvlink'");
	err_clear(&err);
	test_ok(deploy_layout(d, &rows->m, &rows->e, &rows->g, &q, &err) < 0 &&
		err.code == ERR_NOTFOUND, "... but needs NVLink's");
	test_str(err.msg, "no link 'nvlink'", "... and says which row is missing");

	/* a CPU the catalog lacks: resolved rows, refused at layout, where
	 * estimate reports it after the formats and the parallel layout */
	err_clear(&err);
	test_ok(resolve(rows, "llama-3.1-8b", "h100-sxm", "no-such-cpu", &err) == 0,
		"an unknown --cpu does not stop the resolve: %s", err.msg);
	test_int(rows->g.host_err.code, ERR_NOTFOUND, "... it is kept with the host");
	test_ok(deploy_layout(d, &rows->m, &rows->e, &rows->g, &q, &err) < 0 &&
		strstr(err.msg, "no-such-cpu") != NULL, "... and reported by the layout: %s", err.msg);
out:
	free(rows);
	free(d);
}

static void host_defaults(void)
{
	struct bind_rows *rows = xcalloc(1, sizeof(*rows));
	struct err err = ERR_INIT;

	if (resolve(rows, "llama-3.1-8b", "h100-sxm", NULL, &err) == 0) {
		test_str(rows->g.cpu.id, "epyc-9554", "a data-centre GPU gets the server CPU");
		test_str(rows->g.psu.id, "supermicro-pws-2k04a-1r", "... and the server PSU");
		test_ok(rows->g.psu_curve.n > 0, "... with its 80 PLUS curve");
		test_str(rows->g.product, "NVIDIA H100 80GB HBM3", "nvidia-smi's product name");
	}
	if (resolve(rows, "llama-3.1-8b", "rtx-4090", NULL, &err) == 0) {
		test_str(rows->g.cpu.id, "ryzen-9-7950x", "a GeForce card gets the desktop CPU");
		test_str(rows->g.ssd.id, "samsung-990-pro-2tb", "... and the desktop drive");
	}
	free(rows);
}

/* A user row of default_part overrides the system's. */
static void user_default(void)
{
	struct bind_names names = { "llama-3.1-8b", "h100-sxm", NULL, NULL, NULL };
	struct bind_rows *rows = xcalloc(1, sizeof(*rows));
	struct err err = ERR_INIT;
	struct cat_paths paths;
	struct cat *cat;
	sqlite3 *db;
	char dir[] = "/tmp/t_bind.XXXXXX";

	if (!test_ok(mkdtemp(dir) != NULL, "a temporary directory"))
		goto out;
	memset(&paths, 0, sizeof(paths));
	snprintf(paths.system, sizeof(paths.system), "%s", test_env("RIGPLAN_CATALOG"));
	snprintf(paths.user, sizeof(paths.user), "%s/user.db", dir);
	if (!test_ok(cat_open(&cat, &paths, CAT_WRITE, &err) == 0, "create an overlay: %s", err.msg))
		goto out;
	cat_free(cat);
	test_ok(sqlite3_open(paths.user, &db) == SQLITE_OK &&
		sqlite3_exec(db, "INSERT INTO default_part VALUES ('server-cpu', 'server', 'cpu', "
			     "'xeon-platinum-8468', 'the user''s own servers', '2026-12-06')",
			     NULL, NULL, NULL) == SQLITE_OK, "a user row for the server CPU");
	sqlite3_close(db);
	if (!test_ok(cat_open(&cat, &paths, CAT_READ, &err) == 0, "reopen: %s", err.msg))
		goto cleanup;
	test_ok(bind_resolve(rows, cat, &names, &err) == 0, "resolve with the overlay: %s", err.msg);
	test_str(rows->g.cpu.id, "xeon-platinum-8468", "the user's default CPU replaces the system's");
	cat_free(cat);
cleanup:
	unlink(paths.user);
	rmdir(dir);
out:
	free(rows);
}

/*
 * gpt-oss-120b in its native MXFP4 (experts 4.25 bits, the rest bf16),
 * laid out with an engine row that loads the format (vLLM has since
 * 0.10.1; the catalog's pinned versions predate it, so the row is the
 * test's).  From the config (36 layers, hidden 2880, 128 experts of 3 x
 * 2880 x 2880, 64 + 2 x 8 heads of 64, vocabulary 201088, untied):
 *   experts   36 x 128 x 3 x 2880^2 = 114.65 B params x 4.25 / 8 = 60.91 GB
 *   attention 36 x 2880 x (4096 + 2 x 512 + 4096)  =   0.96 B x 2 =  1.91 GB
 *   embed + head 2 x 201088 x 2880                  =   1.16 B x 2 =  2.32 GB
 *   total about 65.1 GB (the router and norms add little); vLLM's recipe
 *   says 63 GB, the checkpoint about 65.
 */
static void mxfp4(void)
{
	struct bind_rows *rows = xcalloc(1, sizeof(*rows));
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct mem_result m;
	struct err err = ERR_INIT;

	if (!test_ok(resolve(rows, "gpt-oss-120b", "h100-sxm", NULL, &err) == 0, "resolve: %s",
		     err.msg))
		goto out;
	snprintf(rows->e.engine.weight_formats, sizeof(rows->e.engine.weight_formats), "bf16,fp8");
	test_ok(deploy_layout(d, &rows->m, &rows->e, &rows->g, &q, &err) < 0 &&
		strstr(err.msg, "mxfp4"), "an engine without mxfp4 refuses it: %s", err.msg);
	snprintf(rows->e.engine.weight_formats, sizeof(rows->e.engine.weight_formats), "bf16,mxfp4");
	if (!test_ok(deploy_layout(d, &rows->m, &rows->e, &rows->g, &q, &err) == 0,
		     "an engine that loads mxfp4 lays gpt-oss-120b out: %s", err.msg))
		goto out;
	est_mem_at(&m, &d->in);
	test_rel(m.weights_bytes, 65.1e9, 0.03, "gpt-oss-120b weights %.2f GB (worked 65.1)",
		 m.weights_bytes / 1e9);
	test_ok(m.fits, "... on one 80 GB H100, as its model card says");
out:
	free(rows);
	free(d);
}


/*
 * NVFP4 (ModelOpt): the decoder blocks' linear layers at 4.5 bits (E2M1
 * in blocks of 16 with an E4M3 scale), embeddings and head in bf16.
 * Llama 3.1 8B: 32 layers x 218,103,808 = 6,979,321,856 linear weights
 * x 4.5 / 8 = 3,925,868,544 bytes; embedding and untied head 2 x 128256 x
 * 4096 = 1,050,673,152 x 2 = 2,101,346,304 bytes; 6,027,214,848 in all
 * (the model card's 8.03e9 parameters scale the layers by well under
 * 0.1%).  Only Blackwell has FP4 tensor units; there a compute-bound
 * prefill beats fp8's.
 */
static void nvfp4(void)
{
	struct bind_rows *rows = xcalloc(1, sizeof(*rows));
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct mem_result m;
	struct perf_result p4, p8;
	struct err err = ERR_INIT;

	q.precision = "nvfp4";
	if (!test_ok(resolve(rows, "llama-3.1-8b", "b200", NULL, &err) == 0, "resolve: %s", err.msg))
		goto out;
	if (!test_ok(deploy_layout(d, &rows->m, &rows->e, &rows->g, &q, &err) == 0,
		     "nvfp4 on a B200: %s", err.msg))
		goto out;
	test_str(d->compat.ckpt.repo, "nvidia/Llama-3.1-8B-Instruct-FP4", "... NVIDIA's FP4 checkpoint");
	est_mem_at(&m, &d->in);
	test_rel(m.weights_bytes, 6027214848.0, 1e-3, "... weights %.4g bytes (worked 6,027,214,848)",
		 m.weights_bytes);
	perf_prefill(&p4, &d->in.model, 8, 2048);
	q.precision = "fp8";
	if (test_ok(deploy_layout(d, &rows->m, &rows->e, &rows->g, &q, &err) == 0, "fp8: %s", err.msg)) {
		perf_prefill(&p8, &d->in.model, 8, 2048);
		test_ok(p4.time_s < p8.time_s, "... 8 x 2048-token prefill %.1f ms, under fp8's %.1f ms",
			p4.time_s * 1e3, p8.time_s * 1e3);
	}
	q.precision = "nvfp4";
	if (test_ok(resolve(rows, "llama-3.1-8b", "h100-sxm", NULL, &err) == 0, "resolve: %s", err.msg))
		test_ok(deploy_layout(d, &rows->m, &rows->e, &rows->g, &q, &err) < 0 &&
			strstr(err.msg, "fp4"), "an H100 has no FP4 units: %s", err.msg);
out:
	free(rows);
	free(d);
}


/*
 * The compatibility rules on rows written here (test data, not facts),
 * so each rule is seen to fail on its own and in order:
 *   engine x@1.2.0 ships one image built for 8.0 and 9.0, loads
 *   LlamaForCausalLM from 1.1.0 on, formats bf16,fp8, KV bf16,fp8, no
 *   pipeline, no multi-node, no expert parallelism.
 *   GPU a: 9.0 linux/amd64 (runs: 9.0 is built); GPU b: 8.6 (runs the
 *   8.0 cubins: same major, lower minor); GPU c: 12.0 (no 12.x cubin).
 *   Model m: LlamaForCausalLM, native bf16, checkpoints: fp8 only.
 */
static void compat_rules(void)
{
	struct bind_model_rows m;
	struct bind_engine_rows e;
	struct bind_gpu_rows g;
	struct compat_verdict v;
	struct compat_ask ask = { "bf16", NULL, 1, 1, 1 };

	memset(&m, 0, sizeof(m));
	memset(&e, 0, sizeof(e));
	memset(&g, 0, sizeof(g));
	snprintf(m.model.id, sizeof(m.model.id), "m");
	snprintf(m.model.architecture, sizeof(m.model.architecture), "LlamaForCausalLM");
	snprintf(m.model.native_dtype, sizeof(m.model.native_dtype), "bf16");
	snprintf(m.model.hf_repo, sizeof(m.model.hf_repo), "org/m");
	m.nckpt = 1;
	snprintf(m.ckpt[0].model, sizeof(m.ckpt[0].model), "m");
	snprintf(m.ckpt[0].format, sizeof(m.ckpt[0].format), "fp8");
	snprintf(m.ckpt[0].repo, sizeof(m.ckpt[0].repo), "org/m-FP8");
	m.ckpt[0].bytes = 8000000000;
	snprintf(e.engine.id, sizeof(e.engine.id), "x@1.2.0");
	snprintf(e.engine.family, sizeof(e.engine.family), "x");
	snprintf(e.engine.version, sizeof(e.engine.version), "1.2.0");
	snprintf(e.engine.weight_formats, sizeof(e.engine.weight_formats), "bf16,fp8");
	snprintf(e.engine.kv_formats, sizeof(e.engine.kv_formats), "bf16,fp8");
	snprintf(e.engine.multinode, sizeof(e.engine.multinode), "none");
	snprintf(e.engine.source, sizeof(e.engine.source), "https://x.example/1.2.0");
	e.nimages = 1;
	snprintf(e.image[0].image, sizeof(e.image[0].image), "x/x:1.2.0");
	snprintf(e.image[0].platform, sizeof(e.image[0].platform), "linux/amd64");
	snprintf(e.image[0].targets, sizeof(e.image[0].targets), "8.0,9.0");
	e.has_loads = 1;
	snprintf(e.loads.since, sizeof(e.loads.since), "1.1.0");
	snprintf(e.loads.source, sizeof(e.loads.source), "https://x.example/models");
	snprintf(g.gpu.id, sizeof(g.gpu.id), "a");
	g.has_target = 1;
	snprintf(g.target.target, sizeof(g.target.target), "9.0");
	snprintf(g.target.platform, sizeof(g.target.platform), "linux/amd64");

	test_int(compat_check(&v, &m, &e, &g, &ask), 0, "bf16 on a 9.0 GPU passes: %s", v.msg);
	test_str(v.image.image, "x/x:1.2.0", "... in the image built for it");
	test_str(v.ckpt.repo, "org/m", "... from the model's own repository");
	test_int(v.ckpt.bytes, CAT_NULL_INT, "... whose bytes the model's size gives");
	ask.precision = "fp16";
	test_int(compat_check(&v, &m, &e, &g, &ask), 1, "fp16, not loaded by x: refused");
	test_int(v.rule, COMPAT_FORMAT, "... by engine_format: %s", v.msg);
	ask.precision = "fp8";
	test_int(compat_check(&v, &m, &e, &g, &ask), 0, "fp8 passes: %s", v.msg);
	test_str(v.ckpt.repo, "org/m-FP8", "... from its published checkpoint");
	m.nckpt = 0;
	test_int(compat_check(&v, &m, &e, &g, &ask), 1, "with no fp8 checkpoint: refused");
	test_int(v.rule, COMPAT_CHECKPOINT, "... by checkpoint");
	test_contains(v.msg, "org/m", "... naming the repository to quantize: %s", v.msg);
	test_int(compat_check_engine(&v, &m.model, &e, &g, &ask), 0,
		 "... which the engine screen does not check");
	m.nckpt = 1;

	snprintf(g.target.target, sizeof(g.target.target), "8.6");
	test_int(compat_check(&v, &m, &e, &g, &ask), 0, "8.6 runs the 8.0 cubins: %s", v.msg);
	snprintf(g.target.target, sizeof(g.target.target), "12.0");
	test_int(compat_check(&v, &m, &e, &g, &ask), 1, "12.0 has no cubin: refused");
	test_int(v.rule, COMPAT_GPU, "... by engine_gpu: %s", v.msg);
	test_contains(v.msg, "8.0,9.0", "... naming the targets built");
	snprintf(e.image[0].targets, sizeof(e.image[0].targets), "8.0,9.0+PTX");
	test_int(compat_check(&v, &m, &e, &g, &ask), 0, "... but PTX for 9.0 compiles for it");
	snprintf(g.target.platform, sizeof(g.target.platform), "linux/arm64");
	test_int(compat_check(&v, &m, &e, &g, &ask), 1, "an arm64 host, amd64 images: refused");
	test_int(v.rule, COMPAT_GPU, "... by engine_gpu");
	g.has_target = 0;
	test_int(compat_check(&v, &m, &e, &g, &ask), 1, "a GPU without a target: refused");
	test_int(v.rule, COMPAT_GPU, "... by engine_gpu");
	g.has_target = 1;
	snprintf(g.target.platform, sizeof(g.target.platform), "linux/amd64");

	/* the GPU rule comes first: a release that loads nothing is refused
	 * by engine_model only on a GPU it runs on */
	snprintf(e.engine.version, sizeof(e.engine.version), "1.0.9");
	test_int(compat_check(&v, &m, &e, &g, &ask), 1, "1.0.9, before the model's 1.1.0: refused");
	test_int(v.rule, COMPAT_MODEL, "... by engine_model");
	test_contains(v.msg, "from 1.1.0 on", "... saying from which release: %s", v.msg);
	snprintf(e.engine.version, sizeof(e.engine.version), "1.1.0");
	test_int(compat_check(&v, &m, &e, &g, &ask), 0, "1.1.0 itself loads it");
	e.has_loads = 0;
	test_int(compat_check(&v, &m, &e, &g, &ask), 1, "a family without the architecture: refused");
	test_int(v.rule, COMPAT_MODEL, "... by engine_model");
	e.has_loads = 1;

	ask.kv_precision = "q8_0";
	test_int(compat_check(&v, &m, &e, &g, &ask), 1, "a q8_0 KV cache: refused");
	test_int(v.rule, COMPAT_KV, "... by engine_kv");
	ask.kv_precision = "fp8";
	ask.pp = 2;
	test_int(compat_check(&v, &m, &e, &g, &ask), 1, "pp 2 without pipeline parallelism: refused");
	test_int(v.rule, COMPAT_PP, "... by engine_pp");
	e.engine.pp = 1;
	ask.nodes = 2;
	test_int(compat_check(&v, &m, &e, &g, &ask), 1, "two nodes, multinode none: refused");
	test_int(v.rule, COMPAT_MULTINODE, "... by engine_multinode");
	snprintf(e.engine.multinode, sizeof(e.engine.multinode), "ray");
	ask.ep = 8;
	test_int(compat_check(&v, &m, &e, &g, &ask), 1, "ep 8 without expert parallelism: refused");
	test_int(v.rule, COMPAT_EP, "... by engine_ep");
	e.engine.ep = 1;
	test_int(compat_check(&v, &m, &e, &g, &ask), 0, "with all three: passes: %s", v.msg);
	test_str(compat_rule_name(COMPAT_MULTINODE), "engine_multinode", "rules have names");
}

/*
 * A release's every image is read: SGLang 0.5.6.post1 lists seven (CUDA
 * 12 and 13 for amd64 and arm64, then three ROCm), and its MI300X build
 * is the fifth.  Reading four once refused every AMD GPU.
 */
static void all_images(void)
{
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct err err = ERR_INIT;
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct cat *cat = test_catalog();

	q.model = "llama-3.1-8b";
	q.gpu = "mi300x";
	q.engine = "sglang@0.5.6.post1";
	if (test_ok(deploy_build(d, cat, &q, &err) == 0, "sglang 0.5.6.post1 on an MI300X: %s",
		    err.code ? err.msg : "deploys"))
		test_str(d->compat.image.image, "lmsysorg/sglang:v0.5.6.post1-rocm630-mi30x",
			 "... from its ROCm image");
	cat_free(cat);
	free(d);
}

/*
 * An engine's host costs (engine_host) reach the model.  SGLang launches
 * an eager prefill at 1.354 ms a layer: a one-token prompt of Llama 3.1
 * 70B (80 layers) on 8 x A100 waits 80 x 1.354 = 108.32 ms for the host,
 * far more than the GPU's 17.6 GB of weights a GPU take (about 10 ms),
 * and its front end adds 6.9 ms to TTFT.  vLLM has no row: the GPU row's
 * 0.35 ms a layer, 28 ms, and no front end.
 */
static void engine_host(void)
{
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct err err = ERR_INIT;
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct cat *cat = test_catalog();
	struct perf_result p;
	struct est_result r;

	q.model = "llama-3.1-70b";
	q.gpu = "a100-sxm-80gb";
	q.tp = 8;
	q.engine = "sglang";
	q.work.batch = 1;
	q.work.input_len = 1;
	if (test_ok(deploy_build(d, cat, &q, &err) == 0, "70B on 8 x A100 under SGLang: %s",
		    err.code ? err.msg : "deploys")) {
		perf_prefill(&p, &d->in.model, 1, 1);
		test_rel(p.time_s - p.comm_s - p.host_s, 80 * 1.354e-3, 1e-9,
			 "a one-token prefill waits 80 x 1.354 ms for the host");
		if (test_ok(est_run(&r, &d->in, &err) == 0, "estimate: %s", err.msg))
			test_rel(r.ttft_s, p.time_s + 6.9e-3, 1e-9, "... and TTFT adds the 6.9 ms "
				 "front end");
	}
	q.engine = "vllm";
	if (test_ok(deploy_build(d, cat, &q, &err) == 0, "... under vLLM: %s",
		    err.code ? err.msg : "deploys")) {
		perf_prefill(&p, &d->in.model, 1, 1);
		test_rel(p.time_s - p.comm_s - p.host_s, 80 * 0.35e-3, 1e-9,
			 "vLLM (no engine_host row): the GPU row's 0.35 ms a layer");
		if (test_ok(est_run(&r, &d->in, &err) == 0, "estimate: %s", err.msg))
			test_rel(r.ttft_s, p.time_s, 1e-9, "... and no front end");
	}
	/* --enforce-eager: a decode step of Llama 3.1 8B on one H100 (about
	 * 7 ms in a graph) waits 32 x 0.35 = 11.2 ms for the host */
	q.model = "llama-3.1-8b";
	q.gpu = "h100-sxm";
	q.tp = 1;
	q.eager = 1;
	if (test_ok(deploy_build(d, cat, &q, &err) == 0, "8B on an H100, eager: %s",
		    err.code ? err.msg : "deploys")) {
		perf_decode(&p, &d->in.model, 1, 1024);
		test_rel(p.time_s - p.comm_s - p.host_s, 32 * 0.35e-3, 1e-9,
			 "an eager decode step waits 32 x 0.35 ms for the host");
		d->in.model.dep.eager = 0;
		perf_decode(&p, &d->in.model, 1, 1024);
		test_ok(p.time_s < 32 * 0.35e-3, "... in a graph it does not (%.2f ms)", p.time_s * 1e3);
	}
	q.engine = "llama-cpp";
	q.precision = "gguf-q4_k_m";
	test_ok(deploy_build(d, cat, &q, &err) < 0 && err.code == ERR_INVAL &&
		strstr(err.msg, "--enforce-eager"), "llama.cpp has no switch: %s", err.msg);
	cat_free(cat);
	free(d);
}

/*
 * An engine's all-reduce (engine_allreduce) over its link, each stage
 * inside a step waiting the link's sync_s (NVLink 13.33 us when this was
 * written) on top of its kernel.  Llama 3.1 70B on 8 x H100 under vLLM: a
 * decode step of one sequence all-reduces 8192 x 2 = 16,384 bytes, under
 * 256 KiB, so in one stage: 13.33 + 5.7 + 7 x 16384 / 375e9 = 19.34 us.
 * 64 sequences: 1 MiB, two stages, 2 x (13.33 + 5.7) + 2 x 7/8 x 1048576
 * / 375e9 = 42.95 us, under the ring's 13.33 + 6.05 + 14 x 1.975 + 2 x
 * 7/8 x 1048576 / 360e9 = 52.17 us.  1024 sequences: 16 MiB, over vLLM's 8 MiB buffer:
 * NCCL's ring, 13.33 + 6.05 + 14 x 1.975 + 2 x 7/8 x 16777216 / (450e9 x
 * 0.8) = 128.59 us.  TGI has no row: the ring at one sequence, 47.11 us.
 * On 8 x MI300X vLLM's kernel runs from 0.8.5 on (0.25.1 here): 7.98 +
 * 5.8 + 7 x 16384 / 318e9 = 14.14 us; 0.6.6 rings over Infinity Fabric.
 */
static void engine_allreduce(void)
{
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct err err = ERR_INIT;
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct cat *cat = test_catalog();
	struct cat_link nv, xg;
	double h = 8192 * 2, ring;

	if (!test_ok(cat_find(&nv, cat, CAT_LINK, "nvlink", &err) == 0 &&
		     cat_find(&xg, cat, CAT_LINK, "xgmi", &err) == 0, "the links: %s",
		     err.code ? err.msg : "read"))
		goto out;
	q.model = "llama-3.1-70b";
	q.gpu = "h100-sxm";
	q.tp = 8;
	q.engine = "vllm";
	if (test_ok(deploy_build(d, cat, &q, &err) == 0, "70B on 8 x H100 under vLLM: %s",
		    err.code ? err.msg : "deploys")) {
		const struct est_model *m = &d->in.model;

		test_rel(comm_allreduce_s(m, h), nv.sync_s + nv.oneshot_s + 7 * h /
			 nv.oneshot_bytes_per_s, 1e-12,
			 "one sequence: one stage, %.2f us", comm_allreduce_s(m, h) * 1e6);
		test_rel(comm_allreduce_s(m, 64 * h), 2 * (nv.sync_s + nv.oneshot_s) +
			 2 * 7.0 / 8 * 64 * h / nv.oneshot_bytes_per_s, 1e-12,
			 "64 sequences (1 MiB): two stages, %.2f us",
			 comm_allreduce_s(m, 64 * h) * 1e6);
		ring = nv.sync_s + nv.collective_s + 14 * nv.latency_s + 2 * 7.0 / 8 * 1024 * h /
		       (450e9 * nv.efficiency);
		test_rel(comm_allreduce_s(m, 1024 * h), ring, 1e-12,
			 "1024 sequences (16 MiB, over the 8 MiB buffer): NCCL's ring, %.2f us",
			 ring * 1e6);
		test_ok(comm_allreduce_s(m, 64 * h) < comm_allreduce_s(m, 1024 * h) &&
			comm_allreduce_s(m, h) < comm_allreduce_s(m, 64 * h), "... growing with the "
			"message");
	}
	q.engine = "tgi";
	err_clear(&err);
	if (test_ok(deploy_build(d, cat, &q, &err) == 0, "... under TGI: %s",
		    err.code ? err.msg : "deploys"))
		test_rel(comm_allreduce_s(&d->in.model, h), nv.sync_s + nv.collective_s + 14 * nv.latency_s +
			 2 * 7.0 / 8 * h / (450e9 * nv.efficiency), 1e-12,
			 "TGI (no engine_allreduce row): the ring at one sequence");
	q.gpu = "mi300x";
	q.precision = "fp8";
	q.engine = "vllm@0.25.1";
	if (test_ok(deploy_build(d, cat, &q, &err) == 0, "70B on 8 x MI300X under vLLM 0.25.1: %s",
		    err.code ? err.msg : "deploys"))
		test_rel(comm_allreduce_s(&d->in.model, h), xg.sync_s + xg.oneshot_s + 7 * h /
			 xg.oneshot_bytes_per_s, 1e-12, "Infinity Fabric: vLLM's one stage");
	q.engine = "vllm@0.6.6";
	q.measured = 1;     /* 0.6.6 published no ROCm image: a run of the source */
	err_clear(&err);
	if (test_ok(deploy_build(d, cat, &q, &err) == 0, "... under vLLM 0.6.6: %s",
		    err.code ? err.msg : "deploys"))
		test_rel(comm_allreduce_s(&d->in.model, h), xg.sync_s + xg.collective_s + 14 * xg.latency_s +
			 2 * 7.0 / 8 * h / (896e9 / 2 * xg.efficiency), 1e-12,
			 "0.6.6's kernel did not run on ROCm: the ring over Infinity Fabric");
out:
	cat_free(cat);
	free(d);
}

/*
 * Latent attention runs five GEMMs a layer, GQA two (models/perf.c, from
 * SGLang's own layer: docs/sources/layer-kernels.md).  DeepSeek-V3 on 8 x
 * H200 (kernel_s 4 us, layer_s 30 us, step_s 0.58 ms), one sequence: 3
 * dense layers of 5 + 2 GEMMs and 58 MoE layers of 5 + 2 + 1 router + 2
 * shared-expert GEMMs, so the fixed costs are 4 us + 61 x 30 us + 0.58 ms
 * + (3 x 7 + 58 x 10) x 4 us = 4.818 ms; with GQA's two they would be
 * 61 x 3 x 4 us = 0.732 ms less.
 */
static void mla_gemms(void)
{
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct cat *cat = test_catalog();
	struct perf_result p;

	q.model = "deepseek-v3";
	q.gpu = "h200-sxm";
	q.tp = 8;
	q.precision = "fp8";
	if (test_deploy(d, cat, &q) == 0) {
		const struct gpu_eff *e = &d->in.model.gpu.eff;

		perf_decode(&p, &d->in.model, 1, 1024);
		test_rel(p.overhead_s, e->kernel_s + 61 * e->layer_s + e->step_s +
			 (3 * 7 + 58 * 10) * e->kernel_s, 1e-9,
			 "five attention GEMMs a latent-attention layer: %.3f ms of fixed costs",
			 p.overhead_s * 1e3);
	}
	cat_free(cat);
	free(d);
}

/*
 * The element-wise kernels between a layer's GEMMs, by the token (perf.c
 * act_layer_bytes), bf16 activations (2 bytes):
 *  - Llama 3.1 8B (hidden 4096, intermediate 14336, 32 heads and 8 KV
 *    heads of 128) on one GPU: two add-and-norms 8 x 4096 = 32768 values,
 *    rotary 2 x (32 + 8) x 128 = 10240, the gated activation 3 x 14336 =
 *    43008; 86016 values, 172032 bytes.  On two GPUs (tp 2) the heads and
 *    the intermediate halve, the norms do not: 32768 + 5120 + 21504 =
 *    59392 values, 118784 bytes.
 *  - Qwen3-30B-A3B (hidden 2048, 32 heads and 4 KV heads of 128, 128
 *    experts of 768, top 8, no shared expert) on one GPU: per token
 *    16384 + 2 x 36 x 128 + 2048 (the combine's write) = 27648 values,
 *    55296 bytes; per routed token and expert 3 x 768 + 2048 = 4352
 *    values, 8704 bytes.
 * A 4096-token prefill of the 8B is long enough that no launch floor
 * applies: the kernels add 32 x 4096 x 172032 bytes at the achieved
 * bandwidth, exactly, to its memory time.
 */
static void act_traffic(void)
{
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct cat *cat = test_catalog();
	struct perf_result with, without;
	struct est_model m;

	q.model = "llama-3.1-8b";
	q.gpu = "h100-sxm";
	if (test_deploy(d, cat, &q) == 0) {
		m = d->in.model;
		test_rel(m.act_bytes_dense, 172032, 1e-12, "8B, tp 1: 172032 bytes a token a layer");
		perf_prefill(&with, &m, 1, 4096);
		m.act_bytes_dense = 0;
		perf_prefill(&without, &m, 1, 4096);
		test_rel(with.mem_s - without.mem_s, 32.0 * 4096 * 172032 / m.bw, 1e-9,
			 "... a 4096-token prefill: %.3f ms more memory time",
			 (with.mem_s - without.mem_s) * 1e3);
		test_rel(with.time_s - without.time_s, with.mem_s - without.mem_s, 1e-9,
			 "... and nothing else changes");
	}
	q.tp = 2;
	if (test_deploy(d, cat, &q) == 0)
		test_rel(d->in.model.act_bytes_dense, 118784, 1e-12, "8B, tp 2: 118784 bytes");
	q = (struct deploy_request)DEPLOY_REQUEST_INIT;
	q.model = "qwen3-30b-a3b";
	q.gpu = "h100-sxm";
	if (test_deploy(d, cat, &q) == 0) {
		test_rel(d->in.model.act_bytes_moe, 55296, 1e-12, "MoE layer: 55296 bytes a token");
		test_rel(d->in.model.act_bytes_routed, 8704, 1e-12,
			 "... and 8704 a routed token and expert");
	}
	cat_free(cat);
	free(d);
}

int main(void)
{
	compat_rules();
	all_images();
	engine_host();
	engine_allreduce();
	mla_gemms();
	act_traffic();
	layout_is_pure();
	kept_failures();
	host_defaults();
	user_default();
	mxfp4();
	nvfp4();
	return test_done();
}
