/*
 * cal_run.c - measure a GPU (cal_run.h).
 *
 * The order matters for the power fit: an idle window first (nvidia-smi
 * samples only), then each case; the cases with a soak hold one load long
 * enough for several samples (a memory-bound stream, a weight-streaming
 * GEMV, a mixed batch-256 GEMM, compute-bound bf16 and fp8 GEMMs, the
 * bf16 one long enough to heat the die and show any power-cap throttling).
 */
#include "calibrate/cal_run.h"
#include "calibrate/ck_client.h"
#include "calibrate/sampler.h"
#include "catalog/cat.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/xalloc.h"
#include "util/units.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

static const char *const default_models[] = { "llama-3.1-8b", "llama-3.1-70b" };
static const long batches[] = { 1, 2, 4, 8, 16, 32, 64, 128, 256 };
static const long batches_quick[] = { 1, 8, 64, 256 };
static const long squares[] = { 256, 512, 1024, 2048, 4096, 8192 };
static const long squares_quick[] = { 512, 2048, 8192 };
static const long prefill_tokens[] = { 512, 2048, 8192 };

#define STREAM_BYTES_MAX (1ul << 30)
#define TRANSFER_BYTES (256ul << 20)
#define BIG 8192

#define N(a) (sizeof(a) / sizeof((a)[0]))

static struct cal_case *add(struct cal_record *rec, const char *label, enum ck_kind kind,
			    int reps, double soak_s)
{
	struct cal_case *k;

	rec->cases = xrealloc(rec->cases, (rec->ncases + 1) * sizeof(*rec->cases));
	k = &rec->cases[rec->ncases++];
	memset(k, 0, sizeof(*k));
	snprintf(k->label, sizeof(k->label), "%s", label);
	k->c.kind = kind;
	k->c.reps = reps;
	k->c.soak_s = soak_s;
	return k;
}

/* A GEMM case, skipped up front when its buffers would not fit. */
static void gemm(struct cal_record *rec, const char *label, enum ck_dtype dt, long m,
		 long n, long k, int reps, double soak_s)
{
	struct cal_case *c = add(rec, label, CK_GEMM, reps, soak_s);
	double es = dt == CK_FP8 ? 1 : 2;
	double need = es * ((double)m * k + (double)n * k) + 2.0 * m * n;
	double room = 0.6 * (rec->dev.memory_bytes - rec->dev.context_bytes);

	c->c.dtype = dt;
	c->c.m = m;
	c->c.n = n;
	c->c.k = k;
	if (need > room) {
		c->skipped = 1;
		snprintf(c->note, sizeof(c->note), "needs %.1f GiB of device memory",
			 need / UNIT_GIB);
	}
}

struct shape {
	const char *name;
	long n, k;
};

static int model_shapes(struct shape out[5], struct cat *cat, const char *id,
			struct err *err)
{
	struct cat_model m;
	int r;

	if ((r = cat_model_find(&m, cat, id, err)) < 0)
		return r;
	out[0] = (struct shape){ "qkv", (long)((m.heads + 2 * m.kv_heads) * m.head_dim),
				 (long)m.hidden };
	out[1] = (struct shape){ "o", (long)m.hidden, (long)(m.heads * m.head_dim) };
	out[2] = (struct shape){ "gate_up", (long)(2 * m.intermediate), (long)m.hidden };
	out[3] = (struct shape){ "down", (long)m.hidden, (long)m.intermediate };
	out[4] = (struct shape){ "lm_head", (long)m.vocab, (long)m.hidden };
	return 0;
}

int cal_cases_build(struct cal_record *rec, struct cat *cat, const struct cal_run_opts *o,
		    struct err *err)
{
	const char *const *models = o->models ? o->models : default_models;
	size_t nmodels = o->models ? o->nmodels : (o->quick ? 1 : N(default_models));
	const long *bs = o->quick ? batches_quick : batches;
	size_t nbs = o->quick ? N(batches_quick) : N(batches);
	const long *sq = o->quick ? squares_quick : squares;
	size_t nsq = o->quick ? N(squares_quick) : N(squares);
	int reps = o->quick ? 15 : 30;
	double soak = o->quick ? 2 : 3, heat = o->quick ? 4 : 10;
	size_t stream = STREAM_BYTES_MAX, i, j;
	struct shape first[5] = { { NULL, 0, 0 } }, biggest = { NULL, 0, 0 };
	char label[64], biggest_label[64] = "";
	int d, r;

