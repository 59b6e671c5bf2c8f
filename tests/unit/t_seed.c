/*
 * t_seed.c - the claims of the article rigplan grew from (../shared/seed,
 * "Open-AutoGLM hardware guide", in Chinese), each as rigplan computes it.
 * Where a claim holds, rigplan reproduces it; where it contradicts physics,
 * the test says so and checks rigplan's physical answer instead.
 */
#include "tests/testlib.h"
#include "tests/testcat.h"
#include "catalog/cat.h"
#include "models/estimate.h"
#include "models/power.h"
#include "models/storage.h"
#include "bind/deploy.h"
#include "util/err.h"
#include "util/units.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static struct cat *cat;

static int build(struct deploy *d, struct deploy_request *q)
{
	return test_deploy(d, cat, q);
}

/*
 * Section 3.2: "a 16 GB KV-cache slice loads in 37 ms from NVMe (3500 MB/s)
 * and 128 ms from SATA (550 MB/s)".  Physics: 16 GB / 3.5 GB/s = 4.57 s and
 * 16 GB / 0.56 GB/s = 28.6 s; 37 ms would need 432 GB/s, more than any
 * drive made.  The article also names a Samsung 980 Pro, which reads 7 GB/s:
 * its 3500 MB/s is the 970 EVO Plus, which the catalog reads at 3.5 GB/s.
 */
static void kv_restore(void)
{
	static const struct { const char *ssd; double want_s; } c[] = {
		{ "samsung-970-evo-plus-1tb", 16e9 / 3.5e9 },  /* 4.571 s */
		{ "samsung-870-evo-1tb", 16e9 / 0.56e9 },      /* 28.57 s */
		{ "samsung-980-pro-1tb", 16e9 / 7.0e9 },       /* 2.286 s */
	};
	struct deploy *d = xcalloc(1, sizeof(*d));
	double t[3];
	size_t i;

	for (i = 0; i < 3; i++) {
		struct deploy_request q = DEPLOY_REQUEST_INIT;

		q.model = "autoglm-phone-9b";
		q.gpu = "rtx-4090";
		q.ssd = c[i].ssd;
		q.work.batch = 1;
		q.work.context = 1024;
		if (build(d, &q) < 0)
			break;
		t[i] = storage_kv_restore_s(&d->in.storage, 16e9);
		test_rel(t[i], c[i].want_s, 0.01, "16 GB KV slice from %s: %.3f s (worked: %.3f s)",
			 c[i].ssd, t[i], c[i].want_s);
	}
	if (i == 3) {
		test_ok(t[0] > 100 * 0.037, "seed's 37 ms from NVMe contradicts physics: rigplan says %.2f s",
			t[0]);
		test_ok(t[1] > 100 * 0.128, "seed's 128 ms from SATA contradicts physics: rigplan says %.1f s",
			t[1]);
		/* the ratio follows sequential read, 3.5 / 0.56 = 6.25, not 128/37 = 3.5 */
		test_rel(t[1] / t[0], 3.5 / 0.56, 0.01, "SATA / NVMe restore ratio %.2f", t[1] / t[0]);
	}
	free(d);
}

/*
 * Section 3.1: Llama-2-70B in FP16 loads in 43 s with 256 GB of RAM and
 * 187 s with 64 GB, which swaps.  The drive is not named; take the
 * article's own NVMe (3.5 GB/s).  Worked: 69e9 params x 2 B = 138 GB; from
 * 3.5 GB/s that is 39.4 s (two A100s take it at 2 x 0.26 x 31.5 GB/s =
 * 16.4 GB/s, faster than the drive): the 43 s holds within 10%.  With
 * 64 GiB, a torch.load-style loader (the article's own code) builds the
 * state dict in RAM: 138 GB - (64 - 8) GiB = 77.7 GB spill to swap, written
 * at 3.3 GB/s and read back at 3.5 GB/s, +45.8 s: much slower, as the
 * article says (its 187 s also pays for 4 KiB page-ins, which rigplan does
 * not model, so rigplan's figure is a lower bound).  A loader that maps the
 * files (safetensors) needs no swap and loads in the cold time.
 * The article runs it on one A100 80GB, where 138 GB cannot fit: rigplan
 * says so.
 */
