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
#include "planner/fabric.h"
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
	const struct cat_motherboard *board;     /* a case's board; NULL: the chassis's own */
	const struct cat_system *sys;            /* a complete system's contents; NULL: none */
	const struct cat_platform *plat;         /* what its CPUs, DIMMs and cooler fit */
	int server;                 /* ships its own PSUs: a server chassis */
	size_t gpus, sockets, slots, dimm_slots;
	size_t width;               /* the GPU's slots; a tower takes an unknown one as 3 */
	const struct cat_cpu *cpu;
	const char *only_cpu;       /* a CPU alone is the device: that CPU; NULL: any */
	size_t lanes_needed;        /* by the GPUs and the drive, as the CPU runs them */
	const struct cat_cooler *cooler;
	const struct cat_memory *mem;
	size_t dimms;
	const struct cat_ssd *ssd;
	size_t ssds;
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

		/* the board's socket: its platform's CPUs only */
		if ((size_t)c->max_sockets < b->sockets || p->cpu_platform[i] != b->plat ||
		    (b->only_cpu && strcmp(c->id, b->only_cpu)))
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

/* A cooler for a built machine's CPU: one that mounts on its socket and,
 * where its maker rates it in watts, is rated for the CPU's TDP; rated
 * ones first, then the cheapest (a server chassis ships heatsinks). */
static int pick_cooler(struct build *b, const struct bind_parts *p)
{
	struct cost_key best = { (size_t)-1, 0 };
	size_t i;

	b->cooler = NULL;
	for (i = 0; i < p->ncooler; i++) {
		const struct cat_cooler *c = &p->cooler[i];
		struct cost_key k = { 0, 0 };

		if (!bind_list_has(c->sockets, b->plat->socket) || c->max_tdp_w < b->cpu->tdp_w)
			continue;
		key_add(&k, c->price.price_usd, b->sockets);
		if (!b->cooler || (isnan(b->cooler->max_tdp_w) && !isnan(c->max_tdp_w)) ||
		    (isnan(b->cooler->max_tdp_w) == isnan(c->max_tdp_w) && key_better(&k, &best))) {
			b->cooler = c;
			best = k;
		}
	}
	if (b->cooler)
		key_add(&b->key, b->cooler->price.price_usd, b->sockets);
	return b->cooler ? 0 : -1;
}

/* Modules of the platform's type (RDIMMs on Xeon and EPYC boards,
 * UDIMMs on desktop ones). */
