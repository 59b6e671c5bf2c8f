/*
 * t_measure.c - the shipped model against real GPUs: every decode step,
 * prefill and power sample recorded by bench/measure/measure_llm.py on an
 * H100 SXM and an H200 SXM (tests/data/measure/, one JSON file per GPU) is predicted from
 * the catalog (efficiency rows included) and must land within DESIGN.md's
 * bars: step and prefill times within 10%, GPU power within 15%; each
 * measured time must also lie inside the band the estimate reports.
 *
 * The power curve and the thermal model are fitted here, from every
 * recorded point, and the shipped efficiency rows must be that fit:
 *  - power_mem and power_comp: power_fit (models/power.c) over the decode
 *    and prefill draws of tests/data/measure and the soaks of the
 *    calibration runs (tests/data/calibration, unpacked to a temporary
 *    folder and read as `rigplan calibrate --replay` reads them);
 *  - thermal_r and tau: thermal_fit (models/thermal.c) on the heat-up
 *    trace of tests/data/measure, its idle window and its settled end;
 *    the calibration run, which the fit never saw, then checks the
 *    steady temperature the row predicts at its heat soak's draw.
 */
#include "tests/testlib.h"
#include "tests/testcat.h"
#include "catalog/cat.h"
#include "models/estimate.h"
#include "bind/deploy.h"
#include "calibrate/cal_fit.h"
#include "calibrate/cal_record.h"
#include "calibrate/validate.h"
#include "models/defaults.h"
#include "models/power.h"
#include "models/thermal.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct cat *cat;

/* Every recorded draw of the GPU under test, for the power fit. */
#define POINTS_MAX 64
static struct power_point points[POINTS_MAX];
static char point_name[POINTS_MAX][64];
static size_t npoints;

/* Each recording's settled load and the shipped row's thermal_r, for the
 * check at the default inlet. */
struct settled {
	char name[48];
	double air_c, w, c, r;
};
static struct settled settled[4];
static size_t nsettled;

static void add_settled(const char *gpu, const char *run, double air_c, double w, double c,
			double r)
{
	struct settled *x;

	if (nsettled == 4)
		return;
	x = &settled[nsettled++];
	snprintf(x->name, sizeof(x->name), "%s %s", gpu, run);
	x->air_c = air_c;
	x->w = w;
	x->c = c;
	x->r = r;
}

static void add_point(const char *name, double u_mem, double u_comp, double power_w,
		      double idle_w, int capped)
{
	if (npoints == POINTS_MAX)
		return;
	points[npoints] = (struct power_point){ u_mem, u_comp, power_w, idle_w, capped };
	snprintf(point_name[npoints], sizeof(point_name[0]), "%s", name);
	npoints++;
}

/* The measured shapes: Llama 3.1 8B whole, and 16 of Llama 3.1 70B's 80
 * layers with its embedding and head (bench/measure/measure_llm.py). */
static int build(struct deploy *d, const char *gpu, const char *model)
{
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct err err = ERR_INIT;
	int is70 = !strcmp(model, "llama-3.1-70b-16l");

	q.model = is70 ? "llama-3.1-70b" : model;
	q.gpu = gpu;
	q.work.batch = 1;
	q.work.context = 128;
	if (test_deploy(d, cat, &q) < 0)
		return -1;
	/* a bare forward pass (measure_llm.py), not a server: whole prompts,
	 * none of the engine's step limits */
	d->dspec.max_batched_tokens = 0;
	d->dspec.max_seqs = 0;
	d->in.model.dep.max_batched_tokens = 0;
	d->in.model.dep.max_seqs = 0;
	if (is70) {
		d->llm.layers = 16;
		d->llm.params_total = 0;    /* count, do not scale to the card */
		if (est_model_init(&d->in.model, &d->llm, d->wf, d->kf, &d->gspec,
				   &d->dspec, &err) < 0) {
			test_ok(0, "init: %s", err.msg);
			return -1;
		}
	}
	return 0;
}

static double num(json_t *o, const char *k)
{
	return json_number_value(json_object_get(o, k));
}

