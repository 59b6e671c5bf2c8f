/*
 * t_data.c - the shipped catalog: enough rows of each kind, every row
 * sourced and dated, the ids DESIGN.md names present, values within
 * physical ranges and consistent with each other, and every model's
 * parameter count reproduced from its architecture.
 */
#include "tests/testlib.h"
#include "tests/testcat.h"
#include "catalog/cat.h"
#include "models/defaults.h"
#include "models/llm.h"
#include "bind/deploy.h"
#include "util/err.h"
#include "util/units.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static struct cat *cat;

static void *list(enum cat_kind kind, size_t *n)
{
	struct err err = ERR_INIT;
	void *rows = NULL;

	if (cat_list(&rows, n, cat, kind, &err) < 0) {
		test_ok(0, "list %s: %s", cat_kind_info(kind)->plural, err.msg);
		*n = 0;
	}
	return rows;
}

/* Every kind: enough rows, and each with a source and an ISO date. */
static void counts_and_sources(void)
{
	static const size_t min[CAT_KIND_COUNT] = {
		[CAT_GPU] = 40, [CAT_MODEL] = 25, [CAT_SSD] = 12, [CAT_PSU] = 10,
		[CAT_CHASSIS] = 8, [CAT_CPU] = 10, [CAT_MEMORY] = 4, [CAT_ENGINE] = 5
	};
	size_t k;

	for (k = 0; k < CAT_KIND_COUNT; k++) {
		const struct cat_kind_info *ki = cat_kind_info((enum cat_kind)k);
		size_t n, i, f, bad = 0, src = 0, date = 0, price = 0;
		char *rows = list((enum cat_kind)k, &n);

		test_ok(n >= min[k], "%zu %s (at least %zu)", n, ki->plural, min[k]);
		for (f = 0; f < ki->nfields; f++) {
			if (!strcmp(ki->fields[f].name, "source"))
				src = ki->fields[f].offset;
			if (!strcmp(ki->fields[f].name, "as_of"))
				date = ki->fields[f].offset;
			if (!strcmp(ki->fields[f].name, "price_usd"))
				price = ki->fields[f].offset;
		}
		for (i = 0; i < n; i++) {
			const char *row = rows + i * ki->row_size;
			const char *s = row + src, *d = row + date;

			if (strlen(s) < 8 || strlen(d) != 10 || d[4] != '-' || d[7] != '-')
				bad++;
			if (price) {
				double p;
				const struct cat_price *pr =
					(const void *)(row + price);

				memcpy(&p, row + price, sizeof(p));
				if (!isnan(p) && (!pr->price_kind[0] || !pr->price_source[0] ||
						  strlen(pr->price_as_of) != 10))
					bad++;
			}
		}
		test_int((int64_t)bad, 0, "every %s row has a source, a date and a dated price kind",
			 ki->table);
		free(rows);
	}
}

static void named_ids(void)
{
	static const char *const gpus[] = {
		"h100-sxm", "h100-pcie", "h100-nvl", "h200-sxm", "h200-nvl", "b200",
		"a100-sxm-80gb", "a100-pcie-40gb", "l40s", "l40", "l4", "a10", "a10g",
		"a30", "t4", "rtx-6000-ada", "rtx-a6000", "rtx-pro-6000-blackwell",
		"rtx-4090", "rtx-3090", "rtx-3060-12gb", "rtx-5090", "mi300x", "mi325x",
		"mi250x", "rx-7900-xtx", "gaudi2", "gaudi3", "jetson-agx-orin-64gb",
		"jetson-orin-nano-8gb", "apple-m2-ultra-76c-192gb", "apple-m4-max-40c-128gb"
	};
	static const char *const models[] = {
		"llama-3.1-8b", "llama-3.1-70b", "llama-3.2-1b", "qwen2.5-14b",
		"qwen2.5-32b", "glm-4-9b", "autoglm-phone-9b", "mixtral-8x7b",
		"deepseek-v3", "qwen3-30b-a3b", "qwen3-235b-a22b", "gpt-oss-20b"
	};
	struct err err = ERR_INIT;
	char id[CAT_ID_MAX];
	size_t i;

	for (i = 0; i < sizeof(gpus) / sizeof(gpus[0]); i++)
		test_int(cat_resolve(id, cat, CAT_GPU, gpus[i], &err), 0, "gpu %s present", gpus[i]);
	for (i = 0; i < sizeof(models) / sizeof(models[0]); i++)
		test_int(cat_resolve(id, cat, CAT_MODEL, models[i], &err), 0, "model %s present", models[i]);
	test_int(cat_resolve(id, cat, CAT_GPU, "NVIDIA H100 80GB HBM3", &err), 0, "nvidia-smi H100 name");
	test_str(id, "h100-sxm", "H100 alias");
}

