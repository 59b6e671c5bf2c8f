/*
 * node.c - a node around its GPUs: chassis, PSUs, CPU, RAM, drive.
 *
 * Rules, each one a fact about real boxes rather than a preference:
 *  - the chassis takes the GPU's form factor, and PCIe cards no wider
 *    than its max_gpu_width; passively cooled cards need a server chassis
 *    (one that ships its own PSUs and fans), not a desktop tower;
 *  - a tensor-parallel group stays inside one node; pipeline stages may
 *    span nodes;
 *  - PCIe lanes: x16 per GPU plus x4 for the drive; desktop platforms
 *    (24 lanes or fewer) run two GPUs at x8/x8 as their boards do;
 *  - PSUs carry the DC peak (GPUs at TDP, consumer cards' transients,
 *    the CPUs at TDP) with the redundancy asked for, or the chassis's own;
 *    a tower's ATX PSUs share no load: each feeds whole devices, as many
 *    as it mounts, and none is redundant;
 *  - RAM holds the weight files in the page cache (so a restart loads
 *    warm) plus the OS reserve and the engine's swap space per GPU, or
 *    what the user asked for but never less than the OS and swap, in
 *    whole DIMMs on every channel, at most 2 per channel;
 * (the figures, with their sources, are models/defaults.h's)
 *  - the drive holds the files with 25% spare;
 *  - a tower plugs into one household outlet: its peak at the wall within
 *    the largest household circuit, unless --node-power-max says more.
 * Among the boxes that work: fewest nodes, then the GPU's own class of
 * box (towers for GeForce and workstation cards), then fewest unpriced
 * parts, then the lowest price.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/defaults.h"
#include "models/storage.h"
#include "models/thermal.h"
#include "bind/deploy.h"
#include "planner/node.h"
#include "util/err.h"
#include "util/xalloc.h"
#include "util/units.h"

#define DRIVE_LANES 4

void plan_part_set(struct plan_part *out, const char *role, const char *id,
		   const char *name, size_t qty, const struct cat_price *price)
{
	memset(out, 0, sizeof(*out));
	snprintf(out->role, sizeof(out->role), "%s", role);
	snprintf(out->id, sizeof(out->id), "%s", id);
	snprintf(out->name, sizeof(out->name), "%s", name);
	out->qty = qty;
	out->unit_usd = price ? price->price_usd : NAN;
	if (price && !isnan(price->price_usd)) {
		snprintf(out->price_kind, sizeof(out->price_kind), "%s", price->price_kind);
		snprintf(out->price_source, sizeof(out->price_source), "%s", price->price_source);
		snprintf(out->price_as_of, sizeof(out->price_as_of), "%s", price->price_as_of);
	}
}

/* Sort key of a choice: unpriced parts first (fewer is better), then the
 * price of the priced ones. */
struct cost_key {
	size_t unpriced;
	double usd;
};

static void key_add(struct cost_key *k, double unit, size_t qty)
{
	if (isnan(unit))
		k->unpriced++;
	else
		k->usd += unit * (double)qty;
}

static int key_better(const struct cost_key *a, const struct cost_key *b)
{
	return a->unpriced != b->unpriced ? a->unpriced < b->unpriced : a->usd < b->usd;
}

static int level_index(const char *level)
{
	int i;

	for (i = 0; i < BIND_PSU_LEVELS; i++)
		if (!strcmp(bind_psu_levels[i], level))
			return i;
	return 0;
}

static size_t redundant_units(enum psu_redundancy r, size_t units)
{
	switch (r) {
	case PSU_N1: return 1;
	case PSU_N2: return 2;
	case PSU_2N: return units / 2;
	default: return 0;
	}
}

