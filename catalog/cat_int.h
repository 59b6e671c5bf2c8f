/*
 * cat_int.h - private to catalog/: the connection and statement helpers.
 * Nothing outside catalog/ includes this or sqlite3.h.
 */
#ifndef RIGPLAN_CATALOG_CAT_INT_H
#define RIGPLAN_CATALOG_CAT_INT_H

#include <sqlite3.h>

#include "catalog/cat.h"

/*
 * SQLite application_id (PRAGMA application_id, bytes 68-71 of the file)
 * of rigplan's two files, so that neither is taken for the other or for
 * someone else's database: ASCII "RGPL" marks a user overlay, "RGPS" the
 * system catalog.  Overlays from before the mark carry 0 and are stamped
 * when next written.
 */
#define CAT_APP_ID_OVERLAY 0x5247504C
#define CAT_APP_ID_SYSTEM 0x52475053

#include "util/sbuf.h"

struct cat {
	sqlite3 *db;        /* in-memory main; "sys" and "user" attached */
	int has_overlay;    /* user.db is attached (not just absent) */
	int writable;
	cat_note_fn note;   /* cat_set_note_sink(); NULL: notes go nowhere */
	void *note_data;
	struct sbuf noted;  /* notes given, one a line, so none is repeated;
			     * buf NULL until the first */
};

/* Give the note sink a one-line note, once per catalog. */
void cat_note(struct cat *cat, const char *msg);

/* cat_find() that gives no note: for names a program wrote (nvidia-smi's
 * product names), not a person. */
int cat_find_quiet(void *row, struct cat *cat, enum cat_kind kind, const char *name,
		   struct err *err);

/* Prepare `sql` on cat's connection; ERR_DB with SQLite's message. */
int cat_prepare(sqlite3_stmt **out, sqlite3 *db, const char *sql,
		struct err *err);

/* Run a statement without results (no parameters). */
int cat_exec(sqlite3 *db, const char *sql, struct err *err);

/* ERR_DB from the connection's last error, with context. */
int cat_db_error(sqlite3 *db, const char *what, struct err *err);

/* Fill `row` (a struct of the kind) from the current result row of a
 * statement whose columns are the kind's fields in order. */
int cat_row_fill(void *row, const struct cat_kind_info *ki,
		 sqlite3_stmt *st, struct err *err);

/* Every row of `ki`'s table matching `tail` ("WHERE x = ?1 ORDER BY
 * id"), with up to two text parameters: *out is an array of n rows the
 * caller frees. */
int cat_select_rows(void **out, size_t *n, struct cat *cat, const struct cat_kind_info *ki,
		    const char *tail, const char *a, const char *b, struct err *err);

/* The first row's first column of a query with text parameters ?1 and
 * (b not NULL) ?2: 1 and *out filled, 0 when no row. */
int cat_query_id(char out[CAT_ID_MAX], sqlite3 *db, const char *sql,
		 const char *a, const char *b, struct err *err);

/* An engine name to a release id (cat_engine_find's rules). */
int cat_engine_resolve(char id[CAT_ID_MAX], struct cat *cat, const char *name,
		       struct err *err);

/* The tables read through their own queries (cat_fields.c). */
extern const struct cat_kind_info cat_engine_image_info, cat_engine_model_info,
	cat_gpu_target_info, cat_model_serving_info, cat_cpu_platform_info, cat_chassis_cpu_info,
	cat_chassis_layout_info, cat_system_info, cat_vision_info,
	cat_cpu_memory_info, cat_engine_policy_info, cat_engine_host_info,
	cat_engine_allreduce_info,
	cat_engine_kernel_info, cat_cpu_core_info;

/* "SELECT f1, f2, ... FROM table" for the kind; caller frees. */
char *cat_select_sql(const struct cat_kind_info *ki, const char *tail);

#endif
