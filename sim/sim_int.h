/*
 * sim_int.h - the simulator's request record, shared by sim.c and the
 * policies.  Token bookkeeping: `known` tokens exist (the prompt and what
 * was generated); `computed` of them have KV in the cache; a step computes
 * some of the rest and, when it reaches `known`, samples one more token.
 * Prefill is known - computed > 1, decode is exactly 1, so a preemption
 * by recompute is only computed = 0.
 */
#ifndef RIGPLAN_SIM_SIM_INT_H
#define RIGPLAN_SIM_SIM_INT_H

#include <stddef.h>
#include <stdint.h>

struct sim_req {
	double t_arrive, t_first, t_admit;
	uint64_t seq;           /* arrival order */
	size_t prompt, output;  /* tokens, the images' included */
	size_t images;          /* its vision tower encodes at each (re)admission from scratch */
	size_t known, computed, generated;
	size_t shared;          /* leading tokens in the replica's cached prefix */
	size_t blocks;          /* KV blocks held (beyond the shared prefix) */
	size_t swapped;         /* blocks parked in host memory */
	size_t sched;           /* tokens scheduled in the running step */
	size_t replica;
	struct sim_req *next;   /* free list */
};

#endif
