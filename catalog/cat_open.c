/*
 * cat_open.c - find, open and combine the system catalog and the user
 * overlay.  The connection's main database is an empty in-memory one; the
 * system catalog is attached read-only as "sys", the overlay as "user",
 * and TEMP views with the tables' names merge them so that a user row
 * overrides the system row of the same id.  Queries elsewhere just name
 * the table ("gpu") and get the merged view.
 */
#include "catalog/cat_int.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* How long a writer waits for another rigplan holding the overlay. */
#define CAT_BUSY_TIMEOUT_MS 5000

int cat_db_error(sqlite3 *db, const char *what, struct err *err)
{
	return err_set(err, ERR_DB, "%s: %s", what, sqlite3_errmsg(db));
}

int cat_prepare(sqlite3_stmt **out, sqlite3 *db, const char *sql,
		struct err *err)
{
	if (sqlite3_prepare_v2(db, sql, -1, out, NULL) != SQLITE_OK) {
		*out = NULL;
		return cat_db_error(db, "cannot query the catalog", err);
	}
	return 0;
}

int cat_exec(sqlite3 *db, const char *sql, struct err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(err, ERR_DB, "catalog statement failed: %s",
			msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -ERR_DB;
	}
	return 0;
}

static int file_readable(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	       access(path, R_OK) == 0;
}

/* Whether two paths name one file (the same path, or a link to it). */
static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

static int copy_path(char *dst, size_t size, const char *src,
		     const char *what, struct err *err)
{
	if (strlen(src) >= size)
		return err_set(err, ERR_INVAL, "%s path is too long", what);
	memcpy(dst, src, strlen(src) + 1);
	return 0;
}

/* data/catalog.db beside the running program, as in the build tree. */
static int build_tree_catalog(char *out, size_t size)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0)
		return 0;
	exe[n] = '\0';
	if ((size_t)snprintf(out, size, "%s/data/catalog.db", dirname(exe)) >= size)
		return 0;
	return file_readable(out);
}

int cat_paths_default(struct cat_paths *out, struct err *err)
{
	const char *env = getenv("RIGPLAN_CATALOG");
	const char *xdg, *home;
	int r;

	memset(out, 0, sizeof(*out));
	if (env && *env) {
		r = copy_path(out->system, sizeof(out->system), env,
			      "RIGPLAN_CATALOG", err);
		if (r < 0)
			return r;
		out->system_origin = "RIGPLAN_CATALOG";
	} else if (build_tree_catalog(out->system, sizeof(out->system))) {
		out->system_origin = "build tree";
	} else {
		r = copy_path(out->system, sizeof(out->system),
			      RIGPLAN_PKGDATADIR "/catalog.db", "catalog", err);
		if (r < 0)
			return r;
		out->system_origin = "installed";
	}

	env = getenv("RIGPLAN_USER_DB");
	xdg = getenv("XDG_DATA_HOME");
	home = getenv("HOME");
	if (env && *env) {
		out->user_origin = "RIGPLAN_USER_DB";
		return copy_path(out->user, sizeof(out->user), env,
				 "RIGPLAN_USER_DB", err);
	}
	/* XDG base directory spec: relative XDG_DATA_HOME values are invalid
	 * and must be ignored. */
	if (xdg && xdg[0] == '/') {
		out->user_origin = "XDG_DATA_HOME";
		if ((size_t)snprintf(out->user, sizeof(out->user),
				     "%s/rigplan/user.db", xdg) >= sizeof(out->user))
			return err_set(err, ERR_INVAL, "XDG_DATA_HOME is too long");
		return 0;
	}
	if (!home || home[0] != '/')
		return err_set(err, ERR_INVAL,
			       "cannot place the user catalog: set HOME, XDG_DATA_HOME or RIGPLAN_USER_DB");
	out->user_origin = "HOME";
	if ((size_t)snprintf(out->user, sizeof(out->user),
			     "%s/.local/share/rigplan/user.db", home) >= sizeof(out->user))
		return err_set(err, ERR_INVAL, "HOME is too long");
	return 0;
}