/* The node being assembled. */
struct build {
	const struct cat_chassis *ch;
	const char *cpu_vendor;     /* what the board takes; "" any */
	int server;                 /* ships its own PSUs: a server chassis */
	size_t gpus, sockets;
	const struct cat_cpu *cpu;
	size_t lanes_needed;        /* by the GPUs and the drive, as the CPU runs them */
	const struct cat_memory *mem;
	size_t dimms;
	const struct cat_ssd *ssd;
	const struct cat_psu *psu;  /* NULL: the chassis's own */
	size_t psus, psus_needed;
	double psu_w;
	enum psu_redundancy red;
	const struct psu_curve *curve;
	struct host_spec host;
	double peak_w, eff_peak;
	double card_w;              /* one GPU's peak the PSUs ride through, DC */
	struct cost_key key;
};

static int pick_cpu(struct build *b, const struct bind_parts *p, size_t lanes_x16,
		    size_t lanes_x8)
{
	struct cost_key best = { (size_t)-1, 0 };
	size_t i;

	b->cpu = NULL;
	for (i = 0; i < p->ncpu; i++) {
		const struct cat_cpu *c = &p->cpu[i];
		int desktop = !strcmp(c->segment, "desktop");
		size_t lanes = (size_t)c->pcie_lanes * b->sockets;
		size_t want = desktop && b->gpus == 2 ? lanes_x8 : lanes_x16;
		struct cost_key k = { 0, 0 };

		if ((size_t)c->max_sockets < b->sockets)
			continue;
		/* servers take server CPUs; desktop towers take desktop or
		 * workstation parts */
		if (b->server != !strcmp(c->segment, "server"))
			continue;
		/* the board's socket: a platform's own vendor only */
		if (b->cpu_vendor[0] && strcmp(c->vendor, b->cpu_vendor))
			continue;
		if (lanes < want)
			continue;
		key_add(&k, c->price.price_usd, b->sockets);
		if (!b->cpu || key_better(&k, &best) ||
		    (!key_better(&best, &k) && lanes < (size_t)b->cpu->pcie_lanes * b->sockets)) {
			b->cpu = c;
			best = k;
			b->lanes_needed = want;
		}
	}
	if (b->cpu)
		key_add(&b->key, b->cpu->price.price_usd, b->sockets);
	return b->cpu ? 0 : -1;
}

static int dimm_type_ok(const struct build *b, const struct cat_memory *m)
{
	char want[CAT_WORD_MAX + 8];
	size_t i;

	snprintf(want, sizeof(want), "%.16s-%s", b->cpu->memory_type, b->server ? "rdimm" : "udimm");
	for (i = 0; want[i]; i++)
		if (want[i] >= 'A' && want[i] <= 'Z')
			want[i] = (char)(want[i] - 'A' + 'a');
	return !strcmp(m->type, want);
}

static void pick_memory(struct build *b, const struct bind_parts *p, double need)
{
	size_t channels = (size_t)b->cpu->memory_channels * b->sockets;
	struct cost_key best = { (size_t)-1, 0 };
	double best_bytes = 0;
	size_t i, per;

	b->mem = NULL;
	b->dimms = 0;
	for (i = 0; i < p->nmem; i++) {
		const struct cat_memory *m = &p->mem[i];

		if (!dimm_type_ok(b, m))
			continue;
		for (per = 1; per <= 2; per++) {
			size_t n = channels * per;
			double bytes = (double)n * (double)m->capacity_bytes;
			struct cost_key k = { 0, 0 };

			if (bytes < need && per < 2)
				continue;
			key_add(&k, m->price.price_usd, n);
			/* enough beats too little; then cost; then less surplus */
			if (!b->mem || (bytes >= need && best_bytes < need) ||
			    ((bytes >= need) == (best_bytes >= need) &&
			     (key_better(&k, &best) ||
			      (!key_better(&best, &k) && fabs(bytes - need) < fabs(best_bytes - need))))) {
				b->mem = m;
				b->dimms = n;
				best = k;
				best_bytes = bytes;
			}
			break;
		}
	}
	if (b->mem)
		key_add(&b->key, b->mem->price.price_usd, b->dimms);
}

