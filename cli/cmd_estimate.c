/*
 * cmd_estimate.c - `rigplan estimate`: one model on one deployment at one
 * workload point.  Parses the flags, lets bind/deploy build the inputs and
 * models/ compute, prints a report or JSON.  No model maths here.
 */
#include "cli/cmd.h"
#include "cli/deploy_opts.h"
#include "cli/out.h"
#include "models/offload.h"
#include "models/defaults.h"
#include "models/estimate.h"
#include "bind/deploy.h"
#include "bind/fit.h"
#include "util/err.h"
#include "util/json.h"
#include "util/xalloc.h"
#include "util/units.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

enum { O_BATCH = DO_LAST, O_INPUT, O_OUTPUT, O_CONTEXT, O_JSON, O_CSV };

/* Values a sweep takes of one option (--batch 1,2,4,8). */
#define SWEEP_MAX 64

struct sweep_list {
	size_t v[SWEEP_MAX];
	size_t n;
};

struct estimate_opts {
	struct deploy_request q;
	int json, csv;
	struct sweep_list batch, context;
};

/* Limits: sizes far past any real deployment, so typos fail loudly. */
#define MAX_BATCH 65536
#define MAX_TOKENS 10000000

/* "1,2,4": each value an integer in [lo, hi], at most SWEEP_MAX of them. */
static int opt_list(struct sweep_list *out, const char *name, const char *arg, size_t lo,
		    size_t hi, struct err *err)
{
	char buf[1024], *tok, *save = NULL;
	int r;

	out->n = 0;
	if (strlen(arg) >= sizeof(buf))
		return err_set(err, ERR_INVAL, "%s: too long a list", name);
	snprintf(buf, sizeof(buf), "%s", arg);
	if (!*buf || buf[strlen(buf) - 1] == ',' || *buf == ',' || strstr(buf, ",,"))
		return err_set(err, ERR_INVAL, "%s '%.40s': expected N or N,N,...", name, arg);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (out->n == SWEEP_MAX)
			return err_set(err, ERR_INVAL, "%s: at most %d values", name, SWEEP_MAX);
		if ((r = opt_size(&out->v[out->n++], name, tok, lo, hi, err)) < 0)
			return r;
	}
	return 0;
}

static int on_opt(int id, const char *arg, void *data, struct err *err)
{
	struct estimate_opts *o = data;
	struct deploy_request *q = &o->q;
	int r;

	if ((r = deploy_opt(q, id, arg, err)) <= 0)
		return r;
	switch (id) {
	case O_BATCH:
		if ((r = opt_list(&o->batch, "--batch", arg, 1, MAX_BATCH, err)) < 0)
			return r;
		q->work.batch = o->batch.v[0];
		return 0;
	case O_INPUT: return opt_size(&q->work.input_len, "--input-len", arg, 1, MAX_TOKENS, err);
	case O_OUTPUT: return opt_size(&q->work.output_len, "--output-len", arg, 1, MAX_TOKENS, err);
	case O_CONTEXT:
		if ((r = opt_list(&o->context, "--context", arg, 1, MAX_TOKENS, err)) < 0)
			return r;
		q->work.context = o->context.v[0];
		return 0;
	case O_JSON: o->json = 1; return 0;
	case O_CSV: o->csv = 1; return 0;
	}
	return err_set(err, ERR_INVAL, "unhandled option");
}

static const struct opt_spec estimate_opts[] = {
	DEPLOY_OPTS,
	{ "batch", 'b', required_argument, O_BATCH, "B[,B...]", "sequences in the batch (default 1); a list sweeps" },
	{ "input-len", 0, required_argument, O_INPUT, "S", "prompt tokens: prefill of B x S gives TTFT" },
	{ "output-len", 0, required_argument, O_OUTPUT, "N", "generated tokens per request" },
	{ "context", 0, required_argument, O_CONTEXT, "L[,L...]", "tokens cached per sequence: one decode step gives TPOT; a list sweeps" },
	{ "json", 0, no_argument, O_JSON, NULL, "print JSON (SI units)" },
	{ "csv", 0, no_argument, O_CSV, NULL, "a sweep as CSV (SI units), one row per point" },
	OPT_END
};

