/*
 * t_sim.c - the serving simulator against what is known in closed form:
 * queueing theory (M/D/1 and M/M/1 with one server and set service
 * times), single requests worked by hand (chunked prefill, disaggregated
 * pools, a preemption), conservation and Little's law, agreement with
 * `rigplan estimate` at low load, saturation at the analytic maximum under
 * overload, more replicas never slower, one seed one run; and perf_step,
 * which must be perf_decode and perf_prefill in their pure cases.
 */
#include "tests/testlib.h"
#include "tests/testcat.h"
#include "catalog/cat.h"
#include "models/estimate.h"
#include "models/queue.h"
#include "sim/capacity.h"
#include "bind/deploy.h"
#include "sim/setup.h"
#include "sim/sim.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct cat *cat;

static struct deploy *build(const char *model, const char *gpu, size_t gpus, size_t ep,
			    size_t mbt)
{
	struct deploy_request q = DEPLOY_REQUEST_INIT;
	struct deploy *d = xcalloc(1, sizeof(*d));

	q.model = model;
	q.gpu = gpu;
	q.gpus = gpus;
	q.ep = ep;
	q.max_batched_tokens = mbt;
	q.work.input_len = 512;
	q.work.output_len = 128;
	if (test_deploy(d, cat, &q) < 0) {
		free(d);
		return NULL;
	}
	return d;
}

/* ---- perf_step reduces to the fitted step models ---- */

static void step_reduces(void)
{
	static const struct { const char *model, *gpu; size_t gpus, ep; } c[] = {
		{ "llama-3.1-8b", "h100-sxm", 1, 0 },
		{ "llama-3.1-70b", "h100-sxm", 4, 0 },
		{ "qwen3-30b-a3b", "h100-sxm", 2, 0 },
		{ "deepseek-v3", "h200-sxm", 8, 8 },
		{ "gemma-2-9b", "rtx-4090", 1, 0 },
	};
	size_t i, b;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		struct deploy *d = build(c[i].model, c[i].gpu, c[i].gpus, c[i].ep, 0);
		const struct est_model *m;
		struct perf_result want, got;
		struct step_mix x;
		double s = 1000, off, pairs = 0;

		if (!d)
			continue;
		m = &d->in.model;
		for (b = 1; b <= 256; b *= 4) {
			memset(&x, 0, sizeof(x));
			x.decode_seqs = x.logits = (double)b;
			x.decode_kv = (double)b * llm_kv_tokens_all_layers(&m->llm, 3000);
			perf_decode(&want, m, (double)b, 3000);
			perf_step(&got, m, &x);
			test_rel(got.time_s, want.time_s, 1e-12, "%s: a decode-only step of %zu is "
				 "perf_decode", c[i].model, b);
		}
		memset(&x, 0, sizeof(x));
		x.prefill_tokens = s;
		x.prefill_seqs = x.logits = 1;
		x.prefill_pairs = perf_chunk_pairs(m, 0, s);
		perf_prefill(&want, m, 1, s);
		perf_step(&got, m, &x);
		test_rel(got.time_s, want.time_s, 1e-12, "%s: a whole 1000-token prompt is "
			 "perf_prefill", c[i].model);
		/* chunks of 256 (and the rest) add up to the prompt's pairs */
		for (off = 0; off < s; off += 256)
			pairs += perf_chunk_pairs(m, off, fmin(256, s - off));
		test_rel(pairs, perf_chunk_pairs(m, 0, s), 1e-12, "%s: chunk pairs add up",
			 c[i].model);
		free(d);
	}
}

/*
 * A memo changes nothing: steps of the same batch with growing contexts,
 * prefill chunks between them, new batch sizes and repeats, through one
 * memo per model, give the bytes perf_step gives without one.
 */
static void step_memo(void)
{
	static const struct { const char *model, *gpu; size_t gpus, ep; } c[] = {
		{ "llama-3.1-70b", "h100-sxm", 4, 0 },
		{ "qwen3-30b-a3b", "h100-sxm", 2, 0 },
		{ "deepseek-v3", "h200-sxm", 8, 8 },
	};
	static const double batch[] = { 1, 3, 3, 3, 17, 17, 64, 1 };
	size_t i, k, same;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		struct deploy *d = build(c[i].model, c[i].gpu, c[i].gpus, c[i].ep, 0);
		struct perf_memo memo;
		unsigned long rng = 12345;

		if (!d)
			continue;
		memset(&memo, 0, sizeof(memo));
		for (k = 0, same = 0; k < 400; k++) {
			const struct est_model *m = &d->in.model;
			struct perf_result want, got;
			struct step_mix x;
			double b = batch[(k / 7) % 8];

			rng = rng * 6364136223846793005UL + 1442695040888963407UL;
			memset(&x, 0, sizeof(x));
			x.decode_seqs = x.logits = b;
			x.decode_kv = b * llm_kv_tokens_all_layers(&m->llm, 100 + (double)k * 3);
			if (rng >> 61 == 0) {       /* one step in eight carries a chunk */
				x.prefill_tokens = 256;
				x.prefill_seqs = 1;
				x.prefill_pairs = perf_chunk_pairs(m, 0, 256);
				x.logits += 1;
			}
			perf_step(&want, m, &x);
			perf_step_memo(&got, m, &x, &memo);
			same += !memcmp(&want, &got, sizeof(want));
		}
		test_ok(same == 400, "%s: 400 steps through a memo equal perf_step's, bit for bit "
			"(%zu did)", c[i].model, same);
		free(d);
	}
}

