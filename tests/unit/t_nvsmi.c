/*
 * t_nvsmi.c - nvidia-smi XML import: the real H100 and H200 captures
 * (tests/data/nvsmi), hostile files (tests/fixtures/nvsmi), and matching
 * to the catalog.
 */
#include "tests/testlib.h"
#include "catalog/nvsmi.h"
#include "util/err.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *top;

static int load(struct nvsmi_inventory *inv, const char *rel, struct err *err)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", top, rel);
	return nvsmi_read_file(inv, path, err);
}

static void real_captures(void)
{
	struct nvsmi_inventory inv;
	struct err err = ERR_INIT;

	/* Captured with `nvidia-smi -q -x` on the lent H100 machine. */
	test_int(load(&inv, "tests/data/nvsmi/h100-sxm.xml", &err), 0, "parse H100 capture: %s", err.msg);
	test_int((int64_t)inv.n, 1, "one GPU");
	if (inv.n == 1) {
		test_str(inv.gpus[0].product_name, "NVIDIA H100 80GB HBM3", "H100 product name");
		/* 81559 MiB * 1048576 = 85520809984 bytes. */
		test_int(inv.gpus[0].memory_bytes, 85520809984LL, "H100 usable memory");
		test_rel(inv.gpus[0].power_limit_w, 700, 0, "H100 power limit");
		test_int(inv.gpus[0].pcie_gen, 5, "H100 PCIe gen");
		test_int(inv.gpus[0].pcie_lanes, 16, "H100 PCIe lanes");
		test_str(inv.gpus[0].architecture, "Hopper", "architecture");
	}
	test_str(inv.driver_version, "580.159.04", "driver version");
	test_str(inv.cuda_version, "13.0", "CUDA version");
	nvsmi_inventory_release(&inv);

	test_int(load(&inv, "tests/data/nvsmi/h200-sxm.xml", &err), 0, "parse H200 capture");
	if (inv.n == 1) {
		test_str(inv.gpus[0].product_name, "NVIDIA H200", "H200 product name");
		/* 143771 MiB. */
		test_int(inv.gpus[0].memory_bytes, 143771LL * 1048576, "H200 usable memory");
		test_rel(inv.gpus[0].power_limit_w, 700, 0, "H200 power limit");
	}
	nvsmi_inventory_release(&inv);

	/* Old drivers: power_readings/power_limit and N/A link generation. */
	test_int(load(&inv, "tests/fixtures/nvsmi/mismatch-memory.xml", &err), 0, "parse 3-GPU fixture");
	test_int((int64_t)inv.n, 3, "three GPUs");
	if (inv.n == 3) {
		test_rel(inv.gpus[0].power_limit_w, 700, 0, "old-style power_limit read");
		test_int(inv.gpus[0].pcie_gen, CAT_NULL_INT, "N/A link generation is absent");
		test_ok(isnan(inv.gpus[2].power_limit_w), "missing power limit is NaN");
	}
	nvsmi_inventory_release(&inv);
}

static void hostile(void)
{
	static const struct { const char *file, *expect; } cases[] = {
		{ "bomb.xml", "entity" },
		{ "external-entity.xml", "entity declarations are not allowed" },
		{ "undeclared-entity.xml", "not valid XML" },
		{ "truncated.xml", "not valid XML" },
		{ "empty.xml", "is empty" },
		{ "binary.xml", "not valid XML" },
		{ "wrong-root.xml", "root element is <html>" },
		{ "no-gpu.xml", "lists no GPU" },
		{ "absurd-memory.xml", "out of range" },
		{ "negative-power.xml", "out of range" },
		{ "junk-number.xml", "expected a number in MiB" },
		{ "no-product-name.xml", "no <product_name>" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct nvsmi_inventory inv;
		struct err err = ERR_INIT;
		char rel[128];

		snprintf(rel, sizeof(rel), "tests/fixtures/nvsmi/%s", cases[i].file);
		test_int(load(&inv, rel, &err), -ERR_PARSE, "%s is refused", cases[i].file);
		test_contains(err.msg, cases[i].expect, "%s: message", cases[i].file);
		test_ok(strchr(err.msg, '\n') == NULL, "%s: one-line message", cases[i].file);
		test_ok(inv.n == 0 && inv.gpus == NULL, "%s: nothing kept", cases[i].file);
	}
	{
		struct nvsmi_inventory inv;
		struct err err = ERR_INIT;

		test_int(load(&inv, "tests/fixtures/nvsmi/does-not-exist.xml", &err), -ERR_IO,
			 "missing file is an I/O error");
	}
}

static void matching(void)
{
	struct nvsmi_inventory inv;
	struct err err = ERR_INIT;
	struct cat_paths paths;
	struct cat *cat = NULL;

	memset(&paths, 0, sizeof(paths));
	snprintf(paths.system, sizeof(paths.system), "%s", test_env("RIGPLAN_CATALOG"));
	snprintf(paths.user, sizeof(paths.user), "/nonexistent/rigplan/user.db");
	test_int(cat_open(&cat, &paths, CAT_READ, &err), 0, "open shipped catalog: %s", err.msg);
	if (!cat)
		return;
	test_int(load(&inv, "tests/data/nvsmi/h100-sxm.xml", &err), 0, "load H100");
	test_int(nvsmi_match(&inv, cat, &err), 0, "match H100");
	test_str(inv.gpus[0].gpu_id, "h100-sxm", "H100 capture -> h100-sxm");
	test_int(inv.gpus[0].match, NVSMI_MATCH_EXACT, "memory agrees (81559 of 81920 MiB)");
	nvsmi_inventory_release(&inv);

	test_int(load(&inv, "tests/data/nvsmi/h200-sxm.xml", &err), 0, "load H200");
	test_int(nvsmi_match(&inv, cat, &err), 0, "match H200");
	test_str(inv.gpus[0].gpu_id, "h200-sxm", "H200 capture -> h200-sxm");
	test_int(inv.gpus[0].match, NVSMI_MATCH_EXACT, "memory agrees (143771 of 144384 MiB)");
	nvsmi_inventory_release(&inv);

	test_int(load(&inv, "tests/fixtures/nvsmi/mismatch-memory.xml", &err), 0, "load 3 GPUs");
	test_int(nvsmi_match(&inv, cat, &err), 0, "match 3 GPUs");
	test_int(inv.gpus[0].match, NVSMI_MATCH_NAME_ONLY, "40000 MiB 'H100 80GB' is name-only");
	test_contains(inv.gpus[0].note, "catalog 'h100-sxm'", "note explains the mismatch");
	test_str(inv.gpus[1].gpu_id, "rtx-4090", "GeForce name matched");
	test_int(inv.gpus[2].match, NVSMI_MATCH_NONE, "unknown GPU unmatched");
	test_contains(inv.gpus[2].note, "unknown gpu", "note says why");
	nvsmi_inventory_release(&inv);

	test_int(load(&inv, "tests/fixtures/nvsmi/sql-in-name.xml", &err), 0, "SQL in product name parses");
	test_int(nvsmi_match(&inv, cat, &err), 0, "and matches nothing, harmlessly");
	test_int(inv.gpus[0].match, NVSMI_MATCH_NONE, "no match");
	nvsmi_inventory_release(&inv);
	cat_free(cat);
}

int main(void)
{
	top = test_env("TOP_SRCDIR");
	real_captures();
	hostile();
	matching();
	return test_done();
}
