/*
 * t_plan.c - planner/ against its contract: a request is checked before
 * anything is read; candidates rank by cost per token, then capex, then
 * p99 TTFT, then names; one candidate is kept per box and per (GPU,
 * format, layout); the Pareto front and each candidate's reason are
 * right on hand-made candidates; and a whole plan returns verified
 * candidates, best first, that meet the objectives they were planned for.
 */
#include "tests/testlib.h"
#include "tests/testcat.h"
#include "catalog/cat.h"
#include "planner/node.h"
#include "planner/plan_file.h"
#include "planner/plan_int.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct plan_candidate cand(const char *gpu, size_t count, const char *prec, double capex,
				  double usd_mtok, double ttft, double power)
{
	struct plan_candidate c;

	memset(&c, 0, sizeof(c));
	snprintf(c.gpu, sizeof(c.gpu), "%s", gpu);
	snprintf(c.precision, sizeof(c.precision), "%s", prec);
	snprintf(c.engine, sizeof(c.engine), "vllm");
	c.gpu_count = count;
	c.tp = count;
	c.pp = 1;
	c.nodes = 1;
	c.capex_usd = capex;
	c.usd_per_million_tokens = usd_mtok;
	c.ttft_p99_s = ttft;
	c.power_w = power;
	return c;
}

static void request_checks(void)
{
	struct plan_request q;
	struct err err = ERR_INIT;

	plan_request_init(&q);
	test_ok(plan_request_check(&q, &err) < 0 && err.code == ERR_INVAL &&
		strstr(err.msg, "--model"), "no model: %s", err.msg);
	q.model = "llama-3.1-8b";
	q.qps = -1;
	test_ok(plan_request_check(&q, &err) < 0 && strstr(err.msg, "request rate -1"),
		"a negative rate: %s", err.msg);
	q.qps = 2;
	q.input_len = 0.5;
	q.output_len = 10;
	test_ok(plan_request_check(&q, &err) < 0 && strstr(err.msg, "lengths"),
		"half a token: %s", err.msg);
	q.input_len = 1000;
	test_ok(plan_request_check(&q, &err) < 0 && strstr(err.msg, "objectives"),
		"no objectives: %s", err.msg);
	q.ttft_p99_s = 1;
	q.tpot_p99_s = 0.05;
	test_ok(plan_request_check(&q, &err) == 0, "a whole request passes");
	/* the longest request admitted: the mean lengths' sum, or more */
	test_abs(plan_longest(&q), 1010, 0, "longest: 1000 + 10 tokens with no trace");
	q.max_len = 5000;
	test_abs(plan_longest(&q), 5000, 0, "longest: a trace's longest row");
	q.max_len = 100;
	test_abs(plan_longest(&q), 1010, 0, "longest: never below the mean lengths");
}

/*
 * Ranking: a at $1/Mtok, b at $1/Mtok with less capex, c at $2, d with
 * no cost (an unpriced GPU) last whatever its capex.  Order b, a, c, d.
 */
static void ranking(void)
{
	struct plan_candidate v[4];

	v[0] = cand("a", 1, "bf16", 2000, 1.0, 0.5, 500);
	v[1] = cand("b", 1, "bf16", 1000, 1.0, 0.5, 500);
	v[2] = cand("c", 1, "bf16", 500, 2.0, 0.5, 500);
	v[3] = cand("d", 1, "bf16", 100, NAN, 0.5, 500);
	qsort(v, 4, sizeof(v[0]), plan_cmp_rank);
	test_str(v[0].gpu, "b", "equal cost per token: the lower capex first");
	test_str(v[1].gpu, "a", "... then the other");
	test_str(v[2].gpu, "c", "a higher cost per token after");
	test_str(v[3].gpu, "d", "an unknown cost per token last, however cheap the box");
}

/*
 * The front over (capex, $/Mtok, p99 TTFT, power), smaller better:
 *   #1 (1000, 1.0, 0.5, 500)  lowest cost per token, TTFT and power
 *   #2 ( 800, 2.0, 0.9, 600)  lowest capex: on the front
 *   #3 (1200, 1.5, 0.6, 700)  worse than #1 on every axis: dominated by #1
 *   #4 ( 900, 1.2, 0.7, 550)  best at nothing, beaten by none: on the front
 */
