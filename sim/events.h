/*
 * events.h - the simulator's future-event list: a binary min-heap on
 * (time, insertion order), so events at equal times leave in the order
 * they were scheduled and a seeded run is reproducible byte for byte.
 * Memory grows with the events pending, not with the events ever made.
 */
#ifndef RIGPLAN_SIM_EVENTS_H
#define RIGPLAN_SIM_EVENTS_H

#include <stddef.h>
#include <stdint.h>

struct event {
	double t;           /* simulated seconds */
	uint64_t seq;       /* insertion order: breaks ties */
	int kind;           /* the simulator's own codes */
	size_t who;         /* a request, a replica: the simulator's index */
};

struct event_queue {
	struct event *heap;
	size_t n, cap;
	uint64_t next_seq;
};

void events_init(struct event_queue *q);
void events_free(struct event_queue *q);
/* Schedule; times must be finite (the caller checks its inputs). */
void events_push(struct event_queue *q, double t, int kind, size_t who);
/* The earliest event; 0 when the queue is empty. */
int events_pop(struct event_queue *q, struct event *out);
/* Time of the earliest event; INFINITY when empty. */
double events_next_t(const struct event_queue *q);

#endif
