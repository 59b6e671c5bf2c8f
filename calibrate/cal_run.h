/*
 * cal_run.h - measure a GPU: the list of cases (real layer shapes from
 * the catalog's models, dense GEMMs from small to large, streams,
 * transfers), run through rigplan-ck while nvidia-smi is sampled.
 */
#ifndef RIGPLAN_CALIBRATE_CAL_RUN_H
#define RIGPLAN_CALIBRATE_CAL_RUN_H

#include <stdio.h>

#include "calibrate/cal_record.h"

struct cat;
struct err;

struct cal_run_opts {
	int device;             /* CUDA device index */
	int quick;              /* fewer shapes and shorter soaks */
	const char *const *models;  /* layer shapes from these; NULL: the defaults */
	size_t nmodels;
	double sample_period_s;
	FILE *progress;         /* a line per phase, or NULL */
};

#define CAL_RUN_OPTS_INIT { 0, 0, NULL, 0, 0.2, NULL }

/* Append the cases for `dev` to rec (exposed for the tests). */
int cal_cases_build(struct cal_record *rec, struct cat *cat, const struct cal_run_opts *o,
		    struct err *err);

/* Measure: the whole record, or an error and nothing. */
int cal_run(struct cal_record *rec, struct cat *cat, const struct cal_run_opts *o,
	    struct err *err);

#endif