static void pareto(void)
{
	struct plan_candidate v[4];

	v[0] = cand("h100-sxm", 1, "fp8", 1000, 1.0, 0.5, 500);
	v[1] = cand("l40s", 2, "bf16", 800, 2.0, 0.9, 600);
	v[2] = cand("a100-sxm-80gb", 4, "int8", 1200, 1.5, 0.6, 700);
	v[3] = cand("l4", 4, "fp8", 900, 1.2, 0.7, 550);
	plan_rank(v, 4);
	test_ok(v[0].pareto && v[1].pareto && !v[2].pareto && v[3].pareto,
		"front: #1, #2 and #4; #3 dominated");
	test_str(v[0].why, "lowest cost per million tokens, lowest p99 TTFT, lowest power",
		 "#1 says what it is best at");
	test_str(v[1].why, "lowest capex", "#2 too");
	test_str(v[2].why, "dominated by #1 (1 x h100-sxm, fp8)", "#3 names what beats it");
	test_str(v[3].why, "on the Pareto front: nothing is cheaper, faster and cooler at once",
		 "#4 is on the front for no single axis");
}

/* An unpriced bill line for candidate c. */
static void unpriced(struct plan_candidate *c, const char *role, const char *id, size_t qty)
{
	struct plan_part *p = &c->parts[c->nparts++];

	memset(p, 0, sizeof(*p));
	snprintf(p->role, sizeof(p->role), "%s", role);
	snprintf(p->id, sizeof(p->id), "%s", id);
	p->qty = qty;
	p->unit_usd = NAN;
	c->unpriced_parts++;
}

/*
 * Capex and cost per token count priced parts only, so no claim may rest
 * on an unpriced line:
 *   #1 ( 900, 1.0, 0.5, 500), its chassis unpriced: its true capex may be
 *      above #2's 1000, so it is not "lowest capex" nor does it dominate #2;
 *   #2 (1000, 1.1, 0.6, 600), every part priced: on the front;
 *   #3 (1200, 1.3, 0.7, 700) with the same unpriced chassis as #1: the
 *      unknown is the same sum, so #1 surely dominates it.
 */
static void partial_prices(void)
{
	struct plan_candidate v[3];

	v[0] = cand("h200-sxm", 8, "fp8", 900, 1.0, 0.5, 500);
	unpriced(&v[0], "chassis", "dell-poweredge-xe9680", 1);
	v[1] = cand("h100-sxm", 8, "fp8", 1000, 1.1, 0.6, 600);
	v[2] = cand("h100-sxm", 8, "bf16", 1200, 1.3, 0.7, 700);
	unpriced(&v[2], "chassis", "dell-poweredge-xe9680", 1);
	plan_rank(v, 3);
	test_str(v[0].why, "lowest p99 TTFT, lowest power",
		 "a partly priced box claims no lowest capex or cost");
	test_ok(v[1].pareto, "a wholly priced box it may not beat stays on the front (%s)", v[1].why);
	test_ok(!v[2].pareto, "the same unpriced chassis: the lower priced sum dominates (%s)",
		v[2].why);
	test_str(v[2].why, "dominated by #1 (8 x h200-sxm, fp8)", "... and says by which");
}

static void one_per_box(void)
{
	struct plan_candidate c[4];
	struct plan_result r;

	c[0] = cand("h100-sxm", 2, "fp8", 1000, 1.0, 0.5, 500);
	c[1] = cand("h100-sxm", 2, "bf16", 1100, 1.1, 0.5, 500);      /* same box */
	c[2] = cand("h100-sxm", 4, "bf16", 1200, 1.2, 0.5, 500);      /* more GPUs */
	c[3] = cand("l40s", 2, "fp8", 900, 1.3, 0.5, 500);
	memset(&r, 0, sizeof(r));
	r.c = c;
	r.n = 4;
	plan_one_per_box(&r);
	test_int((int64_t)r.n, 3, "one candidate per (GPU, count, nodes)");
	test_str(r.c[0].precision, "fp8", "... the first, best-ranked one kept");
	test_int((int64_t)r.c[1].gpu_count, 4, "... the others in order");

	c[0] = cand("h100-sxm", 2, "fp8", 1000, 1.0, 0.5, 500);
	c[1] = cand("h100-sxm", 2, "fp8", 1000, 1.05, 0.5, 500);
	snprintf(c[1].engine, sizeof(c[1].engine), "sglang");
	c[2] = cand("h100-sxm", 2, "bf16", 1000, 1.1, 0.5, 500);
	r.c = c;
	r.n = 3;
	plan_dedupe(&r);
	test_int((int64_t)r.n, 2, "one engine per (GPU, format, tp, pp)");
	test_str(r.c[0].engine, "vllm", "... the best-ranked engine");
}

