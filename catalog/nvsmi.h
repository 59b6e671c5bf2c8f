/*
 * nvsmi.h - inventory of a machine's GPUs from `nvidia-smi -q -x` output.
 *
 * Parsing is strict and safe for files from anywhere: no entity
 * substitution, no DTD loading, no network, a size limit, and documents
 * that declare entities are refused.  Malformed input is ERR_PARSE with a
 * message naming the file and what was wrong.
 */
#ifndef RIGPLAN_CATALOG_NVSMI_H
#define RIGPLAN_CATALOG_NVSMI_H

#include <stddef.h>
#include <stdint.h>

#include "catalog/cat.h"

struct err;

/* Largest file accepted: an 8-GPU dump is about 250 KB. */
#define NVSMI_FILE_MAX (32u << 20)

enum nvsmi_match {
	NVSMI_MATCH_NONE,     /* no catalog GPU by that name */
	NVSMI_MATCH_EXACT,    /* name and memory size agree */
	NVSMI_MATCH_NAME_ONLY /* the name matched but the memory size does not */
};

struct nvsmi_gpu {
	char product_name[CAT_NAME_MAX];
	char architecture[CAT_WORD_MAX];
	char uuid[CAT_ID_MAX];
	char pci_bus_id[CAT_WORD_MAX];
	int64_t memory_bytes;          /* usable memory nvidia-smi reports */
	double power_limit_w;          /* current limit; NaN when N/A */
	double default_power_limit_w;  /* NaN when N/A */
	int64_t pcie_gen, pcie_lanes;  /* maximum link; CAT_NULL_INT when N/A */
	/* Live readings (NaN when the dump lacks them): what `rigplan
	 * calibrate` samples while its kernels run. */
	double power_w;                /* instantaneous draw (average on older drivers) */
	double power_avg_w;            /* the driver's one-second average */
	double sm_mhz, sm_max_mhz;     /* SM clock now, and its maximum */
	double temp_c;                 /* GPU die */
	double memory_used_bytes;
	int power_capped;              /* clocks held down by the power cap */
	int thermal_slowdown;          /* by temperature (hardware or software) */
	char gpu_id[CAT_ID_MAX];       /* matched catalog id, "" if none */
	enum nvsmi_match match;
	char note[200];                /* why a match is partial or absent */
};

struct nvsmi_inventory {
	char driver_version[CAT_WORD_MAX];
	char cuda_version[CAT_WORD_MAX];
	size_t n;
	struct nvsmi_gpu *gpus;        /* owned */
};

void nvsmi_inventory_init(struct nvsmi_inventory *inv);
void nvsmi_inventory_release(struct nvsmi_inventory *inv);

/* Parse an XML document held in memory; `name` labels messages. */
int nvsmi_parse(struct nvsmi_inventory *inv, const char *buf, size_t len,
		const char *name, struct err *err);

/* Read and parse a file (at most NVSMI_FILE_MAX bytes). */
int nvsmi_read_file(struct nvsmi_inventory *inv, const char *path,
		    struct err *err);

/* Match every GPU to a catalog id (gpu_id, match, note). */
int nvsmi_match(struct nvsmi_inventory *inv, struct cat *cat, struct err *err);

const char *nvsmi_match_name(enum nvsmi_match m);

#endif
