/*
 * testcat.c - see testcat.h.
 */
#include "tests/testcat.h"
#include "tests/testlib.h"
#include "catalog/cat.h"
#include "bind/deploy.h"
#include "util/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cat *test_catalog(void)
{
	struct err err = ERR_INIT;
	struct cat_paths paths;
	struct cat *cat;

	memset(&paths, 0, sizeof(paths));
	snprintf(paths.system, sizeof(paths.system), "%s", test_env("RIGPLAN_CATALOG"));
	snprintf(paths.user, sizeof(paths.user), "/nonexistent/rigplan/user.db");
	if (cat_open(&cat, &paths, CAT_READ, &err) < 0) {
		printf("Bail out! %s\n", err.msg);
		exit(1);
	}
	return cat;
}

int test_deploy(struct deploy *d, struct cat *cat, const struct deploy_request *q)
{
	struct err err = ERR_INIT;

	if (deploy_build(d, cat, q, &err) < 0) {
		test_ok(0, "deploy %s on %s: %s", q->model, q->gpu, err.msg);
		return -1;
	}
	return 0;
}
