/*
 * plan_node.h - completing a node around its GPUs from the catalog: the
 * chassis (form factor, slots, width, cooling), PSUs sized for the peak
 * with redundancy, a CPU with the PCIe lanes, RAM for the page cache and
 * a drive that holds and loads the weights.  The planner's inner loop:
 * everything is read from the catalog once (plan_parts_load) and chosen
 * in memory.
 */
#ifndef RIGPLAN_SIM_PLAN_NODE_H
#define RIGPLAN_SIM_PLAN_NODE_H

#include "sim/plan.h"
#include "models/power.h"

struct err;

/* The catalog's parts, loaded once; PSU curves by level and variant. */
struct plan_parts {
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
	struct psu_curve curve[6][2];   /* [level][0: 115v-internal, 1: 230v-internal-redundant] */
};

int plan_parts_load(struct plan_parts *p, struct cat *cat, struct err *err);
void plan_parts_release(struct plan_parts *p);

/* What the nodes must carry. */
struct node_need {
	const struct cat_gpu *gpu;
	size_t tp, gpus_per_replica, replicas;
	double weights_bytes;       /* one replica's files */
	double gpu_typical_w;       /* one GPU at the planned load */
	double h2d_bytes_per_s;     /* host to one GPU (pageable) */
	const char *psu_redundancy; /* NULL: the chassis's own, none in desktop towers */
	double power_limit_w;       /* per node at the wall; NaN: none */
	double ram_bytes;           /* host memory per node asked for; NaN: the rule */
};

/*
 * The cheapest complete node for `n`: fewest nodes first, then fewest
 * unpriced parts, then the lowest priced cost, then the id.  Fills
 * *node, the parts of all nodes (GPUs excluded) in parts[] and returns
 * their count; or returns -1 with *why set to the reason the last
 * chassis tried failed for (the most specific one).
 */
int plan_node_complete(struct plan_node *node, struct plan_part *parts, size_t *nodes,
		       const struct plan_parts *p, const struct node_need *n,
		       enum plan_reject *why);

/* One priced catalog line: id, name, price columns. */
void plan_part_set(struct plan_part *out, const char *role, const char *id,
		   const char *name, size_t qty, const struct cat_price *price);

#endif