/* ---- the simulator on a linear cost ---- */

static struct sim_linear lin;

static void linear_config(struct sim_config *c, struct sim_linear l)
{
	sim_config_init(c);
	lin = l;
	c->cost = sim_cost_linear;
	c->cost_state = &lin;
	c->engine.block_tokens = 16;
	c->engine.kv_blocks = 1000000;
	c->engine.max_model_len = 1000000;
	c->idle_w = 0;
}

static int run(struct sim_result *r, const struct sim_config *c)
{
	struct err err = ERR_INIT;
	int rc = sim_run(r, c, &err);

	if (rc < 0)
		test_ok(0, "sim_run: %s", err.msg);
	return rc;
}

/*
 * M/D/1: one server, every service D = 100 tokens x 1 ms = 0.1 s (one
 * prefill step, one output token, one sequence at a time), Poisson at
 * 7/s: rho = 0.7.  Pollaczek-Khinchine: Wq = rho D / (2 (1 - rho)) =
 * 0.07 / 0.6 = 0.116667 s, W = 0.216667 s, L = lambda W = 1.516667.
 */
/* One server taking 100 x 1 ms per request, Poisson at 7/s: rho 0.7. */
static void md1_config(struct sim_config *c, struct length_dist *in, struct length_dist *out,
		       size_t requests)
{
	struct err err = ERR_INIT;

	linear_config(c, (struct sim_linear){ 0, 1e-3, 0, 300 });
	c->engine.max_seqs = 1;
	length_parse(in, "100", "in", &err);
	length_parse(out, "1", "out", &err);
	c->input = in;
	c->output = out;
	arrival_parse(&c->arrival, "poisson", 7, &err);
	c->requests = requests;
}

static void md1(void)
{
	struct sim_config c;
	struct sim_result r;
	struct length_dist in, out;

	md1_config(&c, &in, &out, 200000);
	if (run(&r, &c) < 0)
		return;
	test_rel(qstat_mean(&r.e2e), 0.216667, 0.02, "M/D/1 at rho 0.7: W = 0.2167 s");
	test_rel(r.mean_in_system, 1.516667, 0.02, "M/D/1: L = 1.517");
	test_rel(qstat_mean(&r.queue), 0.116667, 0.03, "M/D/1: Wq = 0.1167 s");
	test_rel(r.gpu_busy, 0.7, 0.01, "M/D/1: the server is busy rho = 70%% of the time");
	/* the screening's tail (models/queue.c) against the simulated one */
	test_rel(qstat_quantile(&r.queue, 0.99), queue_md1_wait(7, 0.1, 0.99), 0.03,
		 "M/D/1: p99 wait %.4f s, models/queue.c says %.4f s",
		 qstat_quantile(&r.queue, 0.99), queue_md1_wait(7, 0.1, 0.99));
	/* energy: 300 W while busy, 0 idle: 300 W x 0.1 s = 30 J a request */
	test_rel(r.energy_per_request_j, 30, 1e-6, "energy per request is 300 W x 0.1 s");
	sim_result_release(&r);
}

/*
 * M/M/1: service = 1e-4 s per prompt token, prompts exponential with mean
 * 1000 tokens, so exponential service of mean 0.1 s (mu = 10/s; rounding
 * to whole tokens moves the mean by under 0.01%).  At lambda = 7/s the
 * sojourn time is exponential with rate mu - lambda = 3/s: mean 0.3333 s,
 * median ln 2 / 3 = 0.2310 s, p90 ln 10 / 3 = 0.7675 s.
 */
static void mm1(void)
{
	struct sim_config c;
	struct sim_result r;
	struct length_dist in, out;
	struct err err = ERR_INIT;

	linear_config(&c, (struct sim_linear){ 0, 1e-4, 0, 0 });
	c.engine.max_seqs = 1;
	length_parse(&in, "exponential:1000", "in", &err);
	length_parse(&out, "1", "out", &err);
	c.input = &in;
	c.output = &out;
	arrival_parse(&c.arrival, "poisson", 7, &err);
	c.requests = 300000;
	c.seed = 7;
	if (run(&r, &c) < 0)
		return;
	test_rel(qstat_mean(&r.e2e), 1.0 / 3, 0.03, "M/M/1 at rho 0.7: W = 1/(mu - lambda)");
	test_rel(qstat_quantile(&r.e2e, 0.5), log(2) / 3, 0.04, "M/M/1: median sojourn ln2/3");
	test_rel(qstat_quantile(&r.e2e, 0.9), log(10) / 3, 0.04, "M/M/1: p90 sojourn ln10/3");
	test_rel(r.mean_in_system, 7.0 / 3, 0.03, "M/M/1: L = rho/(1 - rho) = 2.333");
	sim_result_release(&r);
}