static void pick_ssd(struct build *b, const struct bind_parts *p, double need)
{
	struct cost_key best = { (size_t)-1, 0 };
	size_t i;

	b->ssd = NULL;
	for (i = 0; i < p->nssd; i++) {
		const struct cat_ssd *s = &p->ssd[i];
		int dc = strcmp(s->form_factor, "m.2") && strcmp(s->form_factor, "2.5in");
		struct cost_key k = { 0, 0 };

		if ((double)s->capacity_bytes < need || (dc && !b->server))
			continue;
		key_add(&k, s->price.price_usd, 1);
		/* cheapest; among equals the fastest reader, then the smaller */
		if (!b->ssd || key_better(&k, &best) ||
		    (!key_better(&best, &k) &&
		     (s->seq_read_bytes_per_s > b->ssd->seq_read_bytes_per_s ||
		      (s->seq_read_bytes_per_s == b->ssd->seq_read_bytes_per_s &&
		       s->capacity_bytes < b->ssd->capacity_bytes)))) {
			b->ssd = s;
			best = k;
		}
	}
	if (b->ssd)
		key_add(&b->key, b->ssd->price.price_usd, 1);
}

/*
 * PSUs for the peak: the chassis's own, or ATX units in a tower.  ATX
 * supplies cannot share a load: each feeds whole devices, as many as the
 * tower mounts (psu_bays: a dual-PSU mount takes two), and none is
 * redundant; redundancy is a server's, hot-swap supplies sharing one load
 * on a backplane (see bind/deploy.c host()).  0, or -1 with *why.
 */
static int pick_psus(struct build *b, const struct bind_parts *p, const char *asked,
		     enum plan_reject *why)
{
	struct cost_key best = { (size_t)-1, 0 };
	double fans = 1 + b->host.fan_fraction;
	double host_w = power_node_dc(&b->host, 0, 0);
	size_t i;

	*why = PLAN_OVER_POWER;
	if (b->server) {
		const char *r = asked ? asked : b->ch->psu_redundancy;
		size_t units;

		if (psu_redundancy_parse(&b->red, r) < 0)
			return -1;
		units = psu_units(b->peak_w, b->ch->psu_w, b->red);
		if (units > (size_t)b->ch->psu_bays)
			return -1;
		/* the chassis ships with every bay filled; the redundancy
		 * scheme leaves the rest carrying the load */
		b->psus = (size_t)b->ch->psu_bays;
		b->psus_needed = b->psus - redundant_units(b->red, b->psus);
		b->psu = NULL;
		b->psu_w = b->ch->psu_w;
		/* server PSUs: platinum or better; the catalog's 230 V table */
		b->curve = &p->curve[4][1];
		return 0;
	}
	if (psu_redundancy_parse(&b->red, asked ? asked : "none") < 0)
		return -1;
	if (b->red != PSU_NONE) {
		*why = PLAN_NO_REDUNDANCY;
		return -1;
	}
	b->psu = NULL;
	for (i = 0; i < p->npsu; i++) {
		const struct cat_psu *s = &p->psu[i];
		size_t units = psu_split_units(host_w, b->card_w * fans, b->gpus, s->rated_w);
		struct cost_key k = { 0, 0 };

		if (strcmp(s->form_factor, "atx") || units == 0 || units > (size_t)b->ch->psu_bays)
			continue;
		key_add(&k, s->price.price_usd, units);
		if (!b->psu || key_better(&k, &best) ||
		    (!key_better(&best, &k) && (units < b->psus ||
		     (units == b->psus && s->rated_w < b->psu->rated_w)))) {
			b->psu = s;
			b->psus = units;
			best = k;
		}
	}
	if (!b->psu)
		return -1;
	b->psus_needed = b->psus;
	b->psu_w = b->psu->rated_w;
	b->curve = &p->curve[level_index(b->psu->efficiency_level)][0];
	key_add(&b->key, b->psu->price.price_usd, b->psus);
	return 0;
}