static void check_rows(const char *gpu, json_t *rows, int decode, double idle_w,
		       double idle_mhz, double *worst)
{
	size_t i;
	json_t *row;
	struct deploy *d = xcalloc(1, sizeof(*d));
	const char *built = NULL;   /* rows come grouped by model: build once each */

	json_array_foreach(rows, i, row) {
		const char *model = json_string_value(json_object_get(row, "model"));
		double b = num(row, "batch"), meas = num(row, "time_s");
		double len = num(row, decode ? "context" : "input_len");
		struct perf_result p;
		struct power_gpu_result pw;
		const struct gpu_eff *e;
		double lo, hi, err;
		json_t *power;

		if (!model)
			break;
		if (!built || strcmp(built, model)) {
			if (build(d, gpu, model) < 0)
				break;
			built = model;
		}
		e = &d->gspec.eff;
		if (decode)
			perf_decode(&p, &d->in.model, b, len);
		else
			perf_prefill(&p, &d->in.model, b, len);
		err = p.time_s / meas - 1;
		*worst = fmax(*worst, fabs(err));
		test_ok(fabs(err) <= 0.10, "%s %s %s B=%.0f L=%.0f: predicted %.3f ms, measured %.3f ms (%+.1f%%)",
			gpu, decode ? "decode" : "prefill", model, b, len, p.time_s * 1e3,
			meas * 1e3, err * 100);
		lo = p.time_s * (1 + (decode ? e->err_decode_lo : e->err_prefill_lo));
		hi = p.time_s * (1 + (decode ? e->err_decode_hi : e->err_prefill_hi));
		test_ok(meas >= lo * 0.999 && meas <= hi * 1.001,
			"%s %s B=%.0f L=%.0f: measured inside the band [%.3f, %.3f] ms",
			gpu, model, b, len, lo * 1e3, hi * 1e3);
		power = json_object_get(row, "power");
		if (!json_is_object(power))
			continue;
		/* the catalog's idle is an earlier capture; use this run's */
		d->gspec.idle_w = idle_w;
		power_gpu(&pw, &d->gspec, NAN, p.u_mem, p.u_comp);
		test_rel(pw.w, num(power, "power_w"), 0.15,
			 "%s %s B=%.0f L=%.0f: GPU power %.0f W vs %.0f W measured",
			 gpu, model, b, len, pw.w, num(power, "power_w"));
		{
			char name[64];

			snprintf(name, sizeof(name), "%s %s B=%.0f L=%.0f", decode ? "decode" :
				 "prefill", model, b, len);
			/* a mean SM clock under the idle one: the cap held it */
			add_point(name, p.u_mem, p.u_comp, num(power, "power_w"), idle_w,
				  num(power, "sm_mhz") < idle_mhz);
		}
	}
	free(d);
}


/* The means of a window of heat-trace samples whose t lies in [t0, t1]. */
static struct thermal_steady trace_window(json_t *trace, double t0, double t1)
{
	struct thermal_steady w = { 0, 0, 0 };
	json_t *s;
	size_t i;

	json_array_foreach(trace, i, s) {
		double t = num(s, "t");

		if (t < t0 || t > t1)
			continue;
		w.power_w += num(s, "power_w");
		w.temp_c += num(s, "temp_c");
		w.n++;
	}
	if (w.n > 0) {
		w.power_w /= w.n;
		w.temp_c /= w.n;
	}
	return w;
}

/* Seconds at the end of the heat-up load taken as settled (the die moves
 * under 1 K in them: tests/data/measure heat_trace). */
#define SETTLED_S 10.0
/* How close the fitted and shipped values must be: the rows keep three
 * significant digits. */
#define ROW_DIGITS 5e-3

/*
 * The heat-up trace: 5 s before, 40 s of sustained prefill, 20 s after,
 * nvidia-smi every 0.1 s (bench/measure/measure_llm.py).  The settled
 * windows are the idle capture at the start of the run and the load's last
 * SETTLED_S.  Returns the fitted air temperature (NaN on failure).
 */
