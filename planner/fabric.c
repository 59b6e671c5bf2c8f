/*
 * fabric.c - the network and rack power of a multi-node plan.
 *
 * Rules, each what a cluster builder does:
 *  - a replica whose pipeline stages span nodes needs a GPU network: on
 *    data-centre nodes one port per GPU (the rail-optimized layout NVIDIA's
 *    DGX reference architectures use, GPUDirect RDMA from each GPU's own
 *    NIC), InfiniBand at the fastest NIC speed the catalog has; on towers
 *    one Ethernet port per node.  A complete system's own ports count.
 *  - each port takes one cable to a switch (a cable row's ports: the NIC
 *    ends it serves, 2 for an OSFP splitter); switches of the same fabric
 *    and port speed, as many as the ports need; two towers connect back
 *    to back with no switch;
 *  - replicas that fit one node each need only the site's front-end
 *    network, which the bill does not count;
 *  - racked nodes: 42U racks, and per rack the PDUs that carry its peak at
 *    the wall on each feed (two feeds when the PSUs are redundant).
 * A part the catalog lacks is a line without a price that says so.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "planner/fabric.h"
#include "planner/node.h"

/* 42U, the common full-height rack. */
#define RACK_UNITS 42

/* The best row of a kind: matching fabric (NULL any) and port speed
 * `gbps` (NaN: the fastest there is; a faster switch port would need
 * breakout cables the catalog does not list); priced before unpriced,
 * then the cheapest per port. */
static const struct cat_netpart *pick(const struct bind_parts *p, const char *kind,
				      const char *fabric, double gbps)
{
	const struct cat_netpart *best = NULL;
	size_t i;

	for (i = 0; i < p->nnet; i++) {
		const struct cat_netpart *c = &p->net[i];
		double per, best_per;

		if (strcmp(c->kind, kind) || (fabric && strcmp(c->fabric, fabric)))
			continue;
		if (!isnan(gbps) && c->speed_gbps != gbps)
			continue;
		if (!best) {
			best = c;
			continue;
		}
		if (isnan(gbps) && c->speed_gbps != best->speed_gbps) {
			if (c->speed_gbps > best->speed_gbps)
				best = c;
			continue;
		}
		if (isnan(c->price.price_usd) != isnan(best->price.price_usd)) {
			if (!isnan(c->price.price_usd))
				best = c;
			continue;
		}
		per = c->price.price_usd / (double)(c->ports > 0 ? c->ports : 1);
		best_per = best->price.price_usd / (double)(best->ports > 0 ? best->ports : 1);
		if (per < best_per || (!(per > best_per) && strcmp(c->id, best->id) < 0))
			best = c;
	}
	return best;
}

static size_t line(struct plan_part *parts, size_t *np, size_t room, const char *role,
		   const struct cat_netpart *c, const char *missing, size_t qty)
{
	if (*np >= room || qty == 0)
		return 0;
	if (c)
		plan_part_set(&parts[*np], role, c->id, c->name, qty, &c->price);
	else
		plan_part_set(&parts[*np], role, role, missing, qty, NULL);
	return ++*np;
}

#define NOTE(...) snprintf(parts[np - 1].note, sizeof(parts[np - 1].note), __VA_ARGS__)

const char *plan_fabric_kind(const struct fabric_need *f)
{
	return !f->span ? "" : f->server ? "infiniband" : "ethernet";
}

