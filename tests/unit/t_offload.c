/*
 * t_offload.c - what an engine keeps in host memory (models/offload.c,
 * the host's share of perf.c and mem.c, bind's -ngl and engine rules):
 * hand-worked host times on Llama 3.1 8B's shapes, the host-bandwidth
 * roofline of a 70B on a 24 GB card with 64 GB of RAM, monotonicity in
 * -ngl, and nothing changed when nothing is offloaded.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bind/deploy.h"
#include "catalog/cat.h"
#include "models/fmt.h"
#include "models/mem.h"
#include "models/offload.h"
#include "sim/setup.h"
#include "sim/sim.h"
#include "tests/testcat.h"
#include "tests/testlib.h"
#include "util/err.h"
#include "util/units.h"
#include "util/xalloc.h"

/* Llama 3.1 8B's config.json; params_total 0: the shapes' own count */
static const struct llm_spec llama8b = {
	.layers = 32, .hidden = 4096, .intermediate = 14336, .heads = 32, .kv_heads = 8,
	.head_dim = 128, .vocab = 128256, .max_context = 131072, .attn = LLM_GQA,
};

static void gpu_h100(struct gpu_spec *g)
{
	memset(g, 0, sizeof(*g));
	g->memory_bytes = 80e9;
	g->bw_bytes_per_s = 3.35e12;
	g->bf16_flops = 989e12;
	g->fp16_flops = 989e12;
	g->fp8_flops = g->int8_ops = NAN;
	g->tdp_w = 700;
	g->pcie_bytes_per_s = 63e9;
	g->eff.bw = 0.9;
	g->eff.gemm = 0.7;
	g->eff.gemm_fp8 = 0.7;
	g->eff.attn_prefill = 0.5;
	g->eff.roofline_p = 4;
	g->eff.context_bytes = 0.5e9;
}

static void dep_one(struct deploy_spec *d)
{
	memset(d, 0, sizeof(*d));
	d->tp = d->pp = d->ep = 1;
	d->gpus_per_node = 8;
	d->engine_mem_fraction = NAN;
	d->kv_block_tokens = 16;
	d->power_limit_w = NAN;
}

static void host_rates(struct offload_spec *o)
{
	o->host_bw = 50e9;
	o->host_flops = 1e12;
	o->h2d_bw = 25e9;
	o->ubatch = 512;
	o->gpu_min_batch = 32;
}

static int init(struct est_model *m, const struct deploy_spec *d)
{
	struct gpu_spec g;
	struct err err = ERR_INIT;

	gpu_h100(&g);
	if (est_model_init(m, &llama8b, fmt_weight_find("bf16"), fmt_kv_find("bf16"), &g, d,
			   &err) < 0) {
		test_ok(0, "est_model_init: %s", err.msg);
		return -1;
	}
	return 0;
}

