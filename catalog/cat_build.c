/*
 * cat_build.c - build the system catalog from the SQL text under data/.
 * Run by `make` (through mkcatalog); statements are executed one at a time
 * so a bad row is reported with its file and line, and the database is
 * written to a temporary name and renamed only when everything loaded and
 * every alias points at a real row.
 */
#include "catalog/cat_int.h"
#include "util/err.h"
#include "util/fileio.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The data files are small; anything larger is a mistake. */
#define CAT_SQL_FILE_MAX (16u << 20)

static size_t count_lines(const char *from, const char *to)
{
	size_t n = 0;

	for (; from < to; from++)
		n += *from == '\n';
	return n;
}

static int exec_script(sqlite3 *db, const char *path, const char *text,
		       struct err *err)
{
	const char *p = text, *tail;

	while (*p) {
		sqlite3_stmt *st = NULL;
		int rc = sqlite3_prepare_v2(db, p, -1, &st, &tail);

		if (rc == SQLITE_OK && st) {
			rc = sqlite3_step(st);
			if (rc == SQLITE_ROW || rc == SQLITE_DONE)
				rc = SQLITE_OK;
		}
		if (rc != SQLITE_OK) {
			const char *at = p;

			while (*at == ' ' || *at == '\n' || *at == '\t' || *at == '\r')
				at++;
			err_set(err, ERR_PARSE, "%s:%zu: %s", path,
				count_lines(text, at) + 1, sqlite3_errmsg(db));
			sqlite3_finalize(st);
			return -ERR_PARSE;
		}
		sqlite3_finalize(st);
		if (tail == p)
			break;
		p = tail;
	}
	return 0;
}

/* Every alias must name an existing row of its kind. */
static int check_aliases(sqlite3 *db, struct err *err)
{
	size_t k;

	for (k = 0; k < CAT_KIND_COUNT; k++) {
		const struct cat_kind_info *ki = cat_kind_info((enum cat_kind)k);
		sqlite3_stmt *st = NULL;
		char sql[160];
		int r;

		/* an engine alias names a family, whose releases are rows */
		snprintf(sql, sizeof(sql),
			 "SELECT alias, id FROM alias WHERE kind = ?1"
			 " AND id NOT IN (SELECT %s FROM \"%s\")",
			 k == CAT_ENGINE ? "family" : "id", ki->table);
		if ((r = cat_prepare(&st, db, sql, err)) < 0)
			return r;
		sqlite3_bind_text(st, 1, ki->table, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			r = err_set(err, ERR_PARSE, "alias '%s' names unknown %s '%s'",
				    (const char *)sqlite3_column_text(st, 0), ki->table,
				    (const char *)sqlite3_column_text(st, 1));
			sqlite3_finalize(st);
			return r;
		}
		sqlite3_finalize(st);
	}
	return 0;
}

/* Rows that name other rows: each query returns the first that names
 * nothing, and the message says what it is. */
