/*
 * cpu_device.c - see rows.h.  A CPU running a model on its own cores, as
 * llama.cpp's CPU build does, becomes a device row like a GPU's, so the
 * models, the simulator and the generators price it as they price a GPU:
 * its memory is the machine's RAM, its bandwidth one socket's channels at
 * the CPU's memory speed (llama.cpp binds no pages to a NUMA node), and its
 * matrix rate, for every format, the cores' int8 dot products: llama.cpp
 * quantizes a prompt's activations to 8 bits and multiplies each block of
 * weights with them in int8 (ggml-cpu's vec_dot_q*_q8 kernels): its 8- and
 * 4-bit prompts on a Ryzen 9 7950X ran at 2.4 TFLOP/s (148 and 154 tokens/s
 * of Llama 3.1 8B, tests/data/reference/public.json), over the 2.3 its
 * cores' fp32 FMAs give at base clock, and its 16-bit ones nearly as fast
 * (112 against 118 tokens/s in one build).  What share of that peak
 * llama.cpp reaches is the microarchitecture's efficiency row.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bind/resolve_int.h"
#include "catalog/cat.h"

#define CPU_PREFIX "cpu-"

/* What rigplan fills a CPU machine's channels with when --ram does not
 * say: one 64 GiB RDIMM a channel in servers and workstations, two 32 GiB
 * DIMMs a channel on desktop boards (4 slots on 2 channels): the DIMMs
 * bind/deploy.c prices a GPU host's power with. */
#define SERVER_DIMM_BYTES 68719476736.0
#define DESKTOP_DIMM_BYTES 34359738368.0

int bind_gpu_cpu(const struct cat_gpu *g)
{
	return !strcmp(g->form_factor, "cpu");
}

int bind_is_cpu_device(const char *gpu)
{
	return !strcmp(gpu, "cpu") || !strncmp(gpu, CPU_PREFIX, strlen(CPU_PREFIX));
}

static int desktop_cpu(const struct cat_cpu *c)
{
	return !strcmp(c->segment, "desktop");
}

double bind_cpu_dimms(const struct cat_gpu *g)
{
	return ceil((double)g->memory_bytes /
		    (!strcmp(g->segment, "consumer") ? DESKTOP_DIMM_BYTES : SERVER_DIMM_BYTES));
}

const char *bind_cpu_of(const struct cat_gpu *g)
{
	return g->id + strlen(CPU_PREFIX);
}

/* The CPU the device names: "cpu-ID", or "cpu" with --cpu, else the
 * catalog's default desktop CPU. */
static int device_cpu(struct cat_cpu *out, struct cat *cat, const char *gpu, const char *cpu,
		      struct err *err)
{
	const char *named = strcmp(gpu, "cpu") ? gpu + strlen(CPU_PREFIX) : NULL;
	char id[CAT_ID_MAX];
	int r;

	if (named && cpu && strcmp(named, cpu))
		return err_set(err, ERR_INVAL, "--gpu %.63s runs on the CPU %.63s, not --cpu %.63s: "
			       "expected one of them", gpu, named, cpu);
	if (!named)
		named = cpu;
	if (!named) {
		if ((r = cat_default_part(id, cat, "desktop", CAT_CPU, err)) < 0)
			return r;
		named = id;
	}
	if ((r = cat_find(out, cat, CAT_CPU, named, err)) < 0)
		return err->code == ERR_NOTFOUND && strcmp(gpu, "cpu") ?
		       err_set(err, ERR_NOTFOUND, "unknown gpu '%.63s': a CPU-only device is "
			       "cpu-<cpu id>, and the catalog has no cpu '%.63s'", gpu, named) : r;
	if (strlen(CPU_PREFIX) + strlen(out->id) >= CAT_ID_MAX)
		return err_set(err, ERR_INVAL, "cpu '%.63s': its id is too long to name a device",
			       out->id);
	return 0;
}

