/*
 * cat_calib.c - measurements and calibrations: reading every measurement
 * for `rigplan validate`, and storing what `rigplan calibrate` fitted, in
 * one IMMEDIATE transaction so a failure leaves the overlay as it was.
 */
#include "catalog/cat_int.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MEAS_COLUMNS "id, gpu_id, workload, metric, dtype, m, n, k, size_bytes, pinned," \
	" model_id, layers, batch, context, input_len, value, source, as_of"

static void text_col(char *out, size_t size, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(out, size, "%s", t ? (const char *)t : "");
}

static int64_t int_col(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? CAT_NULL_INT
							    : sqlite3_column_int64(st, col);
}

int cat_measurements(struct cat_measurement **out, size_t *n, struct cat *cat,
		     struct err *err)
{
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int r, rc;

	*out = NULL;
	*n = 0;
	if ((r = cat_prepare(&st, cat->db, "SELECT " MEAS_COLUMNS " FROM measurement"
			     " ORDER BY gpu_id, workload, id", err)) < 0)
		return r;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct cat_measurement *m;

		*out = xgrow(*out, &cap, *n + 1, sizeof(**out));
		m = &(*out)[(*n)++];
		text_col(m->id, sizeof(m->id), st, 0);
		text_col(m->gpu_id, sizeof(m->gpu_id), st, 1);
		text_col(m->workload, sizeof(m->workload), st, 2);
		text_col(m->metric, sizeof(m->metric), st, 3);
		text_col(m->dtype, sizeof(m->dtype), st, 4);
		m->m = int_col(st, 5);
		m->n = int_col(st, 6);
		m->k = int_col(st, 7);
		m->size_bytes = int_col(st, 8);
		m->pinned = int_col(st, 9);
		text_col(m->model_id, sizeof(m->model_id), st, 10);
		m->layers = int_col(st, 11);
		m->batch = int_col(st, 12);
		m->context = int_col(st, 13);
		m->input_len = int_col(st, 14);
		m->value = sqlite3_column_double(st, 15);
		text_col(m->source, sizeof(m->source), st, 16);
		text_col(m->as_of, sizeof(m->as_of), st, 17);
	}
	if (rc != SQLITE_DONE)
		r = cat_db_error(cat->db, "cannot read the measurements", err);
	sqlite3_finalize(st);
	if (r < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return r;
}

static void bind_int(sqlite3_stmt *st, int col, int64_t v)
{
	if (v == CAT_NULL_INT)
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_int64(st, col, v);
}

static void bind_text(sqlite3_stmt *st, int col, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, col, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, col);
}

static void bind_real(sqlite3_stmt *st, int col, double v)
{
	if (isnan(v))
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_double(st, col, v);
}

/* Run a prepared statement to completion and finalize it. */
static int done(sqlite3 *db, sqlite3_stmt *st, const char *what, struct err *err)
{
	int r = sqlite3_step(st) == SQLITE_DONE ? 0 : cat_db_error(db, what, err);

	sqlite3_finalize(st);
	return r;
}

static int put_efficiency(sqlite3 *db, const struct cat_efficiency *e, struct err *err)
{
	sqlite3_stmt *st = NULL;
	const double v[] = { e->bw, e->kernel_s, e->layer_s, e->step_s, e->launch_layer_s,
			     e->gemm, e->gemm_fp8, e->attn_prefill, e->roofline_p,
			     e->power_mem, e->power_comp, e->thermal_r_k_per_w,
			     e->thermal_tau_s, e->temp_slowdown_c, e->context_bytes,
			     e->err_decode_lo, e->err_decode_hi, e->err_prefill_lo,
			     e->err_prefill_hi, e->dequant_ops };
	size_t i;
	int r;

	r = cat_prepare(&st, db,
		"INSERT OR REPLACE INTO user.efficiency (id, name, scope, bw, kernel_s,"
		" layer_s, step_s, launch_layer_s, gemm, gemm_fp8, attn_prefill, roofline_p,"
		" power_mem, power_comp, thermal_r_k_per_w, thermal_tau_s, temp_slowdown_c,"
		" context_bytes, err_decode_lo, err_decode_hi, err_prefill_lo, err_prefill_hi,"
		" dequant_ops, source, as_of) VALUES (?1, ?2, 'gpu', ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
		" ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)", err);
	if (r < 0)
		return r;
	bind_text(st, 1, e->id);
	bind_text(st, 2, e->name);
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		bind_real(st, (int)i + 3, v[i]);
	bind_text(st, 23, e->source);
	bind_text(st, 24, e->as_of);
	return done(db, st, "cannot store the efficiency row", err);
}