static void gpu_physics(void)
{
	size_t n, i;
	struct cat_gpu *g = list(CAT_GPU, &n);

	for (i = 0; i < n; i++) {
		const struct cat_gpu *x = &g[i];
		double bw = x->memory_bandwidth_bytes_per_s;
		double mem = (double)x->memory_bytes;
		int ok = 1;

		/* Memory 4 GiB (edge) to 300 GiB, a Mac's unified memory to 512
		 * GiB; bandwidth 50 GB/s to 10 TB/s. */
		ok &= mem >= 4 * UNIT_GIB &&
		      mem <= (strcmp(x->form_factor, "soc") ? 300 : 512) * UNIT_GIB;
		/* A Mac has no PCIe link of its own; everything else has one. */
		ok &= (strcmp(x->form_factor, "soc") == 0) ==
		      (x->pcie_gen == CAT_NULL_INT && x->pcie_lanes == CAT_NULL_INT);
		ok &= bw >= 50e9 && bw <= 10e12;
		/* Power 10 W to 1.5 kW, idle below TDP. */
		ok &= x->tdp_w >= 10 && x->tdp_w <= 1500;
		ok &= isnan(x->idle_w) || x->idle_w < x->tdp_w;
		/* Tensor rates: 1 TFLOP/s to 20 PFLOP/s; lower precision is never
		 * slower (fp8 >= bf16, int4 >= int8, fp4 >= fp8). */
		ok &= isnan(x->bf16_dense_flops) ||
		      (x->bf16_dense_flops >= 1e12 && x->bf16_dense_flops <= 20e15);
		ok &= isnan(x->fp8_dense_flops) || isnan(x->bf16_dense_flops) ||
		      x->fp8_dense_flops >= x->bf16_dense_flops;
		ok &= isnan(x->int4_dense_ops) || isnan(x->int8_dense_ops) ||
		      x->int4_dense_ops >= x->int8_dense_ops;
		ok &= isnan(x->fp4_dense_flops) || isnan(x->fp8_dense_flops) ||
		      x->fp4_dense_flops >= x->fp8_dense_flops;
		/* Tensor units beat plain fp32 by more than 1x. */
		ok &= isnan(x->fp32_flops) || isnan(x->bf16_dense_flops) ||
		      x->bf16_dense_flops > x->fp32_flops;
		/* GeForce half-rate accumulate is half of the fp16 rate. */
		ok &= isnan(x->fp16_fp32acc_dense_flops) ||
		      fabs(2 * x->fp16_fp32acc_dense_flops - x->fp16_dense_flops) <
			      0.01 * x->fp16_dense_flops;
		/* A link needs a bandwidth, and SXM/OAM parts have no slot width
		 * (a card's may be unsourced: the planner takes it as three) */
		ok &= (strcmp(x->interconnect, "none") == 0) == isnan(x->interconnect_bytes_per_s);
		ok &= strcmp(x->form_factor, "pcie") == 0 || x->slot_width == CAT_NULL_INT;
		test_ok(ok, "gpu %s values are physically consistent", x->id);
	}
	free(g);
}

/*
 * Parameters from the architecture, counted by models/llm.c (embeddings,
 * attention including MLA, gated FFNs dense or per expert).  Worked
 * example, Llama 3.1 8B: 128256*4096*2 = 1.05e9 embeddings; per layer
 * 4096*4096*2 + 2*4096*1024 = 41.9e6 attention and 3*4096*14336 = 176.2e6
 * FFN; 32 layers -> 6.98e9; total 8.03e9.
 */
static double model_params(const struct cat_model *m)
{
	struct llm_spec spec;
	struct llm_parts parts;

	deploy_llm_spec(&spec, m);
	llm_parts(&parts, &spec);
	return parts.total;
}

