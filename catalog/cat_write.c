/*
 * cat_write.c - the only writes rigplan makes: to the user overlay, each
 * one a single IMMEDIATE transaction, so a crash or a concurrent rigplan
 * never leaves a half-written row.  The system catalog is never written.
 */
#include "catalog/cat_int.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

#include <math.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int need_overlay(struct cat *cat, struct err *err)
{
	if (!cat->has_overlay || !cat->writable)
		return err_set(err, ERR_INVAL,
			       "the catalog was opened read-only; open it with CAT_WRITE");
	return 0;
}

static int has_price(enum cat_kind kind)
{
	return kind != CAT_MODEL && kind != CAT_ENGINE && kind != CAT_EFFICIENCY &&
	       kind != CAT_LINK;
}

/* Run one bound statement inside the caller's transaction. */
static int step_bound(sqlite3 *db, const char *sql, const char *const *text,
		      size_t ntext, const double *num, struct err *err)
{
	sqlite3_stmt *st = NULL;
	size_t i;
	int r;

	if ((r = cat_prepare(&st, db, sql, err)) < 0)
		return r;
	for (i = 0; i < ntext; i++)
		sqlite3_bind_text(st, (int)i + 1, text[i], -1, SQLITE_TRANSIENT);
	if (num)
		sqlite3_bind_double(st, (int)ntext + 1, *num);
	if (sqlite3_step(st) != SQLITE_DONE)
		r = cat_db_error(db, "cannot write the user catalog", err);
	sqlite3_finalize(st);
	return r;
}

int cat_set_price_check(enum cat_kind kind, double price_usd, const char *price_kind,
			const char *source, const char *as_of, struct err *err)
{
	if (!has_price(kind))
		return err_set(err, ERR_INVAL, "%s entries have no price",
			       cat_kind_info(kind)->table);
	if (!isfinite(price_usd) || price_usd <= 0 || price_usd > 1e9)
		return err_set(err, ERR_INVAL,
			       "invalid price %g: expected more than 0 and at most 1e9 USD",
			       price_usd);
	if (strcmp(price_kind, "list") && strcmp(price_kind, "msrp") &&
	    strcmp(price_kind, "street"))
		return err_set(err, ERR_INVAL,
			       "invalid price kind '%.32s': expected list, msrp or street",
			       price_kind);
	if (strlen(source) < 1 || strlen(source) >= CAT_SOURCE_MAX)
		return err_set(err, ERR_INVAL,
			       "invalid price source: expected 1 to %d characters",
			       CAT_SOURCE_MAX - 1);
	if (!clock_date_valid(as_of))
		return err_set(err, ERR_INVAL,
			       "invalid date '%.32s': expected a calendar day as YYYY-MM-DD",
			       as_of);
	return 0;
}

int cat_set_price(struct cat *cat, enum cat_kind kind, const char *name,
		  double price_usd, const char *price_kind,
		  const char *source, const char *as_of, struct err *err)
{
	const struct cat_kind_info *ki = cat_kind_info(kind);
	char id[CAT_ID_MAX], copy[256], update[256];
	const char *text[4];
	int r;

	if ((r = cat_set_price_check(kind, price_usd, price_kind, source, as_of, err)) < 0)
		return r;
	if ((r = need_overlay(cat, err)) < 0 ||
	    (r = cat_resolve(id, cat, kind, name, err)) < 0)
		return r;

	snprintf(copy, sizeof(copy),
		 "INSERT INTO user.\"%s\" SELECT * FROM sys.\"%s\" WHERE id = ?1"
		 " AND id NOT IN (SELECT id FROM user.\"%s\")",
		 ki->table, ki->table, ki->table);
	snprintf(update, sizeof(update),
		 "UPDATE user.\"%s\" SET price_kind = ?2, price_source = ?3,"
		 " price_as_of = ?4, price_usd = ?5 WHERE id = ?1", ki->table);
	text[0] = id;
	text[1] = price_kind;
	text[2] = source;
	text[3] = as_of;
	if ((r = cat_exec(cat->db, "BEGIN IMMEDIATE", err)) < 0)
		return r;
	if ((r = step_bound(cat->db, copy, text, 1, NULL, err)) < 0 ||
	    (r = step_bound(cat->db, update, text, 4, &price_usd, err)) < 0 ||
	    (r = cat_exec(cat->db, "COMMIT", err)) < 0) {
		sqlite3_exec(cat->db, "ROLLBACK", NULL, NULL, NULL);
		return r;
	}
	return 0;
}

