/*
 * mkcatalog.c - build-time tool: `mkcatalog OUT.db FILE.sql...` builds the
 * system catalog from the SQL text under data/ (run by make).
 */
#include "catalog/cat.h"
#include "util/err.h"

#include <stdio.h>

int main(int argc, char **argv)
{
	struct err err = ERR_INIT;

	if (argc < 3) {
		fprintf(stderr, "usage: mkcatalog OUT.db FILE.sql...\n");
		return 2;
	}
	if (cat_build(argv[1], (const char *const *)argv + 2, (size_t)argc - 2, &err) < 0) {
		fprintf(stderr, "mkcatalog: error: %s\n", err.msg);
		return 1;
	}
	return 0;
}