	/* three arrays of `stream` bytes within an eighth of the memory each */
	if (stream > rec->dev.memory_bytes / 8)
		stream = (size_t)(rec->dev.memory_bytes / 8) & ~(size_t)15;
	add(rec, "stream", CK_COPY, 20, soak)->c.bytes = stream;
	add(rec, "stream", CK_TRIAD, 20, 0)->c.bytes = stream;

	for (i = 0; i < nmodels; i++) {
		struct shape s[5];

		if ((r = model_shapes(s, cat, models[i], err)) < 0)
			return err_prefix(err, "calibration shapes");
		if (i == 0)
			memcpy(first, s, sizeof(first));
		for (j = 0; j < 5; j++) {
			size_t b;

			snprintf(label, sizeof(label), "%s %s", models[i], s[j].name);
			for (b = 0; b < nbs; b++)
				gemm(rec, label, CK_BF16, bs[b], s[j].n, s[j].k, reps, 0);
			if ((double)s[j].n * s[j].k > (double)biggest.n * biggest.k) {
				biggest = s[j];
				memcpy(biggest_label, label, sizeof(label));
			}
		}
	}
	/* fp8 and fp16 weights on the first model's FFN */
	snprintf(label, sizeof(label), "%s gate_up", models[0]);
	for (d = 0; d < 2; d++) {
		gemm(rec, label, d ? CK_FP16 : CK_FP8, 1, first[2].n, first[2].k, reps, 0);
		gemm(rec, label, d ? CK_FP16 : CK_FP8, 16, first[2].n, first[2].k, reps, 0);
		gemm(rec, label, d ? CK_FP16 : CK_FP8, 256, first[2].n, first[2].k, reps, 0);
	}
	/* power under a weight-streaming decode GEMV and a mixed batch */
	gemm(rec, biggest_label, CK_BF16, 1, biggest.n, biggest.k, reps, soak);
	gemm(rec, label, CK_BF16, 256, first[2].n, first[2].k, reps, soak);
	/* prefill-shaped and square GEMMs: the compute efficiency curve */
	for (i = 0; i < N(prefill_tokens); i++) {
		gemm(rec, label, CK_BF16, prefill_tokens[i], first[2].n, first[2].k, reps / 2, 0);
		gemm(rec, label, CK_FP8, prefill_tokens[i], first[2].n, first[2].k, reps / 2, 0);
	}
	for (d = 0; d < 3; d++)
		for (i = 0; i < nsq; i++)
			gemm(rec, "square", d == 0 ? CK_BF16 : d == 1 ? CK_FP16 : CK_FP8,
			     sq[i], sq[i], sq[i], reps / 2,
			     sq[i] == BIG && d == 2 ? soak : 0);
	/* last of the GEMMs: the long one, to heat the die */
	gemm(rec, "square", CK_BF16, BIG, BIG, BIG, 5, heat);

	for (d = 0; d < 4; d++) {
		struct cal_case *k = add(rec, "host", d < 2 ? CK_H2D : CK_D2H, o->quick ? 5 : 10, 0);

		k->c.pinned = !(d & 1);
		k->c.bytes = TRANSFER_BYTES;
	}
	for (d = 0; d < rec->dev.count; d++) {
		if (d == rec->dev.index)
			continue;
		snprintf(label, sizeof(label), "to device %d", d);
		struct cal_case *k = add(rec, label, CK_P2P, o->quick ? 5 : 10, 0);

		k->c.peer = d;
		k->c.bytes = TRANSFER_BYTES;
	}
	if (rec->dev.count < 2) {
		struct cal_case *k = add(rec, "peer", CK_P2P, 1, 0);

		k->c.peer = 1;
		k->c.bytes = TRANSFER_BYTES;
		k->skipped = 1;
		snprintf(k->note, sizeof(k->note), "one GPU is visible: no peer to copy to");
	}
	return 0;
}

static void sleep_s(double s)
{
	struct timespec ts;

	ts.tv_sec = (time_t)s;
	ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) < 0)
		;
}

/* The catalog GPU this device is, from nvidia-smi's name and memory. */
static int identify(struct cal_record *rec, struct cat *cat, const struct smi_sample *s,
		    struct err *err)
{
	struct nvsmi_inventory inv;
	size_t i;
	int r;