/* Bind field f of `row` as parameter `i`: NULL for an absent value, or
 * where nulls[i] says the user gave null. */
static void bind_field(sqlite3_stmt *st, int i, const struct cat_field *f, const char *row,
		       int null)
{
	const void *v = row + f->offset;

	if (null) {
		sqlite3_bind_null(st, i);
		return;
	}
	switch (f->type) {
	case CAT_TEXT:
		sqlite3_bind_text(st, i, (const char *)v, -1, SQLITE_TRANSIENT);
		break;
	case CAT_REAL:
		if (isnan(*(const double *)v))
			sqlite3_bind_null(st, i);
		else
			sqlite3_bind_double(st, i, *(const double *)v);
		break;
	default:    /* CAT_INT, CAT_BOOL */
		if (*(const int64_t *)v == CAT_NULL_INT)
			sqlite3_bind_null(st, i);
		else
			sqlite3_bind_int64(st, i, *(const int64_t *)v);
	}
}

/* Insert one row of ki into the overlay, inside the caller's
 * transaction; `code` is the error a refused row is. */
static int insert_row(struct cat *cat, const struct cat_kind_info *ki, const void *row,
		      const unsigned char *nulls, enum err_code code, struct err *err)
{
	const char *id = (const char *)row + ki->fields[0].offset;
	sqlite3_stmt *st = NULL;
	struct sbuf sql;
	char have[CAT_ID_MAX], probe[128];
	size_t i;
	int r;

	snprintf(probe, sizeof(probe), "SELECT id FROM \"%s\" WHERE id = ?1", ki->table);
	if ((r = cat_query_id(have, cat->db, probe, id, NULL, err)) != 0)
		return r < 0 ? r : err_set(err, ERR_INVAL, "%s '%s' is in the catalog already: "
					   "choose another id", ki->table, id);
	sbuf_init(&sql);
	sbuf_addf(&sql, "INSERT INTO user.\"%s\" (", ki->table);
	for (i = 0; i < ki->nfields; i++)
		sbuf_addf(&sql, "%s%s", i ? ", " : "", ki->fields[i].name);
	sbuf_addstr(&sql, ") VALUES (");
	for (i = 0; i < ki->nfields; i++)
		sbuf_addf(&sql, "%s?%zu", i ? ", " : "", i + 1);
	sbuf_addch(&sql, ')');
	r = cat_prepare(&st, cat->db, sql.buf, err);
	sbuf_release(&sql);
	if (r < 0)
		return r;
	for (i = 0; i < ki->nfields; i++)
		bind_field(st, (int)i + 1, &ki->fields[i], row, nulls && nulls[i]);
	if (sqlite3_step(st) != SQLITE_DONE)
		r = err_set(err, code, "%s '%s' cannot be stored: %s", ki->table, id,
			    sqlite3_errmsg(cat->db));
	sqlite3_finalize(st);
	return r;
}

/* Rows of one or more tables in one transaction: all or none. */
static int insert_rows(struct cat *cat, const struct cat_kind_info *const *ki,
		       const void *const *rows, const unsigned char *const *nulls, size_t n,
		       enum err_code code, struct err *err)
{
	size_t i;
	int r;

