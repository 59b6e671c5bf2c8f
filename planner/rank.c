/*
 * rank.c - the order of candidates (dollars per million output tokens,
 * then capex, then p99 TTFT, then names), one per box, and the Pareto
 * front over capex, cost per token, p99 TTFT and power with the reason
 * each candidate is shown.  A candidate's capex and cost per token count
 * its priced parts only: no claim rests on a part without a price.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "planner/plan_int.h"

static int worse(double a, double b)
{
	if (isnan(a))
		return !isnan(b);
	return !isnan(b) && a > b;
}

int plan_cmp_rank(const void *pa, const void *pb)
{
	const struct plan_candidate *a = pa, *b = pb;
	int r;

	if (worse(a->usd_per_million_tokens, b->usd_per_million_tokens))
		return 1;
	if (worse(b->usd_per_million_tokens, a->usd_per_million_tokens))
		return -1;
	if (a->capex_usd != b->capex_usd)
		return a->capex_usd > b->capex_usd ? 1 : -1;
	if (a->ttft_p99_s != b->ttft_p99_s)
		return a->ttft_p99_s > b->ttft_p99_s ? 1 : -1;
	if ((r = strcmp(a->gpu, b->gpu)) || (r = strcmp(a->engine, b->engine)) ||
	    (r = strcmp(a->precision, b->precision)))
		return r;
	if (a->tp != b->tp)
		return a->tp > b->tp ? 1 : -1;
	return a->pp > b->pp ? 1 : a->pp < b->pp ? -1 : 0;
}

/* The axes of the front, smaller is better; NaN counts as infinite. */
static void axes(const struct plan_candidate *c, double v[4])
{
	v[0] = c->capex_usd;
	v[1] = isnan(c->usd_per_million_tokens) ? INFINITY : c->usd_per_million_tokens;
	v[2] = c->ttft_p99_s;
	v[3] = c->power_w;
}

/* The same bill lines without a price (role, id, quantity): then what
 * the unpriced parts add is the same for both. */
static int same_unpriced(const struct plan_candidate *a, const struct plan_candidate *b)
{
	size_t i, j, found;

	if (a->unpriced_parts != b->unpriced_parts)
		return 0;
	for (i = 0; i < a->nparts; i++) {
		const struct plan_part *p = &a->parts[i];

		if (!isnan(p->unit_usd))
			continue;
		for (j = 0, found = 0; j < b->nparts && !found; j++)
			found = isnan(b->parts[j].unit_usd) && b->parts[j].qty == p->qty &&
				!strcmp(b->parts[j].role, p->role) && !strcmp(b->parts[j].id, p->id);
		if (!found)
			return 0;
	}
	return 1;
}

/*
 * Whether a's value on axis k is surely at most b's (cmp 0) or below it
 * (cmp 1).  Capex and the cost per token count priced parts only, so
 * with a part unpriced they are lower bounds: a's is sure to be no more
 * than b's only when a's is whole (b's true value is at least its bound)
 * or both leave out the same parts (the unknown is the same sum, and the
 * plan's tokens are the same for every candidate).
 */
static int surely(const struct plan_candidate *a, const struct plan_candidate *b, int k,
		  int strict)
{
	double x[4], y[4];

	axes(a, x);
	axes(b, y);
	if (k < 2 && a->unpriced_parts && !same_unpriced(a, b))
		return 0;
	return strict ? x[k] < y[k] : x[k] <= y[k];
}

static int dominates(const struct plan_candidate *a, const struct plan_candidate *b)
{
	int strict = 0, k;

	for (k = 0; k < 4; k++) {
		if (!surely(a, b, k, 0))
			return 0;
		strict |= surely(a, b, k, 1);
	}
	return strict;
}

/* Whether c[i] is surely the lowest of all on axis k. */
static int lowest(const struct plan_candidate *c, size_t n, size_t i, int k)
{
	double v[4];
	size_t j;

	axes(&c[i], v);
	if (!isfinite(v[k]))
		return 0;
	for (j = 0; j < n; j++)
		if (j != i && !surely(&c[i], &c[j], k, 0))
			return 0;
	return 1;
}

void plan_rank(struct plan_candidate *c, size_t n)
{
	static const char *const best_of[4] = {
		"lowest capex", "lowest cost per million tokens", "lowest p99 TTFT", "lowest power"
	};
	size_t i, j;
	int k;

	for (i = 0; i < n; i++) {
		size_t by = n;
		size_t len = 0;

		c[i].pareto = 1;
		for (j = 0; j < n && c[i].pareto; j++)
			if (j != i && dominates(&c[j], &c[i])) {
				c[i].pareto = 0;
				by = j;
			}
		c[i].why[0] = '\0';
		for (k = 0; k < 4; k++)
			if (lowest(c, n, i, k))
				len += (size_t)snprintf(c[i].why + len, sizeof(c[i].why) - len, "%s%s",
							len ? ", " : "", best_of[k]) ;
		if (len >= sizeof(c[i].why))
			continue;
		if (!len && c[i].pareto)
			snprintf(c[i].why, sizeof(c[i].why),
				 "on the Pareto front: nothing is cheaper, faster and cooler at once");
		else if (!len)
			snprintf(c[i].why, sizeof(c[i].why), "dominated by #%zu (%zu x %s, %s)",
				 by + 1, c[by].gpu_count, c[by].gpu, c[by].precision);
	}
}

/* The same hardware: GPU, how many and over how many nodes.  The plan
 * shows one deployment per box, the best: a buyer compares boxes. */
int plan_same_box(const struct plan_candidate *a, const struct plan_candidate *b)
{
	return !strcmp(a->gpu, b->gpu) && a->gpu_count == b->gpu_count && a->nodes == b->nodes;
}

double plan_cost_of(const struct plan_candidate *c)
{
	return isnan(c->usd_per_million_tokens) ? INFINITY : c->usd_per_million_tokens;
}

/* One candidate per GPU, format and parallel layout: the best engine for
 * it.  Engines differ by a few percent; showing the same box four times
 * would crowd out the real alternatives (--engine picks one). */
void plan_dedupe(struct plan_result *r)
{
	size_t i, j, keep = 0;

	for (i = 0; i < r->n; i++) {
		const struct plan_candidate *c = &r->c[i];
		int dup = 0;

		for (j = 0; j < keep && !dup; j++)
			dup = !strcmp(r->c[j].gpu, c->gpu) && !strcmp(r->c[j].precision, c->precision) &&
			      r->c[j].tp == c->tp && r->c[j].pp == c->pp;
		if (!dup)
			r->c[keep++] = *c;
	}
	r->n = keep;
}

/* After verifying: one candidate per box, the best ranked (c is sorted). */
void plan_one_per_box(struct plan_result *r)
{
	size_t i, j, keep = 0;

	for (i = 0; i < r->n; i++) {
		int dup = 0;

		for (j = 0; j < keep && !dup; j++)
			dup = plan_same_box(&r->c[j], &r->c[i]);
		if (!dup)
			r->c[keep++] = r->c[i];
	}
	r->n = keep;
}