/* A trace file of `n` rows "t,in,out" in the test's directory. */
static char *write_trace(const char *name, const char *rows)
{
	char *path = xmalloc(256);
	FILE *f;

	snprintf(path, 256, "t_sim.%ld.%s.csv", (long)getpid(), name);
	f = fopen(path, "w");
	fputs("TIMESTAMP,ContextTokens,GeneratedTokens\n", f);
	fputs(rows, f);
	fclose(f);
	return path;
}

static int run_trace(struct sim_result *r, struct sim_config *c, const char *rows)
{
	struct trace t;
	struct err err = ERR_INIT;
	char *path = write_trace("hand", rows);
	int rc;

	if ((rc = trace_open(&t, path, &err)) < 0) {
		test_ok(0, "trace: %s", err.msg);
	} else {
		c->trace = &t;
		rc = run(r, c);
		trace_close(&t);
	}
	unlink(path);
	free(path);
	return rc;
}

/*
 * One request alone, by hand.  Cost: 2 ms a step, 10 us a prompt token,
 * 1 ms a decode sequence.  A 1000-token prompt in chunks of 256 takes
 * 4 steps (256, 256, 256, 232): 4 x 2 ms + 1000 x 10 us = 18 ms to the
 * first token; 9 more tokens take 9 x (2 + 1) ms = 27 ms; e2e 45 ms; TPOT
 * 27 / 9 = 3 ms.
 */
static void by_hand(void)
{
	struct sim_config c;
	struct sim_result r;

	linear_config(&c, (struct sim_linear){ 2e-3, 1e-5, 1e-3, 0 });
	c.engine.max_batched_tokens = 256;
	if (run_trace(&r, &c, "0,1000,10\n") < 0)
		return;
	test_rel(qstat_mean(&r.ttft), 0.018, 1e-9, "chunked: TTFT = 4 steps + 1000 tokens");
	test_rel(qstat_mean(&r.e2e), 0.045, 1e-9, "chunked: e2e = 18 + 9 x 3 ms");
	test_rel(qstat_mean(&r.tpot), 0.003, 1e-9, "chunked: TPOT = 3 ms");
	test_int((int64_t)r.steps, 13, "4 prefill steps and 9 decode steps");
	sim_result_release(&r);

	/*
	 * Disaggregated, one prefill and one decode replica: the prompt takes
	 * one 2 + 10 = 12 ms step (no chunking), the KV of 1000 tokens
	 * crosses at 5 us a token after 1 ms: 6 ms; then 9 decode steps of
	 * 3 ms.  e2e = 12 + 6 + 27 = 45 ms, TTFT 12 ms.
	 */
	linear_config(&c, (struct sim_linear){ 2e-3, 1e-5, 1e-3, 0 });
	c.prefill_replicas = c.decode_replicas = 1;
	c.kv_transfer_s_per_token = 5e-6;
	c.kv_transfer_latency_s = 1e-3;
	if (run_trace(&r, &c, "0,1000,10\n") < 0)
		return;
	test_rel(qstat_mean(&r.ttft), 0.012, 1e-9, "disaggregated: TTFT is the prefill step");
	test_rel(qstat_mean(&r.e2e), 0.045, 1e-9, "disaggregated: e2e = 12 + 6 (KV) + 27 ms");
	sim_result_release(&r);

	/*
	 * A preemption: 10 blocks of 16 tokens.  Two requests of 64 prompt
	 * tokens (4 blocks each) and 64 out arrive together and are admitted
	 * together (8 blocks).  Growing in step, each fills its 5th block at
	 * 65..80 tokens (10 blocks), and the step that takes both to 81
	 * needs 2 more: the later one is preempted (recompute).  The first
	 * finishes at 127 tokens (8 blocks); the second, readmitted when its
	 * prompt and output so far fit, completes.  One preemption, both done.
	 */
	linear_config(&c, (struct sim_linear){ 1e-3, 1e-6, 1e-4, 0 });
	c.engine.kv_blocks = 10;
	if (run_trace(&r, &c, "0,64,64\n0,64,64\n") < 0)
		return;
	test_int((int64_t)r.completed, 2, "both requests complete");
	test_int((int64_t)r.preemptions, 1, "one preemption when the 11th block is needed");
	sim_result_release(&r);

	/*
	 * Prefix caching: two 512-token prompts sharing their first 450
	 * tokens, 10 s apart.  The first computes all 512 (1 ms a step +
	 * 512 x 1 us = 1.512 ms); the cache keeps
	 * the 28 whole blocks (448 tokens) of the prefix, so the second
	 * computes 64: 1 ms + 64 us = 1.064 ms.  Hits: 448 of 1024 prompt
	 * tokens.
	 */
	linear_config(&c, (struct sim_linear){ 1e-3, 1e-6, 1e-4, 0 });
	c.engine.prefix_caching = 1;
	c.shared_prefix = 450;
	if (run_trace(&r, &c, "0,512,1\n10,512,1\n") < 0)
		return;
	test_rel(r.prefix_hit, 448.0 / 1024, 1e-12, "prefix: 448 of 1024 prompt tokens hit");
	test_rel(qstat_mean(&r.ttft), (1.512e-3 + 1.064e-3) / 2, 1e-9,
		 "prefix: the second prompt computes only its last 64 tokens");
	sim_result_release(&r);

	/* the same with swap: the victim's blocks go to host and come back */
	linear_config(&c, (struct sim_linear){ 1e-3, 1e-6, 1e-4, 0 });
	c.engine.kv_blocks = 10;
	c.engine.preempt = SIM_SWAP;
	c.engine.swap_blocks = 100;
	c.engine.swap_block_s = 1e-3;
	if (run_trace(&r, &c, "0,64,64\n0,64,64\n") < 0)
		return;
	test_int((int64_t)r.completed, 2, "swap: both complete");
	test_int((int64_t)r.preemptions, 1, "swap: one preemption");
	sim_result_release(&r);
}