static void hand_worked(void)
{
	struct deploy_spec d;
	struct est_model m, m0;
	struct perf_result p;
	struct mem_result r, r0;

	/*
	 * One layer: attention 4096 x (4096 + 2 x 1024) + 4096^2 =
	 * 41,943,040 weights, MLP 3 x 4096 x 14336 = 176,160,768; 218,103,808
	 * in bf16 is 436,207,616 bytes.  The head 128256 x 4096 = 525,336,576
	 * weights, 1,050,673,152 bytes.  8 layers and the head on the host
	 * (llama.cpp b5849's -ngl 24): 3,489,660,928 + 1,050,673,152 =
	 * 4,540,334,080 bytes.
	 */
	dep_one(&d);
	host_rates(&d.off);
	d.off.host_layers = 8;
	d.off.head_on_host = 1;
	if (init(&m, &d) < 0)
		return;
	test_rel(m.host_weight_bytes, 4540334080.0, 1e-15, "8 layers and the head: 4,540,334,080 bytes");
	test_rel(m.host_kv_frac, 0.25, 1e-15, "... and a quarter of the KV cache, their layers'");
	/*
	 * Decode, batch 1 at 1,000 tokens: every operator on the host reads
	 * far more than it computes (a layer 436 MB against 436 MFLOP at 1
	 * TFLOP/s: 8.7 ms against 0.44 ms), so the CPU's time is its bytes
	 * at 50 GB/s.  KV: 2 x 8 x 128 values x 2 bytes = 4,096 bytes a
	 * token a layer; 1,000 tokens x 8 layers = 32,768,000 bytes.  Host:
	 * (4,540,334,080 + 32,768,000) / 50e9 = 0.0914620416 s.
	 */
	perf_decode(&p, &m, 1, 1000);
	test_rel(p.host_s, 0.0914620416, 1e-12, "decode: the CPU reads its layers, head and KV: 91.46 ms");
	test_ok(p.bound == PERF_HOST, "... and bounds the step");
	/*
	 * Prefill of 512 tokens: from 32 tokens the GPU computes the host
	 * layers, their weights copied once per 512-token micro-batch:
	 * 4,540,334,080 / 25e9 = 0.1816133632 s.  Attention over the host's
	 * quarter of the cache runs on the CPU: 32 layers x 512^2 / 2 pairs
	 * x 2 x (128 + 128) x 32 heads = 68,719,476,736 FLOPs, a quarter
	 * 17,179,869,184 at 1 TFLOP/s = 0.017179869184 s (its 16.8 MB of KV
	 * take 0.34 ms).  0.198793232384 s.
	 */
	perf_prefill(&p, &m, 1, 512);
	test_rel(p.host_s, 0.198793232384, 1e-12, "prefill: copies and the host's attention: 198.79 ms");
	/* 16 tokens: under 32, so the CPU runs the 8 layers itself */
	perf_prefill(&p, &m, 1, 16);
	test_ok(p.host_s < 0.1816133632 && p.host_s > 8 * 436207616.0 / 50e9,
		"16 tokens stay on the CPU: at least its 8 layers' reads, less than the copies");
	/*
	 * GPU memory gives back what the host holds: weights less
	 * 4,540,334,080 bytes, KV less a quarter.
	 */
	dep_one(&d);
	if (init(&m0, &d) < 0)
		return;
	mem_at(&r, &m, 4, 2000, 512);
	mem_at(&r0, &m0, 4, 2000, 512);
	test_rel(r0.weights_bytes - r.weights_bytes, 4540334080.0, 1e-12,
		 "the GPU holds 4,540,334,080 bytes fewer");
	test_rel(r.kv_cache_bytes, 0.75 * r0.kv_cache_bytes, 1e-12, "... and three quarters of the KV");
	/* host: weights + 4 x 2,000 tokens x 8 layers x 4,096 = 262,144,000 */
	test_rel(r.host_bytes, 4540334080.0 + 262144000.0, 1e-12,
		 "host memory: the weights and 4 sequences' share of the KV");
	d.off.host_capacity = 1e9;
	d.off.host_layers = 8;
	d.off.head_on_host = 1;
	host_rates(&d.off);
	if (init(&m, &d) < 0)
		return;
	mem_at(&r, &m, 4, 2000, 512);
	test_ok(!r.fits && r.total_per_gpu_bytes <= r.capacity_bytes,
		"a host of 1 GB does not hold them, though the GPU's share fits");
}

static void streamed(void)
{
	struct deploy_spec d;
	struct est_model m, m0;
	struct perf_result p, p0;
	double s = 2 * UNIT_GIB;

	/*
	 * vLLM --cpu-offload-gb 2: every forward pass reads 2 GiB over
	 * PCIe at 25 GB/s instead of HBM at 3.35e12 x 0.9:
	 * 2,147,483,648 x (1 / 25e9 - 1 / 3.015e12) = 0.085187...
	 */
	dep_one(&d);
	if (init(&m0, &d) < 0)
		return;
	host_rates(&d.off);
	d.off.stream_bytes = s;
	if (init(&m, &d) < 0)
		return;
	perf_decode(&p, &m, 8, 1000);
	perf_decode(&p0, &m0, 8, 1000);
	test_rel(p.time_s - p0.time_s, s / 25e9 - s / 3.015e12, 1e-9,
		 "2 GiB streamed: each step slower by the PCIe read less the HBM read");
	perf_prefill(&p, &m, 1, 2048);
	perf_prefill(&p0, &m0, 1, 2048);
	test_rel(p.time_s - p0.time_s, s / 25e9 - s / 3.015e12, 1e-9, "... prefill too");
	/* only host rates set, nothing offloaded: the same step, to the bit */
	dep_one(&d);
	host_rates(&d.off);
	if (init(&m, &d) < 0)
		return;
	perf_decode(&p, &m, 8, 1000);
	perf_decode(&p0, &m0, 8, 1000);
	test_ok(p.time_s == p0.time_s && p.host_s == 0, "nothing offloaded: the same step time, bit for bit");
	d.off.stream_bytes = 100 * UNIT_GIB;
	{
		struct gpu_spec g;
		struct err err = ERR_INIT;

		gpu_h100(&g);
		test_ok(est_model_init(&m, &llama8b, fmt_weight_find("bf16"), fmt_kv_find("bf16"),
				       &g, &d, &err) == -ERR_INVAL && strstr(err.msg, "more than"),
			"streaming more than the weights is refused: %s", err.msg);
	}
}

