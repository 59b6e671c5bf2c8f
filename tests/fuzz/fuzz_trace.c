/* fuzz_trace.c - libFuzzer: the request-trace reader (sim/trace.c), fed
 * through a memfd since it reads files. */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
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
	char path[64];
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
	}
	close(fd);
	return 0;
}
