/*
 * t_cpu.c - a CPU running a model alone (bind/cpu_device.c): its device
 * row from the catalog's CPU, memory speed and core figures, by hand; the
 * names that ask for one and the errors of those that cannot; a decode
 * step of Llama 3.1 8B on it worked by hand with the catalog's fitted
 * efficiency (an additive roofline, p = 1, and no per-step costs, so a
 * step is exactly its memory time plus its compute and unpacking time);
 * and the properties a buyer compares CPUs by.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind/deploy.h"
#include "bind/rows.h"
#include "catalog/cat.h"
#include "models/est.h"
#include "tests/testcat.h"
#include "tests/testlib.h"
#include "util/err.h"
#include "util/units.h"
#include "util/xalloc.h"

static struct cat *cat;

/*
 * The Ryzen 9 7950X (cpus.sql): 16 cores at a 4.5 GHz base, two DDR5
 * channels at 5200 MT/s, 170 W; cpu_core: 128 int8 operations a core a
 * cycle.  Its device: 2 x 5200e6 x 8 = 83.2 GB/s; 16 x 4.5e9 x 128 =
 * 9.216e12 operations a second; two 32 GiB DIMMs a channel, 128 GiB.
 * The EPYC 9554: 64 cores at 3.1 GHz, 12 channels at 4800: 460.8 GB/s,
 * 64 x 3.1e9 x 128 = 25.395e12, one 64 GiB RDIMM a channel, 768 GiB.
 */
static void device_rows(void)
{
	struct bind_gpu_rows *g = xcalloc(1, sizeof(*g));
	struct err err = ERR_INIT;

	if (test_ok(bind_resolve_gpu(g, cat, "cpu", NULL, NULL, &err) == 0, "--gpu cpu: %s",
		    err.code ? err.msg : "resolved")) {
		test_ok(!strcmp(g->gpu.id, "cpu-ryzen-9-7950x"),
			"--gpu cpu is the default desktop CPU: %s", g->gpu.id);
		test_rel(g->gpu.memory_bandwidth_bytes_per_s, 83.2e9, 1e-12, "7950X: 83.2 GB/s");
		test_rel(g->gpu.fp16_dense_flops, 9.216e12, 1e-12, "7950X: 9.216e12 ops/s");
		test_rel((double)g->gpu.memory_bytes, 128 * UNIT_GIB, 1e-12, "7950X: 128 GiB");
		test_rel(g->gpu.tdp_w, 170, 1e-12, "7950X: 170 W");
		test_ok(!strcmp(g->gpu.form_factor, "cpu") && !strcmp(g->gpu.vendor, "none") &&
			!strcmp(g->gpu.architecture, "zen4") && bind_gpu_cpu(&g->gpu) &&
			bind_gpu_edge(&g->gpu) && bind_gpu_unified(&g->gpu) && !bind_gpu_soc(&g->gpu),
			"a CPU device: form factor cpu, no GPU vendor, zen4, a whole system");
		test_ok(g->has_target && !strcmp(g->target.target, "x86-64") &&
			!strcmp(g->target.platform, "linux/amd64"), "its image target: x86-64, "
			"linux/amd64");
		test_ok(g->eff_err.code == ERR_OK && !strcmp(g->eff.id, "zen4"),
			"its efficiency: the zen4 row");
	}
	err_clear(&err);
	if (test_ok(bind_resolve_gpu(g, cat, "cpu-epyc-9554", NULL, NULL, &err) == 0,
		    "cpu-epyc-9554: %s", err.code ? err.msg : "resolved")) {
		test_rel(g->gpu.memory_bandwidth_bytes_per_s, 460.8e9, 1e-12, "9554: 460.8 GB/s");
		test_rel(g->gpu.fp16_dense_flops, 25.3952e12, 1e-12, "9554: 25.395e12 ops/s");
		test_rel((double)g->gpu.memory_bytes, 768 * UNIT_GIB, 1e-12, "9554: 768 GiB");
		test_ok(!strcmp(g->gpu.segment, "datacenter") && !strcmp(g->cpu.id, "epyc-9554"),
			"9554: a server, its own host CPU");
	}
	err_clear(&err);
	test_ok(bind_resolve_gpu(g, cat, "cpu", "epyc-9554", NULL, &err) == 0 &&
		!strcmp(g->gpu.id, "cpu-epyc-9554"), "--gpu cpu --cpu epyc-9554 is cpu-epyc-9554");
	err_clear(&err);
	test_ok(bind_resolve_gpu(g, cat, "cpu-epyc-9554", "ryzen-9-7950x", NULL, &err) < 0 &&
		err.code == ERR_INVAL && strstr(err.msg, "--cpu ryzen-9-7950x"),
		"two CPUs named: refused (%s)", err.msg);
	err_clear(&err);
	test_ok(bind_resolve_gpu(g, cat, "cpu-xeon-platinum-8480plus", NULL, NULL, &err) < 0 &&
		err.code == ERR_NOTFOUND && strstr(err.msg, "cpu_core"),
		"a CPU without core figures: refused, naming cpu_core (%s)", err.msg);
	err_clear(&err);
	test_ok(bind_resolve_gpu(g, cat, "cpu-no-such-cpu", NULL, NULL, &err) < 0 &&
		err.code == ERR_NOTFOUND && strstr(err.msg, "no-such-cpu"),
		"an unknown CPU: refused (%s)", err.msg);
	free(g);
}