/* A file: URI for `path` with `query`, so ATTACH can open it read-only. */
static char *file_uri(const char *path, const char *query)
{
	static const char hex[] = "0123456789ABCDEF";
	struct sbuf sb;
	const unsigned char *p;

	sbuf_init(&sb);
	sbuf_addstr(&sb, "file:");
	for (p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/._-~", *p)) {
			sbuf_addch(&sb, (char)*p);
		} else {
			sbuf_addch(&sb, '%');
			sbuf_addch(&sb, hex[*p >> 4]);
			sbuf_addch(&sb, hex[*p & 15]);
		}
	}
	sbuf_addf(&sb, "?%s", query);
	return sbuf_detach(&sb);
}

static int attach(sqlite3 *db, const char *path, const char *query,
		  const char *schema, struct err *err)
{
	sqlite3_stmt *st = NULL;
	char *uri = file_uri(path, query);
	char sql[64];
	int r = 0;

	snprintf(sql, sizeof(sql), "ATTACH DATABASE ?1 AS %s", schema);
	if ((r = cat_prepare(&st, db, sql, err)) < 0)
		goto out;
	sqlite3_bind_text(st, 1, uri, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		r = err_set(err, ERR_DB, "cannot open catalog '%s': %s", path,
			    sqlite3_errmsg(db));
out:
	sqlite3_finalize(st);
	free(uri);
	return r;
}

/* PRAGMA <schema>.<name>, an integer one (user_version, application_id). */
static int pragma_int(long *out, sqlite3 *db, const char *schema, const char *name,
		      struct err *err)
{
	sqlite3_stmt *st = NULL;
	char sql[64];
	int r;

	snprintf(sql, sizeof(sql), "PRAGMA %s.%s", schema, name);
	if ((r = cat_prepare(&st, db, sql, err)) < 0)
		return r;
	if (sqlite3_step(st) != SQLITE_ROW) {
		r = cat_db_error(db, "cannot read the catalog header", err);
	} else {
		*out = (long)sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return r;
}

/* Oldest overlay version this rigplan reads (and upgrades on its next write). */
#define CAT_OVERLAY_MIN_VERSION 1

/* Whether schema version `v` of a catalog (an overlay: `overlay`) is one
 * this rigplan reads. */
static int check_version(long v, int overlay, const char *path, struct err *err)
{
	if (v == CAT_SCHEMA_VERSION ||
	    (overlay && v >= CAT_OVERLAY_MIN_VERSION && v < CAT_SCHEMA_VERSION))
		return 0;
	if (v == 0)
		return err_set(err, ERR_DB, "%s'%s' is not a rigplan %s (no schema version)",
			       overlay ? "user catalog " : "", path,
			       overlay ? "overlay" : "catalog");
	return err_set(err, ERR_DB,
		       "catalog '%s' has schema version %ld but this rigplan reads version %d%s",
		       path, v, CAT_SCHEMA_VERSION,
		       v > CAT_SCHEMA_VERSION ? "; upgrade rigplan" : "");
}

static int check_system_version(sqlite3 *db, const char *path, struct err *err)
{
	long v = 0;

	if (pragma_int(&v, db, "sys", "user_version", err) < 0)
		return err_prefix(err, "catalog '%s'", path);
	return check_version(v, 0, path, err);
}

/* The CREATE TABLE statements of the system catalog, in order. */
static int system_tables(char ***out, size_t *n, sqlite3 *db, struct err *err)
{
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int r, rc;

	*out = NULL;
	*n = 0;
	r = cat_prepare(&st, db,
			"SELECT name, sql FROM sys.sqlite_master WHERE type = 'table'"
			" AND name NOT LIKE 'sqlite_%' ORDER BY rowid", err);
	if (r < 0)
		return r;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xgrow(*out, &cap, 2 * (*n + 1), sizeof(char *));
		(*out)[2 * *n] = xstrdup((const char *)sqlite3_column_text(st, 0));
		(*out)[2 * *n + 1] = xstrdup((const char *)sqlite3_column_text(st, 1));
		(*n)++;
	}
	if (rc != SQLITE_DONE)
		r = cat_db_error(db, "cannot read the catalog schema", err);
	sqlite3_finalize(st);
	return r;
}

static void free_tables(char **tables, size_t n)
{
	size_t i;

	for (i = 0; i < 2 * n; i++)
		free(tables[i]);
	free(tables);
}

/* Whether `sql`, with `bind` as ?1 (NULL: none), returns a row. */
static int returns_row(int *out, sqlite3 *db, const char *sql, const char *bind,
		       const char *what, struct err *err)
{
	sqlite3_stmt *st = NULL;
	int r, rc;

	if ((r = cat_prepare(&st, db, sql, err)) < 0)
		return r;
	if (bind)
		sqlite3_bind_text(st, 1, bind, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = cat_db_error(db, what, err);
	sqlite3_finalize(st);
	return r;
}

/* Whether schema `schema` of db has table `name`. */
static int has_table(int *out, sqlite3 *db, const char *schema, const char *name,
		     struct err *err)
{
	char sql[96];

	snprintf(sql, sizeof(sql),
		 "SELECT 1 FROM \"%s\".sqlite_master WHERE type = 'table' AND name = ?1",
		 schema);
	return returns_row(out, db, sql, name, "cannot read the overlay schema", err);
}

/* The column names of table `name` in `schema`, comma-separated, into sb. */
static int columns(struct sbuf *sb, sqlite3 *db, const char *schema, const char *name,
		   struct err *err)
{
	sqlite3_stmt *st = NULL;
	int r, rc;

	sbuf_reset(sb);
	if ((r = cat_prepare(&st, db, "SELECT name FROM pragma_table_info(?1, ?2) ORDER BY cid",
			     err)) < 0)
		return r;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, schema, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		sbuf_addf(sb, "%s,", (const char *)sqlite3_column_text(st, 0));
	if (rc != SQLITE_DONE)
		r = cat_db_error(db, "cannot read the overlay schema", err);
	sqlite3_finalize(st);
	return r;
}

/* Whether the overlay's table was created by `create` (the system
 * catalog's statement), constraints and all. */
static int same_statement(int *out, sqlite3 *udb, const char *name, const char *create,
			  struct err *err)
{
	sqlite3_stmt *st = NULL;
	int r, rc;

	*out = 0;
	if ((r = cat_prepare(&st, udb, "SELECT sql FROM main.sqlite_master WHERE type = 'table' "
			     "AND name = ?1", err)) < 0)
		return r;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*out = sqlite3_column_text(st, 0) &&
		       !strcmp((const char *)sqlite3_column_text(st, 0), create);
	else if (rc != SQLITE_DONE)
		r = cat_db_error(udb, "cannot read the overlay schema", err);
	sqlite3_finalize(st);
	return r;
}

/* Column list "a,b,c," as a quoted SQL list "\"a\", \"b\", \"c\"". */
static void quoted_columns(struct sbuf *sb, const char *cols)
{
	const char *p = cols, *comma;

	while ((comma = strchr(p, ',')) != NULL) {
		sbuf_addf(sb, "%s\"%.*s\"", p == cols ? "" : ", ", (int)(comma - p), p);
		p = comma + 1;
	}
}

/* The table made anew with its rows, each checked against the new
 * statement (one that fails rolls the upgrade back): the same columns
 * under new constraints (version 10 let a model's native format be a
 * GGUF file's, 11 let a GPU be Apple's), or new columns after the old
 * ones (`cols`, the old ones, comma-terminated; version 11 added
 * efficiency.dequant_ops), which the old rows leave to their default. */
static int reconstrain(sqlite3 *udb, const char *name, const char *create, const char *cols,
		       struct err *err)
{
	struct sbuf sql;
	int r;

	sbuf_init(&sql);
	sbuf_addf(&sql, "ALTER TABLE main.\"%s\" RENAME TO \"%s__old\"", name, name);
	if ((r = cat_exec(udb, sql.buf, err)) < 0 || (r = cat_exec(udb, create, err)) < 0)
		goto out;
	sbuf_reset(&sql);
	sbuf_addf(&sql, "INSERT INTO main.\"%s\" (", name);
	quoted_columns(&sql, cols);
	sbuf_addf(&sql, ") SELECT ");
	quoted_columns(&sql, cols);
	sbuf_addf(&sql, " FROM main.\"%s__old\"", name);
	if ((r = cat_exec(udb, sql.buf, err)) < 0) {
		r = err_prefix(err, "its table '%s' holds a row the new schema refuses", name);
		goto out;
	}
	sbuf_reset(&sql);
	sbuf_addf(&sql, "DROP TABLE main.\"%s__old\"", name);
	r = cat_exec(udb, sql.buf, err);
out:
	sbuf_release(&sql);
	return r;
}

/*
 * An older overlay's table whose columns the system catalog has changed
 * (version 5 made engine rows releases and gave models their
 * architecture): the merge views need one layout, so an empty table is
 * made anew; one with rows (which no rigplan command writes for these
 * tables) is left alone and refused, naming the table.  A table with the
 * same columns under other constraints is rebuilt with its rows.
 */
static int relayout(sqlite3 *udb, sqlite3 *sysdb, const char *name, const char *create,
		    struct err *err)
{
	struct sbuf have, want, sql;
	int rows = 0, r;

	sbuf_init(&have);
	sbuf_init(&want);
	sbuf_init(&sql);
	if ((r = columns(&have, udb, "main", name, err)) < 0 ||
	    (r = columns(&want, sysdb, "sys", name, err)) < 0)
		goto out;
	if (!strcmp(have.buf ? have.buf : "", want.buf ? want.buf : "")) {
		int same;

		if ((r = same_statement(&same, udb, name, create, err)) == 0 && !same)
			r = reconstrain(udb, name, create, have.buf, err);
		goto out;
	}
	/* columns added after the old ones: the rows move over */
	if (have.len && want.len > have.len && !strncmp(have.buf, want.buf, have.len)) {
		r = reconstrain(udb, name, create, have.buf, err);
		goto out;
	}
	sbuf_addf(&sql, "SELECT 1 FROM main.\"%s\" LIMIT 1", name);
	if ((r = returns_row(&rows, udb, sql.buf, NULL, "cannot read the overlay", err)) < 0)
		goto out;
	if (rows) {
		r = err_set(err, ERR_DB, "its table '%s' has rows in an older layout; move them"
			    " out (sqlite3 .dump) and remove the table", name);
		goto out;
	}
	sbuf_reset(&sql);
	sbuf_addf(&sql, "DROP TABLE main.\"%s\"", name);
	if ((r = cat_exec(udb, sql.buf, err)) == 0)
		r = cat_exec(udb, create, err);
out:
	sbuf_release(&have);
	sbuf_release(&want);
	sbuf_release(&sql);
	return r;
}

/* What an overlay file says of itself. */
struct overlay_id {
	long app;        /* PRAGMA application_id */
	long version;    /* PRAGMA user_version */
	int empty;       /* no schema at all: a new file */
};

/* Whether `name` is one of the system catalog's tables. */
static int rigplan_table(const char *name, char **tables, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(name, tables[2 * i]) == 0)
			return 1;
	return 0;
}

/*
 * The first thing in `schema` that a rigplan overlay never holds: a table
 * that is not one of rigplan's, a view, a trigger, an index of its own
 * (SQLite's automatic key indexes are rigplan's).  *what and *name are
 * filled (truncated) and 1 returned; 0 when everything is rigplan's;
 * *objects counts what there is.
 */
static int foreign_object(char what[16], char name[64], size_t *objects, sqlite3 *db,
			  const char *schema, char **tables, size_t n, struct err *err)
{
	sqlite3_stmt *st = NULL;
	char sql[96];
	int r, rc, found = 0;

	*objects = 0;
	snprintf(sql, sizeof(sql), "SELECT type, name FROM \"%s\".sqlite_master", schema);
	if ((r = cat_prepare(&st, db, sql, err)) < 0)
		return r;
	while (!found && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *nm = (const char *)sqlite3_column_text(st, 1);

		if (!type || !nm)
			continue;
		(*objects)++;
		if ((strcmp(type, "table") == 0 && rigplan_table(nm, tables, n)) ||
		    (strcmp(type, "index") == 0 && strncmp(nm, "sqlite_autoindex_", 17) == 0))
			continue;
		snprintf(what, 16, "%s", type);
		snprintf(name, 64, "%s", nm);
		found = 1;
	}
	if (!found && rc != SQLITE_DONE)
		r = cat_db_error(db, "cannot read the overlay schema", err);
	sqlite3_finalize(st);
	return r < 0 ? r : found;
}

/* Whether schema `schema` has table `t` and it has a row. */
static int table_has_rows(int *out, sqlite3 *db, const char *schema, const char *t,
			  struct err *err)
{
	char sql[96];
	int r;

	*out = 0;
	if ((r = has_table(out, db, schema, t, err)) < 0 || !*out)
		return r;
	snprintf(sql, sizeof(sql), "SELECT 1 FROM \"%s\".\"%s\" LIMIT 1", schema, t);
	return returns_row(out, db, sql, NULL, "cannot read the overlay", err);
}

/*
 * Refuse to take the database attached as `schema` (the file `path`) for
 * the user overlay unless it is one, before anything is written to it:
 * rigplan's overlay application_id, or 0 from an overlay made before the
 * mark; a schema version this rigplan reads; only rigplan's tables (so no
 * trigger runs and no one else's table is written beside ours); and, for
 * an unmarked file, none of the rows only a system catalog holds (aliases,
 * 80 PLUS curves): that is a copy of a system catalog.  A file with no
 * schema at all is new (id->empty) and passes.
 */
static int overlay_check(struct overlay_id *id, sqlite3 *db, const char *schema,
			 const char *path, char **tables, size_t n, struct err *err)
{
	char what[16] = "", name[64] = "";
	size_t objects = 0;
	int r, rows = 0;

	memset(id, 0, sizeof(*id));
	if ((r = pragma_int(&id->app, db, schema, "application_id", err)) < 0 ||
	    (r = pragma_int(&id->version, db, schema, "user_version", err)) < 0)
		return err_prefix(err, "user catalog '%s'", path);
	if (id->app == CAT_APP_ID_SYSTEM)
		return err_set(err, ERR_DB, "user catalog '%s' is a rigplan system catalog,"
			       " not an overlay; name another file", path);
	if (id->app != 0 && id->app != CAT_APP_ID_OVERLAY)
		return err_set(err, ERR_DB, "user catalog '%s' is not a rigplan overlay"
			       " (SQLite application_id 0x%08lx is another program's)",
			       path, (unsigned long)id->app & 0xffffffffUL);
	if ((r = foreign_object(what, name, &objects, db, schema, tables, n, err)) < 0)
		return err_prefix(err, "user catalog '%s'", path);
	if (objects == 0 && id->version == 0) {
		id->empty = 1;
		return 0;
	}
	if ((r = check_version(id->version, 1, path, err)) < 0)
		return r;
	if (what[0])
		return err_set(err, ERR_DB, "user catalog '%s' is not a rigplan overlay:"
			       " it holds %s '%s'", path, what, name);
	if (id->app == CAT_APP_ID_OVERLAY)
		return 0;
	if ((r = table_has_rows(&rows, db, schema, "alias", err)) < 0 ||
	    (!rows && (r = table_has_rows(&rows, db, schema, "psu_efficiency", err)) < 0))
		return err_prefix(err, "user catalog '%s'", path);
	if (rows)
		return err_set(err, ERR_DB, "user catalog '%s' is a copy of a system catalog,"
			       " not an overlay; name another file", path);
	return 0;
}

static int mkdir_parents(const char *path, struct err *err)
{
	char dir[4096];
	char *p;

	if (strlen(path) >= sizeof(dir))
		return err_set(err, ERR_IO, "path '%s' is too long", path);
	memcpy(dir, path, strlen(path) + 1);
	p = strrchr(dir, '/');
	if (!p || p == dir)
		return 0;
	*p = '\0';
	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST)
			return err_set(err, ERR_IO, "cannot create directory '%s': %s",
				       dir, strerror(errno));
		*p = '/';
	}
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		return err_set(err, ERR_IO, "cannot create directory '%s': %s", dir,
			       strerror(errno));
	return 0;
}

