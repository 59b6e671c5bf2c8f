/*
 * events.c - see events.h.  A hand-written heap: GSL has none, and a
 * binary heap of plain structs (no pointers, no per-event allocation) is
 * what keeps 100,000-request runs near a second.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "sim/events.h"
#include "util/xalloc.h"

static int before(const struct event *a, const struct event *b)
{
	return a->t < b->t || (a->t == b->t && a->seq < b->seq);
}

void events_init(struct event_queue *q)
{
	q->heap = NULL;
	q->n = q->cap = 0;
	q->next_seq = 0;
}

void events_free(struct event_queue *q)
{
	free(q->heap);
	events_init(q);
}

void events_push(struct event_queue *q, double t, int kind, size_t who)
{
	size_t i, parent;
	struct event e = { t, q->next_seq++, kind, who };

	if (q->n == q->cap) {
		if (q->cap > SIZE_MAX / 2 / sizeof(*q->heap))
			abort();    /* more events than memory: a runaway caller */
		q->cap = q->cap ? 2 * q->cap : 64;
		q->heap = xrealloc(q->heap, q->cap * sizeof(*q->heap));
	}
	for (i = q->n++; i > 0; i = parent) {
		parent = (i - 1) / 2;
		if (!before(&e, &q->heap[parent]))
			break;
		q->heap[i] = q->heap[parent];
	}
	q->heap[i] = e;
}

int events_pop(struct event_queue *q, struct event *out)
{
	struct event last;
	size_t i = 0, child;

	if (q->n == 0)
		return 0;
	*out = q->heap[0];
	last = q->heap[--q->n];
	for (;;) {
		child = 2 * i + 1;
		if (child >= q->n)
			break;
		if (child + 1 < q->n && before(&q->heap[child + 1], &q->heap[child]))
			child++;
		if (!before(&q->heap[child], &last))
			break;
		q->heap[i] = q->heap[child];
		i = child;
	}
	if (q->n > 0)
		q->heap[i] = last;
	return 1;
}

double events_next_t(const struct event_queue *q)
{
	return q->n ? q->heap[0].t : INFINITY;
}
