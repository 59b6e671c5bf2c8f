/* fuzz_trace.c - libFuzzer: the request-trace reader and the length-column
 * reader of --input-len empirical:FILE:COLUMN (sim/trace.c), fed through
 * a memfd since they read files. */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sim/trace.h"
#include "util/err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct trace t;
	struct trace_row row;
	struct err err = ERR_INIT;
	static const char *const columns[] = { "1", "3", "ContextTokens", "64" };
	char path[64], spec[96];
	double *v;
	size_t i, n;
	int fd = memfd_create("trace", 0), r;

	if (fd < 0)
		return 0;
	if (write(fd, data, size) == (ssize_t)size) {
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		if (trace_open(&t, path, &err) == 0) {
			while ((r = trace_next(&t, &row, &err)) > 0)
				;
			if (trace_set_rate(&t, 2.5, &err) == 0) {
				trace_rewind(&t);
				while (trace_next(&t, &row, &err) > 0)
					;
			}
			trace_close(&t);
		}
		for (i = 0; i < sizeof(columns) / sizeof(columns[0]); i++) {
			snprintf(spec, sizeof(spec), "%s:%s", path, columns[i]);
			if (trace_read_column(&v, &n, spec, &err) == 0)
				free(v);
		}
	}
	close(fd);
	return 0;
}