static json_t *band(const double b[2], double v)
{
	if (isnan(v))
		return json_null();
	return json_pack("[oo]", json_num(b[0]), json_num(b[1]));
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* memory.offload: what lives in host memory; null when nothing does. */
static json_t *offload_json(const struct deploy *d, const struct mem_result *m)
{
	const struct offload_spec *o = &d->dspec.off;

	if (!offload_any(o))
		return json_null();
	return json_pack("{s:o,s:o,s:b,s:I,s:b,s:o,s:b,s:o,s:o}",
		"host_bytes", json_num(m->host_bytes), "host_capacity_bytes", json_num(o->host_capacity),
		"host_fits", m->host_bytes <= o->host_capacity,
		"host_layers", (json_int_t)o->host_layers, "head_on_host", o->head_on_host,
		"gpu_layers", d->has_ngl ? json_integer((json_int_t)d->ngl) : json_null(),
		"kv_on_host", o->kv_host, "streamed_bytes_per_gpu", json_num(o->stream_bytes),
		"host_bytes_per_s", json_num(o->host_bw));
}

/* memory.reason and memory.to_fit: null when it fits. */
static void fit_json(json_t *mem, const struct fit_advice *a, int fits)
{
	json_t *to;

	if (fits) {
		json_object_set_new(mem, "reason", json_null());
		json_object_set_new(mem, "to_fit", json_null());
		return;
	}
	json_object_set_new(mem, "reason", json_string(a->reason));
	to = json_object();
	json_object_set_new(to, "gpus", a->tp ? json_integer((json_int_t)(a->tp * a->pp)) : json_null());
	json_object_set_new(to, "tp", a->tp ? json_integer((json_int_t)a->tp) : json_null());
	json_object_set_new(to, "pp", a->tp ? json_integer((json_int_t)a->pp) : json_null());
	json_object_set_new(to, "precision", str_or_null(a->precision));
	json_object_set_new(to, "kv_precision", str_or_null(a->kv_precision));
	json_object_set_new(mem, "to_fit", to);
}

/* What a desktop tower's peak needs from the outlet it plugs into (a
 * server's is the rack's PDU: null). */
static const char *circuit_name(const struct deploy *d, const struct est_result *r)
{
	const char *c;

	if (!d->in.psu_split)
		return NULL;
	c = host_circuit(r->peak_wall_w);
	return c ? c : "over one outlet";
}

static void circuit_json(json_t *power, const struct deploy *d, const struct est_result *r)
{
	const char *c = circuit_name(d, r);

	json_object_set_new(power, "peak_wall_w", json_num(r->peak_wall_w));
	json_object_set_new(power, "circuit", c ? json_string(c) : json_null());
	/* an edge module: its power mode and carrier, and no PSU at all */
	json_object_set_new(power, "power_mode_w", json_num(d->in.edge ? d->gpu.tdp_w : NAN));
	json_object_set_new(power, "carrier_w", json_num(d->in.edge ? d->in.carrier_w : NAN));
	if (d->in.edge) {
		json_object_set_new(power, "psu", json_null());
		json_object_set_new(power, "psu_shared_load", json_null());
	}
}

/* An edge module's one memory: how much there is, how much the OS keeps. */
static void unified_json(json_t *mem, const struct deploy *d)
{
	json_object_set_new(mem, "unified_bytes",
			    json_num(d->in.edge ? (double)d->gpu.memory_bytes : NAN));
	json_object_set_new(mem, "system_reserved_bytes",
			    json_num(d->in.edge ? d->in.storage.ram_reserved_bytes : NAN));
}

static json_t *to_json(const struct deploy *d, const struct est_result *r,
		       const struct fit_advice *a)
{
	const struct mem_result *m = &r->mem;
	json_t *o = json_object();

	json_object_set_new(o, "model", json_string(d->model.id));
	json_object_set_new(o, "gpu", json_string(d->gpu.id));
	json_object_set_new(o, "engine", json_string(d->engine.id));
	json_object_set_new(o, "precision", json_string(d->wf->name));
	json_object_set_new(o, "kv_precision", json_string(d->kf->name));
	if (d->compat.rule == COMPAT_CHECKPOINT)
		json_object_set_new(o, "checkpoint", json_null());
	else
		json_object_set_new(o, "checkpoint", json_pack("{s:s,s:s*,s:s*,s:b}",
			"repo", d->compat.ckpt.repo,
			"file", d->compat.ckpt.file[0] ? d->compat.ckpt.file : NULL,
			"ollama", d->compat.ckpt.ollama[0] ? d->compat.ckpt.ollama : NULL,
			"online", d->compat.online));
	json_object_set_new(o, "deployment", json_pack("{s:I,s:I,s:I,s:I,s:I}",
		"gpus", (json_int_t)d->in.model.n, "tp", (json_int_t)d->dspec.tp,
		"pp", (json_int_t)d->dspec.pp, "ep", (json_int_t)d->dspec.ep,
		"nodes", (json_int_t)r->nodes));
	json_object_set_new(o, "workload", json_pack("{s:I,s:I,s:I,s:I}",
		"batch", (json_int_t)d->in.work.batch, "context", (json_int_t)d->in.work.context,
		"input_len", (json_int_t)d->in.work.input_len,
		"output_len", (json_int_t)d->in.work.output_len));
	json_object_set_new(o, "memory", json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:b,s:o,s:o,s:o}",
		"weights_bytes", json_num(m->weights_bytes), "kv_cache_bytes", json_num(m->kv_cache_bytes),
		"activation_bytes", json_num(m->activation_bytes), "overhead_bytes", json_num(m->overhead_bytes),
		"total_per_gpu_bytes", json_num(m->total_per_gpu_bytes),
		"gpu_capacity_bytes", json_num(m->capacity_bytes), "fits", m->fits,
		"max_batch", json_num(m->max_batch), "max_context", json_num(m->max_context),
		"kv_per_sequence_bytes", json_num(m->kv_per_seq_bytes)));
	fit_json(json_object_get(o, "memory"), a, m->fits);
	json_object_set_new(json_object_get(o, "memory"), "offload", offload_json(d, m));
	unified_json(json_object_get(o, "memory"), d);
	json_object_set_new(o, "latency", json_pack("{s:o,s:o,s:s,s:o}",
		"ttft_s", json_num(r->ttft_s), "tpot_s", json_num(r->tpot_s),
		"bound", perf_bound_name(r->bound), "vision_s", json_num(r->vision_s)));
	json_object_set_new(json_object_get(o, "workload"), "images",
			    json_integer((json_int_t)d->in.work.images));
	json_object_set_new(json_object_get(o, "workload"), "image_tokens",
			    json_num(d->in.work.images ? r->image_tokens : 0));
	json_object_set_new(o, "throughput", json_pack("{s:o,s:o}",
		"decode_tokens_per_s", json_num(r->decode_tokens_per_s),
		"prefill_tokens_per_s", json_num(r->prefill_tokens_per_s)));
	json_object_set_new(o, "power", json_pack("{s:o,s:o,s:b,s:o,s:o,s:o,s:I,s:s,s:s,s:b,s:o}",
		"gpu_w", json_num(r->gpu.w), "prefill_gpu_w", json_num(r->has_prefill ? r->prefill_gpu_w : NAN),
		"throttled", r->gpu.throttled, "system_w", json_num(r->system_w),
		"node_dc_w", json_num(r->node_dc_w), "psu_efficiency", json_num(r->psu_eff),
		"psu_units", (json_int_t)r->psu_units, "psu", d->psu.id,
		"psu_redundancy", psu_redundancy_name(d->in.psu_redundancy),
		"psu_shared_load", !d->in.psu_split,
		"psu_peak_w", json_num(r->psu_peak_w)));
	circuit_json(json_object_get(o, "power"), d, r);
	json_object_set_new(o, "thermal", json_pack("{s:o,s:o,s:o,s:o,s:o}",
		"heat_btu_per_h", json_num(r->heat_btu_per_h), "airflow_cfm", json_num(r->airflow_cfm),
		"gpu_temp_c", json_num(r->temp.temp_c), "gpu_steady_temp_c", json_num(r->temp.steady_c),
		"throttle_after_s", json_num(r->temp.throttle_at_s)));
	json_object_set_new(o, "load", json_pack("{s:o,s:o,s:b,s:o,s:o,s:s,s:o}",
		"cold_s", json_num(r->load.cold_s), "warm_s", json_num(r->load.warm_s),
		"page_cache_fits", r->load.cache_fits, "swap_bytes", json_num(r->load.swap_bytes),
		"kv_restore_s", json_num(r->kv_restore_s), "ssd", d->ssd.id,
		/* the loader's own ceiling (a Mac's mmap'd llama.cpp load) */
		"read_max_bytes_per_s", json_num(d->in.storage.load_read_max > 0 &&
						 isfinite(d->in.storage.load_read_max) ?
						 d->in.storage.load_read_max : NAN)));
	json_object_set_new(o, "cost", json_pack("{s:o,s:o,s:o,s:o,s:o}",
		"capex_usd", json_num(d->capex_usd), "usd_per_hour", json_num(r->cost.usd_per_h),
		"usd_per_million_tokens", json_num(r->cost.usd_per_million_tokens),
		"energy_usd_per_million_tokens", json_num(r->cost.energy_usd_per_million_tokens),
		"tokens_per_joule", json_num(r->cost.tokens_per_joule)));
	json_object_set_new(o, "uncertainty", json_pack("{s:o,s:o}",
		"tpot_s", band(r->tpot_band, r->tpot_s), "ttft_s", band(r->ttft_band, r->ttft_s)));
	json_object_set_new(o, "efficiency_source", json_string(d->eff.id));
	return o;
}