/* A whole plan on one GPU kind: verified candidates that meet the p99s
 * they were planned for, best first, one per box. */
static void whole_plan(void)
{
	static const char *const gpus[] = { "h100-sxm", "l40s" };
	struct cat *cat = test_catalog();
	struct plan_request q;
	struct plan_result r;
	struct err err = ERR_INIT;
	size_t i, j;

	plan_request_init(&q);
	q.model = "llama-3.1-8b";
	q.qps = 4;
	q.input_len = 1000;
	q.output_len = 200;
	q.ttft_p99_s = 1;
	q.tpot_p99_s = 0.05;
	q.gpus = gpus;
	q.ngpus = 2;
	if (!test_ok(plan_run(&r, cat, &q, &err) == 0, "plan 8B at 4 requests/s: %s", err.msg))
		goto out;
	test_ok(r.n >= 1 && r.n <= q.top_k, "%zu candidates, at most top_k", r.n);
	for (i = 0; i < r.n; i++) {
		const struct plan_candidate *c = &r.c[i];

		test_ok(c->simulated && c->ttft_p99_s <= q.ttft_p99_s && c->tpot_p99_s <= q.tpot_p99_s,
			"#%zu %zu x %s verified within the objectives (%.3f s, %.4f s)", i + 1,
			c->gpu_count, c->gpu, c->ttft_p99_s, c->tpot_p99_s);
		test_ok(c->gpu_count == c->replicas * c->tp * c->pp, "#%zu: GPUs = replicas x tp x pp",
			i + 1);
		if (i)
			test_ok(plan_cmp_rank(&r.c[i - 1], c) <= 0, "#%zu ranks after #%zu", i + 1, i);
		for (j = 0; j < i; j++)
			test_ok(!plan_same_box(&r.c[j], c), "#%zu and #%zu are different boxes", j + 1,
				i + 1);
	}
	test_ok(r.considered >= r.feasible && r.feasible >= r.n, "considered >= feasible >= shown");
	plan_result_release(&r);
out:
	cat_free(cat);
}

/*
 * A model one card cannot hold: llama.cpp puts what does not fit on the
 * CPU (as --gpu-layers auto), the plan says so, gives each such replica
 * a host of its own (a second would share its memory bandwidth), and the
 * plan file keeps the split for the generators.
 */
