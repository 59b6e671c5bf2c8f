/*
 * cat_query.c - reading the merged catalog: rows into structs through the
 * field tables, listing, and resolving what a person typed to an id.
 * Every query is a prepared statement; values are bound, never pasted.
 */
#include "catalog/cat_int.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/strdist.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

char *cat_select_sql(const struct cat_kind_info *ki, const char *tail)
{
	struct sbuf sb;
	size_t i;

	sbuf_init(&sb);
	sbuf_addstr(&sb, "SELECT ");
	for (i = 0; i < ki->nfields; i++)
		sbuf_addf(&sb, "%s\"%s\"", i ? ", " : "", ki->fields[i].name);
	sbuf_addf(&sb, " FROM \"%s\" %s", ki->table, tail);
	return sbuf_detach(&sb);
}

static int fill_text(char *dst, size_t size, sqlite3_stmt *st, int col,
		     const struct cat_kind_info *ki, const char *name,
		     struct err *err)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	size_t n = (size_t)sqlite3_column_bytes(st, col);

	if (!t) {
		dst[0] = '\0';
		return 0;
	}
	if (n >= size)
		return err_set(err, ERR_DB, "catalog value %s.%s is too long (%zu bytes)",
			       ki->table, name, n);
	memcpy(dst, t, n + 1);
	return 0;
}

int cat_row_fill(void *row, const struct cat_kind_info *ki,
		 sqlite3_stmt *st, struct err *err)
{
	size_t i;

	for (i = 0; i < ki->nfields; i++) {
		const struct cat_field *f = &ki->fields[i];
		char *p = (char *)row + f->offset;
		int col = (int)i, type = sqlite3_column_type(st, col);
		int r;

		switch (f->type) {
		case CAT_TEXT:
			if ((r = fill_text(p, f->size, st, col, ki, f->name, err)) < 0)
				return r;
			break;
		case CAT_INT:
		case CAT_BOOL: {
			int64_t v = CAT_NULL_INT;

			if (type == SQLITE_INTEGER) {
				v = sqlite3_column_int64(st, col);
			} else if (type == SQLITE_FLOAT) {
				double d = sqlite3_column_double(st, col);

				if (d != floor(d) || fabs(d) > 9e15)
					return err_set(err, ERR_DB,
						       "catalog value %s.%s is not an integer",
						       ki->table, f->name);
				v = (int64_t)d;
			} else if (type != SQLITE_NULL) {
				return err_set(err, ERR_DB,
					       "catalog value %s.%s is not a number",
					       ki->table, f->name);
			}
			memcpy(p, &v, sizeof(v));
			break;
		}
		case CAT_REAL: {
			double v = NAN;

			if (type == SQLITE_INTEGER || type == SQLITE_FLOAT)
				v = sqlite3_column_double(st, col);
			else if (type != SQLITE_NULL)
				return err_set(err, ERR_DB,
					       "catalog value %s.%s is not a number",
					       ki->table, f->name);
			memcpy(p, &v, sizeof(v));
			break;
		}
		}
	}
	return 0;
}

int cat_select_rows(void **out, size_t *n, struct cat *cat, const struct cat_kind_info *ki,
		    const char *tail, const char *a, const char *b, struct err *err)
{
	sqlite3_stmt *st = NULL;
	char *sql = cat_select_sql(ki, tail);
	char *rows = NULL;
	size_t cap = 0, count = 0;
	int r, rc;

	*out = NULL;
	*n = 0;
	r = cat_prepare(&st, cat->db, sql, err);
	free(sql);
	if (r < 0)
		return r;
	if (a)
		sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
	if (b)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows = xgrow(rows, &cap, count + 1, ki->row_size);
		memset(rows + count * ki->row_size, 0, ki->row_size);
		if ((r = cat_row_fill(rows + count * ki->row_size, ki, st, err)) < 0)
			goto fail;
		count++;
	}
	if (rc != SQLITE_DONE) {
		r = cat_db_error(cat->db, "cannot read the catalog", err);
		goto fail;
	}
	sqlite3_finalize(st);
	*out = rows;
	*n = count;
	return 0;
fail:
	sqlite3_finalize(st);
	free(rows);
	return r;
}

int cat_list(void **out, size_t *n, struct cat *cat, enum cat_kind kind,
	     struct err *err)
{
	return cat_select_rows(out, n, cat, cat_kind_info(kind), "ORDER BY id", NULL, NULL, err);
}