static int cpu_deploy(struct deploy *d, const char *gpu, const char *precision, double ram,
		      size_t tp)
{
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct err err = ERR_INIT;

	q.model = "llama-3.1-8b";
	q.gpu = gpu;
	q.engine = "llama-cpp";
	q.precision = precision;
	q.ram_bytes = ram;
	q.tp = tp;
	q.work.batch = 1;
	q.work.input_len = 512;
	q.work.output_len = 128;
	if (deploy_build(d, cat, &q, &err) < 0) {
		printf("# %s %s: %s\n", gpu, precision, err.msg);
		return -1;
	}
	return 0;
}

/*
 * A decode step of Llama 3.1 8B in q4_0 on the 7950X, context 1.  Its
 * weights: 32 layers of 4096*4096*2 + 2*4096*1024 + 3*4096*14336 =
 * 6.979e9 at 4.5 bits and a head of 128256*4096 = 525.3e6 at q6_K's
 * 6.5625 bits: 3.926e9 + 0.4309e9 bytes, read at bw x 83.2e9.  Computed:
 * 2 x 7.504e9 operations at gemm x 9.216e12, and unpacked at
 * dequant_ops a weight on 9.216e12.  With the catalog's zen4 figures
 * (bw 0.7683, gemm 0.2066, 9.04 operations): 68.17 + 7.88 + 7.36 =
 * 83.4 ms; the norms, the one token's attention and its embedding row
 * add well under 1%.
 */
static void decode_by_hand(void)
{
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct perf_result p;
	double lin = 32 * (4096.0 * 4096 * 2 + 2 * 4096.0 * 1024 + 3 * 4096.0 * 14336);
	double head = 128256.0 * 4096, want;

	if (cpu_deploy(d, "cpu-ryzen-9-7950x", "gguf-q4_0", NAN, 0) < 0) {
		test_ok(0, "llama-3.1-8b gguf-q4_0 on cpu-ryzen-9-7950x");
		free(d);
		return;
	}
	perf_decode(&p, &d->in.model, 1, 1);
	want = (lin * 4.5 / 8 + head * 6.5625 / 8) / (83.2e9 * d->eff.bw) +
	       2 * (lin + head) / (9.216e12 * d->eff.gemm) +
	       (lin + head) * d->eff.dequant_ops / 9.216e12;
	test_rel(p.time_s, want, 0.01, "7950X, q4_0 decode step: %.2f ms by hand (%.2f)",
		 want * 1e3, p.time_s * 1e3);
	test_ok(d->eff.roofline_p == 1 && d->eff.step_s == 0 && d->eff.layer_s == 0,
		"the by-hand sum holds: p 1, no per-step costs");
	free(d);
}