static int build(struct deploy *d, struct cat *cat, const char *engine, const char *ngl,
		 double ram)
{
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct err err = ERR_INIT;

	q.model = "llama-3.1-70b";
	q.gpu = "rtx-4090";
	q.engine = engine;
	q.precision = "gguf-q4_k_m";
	q.ram_bytes = ram;
	q.work.batch = 1;
	q.work.context = 1024;
	q.work.input_len = 512;
	q.work.output_len = 256;
	if (ngl && !strcmp(ngl, "auto")) {
		q.layers = DEPLOY_LAYERS_AUTO;
	} else if (ngl) {
		q.layers = DEPLOY_LAYERS_N;
		q.gpu_layers = (size_t)atoi(ngl);
	}
	if (deploy_build(d, cat, &q, &err) < 0) {
		test_ok(0, "%s -ngl %s: %s", engine, ngl ? ngl : "-", err.msg);
		return -1;
	}
	return 0;
}

static void seventy_b(struct cat *cat)
{
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct est_result r;
	struct err err = ERR_INIT;
	double peak, prev = 0;
	const char *n[] = { "10", "20", "30", "40" };
	size_t i;

	/*
	 * The question people ask: Llama 3.1 70B Q4_K_M on one 24 GB card
	 * and 64 GB of RAM.  auto puts as many layers on the GPU as fit; the
	 * rest are read by the CPU from two channels of DDR5-5200 (the
	 * desktop's 7950X): 83.2 GB/s at best.  Decode can be no faster
	 * than that peak over the host's bytes, and the CPU's share
	 * dominates so it is not far below.
	 */
	if (build(d, cat, "llama-cpp", "auto", 64 * UNIT_GIB) < 0)
		goto out;
	if (!test_ok(est_run(&r, &d->in, &err) == 0, "estimate: %s", err.msg))
		goto out;
	peak = 5200e6 * 8 * 2;
	test_ok(r.mem.fits, "auto fits the card and the RAM");
	test_ok(d->dspec.off.host_layers > 0 && d->dspec.off.host_layers < 80,
		"... with %zu of 80 layers on the host", d->dspec.off.host_layers);
	test_ok(r.decode_tokens_per_s <= peak / d->in.model.host_weight_bytes,
		"decode %.2f tok/s is within the host roofline of %.2f", r.decode_tokens_per_s,
		peak / d->in.model.host_weight_bytes);
	test_ok(r.decode_tokens_per_s >= 0.5 * peak / d->in.model.host_weight_bytes,
		"... and not below half of it");
	/* b10573 puts the head first: -ngl 45 is the head and 44 layers */
	if (build(d, cat, "llama-cpp@b10573", "45", 64 * UNIT_GIB) == 0)
		test_ok(d->dspec.off.host_layers == 36 && !d->dspec.off.head_on_host,
			"b10573 -ngl 45: 36 layers on the host, the head on the GPU");
	/* b5849 gave the GPU the last layers and the head only past them */
	if (build(d, cat, "llama-cpp@b5849", "45", 64 * UNIT_GIB) == 0)
		test_ok(d->dspec.off.host_layers == 35 && d->dspec.off.head_on_host,
			"b5849 -ngl 45: 35 layers and the head on the host");
	if (build(d, cat, "llama-cpp@b5849", "81", 64 * UNIT_GIB) == 0)
		test_ok(!offload_any(&d->dspec.off), "b5849 -ngl 81: nothing on the host");
	/* more layers on the GPU: faster decode, more GPU memory */
	for (i = 0; i < sizeof(n) / sizeof(n[0]); i++) {
		if (build(d, cat, "llama-cpp", n[i], 64 * UNIT_GIB) < 0 || est_run(&r, &d->in, &err) < 0)
			break;
		test_ok(r.decode_tokens_per_s > prev, "-ngl %s decodes faster than fewer", n[i]);
		prev = r.decode_tokens_per_s;
	}
	/* simulated, the steps are the host's: their time is booked under
	 * PERF_HOST, which the capacity diagnosis reads */
	if (build(d, cat, "llama-cpp", "auto", 64 * UNIT_GIB) == 0) {
		struct sim_config c;
		struct sim_result sr;
		struct length_dist in, out;

		sim_config_init(&c);
		length_parse(&in, "256", "in", &err);
		length_parse(&out, "32", "out", &err);
		arrival_parse(&c.arrival, "poisson", 0.05, &err);
		c.input = &in;
		c.output = &out;
		c.requests = 10;
		if (test_ok(sim_setup(&c, &d->in.model, "70b", "4090", &err) == 0 &&
			    sim_run(&sr, &c, &err) == 0, "simulate the split: %s", err.msg)) {
			test_ok(sr.bound_s[PERF_HOST] > sr.bound_s[PERF_MEMORY] &&
				sr.bound_s[PERF_HOST] > sr.bound_s[PERF_COMPUTE],
				"... its steps bound by the host (%.1f s of %.1f)",
				sr.bound_s[PERF_HOST], sr.duration_s);
			sim_result_release(&sr);
		}
	}
	/* 16 GB of RAM cannot hold the host's 17 GiB */
	if (build(d, cat, "llama-cpp", "auto", 16 * UNIT_GIB) == 0 && est_run(&r, &d->in, &err) == 0)
		test_ok(!r.mem.fits && r.mem.host_bytes > d->dspec.off.host_capacity,
			"16 GB of RAM: does not fit, the host's share over its free RAM");
out:
	free(d);
}