	if ((r = need_overlay(cat, err)) < 0 || (r = cat_exec(cat->db, "BEGIN IMMEDIATE", err)) < 0)
		return r;
	for (i = 0; i < n; i++)
		if ((r = insert_row(cat, ki[i], rows[i], nulls ? nulls[i] : NULL, code, err)) < 0) {
			sqlite3_exec(cat->db, "ROLLBACK", NULL, NULL, NULL);
			return r;
		}
	if ((r = cat_exec(cat->db, "COMMIT", err)) < 0)
		sqlite3_exec(cat->db, "ROLLBACK", NULL, NULL, NULL);
	return r;
}

int cat_user_add_model(struct cat *cat, const struct cat_model *m, const struct cat_vision *v,
		       struct err *err)
{
	const struct cat_kind_info *ki[2] = { cat_kind_info(CAT_MODEL), &cat_vision_info };
	const void *rows[2] = { m, v };

	return insert_rows(cat, ki, rows, NULL, v ? 2 : 1, ERR_INVAL, err);
}

int cat_user_add(struct cat *cat, enum cat_kind kind, const void *row, struct err *err)
{
	const struct cat_kind_info *ki = cat_kind_info(kind);

	return insert_rows(cat, &ki, &row, NULL, 1, ERR_INVAL, err);
}

/* A JSON value into field f of row: 0, or ERR_PARSE naming the field. */
static int json_field(char *row, unsigned char *null, const struct cat_field *f, const json_t *j,
		      const char *table, struct err *err)
{
	void *v = row + f->offset;

	*null = json_is_null(j);
	if (*null) {
		if (f->type == CAT_REAL)
			*(double *)v = NAN;
		else if (f->type != CAT_TEXT)
			*(int64_t *)v = CAT_NULL_INT;
		return 0;
	}
	switch (f->type) {
	case CAT_TEXT:
		if (!json_is_string(j) || json_string_length(j) >= f->size ||
		    strlen(json_string_value(j)) != json_string_length(j))
			break;
		memcpy(v, json_string_value(j), json_string_length(j) + 1);
		return 0;
	case CAT_REAL:
		if (!json_is_number(j) || !isfinite(json_number_value(j)))
			break;
		*(double *)v = json_number_value(j);
		return 0;
	case CAT_BOOL:
		if (!json_is_boolean(j))
			break;
		*(int64_t *)v = json_is_true(j);
		return 0;
	default:
		if (!json_is_integer(j))
			break;
		*(int64_t *)v = (int64_t)json_integer_value(j);
		return 0;
	}
	return err_set(err, ERR_PARSE, "%s.%s: expected %s", table, f->name,
		       f->type == CAT_TEXT ? "a string" : f->type == CAT_REAL ? "a number" :
		       f->type == CAT_BOOL ? "true or false" : "an integer");
}