/* Every request leaves, L = lambda W, across the engine's features. */
static void conservation(void)
{
	static const struct { const char *name; size_t mbt, blocks, seqs, pre, dec, prefix;
			      int swap, caching, reserve; } v[] = {
		{ "chunked, roomy", 512, 100000, 64, 0, 0, 0, 0, 0, 0 },
		{ "unchunked, KV-starved (recompute)", 0, 400, 0, 0, 0, 0, 0, 0, 0 },
		{ "chunked, KV-starved (swap)", 256, 400, 0, 0, 0, 0, 1, 0, 0 },
		{ "disaggregated 2:3", 1024, 3000, 32, 2, 3, 0, 0, 0, 0 },
		{ "prefix caching", 512, 3000, 32, 0, 0, 200, 0, 1, 0 },
		{ "chunked, KV-starved (reserve)", 256, 400, 0, 0, 0, 0, 0, 0, 1 },
	};
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		struct sim_config c;
		struct sim_result r;
		struct length_dist in, out;
		struct err err = ERR_INIT;

		linear_config(&c, (struct sim_linear){ 2e-3, 2e-6, 5e-5, 0 });
		c.engine.max_batched_tokens = v[i].mbt;
		c.engine.kv_blocks = v[i].blocks;
		c.engine.max_seqs = v[i].seqs;
		c.engine.max_model_len = 8192;
		c.engine.preempt = v[i].swap ? SIM_SWAP : SIM_RECOMPUTE;
		c.engine.reserve_output = v[i].reserve;
		c.engine.swap_blocks = 200;
		c.engine.swap_block_s = 1e-5;
		c.engine.prefix_caching = v[i].caching;
		c.shared_prefix = v[i].prefix;
		c.prefill_replicas = v[i].pre;
		c.decode_replicas = v[i].dec;
		c.kv_transfer_s_per_token = 1e-6;
		length_parse(&in, "lognormal:400:1", "in", &err);
		length_parse(&out, "lognormal:150:1", "out", &err);
		c.input = &in;
		c.output = &out;
		arrival_parse(&c.arrival, "gamma:2", 20, &err);
		c.requests = 5000;
		if (run(&r, &c) < 0)
			continue;
		test_int((int64_t)r.arrived, 5000, "%s: every request arrives", v[i].name);
		test_int((int64_t)(r.completed + r.dropped), (int64_t)r.arrived,
			 "%s: completed + dropped = arrived", v[i].name);
		test_rel(r.mean_in_system, r.throughput_rps * qstat_mean(&r.e2e), 1e-9,
			 "%s: Little's law L = lambda W", v[i].name);
		if (v[i].blocks == 400 && !v[i].reserve)
			test_ok(r.preemptions > 0 && r.dropped > 0, "%s: %zu preemptions, %zu "
				"dropped (longer than the cache)", v[i].name, r.preemptions, r.dropped);
		if (v[i].reserve)
			test_ok(r.preemptions == 0 && r.dropped > 0, "%s: no preemption, %zu dropped "
				"(longer than the cache)", v[i].name, r.dropped);
		if (v[i].caching)
			test_ok(r.prefix_hit > 0.2, "%s: %.0f%% of prompt tokens from the cache",
				v[i].name, r.prefix_hit * 100);
		test_ok(r.kv_use >= 0 && r.kv_use <= 1 && r.gpu_busy >= 0 && r.gpu_busy <= 1,
			"%s: KV use %.3f and busy %.3f are fractions", v[i].name, r.kv_use,
			r.gpu_busy);
		sim_result_release(&r);
	}
}


/*
 * Admission that reserves the whole output (TensorRT-LLM's
 * GUARANTEED_NO_EVICT), by hand: two requests of 100 prompt and 100
 * output tokens arrive together; a 200-token request needs ceil(200/16)
 * = 13 blocks of a cache of 20.  Reserving, the second waits for the
 * first to finish and nothing is preempted: its TTFT is the first's
 * end-to-end time plus its own prefill.  Admitting what fits now (7
 * blocks each), both start, and as they grow past 20 blocks one is
 * preempted.
 */
