/* fuzz_gguf.c - libFuzzer: a GGUF file's header (bind/gguf.c). */
#include <stddef.h>
#include <stdint.h>

#include "bind/gguf.h"
#include "util/err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bind_gguf g;
	struct err err = ERR_INIT;

	(void)bind_gguf_parse(&g, data, size, 1, "fuzz", &err);
	(void)bind_gguf_parse(&g, data, size, 0, "fuzz", &err);
	return 0;
}
