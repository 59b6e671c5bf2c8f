/*
 * t_apple.c - Apple silicon as a device: the share of a Mac's memory
 * Metal lets the GPU wire (bind/resolve.c), and the unpacking of block-
 * quantized weights that the decode and prefill steps pay on the GPU's
 * ALUs (models/perf.c, efficiency.dequant_ops), by hand on Llama 3.1 8B's
 * shapes with an additive roofline (p = 1), where the unpacking's time is
 * exactly what it adds to a step.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind/deploy.h"
#include "bind/rows.h"
#include "catalog/cat.h"
#include "models/est.h"
#include "models/fmt.h"
#include "tests/testcat.h"
#include "tests/testlib.h"
#include "util/err.h"
#include "util/units.h"

/* Llama 3.1 8B's config.json; params_total 0: the shapes' own count */
static const struct llm_spec llama8b = {
	.layers = 32, .hidden = 4096, .intermediate = 14336, .heads = 32, .kv_heads = 8,
	.head_dim = 128, .vocab = 128256, .max_context = 131072, .attn = LLM_GQA,
};

/* An M2 Ultra's rates (800 GB/s, 27.2 TFLOP/s fp16) with every overhead
 * zero, so a step is its operators alone. */
static void gpu_mac(struct gpu_spec *g, double dequant_ops)
{
	memset(g, 0, sizeof(*g));
	g->memory_bytes = 144 * UNIT_GIB;
	g->bw_bytes_per_s = 800e9;
	g->fp16_flops = 27.2e12;
	g->bf16_flops = g->fp8_flops = g->int8_ops = g->fp4_flops = NAN;
	g->tdp_w = 295;
	g->pcie_bytes_per_s = 800e9;
	g->eff.bw = 1;
	g->eff.gemm = 1;
	g->eff.gemm_fp8 = 1;
	g->eff.attn_prefill = 1;
	g->eff.roofline_p = 1;
	g->eff.dequant_ops = dequant_ops;
}

/* One Mac, nothing split, no engine reserve. */
static void dep_one(struct deploy_spec *d)
{
	memset(d, 0, sizeof(*d));
	d->tp = d->pp = d->ep = 1;
	d->gpus_per_node = 1;
	d->engine_mem_fraction = NAN;
	d->kv_block_tokens = 16;
	d->power_limit_w = NAN;
}

/* Model `l` in `format` on the Mac of gpu_mac, one of it; -1 (a failed
 * test) when refused. */
static int mac_model(struct est_model *m, const struct llm_spec *l, const char *format,
		     double dequant_ops)
{
	struct gpu_spec g;
	struct deploy_spec d;
	struct err err = ERR_INIT;

	gpu_mac(&g, dequant_ops);
	dep_one(&d);
	if (est_model_init(m, l, fmt_weight_find(format), fmt_kv_find("f16"), &g, &d, &err) < 0) {
		test_ok(0, "est_model_init %s: %s", format, err.msg);
		return -1;
	}
	return 0;
}

static double step_s(const char *format, double dequant_ops, int prefill)
{
	struct est_model m;
	struct perf_result p;

	if (mac_model(&m, &llama8b, format, dequant_ops) < 0)
		return NAN;
	if (prefill)
		perf_prefill(&p, &m, 1, 512);
	else
		perf_decode(&p, &m, 1, 1);
	return p.time_s;
}

/*
 * Llama 3.1 8B: 32 layers of 4096*4096*2 + 2*4096*1024 = 41.9e6
 * attention and 3*4096*14336 = 176.2e6 FFN weights, 6.979e9 in all, and
 * a head of 128256*4096 = 525.3e6.  Unpacking each at 20 ALU operations
 * on 27.2e12 a second: a decode step (one token, each weight once) adds
 * (6.979e9 + 0.525e9) * 20 / 27.2e12 = 5.518 ms.  A 512-token prefill
 * unpacks the layers' weights once per 32-token tile, 16 times, and the
 * head once (the last token's logits): (16 * 6.979e9 + 0.525e9) * 20 /
 * 27.2e12 = 82.49 ms.  16-bit files are read as they are: nothing added.
 */