static void reserving(void)
{
	struct sim_config c;
	struct sim_result r;
	struct length_dist in, out;
	struct err err = ERR_INIT;
	int k;

	for (k = 0; k < 2; k++) {
		linear_config(&c, (struct sim_linear){ 1e-3, 1e-5, 1e-4, 0 });
		c.engine.kv_blocks = 20;
		c.engine.max_model_len = 4096;
		c.engine.reserve_output = k;
		length_parse(&in, "100", "in", &err);
		length_parse(&out, "100", "out", &err);
		c.input = &in;
		c.output = &out;
		/* both at once: Poisson at 1e9/s, nanoseconds apart */
		arrival_parse(&c.arrival, "poisson", 1e9, &err);
		c.requests = 2;
		if (run(&r, &c) < 0)
			continue;
		test_int((int64_t)r.completed, 2, "%s: both complete", k ? "reserve" : "preempt");
		if (k)
			test_ok(r.preemptions == 0 && qstat_quantile(&r.ttft, 1.0) >
				qstat_quantile(&r.e2e, 0.0), "reserve: no preemption, the second "
				"starts after the first ends (TTFT %.4f > e2e %.4f)",
				qstat_quantile(&r.ttft, 1.0), qstat_quantile(&r.e2e, 0.0));
		else
			test_ok(r.preemptions > 0, "preempt: both start, %zu preemption%s",
				r.preemptions, r.preemptions == 1 ? "" : "s");
		sim_result_release(&r);
	}
}


/*
 * A closed loop (--concurrency), by hand: one client sending 100-token
 * prompts for 10 tokens, on steps of 1 ms + 10 us a prompt token + 100 us
 * a decoding sequence.  Its prefill step is 1 + 1 = 2 ms (the first
 * token), then 9 decode steps of 1.1 ms: 11.9 ms a request, back to back,
 * 84.03 requests/s, never a wait.  With 8 clients at most 8 are ever in
 * flight, and Little's law holds as in any run.
 */
static void closed_loop(void)
{
	struct sim_config c;
	struct sim_result r;
	struct length_dist in, out;
	struct err err = ERR_INIT;

	linear_config(&c, (struct sim_linear){ 1e-3, 1e-5, 1e-4, 0 });
	length_parse(&in, "100", "in", &err);
	length_parse(&out, "10", "out", &err);
	c.input = &in;
	c.output = &out;
	c.concurrency = 1;
	c.requests = 50;
	if (run(&r, &c) == 0) {
		test_int((int64_t)r.completed, 50, "one client: all 50 complete");
		test_rel(qstat_mean(&r.ttft), 2e-3, 1e-9, "... TTFT 2 ms, its own prefill");
		test_rel(qstat_mean(&r.e2e), 11.9e-3, 1e-9, "... 11.9 ms a request");
		test_rel(r.throughput_rps, 1 / 11.9e-3, 1e-9, "... 84.03 requests/s, back to back");
		test_ok(qstat_quantile(&r.queue, 1.0) < 1e-12, "... never waiting");
		sim_result_release(&r);
	}
	/* a front end of 5 ms (engine_host request_s) is in what the client
	 * sees, TTFT 2 + 5 = 7 ms and end to end 11.9 + 5 = 16.9 ms, but in
	 * no step: TPOT (9.9 ms / 9 = 1.1 ms) and the engine's pace stay */
	c.engine.request_s = 5e-3;
	if (run(&r, &c) == 0) {
		test_rel(qstat_mean(&r.ttft), 7e-3, 1e-9, "a 5 ms front end: TTFT 7 ms");
		test_rel(qstat_mean(&r.e2e), 16.9e-3, 1e-9, "... 16.9 ms end to end");
		test_rel(qstat_mean(&r.tpot), 1.1e-3, 1e-9, "... TPOT 1.1 ms as before");
		test_rel(r.throughput_rps, 1 / 11.9e-3, 1e-9, "... the engine's 84.03 requests/s");
		sim_result_release(&r);
	}
	c.engine.request_s = 0;
	c.concurrency = 8;
	c.requests = 400;
	if (run(&r, &c) == 0) {
		test_int((int64_t)r.peak_in_flight, 8, "eight clients: at most 8 in flight");
		test_int((int64_t)r.completed, 400, "... all 400 complete");
		test_rel(r.mean_in_system, r.throughput_rps * qstat_mean(&r.e2e), 1e-9,
			 "... Little's law L = lambda W");
		sim_result_release(&r);
	}
}

/* ---- the simulator on the model ---- */

static void model_config(struct sim_config *c, const struct deploy *d,
			 struct length_dist *in, struct length_dist *out, double qps,
			 size_t n)
{
	struct err err = ERR_INIT;

	sim_config_init(c);
	if (sim_setup(c, &d->in.model, d->model.id, d->gpu.id, &err) < 0)
		test_ok(0, "sim_setup: %s", err.msg);
	c->input = in;
	c->output = out;
	arrival_parse(&c->arrival, "poisson", qps, &err);
	c->requests = n;
}

