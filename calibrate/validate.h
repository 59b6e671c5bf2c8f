/*
 * validate.h - the model against every stored measurement: kernel
 * timings, bandwidths and power from `rigplan calibrate`, end-to-end
 * decode and prefill times from data/measurements.sql.
 */
#ifndef RIGPLAN_CALIBRATE_VALIDATE_H
#define RIGPLAN_CALIBRATE_VALIDATE_H

#include <stddef.h>

#include "catalog/cat.h"

struct err;

struct val_row {
	struct cat_measurement m;
	double predicted;       /* NaN: the model has no prediction for it */
	double error;           /* predicted / measured - 1 */
};

/* Per GPU and measurement kind ("gemm time_s", "decode time_s", ...). */
struct val_summary {
	char gpu[CAT_ID_MAX];
	char what[64];
	size_t n;
	double mean_abs, max_abs, rms;  /* relative errors */
};

int validate_run(struct val_row **rows, size_t *n, struct cat *cat, struct err *err);

/* Summaries over rows (grouped as they come: by GPU, then kind); caller frees. */
void validate_summarize(struct val_summary **out, size_t *n, const struct val_row *rows,
			size_t nrows);

/*
 * Refit eff's per-layer and per-step decode overheads (layer_s, step_s)
 * to the catalog's end-to-end decode measurements of eff->id, holding the
 * kernel parameters a calibration measured.  *used: rows fitted (0 when
 * fewer than 3 exist, and eff is left alone); *rms: relative rms error.
 */
int validate_refit_decode(struct cat_efficiency *eff, size_t *used, double *rms,
			  struct cat *cat, struct err *err);

#endif