int cat_user_add_json(struct cat *cat, enum cat_kind kind, const char *text, size_t len,
		      char id[CAT_ID_MAX], struct err *err)
{
	const struct cat_kind_info *ki = cat_kind_info(kind);
	const struct cat_kind_info *kis[2] = { ki, &cat_gpu_target_info };
	struct cat_gpu_target target;
	unsigned char nulls[128] = { 0 };
	const unsigned char *masks[2] = { nulls, NULL };
	const void *rows[2];
	json_error_t je;
	json_t *doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je), *j;
	const char *key;
	char *row = NULL;
	size_t i;
	int r = -1;

	if (!doc)
		return err_set(err, ERR_PARSE, "line %d, column %d: %s", je.line, je.column, je.text);
	if (!json_is_object(doc) || ki->nfields > sizeof(nulls)) {
		r = err_set(err, ERR_PARSE, "expected an object with a %s's fields (as 'rigplan "
			    "catalog show %s ID --json' prints them)", ki->table, ki->table);
		goto out;
	}
	json_object_foreach(doc, key, j) {
		for (i = 0; i < ki->nfields && strcmp(ki->fields[i].name, key); i++)
			;
		if (i == ki->nfields && strcmp(key, "origin") &&
		    !(kind == CAT_GPU && (!strcmp(key, "target") || !strcmp(key, "target_platform")))) {
			r = err_set(err, ERR_PARSE, "'%.60s' is not a field of a %s", key, ki->table);
			goto out;
		}
	}
	row = xcalloc(1, ki->row_size);
	for (i = 0; i < ki->nfields; i++) {
		const struct cat_field *f = &ki->fields[i];

		j = json_object_get(doc, f->name);
		if (!j)
			j = json_null();
		if ((r = json_field(row, &nulls[i], f, j, ki->table, err)) < 0)
			goto out;
	}
	if (nulls[0] || !row[ki->fields[0].offset]) {
		r = err_set(err, ERR_PARSE, "%s.id: missing", ki->table);
		goto out;
	}
	snprintf(id, CAT_ID_MAX, "%s", row + ki->fields[0].offset);
	rows[0] = row;
	if (kind != CAT_GPU) {
		r = insert_rows(cat, kis, rows, masks, 1, ERR_PARSE, err);
		goto out;
	}
	/* a GPU needs what engines' images are matched by: its compute
	 * capability or gfx name, and the platform */
	memset(&target, 0, sizeof(target));
	j = json_object_get(doc, "target");
	if (!json_is_string(j) || json_string_length(j) >= sizeof(target.target) ||
	    !json_string_length(j)) {
		r = err_set(err, ERR_PARSE, "gpu.target: expected the GPU's CUDA compute capability "
			    "(\"8.9\") or gfx name (\"gfx942\"), which engine images are built for");
		goto out;
	}
	snprintf(target.id, sizeof(target.id), "%s", id);
	snprintf(target.target, sizeof(target.target), "%s", json_string_value(j));
	j = json_object_get(doc, "target_platform");
	snprintf(target.platform, sizeof(target.platform), "%s",
		 json_is_string(j) ? json_string_value(j) : "linux/amd64");
	snprintf(target.source, sizeof(target.source), "%s",
		 ((struct cat_gpu *)(void *)row)->source);
	snprintf(target.as_of, sizeof(target.as_of), "%s", ((struct cat_gpu *)(void *)row)->as_of);
	rows[1] = &target;
	r = insert_rows(cat, kis, rows, masks, 2, ERR_PARSE, err);
out:
	free(row);
	json_decref(doc);
	return r;
}

int cat_user_remove(struct cat *cat, enum cat_kind kind, const char *name,
		    struct err *err)
{
	const struct cat_kind_info *ki = cat_kind_info(kind);
	char id[CAT_ID_MAX], sql[128];
	const char *text[1];
	int r;

	if ((r = need_overlay(cat, err)) < 0 ||
	    (r = cat_resolve(id, cat, kind, name, err)) < 0)
		return r;
	snprintf(sql, sizeof(sql), "DELETE FROM user.\"%s\" WHERE id = ?1", ki->table);
	text[0] = id;
	if ((r = cat_exec(cat->db, "BEGIN IMMEDIATE", err)) < 0)
		return r;
	if ((r = step_bound(cat->db, sql, text, 1, NULL, err)) < 0)
		goto rollback;
	if (sqlite3_changes(cat->db) == 0) {
		r = err_set(err, ERR_NOTFOUND, "%s '%s' has no entry in the user catalog",
			    ki->table, id);
		goto rollback;
	}
	if ((r = cat_exec(cat->db, "COMMIT", err)) < 0)
		goto rollback;
	return 0;
rollback:
	sqlite3_exec(cat->db, "ROLLBACK", NULL, NULL, NULL);
	return r;
}

int cat_snapshot_begin(struct cat *cat, struct err *err)
{
	return cat_exec(cat->db, "BEGIN", err);
}

void cat_snapshot_end(struct cat *cat)
{
	struct err err = ERR_INIT;

	(void)cat_exec(cat->db, "COMMIT", &err);
}