static void ram_and_load(void)
{
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct est_result r;
	struct err err = ERR_INIT;
	double big, small, mapped;

	q.model = "llama-2-70b";
	q.gpu = "a100-sxm-80gb";
	q.precision = "fp16";
	q.ssd = "samsung-970-evo-plus-1tb";
	q.work.batch = 1;
	q.work.context = 512;
	if (build(d, &q) < 0 || !test_ok(est_run(&r, &d->in, &err) == 0, "estimate: %s",
							    err.msg[0] ? err.msg : "ok"))
		goto out;
	test_ok(!r.mem.fits, "70B fp16 (%.0f GB) does not fit one A100 80GB", r.weights_total_bytes / 1e9);

	q.gpus = 2;
	q.ram_bytes = 256 * UNIT_GIB;
	q.materialize = 1;
	if (build(d, &q) < 0 || est_run(&r, &d->in, &err) < 0)
		goto out;
	test_ok(r.mem.fits, "on two A100 80GB it fits");
	big = r.load.cold_s;
	test_rel(big, 138e9 / 3.5e9, 0.02, "256 GiB RAM: cold load %.1f s (worked 39.4 s)", big);
	test_rel(big, 43, 0.10, "the seed's 43 s at 256 GB holds within 10%% (rigplan %.1f s)", big);
	test_ok(r.load.swap_bytes == 0, "256 GiB RAM: no swap");

	q.ram_bytes = 64 * UNIT_GIB;
	if (build(d, &q) < 0 || est_run(&r, &d->in, &err) < 0)
		goto out;
	small = r.load.cold_s;
	test_rel(r.load.swap_bytes, r.weights_total_bytes - 56 * UNIT_GIB, 0.001,
		 "64 GiB RAM, materializing loader: %.1f GB to swap", r.load.swap_bytes / 1e9);
	test_rel(small, big + r.load.swap_bytes / 3.3e9 + r.load.swap_bytes / 3.5e9, 0.02,
		 "64 GiB RAM: %.1f s (cold + swap out and back)", small);
	test_ok(small > 2 * big, "64 GiB is much slower than 256 GiB (%.0f s vs %.0f s; seed 187 vs 43)",
		small, big);

	q.materialize = 0;
	if (build(d, &q) < 0 || est_run(&r, &d->in, &err) < 0)
		goto out;
	mapped = r.load.cold_s;
	test_rel(mapped, big, 1e-9, "64 GiB RAM, memory-mapped loader: no swap, %.1f s", mapped);
	test_ok(!r.load.cache_fits && r.load.warm_s == r.load.cold_s,
		"64 GiB RAM cannot cache 138 GB: a restart is a cold load again");
out:
	free(d);
}

/*
 * Section 1: "at least 16 GB of VRAM for the full model in FP16".  A 9.4B
 * model in bf16 is 18.8 GB of weights before any KV cache: 16 GB cards
 * cannot hold it, 24 GB cards can.  The article's 12 GB minimum works only
 * quantized (int4 AWQ: 9.4e9 x 4.25 / 8 = 5.0 GB).
 */
static void fits_9b(void)
{
	static const struct { const char *gpu, *fmt; int fits; } c[] = {
		{ "rtx-4060-ti-16gb", "bf16", 0 },
		{ "rtx-4080-super", "bf16", 0 },
		{ "rtx-4090", "bf16", 1 },
		{ "rtx-3090", "bf16", 1 },
		{ "rtx-3060-12gb", "bf16", 0 },
		{ "rtx-3060-12gb", "int4-awq", 1 },
	};
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct est_result r;
	struct err err = ERR_INIT;
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		struct deploy_request q = DEPLOY_REQUEST_INIT;

		q.model = "autoglm-phone-9b";
		q.gpu = c[i].gpu;
		q.precision = c[i].fmt;
		q.work.batch = 1;
		q.work.context = 4096;
		if (build(d, &q) < 0 || est_run(&r, &d->in, &err) < 0)
			break;
		/* worked: the language model's 9.4e9 and the vision tower's
		 * 891,523,072 (tests/unit/t_vision.c) x 2 B = 20.58 GB */
		if (!strcmp(c[i].gpu, "rtx-4090"))
			test_rel(r.weights_total_bytes, 20.58e9, 0.03, "9B bf16 weights and its "
				 "vision tower %.2f GB", r.weights_total_bytes / 1e9);
		test_ok(r.mem.fits == c[i].fits, "AutoGLM-Phone-9B %s on %s: %s (%.1f GiB of %.0f GiB)",
			c[i].fmt, c[i].gpu, r.mem.fits ? "fits" : "does not fit",
			r.mem.total_per_gpu_bytes / UNIT_GIB, r.mem.capacity_bytes / UNIT_GIB);
	}
	free(d);
}

