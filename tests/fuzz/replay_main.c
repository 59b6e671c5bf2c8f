/*
 * replay_main.c - runs a fuzz harness over files, without libFuzzer: `make
 * check` replays every committed seed and every input that once crashed
 * (tests/fuzz/corpus/TARGET, tests/fuzz/regress/TARGET) through the
 * ordinary build, so a regression fails the tests even where clang is
 * absent.  Prints TAP, one line per file.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"
#include "util/fileio.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t replay_dir(const char *dir, size_t n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t count = 0, i;

	if (!d)
		return n;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = realloc(names, (count + 1) * sizeof(*names));
		names[count++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, count, sizeof(*names), cmp);
	for (i = 0; i < count; i++) {
		char path[4096];
		char *buf = NULL;
		size_t len = 0;
		struct err err = ERR_INIT;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (file_read_all(&buf, &len, path, 64u << 20, &err) < 0) {
			printf("not ok %zu - %s: %s\n", ++n, path, err.msg);
		} else {
			LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
			printf("ok %zu - %s\n", ++n, path);
		}
		free(buf);
		free(names[i]);
	}
	free(names);
	return n;
}

int main(int argc, char **argv)
{
	const char *top = getenv("TOP_SRCDIR");
	const char *base = strrchr(argv[0], '/');
	const char *target;
	char dir[4096];
	size_t n = 0;

	/* the target is the program's name after "replay_", or argv[1] */
	base = base ? base + 1 : argv[0];
	target = argc > 1 ? argv[1] : strncmp(base, "replay_", 7) == 0 ? base + 7 : NULL;
	if (!target || !top) {
		fprintf(stderr, "usage: TOP_SRCDIR=... %s [TARGET]\n", argv[0]);
		return 2;
	}
	snprintf(dir, sizeof(dir), "%s/tests/fuzz/corpus/%s", top, target);
	n = replay_dir(dir, n);
	snprintf(dir, sizeof(dir), "%s/tests/fuzz/regress/%s", top, target);
	n = replay_dir(dir, n);
	printf("1..%zu\n", n);
	return n ? 0 : 1;
}