static void offloaded_plan(void)
{
	static const char *const gpus[] = { "rtx-4090" };
	static const char *const precs[] = { "gguf-q4_k_m" };
	static const char *const engines[] = { "llama-cpp" };
	struct cat *cat = test_catalog();
	struct plan_request q;
	struct plan_result r;
	struct err err = ERR_INIT;
	size_t i, seen = 0;
	char *doc = NULL;
	json_t *js;

	plan_request_init(&q);
	q.model = "llama-3.1-70b";
	q.qps = 0.01;
	q.input_len = 512;
	q.output_len = 256;
	q.ttft_p99_s = 30;
	q.tpot_p99_s = 1;
	q.gpus = gpus;
	q.ngpus = 1;
	q.precisions = precs;
	q.nprecisions = 1;
	q.engines = engines;
	q.nengines = 1;
	if (!test_ok(plan_run(&r, cat, &q, &err) == 0, "plan 70B on RTX 4090s: %s", err.msg))
		goto out;
	js = plan_json_result(&q, &r);
	doc = json_dumps(js, 0);
	json_decref(js);
	for (i = 0; i < r.n; i++) {
		const struct plan_candidate *c = &r.c[i];
		struct plan_candidate back;

		if (!c->offloaded)
			continue;
		seen++;
		test_ok(c->tp == 1 && c->pp == 1 && c->host_layers > 0 && c->host_layers < 80,
			"#%zu: one card, %zu of 80 layers on the CPU", i + 1, c->host_layers);
		/* b10573 holds the head first: -ngl = 80 + 1 - layers on the CPU */
		test_int((int64_t)c->gpu_layers, (int64_t)(81 - c->host_layers), "... -ngl %zu",
			 c->gpu_layers);
		test_ok(c->node.gpus == 1 && c->nodes == c->replicas,
			"... one replica a host (%zu nodes for %zu replicas)", c->nodes, c->replicas);
		test_ok(c->tpot_p99_s <= q.tpot_p99_s, "... within the TPOT objective");
		memset(&back, 0, sizeof(back));
		if (test_ok(plan_json_read(&back, doc, strlen(doc), "plan", i, &err) == 0,
			    "... read back: %s", err.msg))
			test_ok(back.offloaded && back.gpu_layers == c->gpu_layers &&
				back.host_layers == c->host_layers, "... with its split");
	}
	test_ok(seen > 0, "a one-card candidate with layers on the CPU is among %zu", r.n);
	free(doc);
	plan_result_release(&r);
out:
	cat_free(cat);
}

/* Node completion among the towers only: ATX PSUs share no load, so
 * redundancy asked is refused (its own reason) and a node gets more than
 * one ATX PSU only in a tower that mounts more; a tower's peak stays
 * within the largest household outlet unless --node-power-max says more. */
static void tower_psus(void)
{
	struct cat *cat = test_catalog();
	struct bind_parts all, towers;
	struct cat_gpu gpu;
	struct node_need n;
	struct plan_node node;
	struct plan_part parts[PLAN_PARTS_MAX];
	struct err err = ERR_INIT;
	enum plan_reject why;
	size_t i, nodes, k = 0;
	int np;

	if (!test_ok(bind_parts_load(&all, cat, &err) == 0 &&
		     cat_gpu_find(&gpu, cat, "rtx-5090", &err) == 0, "parts and rtx-5090: %s", err.msg))
		goto out;
	towers = all;
	towers.chassis = xcalloc(all.nchassis, sizeof(*towers.chassis));
	towers.chassis_board = xcalloc(all.nchassis, sizeof(*towers.chassis_board));
	towers.chassis_layout = xcalloc(all.nchassis, sizeof(*towers.chassis_layout));
	towers.chassis_system = xcalloc(all.nchassis, sizeof(*towers.chassis_system));
	for (i = 0; i < all.nchassis; i++)
		if (isnan(all.chassis[i].psu_w)) {
			towers.chassis_board[k] = all.chassis_board[i];
			towers.chassis_layout[k] = all.chassis_layout[i];
			towers.chassis_system[k] = all.chassis_system[i];
			towers.chassis[k++] = all.chassis[i];
		}
	towers.nchassis = k;
	test_ok(k >= 2, "%zu towers of ATX PSUs in the catalog", k);
	memset(&n, 0, sizeof(n));
	n.gpu = &gpu;
	n.tp = n.gpus_per_replica = n.replicas = 1;
	n.weights_bytes = 16e9;
	n.gpu_typical_w = 400;
	n.h2d_bytes_per_s = 16e9;
	n.power_limit_w = n.ram_bytes = NAN;
	n.psu_redundancy = "n+1";
	np = plan_node_complete(&node, parts, &nodes, &towers, &n, &why);
	test_ok(np < 0 && why == PLAN_NO_REDUNDANCY, "n+1 in a tower: refused as %s",
		np < 0 ? plan_reject_name(why) : "built");
	n.psu_redundancy = NULL;
	for (n.tp = 1; n.tp <= 2; n.tp++) {
		n.gpus_per_replica = n.tp;
		np = plan_node_complete(&node, parts, &nodes, &towers, &n, &why);
		if (!test_ok(np > 0, "%zu x rtx-5090 in a tower: %s", n.tp,
			     np > 0 ? "built" : plan_reject_name(why)))
			continue;
		test_str(node.psu_redundancy, "none", "... with no redundancy");
		for (i = 0; i < all.nchassis; i++)
			if (!strcmp(all.chassis[i].id, node.chassis))
				test_ok(node.psus <= (size_t)all.chassis[i].psu_bays,
					"... %zu ATX PSUs in %s, which mounts %lld", node.psus,
					node.chassis, (long long)all.chassis[i].psu_bays);
	}
	/* ATX PSUs of 3000 W (none is sold): 4 x rtx-5090 then fit two of
	 * them, and their peak at the wall no household outlet carries */
	towers.psu = xcalloc(all.npsu, sizeof(*towers.psu));
	for (i = 0; i < all.npsu; i++) {
		towers.psu[i] = all.psu[i];
		towers.psu[i].rated_w = 3000;
	}
	n.tp = n.gpus_per_replica = 4;
	np = plan_node_complete(&node, parts, &nodes, &towers, &n, &why);
	test_ok(np < 0 && why == PLAN_OVER_POWER, "4 x rtx-5090 in a tower, over any outlet: %s",
		np < 0 ? plan_reject_name(why) : "built");
	n.power_limit_w = 6000;
	np = plan_node_complete(&node, parts, &nodes, &towers, &n, &why);
	if (test_ok(np > 0, "... built when --node-power-max allows 6000 W: %s",
		    np > 0 ? "built" : plan_reject_name(why)))
		for (i = 0; i < (size_t)np; i++)
			if (!strcmp(parts[i].role, "chassis"))
				test_ok(strstr(parts[i].note, "over one outlet") != NULL,
					"... and the chassis line says so: %s", parts[i].note);
	free(towers.psu);
	free(towers.chassis);
	free(towers.chassis_board);
	free(towers.chassis_layout);
	free(towers.chassis_system);
	bind_parts_release(&all);
out:
	cat_free(cat);
}

