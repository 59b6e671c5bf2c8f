/* fuzz_num.c - libFuzzer: number and quantity parsing (util/num.c) and
 * the range-checked option parsers built on it (cli/opt.c). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/opt.h"
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
	if (opt_double(&d, "--qps", s, 1e-9, 1e6, &err) == 0 && !(d >= 1e-9 && d <= 1e6))
		abort();        /* a value outside the range must be refused */
	{
		size_t z;

		if (opt_size(&z, "--batch", s, 1, 4096, &err) == 0 && !(z >= 1 && z <= 4096))
			abort();
	}
	if (opt_bytes(&u, "--ram", s, 1, 1ull << 50, &err) == 0 && !(u >= 1 && u <= 1ull << 50))
		abort();
	free(s);
	return 0;
}
