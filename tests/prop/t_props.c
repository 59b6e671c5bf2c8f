/*
 * t_props.c - properties the model must keep whatever its parameters:
 * over a grid of models (dense, GQA, MHA, sliding window, MoE, MLA),
 * GPUs, formats, batches and contexts, with tensor or expert parallelism,
 *  - more memory bandwidth never slows a step;
 *  - more GPUs (tensor parallel) never grow the memory each GPU holds, and
 *    never shrink the largest batch that fits;
 *  - a batch-1 decode of a dense model is never faster than reading its
 *    weights once at the datasheet bandwidth;
 *  - step times grow with batch and context, prefill with prompt length;
 *  - units do not matter: rates times k and fixed times over k give times
 *    over k, exactly (the model is dimensionally homogeneous);
 *  - busy fractions lie in [0, 1], power between idle and the limit;
 *  - a lower power cap never speeds a decode step, one under the memory's
 *    draw slows it, and a cap at or above the TDP leaves it exactly as
 *    without one;
 *  - capex, the host's memory and NICs and the peak the PSUs carry follow
 *    the GPU count, whatever the layout spreads them over (tensor,
 *    pipeline or expert parallel).
 * Each failure prints the point, so a counterexample is reproducible.
 */
#include "tests/testlib.h"
#include "tests/testcat.h"
#include "catalog/cat.h"
#include "models/estimate.h"
#include "models/power.h"
#include "bind/deploy.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct cat *cat;

static const struct { const char *model, *fmt; size_t tp, ep; } models[] = {
	{ "llama-3.1-8b", "bf16", 1, 1 },
	{ "llama-2-7b", "fp16", 1, 1 },          /* MHA */
	{ "gemma-2-9b", "bf16", 1, 1 },          /* sliding-window layers */
	{ "llama-3.1-70b", "fp8", 2, 1 },
	{ "mixtral-8x7b", "bf16", 2, 1 },        /* MoE */
	{ "qwen3-30b-a3b", "bf16", 1, 1 },       /* fine-grained MoE */
	{ "deepseek-v3", "fp8", 8, 1 },          /* MLA + MoE */
	{ "deepseek-v3", "fp8", 1, 8 },          /* expert parallel, DP attention */
	{ "qwen3-30b-a3b", "bf16", 1, 4 },
};
static const char *gpus[] = { "h100-sxm", "h200-sxm", "a100-sxm-80gb", "l40s", "rtx-4090" };
static const double batches[] = { 1, 4, 32, 256 };
static const double lens[] = { 128, 2048, 32768 };

#define N_ARR(a) (sizeof(a) / sizeof((a)[0]))

static int build(struct deploy *d, const char *model, const char *fmt, const char *gpu,
		 size_t tp, size_t ep)
{
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct err err = ERR_INIT;

	q.model = model;
	q.gpu = gpu;
	q.precision = fmt;
	q.tp = tp;
	q.ep = ep;
	q.work.batch = 1;
	q.work.context = 128;
	return deploy_build(d, cat, &q, &err);
}

static int reinit(struct deploy *d)
{
	struct err err = ERR_INIT;

	return est_model_init(&d->in.model, &d->llm, d->wf, d->kf, &d->gspec, &d->dspec, &err);
}

/* Counts failures per property; one TAP line per property, with the first
 * counterexample. */
struct prop {
	const char *name;
	size_t checked, failed;
	char first[256];
};

