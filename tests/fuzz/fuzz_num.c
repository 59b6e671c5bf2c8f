/* fuzz_num.c - libFuzzer: number and quantity parsing (util/num.c), the
 * parsers behind every numeric option. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"
#include "util/num.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	struct err err = ERR_INIT;
	double d;
	uint64_t u;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (num_parse_double(&d, s, &err) == 0 && !(d == d))
		abort();        /* NaN must never be accepted */
	(void)num_parse_u64(&u, s, &err);
	(void)num_parse_bytes(&u, s, &err);
	(void)num_parse_with_unit(&d, s, "W", &err);
	(void)num_parse_with_unit(&d, s, "MiB", &err);
	free(s);
	return 0;
}