/* Run a one-column query with text parameters; copy the first row's value
 * into `out` (if any).  Returns 1 when a row was found, 0 if none. */
int cat_query_id(char out[CAT_ID_MAX], sqlite3 *db, const char *sql,
		 const char *a, const char *b, struct err *err)
{
	sqlite3_stmt *st = NULL;
	int r, rc;

	if ((r = cat_prepare(&st, db, sql, err)) < 0)
		return r;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
	if (b)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		r = 0;
		if (t && strlen(t) < CAT_ID_MAX) {
			memcpy(out, t, strlen(t) + 1);
			r = 1;
		}
	} else if (rc == SQLITE_DONE) {
		r = 0;
	} else {
		r = cat_db_error(db, "cannot query the catalog", err);
	}
	sqlite3_finalize(st);
	return r;
}

/*
 * Fold a name for loose matching: lower case, letters and digits only,
 * vendor and brand words dropped ("NVIDIA GeForce RTX 4090" -> "rtx4090").
 * With `sep` not '\0' the words stay apart, joined by it ("rtx 4090").
 */
static void fold_words(char *out, size_t size, const char *in, char sep)
{
	static const char *const noise[] = {
		"nvidia", "geforce", "amd", "radeon", "instinct", "intel",
		"tesla", "habana"
	};
	char word[64];
	size_t o = 0, w, i;
	const char *p = in;

	while (*p && o + 1 < size) {
		while (*p && !isalnum((unsigned char)*p))
			p++;
		for (w = 0; *p && isalnum((unsigned char)*p); p++)
			if (w + 1 < sizeof(word))
				word[w++] = (char)tolower((unsigned char)*p);
		word[w] = '\0';
		for (i = 0; i < ARRAY_SIZE(noise); i++)
			if (strcmp(word, noise[i]) == 0)
				break;
		if (i < ARRAY_SIZE(noise) || w == 0)
			continue;
		if (sep && o > 0 && o + 1 < size)
			out[o++] = sep;
		for (i = 0; i < w && o + 1 < size; i++)
			out[o++] = word[i];
	}
	out[o] = '\0';
}

static void fold_name(char *out, size_t size, const char *in)
{
	fold_words(out, size, in, '\0');
}

struct cand {
	char id[CAT_ID_MAX];
	char text[CAT_NAME_MAX];
	size_t dist;
};

/* Every (id, name-or-alias) pair of a kind, for loose matching. */
static int load_candidates(struct cand **out, size_t *n, struct cat *cat,
			   const struct cat_kind_info *ki, struct err *err)
{
	sqlite3_stmt *st = NULL;
	struct sbuf sql;
	size_t cap = 0;
	int r, rc;

	*out = NULL;
	*n = 0;
	sbuf_init(&sql);
	sbuf_addf(&sql, "SELECT id, id FROM \"%s\" UNION ALL SELECT id, name FROM \"%s\""
		  " UNION ALL SELECT id, alias FROM alias WHERE kind = ?1"
		  " AND id IN (SELECT id FROM \"%s\")", ki->table, ki->table, ki->table);
	r = cat_prepare(&st, cat->db, sql.buf, err);
	sbuf_release(&sql);
	if (r < 0)
		return r;
	sqlite3_bind_text(st, 1, ki->table, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		const char *text = (const char *)sqlite3_column_text(st, 1);
		struct cand *c;

		if (!id || !text || strlen(id) >= CAT_ID_MAX ||
		    strlen(text) >= CAT_NAME_MAX)
			continue;
		*out = xgrow(*out, &cap, *n + 1, sizeof(**out));
		c = &(*out)[(*n)++];
		memcpy(c->id, id, strlen(id) + 1);
		memcpy(c->text, text, strlen(text) + 1);
	}
	if (rc != SQLITE_DONE)
		r = cat_db_error(cat->db, "cannot query the catalog", err);
	sqlite3_finalize(st);
	return r;
}

static int cmp_dist(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->dist != y->dist)
		return x->dist < y->dist ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* Append up to `max` distinct ids from the sorted candidates. */