/*
 * Section 4.3: an 800 W load on 1200 W modules under N+1: N = ceil(800 /
 * 1200) = 1 module carries it, plus one spare = 2.  The article's own
 * reasoning (one module alone carries the load) holds.
 */
static void psu(void)
{
	enum psu_redundancy r;

	test_int((int64_t)psu_units(800, 1200, PSU_N1), 2, "800 W on 1200 W units, N+1: 2 units");
	test_int((int64_t)psu_units(800, 1200, PSU_2N), 2, "800 W on 1200 W units, 2N: 2 units");
	test_int((int64_t)psu_units(800, 1200, PSU_NONE), 1, "800 W on 1200 W units, none: 1 unit");
	test_int((int64_t)psu_units(2500, 1200, PSU_N1), 4, "2500 W on 1200 W units, N+1: 3 + 1");
	test_int((int64_t)psu_units(2500, 1200, PSU_2N), 6, "2500 W on 1200 W units, 2N: 3 + 3");
	test_ok(psu_redundancy_parse(&r, "n+1") == 0 && r == PSU_N1, "'n+1' parses");
	test_ok(psu_redundancy_parse(&r, "3n") < 0, "'3n' is refused");
}

/*
 * Section 2.2's table, A100 vs H100: FP32 19.5 vs 67 TFLOPS, 80 GB each,
 * 2 vs 3.35 TB/s (the A100 80GB SXM reads 2.039 TB/s; the article rounds),
 * NVLink 600 vs 900 GB/s.  Section 1: RTX 3090 and 4090 have 24 GB, the
 * A100 up to 80 GB.
 */
static void spec_tables(void)
{
	struct cat_gpu a, h, g;
	struct err err = ERR_INIT;

	if (!test_ok(cat_gpu_find(&a, cat, "a100-sxm-80gb", &err) == 0 &&
		     cat_gpu_find(&h, cat, "h100-sxm", &err) == 0, "A100 and H100 rows: %s",
		     err.msg[0] ? err.msg : "ok"))
		return;
	test_rel(a.fp32_flops, 19.5e12, 0.001, "A100 fp32 19.5 TFLOP/s");
	test_rel(h.fp32_flops, 67e12, 0.002, "H100 fp32 67 TFLOP/s (66.9 in the whitepaper)");
	test_rel((double)a.memory_bytes, 80 * UNIT_GIB, 0.001, "A100 80 GB");
	test_rel((double)h.memory_bytes, 80 * UNIT_GIB, 0.001, "H100 80 GB");
	test_rel(a.memory_bandwidth_bytes_per_s, 2e12, 0.02, "A100 ~2 TB/s (2.039)");
	test_rel(h.memory_bandwidth_bytes_per_s, 3.35e12, 0.001, "H100 3.35 TB/s");
	test_rel(a.interconnect_bytes_per_s, 600e9, 0.001, "A100 NVLink 600 GB/s");
	test_rel(h.interconnect_bytes_per_s, 900e9, 0.001, "H100 NVLink 900 GB/s");
	if (cat_gpu_find(&g, cat, "rtx-3090", &err) == 0)
		test_rel((double)g.memory_bytes, 24 * UNIT_GIB, 0.001, "RTX 3090 24 GB");
	if (cat_gpu_find(&g, cat, "rtx-4090", &err) == 0)
		test_rel((double)g.memory_bytes, 24 * UNIT_GIB, 0.001, "RTX 4090 24 GB");
}

int main(void)
{
	cat = test_catalog();
	kv_restore();
	ram_and_load();
	fits_9b();
	psu();
	spec_tables();
	cat_free(cat);
	return test_done();
}