static double thermal_measure(const char *gpu, json_t *root, const struct gpu_eff *e)
{
	json_t *trace = json_object_get(root, "heat_trace"), *idle = json_object_get(root, "idle"), *s;
	double end = num(root, "heat_trace_load_end_s"), span, meas_end, model_end;
	struct thermal_steady st[2];
	struct thermal_sample *tr;
	struct thermal_fit_result f;
	struct err err = ERR_INIT;
	size_t i, n = 0;
	int r;

	if (!test_ok(json_is_array(trace) && json_array_size(trace) > 2,
		     "%s: the run has a heat-up trace", gpu))
		return NAN;
	st[0] = (struct thermal_steady){ num(idle, "power_w"), num(idle, "temp_c"), num(idle, "n") };
	st[1] = trace_window(trace, end - SETTLED_S, end);
	tr = xcalloc(json_array_size(trace), sizeof(*tr));
	json_array_foreach(trace, i, s)
		tr[n++] = (struct thermal_sample){ num(s, "t"), num(s, "power_w"), num(s, "temp_c") };
	span = tr[n - 1].t_s - tr[0].t_s;
	r = thermal_fit(&f, st, 2, tr, n, span / (double)(n - 1), span, &err);
	if (!test_int(r, 0, "%s: thermal fit of %zu samples%s%s", gpu, n, r ? ": " : "", err.msg)) {
		free(tr);
		return NAN;
	}
	printf("# %s heat trace: idle %.1f C at %.0f W, settled %.2f C at %.1f W: air %.2f C, "
	       "R %.5f K/W, tau %.3g s, replay rms %.2f K\n", gpu, st[0].temp_c, st[0].power_w,
	       st[1].temp_c, st[1].power_w, f.t0_c, f.r_k_per_w, f.tau_s, f.trace_rms_k);
	test_rel(e->thermal_r_k_per_w, f.r_k_per_w, ROW_DIGITS,
		 "%s: efficiency row thermal_r %.4g K/W is the fit's %.4g", gpu,
		 e->thermal_r_k_per_w, f.r_k_per_w);
	if (!isnan(f.tau_s))
		test_rel(e->thermal_tau_s, f.tau_s, ROW_DIGITS,
			 "%s: efficiency row thermal_tau %.3g s is the fit's %.3g", gpu,
			 e->thermal_tau_s, f.tau_s);
	else	/* the best constant lies below the sampling: any short one will do */
		test_ok(thermal_replay_rms(NULL, tr, n, f.t0_c, f.r_k_per_w, e->thermal_tau_s) <=
			f.trace_rms_k + 0.5, "%s: tau not resolved by %.2f s samples; the row's "
			"%.3g s replays the trace within 0.5 K rms of the best (%.2f K)", gpu,
			span / (double)(n - 1), e->thermal_tau_s, f.trace_rms_k);
	/* the row replayed through the recorded draw from the first sample
	 * to the load's end */
	for (i = 0; i < n && tr[i].t_s <= end; i++)
		;
	thermal_replay_rms(&model_end, tr, i, f.t0_c, e->thermal_r_k_per_w, e->thermal_tau_s);
	meas_end = tr[i - 1].temp_c;
	test_abs(model_end, meas_end, 1.5, "%s: the row replayed through the recorded draw "
		 "ends the load at %.1f C, measured %.1f C (within 1.5 K)", gpu, model_end, meas_end);
	add_settled(gpu, "heat trace", f.t0_c, st[1].power_w, st[1].temp_c, e->thermal_r_k_per_w);
	test_abs(f.t0_c + e->thermal_r_k_per_w * st[1].power_w, st[1].temp_c, 0.5,
		 "%s: steady %.1f C predicted at the recorded %.0f W, measured %.1f C", gpu,
		 f.t0_c + e->thermal_r_k_per_w * st[1].power_w, st[1].power_w, st[1].temp_c);
	free(tr);
	return f.t0_c;
}

/* Unpack tests/data/calibration/GPU into a fresh folder and read it. */
static int read_calibration(struct cal_record *rec, const char *gpu)
{
	char dir[] = "/tmp/t_measure.XXXXXX", cmd[3 * 4096], src[2048];
	struct err err = ERR_INIT;
	int r;

	snprintf(src, sizeof(src), "%s/tests/data/calibration/%s", test_env("TOP_SRCDIR"), gpu);
	if (!test_ok(mkdtemp(dir) != NULL, "%s: a scratch folder", gpu))
		return -1;
	snprintf(cmd, sizeof(cmd), "cp '%s/calibration.json' '%s/' && tar -xJf '%s/nvsmi.tar.xz' -C '%s'",
		 src, dir, src, dir);
	r = system(cmd);
	if (test_int(r, 0, "%s: unpack the calibration run", gpu))
		r = cal_record_read(rec, dir, &err);
	else
		r = -1;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		test_ok(0, "%s: remove %s", gpu, dir);
	if (r < 0 && err.msg[0])
		test_ok(0, "%s: read the calibration run: %s", gpu, err.msg);
	return r < 0 ? -1 : 0;
}