/* A PSU whose 80 PLUS curve the catalog lacks: 90%, 80 PLUS Gold at half
 * load (115 V internal) */
#define PSU_EFF_NO_CURVE 0.9

static double wall_w(const struct build *b, double dc)
{
	double eff = PSU_EFF_NO_CURVE;

	if (b->curve->n) {
		struct err e = ERR_INIT;

		if (psu_efficiency(&eff, b->curve, dc / (b->psu_w * (double)b->psus), &e) < 0)
			eff = PSU_EFF_NO_CURVE;
	}
	return dc / eff;
}

/* Whether a baseboard platform takes the GPU: its name lists the GPU's
 * model ("HGX H100/H200" takes h100-sxm and h200-sxm; data/chassis.sql). */
static int platform_takes(const struct cat_chassis *ch, const struct cat_gpu *g)
{
	char model[CAT_ID_MAX], name[CAT_NAME_MAX];
	size_t i;

	snprintf(model, sizeof(model), "%s", g->id);
	model[strcspn(model, "-")] = '\0';
	for (i = 0; ch->name[i] && i + 1 < sizeof(name); i++)
		name[i] = (char)(ch->name[i] >= 'A' && ch->name[i] <= 'Z' ?
				 ch->name[i] - 'A' + 'a' : ch->name[i]);
	name[i] = '\0';
	return model[0] && strstr(name, model) != NULL;
}

/* Try one chassis; 0 and a filled *b, or -1 with *why. */
static int try_chassis(struct build *b, const struct bind_parts *p, const struct node_need *n,
		       const struct cat_chassis *ch, size_t *nodes, enum plan_reject *why)
{
	const struct cat_gpu *g = n->gpu;
	size_t slots = (size_t)ch->gpu_slots, per_node, multi;
	double ram_need, files = n->weights_bytes;

	memset(b, 0, sizeof(*b));
	b->ch = ch;
	b->cpu_vendor = p->chassis_cpu[ch - p->chassis];
	b->server = !isnan(ch->psu_w);
	*why = PLAN_NO_SLOTS;
	if (strcmp(g->form_factor, ch->gpu_form_factor))
		return -1;
	if (g->slot_width != CAT_NULL_INT && ch->max_gpu_width != CAT_NULL_INT &&
	    g->slot_width > ch->max_gpu_width)
		return -1;
	if (!strcmp(g->cooling, "passive") && !b->server)
		return -1;
	if (n->tp > slots)
		return -1;
	if (strcmp(ch->gpu_form_factor, "pcie")) {
		/* an SXM or OAM baseboard takes the GPUs its name lists, and
		 * comes full: the planner fills the spare GPUs with replicas */
		if (!platform_takes(ch, g))
			return -1;
		if (n->gpus_per_replica <= slots)
			*nodes = (n->replicas * n->gpus_per_replica + slots - 1) / slots;
		else
			*nodes = n->replicas * ((n->gpus_per_replica / n->tp + slots / n->tp - 1) /
						(slots / n->tp));
		per_node = slots;
	} else if (n->gpus_per_replica <= slots) {
		size_t k = slots / n->gpus_per_replica;

		*nodes = (n->replicas + k - 1) / k;
		per_node = (n->replicas < k ? n->replicas : k) * n->gpus_per_replica;
	} else {
		size_t stages = slots / n->tp, pp = n->gpus_per_replica / n->tp;

		*nodes = n->replicas * ((pp + stages - 1) / stages);
		per_node = stages * n->tp;
	}
	b->gpus = per_node;
	multi = *nodes > 1 && n->gpus_per_replica > slots;
	b->sockets = b->server ? (size_t)ch->cpu_sockets : 1;

	*why = PLAN_NO_LANES;
	if (pick_cpu(b, p, per_node * (size_t)g->pcie_lanes + DRIVE_LANES,
		     per_node * 8 + DRIVE_LANES) < 0)
		return -1;
	/* what the engine needs whatever was asked: the OS and its swap */
	ram_need = host_default(HOST_OS_RESERVE_BYTES) +
		   host_default(HOST_SWAP_BYTES_PER_GPU) * (double)per_node;
	ram_need = isnan(n->ram_bytes) ? ram_need + files : fmax(ram_need, n->ram_bytes);
	pick_memory(b, p, ram_need);
	pick_ssd(b, p, files * 1.25);
	if (!b->mem || !b->ssd)
		return -1;
	/* memory asked for is a requirement: a board whose DIMM slots cannot
	 * hold it is out, as one without the GPU slots would be */
	*why = PLAN_NO_SLOTS;
	if (!isnan(n->ram_bytes) && (double)b->dimms * (double)b->mem->capacity_bytes < n->ram_bytes)
		return -1;

	b->host.cpu_tdp_w = b->cpu->tdp_w * (double)b->sockets;
	b->host.cpu_load = 1.0;
	b->host.dimms = (double)b->dimms;
	b->host.dimm_w = host_default(HOST_DIMM_W);
	b->host.drives_w = isnan(b->ssd->active_w) ? 0 : b->ssd->active_w;
	b->host.nics_w = multi ? host_default(HOST_NIC_W) * (double)per_node : 0;
	b->host.fan_fraction = host_default(b->server ? HOST_FANS_SERVER : HOST_FANS_DESKTOP);
	b->card_w = g->tdp_w * deploy_gpu_transient(g);
	b->peak_w = power_node_dc(&b->host, per_node, b->card_w);

	*why = PLAN_OVER_POWER;
	if (!isnan(ch->max_power_w) && b->peak_w > ch->max_power_w)
		return -1;
	if (pick_psus(b, p, n->psu_redundancy, why) < 0)
		return -1;
	/* a tower plugs into one household outlet: its peak within the
	 * largest household circuit, unless --node-power-max says what the
	 * site has (models/defaults.c, the circuits) */
	*why = PLAN_OVER_POWER;
	if (!isnan(n->power_limit_w) ? wall_w(b, b->peak_w) > n->power_limit_w :
	    !strcmp(ch->kind, "tower") && wall_w(b, b->peak_w) > host_circuit_max_w())
		return -1;
	key_add(&b->key, ch->price.price_usd, 1);
	return 0;
}

