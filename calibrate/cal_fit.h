/*
 * cal_fit.h - turn a calibration record into the model's parameters for
 * that GPU (struct gpu_eff's fields, as an efficiency row) and into the
 * measurement rows `rigplan validate` compares the model against.
 *
 * What is fitted, and how (cal_fit.c has the equations):
 *   bw, kernel_s       weighted linear least squares over the batch-1 GEMVs
 *   gemm, roofline_p   GSL nonlinear least squares over every bf16 GEMM
 *   gemm_fp8           the same, fp8 GEMMs, p held
 *   power_mem/_comp    power_fit (models/power.c) over the soaks' power samples:
 *                      least squares over the soaks the cap did not hold
 *   thermal_r, _tau    thermal_fit (models/thermal.c): the steady line from idle
 *                      to the heat soak's end, tau from every sample
 *   context_bytes      what the CUDA context took
 * Everything else (per-layer and per-step overheads, attention) keeps the
 * value of the GPU's current efficiency row; `rigplan calibrate` then
 * refits layer_s and step_s to end-to-end decode measurements where the
 * catalog has them (calibrate/validate.c).
 */
#ifndef RIGPLAN_CALIBRATE_CAL_FIT_H
#define RIGPLAN_CALIBRATE_CAL_FIT_H

#include <jansson.h>

#include "calibrate/cal_record.h"
#include "catalog/cat.h"
#include "models/power.h"

struct err;

#define CAL_PARAMS_MAX 16
#define CAL_NOTES_MAX 8

struct cal_param {
	const char *name;       /* the efficiency column */
	double value;
	double prior;           /* the value it replaces */
	double rms;             /* relative rms residual of its fit; NaN: direct */
	size_t points;
	char from[96];          /* which measurements */
};

struct cal_fit {
	struct cat_efficiency eff;      /* the row to store */
	struct cal_param p[CAL_PARAMS_MAX];
	size_t n;
	char notes[CAL_NOTES_MAX][200];
	size_t nnotes;
	double idle_w;                  /* measured */
	double sustained_mhz, max_mhz;  /* SM clock in the heat soak */
	double capped_fraction;         /* of the heat soak's samples */
	double thermal_t0_c;            /* fitted air at the GPU (zero-draw die); NaN: none */
	double heat_w, heat_c;          /* the heat soak's settled draw and temperature */
	double heat_prior_c;            /* what the replaced row predicts there */
	struct cat_measurement *rows;   /* for validate */
	size_t nrows;
};

void cal_fit_init(struct cal_fit *f);
void cal_fit_release(struct cal_fit *f);

/* The soaks of rec as power points for power_fit (models/power.h), with
 * the model's utilisations at efficiencies e on the GPU's datasheet;
 * at most max.  Returns how many. */
size_t cal_fit_power_points(struct power_point *out, size_t max, const struct cal_record *rec,
			    const struct cat_gpu *gpu, const struct gpu_eff *e);

/* Fit rec, against the catalog's datasheet for rec->gpu_id. */
int cal_fit_record(struct cal_fit *f, const struct cal_record *rec, struct cat *cat,
		   struct err *err);

/* Record a parameter fitted elsewhere (the decode overheads, which need
 * the whole model: calibrate/validate.c) so it is printed and stored with the rest. */
void cal_fit_add(struct cal_fit *f, const char *name, double value, double prior,
		 double rms, size_t points, const char *from);

/* One transaction in the user catalog: the efficiency row, the
 * calibration row and the measurement rows (replacing the GPU's old ones). */
int cal_fit_store(struct cat *cat, const struct cal_record *rec, const struct cal_fit *f,
		  struct err *err);

json_t *cal_fit_json(const struct cal_record *rec, const struct cal_fit *f);

#endif
