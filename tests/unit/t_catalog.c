/*
 * t_catalog.c - catalog queries, name resolution, overlay precedence and
 * writes, schema versions, and the catalog builder, on a small fixture
 * catalog built at test time (tests/fixtures/mini-catalog.sql).
 */
#include "tests/testlib.h"
#include "catalog/cat.h"
#include "util/err.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[256];
static struct cat_paths paths;

static void build(void)
{
	const char *schema = test_env("RIGPLAN_SCHEMA");
	char fixture[512];
	const char *files[2];
	struct err err = ERR_INIT;

	snprintf(fixture, sizeof(fixture), "%s/tests/fixtures/mini-catalog.sql",
		 test_env("TOP_SRCDIR"));
	files[0] = schema;
	files[1] = fixture;
	snprintf(dir, sizeof(dir), "/tmp/rigplan-t_catalog-XXXXXX");
	if (!mkdtemp(dir)) {
		printf("Bail out! cannot make a temporary directory\n");
		exit(1);
	}
	memset(&paths, 0, sizeof(paths));
	snprintf(paths.system, sizeof(paths.system), "%s/catalog.db", dir);
	snprintf(paths.user, sizeof(paths.user), "%s/overlay/sub/user.db", dir);
	test_int(cat_build(paths.system, files, 2, &err), 0, "build fixture catalog: %s", err.msg);
}

static void queries(void)
{
	struct err err = ERR_INIT;
	struct cat *cat = NULL;
	struct cat_gpu g;
	char id[CAT_ID_MAX];
	void *rows = NULL;
	size_t n = 0;

	test_int(cat_open(&cat, &paths, CAT_READ, &err), 0, "open read-only: %s", err.msg);
	if (!cat)
		return;
	test_ok(!cat_has_overlay(cat), "no overlay until something is written");
	test_ok(access(paths.user, F_OK) != 0, "reading does not create the overlay");

	test_int(cat_list(&rows, &n, cat, CAT_GPU, &err), 0, "list gpus");
	test_int((int64_t)n, 4, "four gpus in fixture");
	test_str(((struct cat_gpu *)rows)[0].id, "a100-pcie-40gb", "ordered by id");
	free(rows);

	test_int(cat_gpu_find(&g, cat, "h100-sxm", &err), 0, "find by id");
	test_int(g.memory_bytes, 85899345920LL, "memory_bytes read as integer");
	test_rel(g.memory_bandwidth_bytes_per_s, 3.35e12, 1e-12, "bandwidth read as real");
	test_ok(isnan(g.fp8_dense_flops), "absent fp8 is NaN");
	test_int(g.slot_width, CAT_NULL_INT, "absent slot_width is CAT_NULL_INT");
	test_str(g.price.price_kind, "street", "price kind");

	test_int(cat_resolve(id, cat, CAT_GPU, "H100-SXM", &err), 0, "id is case-insensitive");
	test_str(id, "h100-sxm", "H100-SXM -> h100-sxm");
	test_int(cat_resolve(id, cat, CAT_GPU, "nvidia h100 80gb hbm3", &err), 0, "alias, any case");
	test_str(id, "h100-sxm", "nvidia-smi name -> h100-sxm");
	test_int(cat_resolve(id, cat, CAT_GPU, "GeForce RTX-4090", &err), 0, "folded name");
	test_str(id, "rtx-4090", "GeForce RTX-4090 -> rtx-4090");

	err_clear(&err);
	test_int(cat_resolve(id, cat, CAT_GPU, "h1000", &err), -ERR_NOTFOUND, "unknown id");
	test_contains(err.msg, "nearest: h100-sxm", "suggests the nearest id");
	err_clear(&err);
	test_int(cat_resolve(id, cat, CAT_GPU, "A100", &err), -ERR_NOTFOUND, "A100 alone is ambiguous here");
	test_contains(err.msg, "a100-", "lists candidates");
	err_clear(&err);
	test_int(cat_resolve(id, cat, CAT_GPU, "x'; DROP TABLE gpu; --", &err), -ERR_NOTFOUND,
		 "SQL metacharacters are just an unknown name");
	test_int(cat_list(&rows, &n, cat, CAT_GPU, &err), 0, "gpu table intact after hostile name");
	test_int((int64_t)n, 4, "still four gpus");
	free(rows);
	test_int(cat_resolve(id, cat, CAT_MODEL, "h100-sxm", &err), -ERR_NOTFOUND,
		 "ids are per kind");
	test_int(cat_set_price(cat, CAT_GPU, "h100-sxm", 1, "list", "x", "2026-01-01", &err),
		 -ERR_INVAL, "read-only catalog refuses writes");
	cat_free(cat);
}