static void add_nearest(struct sbuf *sb, struct cand *c, size_t n, size_t max)
{
	size_t i, j, shown = 0;

	for (i = 0; i < n && shown < max; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(c[j].id, c[i].id) == 0)
				break;
		if (j < i)
			continue;
		sbuf_addf(sb, "%s%s", shown ? ", " : "", c[i].id);
		shown++;
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Append to sb (", "-separated, sorted, at most `max`) the distinct ids
 * other than `except` (NULL: none) whose id, name or an alias begins with
 * the words of `name`: "H100" begins "NVIDIA H100 PCIe" and "h100-nvl".
 * These are what a short name could also mean.  Returns how many there
 * are in all.
 */
static size_t word_prefix_ids(struct sbuf *sb, const struct cand *c, size_t n,
			      const char *name, const char *except, size_t max)
{
	char typed[CAT_NAME_MAX], words[CAT_NAME_MAX];
	const char **ids;
	size_t i, j, len, count = 0;

	fold_words(typed, sizeof(typed), name, ' ');
	len = strlen(typed);
	if (!len || !n)
		return 0;
	ids = xcalloc(n, sizeof(*ids));
	for (i = 0; i < n; i++) {
		if (except && strcmp(c[i].id, except) == 0)
			continue;
		fold_words(words, sizeof(words), c[i].text, ' ');
		if (strncmp(words, typed, len) != 0 || (words[len] && words[len] != ' '))
			continue;
		for (j = 0; j < count && strcmp(ids[j], c[i].id) != 0; j++)
			;
		if (j == count)
			ids[count++] = c[i].id;
	}
	qsort(ids, count, sizeof(*ids), cmp_str);
	for (i = 0; sb && i < count && i < max; i++)
		sbuf_addf(sb, "%s%s", i ? ", " : "", ids[i]);
	free(ids);
	return count;
}

/* Whether a typed name may be matched loosely: letters, digits and the
 * separators product names use.  Anything else (quotes, ';', '=', '%')
 * is not a spelling of a catalog name, so only an exact id or alias
 * could match it. */
static int loose_ok(const char *name)
{
	const unsigned char *p;

	for (p = (const unsigned char *)name; *p; p++)
		if (!isalnum(*p) && !strchr(" -_./+()", *p))
			return 0;
	return 1;
}

/* Loose match: unique folded-name match, or a not-found/ambiguous error
 * that lists the nearest ids. */
static int resolve_loose(char id[CAT_ID_MAX], struct cat *cat,
			 const struct cat_kind_info *ki, const char *name,
			 struct err *err)
{
	struct cand *c = NULL;
	struct sbuf msg;
	char typed[CAT_NAME_MAX], folded[CAT_NAME_MAX];
	const char *match = NULL;
	size_t n = 0, i, hits = 0;
	int r;

	if ((r = load_candidates(&c, &n, cat, ki, err)) < 0)
		return r;
	fold_name(typed, sizeof(typed), name);
	for (i = 0; i < n; i++) {
		fold_name(folded, sizeof(folded), c[i].text);
		c[i].dist = strdist(typed, folded);
		if (typed[0] && loose_ok(name) && strcmp(typed, folded) == 0) {
			if (!match) {
				match = c[i].id;
				hits = 1;
			} else if (strcmp(match, c[i].id) != 0) {
				hits = 2;
			}
		}
	}
	if (hits == 1) {
		memcpy(id, match, strlen(match) + 1);
		free(c);
		return 0;
	}
	if (n)
		qsort(c, n, sizeof(*c), cmp_dist);
	sbuf_init(&msg);
	if (hits > 1) {
		sbuf_addf(&msg, "ambiguous %s '%.80s': it matches ", ki->table, name);
		for (i = 0; i < n && c[i].dist == 0; i++)
			;
		add_nearest(&msg, c, i, 8);
	} else if (loose_ok(name) && word_prefix_ids(NULL, c, n, name, NULL, 0) > 1) {
		/* "A100 PCIe": no row is it, several begin with it */
		sbuf_addf(&msg, "ambiguous %s '%.80s': it could be ", ki->table, name);
		word_prefix_ids(&msg, c, n, name, NULL, 8);
	} else {
		sbuf_addf(&msg, "unknown %s '%.80s'", ki->table, name);
		if (n) {
			sbuf_addstr(&msg, "; nearest: ");
			add_nearest(&msg, c, n, 3);
		}
	}
	sbuf_addf(&msg, " (see 'rigplan catalog list %s')", ki->plural);
	err_set(err, ERR_NOTFOUND, "%s", msg.buf);
	sbuf_release(&msg);
	free(c);
	return -ERR_NOTFOUND;
}

/*
 * An alias was taken: when other rows' ids, names or aliases begin with
 * its words ("H100" and "NVIDIA H100 PCIe"), say so in a note, so that a
 * short name does not quietly mean one part of several.
 */
static int note_alias(struct cat *cat, const struct cat_kind_info *ki, const char *name,
		      const char *id, struct err *err)
{
	struct cand *c = NULL;
	struct sbuf others, msg;
	size_t n = 0;
	int r;

	if (!cat->note)
		return 0;
	if ((r = load_candidates(&c, &n, cat, ki, err)) < 0)
		return r;
	sbuf_init(&others);
	if (word_prefix_ids(&others, c, n, name, id, 8) > 0) {
		sbuf_init(&msg);
		sbuf_addf(&msg, "%s '%.80s' is taken as %s; it could also be %s (give the id"
			  " to choose)", ki->table, name, id, others.buf);
		cat_note(cat, msg.buf);
		sbuf_release(&msg);
	}
	sbuf_release(&others);
	free(c);
	return 0;
}

static int resolve(char id[CAT_ID_MAX], struct cat *cat, enum cat_kind kind,
		   const char *name, int quiet, struct err *err)
{
	const struct cat_kind_info *ki = cat_kind_info(kind);
	char sql[160];
	int r;

	if (!name[0] || strlen(name) >= CAT_NAME_MAX)
		return err_set(err, ERR_NOTFOUND, "unknown %s '%.80s'", ki->table, name);
	if (kind == CAT_ENGINE)
		return cat_engine_resolve(id, cat, name, err);
	snprintf(sql, sizeof(sql),
		 "SELECT id FROM \"%s\" WHERE id = ?1 COLLATE NOCASE", ki->table);
	if ((r = cat_query_id(id, cat->db, sql, name, NULL, err)) != 0)
		return r < 0 ? r : 0;
	snprintf(sql, sizeof(sql),
		 "SELECT a.id FROM alias a JOIN \"%s\" t ON t.id = a.id"
		 " WHERE a.kind = ?1 AND a.alias = ?2", ki->table);
	if ((r = cat_query_id(id, cat->db, sql, ki->table, name, err)) < 0)
		return r;
	if (r > 0)
		return quiet ? 0 : note_alias(cat, ki, name, id, err);
	/* a model by its own repository id, as Hugging Face spells it */
	if (kind == CAT_MODEL && strchr(name, '/')) {
		r = cat_query_id(id, cat->db, "SELECT id FROM model WHERE hf_repo = ?1 COLLATE NOCASE"
				 " ORDER BY id LIMIT 1", name, NULL, err);
		if (r != 0)
			return r < 0 ? r : 0;
	}
	return resolve_loose(id, cat, ki, name, err);
}

int cat_resolve(char id[CAT_ID_MAX], struct cat *cat, enum cat_kind kind,
		const char *name, struct err *err)
{
	return resolve(id, cat, kind, name, 0, err);
}

static int find(void *row, struct cat *cat, enum cat_kind kind, const char *name,
		int quiet, struct err *err)
{
	const struct cat_kind_info *ki = cat_kind_info(kind);
	sqlite3_stmt *st = NULL;
	char id[CAT_ID_MAX];
	char *sql;
	int r;

	if ((r = resolve(id, cat, kind, name, quiet, err)) < 0)
		return r;
	sql = cat_select_sql(ki, "WHERE id = ?1");
	r = cat_prepare(&st, cat->db, sql, err);
	free(sql);
	if (r < 0)
		return r;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	memset(row, 0, ki->row_size);
	if (sqlite3_step(st) == SQLITE_ROW)
		r = cat_row_fill(row, ki, st, err);
	else
		r = cat_db_error(cat->db, "cannot read the catalog", err);
	sqlite3_finalize(st);
	return r;
}

int cat_find(void *row, struct cat *cat, enum cat_kind kind,
	     const char *name, struct err *err)
{
	return find(row, cat, kind, name, 0, err);
}

int cat_find_quiet(void *row, struct cat *cat, enum cat_kind kind, const char *name,
		   struct err *err)
{
	return find(row, cat, kind, name, 1, err);
}

int cat_is_user_row(struct cat *cat, enum cat_kind kind, const char *id,
		    struct err *err)
{
	const struct cat_kind_info *ki = cat_kind_info(kind);
	char sql[128], found[CAT_ID_MAX];

	if (!cat->has_overlay)
		return 0;
	snprintf(sql, sizeof(sql), "SELECT id FROM user.\"%s\" WHERE id = ?1",
		 ki->table);
	return cat_query_id(found, cat->db, sql, id, NULL, err);
}

int cat_gpu_find(struct cat_gpu *out, struct cat *cat, const char *name,
		 struct err *err)
{
	return cat_find(out, cat, CAT_GPU, name, err);
}

int cat_model_find(struct cat_model *out, struct cat *cat, const char *name,
		   struct err *err)
{
	return cat_find(out, cat, CAT_MODEL, name, err);
}

int cat_efficiency_for(struct cat_efficiency *out, struct cat *cat,
		       const struct cat_gpu *gpu, struct err *err)
{
	const char *sql = "SELECT id FROM efficiency WHERE id = ?1";
	char id[CAT_ID_MAX];
	int r;

	/* exact ids only: a loose match could pick another GPU's record */
	if ((r = cat_query_id(id, cat->db, sql, gpu->id, NULL, err)) < 0)
		return r;
	if (r == 0 && (r = cat_query_id(id, cat->db, sql, gpu->architecture, NULL, err)) < 0)
		return r;
	if (r == 0)
		return err_set(err, ERR_NOTFOUND,
			       "no efficiency record for gpu '%s' or architecture '%s'",
			       gpu->id, gpu->architecture);
	return cat_find(out, cat, CAT_EFFICIENCY, id, err);
}

int cat_psu_curve(double *load, double *eff, size_t *n, size_t max,
		  struct cat *cat, const char *level, const char *variant,
		  struct err *err)
{
	sqlite3_stmt *st = NULL;
	int r, rc;

	*n = 0;
	r = cat_prepare(&st, cat->db,
			"SELECT load_fraction, efficiency FROM psu_efficiency"
			" WHERE level = ?1 AND variant = ?2 ORDER BY load_fraction", err);
	if (r < 0)
		return r;
	sqlite3_bind_text(st, 1, level, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, variant, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		load[*n] = sqlite3_column_double(st, 0);
		eff[*n] = sqlite3_column_double(st, 1);
		(*n)++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = cat_db_error(cat->db, "cannot read the PSU efficiency table", err);
	sqlite3_finalize(st);
	if (r == 0 && *n == 0)
		r = err_set(err, ERR_NOTFOUND, "no 80 PLUS curve for '%s' (%s)", level, variant);
	return r;
}

int cat_gpu_product(char out[CAT_ID_MAX], struct cat *cat, const char *id, struct err *err)
{
	/* nvidia-smi's product names are recorded as aliases; the longest
	 * is the full one ("NVIDIA H100 80GB HBM3", not "NVIDIA H100") */
	return cat_query_id(out, cat->db,
			"SELECT alias FROM alias WHERE kind = 'gpu' AND id = ?1"
			" AND alias LIKE 'NVIDIA %' ORDER BY length(alias) DESC, alias LIMIT 1",
			id, NULL, err);
}

int cat_default_part(char id[CAT_ID_MAX], struct cat *cat, const char *segment,
		     enum cat_kind kind, struct err *err)
{
	const char *k = cat_kind_info(kind)->table;
	int r = cat_query_id(id, cat->db, "SELECT part FROM default_part WHERE segment = ?1 AND kind = ?2",
			 segment, k, err);

	if (r == 0)
		r = err_set(err, ERR_NOTFOUND, "the catalog names no default %s for a %s host",
			    k, segment);
	return r < 0 ? r : 0;
}

int cat_cpu_platforms(struct cat_cpu_platform **out, size_t *n, struct cat *cat,
		      struct err *err)
{
	return cat_select_rows((void **)out, n, cat, &cat_cpu_platform_info, "ORDER BY id",
			       NULL, NULL, err);
}

int cat_chassis_boards(struct cat_chassis_cpu **out, size_t *n, struct cat *cat,
		       struct err *err)
{
	return cat_select_rows((void **)out, n, cat, &cat_chassis_cpu_info, "ORDER BY id",
			       NULL, NULL, err);
}

int cat_chassis_layouts(struct cat_chassis_layout **out, size_t *n, struct cat *cat,
			struct err *err)
{
	return cat_select_rows((void **)out, n, cat, &cat_chassis_layout_info, "ORDER BY id",
			       NULL, NULL, err);
}

int cat_systems(struct cat_system **out, size_t *n, struct cat *cat, struct err *err)
{
	return cat_select_rows((void **)out, n, cat, &cat_system_info, "ORDER BY id",
			       NULL, NULL, err);
}