/* The line of a role in a bill, or NULL. */
static const struct plan_part *role(const struct plan_part *parts, int np, const char *r)
{
	int i;

	for (i = 0; i < np; i++)
		if (!strcmp(parts[i].role, r))
			return &parts[i];
	return NULL;
}

static struct node_need need_of(const struct cat_gpu *gpu, size_t tp, size_t pp, size_t replicas)
{
	struct node_need n;

	memset(&n, 0, sizeof(n));
	n.gpu = gpu;
	n.tp = tp;
	n.gpus_per_replica = tp * pp;
	n.replicas = replicas;
	n.weights_bytes = 16e9;
	n.gpu_typical_w = 300;
	n.h2d_bytes_per_s = 16e9;
	n.power_limit_w = n.ram_bytes = NAN;
	return n;
}

/*
 * A buyable bill: a built tower has a board, a cooler and the memory its
 * platform takes; three-slot cards go where the board's slot positions
 * leave room; a complete system is counted once with its maker's power;
 * a replica across nodes gets NICs, cables, a switch, and racks get PDUs.
 */
static void buyable_bills(void)
{
	struct cat *cat = test_catalog();
	struct bind_parts p;
	struct cat_gpu g4090, h100;
	struct node_need n;
	struct plan_node node;
	struct plan_part parts[PLAN_PARTS_MAX];
	struct err err = ERR_INIT;
	enum plan_reject why;
	const struct plan_part *x;
	size_t nodes;
	int np;

	if (!test_ok(bind_parts_load(&p, cat, &err) == 0 &&
		     cat_gpu_find(&g4090, cat, "rtx-4090", &err) == 0 &&
		     cat_gpu_find(&h100, cat, "h100-sxm", &err) == 0, "parts, GPUs: %s", err.msg))
		goto out;
	/* one RTX 4090 (three slots wide): a desktop board takes one card of
	 * any width in its first slot; UDIMMs on a desktop platform */
	n = need_of(&g4090, 1, 1, 1);
	np = plan_node_complete(&node, parts, &nodes, &p, &n, &why);
	if (test_ok(np > 0, "1 x rtx-4090: %s", np > 0 ? "built" : plan_reject_name(why))) {
		test_ok(role(parts, np, "motherboard") && role(parts, np, "cooler"),
			"... with a motherboard and a CPU cooler");
		x = role(parts, np, "memory");
		test_ok(x && strstr(x->id, "udimm"), "... and UDIMMs: %s", x ? x->id : "none");
	}
	/* two in one node: positions 1 to 7 of the WRX90 board, cards three
	 * wide, an 8-slot case: cards at 1 and 4 (7 would need slots 7-9);
	 * the desktop boards' positions are unknown, so they take one */
	n = need_of(&g4090, 2, 1, 1);
	np = plan_node_complete(&node, parts, &nodes, &p, &n, &why);
	if (test_ok(np > 0 && nodes == 1, "2 x rtx-4090 at tp 2 in one node: %s",
		    np > 0 ? "built" : plan_reject_name(why))) {
		x = role(parts, np, "motherboard");
		test_str(x ? x->id : "", "asrock-wrx90-ws-evo", "... on the board with room for them");
		x = role(parts, np, "memory");
		test_ok(x && strstr(x->id, "rdimm"), "... with the RDIMMs WRX90 takes: %s",
			x ? x->id : "none");
		test_ok(node.dimms == 8, "... one per channel of 8 (%zu)", node.dimms);
	}
	/* eight H100 SXM: the DGX (the one priced platform) counted once,
	 * no CPU, memory or drive lines, its maker's 10.2 kW */
	n = need_of(&h100, 8, 1, 1);
	np = plan_node_complete(&node, parts, &nodes, &p, &n, &why);
	if (test_ok(np > 0, "8 x h100-sxm: %s", np > 0 ? "built" : plan_reject_name(why))) {
		test_str(node.chassis, "nvidia-dgx-h100", "... in a DGX H100");
		test_ok(!role(parts, np, "cpu") && !role(parts, np, "memory") &&
			!role(parts, np, "ssd") && !role(parts, np, "nic"),
			"... whose CPUs, memory, drives and NICs are not bought again");
		test_rel(node.peak_w, 10200, 1e-9, "... peak: the datasheet's 10.2 kW");
		test_rel(node.ram_bytes, 2 * 1099511627776.0, 1e-9, "... with its 2 TiB");
	}
	/* tp 8 x pp 2: two DGX, 16 ports of 400G; splitter cables serve
	 * two NICs each: 8; one 64-port switch; one rack of 2 x 10.2 kW =
	 * 20.4 kW: 2 PDUs of 17.3 kW per feed, two feeds (n+2 PSUs): 4 */
	n = need_of(&h100, 8, 2, 1);
	np = plan_node_complete(&node, parts, &nodes, &p, &n, &why);
	if (test_ok(np > 0 && nodes == 2, "8 x 2 h100-sxm over two nodes: %s",
		    np > 0 ? "built" : plan_reject_name(why))) {
		x = role(parts, np, "cable");
		test_ok(x && x->qty == 8, "... 8 cables (%zu)", x ? x->qty : 0);
		x = role(parts, np, "switch");
		test_ok(x && x->qty == 1 && strstr(x->id, "qm9700"), "... 1 InfiniBand switch");
		x = role(parts, np, "pdu");
		test_ok(x && x->qty == 4, "... 4 PDUs (%zu)", x ? x->qty : 0);
	}
	/* replicas that fit a node each: no GPU network */
	n = need_of(&h100, 8, 1, 2);
	np = plan_node_complete(&node, parts, &nodes, &p, &n, &why);
	if (test_ok(np > 0 && nodes == 2, "2 replicas of 8 x h100-sxm: %s",
		    np > 0 ? "built" : plan_reject_name(why)))
		test_ok(!role(parts, np, "switch") && !role(parts, np, "cable"),
			"... no GPU network between independent replicas");
	bind_parts_release(&p);
out:
	cat_free(cat);
}

int main(void)
{
	request_checks();
	ranking();
	pareto();
	partial_prices();
	one_per_box();
	whole_plan();
	offloaded_plan();
	tower_psus();
	buyable_bills();
	return test_done();
}