static const struct reference {
	const char *sql, *what;     /* what: of the row the query returns */
} references[] = {
	{ "SELECT id FROM engine e WHERE NOT EXISTS"
	  " (SELECT 1 FROM engine_image i WHERE i.engine = e.id)",
	  "has no image (engine_image)" },
	{ "SELECT id FROM engine_image WHERE engine NOT IN (SELECT id FROM engine)",
	  "names an unknown engine release" },
	{ "SELECT id FROM engine_model WHERE family NOT IN (SELECT family FROM engine)",
	  "names an unknown engine family" },
	{ "SELECT id FROM gpu_target WHERE id NOT IN (SELECT id FROM gpu)",
	  "names an unknown gpu" },
	{ "SELECT id FROM gpu WHERE id NOT IN (SELECT id FROM gpu_target)",
	  "has no compile target (gpu_target)" },
	{ "SELECT id FROM checkpoint WHERE model NOT IN (SELECT id FROM model)",
	  "names an unknown model" },
	{ "SELECT id FROM model_serving WHERE model NOT IN (SELECT id FROM model)",
	  "names an unknown model" },
	{ "SELECT id FROM engine_policy WHERE id NOT IN (SELECT family FROM engine)",
	  "is the policy of an unknown engine family" },
	{ "SELECT id FROM engine_host WHERE id NOT IN (SELECT family FROM engine)",
	  "is the host cost of an unknown engine family" },
	{ "SELECT id FROM engine_allreduce WHERE id NOT IN (SELECT family FROM engine)",
	  "is the all-reduce of an unknown engine family" },
	{ "SELECT id FROM engine_kernel WHERE family NOT IN (SELECT family FROM engine)",
	  "is the kernels of an unknown engine family" },
	{ "SELECT id FROM engine_kernel WHERE architecture NOT IN (SELECT id FROM efficiency)",
	  "names an architecture without an efficiency row" },
	{ "SELECT id FROM cpu_memory WHERE id NOT IN (SELECT id FROM cpu)",
	  "is the memory speed of an unknown CPU" },
	{ "SELECT id FROM cpu_core WHERE id NOT IN (SELECT id FROM cpu)",
	  "is the cores of an unknown CPU" },
	{ "SELECT id FROM cpu_core WHERE microarchitecture NOT IN (SELECT id FROM efficiency)",
	  "names a microarchitecture without an efficiency row" },
	{ "SELECT id FROM vision WHERE id NOT IN (SELECT id FROM model)",
	  "is the vision tower of an unknown model" },
	{ "SELECT id FROM model_serving WHERE family NOT IN (SELECT family FROM engine)",
	  "names an unknown engine family" },
};

static int check_references(sqlite3 *db, struct err *err)
{
	size_t i;

	for (i = 0; i < sizeof(references) / sizeof(references[0]); i++) {
		sqlite3_stmt *st = NULL;
		int r;

		if ((r = cat_prepare(&st, db, references[i].sql, err)) < 0)
			return r;
		if (sqlite3_step(st) == SQLITE_ROW) {
			char id[128];

			snprintf(id, sizeof(id), "%s", (const char *)sqlite3_column_text(st, 0));
			sqlite3_finalize(st);
			return err_set(err, ERR_PARSE, "catalog row '%s' %s", id, references[i].what);
		}
		sqlite3_finalize(st);
	}
	return 0;
}

int cat_build(const char *path, const char *const *sql_files, size_t n,
	      struct err *err)
{
	struct sbuf tmp;
	sqlite3 *db = NULL;
	char *text = NULL, pragma[64];
	size_t i;
	int r = 0;

	sbuf_init(&tmp);
	sbuf_addf(&tmp, "%s.tmp%ld", path, (long)getpid());
	unlink(tmp.buf);
	if (sqlite3_open_v2(tmp.buf, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK) {
		r = err_set(err, ERR_IO, "cannot create '%s'", tmp.buf);
		goto out;
	}
	if ((r = cat_exec(db, "BEGIN", err)) < 0)
		goto out;
	for (i = 0; i < n; i++) {
		size_t len;

		if ((r = file_read_all(&text, &len, sql_files[i], CAT_SQL_FILE_MAX, err)) < 0 ||
		    (r = exec_script(db, sql_files[i], text, err)) < 0)
			goto out;
		free(text);
		text = NULL;
	}
	snprintf(pragma, sizeof(pragma), "PRAGMA application_id = %d", CAT_APP_ID_SYSTEM);
	if ((r = check_aliases(db, err)) < 0 || (r = check_references(db, err)) < 0 ||
	    (r = cat_exec(db, pragma, err)) < 0 ||
	    (r = cat_exec(db, "COMMIT", err)) < 0)
		goto out;
	if (sqlite3_close(db) != SQLITE_OK) {
		r = err_set(err, ERR_IO, "cannot finish '%s'", tmp.buf);
		db = NULL;
		goto out;
	}
	db = NULL;
	if (rename(tmp.buf, path) < 0)
		r = err_set(err, ERR_IO, "cannot rename '%s' to '%s': %s", tmp.buf,
			    path, strerror(errno));
out:
	free(text);
	if (db)
		sqlite3_close(db);
	if (r < 0)
		unlink(tmp.buf);
	sbuf_release(&tmp);
	return r;
}
