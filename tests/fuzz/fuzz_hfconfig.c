/* fuzz_hfconfig.c - libFuzzer: a model's config.json (bind/hfconfig.c). */
#include <stddef.h>
#include <stdint.h>

#include "bind/hfconfig.h"
#include "util/err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cat_model m;
	struct err err = ERR_INIT;

	(void)bind_model_from_config(&m, (const char *)data, size, 0, "fuzz", &err);
	(void)bind_model_from_config(&m, (const char *)data, size, 2e10, "fuzz", &err);
	return 0;
}