static void report_fit(FILE *f, const struct fit_advice *a, int edge)
{
	const char *sep = "";

	fprintf(f, "  why                   %s\n", a->reason);
	fprintf(f, "  to fit                ");
	if (a->tp) {
		fprintf(f, "--gpus %zu (tp %zu, pp %zu)", a->tp * a->pp, a->tp, a->pp);
		sep = ", or ";
	}
	if (a->precision) {
		fprintf(f, "%s--precision %s", sep, a->precision);
		sep = ", or ";
	}
	if (a->kv_precision) {
		fprintf(f, "%s--kv-precision %s", sep, a->kv_precision);
		sep = ", or ";
	}
	if (!*sep && edge)
		fprintf(f, "no smaller format: a system with more memory (whole systems do not "
			"split a model)");
	else if (!*sep)
		fprintf(f, "no change up to %d GPUs or to a smaller format: a larger GPU",
			FIT_MAX_GPUS);
	fprintf(f, "\n");
}

/* Where the weights come from: the checkpoint the engine loads, the
 * model's own one it quantizes as it loads, or none published. */
static void report_checkpoint(FILE *f, const struct deploy *d)
{
	const struct cat_checkpoint *c = &d->compat.ckpt;

	if (d->compat.rule == COMPAT_CHECKPOINT)
		fprintf(f, "weights from  no published %s checkpoint in the catalog: quantize %s "
			"yourself\n", d->wf->name,
			d->model.hf_repo[0] ? d->model.hf_repo : d->model.name);
	else if (!c->repo[0])
		fprintf(f, "weights from  your own files (%s names no repository to fetch them "
			"from)\n", d->model.id);
	else if (d->compat.online)
		fprintf(f, "weights from  %s, quantized to %s by %s as it loads\n", c->repo,
			d->wf->name, d->engine.family);
	else
		fprintf(f, "weights from  %s%s%s\n", c->repo, c->file[0] ? " " : "", c->file);
}