static int put_measurement(sqlite3 *db, const struct cat_measurement *m, struct err *err)
{
	sqlite3_stmt *st = NULL;
	int r;

	r = cat_prepare(&st, db, "INSERT OR REPLACE INTO user.measurement (" MEAS_COLUMNS
			") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
			" ?15, ?16, ?17, ?18)", err);
	if (r < 0)
		return r;
	bind_text(st, 1, m->id);
	bind_text(st, 2, m->gpu_id);
	bind_text(st, 3, m->workload);
	bind_text(st, 4, m->metric);
	bind_text(st, 5, m->dtype);
	bind_int(st, 6, m->m);
	bind_int(st, 7, m->n);
	bind_int(st, 8, m->k);
	bind_int(st, 9, m->size_bytes);
	bind_int(st, 10, m->pinned);
	bind_text(st, 11, m->model_id);
	bind_int(st, 12, m->layers);
	bind_int(st, 13, m->batch);
	bind_int(st, 14, m->context);
	bind_int(st, 15, m->input_len);
	bind_real(st, 16, m->value);
	bind_text(st, 17, m->source);
	bind_text(st, 18, m->as_of);
	return done(db, st, "cannot store a measurement", err);
}

int cat_calibration_save(struct cat *cat, const struct cat_efficiency *eff,
			 const char *device_name, const char *driver, const char *cuda,
			 const char *host, int quick, size_t cases, size_t samples,
			 const char *fit_json, const struct cat_measurement *rows,
			 size_t n, struct err *err)
{
	sqlite3_stmt *st = NULL;
	size_t i;
	int r;

	if (!cat->has_overlay || !cat->writable)
		return err_set(err, ERR_INVAL,
			       "the catalog was opened read-only; open it with CAT_WRITE");
	if ((r = cat_exec(cat->db, "BEGIN IMMEDIATE", err)) < 0)
		return r;
	if ((r = put_efficiency(cat->db, eff, err)) < 0)
		goto rollback;
	if ((r = cat_prepare(&st, cat->db, "DELETE FROM user.measurement WHERE gpu_id = ?1"
			     " AND workload NOT IN ('decode', 'prefill')", err)) < 0)
		goto rollback;
	bind_text(st, 1, eff->id);
	if ((r = done(cat->db, st, "cannot replace the old measurements", err)) < 0)
		goto rollback;
	for (i = 0; i < n; i++)
		if ((r = put_measurement(cat->db, &rows[i], err)) < 0)
			goto rollback;
	if ((r = cat_prepare(&st, cat->db, "INSERT OR REPLACE INTO user.calibration (id,"
			     " device_name, driver_version, cuda_version, host, quick, cases,"
			     " samples, fit, source, as_of) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
			     " ?8, ?9, ?10, ?11)", err)) < 0)
		goto rollback;
	bind_text(st, 1, eff->id);
	bind_text(st, 2, device_name);
	bind_text(st, 3, driver);
	bind_text(st, 4, cuda);
	bind_text(st, 5, host);
	sqlite3_bind_int(st, 6, quick != 0);
	sqlite3_bind_int64(st, 7, (sqlite3_int64)cases);
	sqlite3_bind_int64(st, 8, (sqlite3_int64)samples);
	bind_text(st, 9, fit_json);
	bind_text(st, 10, eff->source);
	bind_text(st, 11, eff->as_of);
	if ((r = done(cat->db, st, "cannot store the calibration", err)) < 0 ||
	    (r = cat_exec(cat->db, "COMMIT", err)) < 0)
		goto rollback;
	return 0;
rollback:
	sqlite3_exec(cat->db, "ROLLBACK", NULL, NULL, NULL);
	return err_prefix(err, "calibration not stored");
}