static void overlay(void)
{
	struct err err = ERR_INIT;
	struct cat *cat = NULL;
	struct cat_gpu g;

	test_int(cat_open(&cat, &paths, CAT_WRITE, &err), 0, "open for writing: %s", err.msg);
	if (!cat)
		return;
	test_ok(access(paths.user, F_OK) == 0, "overlay created with its directories");
	test_int(cat_set_price(cat, CAT_GPU, "H100", 21000, "street", "my quote", "2026-11-01", &err),
		 0, "set price: %s", err.msg);
	test_int(cat_set_price(cat, CAT_GPU, "h100-sxm", NAN, "street", "x", "2026-11-01", &err),
		 -ERR_INVAL, "NaN price refused");
	test_int(cat_set_price(cat, CAT_GPU, "h100-sxm", -5, "street", "x", "2026-11-01", &err),
		 -ERR_INVAL, "negative price refused");
	test_int(cat_set_price(cat, CAT_GPU, "h100-sxm", 5, "cheap", "x", "2026-11-01", &err),
		 -ERR_INVAL, "unknown price kind refused");
	test_int(cat_set_price(cat, CAT_GPU, "h100-sxm", 5, "list", "x", "2026-13-01", &err),
		 -ERR_INVAL, "bad date refused");
	test_int(cat_set_price(cat, CAT_MODEL, "llama-3.1-8b", 5, "list", "x", "2026-11-01", &err),
		 -ERR_INVAL, "models have no price");
	cat_free(cat);

	test_int(cat_open(&cat, &paths, CAT_READ, &err), 0, "reopen read-only");
	if (!cat)
		return;
	test_int(cat_gpu_find(&g, cat, "h100-sxm", &err), 0, "find overridden row");
	test_rel(g.price.price_usd, 21000, 0, "user price overrides system price");
	test_str(g.price.price_source, "my quote", "user price source");
	test_rel(g.memory_bandwidth_bytes_per_s, 3.35e12, 1e-12, "other fields copied from system row");
	test_int(cat_is_user_row(cat, CAT_GPU, "h100-sxm", &err), 1, "row comes from the overlay");
	test_int(cat_is_user_row(cat, CAT_GPU, "rtx-4090", &err), 0, "other rows from the system");
	cat_free(cat);

	test_int(cat_open(&cat, &paths, CAT_WRITE, &err), 0, "open for removal");
	if (!cat)
		return;
	test_int(cat_user_remove(cat, CAT_GPU, "h100-sxm", &err), 0, "remove user row");
	test_int(cat_user_remove(cat, CAT_GPU, "h100-sxm", &err), -ERR_NOTFOUND, "nothing left to remove");
	test_int(cat_gpu_find(&g, cat, "h100-sxm", &err), 0, "find after removal");
	test_rel(g.price.price_usd, 25000, 0, "system price shows again");
	cat_free(cat);
}

static void versions_and_build(void)
{
	struct err err = ERR_INIT;
	struct cat *cat = NULL;
	struct cat_paths p = paths;
	sqlite3 *db;
	char bad[512], sql[96];
	const char *files[2];

	/* An overlay from a newer rigplan is refused, not misread. */
	snprintf(p.user, sizeof(p.user), "%s/newer.db", dir);
	sqlite3_open(p.user, &db);
	snprintf(sql, sizeof(sql), "CREATE TABLE gpu (id TEXT); PRAGMA user_version = %d;",
		 CAT_SCHEMA_VERSION + 1);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	test_int(cat_open(&cat, &p, CAT_READ, &err), -ERR_DB, "newer overlay refused");
	snprintf(sql, sizeof(sql), "schema version %d", CAT_SCHEMA_VERSION + 1);
	test_contains(err.msg, sql, "message names the version");
	cat_free(cat);

	/* A system catalog that is not one. */
	snprintf(p.system, sizeof(p.system), "%s/newer.db", dir);
	snprintf(p.user, sizeof(p.user), "%s/none.db", dir);
	err_clear(&err);
	test_ok(cat_open(&cat, &p, CAT_READ, &err) < 0, "foreign database refused as catalog");
	snprintf(p.system, sizeof(p.system), "%s/missing.db", dir);
	test_int(cat_open(&cat, &p, CAT_READ, &err), -ERR_IO, "missing catalog");
	test_contains(err.msg, "missing.db", "message names the file");

	/* A bad row fails the build with file:line and leaves no file. */
	snprintf(bad, sizeof(bad), "%s/tests/fixtures/bad-row.sql", test_env("TOP_SRCDIR"));
	files[0] = test_env("RIGPLAN_SCHEMA");
	files[1] = bad;
	snprintf(p.system, sizeof(p.system), "%s/bad.db", dir);
	test_int(cat_build(p.system, files, 2, &err), -ERR_PARSE, "bad row fails the build");
	test_contains(err.msg, "bad-row.sql:1:", "error names file and line");
	test_ok(access(p.system, F_OK) != 0, "no catalog left behind");
}

static void kinds(void)
{
	struct err err = ERR_INIT;
	enum cat_kind k;

	test_ok(cat_kind_parse(&k, "gpus", &err) == 0 && k == CAT_GPU, "gpus");
	test_ok(cat_kind_parse(&k, "CHASSIS", &err) == 0 && k == CAT_CHASSIS, "CHASSIS");
	test_ok(cat_kind_parse(&k, "engine", &err) == 0 && k == CAT_ENGINE, "engine");
	test_int(cat_kind_parse(&k, "toasters", &err), -ERR_INVAL, "unknown kind");
	test_contains(err.msg, "toasters", "message names the kind");
}

int main(void)
{
	char cmd[300];

	build();
	queries();
	overlay();
	versions_and_build();
	kinds();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return test_done();
}