/* What lives in host memory, and whether the RAM holds it. */
static void report_offload(FILE *f, struct out_nums *n, const struct deploy *d,
			   const struct mem_result *m)
{
	const struct offload_spec *o = &d->dspec.off;

	if (!offload_any(o))
		return;
	fprintf(f, "  in host memory        %8s GiB of %s GiB of RAM free: %s\n",
		out_fixed(n, m->host_bytes / UNIT_GIB, 2), out_fixed(n, o->host_capacity / UNIT_GIB, 2),
		m->host_bytes <= o->host_capacity ? "fits" : "DOES NOT FIT (more --ram)");
	if (o->host_layers || o->head_on_host)
		fprintf(f, "    on the CPU          %8zu of %zu layers%s (-ngl %zu)\n", o->host_layers,
			d->llm.layers, o->head_on_host ? " and the output head" : "", d->ngl);
	if (o->kv_host)
		fprintf(f, "    KV cache            %8s  every layer's, attention on the CPU\n", "");
	if (o->stream_bytes > 0)
		fprintf(f, "    streamed per GPU    %8s GiB read over PCIe every step\n",
			out_fixed(n, o->stream_bytes / UNIT_GIB, 2));
}

static void report(FILE *f, const struct deploy *d, const struct est_result *r,
		   const struct fit_advice *a)
{
	const struct mem_result *m = &r->mem;
	struct out_nums nb = { .next = 0 };
	struct out_nums *n = &nb;

	fprintf(f, "%s on %zu x %s (tp %zu, pp %zu", d->model.id, d->in.model.n, d->gpu.id,
		d->dspec.tp, d->dspec.pp);
	if (d->dspec.ep > 1)
		fprintf(f, ", ep %zu with data-parallel attention", d->dspec.ep);
	fprintf(f, "), %s weights, %s KV cache, %s\n", d->wf->name, d->kf->name, d->engine.id);
	report_checkpoint(f, d);
	fprintf(f, "\n%s%8s GiB of %s GiB: %s\n",
		bind_gpu_cpu(&d->gpu) ? "memory in RAM           " : "memory per GPU          ",
		out_fixed(n, m->total_per_gpu_bytes / UNIT_GIB, 2), out_fixed(n, m->capacity_bytes / UNIT_GIB, 2),
		m->total_per_gpu_bytes <= m->capacity_bytes ? "fits" : "DOES NOT FIT");
	if (d->in.edge && bind_gpu_mac(&d->gpu))
		fprintf(f, "  unified memory        %8s GiB, of which macOS lets the GPU wire %s "
			"(sysctl iogpu.wired_limit_mb raises it)\n",
			out_fixed(n, (double)d->gpu.memory_bytes / UNIT_GIB, 2),
			out_fixed(n, ((double)d->gpu.memory_bytes - d->in.storage.ram_reserved_bytes) /
				  UNIT_GIB, 2));
	else if (d->in.edge && bind_gpu_cpu(&d->gpu))
		fprintf(f, "  RAM                   %8s GiB in %s DIMMs on %lld channels, of which the "
			"OS keeps %s\n", out_fixed(n, (double)d->gpu.memory_bytes / UNIT_GIB, 2),
			out_fixed(n, bind_cpu_dimms(&d->gpu), 0),
			(long long)d->cpu.memory_channels,
			out_fixed(n, d->in.storage.ram_reserved_bytes / UNIT_GIB, 2));
	else if (d->in.edge)
		fprintf(f, "  unified memory        %8s GiB, of which the OS and CPU keep %s\n",
			out_fixed(n, (double)d->gpu.memory_bytes / UNIT_GIB, 2),
			out_fixed(n, d->in.storage.ram_reserved_bytes / UNIT_GIB, 2));
	if (m->total_per_gpu_bytes > m->capacity_bytes)
		report_fit(f, a, d->in.edge);
	fprintf(f, "  weights               %8s GiB\n", out_fixed(n, m->weights_bytes / UNIT_GIB, 2));
	fprintf(f, "  KV cache              %8s GiB (%s MiB per sequence)\n",
		out_fixed(n, m->kv_cache_bytes / UNIT_GIB, 2), out_fixed(n, m->kv_per_seq_bytes / 1048576.0, 1));
	fprintf(f, "  activations           %8s GiB\n", out_fixed(n, m->activation_bytes / UNIT_GIB, 2));
	fprintf(f, "  runtime overhead      %8s GiB\n", out_fixed(n, m->overhead_bytes / UNIT_GIB, 2));
	report_offload(f, n, d, m);
	fprintf(f, "  largest batch         %8s sequences at this context\n",
		out_fixed(n, m->max_batch, 0));
	fprintf(f, "  longest context       %8s tokens at this batch\n", out_fixed(n, m->max_context, 0));
	fprintf(f, "\nlatency (%s-bound)\n", perf_bound_name(r->bound));
	if (r->has_prefill)
		fprintf(f, "  TTFT                  %8s ms  [%s, %s]  %s prefill tok/s\n",
			out_fixed(n, r->ttft_s * 1e3, 2), out_fixed(n, r->ttft_band[0] * 1e3, 2),
			out_fixed(n, r->ttft_band[1] * 1e3, 2), out_fixed(n, r->prefill_tokens_per_s, 0));
	if (d->in.work.images && r->image_tokens > 0)
		fprintf(f, "  images                %8zu per request of %.0f x %.0f: %s tokens each, "
			"the vision tower %s ms of the TTFT\n", d->in.work.images, d->in.work.image_w,
			d->in.work.image_h, out_fixed(n, r->image_tokens, 0),
			out_fixed(n, r->vision_s * 1e3, 2));
	if (r->has_decode)
		fprintf(f, "  TPOT                  %8s ms  [%s, %s]  %s decode tok/s\n",
			out_fixed(n, r->tpot_s * 1e3, 2), out_fixed(n, r->tpot_band[0] * 1e3, 2),
			out_fixed(n, r->tpot_band[1] * 1e3, 2), out_fixed(n, r->decode_tokens_per_s, 0));
	fprintf(f, "\npower\n  per %s               %8s W%s\n", bind_gpu_cpu(&d->gpu) ? "CPU" : "GPU",
		out_fixed(n, r->gpu.w, 0),
		r->gpu.throttled ? " (clocks held down by the power cap)" : "");
	if (d->in.edge && bind_gpu_soc(&d->gpu))
		fprintf(f, "  system at the wall    %8s W  (the whole %s, whose maximum is %s W)\n",
			out_fixed(n, r->system_w, 0), bind_gpu_mac(&d->gpu) ? "Mac" : "computer",
			out_fixed(n, d->gpu.tdp_w, 0));
	else if (d->in.edge && bind_gpu_cpu(&d->gpu))
		fprintf(f, "  system at the wall    %8s W  (the CPU, whose TDP is %s W, and its DIMMs; "
			"PSU losses not counted)\n", out_fixed(n, r->system_w, 0),
			out_fixed(n, d->gpu.tdp_w, 0));
	else if (d->in.edge)
		fprintf(f, "  system at the wall    %8s W  (the module in its %s W power mode, and "
			"its carrier board; no PSU)\n", out_fixed(n, r->system_w, 0),
			out_fixed(n, d->gpu.tdp_w, 0));
	else
	fprintf(f, "  system at the wall    %8s W  (%zu node%s, %zu x %s %s%s, %s%s redundancy,"
		" %s%% efficient)\n", out_fixed(n, r->system_w, 0), r->nodes, r->nodes == 1 ? "" : "s",
		r->psu_units, d->psu.id, r->psu_units > 1 ? "PSUs" : "PSU",
		r->psu_units > 1 && d->in.psu_split ? " each feeding its own devices" : "",
		d->in.psu_redundancy == PSU_NONE ? "no" : "",
		d->in.psu_redundancy == PSU_NONE ? "" : psu_redundancy_name(d->in.psu_redundancy),
		out_fixed(n, r->psu_eff * 100, 1));
	if (circuit_name(d, r) && host_circuit(r->peak_wall_w))
		fprintf(f, "  peak at the wall      %8s W  on a %s circuit or larger\n",
			out_fixed(n, r->peak_wall_w, 0), circuit_name(d, r));
	else if (circuit_name(d, r))
		fprintf(f, "  peak at the wall      %8s W  over one outlet: the largest household "
			"circuit carries %s W\n", out_fixed(n, r->peak_wall_w, 0),
			out_fixed(n, host_circuit_max_w(), 0));
	fprintf(f, "  heat                  %8s BTU/h, %s CFM of air for a %s K rise\n",
		out_fixed(n, r->heat_btu_per_h, 0), out_fixed(n, r->airflow_cfm, 0),
		out_fixed(n, d->in.delta_t_c, 0));
	/* a Mac's cooling is its own, a CPU's its cooler's: no thermal row
	 * was measured for either */
	if (!bind_gpu_unified(&d->gpu))
		fprintf(f, "  GPU temperature       %8s C after %s s%s\n",
			out_fixed(n, r->temp.temp_c, 1), out_fixed(n, d->in.thermal_s, 0),
			isnan(r->temp.throttle_at_s) ? "" : " (at its slowdown limit)");
	if (d->in.storage.load_read_max > 0 &&
	    d->in.storage.load_read_max < d->ssd.seq_read_bytes_per_s)
		fprintf(f, "\nload (llama.cpp maps the file: macOS pages it in at %s GB/s, under the "
			"SSD's %s)\n  cold                  %8s s\n  warm                  %8s s%s\n",
			out_fixed(n, d->in.storage.load_read_max / 1e9, 2),
			out_fixed(n, d->ssd.seq_read_bytes_per_s / 1e9, 1),
			out_fixed(n, r->load.cold_s, 1), out_fixed(n, r->load.warm_s, 1),
			r->load.cache_fits ? "" : " (RAM too small for the page cache)");
	else
	fprintf(f, "\nload (%s%s)\n  cold                  %8s s\n  warm                  %8s s%s\n",
		bind_gpu_mac(&d->gpu) ? "the Mac's own SSD, read at the rate of " :
		bind_gpu_soc(&d->gpu) ? "the computer's own SSD, read at the rate of " : "", d->ssd.id,
		out_fixed(n, r->load.cold_s, 1), out_fixed(n, r->load.warm_s, 1),
		r->load.cache_fits ? "" : " (RAM too small for the page cache)");
	/* one sequence's whole cache, all its GPUs' shares, back from the
	 * drive (a KV offload or a restored session) */
	fprintf(f, "  KV restore            %8s s for one sequence's %s GiB cache\n",
		out_fixed(n, r->kv_restore_s, 2),
		out_fixed(n, r->mem.kv_per_seq_bytes * (double)(d->dspec.tp * d->dspec.pp) / UNIT_GIB, 2));
	fprintf(f, "\ncost\n");
	if (isfinite(r->cost.usd_per_million_tokens))
		fprintf(f, "  per million tokens    %8s USD\n",
			out_fixed(n, r->cost.usd_per_million_tokens, 4));
	else
		fprintf(f, "  per million tokens         -     (no price: give --gpu-price or --rent)\n");
	fprintf(f, "  energy per M tokens   %8s USD\n  tokens per joule      %8s\n",
		out_fixed(n, r->cost.energy_usd_per_million_tokens, 4),
		out_fixed(n, r->cost.tokens_per_joule, 3));
}