/* A GeForce or workstation card belongs in a desktop or workstation
 * tower unless no tower holds the plan; a server chassis is its second
 * choice (1), as a desktop would be for a data-centre card. */
static int mismatch(const struct build *b, const struct cat_gpu *g)
{
	return bind_gpu_desktop(g) == b->server;
}

/* How far a chassis got before it failed: slots, then lanes, then PSU
 * redundancy, then power. */
static int stage(enum plan_reject w)
{
	return w == PLAN_NO_SLOTS ? 0 : w == PLAN_NO_LANES ? 1 : w == PLAN_NO_REDUNDANCY ? 2 : 3;
}

/* The best box for `n` among every chassis (see plan_node_complete): 0
 * and *best, *nodes, or -1 and the most specific reason in *why. */
static int choose(struct build *best, size_t *nodes, const struct bind_parts *p,
		  const struct node_need *n, enum plan_reject *why)
{
	struct build b;
	size_t i, nn;
	enum plan_reject w, worst = PLAN_NO_SLOTS;
	int found = 0;

	for (i = 0; i < p->nchassis; i++) {
		if (try_chassis(&b, p, n, &p->chassis[i], &nn, &w) < 0) {
			if (stage(w) > stage(worst))
				worst = w;      /* the box that got furthest says why */
			continue;
		}
		if (!found || nn < *nodes ||
		    (nn == *nodes && (mismatch(&b, n->gpu) < mismatch(best, n->gpu) ||
		     (mismatch(&b, n->gpu) == mismatch(best, n->gpu) && key_better(&b.key, &best->key))))) {
			*best = b;
			*nodes = nn;
			found = 1;
		}
	}
	if (!found) {
		*why = worst;
		return -1;
	}
	return 0;
}

