/*
 * cat_int.h - private to catalog/: the connection and statement helpers.
 * Nothing outside catalog/ includes this or sqlite3.h.
 */
#ifndef RIGPLAN_CATALOG_CAT_INT_H
#define RIGPLAN_CATALOG_CAT_INT_H

#include <sqlite3.h>

#include "catalog/cat.h"

/* A row looked up during a snapshot, kept for the next identical lookup. */
struct cat_memo {
	int kind;               /* enum cat_kind, or CAT_MEMO_* below */
	char key[CAT_NAME_MAX + 40];
	void *row;              /* row_size bytes, or a psu curve */
	size_t len;
};

/* Memo kinds beyond enum cat_kind's values. */
#define CAT_MEMO_EFFICIENCY_FOR 1000
#define CAT_MEMO_PSU_CURVE 1001

struct cat {
	sqlite3 *db;        /* in-memory main; "sys" and "user" attached */
	int has_overlay;    /* user.db is attached (not just absent) */
	int writable;
	/* Inside a snapshot nothing changes, so lookups are memoized (the
	 * planner repeats the same few thousands of times). */
	int snapshot;
	struct cat_memo *memo;
	size_t nmemo, memo_cap;
};

/* The memo for (kind, key) inside a snapshot; NULL when none. */
const struct cat_memo *cat_memo_get(const struct cat *cat, int kind, const char *key);
/* Remember len bytes for (kind, key) when inside a snapshot. */
void cat_memo_put(struct cat *cat, int kind, const char *key, const void *data, size_t len);
void cat_memo_clear(struct cat *cat);

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

/* "SELECT f1, f2, ... FROM table" for the kind; caller frees. */
char *cat_select_sql(const struct cat_kind_info *ki, const char *tail);

#endif