/* One point of a sweep, as the table, CSV and JSON show it. */
struct sweep_point {
	char gpu[CAT_ID_MAX], ssd[CAT_ID_MAX];
	size_t batch, context;
	double kv_gib;              /* one sequence's cache, all its GPUs */
	struct est_result r;
	json_t *json;
};

static void sweep_print(const struct sweep_point *p, size_t n, const struct estimate_opts *o)
{
	size_t i, c, nc = 12;
	char **cells;
	static const int right[12] = { 0, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1 };

	if (o->json) {
		json_t *a = json_array();

		for (i = 0; i < n; i++)
			json_array_append(a, p[i].json);
		out_json_print(stdout, a);
		json_decref(a);
		return;
	}
	if (o->csv) {
		printf("gpu,ssd,batch,context,memory_per_gpu_bytes,fits,max_batch,ttft_s,tpot_s,"
		       "decode_tokens_per_s,system_w,kv_restore_s\r\n");
		for (i = 0; i < n; i++) {
			char ttft[32] = "";

			/* no prompt at this point (--context alone): no TTFT */
			if (!isnan(p[i].r.ttft_s))
				snprintf(ttft, sizeof(ttft), "%.6g", p[i].r.ttft_s);
			printf("%s,%s,%zu,%zu,%.0f,%s,%.0f,%s,%.6g,%.6g,%.6g,%.6g\r\n", p[i].gpu,
			       p[i].ssd, p[i].batch, p[i].context, p[i].r.mem.total_per_gpu_bytes,
			       p[i].r.mem.fits ? "true" : "false", p[i].r.mem.max_batch, ttft,
			       p[i].r.tpot_s, p[i].r.decode_tokens_per_s, p[i].r.system_w,
			       p[i].r.kv_restore_s);
		}
		return;
	}
	cells = xcalloc((n + 1) * nc, sizeof(*cells));
	{
		static const char *const head[12] = {
			"gpu", "ssd", "batch", "context", "memory/GPU", "fits", "max batch", "TTFT",
			"TPOT", "decode tok/s", "wall W", "KV restore"
		};

		for (c = 0; c < nc; c++)
			cells[c] = xstrdup(head[c]);
	}
	for (i = 0; i < n; i++) {
		char **row = cells + (i + 1) * nc, buf[64];
		const struct est_result *r = &p[i].r;

		row[0] = xstrdup(p[i].gpu);
		row[1] = xstrdup(p[i].ssd);
		snprintf(buf, sizeof(buf), "%zu", p[i].batch);
		row[2] = xstrdup(buf);
		snprintf(buf, sizeof(buf), "%zu", p[i].context);
		row[3] = xstrdup(buf);
		snprintf(buf, sizeof(buf), "%.2f GiB", r->mem.total_per_gpu_bytes / UNIT_GIB);
		row[4] = xstrdup(buf);
		row[5] = xstrdup(r->mem.fits ? "yes" : "no");
		snprintf(buf, sizeof(buf), "%.0f", r->mem.max_batch);
		row[6] = xstrdup(buf);
		if (isnan(r->ttft_s))
			snprintf(buf, sizeof(buf), "-");
		else
			snprintf(buf, sizeof(buf), "%.1f ms", r->ttft_s * 1e3);
		row[7] = xstrdup(buf);
		snprintf(buf, sizeof(buf), "%.2f ms", r->tpot_s * 1e3);
		row[8] = xstrdup(buf);
		snprintf(buf, sizeof(buf), "%.0f", r->decode_tokens_per_s);
		row[9] = xstrdup(buf);
		snprintf(buf, sizeof(buf), "%.0f", r->system_w);
		row[10] = xstrdup(buf);
		snprintf(buf, sizeof(buf), "%.2f s (%.1f GiB)", r->kv_restore_s, p[i].kv_gib);
		row[11] = xstrdup(buf);
	}
	out_table(stdout, cells, n + 1, nc, right);
	for (i = 0; i < (n + 1) * nc; i++)
		free(cells[i]);
	free(cells);
}