/*
 * Nearly idle (one request every 50 s, each done in about a second), the
 * median request runs alone: its TTFT is the estimate's batch-1 prefill
 * of 512 tokens and its TPOT the mean of decode steps over contexts
 * 513..639, which is the estimate's step at the mean context 512 + 64
 * (the step time is nearly linear in context).
 */
static void low_load(void)
{
	struct deploy *d = build("llama-3.1-8b", "h100-sxm", 1, 0, 0);
	struct length_dist in, out;
	struct sim_config c;
	struct sim_result r;
	struct est_result e;
	struct err err = ERR_INIT;

	if (!d)
		return;
	length_parse(&in, "512", "in", &err);
	length_parse(&out, "128", "out", &err);
	model_config(&c, d, &in, &out, 0.02, 300);
	d->in.work.batch = 1;
	if (est_run(&e, &d->in, &err) < 0 || run(&r, &c) < 0) {
		test_ok(0, "estimate: %s", err.msg);
		free(d);
		return;
	}
	test_rel(qstat_quantile(&r.ttft, 0.5), e.ttft_s, 1e-3, "idle: median TTFT %.2f ms is "
		 "estimate's %.2f ms", qstat_quantile(&r.ttft, 0.5) * 1e3, e.ttft_s * 1e3);
	test_rel(qstat_quantile(&r.tpot, 0.5), e.tpot_s, 2e-3, "idle: median TPOT %.3f ms is "
		 "estimate's %.3f ms", qstat_quantile(&r.tpot, 0.5) * 1e3, e.tpot_s * 1e3);
	sim_result_release(&r);
	free(d);
}

/*
 * Overload: at 2x and 4x the analytic maximum the completion rate stops
 * growing (within 3%) and sits near the analytic figure (within 15%:
 * the analytic one prefills each prompt alone, the engine batches them);
 * latency keeps growing with the queue.
 */
static void overload(void)
{
	struct deploy *d = build("llama-3.1-8b", "h100-sxm", 1, 0, 2048);
	struct length_dist in, out;
	struct sim_config c;
	struct sim_result r1, r2, r0;
	struct err err = ERR_INIT;
	double amax;

	if (!d)
		return;
	length_parse(&in, "1024", "in", &err);
	length_parse(&out, "256", "out", &err);
	model_config(&c, d, &in, &out, 1, 4000);
	amax = capacity_analytic_max(&c, 1024, 256);
	c.arrival.rate = 0.5 * amax;
	if (run(&r0, &c) < 0)
		goto out;
	c.arrival.rate = 2 * amax;
	if (run(&r1, &c) < 0)
		goto out;
	c.arrival.rate = 4 * amax;
	if (run(&r2, &c) < 0)
		goto out;
	test_rel(r2.throughput_rps, r1.throughput_rps, 0.03, "overload: throughput saturates "
		 "(%.2f at 2x, %.2f at 4x)", r1.throughput_rps, r2.throughput_rps);
	test_rel(r2.throughput_rps, amax, 0.15, "overload: at the analytic maximum %.2f req/s",
		 amax);
	test_rel(r0.throughput_rps, 0.5 * amax, 0.05, "half load: everything offered is served");
	test_ok(qstat_mean(&r2.e2e) > qstat_mean(&r1.e2e) &&
		qstat_mean(&r1.e2e) > 2 * qstat_mean(&r0.e2e), "overload: latency grows "
		"(%.1f s at half, %.1f s at 2x, %.1f s at 4x)", qstat_mean(&r0.e2e),
		qstat_mean(&r1.e2e), qstat_mean(&r2.e2e));
	sim_result_release(&r0);
	sim_result_release(&r1);
	sim_result_release(&r2);
out:
	free(d);
}

/* More replicas at the same load never raise latency (either balancer). */
static void replicas(void)
{
	struct deploy *d = build("llama-3.1-8b", "h100-sxm", 1, 0, 2048);
	struct length_dist in, out;
	struct sim_config c;
	struct err err = ERR_INIT;
	size_t n, b;

	if (!d)
		return;
	length_parse(&in, "lognormal:1024:0.8", "in", &err);
	length_parse(&out, "lognormal:256:0.8", "out", &err);
	model_config(&c, d, &in, &out, 1, 3000);
	c.arrival.rate = 0.9 * capacity_analytic_max(&c, 1024, 256);
	for (b = 0; b < 2; b++) {
		double prev[3] = { INFINITY, INFINITY, INFINITY };

		c.balance = b ? SIM_ROUND_ROBIN : SIM_LEAST_OUTSTANDING;
		for (n = 1; n <= 8; n *= 2) {
			struct sim_result r;
			double now[3];

			c.replicas = n;
			if (run(&r, &c) < 0)
				break;
			now[0] = qstat_mean(&r.e2e);
			now[1] = qstat_quantile(&r.e2e, 0.99);
			now[2] = qstat_quantile(&r.ttft, 0.99);
			test_ok(now[0] <= prev[0] && now[1] <= prev[1] && now[2] <= prev[2],
				"%s, %zu replicas: mean e2e %.3f s, p99 e2e %.3f s, p99 TTFT %.4f s "
				"no worse than with fewer", b ? "round robin" : "least outstanding",
				n, now[0], now[1], now[2]);
			memcpy(prev, now, sizeof(prev));
			sim_result_release(&r);
		}
	}
	free(d);
}