/* The chosen box as the plan records it: parts, power, heat, load times. */
static void describe_node(struct plan_node *node, struct build *best, const struct node_need *n)
{
	struct storage_spec st;
	struct load_result ld;
	double typical_dc;

	memset(node, 0, sizeof(*node));
	snprintf(node->chassis, sizeof(node->chassis), "%s", best->ch->id);
	snprintf(node->chassis_kind, sizeof(node->chassis_kind), "%s", best->ch->kind);
	node->rack_units = best->ch->rack_units == CAT_NULL_INT ? 0 : (size_t)best->ch->rack_units;
	node->gpus = best->gpus;
	node->psus = best->psus;
	node->psus_needed = best->psus_needed;
	node->psu_rated_w = best->psu_w;
	snprintf(node->psu_redundancy, sizeof(node->psu_redundancy), "%s",
		 psu_redundancy_name(best->red));
	node->cpu_sockets = best->sockets;
	node->cpu_threads = (size_t)best->cpu->threads * best->sockets;
	node->dimms = best->dimms;
	node->ram_bytes = (double)best->dimms * (double)best->mem->capacity_bytes;
	node->ssd_bytes = (double)best->ssd->capacity_bytes;
	node->pcie_lanes = (size_t)best->cpu->pcie_lanes * best->sockets;
	node->pcie_lanes_needed = best->lanes_needed;
	node->peak_w = best->peak_w;
	node->psu_capacity_w = best->psu_w * (double)best->psus_needed;
	best->host.cpu_load = host_default(HOST_CPU_LOAD);
	typical_dc = power_node_dc(&best->host, best->gpus, n->gpu_typical_w);
	node->typical_w = wall_w(best, typical_dc);
	node->heat_btu_per_h = thermal_btu_per_h(wall_w(best, best->peak_w));
	node->airflow_cfm = thermal_airflow_cfm(wall_w(best, best->peak_w),
						 host_default(HOST_AIR_RISE_K));
	memset(&st, 0, sizeof(st));
	st.drive_read_bytes_per_s = best->ssd->seq_read_bytes_per_s;
	st.drive_write_bytes_per_s = best->ssd->seq_write_bytes_per_s;
	st.ram_bytes = node->ram_bytes;
	st.ram_reserved_bytes = host_default(HOST_OS_RESERVE_BYTES);
	st.h2d_bytes_per_s = n->h2d_bytes_per_s;
	storage_load(&ld, &st, n->weights_bytes, n->gpus_per_replica);
	node->load_cold_s = ld.cold_s;
	node->load_warm_s = ld.warm_s;
}

/* The bill's lines for `nodes` of the chosen box, each with its note;
 * returns how many. */