static double decode_tps(const char *gpu, const char *precision, double ram)
{
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct perf_result p;
	double r = NAN;

	if (cpu_deploy(d, gpu, precision, ram, 0) == 0) {
		perf_decode(&p, &d->in.model, 1, 512);
		r = 1 / p.time_s;
	}
	free(d);
	return r;
}

static double prefill_tps(const char *gpu)
{
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct perf_result p;
	double r = NAN;

	if (cpu_deploy(d, gpu, "gguf-q4_k_m", NAN, 0) == 0) {
		perf_prefill(&p, &d->in.model, 1, 512);
		r = 512 / p.time_s;
	}
	free(d);
	return r;
}

static void properties(void)
{
	struct deploy *d = xcalloc(1, sizeof(*d));
	double r, q4 = decode_tps("cpu-ryzen-9-7950x", "gguf-q4_k_m", NAN);

	/* decode never beats streaming the weights at the channels' peak */
	if (test_ok(cpu_deploy(d, "cpu-ryzen-9-7950x", "gguf-q4_k_m", NAN, 0) == 0, "q4_k_m")) {
		const struct est_model *m = &d->in.model;
		double w = (double)m->llm.layers * (m->layer_bytes_attn + m->layer_bytes_dense) +
			   m->head_bytes;

		test_ok(q4 < 83.2e9 / w && q4 > 0.5 * 83.2e9 / w,
			"7950X decode %.1f tok/s: under the 83.2 GB/s roofline's %.1f, over half", q4,
			83.2e9 / w);
	}
	test_ok(decode_tps("cpu-ryzen-9-7950x", "gguf-q8_0", NAN) < q4,
		"more bytes a weight, slower decode");
	test_ok(decode_tps("cpu-epyc-9554", "gguf-q4_k_m", NAN) > 3 * q4,
		"12 channels decode over 3x faster than 2");
	test_ok(prefill_tps("cpu-epyc-9554") > 2 * prefill_tps("cpu-ryzen-9-7950x"),
		"64 cores prefill over twice as fast as 16");
	/* --ram is the device's memory: less of it, a smaller cache */
	if (test_ok(cpu_deploy(d, "cpu-ryzen-9-7950x", "gguf-q4_k_m", 64 * UNIT_GIB, 0) == 0,
		    "--ram 64GiB"))
		test_rel((double)d->gpu.memory_bytes, 64 * UNIT_GIB, 1e-12, "--ram 64GiB: 64 GiB");
	r = decode_tps("cpu-ryzen-9-7950x", "gguf-q4_k_m", 64 * UNIT_GIB);
	test_rel(r, q4, 1e-12, "RAM size does not change its speed");
	test_ok(cpu_deploy(d, "cpu-ryzen-9-7950x", "gguf-q4_k_m", NAN, 2) < 0,
		"tp 2 across CPUs: refused");
	free(d);
}

/* Plans see every CPU the catalog can make a device of: the six with core
 * figures and a memory speed (the Threadripper PRO 7995WX's speed is not
 * in the catalog, so it is not one). */
static void listed(void)
{
	struct cat_gpu *rows = NULL;
	struct err err = ERR_INIT;
	size_t n = 0, i, cpus = 0, gpus = 0;

	if (test_ok(bind_list_devices(&rows, &n, cat, &err) == 0, "bind_list_devices: %s",
		    err.code ? err.msg : "listed")) {
		for (i = 0; i < n; i++)
			cpus += (size_t)bind_gpu_cpu(&rows[i]);
		free(rows);
		rows = NULL;
		test_ok(bind_list_gpus(&rows, &gpus, cat, &err) == 0 && gpus + cpus == n &&
			cpus == 6, "the catalog's GPUs and its 6 CPU devices (%zu)", cpus);
	}
	free(rows);
}

int main(void)
{
	cat = test_catalog();
	device_rows();
	decode_by_hand();
	properties();
	listed();
	cat_free(cat);
	return test_done();
}