static void refused(struct cat *cat)
{
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct err err = ERR_INIT;

	q.model = "llama-3.1-8b";
	q.gpu = "rtx-4090";
	q.layers = DEPLOY_LAYERS_N;
	q.gpu_layers = 10;
	test_ok(deploy_build(d, cat, &q, &err) == -ERR_INVAL && strstr(err.msg, "-ngl"),
		"--gpu-layers on vLLM is refused: %s", err.msg);
	q.layers = DEPLOY_LAYERS_ALL;
	q.kv_offload = 1;
	test_ok(deploy_build(d, cat, &q, &err) == -ERR_INVAL && strstr(err.msg, "no-kv-offload"),
		"--kv-offload on vLLM is refused: %s", err.msg);
	q.kv_offload = 0;
	q.engine = "llama-cpp";
	q.precision = "gguf-q4_k_m";
	q.cpu_offload_bytes = UNIT_GIB;
	test_ok(deploy_build(d, cat, &q, &err) == -ERR_INVAL && strstr(err.msg, "vLLM"),
		"--cpu-offload-gb on llama.cpp is refused: %s", err.msg);
	q.cpu_offload_bytes = 0;
	q.engine = "ollama";
	q.layers = DEPLOY_LAYERS_N;
	test_ok(deploy_build(d, cat, &q, &err) == -ERR_INVAL && strstr(err.msg, "auto"),
		"a fixed --gpu-layers on Ollama is refused: %s", err.msg);
	q.engine = "llama-cpp";
	q.cpu = "threadripper-pro-7995wx";
	test_ok(deploy_build(d, cat, &q, &err) == -ERR_INVAL && strstr(err.msg, "memory speed"),
		"a CPU of unknown memory speed is refused: %s", err.msg);
	free(d);
}

/*
 * llama.cpp keeps the input embedding in host memory.  Llama 3.1 8B's
 * (untied) embedding is 128256 x 4096 = 525,336,576 weights, 1,050,673,152
 * bytes in bf16: the GPU holds that much less and the host that much more.
 * Llama 3.2 1B ties its head to the embedding: the GPU keeps the head's
 * copy, so its weights are unchanged.
 */
static void input_embedding(struct cat *cat)
{
	static const struct llm_spec tied = {
		.layers = 16, .hidden = 2048, .intermediate = 8192, .heads = 32, .kv_heads = 8,
		.head_dim = 64, .vocab = 128256, .max_context = 131072, .attn = LLM_GQA,
		.tied_embeddings = 1,
	};
	struct deploy_spec d;
	struct est_model m, m0;
	struct gpu_spec g;
	struct err err = ERR_INIT;
	struct deploy *dep;

	dep_one(&d);
	if (init(&m0, &d) < 0)
		return;
	d.off.embed_on_host = 1;
	if (init(&m, &d) < 0)
		return;
	test_rel(mem_weights_bytes(&m0) - mem_weights_bytes(&m), 1050673152.0, 1e-12,
		 "8B: the GPU holds the embedding's 1,050,673,152 bytes less");
	test_rel(offload_host_bytes(&m, 1, 0) - offload_host_bytes(&m0, 1, 0), 1050673152.0, 1e-12,
		 "... and the host that much more");
	gpu_h100(&g);
	dep_one(&d);
	est_model_init(&m0, &tied, fmt_weight_find("bf16"), fmt_kv_find("bf16"), &g, &d, &err);
	d.off.embed_on_host = 1;
	est_model_init(&m, &tied, fmt_weight_find("bf16"), fmt_kv_find("bf16"), &g, &d, &err);
	test_ok(mem_weights_bytes(&m) == mem_weights_bytes(&m0),
		"1B, tied: the GPU keeps the head's copy, its weights unchanged");
	/* from the catalog: llama.cpp and Ollama (its runner) set it */
	dep = xcalloc(1, sizeof(*dep));
	if (build(dep, cat, "llama-cpp", NULL, NAN) == 0)
		test_ok(dep->in.model.dep.off.embed_on_host, "llama-cpp: the input embedding on the host");
	if (build(dep, cat, "ollama", NULL, NAN) == 0)
		test_ok(dep->in.model.dep.off.embed_on_host, "ollama: likewise");
	free(dep);
}

int main(void)
{
	struct cat *cat;

	hand_worked();
	streamed();
	cat = test_catalog();
	seventy_b(cat);
	refused(cat);
	input_embedding(cat);
	cat_free(cat);
	return test_done();
}