/* Split a comma list of names into words (in buf); how many, at most max. */
static size_t split_names(char **words, size_t max, char *buf, size_t size, const char *list)
{
	char *tok, *save = NULL;
	size_t n = 0;

	snprintf(buf, size, "%s", list);
	for (tok = strtok_r(buf, ",", &save); tok && n < max; tok = strtok_r(NULL, ",", &save))
		words[n++] = tok;
	return n;
}

/*
 * A sweep (the seed's tables): every GPU x drive x batch x context, each
 * resolved and estimated as a single point would be, then one row per
 * point.
 */
static int sweep(struct estimate_opts *o, struct cat *cat, struct bind_names *names,
		 struct cli_ctx *ctx)
{
	const struct sweep_list one_b = { { o->q.work.batch ? o->q.work.batch : 1 }, 1 };
	const struct sweep_list one_c = { { o->q.work.context }, 1 };
	const struct sweep_list *bl = o->batch.n ? &o->batch : &one_b;
	const struct sweep_list *cl = o->context.n ? &o->context : &one_c;
	char gbuf[1024], sbuf_[1024], *gpus[SWEEP_MAX], *ssds[SWEEP_MAX] = { NULL };
	size_t ng = split_names(gpus, SWEEP_MAX, gbuf, sizeof(gbuf), o->q.gpu);
	size_t ns = o->q.ssd ? split_names(ssds, SWEEP_MAX, sbuf_, sizeof(sbuf_), o->q.ssd) : 1;
	struct sweep_point *pts;
	struct bind_rows *rows = xcalloc(1, sizeof(*rows));
	struct deploy *d = xcalloc(1, sizeof(*d));
	struct err err = ERR_INIT;
	size_t n = 0, g, k, b, c, i;
	int status = EXIT_OK;

