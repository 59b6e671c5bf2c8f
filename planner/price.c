/*
 * price.c - a screened or verified candidate with a number of replicas
 * becomes nodes, a bill of materials, capex and running costs, checked
 * against the budgets.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "models/cost.h"
#include "planner/node.h"
#include "models/offload.h"
#include "planner/plan_int.h"

#define HOURS_PER_MONTH 730.0

static size_t owned_of(const struct plan_request *q, const char *gpu)
{
	size_t i, n = 0;

	for (i = 0; i < q->nowned; i++)
		if (!strcmp(q->owned[i].gpu, gpu))
			n += q->owned[i].count;
	return n;
}

/* Price candidate `c` (its deployment in x->d) with `replicas`: nodes,
 * parts, capex, running costs.  0, or -1 with *why. */
int plan_price(struct ctx *x, struct plan_candidate *c, const struct sim_config *sc,
	       size_t replicas, enum plan_reject *why)
{
	const struct plan_request *q = x->q;
	const struct deploy *d = x->d;
	struct node_need nn;
	struct power_gpu_result pg;
	struct perf_result dec;
	struct cost_spec cs;
	struct cost_result cr;
	double busy, gpu_unit = d->gpu.price.price_usd;
	size_t i, nodes, buy;
	int np, cpu = bind_gpu_cpu(&d->gpu);

	c->replicas = replicas;
	c->gpu_count = replicas * c->gpus_per_replica;
	busy = fmin(1, q->qps / (double)replicas / c->qps_per_replica_max);
	plan_steady_tpot(d, sc, q->qps / (double)replicas, c->prefill_s, plan_prompt(q), q->output_len,
		    &dec);
	power_gpu(&pg, &d->gspec, NAN, dec.u_mem * busy, dec.u_comp * busy);

	memset(&nn, 0, sizeof(nn));
	nn.gpu = &d->gpu;
	nn.tp = c->tp;
	nn.gpus_per_replica = c->gpus_per_replica;
	nn.replicas = replicas;
	nn.weights_bytes = c->weights_bytes;
	nn.gpu_typical_w = pg.w;
	nn.h2d_bytes_per_s = d->in.storage.h2d_bytes_per_s;
	nn.load_read_max = deploy_load_read_max(&d->gpu, &d->engine);
	nn.psu_redundancy = q->psu_redundancy;
	nn.power_limit_w = q->power_limit_w;
	nn.ram_bytes = q->ram_bytes;
	nn.replica_per_host = offload_any(&d->dspec.off);
	c->nparts = 0;
	np = plan_node_complete(&c->node, c->parts, &nodes, &x->parts, &nn, why);
	if (np < 0)
		return -1;
	c->nodes = nodes;
	c->nparts += (size_t)np;
	/* the box may spread a replica over nodes the screen took for one:
	 * only where the engine release launches it so */
	if (c->gpus_per_replica > c->node.gpus &&
	    compat_check_nodes(&x->node_verdict, &d->engine,
			       (c->gpus_per_replica + c->node.gpus - 1) / c->node.gpus)) {
		*why = PLAN_INCOMPATIBLE;
		return -1;
	}
	if (c->node.gpus * nodes > c->gpu_count && c->gpus_per_replica <= c->node.gpus) {
		/* a full baseboard: its spare GPUs serve as more replicas */
		c->replicas = nodes * (c->node.gpus / c->gpus_per_replica);
		c->gpu_count = c->replicas * c->gpus_per_replica;
	}
	/* GPUs first in the bill: shift the node's parts up */
	memmove(c->parts + 2, c->parts, c->nparts * sizeof(c->parts[0]));
	c->owned_gpus = owned_of(q, c->gpu);
	if (c->owned_gpus > c->gpu_count)
		c->owned_gpus = c->gpu_count;
	buy = c->gpu_count - c->owned_gpus;
	/* a CPU alone: the node's bill already holds it */
	if (cpu)
		buy = c->owned_gpus = 0;
	/* an unpriced device (a GPU to buy, or the CPU that is the device)
	 * leaves the capex unknown: not ranked on the parts that are priced */
	if (isnan(gpu_unit) && (buy || cpu) && !isnan(q->budget_usd)) {
		*why = PLAN_NO_PRICE;
		return -1;
	}
	i = 0;
	if (buy)
		plan_part_set(&c->parts[i++], "gpu", d->gpu.id, d->gpu.name, buy, &d->gpu.price);
	if (c->owned_gpus) {
		plan_part_set(&c->parts[i], "gpu", d->gpu.id, d->gpu.name, c->owned_gpus, NULL);
		c->parts[i].unit_usd = 0;
		snprintf(c->parts[i++].note, sizeof(c->parts[0].note), "already owned");
	}
	memmove(c->parts + i, c->parts + 2, c->nparts * sizeof(c->parts[0]));
	c->nparts += i;

	c->capex_usd = 0;
	c->unpriced_parts = 0;
	for (i = 0; i < c->nparts; i++) {
		const struct plan_part *p = &c->parts[i];

		if (isnan(p->unit_usd))
			c->unpriced_parts++;
		else
			c->capex_usd += p->unit_usd * (double)p->qty;
	}
	c->power_w = c->node.typical_w * (double)nodes;
	c->peak_w = c->node.peak_w * (double)nodes;
	memset(&cs, 0, sizeof(cs));
	/* an unpriced GPU leaves the cost per token unknown */
	cs.capex_usd = isnan(gpu_unit) && (buy || cpu) ? NAN : c->capex_usd;
	cs.years = q->years;
	cs.usd_per_kwh = q->usd_per_kwh;
	cs.pue = q->pue;
	cs.utilization = 1;
	cs.rent_usd_per_h = NAN;
	cost_eval(&cr, &cs, q->qps * q->output_len, c->power_w);
	c->usd_per_month = cr.usd_per_h * HOURS_PER_MONTH;
	c->energy_usd_per_month = cr.energy_usd_per_h * HOURS_PER_MONTH;
	c->usd_per_million_tokens = cr.usd_per_million_tokens;
	*why = PLAN_OVER_BUDGET;
	if (!isnan(q->budget_usd) && c->capex_usd > q->budget_usd)
		return -1;
	if (!isnan(q->monthly_budget_usd) && !(c->usd_per_month <= q->monthly_budget_usd))
		return -1;
	return 0;
}
