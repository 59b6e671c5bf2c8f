/*
 * parts.h - the catalog's buildable parts, read once for the planner's
 * node completion (planner/node.c): chassis with the CPU vendor each
 * board takes, PSUs and their 80 PLUS curves, CPUs, memory and drives.
 */
#ifndef RIGPLAN_BIND_PARTS_H
#define RIGPLAN_BIND_PARTS_H

#include <stddef.h>

#include "catalog/cat_rows.h"
#include "models/power.h"

struct cat;
struct err;

/* 80 PLUS levels, lowest first, and the two curves each level has. */
#define BIND_PSU_LEVELS 6
extern const char *const bind_psu_levels[BIND_PSU_LEVELS];

struct bind_parts {
	struct cat_chassis *chassis;
	char (*chassis_cpu)[CAT_WORD_MAX];  /* per chassis: the CPU vendor its board takes, "" any */
	size_t nchassis;
	struct cat_psu *psu;
	size_t npsu;
	struct cat_cpu *cpu;
	size_t ncpu;
	struct cat_memory *mem;
	size_t nmem;
	struct cat_ssd *ssd;
	size_t nssd;
	/* [level][0: 115v-internal, 1: 230v-internal-redundant]; n 0: none */
	struct psu_curve curve[BIND_PSU_LEVELS][2];
};

/* Read every part (release with bind_parts_release).  ERR_DB, ERR_IO. */
int bind_parts_load(struct bind_parts *p, struct cat *cat, struct err *err);
void bind_parts_release(struct bind_parts *p);

#endif
