/*
 * fabric.h - what joins a plan's nodes: the network a replica that spans
 * nodes needs (NICs, cables, switches) and the racks and PDUs that feed
 * racked nodes, chosen from the catalog's netpart rows.
 */
#ifndef RIGPLAN_PLANNER_FABRIC_H
#define RIGPLAN_PLANNER_FABRIC_H

#include <stddef.h>

#include "bind/parts.h"
#include "planner/plan.h"

struct fabric_need {
	size_t nodes, gpus_per_node;
	int span;                   /* a replica spans nodes: a GPU network is needed */
	int server;                 /* data-centre nodes: one port per GPU; else one per node */
	size_t builtin_ports;       /* ports a complete system ships with, per node */
	double builtin_gbps;        /* their speed; NaN: none */
	size_t rack_units;          /* per node; 0: not racked */
	double node_peak_wall_w;
	size_t feeds;               /* power feeds per rack: 2 with redundant PSUs */
};

/* The GPU network of `f`: "infiniband", "ethernet", or "" when no
 * replica spans nodes. */
const char *plan_fabric_kind(const struct fabric_need *f);

/* Append the lines for `f` to parts (at most `room`); returns how many. */
size_t plan_fabric_bill(struct plan_part *parts, size_t room, const struct bind_parts *p,
			const struct fabric_need *f);

#endif