static void hand_worked(void)
{
	double lin = 32 * (4096.0 * 4096 * 2 + 2 * 4096.0 * 1024 + 3 * 4096.0 * 14336);
	double head = 128256.0 * 4096;

	test_rel(step_s("gguf-q4_0", 20, 0) - step_s("gguf-q4_0", 0, 0),
		 (lin + head) * 20 / 27.2e12, 1e-9, "q4_0 decode: unpacking adds 5.518 ms");
	test_rel(step_s("gguf-q4_0", 20, 1) - step_s("gguf-q4_0", 0, 1),
		 (16 * lin + head) * 20 / 27.2e12, 1e-9, "q4_0 prefill of 512: 16 tiles, 82.49 ms");
	test_rel(step_s("gguf-q8_0", 20, 0) - step_s("gguf-q8_0", 0, 0),
		 (lin + head) * 20 / 27.2e12, 1e-9, "q8_0 decode: the same per weight");
	test_ok(step_s("gguf-f16", 20, 0) == step_s("gguf-f16", 0, 0),
		"gguf-f16: nothing to unpack");
	test_ok(step_s("fp16", 20, 0) == step_s("fp16", 0, 0),
		"fp16 safetensors (not GGUF): nothing to unpack");
	/* more unpacking never makes a step faster */
	test_ok(step_s("gguf-q4_k_m", 40, 0) > step_s("gguf-q4_k_m", 20, 0) &&
		step_s("gguf-q4_k_m", 20, 0) > step_s("gguf-q4_k_m", 0, 0),
		"q4_k_m decode grows with dequant_ops");
}

/*
 * A routed expert is unpacked once per tile of the tokens routed to it,
 * not of the whole step's.  Qwen3-30B-A3B's shapes: 48 layers of hidden
 * 2048, attention 2*2048*32*128 + 2*2048*4*128 = 18,874,368 weights, a
 * router of 2048*128 = 262,144, 128 experts of 3*2048*768 = 4,718,592;
 * an untied head of 151936*2048 = 311,164,928.  A 2048-token prompt
 * touches every expert (128 * (1 - (120/128)^2048)) with 2048*8/128 =
 * 128 tokens each: 4 tiles of 32, where attention and the router see all
 * 2048 tokens, 64 tiles.  At 20 operations a weight on 27.2e12 a second:
 * (48 * ((18,874,368 + 262,144) * 64 + 128 * 4,718,592 * 4) +
 * 311,164,928) * 20 / 27.2e12 = 128.72 ms.
 */
static double moe_prefill_s(double dequant_ops)
{
	static const struct llm_spec qwen3moe = {
		.layers = 48, .hidden = 2048, .intermediate = 6144, .heads = 32, .kv_heads = 4,
		.head_dim = 128, .vocab = 151936, .max_context = 40960, .attn = LLM_GQA,
		.moe_experts = 128, .moe_top_k = 8, .moe_intermediate = 768,
	};
	struct est_model m;
	struct perf_result p;

	if (mac_model(&m, &qwen3moe, "gguf-q4_0", dequant_ops) < 0)
		return NAN;
	perf_prefill(&p, &m, 1, 2048);
	return p.time_s;
}

static void moe_tiles(void)
{
	double want = (48 * ((18874368.0 + 262144) * 64 + 128 * 4718592.0 * 4) + 311164928.0) * 20 /
		      27.2e12;

	test_rel(moe_prefill_s(20) - moe_prefill_s(0), want, 1e-9,
		 "MoE prefill of 2048: experts unpacked in 4 tiles, the rest in 64 (128.72 ms)");
}

/*
 * MLX's kernels on a Mac take their own figures (engine_kernel) over the
 * architecture's, which llama.cpp's keep: the catalog's rows, whatever
 * their values, reach the deployment's GPU.
 */
static void engine_kernels(void)
{
	static const char *const engines[] = { "mlx-lm", "llama-cpp" };
	struct cat *cat = test_catalog();
	struct cat_engine_kernel *k = NULL;
	struct cat_efficiency eff;
	struct err err = ERR_INIT;
	size_t n = 0, i, j;

	if (!test_ok(cat_engine_kernels(&k, &n, cat, "mlx-lm", &err) == 0 && n >= 4 &&
		     cat_find(&eff, cat, CAT_EFFICIENCY, "apple-m2", &err) == 0,
		     "mlx-lm's kernel rows and apple-m2's efficiency: %s",
		     err.code ? err.msg : "read"))
		goto out;
	for (j = 0; j < n && strcmp(k[j].architecture, "apple-m2"); j++)
		;
	for (i = 0; i < sizeof(engines) / sizeof(engines[0]) && j < n; i++) {
		struct deploy_request q = DEPLOY_REQUEST_INIT;
		struct deploy *d = calloc(1, sizeof(*d));
		int mlx = i == 0;

		q.model = "llama-3.1-8b";
		q.gpu = "apple-m2-ultra-76c-192gb";
		q.engine = engines[i];
		q.precision = mlx ? "mlx-4bit" : "gguf-q4_0";
		if (test_ok(d && deploy_build(d, cat, &q, &err) == 0, "%s on an M2 Ultra: %s",
			    engines[i], err.code ? err.msg : "deployed"))
			test_ok(d->gspec.eff.dequant_ops == (mlx ? k[j].dequant_ops : eff.dequant_ops) &&
				d->gspec.eff.gemm == (mlx ? k[j].gemm : eff.gemm) &&
				d->gspec.eff.bw == eff.bw,
				"%s: dequant_ops %.2f, gemm %.4f (%s), bw the architecture's",
				engines[i], d->gspec.eff.dequant_ops, d->gspec.eff.gemm,
				mlx ? "its kernels'" : "the architecture's");
		free(d);
	}
	test_ok(j < n, "mlx-lm has an apple-m2 row");
out:
	free(k);
	cat_free(cat);
}