	pts = xcalloc(ng * ns * bl->n * cl->n + 1, sizeof(*pts));
	o->q.ssd = NULL;    /* each point names its own drive */
	for (g = 0; g < ng; g++)
		for (k = 0; k < ns; k++) {
			names->gpu = gpus[g];
			names->ssd = ssds[k];
			if (cat_snapshot_begin(cat, &err) < 0 ||
			    bind_resolve(rows, cat, names, &err) < 0) {
				cat_snapshot_end(cat);
				status = cli_fail(ctx, &err);
				goto out;
			}
			cat_snapshot_end(cat);
			for (b = 0; b < bl->n; b++)
				for (c = 0; c < cl->n; c++) {
					struct sweep_point *p = &pts[n];
					struct fit_advice advice;

					o->q.work.batch = bl->v[b];
					o->q.work.context = cl->v[c];
					if (deploy_layout(d, &rows->m, &rows->e, &rows->g, &o->q, &err) < 0 ||
					    est_run(&p->r, &d->in, &err) < 0) {
						err_prefix(&err, "%s, batch %zu, context %zu", gpus[g],
							   bl->v[b], cl->v[c]);
						status = cli_fail(ctx, &err);
						goto out;
					}
					snprintf(p->gpu, sizeof(p->gpu), "%s", d->gpu.id);
					snprintf(p->ssd, sizeof(p->ssd), "%s", d->ssd.id);
					p->batch = bl->v[b];
					p->kv_gib = p->r.mem.kv_per_seq_bytes *
						    (double)(d->dspec.tp * d->dspec.pp) / UNIT_GIB;
					/* a prompt point's decode runs at the mean context S + N/2 */
					p->context = cl->v[c] ? cl->v[c] :
						     o->q.work.input_len + o->q.work.output_len / 2;
					if (o->json) {
						fit_advise(&advice, rows, &o->q, d, &p->r.mem);
						p->json = to_json(d, &p->r, &advice);
					}
					n++;
				}
		}
	sweep_print(pts, n, o);
out:
	for (i = 0; i < n; i++)
		json_decref(pts[i].json);
	free(pts);
	free(rows);
	free(d);
	return status;
}