/* One seed, one run; another seed, another run. */
static void seeded(void)
{
	struct sim_config c;
	struct sim_result a, b, x;
	struct length_dist in, out;
	struct err err = ERR_INIT;

	linear_config(&c, (struct sim_linear){ 2e-3, 2e-6, 5e-5, 0 });
	c.engine.max_batched_tokens = 512;
	length_parse(&in, "uniform:100:900", "in", &err);
	length_parse(&out, "lognormal:100:1", "out", &err);
	c.input = &in;
	c.output = &out;
	arrival_parse(&c.arrival, "poisson", 30, &err);
	c.requests = 3000;
	c.seed = 42;
	if (run(&a, &c) < 0 || run(&b, &c) < 0)
		return;
	c.seed = 43;
	if (run(&x, &c) < 0)
		return;
	test_ok(a.duration_s == b.duration_s && a.e2e.sum == b.e2e.sum &&
		a.ttft.sum == b.ttft.sum && a.steps == b.steps &&
		!memcmp(a.e2e.bins, b.e2e.bins, 1000 * sizeof(*a.e2e.bins)),
		"the same seed gives the same run, bit for bit");
	test_ok(a.e2e.sum != x.e2e.sum, "another seed gives another run");
	sim_result_release(&a);
	sim_result_release(&b);
	sim_result_release(&x);
}

/* Traces: replay order and counts; malformed rows are named by line. */
static void traces(void)
{
	static const struct { const char *rows, *want; } bad[] = {
		{ "2023-11-16 18:15:46.68,374,44\nxx,10,5\n", ":3: time 'xx'" },
		{ "1,374\n", ":2: 2 fields, expected at least 3" },
		{ "1,-5,3\n", ":2: prompt tokens '-5'" },
		{ "1,5,abc\n", ":2: generated tokens 'abc'" },
		{ "1,99999999999,3\n", ":2: prompt tokens '99999999999'" },
		{ "5,10,3\n4,10,3\n", ":3: time goes back" },
		{ "", "no requests" },
	};
	struct trace t;
	struct trace_row row;
	struct err err = ERR_INIT;
	char *path;
	size_t i;

	/* Azure's format: times a second apart from the first */
	path = write_trace("azure", "2023-11-16 18:15:46.6805900,374,44\n"
			   "2023-11-16 18:15:47.1805900,1000,0\n\n"
			   "2023-11-16 18:15:50.6805900,20,7\n");
	if (trace_open(&t, path, &err) < 0) {
		test_ok(0, "azure trace: %s", err.msg);
	} else {
		test_int((int64_t)t.rows, 3, "azure trace: 3 requests");
		/* (374 + 1000 + 20) / 3 in; (44 + 1 + 7) / 3 out, the 0 replayed as 1 */
		test_rel(t.mean_input, 1394.0 / 3, 1e-12, "azure trace: mean prompt");
		test_rel(t.mean_output, 52.0 / 3, 1e-12, "azure trace: mean output");
		trace_next(&t, &row, &err);
		test_ok(row.t == 0 && row.input == 374 && row.output == 44, "first row at 0 s");
		trace_next(&t, &row, &err);
		test_rel(row.t, 0.5, 1e-9, "second row 0.5 s later");
		trace_next(&t, &row, &err);
		test_rel(row.t, 4.0, 1e-9, "third row 4 s after the first (blank line skipped)");
		test_int(trace_next(&t, &row, &err), 0, "then the end");
		trace_close(&t);
	}
	unlink(path);
	free(path);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		path = write_trace("bad", bad[i].rows);
		err_clear(&err);
		test_int(trace_open(&t, path, &err), -ERR_PARSE, "bad trace %zu refused", i);
		test_contains(err.msg, bad[i].want, "bad trace %zu: the message names it", i);
		unlink(path);
		free(path);
	}
}

/*
 * Endless input is cut off where its bound is met, and only there: a trace
 * or a length column of more rows, more bytes or a longer line than its
 * limits is refused naming the bound; one exactly at them is read.  Small
 * limits stand in for the real ones (1 GiB would take the test too long);
 * the real line bound is checked as it is.
 */
