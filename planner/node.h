/*
 * node.h - completing a node around its GPUs from the catalog: the
 * chassis (form factor, slots, width, cooling), PSUs sized for the peak
 * with redundancy, a CPU with the PCIe lanes, RAM for the page cache and
 * a drive that holds and loads the weights.  The planner's inner loop:
 * everything is read from the catalog once (bind_parts_load) and chosen
 * in memory.
 */
#ifndef RIGPLAN_PLANNER_NODE_H
#define RIGPLAN_PLANNER_NODE_H

#include "bind/parts.h"
#include "planner/plan.h"

struct err;

/* What the nodes must carry. */
struct node_need {
	const struct cat_gpu *gpu;
	size_t tp, gpus_per_replica, replicas;
	double weights_bytes;       /* one replica's files */
	double gpu_typical_w;       /* one GPU at the planned load */
	double h2d_bytes_per_s;     /* host to one GPU (pageable) */
	double load_read_max;       /* the engine's load reads at most this a second
				     * whatever the drive; 0 or INFINITY: the drive's */
	const char *psu_redundancy; /* NULL: the chassis's own, none in desktop towers */
	double power_limit_w;       /* per node at the wall; NaN: none */
	double ram_bytes;           /* host memory per node asked for; NaN: the rule */
	int replica_per_host;       /* one replica a node: its layers on the CPU read the
				     * host's memory, which a second would share */
};

/*
 * The cheapest complete node for `n`: fewest nodes first, then fewest
 * unpriced parts, then the lowest priced cost, then the id.  Fills
 * *node, the parts of all nodes (GPUs excluded) in parts[] and returns
 * their count; or returns -1 with *why set to the reason the last
 * chassis tried failed for (the most specific one).
 */
int plan_node_complete(struct plan_node *node, struct plan_part *parts, size_t *nodes,
		       const struct bind_parts *p, const struct node_need *n,
		       enum plan_reject *why);

/* One priced catalog line: id, name, price columns. */
void plan_part_set(struct plan_part *out, const char *role, const char *id,
		   const char *name, size_t qty, const struct cat_price *price);

#endif
