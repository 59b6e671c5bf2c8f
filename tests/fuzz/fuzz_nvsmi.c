/* fuzz_nvsmi.c - libFuzzer: `nvidia-smi -q -x` parsing (catalog/nvsmi.c). */
#include <stddef.h>
#include <stdint.h>

#include "catalog/nvsmi.h"
#include "util/err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nvsmi_inventory inv;
	struct err err = ERR_INIT;

	if (nvsmi_parse(&inv, (const char *)data, size, "fuzz", &err) == 0)
		nvsmi_inventory_release(&inv);
	return 0;
}