/*
 * Create the overlay at `path` if it is new, or upgrade an older one: the
 * system catalog's tables it lacks, the schema version and rigplan's
 * overlay mark, in one transaction on a connection of its own (BEGIN
 * IMMEDIATE, so two rigplans creating it at once take turns).  A file
 * that is not an overlay (overlay_check) is refused before anything is
 * written, and the transaction rolled back leaves it as it was.
 */
static int overlay_create(const char *path, sqlite3 *sysdb, char **tables, size_t n,
			  struct err *err)
{
	struct overlay_id id;
	sqlite3 *udb = NULL;
	size_t i;
	char sql[64];
	int r = 0;

	if ((r = mkdir_parents(path, err)) < 0)
		return r;
	if (sqlite3_open_v2(path, &udb, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK) {
		r = err_set(err, ERR_IO, "cannot create user catalog '%s': %s", path,
			    udb ? sqlite3_errmsg(udb) : "out of memory");
		goto out;
	}
	sqlite3_busy_timeout(udb, CAT_BUSY_TIMEOUT_MS);
	if ((r = cat_exec(udb, "BEGIN IMMEDIATE", err)) < 0)
		goto out;
	if ((r = overlay_check(&id, udb, "main", path, tables, n, err)) < 0) {
		/* the message names the file already */
		sqlite3_exec(udb, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(udb);
		return r;
	}
	if (id.app == CAT_APP_ID_OVERLAY && id.version == CAT_SCHEMA_VERSION) {
		/* current already, or someone else created it meanwhile */
		r = cat_exec(udb, "COMMIT", err);
		goto out;
	}
	/* new, or an older version: add the tables it lacks, and lay out
	 * anew the empty ones whose columns changed (sysdb has the system
	 * catalog attached as "sys", to compare) */
	for (i = 0; i < n; i++) {
		int has = 0;

		if (!id.empty && (r = has_table(&has, udb, "main", tables[2 * i], err)) < 0)
			goto rollback;
		if (!has && (r = cat_exec(udb, tables[2 * i + 1], err)) < 0)
			goto rollback;
		if (has && (r = relayout(udb, sysdb, tables[2 * i], tables[2 * i + 1], err)) < 0)
			goto rollback;
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", CAT_SCHEMA_VERSION);
	if ((r = cat_exec(udb, sql, err)) < 0)
		goto rollback;
	snprintf(sql, sizeof(sql), "PRAGMA application_id = %d", CAT_APP_ID_OVERLAY);
	if ((r = cat_exec(udb, sql, err)) < 0 ||
	    (r = cat_exec(udb, "COMMIT", err)) < 0)
		goto rollback;
	goto out;
rollback:
	sqlite3_exec(udb, "ROLLBACK", NULL, NULL, NULL);
out:
	sqlite3_close(udb);
	if (r < 0)
		err_prefix(err, "user catalog '%s'", path);
	return r;
}

/* Whether the table has an `id` column (rows that a user row overrides). */
static int table_has_id(const char *create_sql)
{
	return strstr(create_sql, "\n  id TEXT PRIMARY KEY") != NULL ||
	       strstr(create_sql, "(id TEXT PRIMARY KEY") != NULL;
}

/* Whether the overlay's table `name` (which exists) has a row. */
static int has_rows(int *out, sqlite3 *db, const char *name, struct err *err)
{
	struct sbuf sb;
	int r;

	sbuf_init(&sb);
	sbuf_addf(&sb, "SELECT 1 FROM user.\"%s\" LIMIT 1", name);
	r = returns_row(out, db, sb.buf, NULL, "cannot read the overlay", err);
	sbuf_release(&sb);
	return r;
}

/*
 * The views that merge the overlay over the system catalog.  A reader
 * (`lazy`) needs one only where the overlay has rows: elsewhere a table's
 * bare name already finds the system catalog's (SQLite looks in temp,
 * main, then the attached databases in order, and sys is attached first),
 * and a view costs the parse of its query on every start.  A writer gets
 * them all, since its own rows must show once written.
 */
static int create_views(sqlite3 *db, char **tables, size_t n, int overlay, int lazy,
			struct err *err)
{
	struct sbuf sb;
	size_t i;
	int r = 0;

	sbuf_init(&sb);
	for (i = 0; i < n && r == 0; i++) {
		const char *t = tables[2 * i];
		int in_user = 0, rows = 1;

		sbuf_reset(&sb);
		if (overlay && (r = has_table(&in_user, db, "user", t, err)) < 0)
			break;
		if (lazy && in_user && (r = has_rows(&rows, db, t, err)) < 0)
			break;
		if (lazy && (!in_user || !rows))
			continue;
		if (!in_user)
			sbuf_addf(&sb, "CREATE TEMP VIEW \"%s\" AS SELECT * FROM sys.\"%s\"",
				  t, t);
		else if (table_has_id(tables[2 * i + 1]))
			sbuf_addf(&sb, "CREATE TEMP VIEW \"%s\" AS SELECT * FROM user.\"%s\""
				  " UNION ALL SELECT * FROM sys.\"%s\" WHERE id NOT IN"
				  " (SELECT id FROM user.\"%s\")", t, t, t, t);
		else if (strcmp(t, "alias") == 0)
			sbuf_addf(&sb, "CREATE TEMP VIEW alias AS SELECT * FROM user.alias"
				  " UNION ALL SELECT * FROM sys.alias WHERE (kind, alias)"
				  " NOT IN (SELECT kind, alias FROM user.alias)");
		else
			sbuf_addf(&sb, "CREATE TEMP VIEW \"%s\" AS SELECT * FROM user.\"%s\""
				  " UNION ALL SELECT * FROM sys.\"%s\"", t, t, t);
		r = cat_exec(db, sb.buf, err);
	}
	sbuf_release(&sb);
	return r;
}

int cat_open(struct cat **out, const struct cat_paths *paths,
	     enum cat_open_mode mode, struct err *err)
{
	struct cat *cat = xcalloc(1, sizeof(*cat));
	char **tables = NULL;
	size_t ntables = 0;
	int r;

	*out = NULL;
	errno = 0;
	if (!file_readable(paths->system)) {
		r = err_set(err, ERR_IO,
			    "cannot read catalog '%s': %s; run 'make' or set RIGPLAN_CATALOG",
			    paths->system, errno ? strerror(errno) : "not a regular file");
		goto fail;
	}
	if (sqlite3_open_v2(":memory:", &cat->db,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, NULL) != SQLITE_OK) {
		r = err_set(err, ERR_DB, "cannot start SQLite");
		goto fail;
	}
	sqlite3_busy_timeout(cat->db, CAT_BUSY_TIMEOUT_MS);
	/* the views live in memory rather than in a temporary file */
	if ((r = cat_exec(cat->db, "PRAGMA temp_store = MEMORY", err)) < 0)
		goto fail;
	if ((r = attach(cat->db, paths->system, "mode=ro", "sys", err)) < 0 ||
	    (r = check_system_version(cat->db, paths->system, err)) < 0 ||
	    (r = system_tables(&tables, &ntables, cat->db, err)) < 0)
		goto fail;
	if (same_file(paths->user, paths->system)) {
		r = err_set(err, ERR_DB, "user catalog '%s' is the system catalog;"
			    " name another file for the overlay", paths->user);
		goto fail;
	}
	if (mode == CAT_WRITE &&
	    (r = overlay_create(paths->user, cat->db, tables, ntables, err)) < 0)
		goto fail;
	if (file_readable(paths->user)) {
		struct overlay_id id;

		r = attach(cat->db, paths->user,
			   mode == CAT_WRITE ? "mode=rw" : "mode=ro", "user", err);
		if (r < 0 ||
		    (r = overlay_check(&id, cat->db, "user", paths->user, tables, ntables,
				       err)) < 0)
			goto fail;
		if (id.empty) {
			/* a writer is creating it this moment: read without it */
			if ((r = cat_exec(cat->db, "DETACH DATABASE user", err)) < 0)
				goto fail;
		} else {
			cat->has_overlay = 1;
			cat->writable = mode == CAT_WRITE;
		}
	}
	/* one transaction for all the views: one schema change, not one each */
	if ((r = cat_exec(cat->db, "BEGIN", err)) < 0)
		goto fail;
	if ((r = create_views(cat->db, tables, ntables, cat->has_overlay, mode != CAT_WRITE,
			      err)) < 0 ||
	    (r = cat_exec(cat->db, "COMMIT", err)) < 0) {
		sqlite3_exec(cat->db, "ROLLBACK", NULL, NULL, NULL);
		goto fail;
	}
	free_tables(tables, ntables);
	*out = cat;
	return 0;
fail:
	free_tables(tables, ntables);
	cat_free(cat);
	return r;
}

void cat_free(struct cat *cat)
{
	if (!cat)
		return;
	sqlite3_close(cat->db);
	sbuf_release(&cat->noted);
	free(cat);
}

void cat_set_note_sink(struct cat *cat, cat_note_fn fn, void *data)
{
	cat->note = fn;
	cat->note_data = data;
}

void cat_note(struct cat *cat, const char *msg)
{
	struct sbuf line;

	if (!cat->note)
		return;
	if (!cat->noted.buf)
		sbuf_init(&cat->noted);
	sbuf_init(&line);
	sbuf_addf(&line, "\n%s\n", msg);
	if (!strstr(cat->noted.buf, line.buf)) {
		/* kept as "\nmsg1\nmsg2\n...": each note between newlines */
		sbuf_addstr(&cat->noted, cat->noted.len ? line.buf + 1 : line.buf);
		cat->note(cat->note_data, msg);
	}
	sbuf_release(&line);
}

int cat_has_overlay(const struct cat *cat)
{
	return cat->has_overlay;
}