/*
 * An MLX 4-bit checkpoint quantizes every linear layer, the embedding and
 * the head alike, in groups of 64 with a 16-bit scale and bias: 4.5 bits
 * a weight.  Llama 3.1 8B's 6,979,321,856 layer weights and 2 *
 * 525,336,576 of embedding and head: 8,029,995,008 * 4.5 / 8 =
 * 4,516,872,192 bytes.
 */
static void mlx_bytes(void)
{
	struct est_model m;
	struct mem_result mem;

	if (mac_model(&m, &llama8b, "mlx-4bit", 0) < 0)
		return;
	mem_at(&mem, &m, 1, 1, 1);
	test_rel(mem.weights_bytes, 4516872192.0, 1e-9, "Llama 3.1 8B in mlx-4bit: 4,516,872,192 bytes");
}

/*
 * What the GPU may wire of a Mac's memory, as llama.cpp logs Metal's
 * recommendedMaxWorkingSetSize: 2/3 up to 32 GB (16 GB: 10922.67 MiB),
 * 3/4 above (36 GB: 27 GiB, 192 GB: 144 GiB).  The reserve is the rest.
 */
static void wired_share(void)
{
	static const struct { double gib, reserve_gib; } cases[] = {
		{ 16, 16.0 / 3 }, { 32, 32.0 / 3 }, { 36, 9 }, { 64, 16 }, { 192, 48 }, { 512, 128 },
	};
	struct cat_gpu g;
	size_t i;

	memset(&g, 0, sizeof(g));
	snprintf(g.form_factor, sizeof(g.form_factor), "soc");
	snprintf(g.vendor, sizeof(g.vendor), "apple");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		g.memory_bytes = (int64_t)(cases[i].gib * UNIT_GIB);
		test_rel(bind_gpu_system_reserve(&g), cases[i].reserve_gib * UNIT_GIB, 1e-12,
			 "a %.0f GB Mac keeps %.2f GiB from the GPU", cases[i].gib,
			 cases[i].reserve_gib);
	}
	test_ok(bind_gpu_edge(&g) && bind_gpu_soc(&g) && bind_gpu_carrier_w(&g) == 0,
		"a Mac is a whole system, its row the whole computer (no carrier board)");
	snprintf(g.form_factor, sizeof(g.form_factor), "module");
	test_ok(bind_gpu_edge(&g) && !bind_gpu_soc(&g) && bind_gpu_carrier_w(&g) > 0 &&
		bind_gpu_system_reserve(&g) == 2 * UNIT_GIB,
		"a Jetson module keeps its fixed 2 GiB and has a carrier board");
	/* a DGX Spark: a computer like a Mac, but Linux gives CUDA all of its
	 * memory but the OS's */
	snprintf(g.form_factor, sizeof(g.form_factor), "soc");
	snprintf(g.vendor, sizeof(g.vendor), "nvidia");
	g.memory_bytes = (int64_t)(128 * UNIT_GIB);
	test_ok(bind_gpu_soc(&g) && !bind_gpu_mac(&g) && bind_gpu_carrier_w(&g) == 0 &&
		bind_gpu_system_reserve(&g) == 2 * UNIT_GIB,
		"a GB10 computer keeps the OS's 2 GiB, not macOS's quarter");
}

/* gpt-oss's GGUF on a GPU without bf16 units (Metal before Apple9):
 * llama.cpp unpacks it for fp16 kernels, so it runs at the fp16 rate
 * rather than being refused; a 16-bit safetensors bf16 model still is. */
static void gguf_without_bf16(void)
{
	struct gpu_spec g;
	struct deploy_spec d;
	struct est_model m;
	struct err err = ERR_INIT;
	static const struct llm_spec tiny = {
		.layers = 2, .hidden = 256, .intermediate = 512, .heads = 4, .kv_heads = 2,
		.head_dim = 64, .vocab = 1000, .max_context = 4096, .attn = LLM_GQA,
	};

	gpu_mac(&g, 0);
	dep_one(&d);
	test_ok(est_model_init(&m, &tiny, fmt_weight_find("gguf-mxfp4"), fmt_kv_find("f16"), &g, &d,
			       &err) == 0 && m.flops == 27.2e12,
		"gguf-mxfp4 without bf16 units: the fp16 rate (%s)", err.code ? err.msg : "ok");
	test_ok(est_model_init(&m, &tiny, fmt_weight_find("bf16"), fmt_kv_find("f16"), &g, &d,
			       &err) < 0, "bf16 safetensors: refused, naming fp16");
}

int main(void)
{
	hand_worked();
	moe_tiles();
	engine_kernels();
	mlx_bytes();
	gguf_without_bf16();
	wired_share();
	return test_done();
}