	if ((r = nvsmi_parse(&inv, s->xml, s->len, "nvidia-smi -q -x", err)) < 0)
		return r;
	snprintf(rec->driver, sizeof(rec->driver), "%s", inv.driver_version);
	snprintf(rec->cuda, sizeof(rec->cuda), "%s", inv.cuda_version);
	if ((r = nvsmi_match(&inv, cat, err)) < 0)
		goto out;
	r = err_set(err, ERR_NOTFOUND, "nvidia-smi does not list the GPU at %s",
		    rec->dev.pci_bus_id);
	for (i = 0; i < inv.n; i++) {
		const struct nvsmi_gpu *g = &inv.gpus[i];

		if (strcasecmp(g->pci_bus_id, rec->dev.pci_bus_id) != 0 &&
		    !(inv.n == 1 && rec->dev.count == 1))
			continue;
		if (!g->gpu_id[0]) {
			r = err_set(err, ERR_NOTFOUND,
				    "'%s' is not in the catalog, so its datasheet peaks are "
				    "unknown; add it to the catalog first (%s)",
				    g->product_name, g->note);
			goto out;
		}
		snprintf(rec->gpu_id, sizeof(rec->gpu_id), "%s", g->gpu_id);
		err_clear(err);
		r = 0;
		break;
	}
out:
	nvsmi_inventory_release(&inv);
	return r;
}

static void progress(const struct cal_run_opts *o, size_t i, size_t n,
		     const struct cal_case *k)
{
	if (!o->progress)
		return;
	if (k->c.kind == CK_GEMM)
		fprintf(o->progress, "\r[%3zu/%zu] gemm %s %ld x %ld x %ld%-20s", i + 1, n,
			ck_dtype_name(k->c.dtype), k->c.m, k->c.n, k->c.k, "");
	else
		fprintf(o->progress, "\r[%3zu/%zu] %s %-30s", i + 1, n, ck_kind_name(k->c.kind),
			k->label);
	fflush(o->progress);
}

int cal_run(struct cal_record *rec, struct cat *cat, const struct cal_run_opts *o,
	    struct err *err)
{
	struct ck_client ck;
	struct sampler *smp = NULL;
	struct smi_sample first, *samples = NULL;
	size_t nsamples = 0, i;
	double t0;
	int r;

	cal_record_init(rec);
	rec->quick = o->quick;
	clock_today_utc(rec->date);
	if (gethostname(rec->host, sizeof(rec->host)) < 0)
		snprintf(rec->host, sizeof(rec->host), "unknown");
	rec->host[sizeof(rec->host) - 1] = '\0';
	/* nvidia-smi first: a missing or broken one fails before the GPU work */
	if ((r = sampler_once(&first, "", err)) < 0)
		return r;
	if ((r = ck_client_start(&ck, &rec->dev, o->device, err)) < 0) {
		free(first.xml);
		return r;
	}
	r = identify(rec, cat, &first, err);
	free(first.xml);
	if (r < 0 || (r = cal_cases_build(rec, cat, o, err)) < 0)
		goto fail;

	t0 = clock_monotonic_s();
	if ((r = sampler_start(&smp, rec->dev.pci_bus_id, o->sample_period_s, err)) < 0)
		goto fail;
	if (o->progress)
		fprintf(o->progress, "idle %.0f s on %s (%s)\n", o->quick ? 2.0 : 3.0,
			rec->dev.name, rec->gpu_id);
	sleep_s(o->quick ? 2 : 3);
	rec->idle[0] = 0;
	rec->idle[1] = clock_monotonic_s() - t0;
	for (i = 0; i < rec->ncases; i++) {
		struct cal_case *k = &rec->cases[i];

		if (k->skipped)
			continue;
		progress(o, i, rec->ncases, k);
		r = ck_client_run(&ck, &k->r, &k->c, k->note, sizeof(k->note), err);
		if (r < 0) {
			err_prefix(err, "case %zu (%s %s)", i + 1, ck_kind_name(k->c.kind), k->label);
			goto fail;
		}
		k->skipped = r == 1;
		if (k->r.soak_end > k->r.soak_begin) {
			k->r.soak_begin -= t0;
			k->r.soak_end -= t0;
		}
	}
	if (o->progress)
		fprintf(o->progress, "\n");
	r = sampler_stop(smp, &samples, &nsamples, err);
	smp = NULL;
	if (r < 0)
		goto fail;
	for (i = 0; i < nsamples && r == 0; i++) {
		char name[48];

		snprintf(name, sizeof(name), "nvidia-smi sample %zu", i);
		r = cal_record_add_sample(rec, samples[i].t - t0, samples[i].xml, samples[i].len,
					  name, 1, err);
	}
	smi_samples_free(samples, nsamples);
	if (r < 0)
		goto fail;
	ck_client_stop(&ck);
	return 0;
fail:
	if (smp) {
		struct err ignored = ERR_INIT;

		if (sampler_stop(smp, &samples, &nsamples, &ignored) == 0)
			smi_samples_free(samples, nsamples);
	}
	ck_client_stop(&ck);
	cal_record_release(rec);
	return r;
}