/* The calibration run's means over [t0, t1]: draw, temperature, samples. */
static struct thermal_steady rec_window(const struct cal_record *rec, double t0, double t1)
{
	struct thermal_steady w = { 0, 0, 0 };
	size_t i;

	for (i = 0; i < rec->nsamples; i++) {
		const struct cal_sample *s = &rec->samples[i];

		if (s->t < t0 || s->t > t1 || isnan(s->g.power_w))
			continue;
		w.power_w += s->g.power_w;
		w.temp_c += s->g.temp_c;
		w.n++;
	}
	if (w.n > 0) {
		w.power_w /= w.n;
		w.temp_c /= w.n;
	}
	return w;
}

/*
 * The calibration run (rigplan calibrate, another session on another
 * host): its soaks join the power points, and its heat soak checks the
 * row's thermal_r on data the fit never saw.  Air at the GPU is this run's
 * own, from its idle window.  Returns the run's air temperature.
 */
static double calibration(const char *gpu, const struct deploy *d)
{
	struct cal_record rec;
	struct thermal_steady idle, soak;
	const struct cal_case *heat = NULL;
	const struct gpu_eff *e = &d->gspec.eff;
	double air, pred;
	size_t i, n;

	if (read_calibration(&rec, gpu) < 0)
		return NAN;
	n = cal_fit_power_points(points + npoints, POINTS_MAX - npoints, &rec, &d->gpu, e);
	for (i = 0; i < n; i++)
		snprintf(point_name[npoints + i], sizeof(point_name[0]), "calibration soak %zu", i);
	for (i = 0; i < rec.ncases; i++) {
		const struct cal_case *k = &rec.cases[i];

		if (!k->skipped && k->r.soak_end > k->r.soak_begin &&
		    (!heat || k->r.soak_end - k->r.soak_begin > heat->r.soak_end - heat->r.soak_begin))
			heat = k;
	}
	npoints += n;
	/* the windows calibrate's fit takes: idle after 0.3 s, the soak's last 2 s */
	idle = rec_window(&rec, rec.idle[0] + 0.3, rec.idle[1]);
	soak = heat ? rec_window(&rec, heat->r.soak_end - 2, heat->r.soak_end) : idle;
	air = idle.temp_c - e->thermal_r_k_per_w * idle.power_w;
	pred = air + e->thermal_r_k_per_w * soak.power_w;
	add_settled(gpu, "calibration", air, soak.power_w, soak.temp_c, e->thermal_r_k_per_w);
	test_abs(pred, soak.temp_c, 1.5, "%s calibration run: steady %.1f C predicted at the "
		 "heat soak's %.0f W from its idle (%.1f C at %.0f W), measured %.1f C", gpu, pred,
		 soak.power_w, idle.temp_c, idle.power_w, soak.temp_c);
	cal_record_release(&rec);
	return air;
}

/* The shipped power curve is the fit over every recorded draw. */
static void power_curve(const char *gpu, const struct deploy *d)
{
	struct power_fit_result f;
	struct err err = ERR_INIT;
	size_t i;

	if (!test_int(power_fit(&f, points, npoints, d->gspec.tdp_w, d->gspec.eff.power_comp,
				&err), 0, "%s: power fit over %zu points %s", gpu, npoints, err.msg))
		return;
	printf("# %s power fit over %zu points (%zu the cap did not hold): power_mem %.4f, "
	       "power_comp %.4f (%s), rms %.1f%%, worst %.1f%%\n", gpu, f.n, f.n_fit,
	       f.power_mem, f.power_comp, f.comp_fitted ? "fitted" : "capped bound",
	       100 * f.rms, 100 * f.max_abs);
	for (i = 0; i < npoints; i++) {
		const struct power_point *p = &points[i];
		double span = d->gspec.tdp_w - p->idle_w;
		double w = fmin(d->gspec.tdp_w, p->idle_w + span * (f.power_mem * p->u_mem +
								     f.power_comp * p->u_comp));

		printf("#   %-44s u_mem %.3f u_comp %.3f %s %6.1f W, fit %6.1f W (%+.1f%%)\n",
		       point_name[i], p->u_mem, p->u_comp, p->capped ? "capped" : "      ",
		       p->power_w, w, 100 * (w / p->power_w - 1));
	}
	test_rel(d->gspec.eff.power_mem, f.power_mem, ROW_DIGITS,
		 "%s: efficiency row power_mem %.3g is the fit's %.4g", gpu, d->gspec.eff.power_mem,
		 f.power_mem);
	test_rel(d->gspec.eff.power_comp, f.power_comp, ROW_DIGITS,
		 "%s: efficiency row power_comp %.3g is the fit's %.4g", gpu,
		 d->gspec.eff.power_comp, f.power_comp);
	test_ok(f.rms <= 0.03 && f.max_abs <= 0.05,
		"%s: every recorded draw within 5%% (worst %.1f%%, rms %.1f%%)", gpu,
		100 * f.max_abs, 100 * f.rms);
}

