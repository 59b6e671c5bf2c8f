/*
 * parts.h - the catalog's buildable parts, read once for the planner's
 * node completion (planner/node.c): chassis with the board, layout or
 * contents each has, CPUs with their platform, motherboards, coolers,
 * PSUs and their 80 PLUS curves, memory, drives, and the network and
 * rack-power parts of multi-node plans.
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
	size_t nchassis;
	/* per chassis, NULL when it has none: the board a server chassis
	 * ships with, the layout of a case that takes a motherboard, the
	 * contents of a complete system */
	const struct cat_chassis_cpu **chassis_board;
	const struct cat_chassis_layout **chassis_layout;
	const struct cat_system **chassis_system;
	struct cat_platform *platform;
	size_t nplatform;
	const struct cat_platform **cpu_platform;   /* per CPU; NULL: socket unknown */
	const struct cat_platform **board_platform; /* per motherboard; NULL: unknown */
	struct cat_motherboard *board;
	size_t nboard;
	struct cat_cooler *cooler;
	size_t ncooler;
	struct cat_netpart *net;
	size_t nnet;
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
	/* the rows the pointers above point into */
	struct cat_chassis_cpu *boards_of_chassis;
	struct cat_chassis_layout *layouts;
	struct cat_system *systems;
	size_t nboards_of_chassis, nlayouts, nsystems;
};

/* The platform with id `id` among p's, or NULL. */
const struct cat_platform *bind_platform(const struct bind_parts *p, const char *id);

/* Whether a comma-separated list holds `word` (case-insensitive). */
int bind_list_has(const char *list, const char *word);

/* Read every part (release with bind_parts_release).  ERR_DB, ERR_IO. */
int bind_parts_load(struct bind_parts *p, struct cat *cat, struct err *err);
void bind_parts_release(struct bind_parts *p);

#endif