static void model_consistency(void)
{
	size_t n, i;
	struct cat_model *m = list(CAT_MODEL, &n);

	for (i = 0; i < n; i++) {
		const struct cat_model *x = &m[i];

		test_rel(model_params(x), x->params_total, 0.05,
			 "model %s: parameters from config.json match the model card", x->id);
		test_ok(x->params_active <= x->params_total &&
			(x->moe_experts > 0) == (x->params_active < x->params_total),
			"model %s: active < total exactly for MoE", x->id);
		test_ok((x->kv_heads < x->heads) == (strcmp(x->attention, "mha") != 0 &&
						     strcmp(x->attention, "mla") != 0),
			"model %s: attention type agrees with kv heads", x->id);
		test_ok(x->sliding_layers == CAT_NULL_INT || x->sliding_layers <= x->layers,
			"model %s: sliding layers within layers", x->id);
	}
	free(m);
}

static void other_kinds(void)
{
	size_t n, i;
	struct cat_ssd *s = list(CAT_SSD, &n);
	struct cat_psu *p;
	struct cat_cpu *c;

	for (i = 0; i < n; i++) {
		/* SATA III tops out at 600 MB/s; PCIe gen g x4 at ~2^(g-3)*3.94 GB/s. */
		double cap = !strcmp(s[i].interface, "sata") ? 600e6 :
			3.94e9 * pow(2, (double)s[i].pcie_gen - 3);

		test_ok(s[i].seq_read_bytes_per_s <= cap && s[i].seq_write_bytes_per_s <= cap,
			"ssd %s within its interface (%.3g B/s)", s[i].id, cap);
	}
	free(s);
	p = list(CAT_PSU, &n);
	for (i = 0; i < n; i++)
		test_ok(p[i].rated_w >= 300 && p[i].rated_w <= 5000, "psu %s rating plausible", p[i].id);
	free(p);
	{
		struct cat_chassis *ch = list(CAT_CHASSIS, &n);
		double most = 0;

		/* the towers' ATX PSUs (no psu_w of their own): the host fact
		 * estimate sizes a desktop host by is the most any one mounts */
		for (i = 0; i < n; i++)
			if (isnan(ch[i].psu_w) && (double)ch[i].psu_bays > most)
				most = (double)ch[i].psu_bays;
		test_ok(most == host_default(HOST_TOWER_PSUS),
			"a tower mounts at most %g ATX PSUs, as host default tower-psus says (%g)",
			most, host_default(HOST_TOWER_PSUS));
		free(ch);
	}
	c = list(CAT_CPU, &n);
	for (i = 0; i < n; i++)
		test_ok(c[i].threads >= c[i].cores && c[i].base_hz <= c[i].boost_hz &&
			c[i].pcie_lanes >= 16, "cpu %s consistent", c[i].id);
	free(c);
}

/* Each segment's default host parts name rows that exist, of a part that
 * fits the segment: a server CPU and PSU for data-centre GPUs. */
static void default_parts(void)
{
	static const char *const segments[] = { "server", "desktop" };
	static const enum cat_kind kinds[] = { CAT_CPU, CAT_SSD, CAT_PSU };
	size_t i, k;

	for (i = 0; i < 2; i++)
		for (k = 0; k < 3; k++) {
			struct err err = ERR_INIT;
			char id[CAT_ID_MAX];
			union { struct cat_cpu cpu; struct cat_ssd ssd; struct cat_psu psu; } row;

			if (!test_ok(cat_default_part(id, cat, segments[i], kinds[k], &err) == 0,
				     "default %s of a %s host: %s", cat_kind_info(kinds[k])->table,
				     segments[i], err.msg[0] ? err.msg : id))
				continue;
			test_ok(cat_find(&row, cat, kinds[k], id, &err) == 0,
				"default %s '%s' is in the catalog", cat_kind_info(kinds[k])->table, id);
			if (kinds[k] == CAT_CPU)
				test_str(row.cpu.segment, segments[i], "default cpu %s is a %s part",
					 id, segments[i]);
		}
}

int main(void)
{
	cat = test_catalog();
	default_parts();
	counts_and_sources();
	named_ids();
	gpu_physics();
	model_consistency();
	other_kinds();
	cat_free(cat);
	return test_done();
}
