/* fuzz_reference.c - libFuzzer: a file of serving benchmark runs
 * (planner/reference.c, `rigplan validate --serving`). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "planner/reference.h"
#include "util/err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ref_run *runs = NULL;
	struct err err = ERR_INIT;
	size_t n = 0;

	if (ref_parse(&runs, &n, (const char *)data, size, &err) == 0)
		free(runs);
	return 0;
}