static size_t bill(struct plan_part *parts, const struct plan_node *node,
		   const struct build *best, size_t nodes, const struct node_need *n)
{
	size_t np = 0;

	plan_part_set(&parts[np++], "chassis", best->ch->id, best->ch->name, nodes,
		      &best->ch->price);
	if (!strcmp(best->ch->kind, "tower")) {
		double peak = wall_w(best, best->peak_w);
		const char *c = host_circuit(peak);

		if (c)
			snprintf(parts[np - 1].note, sizeof(parts[np - 1].note),
				 "peak %.0f W at the wall: a %s circuit or larger", peak, c);
		else
			snprintf(parts[np - 1].note, sizeof(parts[np - 1].note),
				 "peak %.0f W at the wall: over one outlet (--node-power-max)", peak);
	}
	if (best->psu)
		plan_part_set(&parts[np++], "psu", best->psu->id, best->psu->name,
			      nodes * best->psus, &best->psu->price);
	else {
		plan_part_set(&parts[np], "psu", best->ch->id, "PSUs shipped with the chassis",
			      nodes * best->psus, NULL);
		parts[np++].unit_usd = 0;
	}
	if (best->psu && best->psus > 1)
		snprintf(parts[np - 1].note, sizeof(parts[np - 1].note),
			 "%zu x %.0f W per node for the %.0f W peak, each feeding its own devices "
			 "(a dual-PSU tower; none redundant)", best->psus, best->psu_w, best->peak_w);
	else
		snprintf(parts[np - 1].note, sizeof(parts[np - 1].note),
			 "%zu x %.0f W per node, %zu carr%s the %.0f W peak (%s)", best->psus,
			 best->psu_w, node->psus_needed, node->psus_needed == 1 ? "ies" : "y",
			 best->peak_w, node->psu_redundancy);
	plan_part_set(&parts[np++], "cpu", best->cpu->id, best->cpu->name, nodes * best->sockets,
		      &best->cpu->price);
	snprintf(parts[np - 1].note, sizeof(parts[np - 1].note), "%zu PCIe lanes for %zu needed",
		 node->pcie_lanes, node->pcie_lanes_needed);
	plan_part_set(&parts[np++], "memory", best->mem->id, best->mem->name, nodes * best->dimms,
		      &best->mem->price);
	if (isnan(n->ram_bytes))
		snprintf(parts[np - 1].note, sizeof(parts[np - 1].note),
			 "%.0f GiB per node: weights in the page cache, %.0f GiB OS, %.0f GiB swap "
			 "per GPU", node->ram_bytes / UNIT_GIB,
			 host_default(HOST_OS_RESERVE_BYTES) / UNIT_GIB,
			 host_default(HOST_SWAP_BYTES_PER_GPU) / UNIT_GIB);
	else
		snprintf(parts[np - 1].note, sizeof(parts[np - 1].note),
			 "%.0f GiB per node for the %.0f GiB asked (--ram); %.0f GiB OS, %.0f GiB "
			 "swap per GPU at least", node->ram_bytes / UNIT_GIB, n->ram_bytes / UNIT_GIB,
			 host_default(HOST_OS_RESERVE_BYTES) / UNIT_GIB,
			 host_default(HOST_SWAP_BYTES_PER_GPU) / UNIT_GIB);
	plan_part_set(&parts[np++], "ssd", best->ssd->id, best->ssd->name, nodes,
		      &best->ssd->price);
	snprintf(parts[np - 1].note, sizeof(parts[np - 1].note), "cold load %.0f s, warm %.0f s",
		 node->load_cold_s, node->load_warm_s);
	if (best->host.nics_w > 0) {
		plan_part_set(&parts[np++], "nic", "nic-400g", "400 Gb/s NIC per GPU (not in the catalog)",
			      nodes * best->gpus, NULL);
		snprintf(parts[np - 1].note, sizeof(parts[np - 1].note),
			 "pipeline stages span nodes over the network");
		plan_part_set(&parts[np++], "cable", "cable-400g",
			      "400 Gb/s cable per NIC (not in the catalog)", nodes * best->gpus, NULL);
		snprintf(parts[np - 1].note, sizeof(parts[np - 1].note),
			 "each NIC to a switch port; the switch is not counted");
	}
	if (node->rack_units > 0 && nodes > 1) {
		/* 42U, the common full-height rack; what it draws is the
		 * buyer's to check against the room's per-rack power */
		size_t per_rack = 42 / node->rack_units;

		plan_part_set(&parts[np++], "rack", "rack-42u", "42U rack (not in the catalog)",
			      (nodes + per_rack - 1) / per_rack, NULL);
		snprintf(parts[np - 1].note, sizeof(parts[np - 1].note),
			 "%zu nodes of %zuU, up to %zu per rack: %.1f kW peak in the fullest",
			 nodes, node->rack_units, per_rack,
			 (double)(per_rack < nodes ? per_rack : nodes) * node->peak_w / 1000);
	}
	return np;
}