/* A recording of bench/measure/measure_llm.py: tests/data/measure/SUB GPU.json
 * (sub "" or "fused/"); NULL, with a failed test, when it cannot be read. */
static json_t *read_recording(const char *sub, const char *gpu)
{
	char path[4096];
	json_error_t jerr;
	json_t *root;

	snprintf(path, sizeof(path), "%s/tests/data/measure/%s%s.json", test_env("TOP_SRCDIR"),
		 sub, gpu);
	root = json_load_file(path, 0, &jerr);
	test_ok(root != NULL, "read %s: %s", path, root ? "ok" : jerr.text);
	return root;
}

static void one_gpu(const char *gpu)
{
	json_t *root;
	double worst_d = 0, worst_p = 0, idle, idle_mhz;

	if (!(root = read_recording("", gpu)))
		return;
	idle = num(json_object_get(root, "idle"), "power_w");
	idle_mhz = num(json_object_get(root, "idle"), "sm_mhz");
	npoints = 0;
	check_rows(gpu, json_object_get(root, "decode"), 1, idle, idle_mhz, &worst_d);
	check_rows(gpu, json_object_get(root, "prefill"), 0, idle, idle_mhz, &worst_p);
	printf("# %s: worst decode error %.1f%%, worst prefill error %.1f%%\n",
	       gpu, worst_d * 100, worst_p * 100);
	{
		struct deploy *d = xcalloc(1, sizeof(*d));

		if (build(d, gpu, "llama-3.1-8b") == 0) {
			thermal_measure(gpu, root, &d->gspec.eff);
			calibration(gpu, d);
			power_curve(gpu, d);
		}
		free(d);
	}
	/* context floor: what a CUDA process holds before allocating */
	test_rel(num(json_object_get(root, "meta"), "total_bytes") -
		 num(json_object_get(root, "meta"), "free_after_context_bytes"),
		 552402944.0, 0.02, "%s: CUDA context as the efficiency record says", gpu);
	json_decref(root);
}

/*
 * Engine-grade prefill (tests/data/measure/fused, `measure_llm.py --fused`
 * on an H100, 2026-12-08): the element-wise steps as single fused kernels
 * (vLLM's add-and-norm, rotary, silu_and_mul), attention by cuDNN's
 * flash kernel with GQA inside it, the forward in a CUDA graph.  A GPU
 * calibrated by `rigplan calibrate` (tests/data/calibration, replayed
 * here, its decode overheads refitted as the command refits them) must
 * predict each of its prefills within 6% and all of them within 5% on
 * average: the bar for a calibrated Hopper.  Not the
 * 128-token one: its graph replay has no host launch floor, which an
 * eager prefill has and the model charges.  The shipped row, fitted to
 * the plain PyTorch prefill of tests/data/measure, is reported beside it.
 * And the element-wise part alone: the model's count of its bytes at the
 * achieved bandwidth within 10% of the time measured for it.
 */