int bind_cpu_device(struct bind_gpu_rows *out, struct cat *cat, const char *gpu,
		    const char *cpu, const char *ssd, struct err *err)
{
	struct cat_cpu_core core;
	struct cat_cpu c;
	struct cat_gpu *g = &out->gpu;
	double channels, peak;
	int r, x86;

	memset(out, 0, sizeof(*out));
	if ((r = device_cpu(&c, cat, gpu, cpu, err)) < 0)
		return r;
	if ((r = cat_cpu_core(&core, cat, c.id, err)) < 0)
		return r;
	if (r == 0)
		return err_set(err, ERR_NOTFOUND, "the catalog has no core figures for the CPU %s "
			       "(cpu_core), so it cannot run a model alone: expected a CPU of "
			       "'rigplan catalog list cpu' with a cpu_core row", c.id);
	if ((r = cat_cpu_memory(&out->cpu_memory, cat, c.id, err)) < 0)
		return r;
	if (r == 0)
		return err_set(err, ERR_NOTFOUND, "the catalog has no memory speed for the CPU %s "
			       "(cpu_memory), so its bandwidth is unknown", c.id);
	channels = (double)c.memory_channels;
	snprintf(g->id, sizeof(g->id), CPU_PREFIX "%s", c.id);
	snprintf(g->name, sizeof(g->name), "%.80s, CPU only", c.name);
	/* no accelerator: nothing for a container to be given */
	snprintf(g->vendor, sizeof(g->vendor), "none");
	snprintf(g->architecture, sizeof(g->architecture), "%s", core.microarchitecture);
	snprintf(g->segment, sizeof(g->segment), "%s", !strcmp(c.segment, "server") ?
		 "datacenter" : desktop_cpu(&c) ? "consumer" : "workstation");
	snprintf(g->form_factor, sizeof(g->form_factor), "cpu");
	g->memory_bytes = (int64_t)(channels * (desktop_cpu(&c) ? 2 * DESKTOP_DIMM_BYTES :
						SERVER_DIMM_BYTES));
	snprintf(g->memory_type, sizeof(g->memory_type), "%s", c.memory_type);
	g->memory_bandwidth_bytes_per_s = (double)out->cpu_memory.memory_mts * 1e6 * 8.0 *
					  channels;
	peak = (double)c.cores * c.base_hz * core.int8_ops_per_cycle;
	g->fp16_dense_flops = g->bf16_dense_flops = g->fp32_flops = peak;
	g->fp16_fp32acc_dense_flops = g->fp8_dense_flops = g->int8_dense_ops = NAN;
	g->int4_dense_ops = g->fp4_dense_flops = NAN;
	g->tdp_w = c.tdp_w;
	g->idle_w = NAN;
	snprintf(g->interconnect, sizeof(g->interconnect), "none");
	g->interconnect_bytes_per_s = NAN;
	g->pcie_gen = c.pcie_gen;
	g->pcie_lanes = 16;
	snprintf(g->cooling, sizeof(g->cooling), "active");
	snprintf(g->source, sizeof(g->source), "%.120s; cores: %.120s", c.source, core.source);
	snprintf(g->as_of, sizeof(g->as_of), "%s", strcmp(c.as_of, core.as_of) > 0 ?
		 c.as_of : core.as_of);
	g->price = c.price;
	snprintf(out->product, sizeof(out->product), "%s", c.name);
	out->cpu = c;
	r = cat_efficiency_for(&out->eff, cat, g, &out->eff_err);
	if (r < 0 && (out->eff_err.code == ERR_DB || out->eff_err.code == ERR_IO))
		return err_copy(err, &out->eff_err);
	if ((r = bind_resolve_links(out, cat, err)) < 0)
		return r;
	if ((r = bind_resolve_host(out, cat, c.id, ssd)) < 0 && out->host_err.code == ERR_DB)
		return err_copy(err, &out->host_err);
	/* llama.cpp's CPU image: one build, its kernels picked at run time
	 * (GGML_CPU_ALL_VARIANTS) */
	x86 = !strcmp(c.vendor, "intel") || !strcmp(c.vendor, "amd");
	snprintf(out->target.id, sizeof(out->target.id), "%s", g->id);
	snprintf(out->target.target, sizeof(out->target.target), "%s", x86 ? "x86-64" : "aarch64");
	snprintf(out->target.platform, sizeof(out->target.platform), "%s",
		 x86 ? "linux/amd64" : "linux/arm64");
	snprintf(out->target.source, sizeof(out->target.source), "%s", core.source);
	snprintf(out->target.as_of, sizeof(out->target.as_of), "%s", core.as_of);
	out->has_target = 1;
	return 0;
}