static int exec_estimate(int argc, char **argv, struct cli_ctx *ctx)
{
	struct estimate_opts o = { DEPLOY_REQUEST_INIT, 0, 0, { { 0 }, 0 }, { { 0 }, 0 } };
	struct err err = ERR_INIT;
	struct cat *cat = NULL;
	struct bind_names names;
	struct bind_rows *rows = NULL;
	struct deploy *d = NULL;
	struct est_result r;
	struct fit_advice advice;
	int first, rc, status = EXIT_OK;

	if ((first = cli_parse(argc, argv, ctx, on_opt, &o, &status)) < 0)
		return status;
	if (first < argc)
		return cli_usage(ctx, "unexpected operand '%s'", argv[first]);
	if (!o.q.model || !o.q.gpu)
		return cli_usage(ctx, "--model and --gpu are required");
	if (o.q.work.context == 0 && o.q.work.input_len == 0) {
		/* neither point named: a 512-token prompt and 256 tokens out */
		o.q.work.input_len = 512;
		o.q.work.output_len = o.q.work.output_len ? o.q.work.output_len : 256;
	}
	names.model = o.q.model;
	names.gpu = o.q.gpu;
	names.engine = o.q.engine;
	names.cpu = o.q.cpu;
	names.ssd = o.q.ssd;
	if (o.json && o.csv)
		return cli_usage(ctx, "--json and --csv: choose one");
	if (o.batch.n > 1 || o.context.n > 1 || strchr(o.q.gpu, ',') ||
	    (o.q.ssd && strchr(o.q.ssd, ','))) {
		if (cli_open_catalog(&cat, ctx, 0, &status) < 0)
			return status;
		status = sweep(&o, cat, &names, ctx);
		cat_free(cat);
		return status;
	}
	if (o.csv)
		return cli_usage(ctx, "--csv prints a sweep: give a list to --batch, --context, --gpu "
				 "or --ssd");
	if (cli_open_catalog(&cat, ctx, 0, &status) < 0)
		return status;
	d = xcalloc(1, sizeof(*d));   /* large */
	rows = xcalloc(1, sizeof(*rows));
	/* one read snapshot: the files are locked once, not per query */
	if (cat_snapshot_begin(cat, &err) < 0) {
		status = cli_fail(ctx, &err);
		goto out;
	}
	rc = bind_resolve(rows, cat, &names, &err);
	cat_snapshot_end(cat);
	if (rc < 0 || deploy_layout(d, &rows->m, &rows->e, &rows->g, &o.q, &err) < 0 ||
	    est_run(&r, &d->in, &err) < 0) {
		status = cli_fail(ctx, &err);
		goto out;
	}
	fit_advise(&advice, rows, &o.q, d, &r.mem);
	if (o.json) {
		json_t *j = to_json(d, &r, &advice);

		out_json_print(stdout, j);
		json_decref(j);
	} else {
		report(stdout, d, &r, &advice);
	}
out:
	free(d);
	free(rows);
	cat_free(cat);
	return status;
}

const struct cmd_entry cmd_estimate_entry = {
	"estimate", "Memory, latency, power, load time and cost of one deployment",
	NULL,
	"--batch B --context L: one decode step of B sequences holding L tokens\n"
	"each (TPOT).  --batch B --input-len S: the prefill of B prompts of S\n"
	"tokens (TTFT); with --output-len N as well, TPOT at the mean context\n"
	"S + N/2.  Without either: a 512-token prompt, 256 tokens out.  Lists\n"
	"(--batch 1,2,4,8 --context 2048,8192 --gpu a,b) sweep every combination,\n"
	"one row per point (--csv, --json: an array of estimates).  A\n"
	"deployment that does not fit is reported (memory.fits false), not an\n"
	"error.  Bands are the model's error against measurements in that\n"
	"regime.",
	estimate_opts, exec_estimate, NULL
};
