/*
 * fit.h - when a deployment does not fit: why, and the nearest changes
 * that make it fit (more GPUs, a smaller weight format, a smaller KV
 * cache), each found by building the changed deployment and checking its
 * memory the way `estimate` does.
 */
#ifndef RIGPLAN_BIND_FIT_H
#define RIGPLAN_BIND_FIT_H

#include <stddef.h>
#include "bind/deploy.h"

struct fit_advice {
	char reason[192];           /* "" when it fits */
	size_t tp, pp;              /* fewest GPUs (same formats) that fit; 0: none up to FIT_MAX_GPUS */
	const char *precision;      /* the largest weight format the engine loads that fits on
				     * the GPUs asked; NULL: none does */
	const char *kv_precision;   /* a smaller KV format that fits; NULL: none */
};

/* Tensor parallel stays inside a node; pipeline stages spread over nodes
 * up to this many GPUs in all. */
#define FIT_MAX_GPUS 64

/*
 * Advice for the request `q`, laid out from `rows` as deployment `d`,
 * which gave memory `mem`.  Pure but for one scratch deployment it
 * allocates (xalloc aborts on no memory).
 */
void fit_advise(struct fit_advice *out, const struct bind_rows *rows,
		const struct deploy_request *q, const struct deploy *d,
		const struct mem_result *mem);

#endif