static int dimm_type_ok(const struct build *b, const struct cat_memory *m)
{
	return !strcmp(m->type, b->plat->memory_type);
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
		/* every channel filled alike, within the platform's DIMMs per
		 * channel and the board's slots */
		for (per = 1; per <= (size_t)b->plat->max_dimms_per_channel &&
			      channels * per <= b->dimm_slots; per++) {
			size_t n = channels * per;
			double bytes = (double)n * (double)m->capacity_bytes;
			struct cost_key k = { 0, 0 };

			if (bytes < need && per < (size_t)b->plat->max_dimms_per_channel &&
			    channels * (per + 1) <= b->dimm_slots)
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

/* Defined below. */
static double wall_w(const struct build *b, double dc);

/* The node's peak at the wall: a complete system's maker's figure is one
 * already (chassis.max_power_w), the sum of parts is DC. */
static double peak_wall(const struct build *b)
{
	return b->sys ? b->peak_w : wall_w(b, b->peak_w);
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

/*
 * How many cards `width` slots wide a board's GPU slots take in a case of
 * `expansion` slots: a card in position p covers p to p + width - 1, so a
 * three-slot card blocks the two positions below it; on risers (an open
 * frame) every slot takes a card.  A board whose positions no source
 * gives takes one card of any width in its first slot (what consumer
 * cards are built for), or all its slots with cards two slots wide at
 * most (the double-width card its x8/x8 slots are laid out for).
 */
static size_t board_gpu_slots(const struct cat_motherboard *mb, size_t width, size_t expansion,
			      int risers)
{
	size_t n = 0, next = 1;
	const char *s = mb->gpu_slot_positions;

	if (!*s)
		return risers || width <= 2 ? (size_t)mb->gpu_slots : 1;
	while (*s >= '0' && *s <= '9') {
		char *end;
		unsigned long pos = strtoul(s, &end, 10);

		if (risers || (pos >= next && pos + width - 1 <= expansion)) {
			n++;
			next = pos + width;
		}
		if (*end != ',')
			break;
		s = end + 1;
	}
	return n;
}

/* The catalog's row of an id in a list of rows, or NULL. */
static const struct cat_cpu *cpu_row(const struct bind_parts *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->ncpu; i++)
		if (!strcmp(p->cpu[i].id, id))
			return &p->cpu[i];
	return NULL;
}

static const struct cat_ssd *ssd_row(const struct bind_parts *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->nssd; i++)
		if (!strcmp(p->ssd[i].id, id))
			return &p->ssd[i];
	return NULL;
}

/* How many nodes the plan takes with `slots` GPUs per node, and how many
 * GPUs the fullest one holds; a baseboard comes full. */
static size_t count_nodes(size_t *per_node, const struct node_need *n, size_t slots, int baseboard)
{
	if (baseboard) {
		*per_node = slots;
		if (n->gpus_per_replica <= slots)
			return (n->replicas * n->gpus_per_replica + slots - 1) / slots;
		return n->replicas * ((n->gpus_per_replica / n->tp + slots / n->tp - 1) /
				      (slots / n->tp));
	}
	if (n->gpus_per_replica <= slots) {
		size_t k = n->replica_per_host ? 1 : slots / n->gpus_per_replica;

		*per_node = (n->replicas < k ? n->replicas : k) * n->gpus_per_replica;
		return (n->replicas + k - 1) / k;
	}
	*per_node = slots / n->tp * n->tp;
	return n->replicas * ((n->gpus_per_replica / n->tp + slots / n->tp - 1) / (slots / n->tp));
}

/*
 * The CPUs, memory and drives of the node: a complete system's own, or
 * chosen for the board.  0, or -1 with *why.
 */
static int host_parts(struct build *b, const struct bind_parts *p, const struct node_need *n,
		      const struct cat_gpu *g, enum plan_reject *why)
{
	double ram_need, files = n->weights_bytes;
	/* a CPU alone drives no GPU: the drive's lanes only */
	size_t card_lanes = bind_gpu_cpu(g) ? 0 : (size_t)g->pcie_lanes;

	*why = PLAN_NO_LANES;
	if (b->sys) {
		b->cpu = cpu_row(p, b->sys->cpu);
		b->ssd = ssd_row(p, b->sys->ssd);
		b->ssds = (size_t)b->sys->ssds;
		b->dimms = (size_t)b->sys->dimms;
		b->lanes_needed = b->gpus * (size_t)g->pcie_lanes + DRIVE_LANES;
		*why = PLAN_NO_SLOTS;
		if (!b->cpu || !b->ssd ||
		    (double)b->ssd->capacity_bytes * (double)b->ssds < files * 1.25 ||
		    (!isnan(n->ram_bytes) && (double)b->sys->ram_bytes < n->ram_bytes))
			return -1;
		return 0;
	}
	if (pick_cpu(b, p, b->gpus * card_lanes + DRIVE_LANES,
		     b->gpus * (card_lanes ? 8 : 0) + DRIVE_LANES) < 0)
		return -1;
	*why = PLAN_NO_SLOTS;
	if (b->board && pick_cooler(b, p) < 0)
		return -1;
	/* what the engine needs whatever was asked: the OS and its swap */
	ram_need = host_default(HOST_OS_RESERVE_BYTES) +
		   host_default(HOST_SWAP_BYTES_PER_GPU) * (double)b->gpus;
	ram_need = isnan(n->ram_bytes) ? ram_need + files : fmax(ram_need, n->ram_bytes);
	/* a CPU alone holds the model in RAM: what its device row counted */
	if (bind_gpu_cpu(g))
		ram_need = fmax(ram_need, (double)g->memory_bytes);
	pick_memory(b, p, ram_need);
	pick_ssd(b, p, files * 1.25);
	b->ssds = 1;
	if (!b->mem || !b->ssd)
		return -1;
	/* memory asked for is a requirement: a board whose DIMM slots cannot
	 * hold it is out, as one without the GPU slots would be */
	if (!isnan(n->ram_bytes) && (double)b->dimms * (double)b->mem->capacity_bytes < n->ram_bytes)
		return -1;
	return 0;
}

static double node_ram_bytes(const struct build *b)
{
	return b->sys ? (double)b->sys->ram_bytes : (double)b->dimms * (double)b->mem->capacity_bytes;
}

/* Try one chassis, with `board` in a case that takes one; 0 and a filled
 * *b, or -1 with *why. */
static int try_chassis(struct build *b, const struct bind_parts *p, const struct node_need *n,
		       size_t ci, const struct cat_motherboard *board, size_t *nodes,
		       enum plan_reject *why)
{
	const struct cat_chassis *ch = &p->chassis[ci];
	const struct cat_chassis_layout *lay = p->chassis_layout[ci];
	const struct cat_gpu *g = n->gpu;
	int baseboard = strcmp(ch->gpu_form_factor, "pcie") != 0, cpu = bind_gpu_cpu(g);

	memset(b, 0, sizeof(*b));
	b->ch = ch;
	b->board = board;
	/* a card whose width no source gives is taken as three slots in a
	 * tower, the widest common consumer card */
	b->width = g->slot_width != CAT_NULL_INT ? (size_t)g->slot_width : 3;
	b->sys = p->chassis_system[ci];
	b->server = !isnan(ch->psu_w);
	*why = PLAN_NO_SLOTS;
	/* a CPU alone: a machine built around it, its one device in the
	 * socket (a GPU baseboard or a complete GPU system is not one) */
	if (cpu ? baseboard || b->sys : strcmp(g->form_factor, ch->gpu_form_factor) != 0)
		return -1;
	if (cpu)
		b->only_cpu = bind_cpu_of(g);
	if (!strcmp(g->cooling, "passive") && !b->server)
		return -1;
	if (board) {
		/* a case and the board in it: the slots the board's layout
		 * leaves for cards this wide, within the case's GPU mounts */
		b->plat = p->board_platform[board - p->board];
		b->sockets = (size_t)board->sockets;
		b->dimm_slots = (size_t)board->dimm_slots;
		b->slots = board_gpu_slots(board, b->width, (size_t)lay->expansion_slots,
					   (int)lay->risers);
		if (b->slots > (size_t)ch->gpu_slots)
			b->slots = (size_t)ch->gpu_slots;
		if (cpu)
			b->slots = 1;
	} else {
		if (!b->sys && !p->chassis_board[ci])
			return -1;      /* a server whose board the catalog does not know */
		if (!cpu && g->slot_width != CAT_NULL_INT && ch->max_gpu_width != CAT_NULL_INT &&
		    g->slot_width > ch->max_gpu_width)
			return -1;
		b->plat = p->chassis_board[ci] ?
			bind_platform(p, p->chassis_board[ci]->platform) : NULL;
		b->sockets = (size_t)ch->cpu_sockets;
		b->dimm_slots = p->chassis_board[ci] ? (size_t)p->chassis_board[ci]->dimm_slots : 0;
		b->slots = cpu ? 1 : (size_t)ch->gpu_slots;
	}
	if (!b->sys && !b->plat)
		return -1;
	/* llama.cpp reads one socket's memory (bind/cpu_device.c): a second
	 * socket would be bought and idle */
	if (cpu && b->sockets != 1)
		return -1;
	if (n->tp > b->slots || b->slots == 0)
		return -1;
	/* an SXM or OAM baseboard takes the GPUs its name lists, and comes
	 * full: the planner fills the spare GPUs with replicas */
	if (baseboard && (!platform_takes(ch, g) || n->replica_per_host))
		return -1;
	*nodes = count_nodes(&b->gpus, n, b->slots, baseboard);
	if (host_parts(b, p, n, g, why) < 0)
		return -1;

	b->host.cpu_tdp_w = b->cpu->tdp_w * (double)(b->sys ? (size_t)b->sys->cpus : b->sockets);
	/* a CPU alone is the node's device: its power is the device's */
	if (cpu)
		b->host.cpu_tdp_w = 0;
	b->host.cpu_load = 1.0;
	b->host.dimms = (double)b->dimms;
	b->host.dimm_w = host_default(HOST_DIMM_W);
	b->host.drives_w = isnan(b->ssd->active_w) ? 0 : b->ssd->active_w * (double)b->ssds;
	b->host.nics_w = *nodes > 1 && n->gpus_per_replica > b->slots ?
		host_default(HOST_NIC_W) * (double)b->gpus : 0;
	b->host.fan_fraction = host_default(b->server ? HOST_FANS_SERVER : HOST_FANS_DESKTOP);
	b->card_w = g->tdp_w * (cpu ? 1.0 : deploy_gpu_transient(g));
	b->peak_w = power_node_dc(&b->host, b->gpus, b->card_w);
	/* a complete system's peak is its maker's figure (what its PSUs
	 * and the rack must carry), not the sum of the parts */
	if (b->sys && !isnan(ch->max_power_w))
		b->peak_w = fmax(b->peak_w, ch->max_power_w);

	*why = PLAN_OVER_POWER;
	if (!b->sys && !isnan(ch->max_power_w) && b->peak_w > ch->max_power_w)
		return -1;
	if (pick_psus(b, p, n->psu_redundancy, why) < 0)
		return -1;
	/* a tower plugs into one household outlet: its peak within the
	 * largest household circuit, unless --node-power-max says what the
	 * site has (models/defaults.c, the circuits) */
	*why = PLAN_OVER_POWER;
	if (!isnan(n->power_limit_w) ? peak_wall(b) > n->power_limit_w :
	    strcmp(ch->kind, "rack") && peak_wall(b) > host_circuit_max_w())
		return -1;
	key_add(&b->key, ch->price.price_usd, 1);
	if (board)
		key_add(&b->key, board->price.price_usd, 1);
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

/* Whether a case takes a board: its form factor, a known platform. */
static int case_takes(const struct bind_parts *p, size_t ci, size_t bi)
{
	return p->chassis_layout[ci] && p->board_platform[bi] &&
	       bind_list_has(p->chassis_layout[ci]->board_form_factors, p->board[bi].form_factor);
}

/* Keep b in *best when it is the better box (see plan_node_complete). */
static void consider(struct build *best, size_t *nodes, int *found, const struct build *b,
		     size_t nn, const struct cat_gpu *g)
{
	if (!*found || nn < *nodes ||
	    (nn == *nodes && (mismatch(b, g) < mismatch(best, g) ||
	     (mismatch(b, g) == mismatch(best, g) && key_better(&b->key, &best->key))))) {
		*best = *b;
		*nodes = nn;
		*found = 1;
	}
}

/* The best box for `n` among every chassis, and every board a case takes
 * (see plan_node_complete): 0 and *best, *nodes, or -1 and the most
 * specific reason in *why. */
static int choose(struct build *best, size_t *nodes, const struct bind_parts *p,
		  const struct node_need *n, enum plan_reject *why)
{
	struct build b;
	size_t i, j, nn;
	enum plan_reject w, worst = PLAN_NO_SLOTS;
	int found = 0;

	for (i = 0; i < p->nchassis; i++) {
		if (!p->chassis_layout[i]) {
			if (try_chassis(&b, p, n, i, NULL, &nn, &w) == 0)
				consider(best, nodes, &found, &b, nn, n->gpu);
			else if (stage(w) > stage(worst))
				worst = w;      /* the box that got furthest says why */
			continue;
		}
		for (j = 0; j < p->nboard; j++) {
			if (!case_takes(p, i, j))
				continue;
			if (try_chassis(&b, p, n, i, &p->board[j], &nn, &w) == 0)
				consider(best, nodes, &found, &b, nn, n->gpu);
			else if (stage(w) > stage(worst))
				worst = w;
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
	node->cpu_sockets = best->sys ? (size_t)best->sys->cpus : best->sockets;
	node->cpu_threads = (size_t)best->cpu->threads * node->cpu_sockets;
	node->dimms = best->dimms;
	node->ram_bytes = node_ram_bytes(best);
	node->ssd_bytes = (double)best->ssd->capacity_bytes * (double)best->ssds;
	node->pcie_lanes = (size_t)best->cpu->pcie_lanes * node->cpu_sockets;
	node->pcie_lanes_needed = best->lanes_needed;
	node->peak_w = best->peak_w;
	node->psu_capacity_w = best->psu_w * (double)best->psus_needed;
	best->host.cpu_load = host_default(HOST_CPU_LOAD);
	typical_dc = power_node_dc(&best->host, best->gpus, n->gpu_typical_w);
	node->typical_w = wall_w(best, typical_dc);
	node->heat_btu_per_h = thermal_btu_per_h(peak_wall(best));
	node->airflow_cfm = thermal_airflow_cfm(peak_wall(best), host_default(HOST_AIR_RISE_K));
	memset(&st, 0, sizeof(st));
	/* a system's data drives are one RAID 0 volume (DGX user guide) */
	st.drive_read_bytes_per_s = best->ssd->seq_read_bytes_per_s * (double)best->ssds;
	st.drive_write_bytes_per_s = best->ssd->seq_write_bytes_per_s * (double)best->ssds;
	st.ram_bytes = node->ram_bytes;
	st.ram_reserved_bytes = host_default(HOST_OS_RESERVE_BYTES);
	st.h2d_bytes_per_s = n->h2d_bytes_per_s;
	storage_load(&ld, &st, n->weights_bytes, n->gpus_per_replica);
	node->load_cold_s = ld.cold_s;
	node->load_warm_s = ld.warm_s;
}

/* The chassis line: a tower's wall peak, or what a system ships with. */
static void chassis_line(struct plan_part *part, const struct bind_parts *p,
			 const struct build *best, size_t nodes)
{
	plan_part_set(part, "chassis", best->ch->id, best->ch->name, nodes, &best->ch->price);
	if (best->sys) {
		snprintf(part->note, sizeof(part->note),
			 "complete system: %zu x %.32s, %.0f GiB, %zu x %.32s, %zu network "
			 "ports, %.1f kW peak (maker's); GPUs on their own line",
			 (size_t)best->sys->cpus, best->cpu->name,
			 (double)best->sys->ram_bytes / UNIT_GIB, best->ssds, best->ssd->name,
			 (size_t)best->sys->nic_ports, best->peak_w / 1000);
	} else if (strcmp(best->ch->kind, "rack")) {
		double peak = peak_wall(best);
		const char *c = host_circuit(peak);

		if (c)
			snprintf(part->note, sizeof(part->note),
				 "peak %.0f W at the wall: a %s circuit or larger", peak, c);
		else
			snprintf(part->note, sizeof(part->note),
				 "peak %.0f W at the wall: over one outlet (--node-power-max)", peak);
	} else if (p->chassis_board[best->ch - p->chassis]) {
		snprintf(part->note, sizeof(part->note),
			 "barebones: board (%s), fans and PSUs included; CPU heatsinks as the maker configures them",
			 best->plat->socket);
	}
}

/* The bill's host lines for `nodes` of the chosen box, each with its
 * note; returns how many. */
static size_t bill(struct plan_part *parts, const struct bind_parts *p,
		   const struct plan_node *node, const struct build *best, size_t nodes,
		   const struct node_need *n)
{
	size_t np = 0;

	chassis_line(&parts[np++], p, best, nodes);
	if (best->board && bind_gpu_cpu(n->gpu)) {
		plan_part_set(&parts[np++], "motherboard", best->board->id, best->board->name,
			      nodes, &best->board->price);
		snprintf(parts[np - 1].note, sizeof(parts[np - 1].note),
			 "%s, %zu DIMM slots; no GPU in its slots", best->plat->socket,
			 best->dimm_slots);
	} else if (best->board) {
		plan_part_set(&parts[np++], "motherboard", best->board->id, best->board->name,
			      nodes, &best->board->price);
		snprintf(parts[np - 1].note, sizeof(parts[np - 1].note),
			 "%s; %zu of its %zu GPU slots hold %zu-slot cards in this case%s",
			 best->plat->socket, best->slots, (size_t)best->board->gpu_slots,
			 best->width,
			 best->board->gpu_slot_positions[0] ? "" :
			 " (slot spacing not in the catalog: check it)");
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
	if (best->sys)
		return np;      /* CPUs, memory and drives come with the system */
	plan_part_set(&parts[np++], "cpu", best->cpu->id, best->cpu->name, nodes * best->sockets,
		      &best->cpu->price);
	snprintf(parts[np - 1].note, sizeof(parts[np - 1].note), "%s; %zu PCIe lanes for %zu needed",
		 best->plat->socket, node->pcie_lanes, node->pcie_lanes_needed);
	if (best->cooler) {
		plan_part_set(&parts[np++], "cooler", best->cooler->id, best->cooler->name,
			      nodes * best->sockets, &best->cooler->price);
		if (isnan(best->cooler->max_tdp_w))
			snprintf(parts[np - 1].note, sizeof(parts[np - 1].note),
				 "%s; its maker rates no wattage: check it against the %.0f W CPU",
				 best->plat->socket, best->cpu->tdp_w);
		else
			snprintf(parts[np - 1].note, sizeof(parts[np - 1].note),
				 "%s, rated %.0f W for a %.0f W CPU", best->plat->socket,
				 best->cooler->max_tdp_w, best->cpu->tdp_w);
	}
	plan_part_set(&parts[np++], "memory", best->mem->id, best->mem->name, nodes * best->dimms,
		      &best->mem->price);
	if (bind_gpu_cpu(n->gpu))
		snprintf(parts[np - 1].note, sizeof(parts[np - 1].note),
			 "%.0f GiB per node (%s), every channel filled: the model runs from it "
			 "(%.0f GiB counted as the device's memory)", node->ram_bytes / UNIT_GIB,
			 best->plat->memory_type, (double)n->gpu->memory_bytes / UNIT_GIB);
	else if (isnan(n->ram_bytes))
		snprintf(parts[np - 1].note, sizeof(parts[np - 1].note),
			 "%.0f GiB per node (%s): weights in the page cache, %.0f GiB OS, %.0f GiB "
			 "swap per GPU", node->ram_bytes / UNIT_GIB, best->plat->memory_type,
			 host_default(HOST_OS_RESERVE_BYTES) / UNIT_GIB,
			 host_default(HOST_SWAP_BYTES_PER_GPU) / UNIT_GIB);
	else
		snprintf(parts[np - 1].note, sizeof(parts[np - 1].note),
			 "%.0f GiB per node (%s) for the %.0f GiB asked (--ram); %.0f GiB OS, %.0f "
			 "GiB swap per GPU at least", node->ram_bytes / UNIT_GIB,
			 best->plat->memory_type, n->ram_bytes / UNIT_GIB,
			 host_default(HOST_OS_RESERVE_BYTES) / UNIT_GIB,
			 host_default(HOST_SWAP_BYTES_PER_GPU) / UNIT_GIB);
	plan_part_set(&parts[np++], "ssd", best->ssd->id, best->ssd->name, nodes,
		      &best->ssd->price);
	snprintf(parts[np - 1].note, sizeof(parts[np - 1].note), "cold load %.0f s, warm %.0f s",
		 node->load_cold_s, node->load_warm_s);
	return np;
}

/*
 * An edge module is a system of its own (bind/deploy.c): one module per
 * node on its carrier board, whose supply comes with it, as the
 * developer kit the catalog prices does; no chassis, PSU, CPU or DIMMs
 * to add.  The bill holds its drive, an M.2 one in the carrier's slot.
 * Its power: the module's draw within its power mode plus the carrier
 * board.  A Mac likewise, with its own drive and no carrier: its row
 * is the computer.  The bill's line count, or -1 with *why.
 */
static int edge_node(struct plan_node *node, struct plan_part *parts, size_t *nodes,
		     const struct bind_parts *p, const struct node_need *n,
		     enum plan_reject *why)
{
	double carrier = bind_gpu_carrier_w(n->gpu), unified = (double)n->gpu->memory_bytes;
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
	/* a Mac is a computer, an edge module a board */
	snprintf(node->chassis_kind, sizeof(node->chassis_kind), "%s",
		 bind_gpu_soc(n->gpu) ? "computer" : "edge");
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
	st.load_read_max = n->load_read_max;
	st.drive_write_bytes_per_s = b.ssd->seq_write_bytes_per_s;
	st.ram_bytes = unified;
	st.ram_reserved_bytes = bind_gpu_system_reserve(n->gpu);
	st.h2d_bytes_per_s = n->h2d_bytes_per_s;
	storage_load(&ld, &st, n->weights_bytes, 1);
	node->load_cold_s = ld.cold_s;
	node->load_warm_s = ld.warm_s;
	*nodes = n->replicas;
	/* a Mac comes with its drive, in its price: the catalog's drive only
	 * stands in for its read rate, which Apple does not publish */
	if (bind_gpu_soc(n->gpu))
		return 0;
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
	struct fabric_need f;
	struct build best;
	size_t np;

	*nodes = 0;
	if (bind_gpu_edge(n->gpu) && !bind_gpu_cpu(n->gpu))
		return edge_node(node, parts, nodes, p, n, why);
	if (choose(&best, nodes, p, n, why) < 0)
		return -1;
	describe_node(node, &best, n);
	np = bill(parts, p, node, &best, *nodes, n);
	memset(&f, 0, sizeof(f));
	f.nodes = *nodes;
	f.gpus_per_node = best.gpus;
	f.span = *nodes > 1 && n->gpus_per_replica > best.slots;
	f.server = best.server;
	f.builtin_ports = best.sys ? (size_t)best.sys->nic_ports : 0;
	f.builtin_gbps = best.sys ? best.sys->nic_gbps : NAN;
	f.rack_units = node->rack_units;
	f.node_peak_wall_w = peak_wall(&best);
	f.feeds = best.red == PSU_NONE ? 1 : 2;
	snprintf(node->fabric, sizeof(node->fabric), "%s", plan_fabric_kind(&f));
	/* the planner puts up to two GPU lines before these */
	return (int)(np + plan_fabric_bill(parts + np, PLAN_PARTS_MAX - 2 - np, p, &f));
}
