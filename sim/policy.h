/*
 * policy.h - the order in which a replica admits waiting requests, as a
 * pluggable type with its own state (GSL's solver pattern): the engine
 * only pushes, peeks and pops.  Preempted requests go back with
 * push_front and come out before any new one, as in vLLM.
 *
 *   fcfs           first come, first served (vLLM's default)
 *   shortest-prompt  the shortest prompt first (ties by arrival); a
 *                    scheduler cannot know output lengths, only prompts
 */
#ifndef RIGPLAN_SIM_POLICY_H
#define RIGPLAN_SIM_POLICY_H

#include <stddef.h>

struct sim_req;

struct sim_policy_type {
	const char *name;
	size_t size;                    /* bytes of state */
	void (*init)(void *state);
	void (*release)(void *state);
	void (*push)(void *state, struct sim_req *r);
	void (*push_front)(void *state, struct sim_req *r);
	struct sim_req *(*peek)(const void *state);  /* NULL when empty */
	void (*pop)(void *state);
	size_t (*count)(const void *state);
};

extern const struct sim_policy_type *const sim_policy_fcfs;
extern const struct sim_policy_type *const sim_policy_shortest_prompt;

/* By name; NULL when unknown.  sim_policy_names() lists them for messages. */
const struct sim_policy_type *sim_policy_find(const char *name);
const char *sim_policy_names(void);

#endif