static void engine_grade(const char *gpu)
{
	json_t *root, *row;
	struct cal_record rec;
	struct cal_fit f;
	struct err err = ERR_INIT;
	struct deploy *d = xcalloc(1, sizeof(*d));
	double sum = 0, worst = 0, rms;
	size_t i, n = 0, used = 0;
	int r;

	if (!(root = read_recording("fused/", gpu))) {
		free(d);
		return;
	}
	cal_fit_init(&f);
	if (read_calibration(&rec, gpu) < 0)
		goto out;
	if (!test_ok(cal_fit_record(&f, &rec, cat, &err) == 0, "%s: fit the calibration run: %s",
		     gpu, err.code ? err.msg : "ok"))
		goto release;
	/* and its decode overheads, as `rigplan calibrate` refits them */
	r = validate_refit_decode(&f.eff, &used, &rms, cat, &err);
	if (!test_ok(r == 0 && used >= 3, "%s: refit the decode overheads over %zu steps: %s", gpu,
		     used, err.code ? err.msg : "ok"))
		goto release;
	json_array_foreach(json_object_get(root, "prefill_fused"), i, row) {
		const char *model = json_string_value(json_object_get(row, "model"));
		double b = num(row, "batch"), s = num(row, "input_len"), meas = num(row, "time_s");
		struct perf_result shipped, calibrated;

		if (!model || s < 512 || build(d, gpu, model) < 0)
			continue;
		perf_prefill(&shipped, &d->in.model, b, s);
		if (!test_ok(deploy_use_efficiency(d, &f.eff, &err) == 0, "%s: calibrated: %s",
			     model, err.code ? err.msg : "ok"))
			continue;
		perf_prefill(&calibrated, &d->in.model, b, s);
		test_rel(calibrated.time_s, meas, 0.06, "%s calibrated, engine-grade prefill %s B=%.0f "
			 "S=%.0f: %.2f ms predicted, %.2f ms measured (shipped row %+.1f%%)", gpu, model,
			 b, s, calibrated.time_s * 1e3, meas * 1e3, (shipped.time_s / meas - 1) * 100);
		sum += fabs(calibrated.time_s / meas - 1);
		worst = fmax(worst, fabs(shipped.time_s / meas - 1));
		n++;
	}
	test_ok(n >= 8 && sum / (double)n <= 0.05, "%s calibrated: engine-grade prefill within "
		"%.1f%% on average over %zu (bar 5%%)", gpu, n ? 100 * sum / (double)n : 0, n);
	printf("# %s: the shipped row's worst engine-grade prefill error %.1f%%\n", gpu,
	       worst * 100);
	json_array_foreach(json_object_get(root, "parts"), i, row) {
		const char *model = json_string_value(json_object_get(row, "model"));
		const char *part = json_string_value(json_object_get(row, "part"));
		double tokens = num(row, "batch") * num(row, "input_len"), want;

		if (!model || !part || strcmp(part, "elementwise") || tokens < 2048 ||
		    build(d, gpu, model) < 0)
			continue;
		want = tokens * d->in.model.act_bytes_dense / d->in.model.bw;
		test_rel(want, num(row, "time_s"), 0.10, "%s %s, %.0f tokens: the element-wise "
			 "kernels %.0f us a layer by the model, %.0f us measured", gpu, model, tokens,
			 want * 1e6, num(row, "time_s") * 1e6);
	}
release:
	cal_record_release(&rec);
out:
	cal_fit_release(&f);
	json_decref(root);
	free(d);
}

/*
 * The air at the GPU in the four recordings is the zero-draw die
 * temperature of each (the idle-to-load line's intercept); none recorded
 * the room's inlet.  The host default gpu-preheat is their mean over the
 * default inlet, so that the default estimate describes these servers; at
 * it, each recording's settled temperature must follow from its draw.
 */
static void preheat(void)
{
	double mean = 0, air = host_default(HOST_INLET_C) + host_default(HOST_GPU_PREHEAT_K);
	size_t i;

	for (i = 0; i < nsettled; i++)
		mean += settled[i].air_c / (double)nsettled;
	printf("# air at the GPU:");
	for (i = 0; i < nsettled; i++)
		printf(" %.2f C (%s)%s", settled[i].air_c, settled[i].name,
		       i + 1 < nsettled ? "," : "");
	printf("; mean %.2f C\n", mean);
	test_int((long)nsettled, 4, "four recordings");
	test_abs(air, mean, 0.5, "default inlet %.0f C + gpu-preheat %.1f K is the recordings' "
		 "mean air, %.1f C", host_default(HOST_INLET_C), host_default(HOST_GPU_PREHEAT_K),
		 mean);
	for (i = 0; i < nsettled; i++)
		test_abs(air + settled[i].r * settled[i].w, settled[i].c, 3.0,
			 "%s at the default inlet: %.1f C predicted at %.0f W, measured %.1f C "
			 "(within 3 K)", settled[i].name, air + settled[i].r * settled[i].w,
			 settled[i].w, settled[i].c);
}

int main(void)
{
	cat = test_catalog();
	one_gpu("h100-sxm");
	one_gpu("h200-sxm");
	engine_grade("h100-sxm");
	preheat();
	cat_free(cat);
	return test_done();
}
