/* fuzz_gen.c - libFuzzer: a plan file into every generator (planner/
 * plan_file.c, then generators/gen_docker.c, gen_k8s.c, gen_native.c,
 * gen_bom.c).  A
 * plan file may name an engine, format or layout no planner would have
 * written; each generator must answer with text or an error, never a
 * crash. */
#include <stddef.h>
#include <stdint.h>

#include "generators/gen_deploy.h"
#include "planner/plan_file.h"
#include "util/err.h"
#include "util/sbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void generate(const struct plan_candidate *c)
{
	struct sbuf sb;
	struct err err = ERR_INIT;
	struct gen_opts key = { 1, "rdma/ib" };

	sbuf_init(&sb);
	(void)gen_docker(&sb, c, NULL, &err);
	sbuf_reset(&sb);
	(void)gen_docker(&sb, c, &key, &err);
	sbuf_reset(&sb);
	(void)gen_compose(&sb, c, &key, &err);
	sbuf_reset(&sb);
	(void)gen_k8s(&sb, c, &key, &err);
	sbuf_reset(&sb);
	(void)gen_native(&sb, c, NULL, &err);
	sbuf_reset(&sb);
	(void)gen_native(&sb, c, &key, &err);
	sbuf_reset(&sb);
	(void)gen_bom(&sb, c, GEN_BOM_CSV, &err);
	sbuf_reset(&sb);
	(void)gen_bom(&sb, c, GEN_BOM_MD, &err);
	sbuf_reset(&sb);
	(void)gen_bom(&sb, c, GEN_BOM_JSON, &err);
	sbuf_release(&sb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct plan_candidate c;
	struct err err = ERR_INIT;
	size_t i;

	for (i = 0; i < 2; i++)
		if (plan_json_read(&c, (const char *)data, size, "fuzz", i, &err) == 0)
			generate(&c);
	return 0;
}