/*
 * An edge module is a system of its own (bind/deploy.c): one module per
 * node on its carrier board, whose supply comes with it, as the
 * developer kit the catalog prices does; no chassis, PSU, CPU or DIMMs
 * to add.  The bill holds its drive, an M.2 one in the carrier's slot.
 * Its power: the module's draw within its power mode plus the carrier
 * board.  0 and the bill's line count, or -1 with *why.
 */
static int edge_node(struct plan_node *node, struct plan_part *parts, size_t *nodes,
		     const struct bind_parts *p, const struct node_need *n,
		     enum plan_reject *why)
{
	double carrier = host_default(HOST_EDGE_CARRIER_W), unified = (double)n->gpu->memory_bytes;
	enum psu_redundancy red = PSU_NONE;
	struct storage_spec st;
	struct load_result ld;
	struct build b;

	*why = PLAN_UNSUPPORTED;
	if (n->gpus_per_replica != 1)
		return -1;
	*why = PLAN_NO_REDUNDANCY;
	if (n->psu_redundancy && (psu_redundancy_parse(&red, n->psu_redundancy) < 0 ||
				  red != PSU_NONE))
		return -1;
	*why = PLAN_OVER_POWER;
	if (!isnan(n->power_limit_w) && n->gpu->tdp_w + carrier > n->power_limit_w)
		return -1;
	*why = PLAN_NO_SLOTS;
	if (!isnan(n->ram_bytes) && n->ram_bytes > unified)
		return -1;
	memset(&b, 0, sizeof(b));
	pick_ssd(&b, p, n->weights_bytes * 1.25);
	if (!b.ssd)
		return -1;
	memset(node, 0, sizeof(*node));
	snprintf(node->chassis_kind, sizeof(node->chassis_kind), "edge");
	snprintf(node->psu_redundancy, sizeof(node->psu_redundancy), "none");
	node->gpus = 1;
	node->ram_bytes = unified;
	node->ssd_bytes = (double)b.ssd->capacity_bytes;
	node->peak_w = n->gpu->tdp_w + carrier;
	node->typical_w = n->gpu_typical_w + carrier;
	node->heat_btu_per_h = thermal_btu_per_h(node->peak_w);
	node->airflow_cfm = thermal_airflow_cfm(node->peak_w, host_default(HOST_AIR_RISE_K));
	memset(&st, 0, sizeof(st));
	st.drive_read_bytes_per_s = b.ssd->seq_read_bytes_per_s;
	st.drive_write_bytes_per_s = b.ssd->seq_write_bytes_per_s;
	st.ram_bytes = unified;
	st.ram_reserved_bytes = host_default(HOST_EDGE_OS_RESERVE_BYTES);
	st.h2d_bytes_per_s = n->h2d_bytes_per_s;
	storage_load(&ld, &st, n->weights_bytes, 1);
	node->load_cold_s = ld.cold_s;
	node->load_warm_s = ld.warm_s;
	*nodes = n->replicas;
	plan_part_set(&parts[0], "ssd", b.ssd->id, b.ssd->name, *nodes, &b.ssd->price);
	snprintf(parts[0].note, sizeof(parts[0].note),
		 "in the carrier board's M.2 slot; cold load %.0f s, warm %.0f s",
		 node->load_cold_s, node->load_warm_s);
	return 1;
}

int plan_node_complete(struct plan_node *node, struct plan_part *parts, size_t *nodes,
		       const struct bind_parts *p, const struct node_need *n,
		       enum plan_reject *why)
{
	struct build best;

	*nodes = 0;
	if (bind_gpu_edge(n->gpu))
		return edge_node(node, parts, nodes, p, n, why);
	if (choose(&best, nodes, p, n, why) < 0)
		return -1;
	describe_node(node, &best, n);
	return (int)bill(parts, node, &best, *nodes, n);
}