static size_t network(struct plan_part *parts, size_t np, size_t room,
		      const struct bind_parts *p, const struct fabric_need *f)
{
	const char *fabric = plan_fabric_kind(f);
	size_t per_node = f->server ? f->gpus_per_node : 1, ports = per_node * f->nodes;
	const struct cat_netpart *nic = NULL, *cable, *sw;
	double gbps;
	size_t per_cable, sw_ports;

	if (f->builtin_ports >= per_node && !isnan(f->builtin_gbps)) {
		gbps = f->builtin_gbps;
	} else {
		nic = pick(p, "nic", fabric, NAN);
		gbps = nic ? nic->speed_gbps : 400;
		if (line(parts, &np, room, "nic", nic, "GPU network NIC (not in the catalog)",
			 ports))
			NOTE("%zu per node, %.0f Gb/s %s: pipeline stages span nodes", per_node,
			     gbps, fabric);
	}
	cable = pick(p, "cable", fabric, gbps);
	per_cable = cable && cable->ports > 0 ? (size_t)cable->ports : 1;
	if (f->nodes == 2 && !f->server) {
		/* two towers, one cable between their NICs */
		if (line(parts, &np, room, "cable", cable, "network cable (not in the catalog)", 1))
			NOTE("the two nodes back to back; no switch");
		return np;
	}
	if (line(parts, &np, room, "cable", cable, "network cable (not in the catalog)",
		 (ports + per_cable - 1) / per_cable))
		NOTE("%zu ports to the switch, %zu per cable", ports, per_cable);
	sw = pick(p, "switch", fabric, gbps);
	sw_ports = sw ? (size_t)sw->ports : 0;
	if (sw && ports > sw_ports) {
		/* two tiers: half of each leaf's ports down, half up */
		size_t leaves = (ports + sw_ports / 2 - 1) / (sw_ports / 2);
		size_t spines = (leaves * (sw_ports / 2) + sw_ports - 1) / sw_ports;

		if (line(parts, &np, room, "switch", sw, "", leaves + spines))
			NOTE("%zu leaves and %zu spines for %zu ports; uplink cables not counted",
			     leaves, spines, ports);
	} else if (line(parts, &np, room, "switch", sw, "GPU network switch (not in the catalog)",
			1)) {
		if (sw)
			NOTE("%zu of its %zu ports at %.0f Gb/s", ports, sw_ports, gbps);
	}
	return np;
}

static size_t rack_power(struct plan_part *parts, size_t np, size_t room,
			 const struct bind_parts *p, const struct fabric_need *f)
{
	size_t per_rack = RACK_UNITS / f->rack_units, racks, i;
	double rack_w;
	const struct cat_netpart *best = NULL;
	size_t best_n = 0;

	if (per_rack == 0)
		return np;
	racks = (f->nodes + per_rack - 1) / per_rack;
	rack_w = (double)(per_rack < f->nodes ? per_rack : f->nodes) * f->node_peak_wall_w;
	if (np < room) {
		plan_part_set(&parts[np++], "rack", "rack-42u", "42U rack (not in the catalog)",
			      racks, NULL);
		NOTE("%zu nodes of %zuU, up to %zu per rack: %.1f kW peak in the fullest", f->nodes,
		     f->rack_units, per_rack, rack_w / 1000);
	}
	/* the PDU that carries a rack's feed with the fewest units, then the
	 * cheapest */
	for (i = 0; i < p->nnet; i++) {
		const struct cat_netpart *c = &p->net[i];
		size_t n;

		if (strcmp(c->kind, "pdu"))
			continue;
		n = (size_t)ceil(rack_w / c->capacity_w);
		if (!best || n < best_n ||
		    (n == best_n && !isnan(c->price.price_usd) &&
		     (isnan(best->price.price_usd) || c->price.price_usd < best->price.price_usd))) {
			best = c;
			best_n = n;
		}
	}
	if (line(parts, &np, room, "pdu", best, "rack PDU (not in the catalog)",
		 racks * f->feeds * (best ? best_n : 1)))
		NOTE("%zu per feed, %zu feed%s per rack, for %.1f kW%s", best ? best_n : 1, f->feeds,
		     f->feeds == 1 ? "" : "s", rack_w / 1000,
		     best ? "" : "; size from the rack's peak");
	return np;
}

size_t plan_fabric_bill(struct plan_part *parts, size_t room, const struct bind_parts *p,
			const struct fabric_need *f)
{
	size_t np = 0;

	if (f->span)
		np = network(parts, np, room, p, f);
	if (f->rack_units > 0 && f->nodes > 1)
		np = rack_power(parts, np, room, p, f);
	return np;
}