static void check(struct prop *p, int ok, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void check(struct prop *p, int ok, const char *fmt, ...)
{
	va_list ap;

	p->checked++;
	if (ok)
		return;
	if (p->failed++ == 0) {
		va_start(ap, fmt);
		vsnprintf(p->first, sizeof(p->first), fmt, ap);
		va_end(ap);
	}
}

static void report(const struct prop *p)
{
	test_ok(p->checked > 0 && p->failed == 0, "%s: %zu points%s%s", p->name, p->checked,
		p->failed ? ", first counterexample: " : "", p->failed ? p->first : "");
}

static struct prop p_bw = { "more bandwidth never slows a step", 0, 0, "" };
static struct prop p_tp_mem = { "more GPUs never grow memory per GPU", 0, 0, "" };
static struct prop p_tp_batch = { "more GPUs never shrink the largest batch", 0, 0, "" };
static struct prop p_floor = { "batch-1 dense decode >= weights / datasheet bandwidth", 0, 0, "" };
static struct prop p_mono = { "step time grows with batch, context and prompt", 0, 0, "" };
static struct prop p_units = { "rates x k, fixed times / k: times / k", 0, 0, "" };
static struct prop p_util = { "busy fractions in [0, 1], power in [idle, limit]", 0, 0, "" };
static struct prop p_layout = { "capex, host RAM, NICs and peak power follow the GPU count, not the layout",
				0, 0, "" };

static void bandwidth(struct deploy *d, const char *id)
{
	size_t i, j;
	double bw = d->gspec.bw_bytes_per_s;

	for (i = 0; i < N_ARR(batches); i++)
		for (j = 0; j < N_ARR(lens); j++) {
			struct perf_result a, b, pa, pb;

			d->gspec.bw_bytes_per_s = bw;
			reinit(d);
			perf_decode(&a, &d->in.model, batches[i], lens[j]);
			perf_prefill(&pa, &d->in.model, 1, lens[j]);
			d->gspec.bw_bytes_per_s = bw * 1.5;
			reinit(d);
			perf_decode(&b, &d->in.model, batches[i], lens[j]);
			perf_prefill(&pb, &d->in.model, 1, lens[j]);
			check(&p_bw, b.time_s <= a.time_s * (1 + 1e-12) &&
			      pb.time_s <= pa.time_s * (1 + 1e-12),
			      "%s B=%g L=%g: %.6g s -> %.6g s", id, batches[i], lens[j],
			      a.time_s, b.time_s);
		}
	d->gspec.bw_bytes_per_s = bw;
	reinit(d);
}

static void floor_and_monotone(struct deploy *d, const char *id)
{
	size_t i, j;
	struct perf_result p, q;
	struct mem_result m;

	if (!d->llm.moe_experts) {
		mem_at(&m, &d->in.model, 1, 128, 0);
		perf_decode(&p, &d->in.model, 1, 128);
		check(&p_floor, p.time_s >= m.weights_bytes / d->gspec.bw_bytes_per_s,
		      "%s: %.6g s < %.6g s", id, p.time_s, m.weights_bytes / d->gspec.bw_bytes_per_s);
	}
	for (i = 0; i < N_ARR(batches); i++)
		for (j = 0; j < N_ARR(lens); j++) {
			perf_decode(&p, &d->in.model, batches[i], lens[j]);
			perf_decode(&q, &d->in.model, batches[i] * 2, lens[j]);
			check(&p_mono, q.time_s >= p.time_s * (1 - 1e-12), "%s decode B=%g->%g at L=%g", id,
			      batches[i], batches[i] * 2, lens[j]);
			perf_decode(&q, &d->in.model, batches[i], lens[j] * 2);
			check(&p_mono, q.time_s >= p.time_s * (1 - 1e-12), "%s decode L=%g->%g at B=%g", id,
			      lens[j], lens[j] * 2, batches[i]);
			perf_prefill(&p, &d->in.model, batches[i], lens[j]);
			perf_prefill(&q, &d->in.model, batches[i], lens[j] * 2);
			check(&p_mono, q.time_s >= p.time_s * (1 - 1e-12), "%s prefill S=%g->%g at B=%g", id,
			      lens[j], lens[j] * 2, batches[i]);
			check(&p_util, p.u_mem >= 0 && p.u_mem <= 1 && p.u_comp >= 0 && p.u_comp <= 1,
			      "%s prefill B=%g S=%g: u_mem %g u_comp %g", id, batches[i], lens[j],
			      p.u_mem, p.u_comp);
		}
}

/* Dimensional homogeneity: every rate times k and every fixed time over k
 * is the same machine measured in a k-times-faster clock. */
static void units(struct deploy *d, const char *id)
{
	const double k = 1000;
	struct perf_result a, b, pa, pb;
	struct gpu_spec g = d->gspec;
	struct deploy_spec s = d->dspec;

	perf_decode(&a, &d->in.model, 16, 2048);
	perf_prefill(&pa, &d->in.model, 2, 1024);
	d->gspec.bw_bytes_per_s *= k;
	d->gspec.bf16_flops *= k;
	d->gspec.fp16_flops *= k;
	d->gspec.fp8_flops *= k;
	d->gspec.int8_ops *= k;
	d->gspec.eff.kernel_s /= k;
	d->gspec.eff.layer_s /= k;
	d->gspec.eff.step_s /= k;
	d->gspec.eff.launch_layer_s /= k;
	d->dspec.intra.bytes_per_s *= k;
	d->dspec.intra.latency_s /= k;
	d->dspec.intra.collective_s /= k;
	d->dspec.intra.oneshot_s /= k;
	d->dspec.intra.oneshot_bytes_per_s *= k;
	d->dspec.intra.sync_s /= k;
	d->dspec.inter.bytes_per_s *= k;
	d->dspec.inter.latency_s /= k;
	d->dspec.inter.collective_s /= k;
	d->dspec.launch_layer_s /= k;
	d->dspec.request_s /= k;
	reinit(d);
	perf_decode(&b, &d->in.model, 16, 2048);
	perf_prefill(&pb, &d->in.model, 2, 1024);
	check(&p_units, fabs(b.time_s * k / a.time_s - 1) < 1e-9 &&
	      fabs(pb.time_s * k / pa.time_s - 1) < 1e-9,
	      "%s: decode %.9g vs %.9g, prefill %.9g vs %.9g", id, a.time_s, b.time_s * k,
	      pa.time_s, pb.time_s * k);
	d->gspec = g;
	d->dspec = s;
	reinit(d);
}

static void power(struct deploy *d, const char *id)
{
	struct perf_result p;
	struct power_gpu_result w;
	size_t i;

	for (i = 0; i < N_ARR(batches); i++) {
		perf_decode(&p, &d->in.model, batches[i], 2048);
		power_gpu(&w, &d->gspec, NAN, p.u_mem, p.u_comp);
		check(&p_util, p.u_mem >= 0 && p.u_mem <= 1 && p.u_comp >= 0 && p.u_comp <= 1 &&
		      w.w >= d->gspec.idle_w - 1e-9 && w.w <= d->gspec.tdp_w + 1e-9,
		      "%s decode B=%g: u_mem %g u_comp %g power %g W", id, batches[i], p.u_mem,
		      p.u_comp, w.w);
	}
}

static struct prop p_cap = { "a lower cap never speeds decode; at or above TDP it changes nothing",
			      0, 0, "" };

/* Caps per halving of power, from twice the TDP down to just over idle. */
#define CAPS_PER_HALVING 16

/* A decode step under cap_w as est_run and the simulator price it. */
static double capped_decode_s(const struct deploy *d, double batch, double len, double cap_w)
{
	struct perf_result p;
	struct power_gpu_result w;

	perf_decode(&p, &d->in.model, batch, len);
	power_gpu(&w, &d->gspec, cap_w, p.u_mem, p.u_comp);
	perf_apply_clock(&p, w.clock_factor, w.bw_factor);
	return p.time_s;
}

static void power_cap(struct deploy *d, const char *id)
{
	const struct gpu_spec *g = &d->gspec;
	size_t i, j, k;

	for (i = 0; i < N_ARR(batches); i++)
		for (j = 0; j < N_ARR(lens); j++) {
			double free_s = capped_decode_s(d, batches[i], lens[j], NAN), prev = free_s;
			double step = pow(0.5, 1.0 / CAPS_PER_HALVING), cap;

			check(&p_cap, capped_decode_s(d, batches[i], lens[j], g->tdp_w) == free_s &&
			      capped_decode_s(d, batches[i], lens[j], 2 * g->tdp_w) == free_s,
			      "%s decode B=%g L=%g: at or above TDP %.9g s, without a cap %.9g s", id,
			      batches[i], lens[j], capped_decode_s(d, batches[i], lens[j], g->tdp_w),
			      free_s);
			for (k = 0, cap = 2 * g->tdp_w; cap > g->idle_w; k++, cap *= step) {
				double t = capped_decode_s(d, batches[i], lens[j], cap);

				check(&p_cap, t >= prev && (cap < g->tdp_w || t == free_s),
				      "%s decode B=%g L=%g: %.9g s at %.1f W after %.9g s above it", id,
				      batches[i], lens[j], t, cap, prev);
				prev = t;
			}
			/* half the memory's draw over idle: the stream itself slows */
			{
				struct perf_result p;
				double half;

				perf_decode(&p, &d->in.model, batches[i], lens[j]);
				half = g->idle_w + 0.5 * (g->tdp_w - g->idle_w) * g->eff.power_mem *
					p.u_mem;
				check(&p_cap, p.mem_s <= 0 ||
				      capped_decode_s(d, batches[i], lens[j], half) > free_s,
				      "%s decode B=%g L=%g: %.9g s at %.1f W, half the memory's draw, "
				      "not slower than %.9g s", id, batches[i], lens[j],
				      capped_decode_s(d, batches[i], lens[j], half), half, free_s);
			}
			/* just over idle: the floor of the law, a finite time */
			check(&p_cap, isfinite(capped_decode_s(d, batches[i], lens[j], g->idle_w + 1e-9)),
			      "%s decode B=%g L=%g: finite just over idle", id, batches[i], lens[j]);
		}
}

static struct prop p_red = { "PSU redundancy: any case of a documented name, nothing else", 0, 0, "" };

/* Every spelling of the documented schemes in every mix of case parses to
 * the scheme its lower-case form names, whose canonical name parses back
 * to it; near misses are refused; and more redundancy never needs fewer
 * units, for a grid of peaks over a rating. */
static void psu_names(void)
{
	static const char *const names[] = { "none", "n+1", "n+2", "n+n", "2n" };
	static const char *const bad[] = {
		"", "n", "n+", "n+0", "n+3", "3n", "1n", "n-1", "n +1", " n+1", "n+1 ", "nn",
		"n+1x", "nonee", "2n+1", "n\n+1"
	};
	enum psu_redundancy want, got, back;
	char s[16];
	size_t i, k, len, mask;
	double peak;

	for (i = 0; i < N_ARR(names); i++) {
		psu_redundancy_parse(&want, names[i]);
		len = strlen(names[i]);
		for (mask = 0; mask < ((size_t)1 << len); mask++) {
			for (k = 0; k < len; k++)
				s[k] = (mask >> k & 1) ? (char)toupper((unsigned char)names[i][k]) :
					names[i][k];
			s[len] = '\0';
			check(&p_red, psu_redundancy_parse(&got, s) == 0 && got == want &&
			      psu_redundancy_parse(&back, psu_redundancy_name(got)) == 0 &&
			      back == want, "'%s' parses to the scheme of '%s'", s, names[i]);
		}
	}
	for (i = 0; i < N_ARR(bad); i++)
		check(&p_red, psu_redundancy_parse(&got, bad[i]) < 0, "'%s' refused", bad[i]);
	for (peak = 50; peak <= 20000; peak *= 1.37) {
		size_t n0 = psu_units(peak, 1600, PSU_NONE), n1 = psu_units(peak, 1600, PSU_N1);
		size_t n2 = psu_units(peak, 1600, PSU_N2), nn = psu_units(peak, 1600, PSU_2N);

		check(&p_red, n0 >= 1 && n0 * 1600 >= peak && n1 == n0 + 1 && n2 == n0 + 2 &&
		      nn == 2 * n0, "%g W over 1600 W units: %zu, %zu, %zu, %zu", peak, n0, n1,
		      n2, nn);
	}
}

static struct prop p_split = { "ATX PSUs feed whole devices: no fewer than shared ones, whole cards", 0, 0, "" };

/* Supplies that cannot share a load (ATX) need no fewer units than ones
 * that can, at least one per card they cannot pair, never fewer as cards
 * are added, and a split into that many units exists: the host's unit
 * and each other one within its rating; 0 exactly when the host or one
 * card alone is over one unit. */
static void psu_split(void)
{
	static const double rated[] = { 850, 1000, 1500, 1600 };
	size_t r, cards, u, prev;
	double host, card;

	for (r = 0; r < N_ARR(rated); r++)
		for (host = 50; host <= 2000; host *= 1.41)
			for (card = 20; card <= 2000; card *= 1.33) {
				prev = 0;
				for (cards = 0; cards <= 10; cards++) {
					double total = host + (double)cards * card;
					size_t first, rest;

					u = psu_split_units(host, card, cards, rated[r]);
					if (host > rated[r] || (cards && card > rated[r])) {
						check(&p_split, u == 0, "host %g, %zu x %g W over %g W: "
						      "%zu units, expected 0", host, cards, card, rated[r], u);
						continue;
					}
					first = (size_t)floor((rated[r] - host) / card);
					first = first < cards ? first : cards;
					rest = cards - first;
					check(&p_split, u >= 1 && u >= psu_units(total, rated[r], PSU_NONE) &&
					      u >= prev && (u - 1) * (size_t)floor(rated[r] / card) >= rest &&
					      host + (double)first * card <= rated[r],
					      "host %g, %zu x %g W over %g W: %zu units (shared %zu, "
					      "before %zu)", host, cards, card, rated[r], u,
					      psu_units(total, rated[r], PSU_NONE), prev);
					prev = u;
				}
			}
}

static void tensor_parallel(struct deploy *d, size_t m, const char *gpu)
{
	struct mem_result prev, cur;
	struct err err = ERR_INIT;
	size_t tp;
	int have = 0;

	for (tp = 1; tp <= 8; tp *= 2) {
		if (models[m].ep > 1 ||
		    build(d, models[m].model, models[m].fmt, gpu, tp, 1) < 0)
			continue;   /* tp that does not divide the heads */
		if (mem_solve(&cur, &d->in.model, 8, 4096, 8192, &err) < 0) {
			check(&p_tp_mem, 0, "%s tp=%zu: %s", models[m].model, tp, err.msg);
			continue;
		}
		if (have) {
			check(&p_tp_mem, cur.total_per_gpu_bytes <= prev.total_per_gpu_bytes * (1 + 1e-12),
			      "%s on %s tp=%zu: %.4g > %.4g bytes", models[m].model, gpu, tp,
			      cur.total_per_gpu_bytes, prev.total_per_gpu_bytes);
			check(&p_tp_batch, cur.max_batch >= prev.max_batch,
			      "%s on %s tp=%zu: max batch %g < %g", models[m].model, gpu, tp,
			      cur.max_batch, prev.max_batch);
		}
		prev = cur;
		have = 1;
	}
}

/* Mixtral 8x7B (32 heads, 32 layers, 8 experts) over n GPUs, every way:
 * the same capex (n GPUs at the catalog's price), the same default host
 * memory and the same NICs. */
static void layouts_scale(struct deploy *d, const char *gpu)
{
	static const struct { size_t n, tp, pp, ep; } l[] = {
		{ 4, 4, 1, 1 }, { 4, 2, 2, 1 }, { 4, 1, 4, 1 }, { 4, 1, 1, 4 },
		{ 8, 8, 1, 1 }, { 8, 4, 2, 1 }, { 8, 2, 4, 1 }, { 8, 1, 8, 1 }, { 8, 1, 1, 8 },
	};
	double capex = NAN, ram = NAN, nics = NAN, peak = NAN;
	size_t i;

	for (i = 0; i < N_ARR(l); i++) {
		struct deploy_request q = DEPLOY_REQUEST_INIT;
		struct err err = ERR_INIT;
		struct est_result r;

		if (i == 0 || l[i].n != l[i - 1].n)
			capex = ram = nics = peak = NAN;
		q.model = "mixtral-8x7b";
		q.gpu = gpu;
		q.tp = l[i].tp;
		q.pp = l[i].pp;
		q.ep = l[i].ep;
		q.work.batch = 1;
		q.work.context = 128;
		if (deploy_build(d, cat, &q, &err) < 0) {
			check(&p_layout, 0, "%s tp %zu pp %zu ep %zu: %s", gpu, l[i].tp, l[i].pp, l[i].ep,
			      err.msg);
			continue;
		}
		check(&p_layout, d->in.model.n == l[i].n, "%s tp %zu pp %zu ep %zu: %zu GPUs", gpu,
		      l[i].tp, l[i].pp, l[i].ep, d->in.model.n);
		if (!isnan(d->gpu.price.price_usd))
			check(&p_layout, d->capex_usd == d->gpu.price.price_usd * (double)l[i].n,
			      "%s tp %zu pp %zu ep %zu: capex %.0f for %zu GPUs at %.0f", gpu, l[i].tp,
			      l[i].pp, l[i].ep, d->capex_usd, l[i].n, d->gpu.price.price_usd);
		if (!isnan(capex))
			check(&p_layout, d->capex_usd == capex && d->in.storage.ram_bytes == ram &&
			      d->in.host.nics_w == nics, "%s tp %zu pp %zu ep %zu: capex %.0f RAM %.0f "
			      "NICs %.0f W, not %.0f, %.0f, %.0f as another layout of %zu GPUs", gpu,
			      l[i].tp, l[i].pp, l[i].ep, d->capex_usd, d->in.storage.ram_bytes,
			      d->in.host.nics_w, capex, ram, nics, l[i].n);
		/* the PSUs carry every GPU at TDP: the peak knows no layout */
		if (est_run(&r, &d->in, &err) == 0) {
			if (!isnan(peak))
				check(&p_layout, fabs(r.psu_peak_w - peak) <= 1e-9 * peak,
				      "%s tp %zu pp %zu ep %zu: PSU peak %.1f W, not %.1f W as another "
				      "layout of %zu GPUs", gpu, l[i].tp, l[i].pp, l[i].ep, r.psu_peak_w,
				      peak, l[i].n);
			peak = r.psu_peak_w;
		}
		capex = d->capex_usd;
		ram = d->in.storage.ram_bytes;
		nics = d->in.host.nics_w;
	}
}

int main(void)
{
	struct deploy *d = xcalloc(1, sizeof(*d));
	char id[128];
	size_t m, g;

	cat = test_catalog();
	for (m = 0; m < N_ARR(models); m++)
		for (g = 0; g < N_ARR(gpus); g++) {
			snprintf(id, sizeof(id), "%s %s tp=%zu ep=%zu on %s", models[m].model,
				 models[m].fmt, models[m].tp, models[m].ep, gpus[g]);
			if (build(d, models[m].model, models[m].fmt, gpus[g], models[m].tp,
				  models[m].ep) == 0) {
				bandwidth(d, id);
				floor_and_monotone(d, id);
				units(d, id);
				power(d, id);
				power_cap(d, id);
			}
			tensor_parallel(d, m, gpus[g]);
		}
	for (g = 0; g < N_ARR(gpus); g++)
		layouts_scale(d, gpus[g]);
	report(&p_bw);
	report(&p_tp_mem);
	report(&p_tp_batch);
	report(&p_floor);
	report(&p_mono);
	report(&p_units);
	report(&p_util);
	report(&p_cap);
	report(&p_layout);
	psu_names();
	report(&p_red);
	psu_split();
	report(&p_split);
	free(d);
	cat_free(cat);
	return test_done();
}