static void trace_bounds(void)
{
	static const struct { struct trace_limits lim; const char *want; } cut[] = {
		{ { 4096, 4, 1 << 20 }, ":6: more than 4 requests" },
		{ { 4096, 100, 60 }, "is larger than 60 bytes" },
		{ { 20, 100, 1 << 20 }, ":1: line longer than 20 characters" },
	};
	/* header 40 bytes + 5 rows of 7: 75 bytes, lines of at most 40 */
	const char *rows = "1,10,5\n2,10,5\n3,10,5\n4,10,5\n5,10,5\n";
	struct trace_limits exact = { 40, 5, 75 }, col_lim = { 4096, 5, 1 << 20 };
	struct trace t;
	struct err err = ERR_INIT;
	double *v = NULL;
	size_t i, n = 0;
	char *path = write_trace("bounds", rows), spec[300], *nul;
	FILE *f;

	for (i = 0; i < sizeof(cut) / sizeof(cut[0]); i++) {
		err_clear(&err);
		test_int(trace_open_limited(&t, path, &cut[i].lim, &err), -ERR_PARSE,
			 "trace over bound %zu refused", i);
		test_contains(err.msg, cut[i].want, "trace over bound %zu: the message says which", i);
	}
	err_clear(&err);
	if (trace_open_limited(&t, path, &exact, &err) < 0) {
		test_ok(0, "a trace exactly at its bounds: %s", err.msg);
	} else {
		test_int((int64_t)t.rows, 5, "a trace exactly at its bounds is read whole");
		trace_close(&t);
	}
	/* a length column: its values are kept, so rows are bounded too */
	snprintf(spec, sizeof(spec), "%s:ContextTokens", path);
	err_clear(&err);
	test_int(trace_read_column_limited(&v, &n, spec, &cut[0].lim, &err), -ERR_PARSE,
		 "column over its row bound refused");
	test_contains(err.msg, "more than 4 values", "... saying so");
	err_clear(&err);
	test_int(trace_read_column_limited(&v, &n, spec, &cut[1].lim, &err), -ERR_PARSE,
		 "column over its size bound refused");
	err_clear(&err);
	test_int(trace_read_column_limited(&v, &n, spec, &col_lim, &err), 0,
		 "column exactly at its row bound read");
	test_int((int64_t)n, 5, "... all 5 values");
	free(v);
	unlink(path);
	free(path);
	/* the real line bound: 4096 bytes with the newline (blanks trimmed) */
	nul = xmalloc(4200);
	memset(nul, ' ', 4200);
	memcpy(nul, "1,10,5", 6);
	nul[4095] = '\n';
	nul[4096] = '\0';
	path = write_trace("line4096", nul);
	err_clear(&err);
	test_int(trace_open(&t, path, &err), 0, "a line of 4096 bytes is read");
	if (err.code == ERR_OK)
		trace_close(&t);
	unlink(path);
	free(path);
	nul[4095] = ' ';
	nul[4096] = '\n';
	nul[4097] = '\0';
	path = write_trace("line4097", nul);
	err_clear(&err);
	test_int(trace_open(&t, path, &err), -ERR_PARSE, "a line of 4097 bytes is refused");
	unlink(path);
	free(path);
	free(nul);
	/* a NUL stops the read at once */
	path = write_trace("nul", "");
	f = fopen(path, "a");
	fputs("1,10,5\n2,1", f);
	fputc('\0', f);
	fputs("0,5\n", f);
	fclose(f);
	err_clear(&err);
	test_int(trace_open(&t, path, &err), -ERR_PARSE, "a NUL byte is refused");
	test_contains(err.msg, ":3: a NUL byte", "... naming its line");
	unlink(path);
	free(path);
}

/*
 * stop_on_miss: the M/D/1 server at rho 0.7 (md1 above); its p99 TTFT over
 * the whole run is T.  Asked for T / 2, the run stops early, having done
 * fewer requests, and the whole run does miss; asked for 2 T, it runs to
 * the end and gives exactly what a run without the option gives.
 */
static void stop_early(void)
{
	struct sim_config c;
	struct sim_result full, r;
	struct length_dist in, out;
	double t99;

	md1_config(&c, &in, &out, 20000);
	if (run(&full, &c) < 0)
		return;
	t99 = qstat_quantile(&full.ttft, 0.99);
	c.tpot_slo_s = 1;
	c.ttft_slo_s = t99 / 2;
	c.stop_on_miss = 1;
	if (run(&r, &c) == 0) {
		test_ok(r.stopped && r.completed < full.completed / 10,
			"p99 TTFT %.3f s asked for %.3f s: stopped after %zu of %zu requests", t99,
			t99 / 2, r.completed, full.completed);
		sim_result_release(&r);
	}
	c.ttft_slo_s = 2 * t99;
	if (run(&r, &c) == 0) {
		test_ok(!r.stopped && r.completed == full.completed &&
			qstat_quantile(&r.ttft, 0.99) == t99 && r.steps == full.steps,
			"asked for twice the p99: runs to the end, the same run");
		sim_result_release(&r);
	}
	/* just above the p99: every miss counted, still no early stop */
	c.ttft_slo_s = t99 * 1.002;
	if (run(&r, &c) == 0) {
		test_ok(!r.stopped, "asked for just over the p99: never stops");
		sim_result_release(&r);
	}
	sim_result_release(&full);
}

int main(void)
{
	cat = test_catalog();
	step_reduces();
	step_memo();
	md1();
	stop_early();
	mm1();
	by_hand();
	conservation();
	reserving();
	closed_loop();
	low_load();
	overload();
	replicas();
	seeded();
	traces();
	trace_bounds();
	cat_free(cat);
	return test_done();
}
