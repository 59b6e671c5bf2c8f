/*
 * sim_opts.h - the load and serving flags that simulate and capacity
 * share, and turning them (with the deployment flags) into a ready
 * simulator configuration.  SIM_OPTS expands to option-table rows.
 */
#ifndef RIGPLAN_CLI_SIM_OPTS_H
#define RIGPLAN_CLI_SIM_OPTS_H

#include "cli/cmd.h"
#include "cli/deploy_opts.h"
#include "sim/sim.h"
#include "sim/trace.h"

struct err;
struct cat;

enum {
	SO_QPS = DO_LAST, SO_REQUESTS, SO_SEED, SO_ARRIVAL, SO_INPUT, SO_OUTPUT,
	SO_TRACE, SO_REPLICAS, SO_BALANCE, SO_DISAGG, SO_POLICY, SO_PREEMPT,
	SO_PREFIX_CACHING, SO_SHARED_PREFIX, SO_JSON, SO_CONCURRENCY,
	SO_LAST
};

#define SIM_OPTS \
	{ "qps", 'q', required_argument, SO_QPS, "Q", "mean arrival rate, requests per second" }, \
	{ "requests", 0, required_argument, SO_REQUESTS, "N", "requests per run (default 1000, in capacity 2000; a trace: all)" }, \
	{ "seed", 0, required_argument, SO_SEED, "S", "random seed: one seed, one run (default 1)" }, \
	{ "arrival", 0, required_argument, SO_ARRIVAL, "A", "poisson or gamma:CV (burstier when CV > 1)" }, \
	{ "concurrency", 0, required_argument, SO_CONCURRENCY, "N", "a closed loop of N clients, each sending its next request when the last ends (instead of --qps)" }, \
	{ "input-len", 0, required_argument, SO_INPUT, "DIST", "prompt tokens: N, uniform:LO:HI, lognormal:MEAN:SIGMA, exponential:MEAN, empirical:FILE:COL (default 512)" }, \
	{ "output-len", 0, required_argument, SO_OUTPUT, "DIST", "generated tokens, as --input-len (default 256)" }, \
	{ "trace", 0, required_argument, SO_TRACE, "FILE", "replay a CSV trace (TIMESTAMP,ContextTokens,GeneratedTokens); --qps rescales it" }, \
	{ "replicas", 0, required_argument, SO_REPLICAS, "N", "copies of the deployment behind the balancer (default 1)" }, \
	{ "balance", 0, required_argument, SO_BALANCE, "B", "least-outstanding (default) or round-robin" }, \
	{ "disaggregate", 0, required_argument, SO_DISAGG, "P:D", "P prefill and D decode replicas, KV sent between" }, \
	{ "policy", 0, required_argument, SO_POLICY, "ORDER", "admission order: fcfs (default) or shortest-prompt" }, \
	{ "preemption", 0, required_argument, SO_PREEMPT, "M", "when KV runs out: recompute (default) or swap" }, \
	{ "prefix-caching", 0, no_argument, SO_PREFIX_CACHING, NULL, "reuse the cached KV of a shared prompt prefix" }, \
	{ "shared-prefix", 0, required_argument, SO_SHARED_PREFIX, "N", "tokens every prompt begins with (a system prompt)" }, \
	{ "json", 0, no_argument, SO_JSON, NULL, "print JSON (SI units)" }

struct sim_opts {
	struct deploy_request q;
	double qps;                 /* NaN: not given */
	size_t requests;            /* 0: the default */
	unsigned long seed;
	const char *arrival, *input, *output, *trace, *balance, *disagg, *policy, *preempt;
	size_t replicas, shared_prefix, concurrency;
	int prefix_caching, json;
};

void sim_opts_init(struct sim_opts *o);
/* One flag: 0, a negative error, or 1 when it is neither a deployment
 * nor a load flag. */
int sim_opt(struct sim_opts *o, int id, const char *arg, struct err *err);

/* A deployment and a simulator configuration built from the flags. */
struct sim_job {
	struct cat *cat;
	struct deploy *d;
	struct sim_config cfg;
	struct length_dist input, output;
	struct trace trace;
	int has_trace;
};

/* Build; on failure the error is reported and *status set (2 for bad
 * flags, 3 for a bad trace or length file, 5 when nothing fits). */
int sim_job_build(struct sim_job *j, const struct sim_opts *o, struct cli_ctx *ctx,
		  int *status);
void sim_job_release(struct sim_job *j);

/* Text of the serving configuration: "2 x vllm (max 256 sequences, ...)". */
void sim_job_describe(FILE *f, const struct sim_job *j);

#endif
