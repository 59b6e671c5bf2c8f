/*
 * cat_engine.c - engines by release, and what each runs on and loads:
 * the names a person gives an engine, a release's images, the model
 * architectures a family loads, a GPU's compile target and a model's
 * published checkpoints (see cat.h).
 */
#include "catalog/cat_int.h"
#include "util/err.h"
#include "util/sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every family, or every version of one, as "a, b or c" for a message. */
static int list_words(struct sbuf *sb, struct cat *cat, const char *sql, const char *a,
		      struct err *err)
{
	sqlite3_stmt *st = NULL;
	size_t i = 0;
	int r, rc;

	if ((r = cat_prepare(&st, cat->db, sql, err)) < 0)
		return r;
	if (a)
		sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		sbuf_addf(sb, "%s%s", i++ ? ", " : "", (const char *)sqlite3_column_text(st, 0));
	if (rc != SQLITE_DONE)
		r = cat_db_error(cat->db, "cannot read the engines", err);
	sqlite3_finalize(st);
	return r;
}

/* The family a person means: a family's name in any case, or an alias
 * of kind 'engine' (whose id is a family). */
static int family_of(char fam[CAT_ID_MAX], struct cat *cat, const char *name, struct err *err)
{
	int r;

	if ((r = cat_query_id(fam, cat->db, "SELECT family FROM engine WHERE family = ?1"
			      " COLLATE NOCASE LIMIT 1", name, NULL, err)) != 0)
		return r;
	return cat_query_id(fam, cat->db, "SELECT a.id FROM alias a WHERE a.kind = 'engine'"
			    " AND a.alias = ?1 AND EXISTS (SELECT 1 FROM engine e"
			    " WHERE e.family = a.id)", name, NULL, err);
}

int cat_engine_resolve(char id[CAT_ID_MAX], struct cat *cat, const char *name,
		       struct err *err)
{
	char fam_name[CAT_NAME_MAX], fam[CAT_ID_MAX];
	const char *at = strchr(name, '@'), *version = NULL;
	struct sbuf sb;
	int r;

	/* an exact release id first ("vllm@0.11.0") */
	if ((r = cat_query_id(id, cat->db, "SELECT id FROM engine WHERE id = ?1 COLLATE NOCASE",
			      name, NULL, err)) != 0)
		return r < 0 ? r : 0;
	snprintf(fam_name, sizeof(fam_name), "%.*s", at ? (int)(at - name) : (int)strlen(name),
		 name);
	if (at) {
		version = at + 1;
		if (version[0] == 'v' || version[0] == 'V')
			version++;
	}
	if ((r = family_of(fam, cat, fam_name, err)) < 0)
		return r;
	sbuf_init(&sb);
	if (r == 0) {
		if ((r = list_words(&sb, cat, "SELECT DISTINCT family FROM engine ORDER BY family",
				    NULL, err)) == 0)
			r = err_set(err, ERR_NOTFOUND, "unknown engine '%.80s': expected %s,"
				    " optionally with @VERSION", fam_name, sb.buf);
		goto out;
	}
	if (!version)
		r = cat_query_id(id, cat->db, "SELECT id FROM engine WHERE family = ?1"
				 " ORDER BY released DESC, id DESC LIMIT 1", fam, NULL, err);
	else
		r = cat_query_id(id, cat->db, "SELECT id FROM engine WHERE family = ?1"
				 " AND version = ?2 COLLATE NOCASE", fam, version, err);
	if (r == 0) {
		if ((r = list_words(&sb, cat, "SELECT version FROM engine WHERE family = ?1"
				    " ORDER BY released", fam, err)) == 0)
			r = err_set(err, ERR_NOTFOUND, "engine '%s' has no release '%.40s' in the"
				    " catalog: it has %s", fam, version ? version : "", sb.buf);
		goto out;
	}
	r = r < 0 ? r : 0;
out:
	sbuf_release(&sb);
	return r;
}

int cat_engine_find(struct cat_engine *out, struct cat *cat, const char *name,
		    struct err *err)
{
	return cat_find(out, cat, CAT_ENGINE, name, err);
}

