/*
 * bench_cat.c - see bench_cat.h.
 */
#include "bench/bench_cat.h"
#include "catalog/cat.h"
#include "util/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cat *bench_catalog(const char *prog)
{
	struct err err = ERR_INIT;
	struct cat_paths paths;
	struct cat *cat;

	memset(&paths, 0, sizeof(paths));
	snprintf(paths.system, sizeof(paths.system), "%s",
		 getenv("RIGPLAN_CATALOG") ? getenv("RIGPLAN_CATALOG") : "data/catalog.db");
	snprintf(paths.user, sizeof(paths.user), "/nonexistent/rigplan/user.db");
	if (cat_open(&cat, &paths, CAT_READ, &err) < 0) {
		fprintf(stderr, "%s: %s\n", prog, err.msg);
		return NULL;
	}
	return cat;
}
