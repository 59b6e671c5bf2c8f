/* fuzz_plan.c - libFuzzer: the plan-file reader (planner/plan_file.c). */
#include <stddef.h>
#include <stdint.h>

#include "planner/plan_file.h"
#include "util/err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct plan_candidate c;
	struct err err = ERR_INIT;

	(void)plan_json_read(&c, (const char *)data, size, "fuzz", 0, &err);
	(void)plan_json_read(&c, (const char *)data, size, "fuzz", 1, &err);
	return 0;
}