int cat_engine_defaults(struct cat_engine **out, size_t *n, struct cat *cat, struct err *err)
{
	/* the newest release of each family; ties (one day) by id */
	return cat_select_rows((void **)out, n, cat, cat_kind_info(CAT_ENGINE),
			       "e WHERE id = (SELECT id FROM engine f WHERE f.family = e.family"
			       " ORDER BY released DESC, id DESC LIMIT 1) ORDER BY family",
			       NULL, NULL, err);
}

int cat_engine_images(struct cat_engine_image **out, size_t *n, struct cat *cat,
		      const char *engine, struct err *err)
{
	return cat_select_rows((void **)out, n, cat, &cat_engine_image_info,
			       "WHERE engine = ?1 ORDER BY id", engine, NULL, err);
}

/* The one row of `ki` where `tail` matches: 1 and *out, or 0. */
static int one_row(void *out, struct cat *cat, const struct cat_kind_info *ki, const char *tail,
		   const char *a, const char *b, struct err *err)
{
	void *rows = NULL;
	size_t n = 0;
	int r;

	if ((r = cat_select_rows(&rows, &n, cat, ki, tail, a, b, err)) < 0)
		return r;
	if (n)
		memcpy(out, rows, ki->row_size);
	free(rows);
	return n > 0;
}

int cat_engine_model(struct cat_engine_model *out, struct cat *cat, const char *family,
		     const char *architecture, struct err *err)
{
	return one_row(out, cat, &cat_engine_model_info,
		       "WHERE family = ?1 AND architecture = ?2", family, architecture, err);
}

int cat_gpu_target(struct cat_gpu_target *out, struct cat *cat, const char *gpu,
		   struct err *err)
{
	return one_row(out, cat, &cat_gpu_target_info, "WHERE id = ?1", gpu, NULL, err);
}

int cat_model_serving(struct cat_model_serving **out, size_t *n, struct cat *cat,
		      const char *model, struct err *err)
{
	return cat_select_rows((void **)out, n, cat, &cat_model_serving_info,
			       "WHERE model = ?1 ORDER BY id", model, NULL, err);
}

int cat_checkpoints(struct cat_checkpoint **out, size_t *n, struct cat *cat, const char *model,
		    struct err *err)
{
	return cat_select_rows((void **)out, n, cat, cat_kind_info(CAT_CHECKPOINT),
			       "WHERE model = ?1 ORDER BY id", model, NULL, err);
}

int cat_engine_policy(struct cat_engine_policy *out, struct cat *cat, const char *family,
		      struct err *err)
{
	return one_row(out, cat, &cat_engine_policy_info, "WHERE id = ?1", family, NULL, err);
}

int cat_engine_host(struct cat_engine_host *out, struct cat *cat, const char *family,
		    struct err *err)
{
	return one_row(out, cat, &cat_engine_host_info, "WHERE id = ?1", family, NULL, err);
}

int cat_engine_allreduce(struct cat_engine_allreduce *out, struct cat *cat, const char *family,
			 struct err *err)
{
	return one_row(out, cat, &cat_engine_allreduce_info, "WHERE id = ?1", family, NULL, err);
}

int cat_engine_kernels(struct cat_engine_kernel **out, size_t *n, struct cat *cat,
		       const char *family, struct err *err)
{
	return cat_select_rows((void **)out, n, cat, &cat_engine_kernel_info,
			       "WHERE family = ?1 ORDER BY id", family, NULL, err);
}

int cat_cpu_memory(struct cat_cpu_memory *out, struct cat *cat, const char *cpu,
		   struct err *err)
{
	return one_row(out, cat, &cat_cpu_memory_info, "WHERE id = ?1", cpu, NULL, err);
}

int cat_cpu_core(struct cat_cpu_core *out, struct cat *cat, const char *cpu, struct err *err)
{
	return one_row(out, cat, &cat_cpu_core_info, "WHERE id = ?1", cpu, NULL, err);
}

int cat_cpu_cores(struct cat_cpu_core **out, size_t *n, struct cat *cat, struct err *err)
{
	return cat_select_rows((void **)out, n, cat, &cat_cpu_core_info, "ORDER BY id", NULL, NULL,
			       err);
}

int cat_vision(struct cat_vision *out, struct cat *cat, const char *model, struct err *err)
{
	return one_row(out, cat, &cat_vision_info, "WHERE id = ?1", model, NULL, err);
}
