/*
 * policy.c - see policy.h.  FCFS is a ring buffer (push at the back,
 * push_front at the front); shortest-prompt a binary heap on (class,
 * prompt, arrival), preempted requests in class 0 so they come first.
 */
#include <stdlib.h>
#include <string.h>

#include "sim/policy.h"
#include "sim/sim_int.h"
#include "util/xalloc.h"

struct ring {
	struct sim_req **v;
	size_t head, n, cap;
};

static void ring_init(void *s)
{
	memset(s, 0, sizeof(struct ring));
}

static void ring_release(void *s)
{
	struct ring *q = s;

	free(q->v);
	ring_init(q);
}

static void ring_grow(struct ring *q)
{
	size_t cap = q->cap ? 2 * q->cap : 64, i;
	struct sim_req **v = xmalloc(cap * sizeof(*v));

	for (i = 0; i < q->n; i++)
		v[i] = q->v[(q->head + i) % q->cap];
	free(q->v);
	q->v = v;
	q->cap = cap;
	q->head = 0;
}

static void ring_push(void *s, struct sim_req *r)
{
	struct ring *q = s;

	if (q->n == q->cap)
		ring_grow(q);
	q->v[(q->head + q->n++) % q->cap] = r;
}

static void ring_push_front(void *s, struct sim_req *r)
{
	struct ring *q = s;

	if (q->n == q->cap)
		ring_grow(q);
	q->head = (q->head + q->cap - 1) % q->cap;
	q->v[q->head] = r;
	q->n++;
}

static struct sim_req *ring_peek(const void *s)
{
	const struct ring *q = s;

	return q->n ? q->v[q->head] : NULL;
}

static void ring_pop(void *s)
{
	struct ring *q = s;

	q->head = (q->head + 1) % q->cap;
	q->n--;
}

static size_t ring_count(const void *s)
{
	return ((const struct ring *)s)->n;
}

static const struct sim_policy_type fcfs = {
	"fcfs", sizeof(struct ring), ring_init, ring_release, ring_push,
	ring_push_front, ring_peek, ring_pop, ring_count
};

struct hent {
	size_t cls, prompt;
	uint64_t seq;
	struct sim_req *r;
};

struct heap {
	struct hent *v;
	size_t n, cap;
	uint64_t front;     /* push_front order among preempted requests */
};

static int before(const struct hent *a, const struct hent *b)
{
	if (a->cls != b->cls)
		return a->cls < b->cls;
	if (a->prompt != b->prompt)
		return a->prompt < b->prompt;
	return a->seq < b->seq;
}

static void heap_init(void *s)
{
	memset(s, 0, sizeof(struct heap));
}

static void heap_release(void *s)
{
	struct heap *h = s;

	free(h->v);
	heap_init(h);
}

static void heap_insert(struct heap *h, struct hent e)
{
	size_t i;

	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 64;
		h->v = xrealloc(h->v, h->cap * sizeof(*h->v));
	}
	for (i = h->n++; i > 0 && before(&e, &h->v[(i - 1) / 2]); i = (i - 1) / 2)
		h->v[i] = h->v[(i - 1) / 2];
	h->v[i] = e;
}

static void sp_push(void *s, struct sim_req *r)
{
	struct hent e = { 1, r->prompt, r->seq, r };

	heap_insert(s, e);
}

static void sp_push_front(void *s, struct sim_req *r)
{
	struct heap *h = s;
	/* the last preempted first, as a stack: UINT64_MAX - count */
	struct hent e = { 0, 0, UINT64_MAX - h->front++, r };

	heap_insert(h, e);
}

static struct sim_req *sp_peek(const void *s)
{
	const struct heap *h = s;

	return h->n ? h->v[0].r : NULL;
}

static void sp_pop(void *s)
{
	struct heap *h = s;
	struct hent last = h->v[--h->n];
	size_t i = 0, c;

	while ((c = 2 * i + 1) < h->n) {
		if (c + 1 < h->n && before(&h->v[c + 1], &h->v[c]))
			c++;
		if (!before(&h->v[c], &last))
			break;
		h->v[i] = h->v[c];
		i = c;
	}
	if (h->n)
		h->v[i] = last;
}

static size_t sp_count(const void *s)
{
	return ((const struct heap *)s)->n;
}

static const struct sim_policy_type shortest = {
	"shortest-prompt", sizeof(struct heap), heap_init, heap_release, sp_push,
	sp_push_front, sp_peek, sp_pop, sp_count
};

const struct sim_policy_type *const sim_policy_fcfs = &fcfs;
const struct sim_policy_type *const sim_policy_shortest_prompt = &shortest;

static const struct sim_policy_type *const all[] = { &fcfs, &shortest, NULL };

const struct sim_policy_type *sim_policy_find(const char *name)
{
	size_t i;

	for (i = 0; all[i]; i++)
		if (!strcmp(all[i]->name, name))
			return all[i];
	return NULL;
}

const char *sim_policy_names(void)
{
	return "fcfs, shortest-prompt";
}
